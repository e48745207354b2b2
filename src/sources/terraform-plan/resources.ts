import { parseRoleArn } from '../../iam/arn.js'
import type {
  Annotation,
  Cluster,
  KubeObject,
  OidcProvider,
  PodIdentityAssociation,
  Role,
  ServiceAccount,
  TerraformResourceRef,
} from '../../model/facts.js'
import type { SourceFinding } from '../../model/finding.js'
import type { Location } from '../../model/location.js'
import type { TreeNode } from '../../model/tree.js'
import { known, symbolic, type KnownValue, type Value } from '../../model/value.js'
import { parseJsonTree } from '../shared/json-tree.js'
import { readPolicyDocument } from '../shared/policy-document.js'
import type { PlanConfiguration } from './configuration.js'
import type { JsonPath } from './json-locator.js'
import { isObject, valueAt, type ResourceValues } from './plan.js'
import {
  AUDIENCE_ANNOTATION,
  ROLE_ARN_ANNOTATION,
  STS_REGIONAL_ENDPOINTS_ANNOTATION,
  TOKEN_EXPIRATION_ANNOTATION,
} from '../../model/kubernetes.js'

export interface PlanContext {
  /** The plan file, for messages. */
  path: string
  configuration: PlanConfiguration
  /** The root module's directory, when the plan lies in it. */
  root?: string
  /** The one AWS account the plan's resources live in, when the plan says (for roles created by it, whose ARN is unknown). */
  account?: KnownValue
  findings: SourceFinding[]
}

const METADATA: JsonPath = ['metadata', 0]

export function roleOf(values: ResourceValues, context: PlanContext): Role {
  const { address } = values.resource
  const role: Role = {
    source: 'terraform-plan',
    location: values.location,
    label: '',
    arnReferences: context.configuration.referencesTo(values.resource, 'arn'),
    terraform: refOf(values, context),
  }
  const name = values.value(['name'])
  const prefix = values.value(['name_prefix'])
  if (prefix?.kind === 'known' && name?.kind !== 'known') role.generatedName = { prefix, location: prefix.location }
  else role.name = name ?? symbolic(`${address}.name`, values.location)
  const path = values.value(['path'])
  if (path) role.path = path
  const arn = values.value(['arn']) ?? symbolic(`${address}.arn`, values.location)
  role.arn = arn
  role.arnReferences = withoutOwnExpression(role.arnReferences, arn)
  const parsed = arn.kind === 'known' ? parseRoleArn(arn.value) : undefined
  if (parsed) {
    role.account = known(parsed.account, arn.location)
    role.partition = parsed.partition
  } else if (context.account) {
    role.account = context.account
  }
  const trust = trustPolicyOf(values, context)
  if (trust) role.trustPolicy = trust
  role.label =
    role.name?.kind === 'known'
      ? `role ${role.name.value} (${address} in ${context.path})`
      : `${address} (${context.path})`
  return role
}

/** `assume_role_policy` holds the policy as a JSON string: its elements are located at the attribute. */
function trustPolicyOf(values: ResourceValues, context: PlanContext): Role['trustPolicy'] {
  const { address } = values.resource
  const origin = `${address} in ${context.path}`
  const location = values.locationOf(['assume_role_policy'])
  let tree: TreeNode
  const policy = values.value(['assume_role_policy'])
  if (!policy) return undefined
  if (policy.kind === 'symbolic') {
    tree = { kind: 'scalar', location, value: policy, type: 'unknown' }
  } else {
    let text = policy.value.trim()
    if (/^%7B/i.test(text)) {
      try {
        text = decodeURIComponent(text)
      } catch {
        // left as it is: the JSON reader reports it
      }
    }
    const parsed = parseJsonTree(context.path, text, { fixedLocation: location })
    if (!parsed.ok) {
      context.findings.push({
        ruleId: 'trust-policy-invalid',
        location,
        message: `The assume_role_policy of ${origin} cannot be read: the JSON in the string is invalid: ${parsed.message}; IAM refuses it with "MalformedPolicyDocument: Syntax errors in policy"`,
        key: `document-string ${address}`,
      })
      return undefined
    }
    tree = parsed.root
  }
  const read = readPolicyDocument(tree, origin)
  context.findings.push(...read.findings)
  return read.document
}

