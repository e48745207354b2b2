import type { Config } from '../../config.js'
import { getOrCreate } from '../../collections.js'
import type { Graph, JoinedFrom } from '../../graph.js'
import {
  DEFAULT_AUDIENCE,
  issuerHostPath,
  parseEksIssuerHostPath,
  parseOidcProviderArn,
  parseRoleArn,
  type RoleArn,
} from '../../iam/arn.js'
import type { Mismatch, StatementOutcome } from '../../iam/evaluate.js'
import { parseOperator } from '../../iam/operators.js'
import {
  acceptsAnyServiceAccountInNamespace,
  acceptsServiceAccountToken,
  type TokenDecision,
} from '../../iam/service-account-token.js'
import {
  hasTrustPolicy,
  sameUnitOrNone,
  type DeployUnit,
  type Role,
  type ServiceAccount,
  type TrustedRole,
} from '../../model/facts.js'
import { formatLocation, type Location } from '../../model/location.js'
import type { ConditionEntry, PolicyDocument } from '../../model/policy.js'
import type { KnownValue } from '../../model/value.js'
import { levenshteinDistanceWithin } from '../../text/edit-distance.js'
import { entriesThatMayName, type RoleSubjects } from './subject-text-index.js'
import { perGraph } from './per-graph.js'
import { claimOf, federatedValues, isOidcFederated, keyIssuer } from './trust.js'

/** A role's name, path and account as far as its source states them (from its own fields, else its ARN). */
export interface RoleIdentity {
  name?: string | undefined
  path?: string | undefined
  account?: string | undefined
}

export function roleIdentity(role: Role): RoleIdentity {
  const arn = role.arn?.kind === 'known' ? parseRoleArn(role.arn.value) : undefined
  return {
    name: role.name?.kind === 'known' ? role.name.value : arn?.name,
    path: role.path?.kind === 'known' ? role.path.value : arn?.path,
    account: role.account?.kind === 'known' ? role.account.value : arn?.account,
  }
}

/**
 * "role orders-reader", or the source's label when the name is not known ("CloudFormation role
 * AppRole (cfn.json)"); "role orders-reader (if var.create_role)" for one that may not exist.
 */
export function roleTitle(role: Role): string {
  const name = roleIdentity(role).name
  const title = name !== undefined ? `role ${name}` : role.label
  const condition = role.terraform?.condition
  return condition === undefined ? title : `${title} (${condition})`
}

/** "role orders-reader's trust", or "trust policy iam/trust.json" for a file bound to no role. */
export function trustTitle(role: Role): string {
  if (isUnboundTrustPolicy(role)) return role.label
  return `${roleTitle(role)}'s trust`
}

/** A role the sources define without saying its name: a trust policy file bound to nothing. */
export function isUnboundTrustPolicy(role: Role): boolean {
  return (
    role.name === undefined &&
    role.arn === undefined &&
    role.generatedName === undefined &&
    role.arnReferences.length === 0
  )
}

/** The namespace and name of a ServiceAccount when both are known. */
export function knownServiceAccount(sa: ServiceAccount): { namespace: string; name: string } | undefined {
  if (sa.namespace.kind !== 'known' || sa.name.kind !== 'known') return undefined
  return { namespace: sa.namespace.value, name: sa.name.value }
}

/** A ServiceAccount's known role-arn annotation and its parsed ARN; undefined when it is symbolic or malformed. */
export function annotatedRole(sa: ServiceAccount): { value: KnownValue; arn: RoleArn } | undefined {
  if (sa.roleArn?.kind !== 'known') return undefined
  const arn = parseRoleArn(sa.roleArn.value.trim())
  return arn ? { value: sa.roleArn, arn } : undefined
}

export interface TokenAudience {
  audience: string
  /** Set by the `eks.amazonaws.com/audience` annotation to other than the webhook default. */
  explicit: boolean
  location?: Location
}

/** The audience of the ServiceAccount's projected token; undefined when the annotation is symbolic. */
export function tokenAudience(sa: ServiceAccount): TokenAudience | undefined {
  if (sa.audience === undefined) return { audience: DEFAULT_AUDIENCE, explicit: false }
  if (sa.audience.kind !== 'known') return undefined
  // An empty annotation is annotation-value-invalid's finding; the webhook then uses its default.
  // The default written out changes nothing about the token.
  if (sa.audience.value.trim() === '' || sa.audience.value === DEFAULT_AUDIENCE)
    return { audience: DEFAULT_AUDIENCE, explicit: false }
  return { audience: sa.audience.value, explicit: true, location: sa.audience.location }
}

