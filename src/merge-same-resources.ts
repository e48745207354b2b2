import { issuerHostPath } from './iam/arn.js'
import { templateOf } from './iam/template.js'
import type {
  Annotation,
  Cluster,
  Facts,
  KubeObject,
  OidcProvider,
  PodIdentityAssociation,
  Role,
  ServiceAccount,
  SourceKind,
  TerraformResourceRef,
} from './model/facts.js'
import type {
  ConditionBlock,
  ConditionEntry,
  PolicyDocument,
  PrincipalBlock,
  Statement,
  ValueList,
} from './model/policy.js'
import { known, type Value } from './model/value.js'

/**
 * The same Terraform resource read from its `.tf` files (source `terraform`) and from a plan of
 * them (source `terraform-plan`) is one resource, so that it is checked once. A plan fact is the
 * same resource as a configuration fact with the same address (in the same root module, or the
 * only one with that address), else with the same natural key (a role's name, a
 * ServiceAccount's namespace and name, a provider's URL, a cluster's name), as long as no value
 * both know differs. The merged fact keeps the configuration's locations (the line to change) and
 * takes the values only the plan knows; several plans of one configuration (workspaces) give one
 * merged fact each.
 */
export function mergeSameResources(facts: Facts): Facts {
  return {
    ...facts,
    roles: mergeKind(facts.roles, roleNaturalKey, roleConflicts, mergeRole),
    serviceAccounts: mergeKind(
      facts.serviceAccounts,
      (sa) => namespacedKey(sa.namespace, sa.name),
      serviceAccountConflicts,
      mergeServiceAccount,
    ),
    objects: mergeKind(
      facts.objects,
      (object) => knownKey(object.kind, namespacedKey(object.namespace, object.name)),
      objectConflicts,
      mergeObject,
    ),
    oidcProviders: mergeKind(
      facts.oidcProviders,
      providerNaturalKey,
      (a, b) => conflict(a.arn, b.arn) || conflict(a.url, b.url, hostPathOf),
      mergeProvider,
    ),
    clusters: mergeKind(
      facts.clusters,
      (cluster) => knownText(cluster.name),
      (a, b) => conflict(a.name, b.name) || conflict(a.issuer, b.issuer),
      mergeCluster,
    ),
    podIdentityAssociations: mergeKind(
      facts.podIdentityAssociations,
      (association) => namespacedKey(association.namespace, association.serviceAccount),
      (a, b) =>
        conflict(a.namespace, b.namespace) ||
        conflict(a.serviceAccount, b.serviceAccount) ||
        conflict(a.roleArn, b.roleArn),
      mergePodIdentityAssociation,
    ),
  }
}

interface TerraformFact {
  source: SourceKind
  terraform?: TerraformResourceRef
}

function mergeKind<T extends TerraformFact>(
  items: T[],
  naturalKey: (item: T) => string | undefined,
  conflicts: (configured: T, planned: T) => boolean,
  merge: (configured: T, planned: T) => T,
): T[] {
  const configured = items.filter((item) => item.source === 'terraform')
  const planned = items.filter((item) => item.source === 'terraform-plan')
  if (configured.length === 0 || planned.length === 0) return items
  const byAddress = groupBy(configured, (item) => item.terraform?.address)
  const byNaturalKey = groupBy(configured, naturalKey)
  const plansOf = new Map<T, T[]>()
  const merged = new Set<T>()
  for (const plan of planned) {
    const pick = (candidates: T[] | undefined): T | undefined => {
      const compatible = (candidates ?? []).filter((candidate) => !conflicts(candidate, plan))
      const root = plan.terraform?.root
      if (root === undefined) return compatible.length === 1 ? compatible[0] : undefined
      const sameRoot = compatible.filter((candidate) => candidate.terraform?.root === root)
      const rootUnknown = compatible.filter((candidate) => candidate.terraform?.root === undefined)
      const pool = sameRoot.length > 0 ? sameRoot : rootUnknown
      return pool.length === 1 ? pool[0] : undefined
    }
    const address = plan.terraform?.address
    const key = naturalKey(plan)
    const match =
      (address !== undefined ? pick(byAddress.get(address)) : undefined) ??
      (key !== undefined ? pick(byNaturalKey.get(key)) : undefined)
    if (!match) continue
    const list = plansOf.get(match)
    if (list) list.push(plan)
    else plansOf.set(match, [plan])
    merged.add(plan)
  }
  return items.flatMap((item) => {
    if (merged.has(item)) return []
    const plans = plansOf.get(item)
    return plans ? plans.map((plan) => merge(item, plan)) : [item]
  })
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    if (key === undefined) continue
    const list = groups.get(key)
    if (list) list.push(item)
    else groups.set(key, [item])
  }
  return groups
}