export function serviceAccountOf(
  values: ResourceValues,
  context: PlanContext,
): { serviceAccount: ServiceAccount; object: KubeObject } {
  const { address } = values.resource
  const nameLocation = values.locationOf([...METADATA, 'name'])
  const generateName = values.value([...METADATA, 'generate_name'])
  const name =
    values.value([...METADATA, 'name']) ??
    symbolic(
      generateName?.kind === 'known' ? `generated-name:${generateName.value}` : `${address}.metadata[0].name`,
      nameLocation,
    )
  const namespace = values.value([...METADATA, 'namespace']) ?? known('default', nameLocation)
  const annotations = mapEntries(values, [...METADATA, 'annotations'], 'annotations')
  const labels = mapEntries(values, [...METADATA, 'labels'], 'labels')
  const terraform = refOf(values, context)
  const serviceAccount: ServiceAccount = {
    source: 'terraform-plan',
    namespace,
    name,
    location: nameLocation,
    annotations,
    terraform,
  }
  const byKey = new Map(annotations.map((annotation) => [annotation.key, annotation.value]))
  let roleArn = byKey.get(ROLE_ARN_ANNOTATION)
  if (roleArn?.kind === 'symbolic') {
    const reference = context.configuration.referenceOf(values.resource, [...METADATA, 'annotations'])
    if (reference) roleArn = symbolic(reference, roleArn.location)
  } else if (!roleArn && values.isUnknown([...METADATA, 'annotations'])) {
    // The whole map is unknown: its one reference is the role ARN only when it says it is one.
    const reference = context.configuration.referenceOf(values.resource, [...METADATA, 'annotations'])
    if (reference && /arn$/i.test(reference))
      roleArn = symbolic(reference, values.locationOf([...METADATA, 'annotations']))
  }
  if (roleArn) {
    serviceAccount.roleArn = roleArn
    const annotation = annotations.find((candidate) => candidate.key === ROLE_ARN_ANNOTATION)
    if (annotation) annotation.value = roleArn
  }
  const audience = byKey.get(AUDIENCE_ANNOTATION)
  const stsRegionalEndpoints = byKey.get(STS_REGIONAL_ENDPOINTS_ANNOTATION)
  const tokenExpiration = byKey.get(TOKEN_EXPIRATION_ANNOTATION)
  if (audience) serviceAccount.audience = audience
  if (stsRegionalEndpoints) serviceAccount.stsRegionalEndpoints = stsRegionalEndpoints
  if (tokenExpiration) serviceAccount.tokenExpiration = tokenExpiration
  const object: KubeObject = {
    source: 'terraform-plan',
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    name,
    namespace,
    location: nameLocation,
    annotations: [...annotations, ...labels],
    terraform,
  }
  return { serviceAccount, object }
}

/** A string map attribute: known entries, and entries `after_unknown` marks (their keys are known, their values not). */
function mapEntries(values: ResourceValues, path: JsonPath, where: Annotation['where']): Annotation[] {
  const keys = new Set<string>()
  const raw = values.raw(path)
  if (isObject(raw)) for (const key of Object.keys(raw)) keys.add(key)
  const unknown = unknownKeys(values, path)
  for (const key of unknown) keys.add(key)
  const entries: Annotation[] = []
  for (const key of keys) {
    const value = values.value([...path, key])
    if (value) entries.push({ key, keyLocation: values.locationOf([...path, key]), value, where })
  }
  return entries
}

/** The keys of a map that `after_unknown` marks one by one. */
function unknownKeys(values: ResourceValues, path: JsonPath): string[] {
  const marks = valueAt(values.resource.unknown, path)
  return isObject(marks) ? Object.keys(marks).filter((key) => marks[key] === true) : []
}

