import type { Config } from './config.js'
import type { Graph } from './graph.js'
import { parseRoleArn } from './iam/arn.js'
import {
  terraformUnit,
  type PodIdentityAssociation,
  type Role,
  type ServiceAccount,
  type SourceKind,
  type UnreadModule,
} from './model/facts.js'
import { formatLocation, type Location } from './model/location.js'
import type { Statement } from './model/policy.js'
import type { Value } from './model/value.js'
import { allowedIrsaStatements } from './rules/helpers/conditions.js'
import {
  checkToken,
  knownClusters,
  roleIdentity,
  roleTitle,
  tokenAudience,
  type KnownCluster,
} from './rules/helpers/correlation.js'
import { findRoleArnPlaceholder, qualifiedName, valueText } from './rules/helpers/kubernetes.js'
import { conditionsOn } from './rules/helpers/trust.js'
import { APPLY_NAMESPACE } from './model/kubernetes.js'
import { exactServiceAccountSubject } from './model/service-account-subject.js'
import { collationRanks } from './text/collation.js'

/**
 * Why a chain could not be verified: a closed set with stable ids (they appear in JSON, SARIF and
 * the action's logs), each with the sentence reporters print.
 */
export const UNRESOLVED_REASONS = {
  'role-outside-scan': 'names a role that no scanned source defines',
  'role-arn-invalid': 'its role ARN is not a valid IAM role ARN',
  'role-arn-placeholder': 'its role ARN is a placeholder',
  'deploy-time-value': 'its role ARN is filled in at deploy time (envsubst, a CI variable, kustomize vars, a template)',
  'helm-value-unset': 'its role ARN is a Helm value that no scanned values file or release sets',
  'terraform-variable': 'its role ARN is a Terraform variable that no scanned caller or variable file sets',
  'remote-module':
    'its role comes from a Terraform module whose source is not read (a registry or git module, or a directory outside the scan)',
  'other-stack-output':
    'its role ARN is an output of another Terraform stack (terraform_remote_state, tfe_outputs), which the scan does not follow',
  'unresolved-reference': 'its role ARN is a reference that the scan cannot follow to a role',
  'unknown-chart':
    'its ServiceAccount is made by a Helm chart whose ServiceAccount naming irsa-guard does not know, so the token cannot be evaluated',
  'service-account-unknown':
    "the ServiceAccount's namespace, name or audience is only known at deploy time (a chart with no known release, a manifest without a namespace)",
  'trust-policy-unknown': "the role's trust policy is not known (not in the scanned files, or computed at apply time)",
  'trust-outcome-unknown': 'whether the trust accepts the token depends on values only known at deploy time',
  'trusts-undefined-service-account': 'its trust names ServiceAccounts that no scanned source defines',
  'not-named-by-its-service-account':
    'the ServiceAccounts its trust names are defined, but none names this role in its annotation',
  'trust-subject-unknown':
    'its trust names no particular ServiceAccount (a deploy-time value, a wildcard, or no sub condition)',
} as const

export type UnresolvedReason = keyof typeof UNRESOLVED_REASONS

export const UNRESOLVED_REASON_IDS = Object.keys(UNRESOLVED_REASONS) as UnresolvedReason[]

/**
 * What starts a chain: an annotated ServiceAccount, a Pod Identity association, a role with an
 * EKS OIDC trust that no ServiceAccount or association of the scan names, a Helm release of a
 * chart irsa-guard cannot name the ServiceAccount of, or a call of a module that is not read and
 * whose arguments set up IRSA.
 */
export type ChainKind = 'service-account' | 'pod-identity' | 'chart' | 'role' | 'module'

export interface UnresolvedChain {
  kind: ChainKind
  /** The annotation, the association, or the role. */
  location: Location
  /** `namespace/name` as written (`${…}` for a value known only at deploy time). */
  serviceAccount?: string
  /** The role ARN as written, or the role's name. */
  role?: string
  /** `module.irsa` (kind `module`). */
  module?: string
  reason: UnresolvedReason
  /** What the reason is about in this chain: the unresolved value, the subjects the trust names. */
  detail?: string
}

function isUnresolved(chain: ChainIdentity | UnresolvedChain): chain is UnresolvedChain {
  return 'reason' in chain
}

/** What a chain is, without its outcome. */
export type ChainIdentity = Omit<UnresolvedChain, 'reason' | 'detail'>