/** "ServiceAccount prod/orders (k8s/orders.yaml:6)", pointing at the role-arn annotation when there is one. */
export function describeServiceAccount(sa: ServiceAccount): string {
  const known = knownServiceAccount(sa)
  const name = known ? `${known.namespace}/${known.name}` : 'ServiceAccount'
  const addon = sa.addon !== undefined ? ` of EKS add-on ${sa.addon}` : ''
  return `ServiceAccount ${name}${addon} (${formatLocation(sa.roleArn?.location ?? sa.location)})`
}

export function serviceAccountKey(sa: ServiceAccount): string {
  const known = knownServiceAccount(sa)
  return known ? `sa:${known.namespace}/${known.name}` : `sa:${formatLocation(sa.location)}`
}

export function roleKey(role: Role): string {
  const identity = roleIdentity(role)
  return `role:${identity.account ?? ''}${identity.path ?? ''}${identity.name ?? role.label}`
}

/** A cluster whose issuer is known, from the config file or from a source (eksctl, Terraform, live). */
export interface KnownCluster {
  name: string
  issuer: string
  /** The issuer without `https://`: what provider ARNs and condition keys carry. */
  hostPath: string
  region?: string | undefined
  account?: string | undefined
  location?: Location
  /** The deploy unit of the source that defines it; none for the config file's clusters. */
  unit?: DeployUnit
}

/** The known clusters of a graph and config: the same list for every rule, so that checkToken's results are shared. */
export function knownClusters(graph: Graph, config: Config): readonly KnownCluster[] {
  return getOrCreate(
    getOrCreate(knownClustersByGraph, graph, () => new WeakMap()),
    config,
    () => findKnownClusters(graph, config),
  )
}

const knownClustersByGraph = new WeakMap<Graph, WeakMap<Config, readonly KnownCluster[]>>()

function findKnownClusters(graph: Graph, config: Config): KnownCluster[] {
  const clusters: KnownCluster[] = []
  for (const cluster of config.clusters) {
    if (!cluster.issuer) continue
    const hostPath = issuerHostPath(cluster.issuer)
    clusters.push({
      name: cluster.name,
      issuer: cluster.issuer,
      hostPath,
      region: cluster.region ?? parseEksIssuerHostPath(hostPath)?.region,
      account: cluster.account,
      ...(cluster.location ? { location: cluster.location } : {}),
    })
  }
  for (const cluster of graph.clustersWithIssuer()) {
    if (cluster.issuer?.kind !== 'known') continue
    const hostPath = issuerHostPath(cluster.issuer.value)
    if (clusters.some((other) => other.hostPath === hostPath)) continue
    clusters.push({
      name: cluster.name.kind === 'known' ? cluster.name.value : `at ${formatLocation(cluster.location)}`,
      issuer: cluster.issuer.value,
      hostPath,
      region:
        (cluster.region?.kind === 'known' ? cluster.region.value : undefined) ??
        parseEksIssuerHostPath(hostPath)?.region,
      account: cluster.account?.kind === 'known' ? cluster.account.value : undefined,
      location: cluster.location,
      ...(cluster.unit !== undefined ? { unit: cluster.unit } : {}),
    })
  }
  return clusters
}

/** "cluster prod (issuer https://…, .irsa-guard.yml:3)", or "… from the config file)" when it lies outside the repository. */
export function describeCluster(cluster: KnownCluster): string {
  return `cluster ${cluster.name} (issuer ${cluster.issuer}, ${cluster.location ? formatLocation(cluster.location) : 'from the config file'})`
}

/** The region of an EKS issuer host/path, tolerating the trailing slash that makes it wrong. */
export function issuerRegion(hostPath: string): string | undefined {
  return parseEksIssuerHostPath(hostPath.replace(/\/+$/, ''))?.region
}

/**
 * The known clusters in the same region (and account, when both are known) as an issuer written
 * in `from` that is none of theirs, among those of its deploy unit or of none (another unit's
 * cluster is another environment's); empty when the issuer belongs to a known cluster or no known
 * cluster could own it.
 */