/** The configuration's value where it is known; else the plan's known value, placed where the configuration writes the expression. */
function preferKnown(configured: Value | undefined, planned: Value | undefined): Value | undefined {
  if (configured?.kind === 'known') return configured
  if (planned?.kind === 'known') return configured ? known(planned.value, configured.location) : planned
  return configured ?? planned
}

function required(configured: Value, planned: Value): Value {
  return preferKnown(configured, planned) ?? configured
}

function conflict(
  a: Value | undefined,
  b: Value | undefined,
  normalise: (text: string) => string = (text) => text,
): boolean {
  return a?.kind === 'known' && b?.kind === 'known' && normalise(a.value) !== normalise(b.value)
}

function knownText(value: Value | undefined): string | undefined {
  return value?.kind === 'known' ? value.value : undefined
}

function knownKey(...parts: (string | undefined)[]): string | undefined {
  return parts.every((part) => part !== undefined) ? parts.join('/') : undefined
}

function namespacedKey(namespace: Value, name: Value): string | undefined {
  return knownKey(knownText(namespace), knownText(name))
}

const lowerCase = (text: string): string => text.toLowerCase()
const hostPathOf = (url: string): string => issuerHostPath(url).replace(/\/+$/, '').toLowerCase()

function symbolicExpressions(...values: (Value | undefined)[]): string[] {
  return values.flatMap((value) => (value?.kind === 'symbolic' ? [value.expression] : []))
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}

/** The graph indexes a symbolic ARN by its expression already: listing it as a reference too would join everything twice. */
function withoutOwnExpression(references: readonly string[], arn: Value | undefined): string[] {
  return references.filter((reference) => arn?.kind !== 'symbolic' || reference !== arn.expression)
}

// Roles

function roleNaturalKey(role: Role): string | undefined {
  return knownText(role.name)?.toLowerCase()
}

function roleConflicts(a: Role, b: Role): boolean {
  return (
    conflict(a.name, b.name, lowerCase) ||
    conflict(a.path, b.path) ||
    conflict(a.account, b.account) ||
    conflict(a.arn, b.arn)
  )
}

function mergeRole(configured: Role, planned: Role): Role {
  const role: Role = {
    ...configured,
    arnReferences: unique([
      ...configured.arnReferences,
      ...planned.arnReferences,
      ...symbolicExpressions(configured.arn, planned.arn),
    ]),
  }
  assign(role, 'name', preferKnown(configured.name, planned.name))
  assign(role, 'path', preferKnown(configured.path, planned.path))
  assign(role, 'account', preferKnown(configured.account, planned.account))
  assign(role, 'arn', preferKnown(configured.arn, planned.arn))
  const partition = configured.partition ?? planned.partition
  if (partition !== undefined) role.partition = partition
  role.arnReferences = withoutOwnExpression(role.arnReferences, role.arn)
  if (!configured.generatedName && planned.generatedName && role.name?.kind !== 'known')
    role.generatedName = planned.generatedName
  const trustPolicy = mergeTrustPolicy(configured.trustPolicy, planned.trustPolicy)
  if (trustPolicy) role.trustPolicy = trustPolicy
  const count = configured.permissionPolicyCount ?? planned.permissionPolicyCount
  if (count !== undefined) role.permissionPolicyCount = count
  return role
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete target[key]
  else target[key] = value
}

// Trust policies

/**
 * The configuration's document with each unknown value the plan knows filled in, where the two
 * documents line up (same statements, condition entries matched by operator and key). When the
 * configuration cannot say what the statements are (a reference, dynamic blocks) or disagrees on
 * their number, the plan's document, if fully known, is what will be applied.
 */
export function mergeTrustPolicy(
  configured: PolicyDocument | undefined,
  planned: PolicyDocument | undefined,
): PolicyDocument | undefined {
  if (!configured || !planned) return configured ?? planned
  if ((planned.symbolicStatements ?? []).length > 0 || !documentHasSymbolic(configured)) return configured
  const structureUnknown =
    (configured.symbolicStatements ?? []).length > 0 ||
    configured.statements.some((statement) => (statement.symbolicConditions ?? []).length > 0)
  if (structureUnknown || configured.statements.length !== planned.statements.length)
    return documentHasSymbolic(planned) ? configured : planned
  const merged: PolicyDocument = {
    ...configured,
    statements: configured.statements.map((statement, index) => mergeStatement(statement, planned.statements[index]!)),
  }
  assign(merged, 'version', preferKnown(configured.version, planned.version))
  if (merged.minifiedLength === undefined && planned.minifiedLength !== undefined)
    merged.minifiedLength = planned.minifiedLength
  return merged
}