export interface ChainCoverage {
  /** Chains joined and evaluated: a ServiceAccount's token was put to its role's trust (whatever the outcome). */
  verified: number
  total: number
  /** In path and line order. */
  unresolved: UnresolvedChain[]
}

/**
 * Which chains irsa-guard verified: every annotated ServiceAccount and Pod Identity association
 * ends as verified (joined to its role and the token evaluated against the trust) or unresolved
 * with a reason; so does every role with an EKS OIDC trust that none of them names, every Helm
 * release of a chart whose ServiceAccount cannot be named, and every unread module call that sets
 * up IRSA. A pure function of the graph: it never changes a finding.
 */
export function chainCoverage(graph: Graph, config: Config): ChainCoverage {
  const clusters = knownClusters(graph, config)
  const modules = new UnreadModules(graph.facts.unreadModules)
  const chains = new Chains()
  const unresolvedServiceAccounts = new Set<ServiceAccount>()
  for (const sa of graph.facts.serviceAccounts) {
    if (sa.roleArn === undefined) continue
    const chain = serviceAccountChain(graph, sa, sa.roleArn, clusters, modules)
    chains.add(
      chain ?? {
        kind: 'service-account',
        location: sa.roleArn.location,
        serviceAccount: qualifiedName(sa.namespace, sa.name),
        role: shownValue(sa.roleArn),
      },
      sa.terraform?.root,
    )
    if (chain) unresolvedServiceAccounts.add(sa)
  }
  const namedElsewhere = new Set<Role>()
  for (const association of graph.facts.podIdentityAssociations) {
    const links = graph.rolesNamedBy(association.roleArn, association)
    for (const { role } of links) namedElsewhere.add(role)
    const chain = podIdentityChain(
      association,
      links.map(({ role }) => role),
      modules,
    )
    chains.add(chain ?? podIdentityBase(association), association.terraform?.root)
  }
  for (const release of graph.facts.unknownCharts) {
    for (const { role } of graph.rolesNamedBy(
      release.roleArn,
      release.terraform?.root !== undefined ? { unit: terraformUnit(release.terraform.root) } : {},
    ))
      namedElsewhere.add(role)
    chains.add(
      {
        kind: 'chart',
        location: release.location,
        role: shownValue(release.roleArn),
        reason: 'unknown-chart',
        detail: `chart "${release.chart}"${release.terraform ? ` (${release.terraform.address})` : ''}`,
      },
      release.terraform?.root,
    )
  }
  const partlyNamed = new PartlyNamedServiceAccounts(graph.facts.serviceAccounts)
  for (const [role, statements] of rolesWithEksTrust(graph)) {
    if (graph.serviceAccountsUsing(role).length > 0 || namedElsewhere.has(role)) continue
    const chain = roleChain(graph, role, statements, partlyNamed, unresolvedServiceAccounts)
    if (chain !== 'counted') chains.add(chain, role.terraform?.root)
  }
  for (const module of modules.notExplaining()) chains.add(moduleChain(module), module.terraform?.root)
  return chains.coverage()
}

/**
 * The chains counted: the same chain read more than once (a manifest in several Kustomize builds)
 * is one; an unresolved one in a module called from several roots says which root it is.
 */
class Chains {
  /**
   * The chains counted, by where they start and their root; those of one place by their JSON, made
   * only when a second chain starts there (most places start one).
   */
  private readonly seen = new Map<string, CountedChain[]>()
  private readonly unresolved: UnresolvedChain[] = []
  private verified = 0

  /** A chain: unresolved when it has a reason. */
  add(chain: ChainIdentity | UnresolvedChain, root: string | undefined): void {
    const located =
      isUnresolved(chain) && root !== undefined && root !== '.' && !chain.location.path.startsWith(`${root}/`)
        ? { ...chain, detail: `${chain.detail ? `${chain.detail}; ` : ''}as called from ${root}` }
        : chain
    const { path, line, column } = located.location
    const counted: CountedChain = { chain: located, root }
    const place = `${path}\0${line}\0${column}\0${root ?? ''}`
    const here = this.seen.get(place)
    if (here) {
      const key = (counted.key = JSON.stringify([located, root]))
      if (here.some((other) => (other.key ??= JSON.stringify([other.chain, other.root])) === key)) return
      here.push(counted)
    } else this.seen.set(place, [counted])
    if (isUnresolved(located)) this.unresolved.push(located)
    else this.verified++
  }