export function clustersContradicting(
  hostPath: string,
  account: string | undefined,
  clusters: readonly KnownCluster[],
  from: JoinedFrom,
): KnownCluster[] {
  if (clusters.some((cluster) => cluster.hostPath === hostPath)) return []
  const region = issuerRegion(hostPath)
  if (region === undefined) return []
  return clusters.filter(
    (cluster) =>
      cluster.region === region &&
      (account === undefined || cluster.account === undefined || cluster.account === account) &&
      sameUnitOrNone(cluster.unit, from.unit),
  )
}

/** A name close enough to another to be a typo of it. */
export function isNearName(candidate: string, name: string): boolean {
  return nearNameDistance(candidate, name) !== undefined
}

/** The case-insensitive edit distance of two names when it is small enough for a typo, else undefined. */
export function nearNameDistance(candidate: string, name: string): number | undefined {
  const limit = nearNameLimit(name)
  if (Math.abs(candidate.length - name.length) > limit) return undefined
  const distance = levenshteinDistanceWithin(candidate.toLowerCase(), name.toLowerCase(), limit)
  return distance <= limit ? distance : undefined
}

/** The most edits that still make a name a typo of this one. */
export function nearNameLimit(name: string): number {
  return Math.max(2, Math.floor(name.length / 3))
}

/** `arn:aws:iam::111122223333:role/team/orders` from an annotation ARN with another path or account. */
export function withPath(arn: RoleArn, path: string): string {
  return `arn:${arn.partition}:iam::${arn.account}:role${path}${arn.name}`
}

export function withAccount(arn: RoleArn, account: string): string {
  return `arn:${arn.partition}:iam::${account}:role${arn.path}${arn.name}`
}

/**
 * Whether a role's path may be this one. A role read from a plain trust-policy file without an
 * ARN has no stated path (the file does not say); elsewhere an unstated path is IAM's default "/".
 */
export function pathMayBe(role: Role, path: string): boolean {
  if (role.path?.kind === 'symbolic') return true
  const stated = roleIdentity(role).path
  if (stated !== undefined) return stated === path
  return role.source === 'iam-json' || role.source === 'config' ? true : path === '/'
}

export function sameRoleName(role: Role, name: string): boolean {
  return roleIdentity(role).name?.toLowerCase() === name.toLowerCase()
}

/** The issuers a trust policy names: its Federated provider ARNs and its claim keys, known ones only. */
export function trustIssuers(policy: PolicyDocument): { hostPath: string; account?: string; location: Location }[] {
  const found: { hostPath: string; account?: string; location: Location }[] = []
  for (const statement of policy.statements) {
    for (const value of federatedValues(statement)) {
      const arn = value.kind === 'known' ? parseOidcProviderArn(value.value) : undefined
      if (arn) found.push({ hostPath: arn.issuerHostPath, account: arn.account, location: value.location })
    }
    for (const entry of statement.condition?.entries ?? []) {
      if (entry.key.kind === 'known' && claimOf(entry.key) !== 'other')
        found.push({ hostPath: keyIssuer(entry.key), location: entry.keyLocation })
    }
  }
  return found
}

/** Whether cluster-issuer-mismatch reports an issuer of this trust. */
export function trustContradictsClusters(
  role: Role,
  policy: PolicyDocument,
  clusters: readonly KnownCluster[],
): boolean {
  const account = roleIdentity(role).account
  return trustIssuers(policy).some(
    (issuer) => clustersContradicting(issuer.hostPath, issuer.account ?? account, clusters, role).length > 0,
  )
}

/**
 * The cluster whose tokens a ServiceAccount of this role carries, when that can be told: the one
 * known cluster in the role's account and in a region the trust names, else the only known cluster.
 */
export function clusterOf(
  role: Role,
  account: string | undefined,
  policy: PolicyDocument,
  allClusters: readonly KnownCluster[],
): KnownCluster | undefined {
  const clusters = allClusters.filter((cluster) => sameUnitOrNone(cluster.unit, role.unit))
  if (clusters.length === 0) return undefined
  const regions = new Set(trustIssuers(policy).flatMap((issuer) => issuerRegion(issuer.hostPath) ?? []))
  const home = roleIdentity(role).account ?? account
  const matching = clusters.filter(
    (cluster) =>
      (home === undefined || cluster.account === undefined || cluster.account === home) &&
      (regions.size === 0 || (cluster.region !== undefined && regions.has(cluster.region))),
  )
  if (matching.length === 1) return matching[0]
  return clusters.length === 1 ? clusters[0] : undefined
}

