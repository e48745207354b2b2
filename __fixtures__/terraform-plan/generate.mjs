// Writes the Terraform plan fixtures (`terraform show -json` output, pretty-printed as `jq .`
// prints it) of __fixtures__/terraform-plan and __fixtures__/joins. The layout follows Terraform's
// JSON output format 1.2: resource changes with after/after_unknown, planned values (unknown
// values omitted), the prior state, and the configuration with each expression's references.
// Attribute maps are written with sorted keys, as Terraform writes them.
//
//   node __fixtures__/terraform-plan/generate.mjs
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ACCOUNT = '406214073512'
const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'
const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`

function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted(value[key])]))
}

/** A trust policy as `jsonencode` renders it (keys sorted, no whitespace). */
function irsaTrust(subjects, { issuer = ISSUER, providerArn = PROVIDER_ARN, operator = 'StringEquals' } = {}) {
  return JSON.stringify(
    sorted({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: providerArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { [operator]: { [`${issuer}:sub`]: subjects.length === 1 ? subjects[0] : subjects, [`${issuer}:aud`]: 'sts.amazonaws.com' } },
        },
      ],
    }),
  )
}

/** The trust EKS Pod Identity needs. */
const podIdentityTrust = JSON.stringify(
  sorted({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] }),
)

function splitAddress(address) {
  const match = /^((?:module\.[^.]+\.)*)((?:data\.)?)([a-z0-9_]+)\.([A-Za-z0-9_-]+)(\[.*\])?$/.exec(address)
  if (!match) throw new Error(`bad address ${address}`)
  const index = match[5] === undefined ? undefined : JSON.parse(match[5].slice(1, -1))
  return { moduleAddress: match[1].replace(/\.$/, ''), mode: match[2] ? 'data' : 'managed', type: match[3], name: match[4], index }
}

/**
 * One resource instance: `action` create (values partly unknown), no-op (all known, in the prior
 * state), delete (only in the prior state), or read (a data source read while planning).
 */
function resource(address, { action = 'create', values, unknown = {}, provider = 'aws' }) {
  return { address, ...splitAddress(address), action, values: sorted(values), unknown: sorted(unknown), provider }
}

function valuesEntry(item) {
  const entry = { address: item.address, mode: item.mode, type: item.type, name: item.name }
  if (item.index !== undefined) entry.index = item.index
  entry.provider_name = `registry.terraform.io/hashicorp/${item.provider}`
  entry.schema_version = 0
  entry.values = item.values
  entry.sensitive_values = {}
  return entry
}

function moduleTree(items) {
  const root = { resources: [], child_modules: [] }
  const modules = new Map()
  for (const item of items) {
    if (item.moduleAddress === '') {
      root.resources.push(valuesEntry(item))
      continue
    }
    let module = modules.get(item.moduleAddress)
    if (!module) {
      module = { resources: [], address: item.moduleAddress }
      modules.set(item.moduleAddress, module)
      root.child_modules.push(module)
    }
    module.resources.push(valuesEntry(item))
  }
  if (root.child_modules.length === 0) delete root.child_modules
  return root
}

function changeEntry(item) {
  const entry = { address: item.address }
  if (item.moduleAddress !== '') entry.module_address = item.moduleAddress
  Object.assign(entry, { mode: item.mode, type: item.type, name: item.name })
  if (item.index !== undefined) entry.index = item.index
  entry.provider_name = `registry.terraform.io/hashicorp/${item.provider}`
  const actions = { create: ['create'], 'no-op': ['no-op'], delete: ['delete'], read: ['read'] }[item.action]
  entry.change = {
    actions,
    before: item.action === 'create' || item.action === 'read' ? null : item.values,
    after: item.action === 'delete' ? null : item.values,
    after_unknown: item.action === 'delete' ? {} : item.unknown,
    before_sensitive: item.action === 'create' || item.action === 'read' ? false : {},
    after_sensitive: item.action === 'delete' ? false : {},
  }
  if (item.action === 'delete') entry.action_reason = 'delete_because_no_resource_config'
  return entry
}

function plan({ items, configuration }) {
  const planned = items.filter((item) => item.action !== 'delete' && item.mode === 'managed')
  const prior = items.filter((item) => item.action !== 'create')
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: { root_module: moduleTree(planned) },
    resource_changes: items.filter((item) => item.mode === 'managed').map(changeEntry),
    prior_state: { format_version: '1.0', terraform_version: '1.9.5', values: { root_module: moduleTree(prior) } },
    configuration,
    timestamp: '2025-05-14T09:12:44Z',
    applyable: true,
    complete: true,
    errored: false,
  }
}

const constant = (value) => ({ constant_value: value })
const references = (...list) => ({ references: list })

function configResource(address, expressions, extra = {}) {
  const { mode, type, name } = splitAddress(address)
  const provider = type.startsWith('kubernetes') ? 'kubernetes' : 'aws'
  return { address, mode, type, name, provider_config_key: provider, expressions, schema_version: 0, ...extra }
}

const PROVIDERS = {
  aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: constant('us-east-1') } },
  kubernetes: { name: 'kubernetes', full_name: 'registry.terraform.io/hashicorp/kubernetes' },
}

function write(relative, value) {
  const file = path.join(fixtures, relative)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`)
}