  coverage(): ChainCoverage {
    const paths = collationRanks(this.unresolved.map((chain) => chain.location.path))
    const rank = (path: string): number => paths.get(path) ?? 0
    const unresolved = [...this.unresolved].sort(
      (a, b) =>
        rank(a.location.path) - rank(b.location.path) ||
        a.location.line - b.location.line ||
        a.location.column - b.location.column,
    )
    return { verified: this.verified, total: this.verified + unresolved.length, unresolved }
  }
}

interface CountedChain {
  chain: ChainIdentity | UnresolvedChain
  root: string | undefined
  /** `JSON.stringify([chain, root])`, once asked for: two chains are the same when it is. */
  key?: string
}

/** "names a role that no scanned source defines", with the chain's detail in parentheses. */
export function describeUnresolved(chain: UnresolvedChain): string {
  return `${UNRESOLVED_REASONS[chain.reason]}${chain.detail ? ` (${chain.detail})` : ''}`
}

/** "ServiceAccount prod/app → arn:aws:iam::…:role/app", "Pod Identity association prod/app → …", "role app". */
export function chainTitle(chain: UnresolvedChain): string {
  const role = chain.role ?? 'its role'
  switch (chain.kind) {
    case 'service-account':
      return `ServiceAccount ${chain.serviceAccount ?? ''} → ${role}`
    case 'pod-identity':
      return `Pod Identity association ${chain.serviceAccount ?? ''} → ${role}`
    case 'chart':
      return `Helm release's ServiceAccount → ${role}`
    case 'role':
      return `role ${role}`
    case 'module':
      return `module call ${chain.module ?? ''}`
  }
}

function serviceAccountChain(
  graph: Graph,
  sa: ServiceAccount,
  roleArn: Value,
  clusters: readonly KnownCluster[],
  modules: UnreadModules,
): UnresolvedChain | undefined {
  const base = {
    kind: 'service-account' as const,
    location: roleArn.location,
    serviceAccount: qualifiedName(sa.namespace, sa.name),
    role: shownValue(roleArn),
  }
  const links = graph.rolesOf(sa)
  if (links.length === 0) {
    const template = graph.templateVariablesOf(sa)
    if (template?.filling) {
      const filled = unjoinedReason(template.filling.source, template.filling.value, modules, undefined)
      return {
        ...base,
        ...filled,
        detail: `${shownValue(template.filling.value)}, from ${template.filling.label}${filled.detail !== undefined ? ` (${filled.detail})` : ''}`,
      }
    }
    const reason = unjoinedReason(sa.source, roleArn, modules, sa.terraform?.root)
    if (!template || template.candidates.length < 2) return { ...base, ...reason }
    const shown = template.candidates
      .slice(0, 3)
      .map((variable) => variable.label)
      .join('; ')
    const more = template.candidates.length > 3 ? `; and ${template.candidates.length - 3} more` : ''
    return {
      ...base,
      ...reason,
      detail: `${reason.detail ?? shownValue(roleArn)}: ${template.candidates.length} values could fill it and none is tied to this manifest (${shown}${more})`,
    }
  }
  let first: Pick<UnresolvedChain, 'reason' | 'detail'> | undefined
  for (const { role } of links) {
    const outcome = evaluation(sa, role, clusters)
    if (outcome === 'evaluated') return undefined
    first ??= outcome
  }
  return { ...base, ...first! }
}

/** Whether the ServiceAccount's token was put to the role's trust, or why not. */
function evaluation(
  sa: ServiceAccount,
  role: Role,
  clusters: readonly KnownCluster[],
): 'evaluated' | Pick<UnresolvedChain, 'reason' | 'detail'> {
  if (!role.trustPolicy) return { reason: 'trust-policy-unknown', detail: roleTitle(role) }
  const wholeTrust = role.trustPolicy.symbolicStatements?.[0]
  if (role.trustPolicy.statements.length === 0 && wholeTrust)
    return { reason: 'trust-policy-unknown', detail: `${roleTitle(role)}: ${valueText(wholeTrust)}` }
  const unknownParts = [
    sa.namespace.kind === 'symbolic' ? `namespace ${describeSymbolicName(sa.namespace.expression)}` : undefined,
    sa.name.kind === 'symbolic' ? `name ${describeSymbolicName(sa.name.expression)}` : undefined,
    tokenAudience(sa) === undefined && sa.audience ? `audience ${valueText(sa.audience)}` : undefined,
  ].filter((part): part is string => part !== undefined)
  if (unknownParts.length > 0) return { reason: 'service-account-unknown', detail: unknownParts.join(', ') }
  const check = checkToken(sa, role, clusters)
  if (!check) return { reason: 'service-account-unknown' }
  if (check.effect === 'unknown')
    return { reason: 'trust-outcome-unknown', detail: `${roleTitle(role)}, ${formatLocation(check.policy.location)}` }
  return 'evaluated'
}