/** One ServiceAccount's token put to one role's trust policy. */
export interface TokenCheck {
  sa: ServiceAccount
  namespace: string
  name: string
  role: Role
  policy: PolicyDocument
  audience: TokenAudience
  cluster?: KnownCluster
  /** What STS decides. */
  effect: TokenDecision['effect']
  /**
   * The evaluation, kept only when it refuses the token (what the messages explain): checks are
   * remembered for the whole analysis, and the others are read only for their effect.
   */
  refused?: TokenDecision
}

/**
 * Checks by cluster list (its identity; every empty list is one), ServiceAccount and role: the
 * facts do not change once the graph is built, and several rules put the same token to the same trust.
 */
const tokenChecks = new WeakMap<readonly KnownCluster[], WeakMap<ServiceAccount, Map<Role, TokenCheck | undefined>>>()
const NO_CLUSTERS: readonly KnownCluster[] = []

export function checkToken(sa: ServiceAccount, role: Role, clusters: readonly KnownCluster[]): TokenCheck | undefined {
  const byServiceAccount = getOrCreate(tokenChecks, clusters.length === 0 ? NO_CLUSTERS : clusters, () => new WeakMap())
  const byRole = getOrCreate(byServiceAccount, sa, () => new Map<Role, TokenCheck | undefined>())
  if (byRole.has(role)) return byRole.get(role)
  const check = evaluateToken(sa, role, clusters)
  byRole.set(role, check)
  return check
}

function evaluateToken(sa: ServiceAccount, role: Role, clusters: readonly KnownCluster[]): TokenCheck | undefined {
  const policy = role.trustPolicy
  const known = knownServiceAccount(sa)
  const audience = tokenAudience(sa)
  if (!policy || !known || !audience) return undefined
  const cluster = clusterOf(role, annotatedRole(sa)?.arn.account, policy, clusters)
  const decision = acceptsServiceAccountToken(policy, {
    namespace: known.namespace,
    name: known.name,
    ...(audience.explicit ? { audience: audience.audience } : {}),
    ...(cluster ? { issuerHostPath: cluster.hostPath } : {}),
  })
  return {
    sa,
    ...known,
    role,
    policy,
    audience,
    ...(cluster ? { cluster } : {}),
    effect: decision.effect,
    ...(decision.effect === 'deny' ? { refused: decision } : {}),
  }
}

/** Why a token is refused, reduced to what a message needs. */
export interface Refusal {
  /** The evaluation that refuses the token. */
  token: TokenDecision
  /** An Allow statement closest to accepting the token; undefined when the trust has none for an OIDC provider. */
  closest?: StatementOutcome
  /** A Deny statement that applies. */
  deniedBy?: StatementOutcome
  /** What of `closest` does not match (definitely). */
  failures: Mismatch[]
}

export function refusal(check: TokenCheck): Refusal | undefined {
  const token = check.refused
  if (!token) return undefined
  const decision = token.decision
  const [deniedBy] = decision.deniedBy
  if (deniedBy) return { token, deniedBy, failures: [] }
  const allows = decision.statements.filter(
    (outcome) => outcome.effect === 'Allow' && federatedValues(outcome.statement).some(isOidcFederated),
  )
  const score = (outcome: StatementOutcome): number =>
    (outcome.principal === false ? 100 : 0) +
    (outcome.action === false ? 10 : 0) +
    outcome.mismatches.filter((m) => m.result === false).length
  const closest = [...allows].sort((a, b) => score(a) - score(b))[0]
  if (!closest) return { token, failures: [] }
  const failures = closest.mismatches.filter((mismatch) => mismatch.result === false)
  // A provider of another issuer also means the token lacks the keys named after that issuer: one fault.
  if (failures.some((failure) => failureKind(failure) === 'principal')) {
    return {
      token,
      closest,
      failures: failures.filter((failure) => !(failure.element === 'Condition' && failure.requestValues === undefined)),
    }
  }
  return { token, closest, failures }
}