function documentHasSymbolic(document: PolicyDocument): boolean {
  if ((document.symbolicStatements ?? []).length > 0 || document.version?.kind === 'symbolic') return true
  return document.statements.some((statement) => {
    const values = [
      statement.sid,
      statement.effect,
      statement.principal?.wildcard,
      statement.notPrincipal?.wildcard,
      ...(statement.principal?.entries ?? []).flatMap((entry) => entry.values),
      ...(statement.notPrincipal?.entries ?? []).flatMap((entry) => entry.values),
      ...(statement.action?.values ?? []),
      ...(statement.notAction?.values ?? []),
      ...(statement.condition?.entries ?? []).flatMap((entry) => [
        entry.key,
        ...entry.values,
        ...(entry.operatorReference ? [entry.operatorReference] : []),
      ]),
    ]
    return (statement.symbolicConditions ?? []).length > 0 || values.some((value) => value?.kind === 'symbolic')
  })
}

function mergeStatement(configured: Statement, planned: Statement): Statement {
  const statement: Statement = { ...configured }
  assign(statement, 'sid', preferKnown(configured.sid, planned.sid))
  assign(statement, 'effect', preferKnown(configured.effect, planned.effect))
  assign(statement, 'principal', mergePrincipal(configured.principal, planned.principal))
  assign(statement, 'notPrincipal', mergePrincipal(configured.notPrincipal, planned.notPrincipal))
  assign(statement, 'action', mergeValueList(configured.action, planned.action))
  assign(statement, 'notAction', mergeValueList(configured.notAction, planned.notAction))
  assign(statement, 'condition', mergeCondition(configured.condition, planned.condition))
  return statement
}

function mergePrincipal(
  configured: PrincipalBlock | undefined,
  planned: PrincipalBlock | undefined,
): PrincipalBlock | undefined {
  if (!configured || !planned) return configured
  const block: PrincipalBlock = {
    ...configured,
    entries: configured.entries.map((entry) => {
      const other = planned.entries.filter((candidate) => candidate.type === entry.type)
      return other.length === 1 ? { ...entry, values: mergeValues(entry.values, other[0]!.values) } : entry
    }),
  }
  assign(block, 'wildcard', preferKnown(configured.wildcard, planned.wildcard))
  return block
}

function mergeValueList(configured: ValueList | undefined, planned: ValueList | undefined): ValueList | undefined {
  return configured && planned ? { ...configured, values: mergeValues(configured.values, planned.values) } : configured
}

function mergeCondition(
  configured: ConditionBlock | undefined,
  planned: ConditionBlock | undefined,
): ConditionBlock | undefined {
  if (!configured || !planned) return configured
  const used = new Set<ConditionEntry>()
  const entries = configured.entries.map((entry) => {
    const candidates = planned.entries.filter(
      (candidate) =>
        !used.has(candidate) &&
        (entry.operatorReference !== undefined || candidate.operator === entry.operator) &&
        keyMatches(entry.key, candidate.key),
    )
    if (candidates.length !== 1) return entry
    const other = candidates[0]!
    used.add(other)
    const merged: ConditionEntry = {
      ...entry,
      key: required(entry.key, other.key),
      values: mergeValues(entry.values, other.values),
    }
    if (entry.operatorReference && other.operatorReference === undefined) {
      merged.operator = other.operator
      delete merged.operatorReference
    }
    return merged
  })
  return { ...configured, entries }
}

function keyMatches(configured: Value, planned: Value): boolean {
  if (planned.kind !== 'known') return configured.kind === 'symbolic' && configured.expression === planned.expression
  if (configured.kind === 'known') return configured.value.toLowerCase() === planned.value.toLowerCase()
  return templateMatches(configured, planned.value)
}

/**
 * Values of one element: a known value stays; an unknown one takes the plan's value at the same
 * position, or the one plan value its template fits; a lone reference to a whole list becomes the
 * plan's list.
 */
function mergeValues(configured: readonly Value[], planned: readonly Value[]): Value[] {
  if (!configured.some((value) => value.kind === 'symbolic')) return [...configured]
  const plannedKnown = planned.filter((value): value is Extract<Value, { kind: 'known' }> => value.kind === 'known')
  if (plannedKnown.length !== planned.length) return [...configured]
  const only = configured.length === 1 ? configured[0]! : undefined
  if (only?.kind === 'symbolic' && !only.expression.includes('${') && planned.length !== 1)
    return plannedKnown.map((value) => known(value.value, only.location))
  const taken = new Set(configured.flatMap((value) => (value.kind === 'known' ? [value.value] : [])))
  return configured.map((value, index) => {
    if (value.kind === 'known') return value
    const same = configured.length === planned.length ? plannedKnown[index] : undefined
    if (same && templateMatches(value, same.value)) return known(same.value, value.location)
    const fitting = plannedKnown.filter(
      (candidate) => !taken.has(candidate.value) && templateMatches(value, candidate.value),
    )
    return fitting.length === 1 ? known(fitting[0]!.value, value.location) : value
  })
}

