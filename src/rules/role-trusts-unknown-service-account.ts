import type { Graph } from '../graph.js'
import type { FindingDraft } from '../model/finding.js'
import { sameUnitOrNone, type Role, type ServiceAccount } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import { known, type KnownValue } from '../model/value.js'
import type { Rule } from './rule.js'
import { allowedIrsaStatements } from './helpers/conditions.js'
import {
  annotatedRole,
  isNearName,
  isUnboundTrustPolicy,
  knownClusters,
  refusedByItsRole,
  refusesServiceAccountOfItsRole,
  roleIdentity,
  roleKey,
  roleTitle,
  sameRoleName,
  trustTitle,
  type KnownCluster,
} from './helpers/correlation.js'
import { conditionsOn, parseOperator } from './helpers/trust.js'
import { unitOf } from './helpers/trusted-subjects.js'
import { exactServiceAccountSubject } from '../model/service-account-subject.js'

export const roleTrustsUnknownServiceAccount: Rule = {
  meta: {
    id: 'role-trusts-unknown-service-account',
    level: 'note',
    description:
      "A role's trust allows ServiceAccounts that no scanned source defines in a namespace the scan does define (or anywhere, when no chart or module of the role's Terraform root is given the role), or that are defined without an annotation naming the role: a leftover, a typo, or manifests outside the scan.",
    remediation:
      'Remove subjects that no longer exist from the trust, annotate the ServiceAccount with the role, or include the manifests that define it in the scan.',
  },
  *check(graph, context) {
    if (graph.facts.serviceAccounts.length === 0) return
    const scope: Scope = {
      graph,
      clusters: knownClusters(graph, context.config),
      // Namespace or name known only at render time: they may be any.
      renderedLater: graph.facts.serviceAccounts.filter(
        (sa) => sa.namespace.kind === 'symbolic' || sa.name.kind === 'symbolic',
      ),
      knownNamespaces: new Set(
        graph.facts.serviceAccounts.flatMap((sa) => (sa.namespace.kind === 'known' ? [sa.namespace.value] : [])),
      ),
    }
    const refusing = new Map<Role, boolean>()
    for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
      // A trust that refuses a ServiceAccount naming it is trust-denies-service-account's finding, with the fix.
      if (!refusing.has(role)) refusing.set(role, refusesServiceAccountOfItsRole(graph, scope.clusters, role))
      if (refusing.get(role)) continue
      for (const entry of conditionsOn(statement, 'sub')) {
        const operator = parseOperator(entry.operator)
        if (
          operator.setPrefix ||
          operator.ifExists ||
          (operator.base !== 'StringEquals' && operator.base !== 'StringLike')
        )
          continue
        for (const value of entry.values) {
          if (value.kind !== 'known') continue
          const subject = exactServiceAccountSubject(value.value)
          if (!subject) continue
          const finding = unknownSubject(scope, role, value, subject.namespace, subject.name)
          if (finding) yield finding
        }
      }
    }
  },
}

interface Scope {
  graph: Graph
  clusters: readonly KnownCluster[]
  renderedLater: readonly ServiceAccount[]
  /** The namespaces of the ServiceAccounts whose namespace is known. */
  knownNamespaces: ReadonlySet<string>
}