export type FailureKind = 'principal' | 'action' | 'sub' | 'aud' | 'other'

export function failureKind(mismatch: Mismatch): FailureKind {
  if (mismatch.element === 'Principal' || mismatch.element === 'NotPrincipal') return 'principal'
  if (mismatch.element === 'Action' || mismatch.element === 'NotAction') return 'action'
  if (mismatch.element !== 'Condition') return 'other'
  const claim = claimOf(mismatch.key)
  return claim === 'sub' || claim === 'aud' ? claim : 'other'
}

/**
 * Whether the trust refuses the token of some ServiceAccount that names the role because of its
 * subject (the case trust-denies-service-account reports with the fix).
 */
export function refusesServiceAccountOfItsRole(graph: Graph, clusters: readonly KnownCluster[], role: Role): boolean {
  return graph.serviceAccountsUsing(role).some((sa) => {
    const check = checkToken(sa, role, clusters)
    return check !== undefined && (refusal(check)?.failures ?? []).some((failure) => failureKind(failure) === 'sub')
  })
}

/** Whether a role the ServiceAccount names refuses its token for its subject (trust-denies-service-account's finding). */
export function refusedByItsRole(graph: Graph, clusters: readonly KnownCluster[], sa: ServiceAccount): boolean {
  return graph.rolesOf(sa).some(({ role }) => {
    const check = checkToken(sa, role, clusters)
    return check !== undefined && (refusal(check)?.failures ?? []).some((failure) => failureKind(failure) === 'sub')
  })
}

/**
 * Another role with a name whose trust accepts this ServiceAccount's token specifically (not as
 * one of any ServiceAccount of a namespace): the annotation probably names the wrong role.
 */
export function roleAcceptingInstead(graph: Graph, check: TokenCheck): TrustedRole | undefined {
  const roles = namedRolesWithSubjects(graph)
  const clusters = check.cluster ? [check.cluster] : []
  for (const { role, policy, anyName, literalSubjects } of candidatesAccepting(roles, check)) {
    if (role === check.role) continue
    // A cheap pre-filter before evaluating: some sub value may hold this name.
    if (!anyName && !literalSubjects.some((subject) => subject.includes(check.name))) continue
    if (probeToken(check.sa, role, clusters)?.effect !== 'allow') continue
    if (
      acceptsAnyServiceAccountInNamespace(policy, check.namespace, { audience: check.audience.audience }).effect ===
      'deny'
    )
      return role
  }
  return undefined
}

/**
 * The roles that may accept the token, in scan order: the pinned roles whose pins hold its subject
 * (see `subjectPins`), and the others whose sub values may hold its name. A pinned role left out
 * cannot accept the token, so the caller (which still applies its name pre-filter to each) names
 * the same role as when it tried every role.
 */
function candidatesAccepting(roles: RolesWithSubjects, check: TokenCheck): RoleWithSubjects[] {
  const subject = `system:serviceaccount:${check.namespace}:${check.name}`
  const positions = new Set([
    ...(roles.pinned.get(subject) ?? []),
    ...(roles.pinnedIgnoringCase.get(subject.toLowerCase()) ?? []),
  ])
  for (const entry of entriesThatMayName(roles.unpinned, check.name)) positions.add(entry.position)
  return [...positions].sort((a, b) => a - b).flatMap((position) => roles.list[position] ?? [])
}

/**
 * `checkToken`'s answer without remembering it: the probes of other roles are many and rarely
 * asked again.
 */
function probeToken(sa: ServiceAccount, role: Role, clusters: readonly KnownCluster[]): TokenCheck | undefined {
  const remembered = tokenChecks.get(clusters.length === 0 ? NO_CLUSTERS : clusters)?.get(sa)
  return remembered?.has(role) ? remembered.get(role) : evaluateToken(sa, role, clusters)
}

interface RoleWithSubjects extends RoleSubjects {
  role: TrustedRole
  policy: PolicyDocument
  literalSubjects: string[]
  /** In the scan-order list. */
  position: number
}