/** Whether a known text may be what a symbolic value evaluates to: its literal parts in order, anything in its holes. */
function templateMatches(value: Value, text: string): boolean {
  if (value.kind === 'known') return value.value === text
  const pattern = templateOf(value)
    .map((part) => ('text' in part ? part.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '[\\s\\S]*'))
    .join('')
  return new RegExp(`^${pattern}$`).test(text)
}

// Kubernetes

function serviceAccountConflicts(a: ServiceAccount, b: ServiceAccount): boolean {
  return conflict(a.namespace, b.namespace) || conflict(a.name, b.name) || conflict(a.roleArn, b.roleArn)
}

function mergeServiceAccount(configured: ServiceAccount, planned: ServiceAccount): ServiceAccount {
  const sa: ServiceAccount = {
    ...configured,
    namespace: required(configured.namespace, planned.namespace),
    name: required(configured.name, planned.name),
    annotations: mergeAnnotations(configured.annotations, planned.annotations),
  }
  assign(sa, 'roleArn', preferKnown(configured.roleArn, planned.roleArn))
  assign(sa, 'audience', preferKnown(configured.audience, planned.audience))
  assign(sa, 'stsRegionalEndpoints', preferKnown(configured.stsRegionalEndpoints, planned.stsRegionalEndpoints))
  assign(sa, 'tokenExpiration', preferKnown(configured.tokenExpiration, planned.tokenExpiration))
  return sa
}

function objectConflicts(a: KubeObject, b: KubeObject): boolean {
  return a.kind !== b.kind || conflict(a.namespace, b.namespace) || conflict(a.name, b.name)
}

function mergeObject(configured: KubeObject, planned: KubeObject): KubeObject {
  return {
    ...configured,
    namespace: required(configured.namespace, planned.namespace),
    name: required(configured.name, planned.name),
    annotations: mergeAnnotations(configured.annotations, planned.annotations),
  }
}

function mergeAnnotations(configured: readonly Annotation[], planned: readonly Annotation[]): Annotation[] {
  const merged = configured.map((annotation) => {
    const other = planned.find((candidate) => candidate.key === annotation.key && candidate.where === annotation.where)
    return other ? { ...annotation, value: required(annotation.value, other.value) } : annotation
  })
  const onlyPlanned = planned.filter(
    (annotation) =>
      !configured.some((candidate) => candidate.key === annotation.key && candidate.where === annotation.where),
  )
  return [...merged, ...onlyPlanned]
}

// AWS

function providerNaturalKey(provider: OidcProvider): string | undefined {
  const url = knownText(provider.url)
  return url === undefined ? knownText(provider.arn) : hostPathOf(url)
}

function mergeProvider(configured: OidcProvider, planned: OidcProvider): OidcProvider {
  const provider: OidcProvider = {
    ...configured,
    clientIds: mergeValues(configured.clientIds, planned.clientIds),
    arnReferences: unique([
      ...configured.arnReferences,
      ...planned.arnReferences,
      ...symbolicExpressions(configured.arn, planned.arn),
    ]),
  }
  assign(provider, 'arn', preferKnown(configured.arn, planned.arn))
  assign(provider, 'url', preferKnown(configured.url, planned.url))
  assign(provider, 'clientIdsLocation', configured.clientIdsLocation ?? planned.clientIdsLocation)
  provider.arnReferences = withoutOwnExpression(provider.arnReferences, provider.arn)
  return provider
}

function mergeCluster(configured: Cluster, planned: Cluster): Cluster {
  const cluster: Cluster = { ...configured, name: required(configured.name, planned.name) }
  assign(cluster, 'issuer', preferKnown(configured.issuer, planned.issuer))
  assign(cluster, 'region', preferKnown(configured.region, planned.region))
  assign(cluster, 'account', preferKnown(configured.account, planned.account))
  return cluster
}

function mergePodIdentityAssociation(
  configured: PodIdentityAssociation,
  planned: PodIdentityAssociation,
): PodIdentityAssociation {
  const association: PodIdentityAssociation = {
    ...configured,
    namespace: required(configured.namespace, planned.namespace),
    serviceAccount: required(configured.serviceAccount, planned.serviceAccount),
    roleArn: required(configured.roleArn, planned.roleArn),
  }
  assign(association, 'cluster', preferKnown(configured.cluster, planned.cluster))
  return association
}