function unknownSubject(
  { graph, clusters, renderedLater, knownNamespaces }: Scope,
  role: Role,
  value: KnownValue,
  namespace: string,
  name: string,
): FindingDraft | undefined {
  const candidates = [
    ...graph.serviceAccountsNamed(known(namespace, value.location), name),
    ...renderedLater.filter((sa) => mayBe(sa.namespace, namespace) && mayBe(sa.name, name)),
  ]
  const trust = `${trustTitle(role)} allows ServiceAccount ${namespace}/${name}`
  const findingKey = `${roleKey(role)} sub:${value.value}`
  const unit = unitOf(role)
  const namespaceSeen = knownNamespaces.has(namespace)
  // A chart elsewhere whose name and namespace are known only at render time could be anything; it is not of a Terraform root's unit.
  const ofUnit = unit === '' ? candidates : candidates.filter((sa) => sa.name.kind === 'known' || unitOf(sa) === unit)
  if (candidates.length === 0 || (!namespaceSeen && ofUnit.length === 0)) {
    if (!namespaceSeen) {
      // ServiceAccounts of namespaces the scan never defines live elsewhere (a chart, another repository), unless the role's unit shows that nothing there can annotate one with it.
      if (unit === '' || creatorHandedRole(graph, role, unit)) return undefined
      return {
        location: value.location,
        message: `${trust}, which nothing in its Terraform root (${unit === '.' ? 'the repository root' : `${unit}/`}) defines, and no chart or module there is given the role to annotate it with; remove the subject if that ServiceAccount is gone, or annotate it with the role where it is created`,
        key: findingKey,
      }
    }
    return {
      location: value.location,
      message: `${trust}, which no scanned source defines; remove the subject if that ServiceAccount is gone, or include its manifest in the scan`,
      key: findingKey,
    }
  }
  if (isUnboundTrustPolicy(role)) return undefined
  const exact = candidates.filter((sa) => sa.namespace.kind === 'known' && sa.name.kind === 'known')
  if (exact.length < candidates.length) return undefined
  const using = new Set(graph.serviceAccountsUsing(role))
  if (exact.some((sa) => using.has(sa) || sa.roleArn?.kind === 'symbolic')) return undefined
  if (exact.some((sa) => annotationExplains(graph, sa, role) || refusedByItsRole(graph, clusters, sa))) return undefined
  // A ServiceAccount of another deploy unit (another environment's root, another eksctl config) is not this role's to judge.
  const sa = exact.find((candidate) => sameUnitOrNone(candidate.unit, role.unit))
  if (!sa) return undefined
  return {
    location: value.location,
    message: `${trust}, but ${describeOtherUse(sa)}; ${fixFor(role)} or remove the subject from the trust`,
    related: [{ location: sa.roleArn?.location ?? sa.location, message: `ServiceAccount ${namespace}/${name}` }],
    key: findingKey,
  }
}

/**
 * An annotation naming a role of this name (the same role in another account or path: one role
 * per environment, or role-account-mismatch's finding), one naming this role with a typo
 * (role-not-found's finding), or a malformed one (role-arn-invalid's).
 */
function annotationExplains(graph: Graph, sa: ServiceAccount, role: Role): boolean {
  if (sa.roleArn === undefined) return false
  const annotated = annotatedRole(sa)
  if (!annotated) return true
  if (sameRoleName(role, annotated.arn.name)) return true
  const name = roleIdentity(role).name
  return graph.rolesOf(sa).length === 0 && name !== undefined && isNearName(annotated.arn.name, name)
}

/**
 * A module irsa-guard does not model or a chart release it does not render, in the role's unit
 * (or in plain files), that is given the role: its name, ARN or a reference to it. It may create
 * the ServiceAccount with the annotation.
 */
function creatorHandedRole(graph: Graph, role: Role, unit: string): boolean {
  const creators = (graph.facts.serviceAccountCreators ?? []).filter(
    (creator) => unitOf(creator) === unit || unitOf(creator) === '',
  )
  if (creators.length === 0) return false
  const needles = roleMentions(role)
  return creators.some(
    (creator) => creator.runsPrograms === true || needles.some((needle) => creator.text.includes(needle)),
  )
}

/** Texts that only a reference to this role, or its name, contains. */
function roleMentions(role: Role): string[] {
  const mentions = [...role.arnReferences]
  if (role.arn?.kind === 'symbolic') mentions.push(role.arn.expression)
  if (role.arn?.kind === 'known') mentions.push(role.arn.value)
  const name = roleIdentity(role).name
  if (name !== undefined && name.length >= 3) mentions.push(name)
  if (role.generatedName?.prefix.kind === 'known' && role.generatedName.prefix.value.length >= 3)
    mentions.push(role.generatedName.prefix.value)
  const address = role.terraform?.address
  if (address) {
    mentions.push(address)
    // A module's role is handed on as the module or any of its outputs.
    const module = /^module\.[^.[]+/.exec(address)
    if (module) mentions.push(module[0])
  }
  return mentions
}

function mayBe(value: ServiceAccount['name'], expected: string): boolean {
  return value.kind === 'symbolic' || value.value === expected
}

function describeOtherUse(sa: ServiceAccount): string {
  const annotated = annotatedRole(sa)
  if (annotated)
    return `its manifest (${formatLocation(annotated.value.location)}) annotates it with role "${annotated.value.value.trim()}"`
  return `its manifest (${formatLocation(sa.location)}) has no eks.amazonaws.com/role-arn annotation`
}

function fixFor(role: Role): string {
  const arn = role.arn?.kind === 'known' ? `"${role.arn.value}"` : `the ARN of ${roleTitle(role)}`
  return `annotate it with ${arn}`
}