export function oidcProviderOf(values: ResourceValues, context: PlanContext): OidcProvider {
  const provider: OidcProvider = {
    source: 'terraform-plan',
    location: values.location,
    clientIds: values.values(['client_id_list']),
    clientIdsLocation: values.locationOf(['client_id_list']),
    arnReferences: context.configuration.referencesTo(values.resource, 'arn'),
    terraform: refOf(values, context),
  }
  const arn = values.value(['arn'])
  const url = values.value(['url'])
  if (arn) provider.arn = arn
  provider.arnReferences = withoutOwnExpression(provider.arnReferences, arn)
  if (url) provider.url = url
  return provider
}

const CLUSTER_ARN = /^arn:[\w-]+:eks:([a-z0-9-]+):(\d{12}):cluster\//

export function clusterOf(values: ResourceValues, context: PlanContext): Cluster {
  const { address } = values.resource
  const cluster: Cluster = {
    source: 'terraform-plan',
    location: values.location,
    name: values.value(['name']) ?? symbolic(`${address}.name`, values.location),
    terraform: refOf(values, context),
  }
  const issuer = values.value(['identity', 0, 'oidc', 0, 'issuer'])
  if (issuer) cluster.issuer = issuer
  const arn = values.value(['arn'])
  const parsed = arn?.kind === 'known' ? CLUSTER_ARN.exec(arn.value) : null
  const region = values.value(['region'])
  if (region?.kind === 'known') cluster.region = region
  else if (parsed && arn) cluster.region = known(parsed[1]!, arn.location)
  if (parsed && arn) cluster.account = known(parsed[2]!, arn.location)
  return cluster
}

export function podIdentityAssociationOf(values: ResourceValues, context: PlanContext): PodIdentityAssociation {
  const { address } = values.resource
  const required = (attribute: string): Value =>
    values.value([attribute]) ?? symbolic(`${address}.${attribute}`, values.location)
  let roleArn = required('role_arn')
  if (roleArn.kind === 'symbolic') {
    const reference = context.configuration.referenceOf(values.resource, ['role_arn'])
    if (reference) roleArn = symbolic(reference, roleArn.location)
  }
  const association: PodIdentityAssociation = {
    source: 'terraform-plan',
    location: values.location,
    namespace: required('namespace'),
    serviceAccount: required('service_account'),
    roleArn,
    terraform: refOf(values, context),
  }
  const cluster = values.value(['cluster_name'])
  if (cluster) association.cluster = cluster
  const disableSessionTags = values.value(['disable_session_tags'])
  if (disableSessionTags) association.disableSessionTags = disableSessionTags
  const targetRoleArn = values.value(['target_role_arn'])
  if (targetRoleArn) association.targetRoleArn = targetRoleArn
  return association
}

/** The account an IAM ARN or `aws_caller_identity` states, with where it is written. */
export function accountOf(values: ResourceValues): { account: string; location: Location } | undefined {
  const { type } = values.resource
  if (type === 'aws_caller_identity') {
    const account = values.value(['account_id'])
    return account?.kind === 'known' && /^\d{12}$/.test(account.value)
      ? { account: account.value, location: account.location }
      : undefined
  }
  const arn = values.value(['arn'])
  const match = arn?.kind === 'known' ? /^arn:[\w-]+:iam::(\d{12}):/.exec(arn.value) : null
  return match && arn ? { account: match[1]!, location: arn.location } : undefined
}

/** The graph indexes a symbolic ARN by its expression already: listing it as a reference too would join everything twice. */
function withoutOwnExpression(references: readonly string[], arn: Value | undefined): string[] {
  return references.filter((reference) => arn?.kind !== 'symbolic' || reference !== arn.expression)
}

function refOf(values: ResourceValues, context: PlanContext): TerraformResourceRef {
  return context.root === undefined
    ? { address: values.resource.address }
    : { root: context.root, address: values.resource.address }
}