/** What a name or namespace known only at deploy time is, in words. */
function describeSymbolicName(expression: string): string {
  if (expression === APPLY_NAMESPACE) return 'set by whoever applies the manifest (none is written)'
  if (/^helm-(fullname|release-name):/.test(expression))
    return 'from the Helm release name (no release of the chart is declared)'
  if (/^helm-release-namespace:/.test(expression))
    return 'from the Helm release namespace (no release of the chart is declared)'
  if (/^generated-name:/.test(expression)) return `generated from "${expression.slice('generated-name:'.length)}"`
  return `\${${expression}}`
}

/** Why a role ARN joined no role of the scan. */
function unjoinedReason(
  source: SourceKind,
  roleArn: Value,
  modules: UnreadModules,
  root: string | undefined,
): Pick<UnresolvedChain, 'reason' | 'detail'> {
  if (roleArn.kind === 'known') {
    // What envsubst, kustomize vars or a template engine fill in: known text only because the source keeps it as written.
    if (DEPLOY_TIME_TEMPLATE.test(roleArn.value)) return { reason: 'deploy-time-value', detail: roleArn.value.trim() }
    // A chart's empty default, meant to be set per installation (helm --set, a values file outside the scan).
    if (source === 'helm' && roleArn.value.trim() === '')
      return { reason: 'helm-value-unset', detail: 'empty in the scanned values' }
    // `arn:aws:iam::{{ .Values.account }}:role/app` rendered without the value: an empty ARN field.
    if (source === 'helm' && /::[^:]*::|:role\/?$|^arn:[^:]*:iam:::/.test(roleArn.value.trim()))
      return { reason: 'helm-value-unset', detail: `rendered as "${roleArn.value.trim()}"` }
    const placeholder = findRoleArnPlaceholder(roleArn.value, source)
    if (placeholder) return { reason: 'role-arn-placeholder', detail: placeholder.description }
    if (!parseRoleArn(roleArn.value.trim())) return { reason: 'role-arn-invalid' }
    return { reason: 'role-outside-scan' }
  }
  return symbolicReason(source, roleArn.expression, modules, root)
}

const HELM_VALUE_NOT_SET = /^helm-value-not-set\(/
const DEPLOY_TIME_TEMPLATE = /\$\{[^}]*\}|\{\{.*\}\}|\$\([A-Za-z_][\w.]*\)/
const VARIABLE = /(^|\.)var\.[A-Za-z_][\w-]*/
/** The output of a module call: `module.irsa.iam_role_arn`, `module.apps["x"].module.irsa.arn`. */
const MODULE_OUTPUT = /^(module\.[A-Za-z_][\w-]*(\[[^\]]*\])?\.)+[A-Za-z_][\w-]*$/
const OTHER_STACK = /(^|\.)data\.(terraform_remote_state|tfe_outputs)\./
const ROLE_DATA_SOURCE = /(^|\.)data\.aws_iam_role\.[\w-]+/

