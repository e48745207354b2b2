import { placeInUnit, terraformUnit, type Facts } from '../../model/facts.js'
import type { SourceFinding } from '../../model/finding.js'
import { known, type KnownValue } from '../../model/value.js'
import { parseJsonTree } from '../shared/json-tree.js'
import {
  appendResult,
  emptyResult,
  type Source,
  type SourceContext,
  type SourceFile,
  type SourceResult,
} from '../source.js'
import { PlanConfiguration } from './configuration.js'
import { JsonLocator } from './json-locator.js'
import { isObject, planResources, ResourceValues, type JsonObject } from './plan.js'
import {
  accountOf,
  clusterOf,
  oidcProviderOf,
  podIdentityAssociationOf,
  roleOf,
  serviceAccountOf,
  type PlanContext,
} from './resources.js'
import { errorText } from '../../model/error-text.js'

/**
 * `terraform show -json` output of a plan: the roles, OIDC providers, clusters, ServiceAccounts
 * and Pod Identity associations of the root module and every child module, with the values the
 * plan knows; a value known only after apply (`after_unknown`) is symbolic, named after the
 * reference the configuration builds it from. The plan is parsed with JSON.parse; positions are
 * found only for the resources that become facts.
 */
export const terraformPlanSource: Source = {
  name: 'terraform-plan',
  kinds: ['terraform-plan'],
  read(files, context) {
    const result = emptyResult()
    for (const file of files) appendResult(result, readTerraformPlanFile(file, context))
    return result
  },
}

const MANAGED_TYPES = new Set([
  'aws_iam_role',
  'aws_iam_openid_connect_provider',
  'aws_eks_cluster',
  'kubernetes_service_account',
  'kubernetes_service_account_v1',
  'aws_eks_pod_identity_association',
])
const DATA_TYPES = new Set(['aws_eks_cluster', 'aws_iam_openid_connect_provider', 'aws_caller_identity'])
const SUPPORTED_MAJOR_VERSIONS = new Set(['0', '1'])

export function readTerraformPlanFile(file: SourceFile, context: Pick<SourceContext, 'files'>): SourceResult {
  const result = emptyResult()
  try {
    readPlan(file, context, result)
  } catch (error) {
    result.findings.push({
      ruleId: 'parse-error',
      location: { path: file.path, line: 1, column: 1 },
      message: `Cannot read the Terraform plan ${file.path}: ${errorText(error)}`,
      key: `plan ${file.path}`,
    })
  }
  return result
}

function readPlan(file: SourceFile, context: Pick<SourceContext, 'files'>, result: SourceResult): void {
  const plan = parse(file, result.findings)
  if (!plan) return
  const version = plan['format_version']
  if (typeof version === 'string' && !SUPPORTED_MAJOR_VERSIONS.has(version.split('.')[0]!)) {
    result.findings.push({
      ruleId: 'parse-error',
      location: new JsonLocator(file.path, file.text).keyLocation(['format_version']) ?? {
        path: file.path,
        line: 1,
        column: 1,
      },
      message: `${file.path} is a Terraform plan in JSON format ${version}, which irsa-guard cannot read (it reads formats 0.x and 1.x); nothing in it was checked`,
      key: `plan-format ${file.path}`,
    })
    return
  }
  const resources = planResources(plan, (mode, type) => (mode === 'data' ? DATA_TYPES : MANAGED_TYPES).has(type))
  if (resources.length === 0) return
  const locator = new JsonLocator(file.path, file.text)
  const configuration = new PlanConfiguration(plan['configuration'])
  const all = resources.map((resource) => new ResourceValues(resource, locator))
  const planContext: PlanContext = { path: file.path, configuration, findings: result.findings }
  const root = rootModuleDirectory(file.path, context)
  if (root !== undefined) planContext.root = root
  const account = planAccount(all, configuration)
  if (account) planContext.account = account

  const facts: Partial<Facts> = {
    roles: [],
    serviceAccounts: [],
    objects: [],
    oidcProviders: [],
    clusters: [],
    podIdentityAssociations: [],
  }
  for (const values of all) {
    const { type } = values.resource
    if (type === 'aws_iam_role') facts.roles!.push(roleOf(values, planContext))
    else if (type === 'aws_iam_openid_connect_provider') facts.oidcProviders!.push(oidcProviderOf(values, planContext))
    else if (type === 'aws_eks_cluster') facts.clusters!.push(clusterOf(values, planContext))
    else if (type === 'aws_eks_pod_identity_association')
      facts.podIdentityAssociations!.push(podIdentityAssociationOf(values, planContext))
    else if (type === 'kubernetes_service_account' || type === 'kubernetes_service_account_v1') {
      const { serviceAccount, object } = serviceAccountOf(values, planContext)
      facts.serviceAccounts!.push(serviceAccount)
      facts.objects!.push(object)
    }
  }
  // The plan of a root module is that root's unit; a plan lying elsewhere is a unit of its own.
  placeInUnit(facts, root !== undefined ? terraformUnit(root) : `terraform-plan ${file.path}`)
  result.facts = facts
}

function parse(file: SourceFile, findings: SourceFinding[]): JsonObject | undefined {
  let plan: unknown
  try {
    plan = JSON.parse(file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text)
  } catch (error) {
    const located = parseJsonTree(file.path, file.text)
    findings.push({
      ruleId: 'parse-error',
      location: located.ok ? { path: file.path, line: 1, column: 1 } : located.location,
      message: `Cannot parse the Terraform plan ${file.path} as JSON: ${located.ok ? (error as Error).message : located.message}; nothing in it was checked`,
      key: `plan-json ${file.path}`,
    })
    return undefined
  }
  return isObject(plan) ? plan : undefined
}

/** The plan's directory when it holds `.tf` files of the scan: the root module the plan was made from. */
function rootModuleDirectory(planPath: string, context: Pick<SourceContext, 'files'>): string | undefined {
  const directory = directoryOf(planPath)
  return context.files.some((file) => file.kind === 'terraform' && directoryOf(file.path) === directory)
    ? directory
    : undefined
}

function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '.' : path.slice(0, slash)
}

/**
 * The account of roles whose ARN the plan does not know yet: the one account that
 * `aws_caller_identity` and the known IAM ARNs of the plan name, when the configuration has a
 * single aws provider (with several, resources may be in several accounts).
 */
function planAccount(all: readonly ResourceValues[], configuration: PlanConfiguration): KnownValue | undefined {
  if (configuration.awsProviderCount() > 1) return undefined
  const stated = all.flatMap((values) => {
    const found = accountOf(values)
    return found ? [{ ...found, type: values.resource.type }] : []
  })
  const accounts = new Set(stated.map((entry) => entry.account))
  if (accounts.size !== 1) return undefined
  const first = stated.find((entry) => entry.type === 'aws_caller_identity') ?? stated[0]!
  return known(first.account, first.location)
}