interface RolesWithSubjects {
  list: RoleWithSubjects[]
  /** Positions of the pinned roles by each subject one of their pins holds. */
  pinned: Map<string, number[]>
  /** The same for pins under an IgnoreCase operator, by the lower-cased subject. */
  pinnedIgnoringCase: Map<string, number[]>
  /** The roles that are not pinned. */
  unpinned: RoleWithSubjects[]
}

/** The roles with a name and a trust with ":sub" conditions, in scan order, indexed by what may accept a subject. */
const namedRolesWithSubjects = perGraph((graph): RolesWithSubjects => {
  const roles: RolesWithSubjects = { list: [], pinned: new Map(), pinnedIgnoringCase: new Map(), unpinned: [] }
  for (const role of graph.facts.roles.filter(hasTrustPolicy)) {
    const policy = role.trustPolicy
    if (roleIdentity(role).name === undefined) continue
    let anyName = false
    const literalSubjects: string[] = []
    for (const statement of policy.statements) {
      for (const entry of statement.condition?.entries ?? []) {
        if (claimOf(entry.key) !== 'sub') continue
        for (const value of entry.values) {
          if (value.kind === 'symbolic' || /[*?]/.test(value.value)) anyName = true
          else literalSubjects.push(value.value)
        }
      }
    }
    if (!anyName && literalSubjects.length === 0) continue
    const position = roles.list.length
    const entry = { role, policy, anyName, literalSubjects, position }
    roles.list.push(entry)
    const pins = subjectPins(policy)
    if (!pins) {
      roles.unpinned.push(entry)
      continue
    }
    for (const pin of pins) {
      const index = pin.ignoreCase ? roles.pinnedIgnoringCase : roles.pinned
      for (const value of pin.values) {
        const key = pin.ignoreCase ? value.toLowerCase() : value
        const listed = getOrCreate(index, key, () => [])
        if (listed.at(-1) !== position) listed.push(position)
      }
    }
  }
  return roles
})

/**
 * For a trust each of whose Allow statements has a "pin", a sub condition that holds only for a
 * subject equal to one of its values: one pin per Allow statement. The trust then accepts a token
 * only if its subject (`system:serviceaccount:<ns>:<name>`, src/iam/service-account-token.ts
 * `acceptsServiceAccountToken`) equals a value of some pin (lower-cased for IgnoreCase); undefined
 * when some Allow statement has none. From the evaluator (src/iam): an `allow` decision needs a
 * statement among `allowedBy` (`evaluatePolicy`), that is, with the known Effect "Allow" and every
 * condition true (`evaluateStatement`). A condition (`evaluateCondition`) with a known operator that
 * is not negated, not IfExists and not ForAllValues is true only for a key present in the request,
 * and then only when some request value matches some policy value. A known key ending in ":sub"
 * is present only as the token's `<issuer>:sub` (`lookupKey`, `tokenRequest`: keys compare
 * case-insensitively, a templated key is never the same as a known one), whose one value is the
 * subject. A String operator matches a literal policy value without `*` or `?` only when equal to
 * it, after lower-casing both for IgnoreCase (`compareStrings`; `globMatches` of a pattern without
 * wildcards is equality).
 */
function subjectPins(policy: PolicyDocument): { ignoreCase: boolean; values: string[] }[] | undefined {
  const pins: { ignoreCase: boolean; values: string[] }[] = []
  for (const statement of policy.statements) {
    if (statement.effect?.kind !== 'known' || statement.effect.value !== 'Allow') continue
    const pin = (statement.condition?.entries ?? []).find(isPin)
    if (!pin) return undefined
    const operator = parseOperator(pin.operator)
    pins.push({
      ignoreCase: operator?.ignoreCase ?? false,
      values: pin.values.flatMap((value) => (value.kind === 'known' ? [value.value] : [])),
    })
  }
  return pins
}

function isPin(entry: ConditionEntry): boolean {
  const operator = parseOperator(entry.operator)
  return (
    entry.operatorReference === undefined &&
    operator !== undefined &&
    operator.family === 'String' &&
    !operator.negated &&
    !operator.ifExists &&
    operator.set !== 'ForAllValues' &&
    entry.key.kind === 'known' &&
    /:sub$/i.test(entry.key.value) &&
    entry.values.every(
      (value) => value.kind === 'known' && !(operator.comparison === 'like' && /[*?]/.test(value.value)),
    )
  )
}