/** Why a symbolic role ARN names no role: what kind of value it is. */
function symbolicReason(
  source: SourceKind,
  expression: string,
  modules: UnreadModules,
  root: string | undefined,
): Pick<UnresolvedChain, 'reason' | 'detail'> {
  // The Helm source's symbol for a value no scanned values file or release sets (sources/helm/release-objects.ts).
  if (HELM_VALUE_NOT_SET.test(expression))
    return { reason: 'helm-value-unset', detail: 'not set in the scanned values' }
  const detail = shownExpression(expression)
  if (source === 'helm' || /^helm[:-]/.test(expression)) return { reason: 'helm-value-unset', detail }
  if (/^kustomize-reference:/.test(expression) || /\$\([A-Za-z_][\w.]*\)/.test(expression))
    return { reason: 'deploy-time-value', detail }
  if (source === 'terraform' || source === 'terraform-plan') {
    const references = terraformReferences(expression)
    for (const reference of references) {
      const module = modules.outputOf(reference, root)
      if (module) return { reason: 'remote-module', detail: `\${${reference}} from ${moduleSourceText(module)}` }
    }
    if (references.some((reference) => VARIABLE.test(reference))) return { reason: 'terraform-variable', detail }
    const module = references.find((reference) => MODULE_OUTPUT.test(reference))
    if (module) return { reason: 'remote-module', detail: `\${${module}}` }
    const stack = references.find((reference) => OTHER_STACK.test(reference))
    if (stack) return { reason: 'other-stack-output', detail }
    const lookup = references.find((reference) => ROLE_DATA_SOURCE.test(reference))
    const [dataSource] = lookup === undefined ? [] : (ROLE_DATA_SOURCE.exec(lookup) ?? [])
    if (dataSource !== undefined)
      return { reason: 'role-outside-scan', detail: `looked up from AWS by ${dataSource.replace(/^\./, '')}` }
    return { reason: 'unresolved-reference', detail }
  }
  if (/\$\{[^}]*\}|\{\{.*\}\}|\$[A-Za-z_]\w*/.test(expression)) return { reason: 'deploy-time-value', detail }
  return { reason: 'unresolved-reference', detail }
}

/** A value as written: a symbolic one as `${expression}`, unless the expression is template text already (`${ROLE_ARN}`, `{{ .Values.x }}`). */
function shownValue(value: Value): string {
  if (value.kind === 'symbolic' && HELM_VALUE_NOT_SET.test(value.expression)) return ''
  return value.kind === 'known' ? value.value : shownExpression(value.expression)
}

function shownExpression(expression: string): string {
  return DEPLOY_TIME_TEMPLATE.test(expression) ? expression : `\${${expression}}`
}

/** The references in a Terraform expression text: the text itself, or each `${…}` in a template. */
function terraformReferences(expression: string): string[] {
  const interpolated = [...expression.matchAll(/\$\{([^}]*)\}/g)].map(([, reference = '']) => reference.trim())
  return interpolated.length > 0 ? interpolated : [expression.trim()]
}

function podIdentityBase(association: PodIdentityAssociation): ChainIdentity {
  return {
    kind: 'pod-identity',
    location: association.location,
    serviceAccount: qualifiedName(association.namespace, association.serviceAccount),
    role: shownValue(association.roleArn),
  }
}

function podIdentityChain(
  association: PodIdentityAssociation,
  roles: readonly Role[],
  modules: UnreadModules,
): UnresolvedChain | undefined {
  const base = podIdentityBase(association)
  const [first] = roles
  if (!first)
    return { ...base, ...unjoinedReason(association.source, association.roleArn, modules, association.terraform?.root) }
  // pod-identity-trust-invalid puts EKS Pod Identity's request to the trust of each role an association names.
  if (roles.some((role) => role.trustPolicy !== undefined)) return undefined
  return { ...base, reason: 'trust-policy-unknown', detail: roleTitle(first) }
}

/** The allowed IRSA statements of each role whose trust lets in tokens of a Kubernetes cluster's OIDC provider, in scan order. */
function rolesWithEksTrust(graph: Graph): Map<Role, Statement[]> {
  const roles = new Map<Role, Statement[]>()
  for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
    const statements = roles.get(role)
    if (statements) statements.push(statement)
    else roles.set(role, [statement])
  }
  return roles
}

/**
 * The ServiceAccounts named only in part at deploy time (a chart with no known release, a
 * manifest without namespace), by the part that is known: one of them may be the one a trust names.
 */
class PartlyNamedServiceAccounts {
  private readonly byName = new Map<string, ServiceAccount[]>()
  private readonly byNamespace = new Map<string, ServiceAccount[]>()

  constructor(serviceAccounts: readonly ServiceAccount[]) {
    for (const sa of serviceAccounts) {
      if (sa.namespace.kind === 'symbolic' && sa.name.kind === 'known') push(this.byName, sa.name.value, sa)
      if (sa.name.kind === 'symbolic' && sa.namespace.kind === 'known') push(this.byNamespace, sa.namespace.value, sa)
    }
  }