// Shared resources -------------------------------------------------------------------------------

const callerIdentity = resource('data.aws_caller_identity.current', {
  action: 'read',
  values: { account_id: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/ci-terraform`, id: ACCOUNT, user_id: 'AIDAV6EXAMPLEUSERID' },
})

const cluster = resource('aws_eks_cluster.main', {
  action: 'no-op',
  values: {
    arn: `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/prod`,
    endpoint: 'https://5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B.gr7.us-east-1.eks.amazonaws.com',
    id: 'prod',
    identity: [{ oidc: [{ issuer: `https://${ISSUER}` }] }],
    name: 'prod',
    role_arn: `arn:aws:iam::${ACCOUNT}:role/prod-cluster`,
    version: '1.30',
  },
})

const provider = resource('aws_iam_openid_connect_provider.eks', {
  action: 'no-op',
  values: { arn: PROVIDER_ARN, client_id_list: ['sts.amazonaws.com'], id: PROVIDER_ARN, tags: {}, tags_all: {}, thumbprint_list: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'], url: ISSUER },
})

const ROLE_UNKNOWN = { arn: true, create_date: true, id: true, inline_policy: true, managed_policy_arns: true, name_prefix: true, tags_all: true, unique_id: true }

function newRole(address, { name, path = '/', trust, trustUnknown = false }) {
  const values = { description: null, force_detach_policies: false, max_session_duration: 3600, name, path, permissions_boundary: null, tags: null }
  if (!trustUnknown) values.assume_role_policy = trust
  return resource(address, { values, unknown: trustUnknown ? { ...ROLE_UNKNOWN, assume_role_policy: true } : ROLE_UNKNOWN })
}

function existingRole(address, { name, path = '/', trust }) {
  const arn = `arn:aws:iam::${ACCOUNT}:role${path}${name}`
  return resource(address, {
    action: 'no-op',
    values: { arn, assume_role_policy: trust, create_date: '2024-11-02T08:00:00Z', force_detach_policies: false, id: name, max_session_duration: 3600, name, name_prefix: '', path, tags: {}, tags_all: {}, unique_id: 'AROAV6EXAMPLEROLEID' },
  })
}

function newServiceAccount(address, { namespace, name, annotations = {}, unknownAnnotations = [] }) {
  const unknownMap = Object.fromEntries(unknownAnnotations.map((key) => [key, true]))
  return resource(address, {
    provider: 'kubernetes',
    values: {
      automount_service_account_token: true,
      image_pull_secret: [],
      metadata: [{ annotations, generate_name: null, labels: { 'app.kubernetes.io/managed-by': 'terraform' }, name, namespace }],
      secret: [],
      timeouts: null,
    },
    unknown: {
      default_secret_name: true,
      id: true,
      image_pull_secret: [],
      metadata: [{ annotations: unknownMap, generation: true, labels: {}, resource_version: true, uid: true }],
      secret: [],
    },
  })
}

const baseConfiguration = (resources, moduleCalls) => ({
  provider_config: PROVIDERS,
  root_module: { resources, ...(moduleCalls ? { module_calls: moduleCalls } : {}) },
})

const irsaModuleCall = (roleName, trustReferences = ['var.provider_arn']) => ({
  source: './modules/irsa',
  expressions: { name: constant(roleName), provider_arn: references('aws_iam_openid_connect_provider.eks.arn', 'aws_iam_openid_connect_provider.eks') },
  module: {
    outputs: {
      iam_role_arn: { expression: references('aws_iam_role.this[0].arn', 'aws_iam_role.this[0]', 'aws_iam_role.this') },
      iam_role_name: { expression: references('aws_iam_role.this[0].name', 'aws_iam_role.this[0]', 'aws_iam_role.this') },
    },
    resources: [
      configResource('aws_iam_role.this', { assume_role_policy: references(...trustReferences), name: references('var.name') }, { count_expression: constant(1) }),
    ],
    variables: { name: {}, provider_arn: {} },
  },
})

// terraform-plan/basic: one of each resource, in the root module and a child module -----------------

write(
  'terraform-plan/basic/infra/plan.json',
  plan({
    items: [
      callerIdentity,
      cluster,
      provider,
      newRole('aws_iam_role.orders', { name: 'orders-reader', trust: irsaTrust(['system:serviceaccount:prod:orders']) }),
      existingRole('aws_iam_role.catalog', { name: 'catalog', path: '/team/', trust: irsaTrust(['system:serviceaccount:prod:catalog']) }),
      resource('aws_iam_role.legacy', {
        action: 'delete',
        values: { arn: `arn:aws:iam::${ACCOUNT}:role/legacy`, assume_role_policy: irsaTrust(['system:serviceaccount:prod:legacy']), name: 'legacy', path: '/' },
      }),
      newRole('module.irsa.aws_iam_role.this[0]', { name: 'billing-api', trustUnknown: true }),
      newRole('aws_iam_role.agent', { name: 'monitoring-agent', trust: podIdentityTrust }),
      newServiceAccount('kubernetes_service_account.orders', {
        namespace: 'prod',
        name: 'orders',
        annotations: { 'eks.amazonaws.com/role-arn': `arn:aws:iam::${ACCOUNT}:role/orders-reader` },
      }),
      newServiceAccount('kubernetes_service_account_v1.billing', { namespace: 'billing', name: 'billing-api', unknownAnnotations: ['eks.amazonaws.com/role-arn'] }),
      resource('aws_eks_pod_identity_association.agent', {
        values: { cluster_name: 'prod', namespace: 'monitoring', service_account: 'agent', tags: null },
        unknown: { association_arn: true, association_id: true, id: true, role_arn: true, tags_all: true },
      }),
    ],
    configuration: baseConfiguration(
      [
        configResource('aws_eks_cluster.main', { name: constant('prod') }),
        configResource('aws_iam_openid_connect_provider.eks', { client_id_list: constant(['sts.amazonaws.com']), url: references('aws_eks_cluster.main.identity[0].oidc[0].issuer', 'aws_eks_cluster.main.identity[0].oidc[0]', 'aws_eks_cluster.main.identity[0].oidc', 'aws_eks_cluster.main.identity[0]', 'aws_eks_cluster.main.identity', 'aws_eks_cluster.main') }),
        configResource('aws_iam_role.orders', { assume_role_policy: references('aws_iam_openid_connect_provider.eks.arn', 'aws_iam_openid_connect_provider.eks'), name: constant('orders-reader') }),
        configResource('aws_iam_role.catalog', { name: constant('catalog'), path: constant('/team/') }),
        configResource('kubernetes_service_account.orders', { metadata: [{ annotations: constant({ 'eks.amazonaws.com/role-arn': `arn:aws:iam::${ACCOUNT}:role/orders-reader` }), name: constant('orders'), namespace: constant('prod') }] }),
        configResource('kubernetes_service_account_v1.billing', { metadata: [{ annotations: references('module.irsa.iam_role_arn', 'module.irsa'), name: constant('billing-api'), namespace: constant('billing') }] }),
        configResource('aws_iam_role.agent', { assume_role_policy: constant(podIdentityTrust), name: constant('monitoring-agent') }),
        configResource('aws_eks_pod_identity_association.agent', { cluster_name: references('aws_eks_cluster.main.name', 'aws_eks_cluster.main'), namespace: constant('monitoring'), role_arn: references('aws_iam_role.agent.arn', 'aws_iam_role.agent'), service_account: constant('agent') }),
        configResource('data.aws_caller_identity.current', {}),
      ],
      { irsa: irsaModuleCall('billing-api') },
    ),
  }),
)

// terraform-plan/broken: JSON that does not parse, and a format of the future ----------------------

mkdirSync(path.join(fixtures, 'terraform-plan/broken/plans'), { recursive: true })
writeFileSync(
  path.join(fixtures, 'terraform-plan/broken/plans/truncated-plan.json'),
  `{\n  "format_version": "1.2",\n  "terraform_version": "1.9.5",\n  "planned_values": {\n    "root_module": {\n      "resources": [\n        {\n          "address": "aws_iam_role.orders",\n          "type": "aws_iam_role"\n          "name": "orders"\n        }\n      ]\n    }\n  }\n}\n`,
)
write('terraform-plan/broken/plans/future-plan.json', {
  format_version: '2.0',
  terraform_version: '2.1.0',
  planned_values: { root_module: { resources: [valuesEntry(newRole('aws_iam_role.orders', { name: 'orders-reader', trust: irsaTrust(['system:serviceaccount:prod:orders']) }))] } },
})

// joins/yaml-sa-plan-role: ServiceAccounts in YAML, their roles in a plan ----------------------------

for (const variant of ['fires', 'silent']) {
  const fires = variant === 'fires'
  write(
    `joins/yaml-sa-plan-role/${variant}/infra/plan.json`,
    plan({
      items: [
        callerIdentity,
        cluster,
        provider,
        newRole('aws_iam_role.orders', { name: 'orders-reader', trust: irsaTrust([fires ? 'system:serviceaccount:default:orders' : 'system:serviceaccount:prod:orders']) }),
        newRole('aws_iam_role.reports', { name: 'reports-reader', path: '/team/', trust: irsaTrust(['system:serviceaccount:prod:reports']) }),
        newRole('aws_iam_role.billing', { name: 'billing-api', trust: irsaTrust(['system:serviceaccount:prod:billing']) }),
        existingRole('aws_iam_role.catalog', { name: 'catalog', trust: irsaTrust(['system:serviceaccount:prod:catalog']) }),
      ],
      configuration: baseConfiguration([
        configResource('aws_iam_role.orders', { assume_role_policy: references('aws_iam_openid_connect_provider.eks.arn', 'aws_iam_openid_connect_provider.eks'), name: constant('orders-reader') }),
        configResource('aws_iam_role.reports', { assume_role_policy: references('aws_iam_openid_connect_provider.eks.arn', 'aws_iam_openid_connect_provider.eks'), name: constant('reports-reader'), path: constant('/team/') }),
        configResource('aws_iam_role.billing', { assume_role_policy: references('aws_iam_openid_connect_provider.eks.arn', 'aws_iam_openid_connect_provider.eks'), name: constant('billing-api') }),
        configResource('aws_iam_role.catalog', { name: constant('catalog') }),
      ]),
    }),
  )
}

// joins/plan-sa-json-trust: a ServiceAccount in a plan, its role's trust in a JSON file -------------

for (const variant of ['fires', 'silent']) {
  write(
    `joins/plan-sa-json-trust/${variant}/infra/plan.json`,
    plan({
      items: [
        newServiceAccount('kubernetes_service_account_v1.ledger', {
          namespace: 'billing',
          name: 'ledger',
          annotations: { 'eks.amazonaws.com/role-arn': `arn:aws:iam::${ACCOUNT}:role/ledger` },
        }),
      ],
      configuration: baseConfiguration([
        configResource('kubernetes_service_account_v1.ledger', { metadata: [{ annotations: constant({ 'eks.amazonaws.com/role-arn': `arn:aws:iam::${ACCOUNT}:role/ledger` }), name: constant('ledger'), namespace: constant('billing') }] }),
      ]),
    }),
  )
}

// joins/symbolic: values known only after apply, everywhere -----------------------------------------

write(
  'joins/symbolic/infra/plan.json',
  plan({
    items: [
      resource('aws_eks_cluster.main', {
        values: { name: 'payments', role_arn: `arn:aws:iam::${ACCOUNT}:role/payments-cluster`, version: '1.30' },
        unknown: { arn: true, certificate_authority: true, endpoint: true, id: true, identity: true, status: true },
      }),
      resource('aws_iam_openid_connect_provider.eks', {
        values: { client_id_list: ['sts.amazonaws.com'], tags: null },
        unknown: { arn: true, id: true, tags_all: true, thumbprint_list: true, url: true },
      }),
      newRole('module.irsa.aws_iam_role.this[0]', { name: 'payments', trustUnknown: true }),
      newServiceAccount('kubernetes_service_account_v1.payments', { namespace: 'payments', name: 'payments', unknownAnnotations: ['eks.amazonaws.com/role-arn'] }),
      resource('aws_eks_pod_identity_association.worker', {
        values: { namespace: 'payments', service_account: 'payments-batch', tags: null },
        unknown: { association_arn: true, association_id: true, cluster_name: true, id: true, role_arn: true, tags_all: true },
      }),
    ],
    configuration: baseConfiguration(
      [
        configResource('aws_eks_cluster.main', { name: constant('payments') }),
        configResource('aws_iam_openid_connect_provider.eks', { client_id_list: constant(['sts.amazonaws.com']), url: references('aws_eks_cluster.main.identity[0].oidc[0].issuer', 'aws_eks_cluster.main') }),
        configResource('kubernetes_service_account_v1.payments', { metadata: [{ annotations: references('module.irsa.iam_role_arn', 'module.irsa'), name: constant('payments'), namespace: constant('payments') }] }),
        configResource('aws_eks_pod_identity_association.worker', { cluster_name: references('aws_eks_cluster.main.name', 'aws_eks_cluster.main'), namespace: constant('payments'), role_arn: references('module.irsa.iam_role_arn', 'module.irsa'), service_account: constant('payments-batch') }),
      ],
      { irsa: irsaModuleCall('payments') },
    ),
  }),
)

// joins/described-twice: the configuration (.tf) and a plan of it, side by side --------------------

write(
  'joins/described-twice/infra/plan.json',
  plan({
    items: [
      callerIdentity,
      resource('data.aws_eks_cluster.main', { action: 'read', values: { ...cluster.values, id: 'prod' } }),
      resource('data.aws_iam_openid_connect_provider.eks', { action: 'read', values: { ...provider.values, url: `https://${ISSUER}` } }),
      newRole('aws_iam_role.orders', { name: 'orders-reader', trust: irsaTrust(['system:serviceaccount:default:orders']) }),
    ],
    configuration: baseConfiguration([
      configResource('data.aws_caller_identity.current', {}),
      configResource('data.aws_eks_cluster.main', { name: constant('prod') }),
      configResource('data.aws_iam_openid_connect_provider.eks', { url: references('data.aws_eks_cluster.main.identity[0].oidc[0].issuer', 'data.aws_eks_cluster.main') }),
      configResource('aws_iam_role.orders', { assume_role_policy: references('data.aws_iam_openid_connect_provider.eks.arn', 'data.aws_iam_openid_connect_provider.eks', 'local.issuer'), name: constant('orders-reader') }),
    ]),
  }),
)