  mayBe(namespace: string, name: string): ServiceAccount[] {
    return [...(this.byName.get(name) ?? []), ...(this.byNamespace.get(namespace) ?? [])]
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/**
 * A role no ServiceAccount or association names: unresolved, with why the trust's subjects lead
 * nowhere; 'counted' when a subject is an annotated ServiceAccount whose own chain is unresolved
 * (one chain, counted once, with the ServiceAccount's reason).
 */
function roleChain(
  graph: Graph,
  role: Role,
  statements: readonly Statement[],
  partlyNamed: PartlyNamedServiceAccounts,
  unresolvedServiceAccounts: ReadonlySet<ServiceAccount>,
): UnresolvedChain | 'counted' {
  const identity = roleIdentity(role)
  const base = {
    kind: 'role' as const,
    location: role.location,
    role: role.arn?.kind === 'known' ? role.arn.value : (identity.name ?? role.label),
  }
  const subjects: { namespace: string; name: string; text: string }[] = []
  const written: string[] = []
  for (const statement of statements) {
    for (const entry of conditionsOn(statement, 'sub')) {
      for (const value of entry.values) {
        written.push(shownValue(value))
        if (value.kind !== 'known') continue
        const text = value.value.trim()
        const subject = exactServiceAccountSubject(text)
        if (subject) subjects.push({ ...subject, text })
      }
    }
  }
  if (subjects.length === 0)
    return {
      ...base,
      reason: 'trust-subject-unknown',
      detail: written.length > 0 ? `sub ${[...new Set(written)].join(', ')}` : 'no sub condition',
    }
  // Two Terraform root modules are applied apart: a ServiceAccount of another root is not this role's.
  const sameUnit = (sa: ServiceAccount): boolean =>
    role.terraform?.root === undefined || sa.terraform?.root === undefined || sa.terraform.root === role.terraform.root
  const defined = subjects
    .flatMap((subject) =>
      graph.serviceAccountsNamed({ kind: 'known', value: subject.namespace, location: role.location }, subject.name),
    )
    .filter(sameUnit)
  const maybe = subjects.flatMap((subject) => partlyNamed.mayBe(subject.namespace, subject.name)).filter(sameUnit)
  if ([...defined, ...maybe].some((sa) => unresolvedServiceAccounts.has(sa))) return 'counted'
  const [sa] = defined
  if (sa) {
    const annotation = sa.roleArn ? `annotated with ${valueText(sa.roleArn)}` : 'not annotated'
    return {
      ...base,
      reason: 'not-named-by-its-service-account',
      detail: `${qualifiedName(sa.namespace, sa.name)} at ${formatLocation(sa.location)} is ${annotation}`,
    }
  }
  const [maybeSa] = maybe
  const [subject] = subjects
  if (maybeSa && subject) {
    return {
      ...base,
      reason: 'service-account-unknown',
      detail: `${subject.text} may be ${qualifiedName(maybeSa.namespace, maybeSa.name)} at ${formatLocation(maybeSa.location)}`,
    }
  }
  return {
    ...base,
    reason: 'trusts-undefined-service-account',
    detail: [...new Set(subjects.map((subject) => subject.text))].join(', '),
  }
}

/**
 * The calls of modules that are not read: a chain whose role ARN is one of their outputs names the
 * module's source; a call that sets up IRSA and that no chain leads to is a chain of its own.
 */
class UnreadModules {
  private readonly explaining = new Set<UnreadModule>()

  constructor(private readonly modules: readonly UnreadModule[]) {}

  /** The call whose output a reference is (in the same root module), remembered as one a chain leads to. */
  outputOf(reference: string, root: string | undefined): UnreadModule | undefined {
    const module = this.modules.find(
      (candidate) =>
        reference.startsWith(candidate.prefix) &&
        (root === undefined || candidate.terraform?.root === undefined || candidate.terraform.root === root),
    )
    if (module) this.explaining.add(module)
    return module
  }

  /** The calls that set up IRSA (by their arguments) and that no chain's role ARN leads to. */
  notExplaining(): UnreadModule[] {
    return this.modules.filter((module) => module.irsaArguments.length > 0 && !this.explaining.has(module))
  }
}

function moduleChain(module: UnreadModule): UnresolvedChain {
  return {
    kind: 'module',
    location: module.location,
    module: module.prefix.replace(/\.$/, ''),
    reason: 'remote-module',
    detail: `${moduleSourceText(module)}, with IRSA arguments ${module.irsaArguments.join(', ')}`,
  }
}

/** `source "aws-ia/eks-blueprints-addon/aws" 1.1.1` */
function moduleSourceText(module: UnreadModule): string {
  return `source "${module.moduleSource}"${module.version !== undefined ? ` ${module.version}` : ''}`
}
