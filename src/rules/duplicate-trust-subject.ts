import { isNonEmpty, type NonEmpty } from '../collections.js'
import type { Graph } from '../graph.js'
import type { Role } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation } from '../model/location.js'
import { known } from '../model/value.js'
import type { Rule } from './rule.js'
import { isUnboundTrustPolicy, roleKey, roleTitle, trustTitle } from './helpers/correlation.js'
import { valueText } from './helpers/kubernetes.js'
import { trustedSubjects, unitOf, type TrustedSubject } from './helpers/trusted-subjects.js'

export const duplicateTrustSubject: Rule = {
  meta: {
    id: 'duplicate-trust-subject',
    level: 'note',
    description:
      'Two roles of one deploy unit trust the same single ServiceAccount of the same cluster, while a ServiceAccount carries one role-arn annotation: one role is never used, often a copied subject that should name another ServiceAccount.',
    remediation:
      "Change the other role's subject to the ServiceAccount it is meant for, or remove the role that is not used.",
  },
  *check(graph) {
    for (const subjects of trustedSubjects(graph).values()) {
      const groups = new Map<string, TrustedSubject[]>()
      for (const subject of subjects) {
        if (isUnboundTrustPolicy(subject.role)) continue
        const key = `${unitOf(subject.role)}\0${subject.issuer}`
        const group = groups.get(key) ?? []
        if (!group.some((other) => other.role === subject.role)) group.push(subject)
        groups.set(key, group)
      }
      for (const group of groups.values()) if (isNonEmpty(group) && group.length > 1) yield* duplicates(graph, group)
    }
  },
}

function* duplicates(graph: Graph, group: NonEmpty<TrustedSubject>): Iterable<FindingDraft> {
  const [{ namespace, name, value }] = group
  const serviceAccounts = graph.serviceAccountsNamed(known(namespace, value.location), name)
  // An annotation irsa-guard cannot resolve may name any of them.
  if (serviceAccounts.some((sa) => sa.roleArn?.kind === 'symbolic' && graph.rolesOf(sa).length === 0)) return
  const used = new Set<Role>(serviceAccounts.flatMap((sa) => graph.rolesOf(sa).map((link) => link.role)))
  const kept = group.find((subject) => used.has(subject.role)) ?? group[0]
  const hint = untrustedNeighbours(graph, namespace)
  for (const subject of group) {
    if (subject === kept || used.has(subject.role)) continue
    const other = used.has(kept.role)
      ? `which is annotated with ${roleTitle(kept.role)} (trusted at ${formatLocation(kept.value.location)})`
      : `which ${trustTitle(kept.role)} (${formatLocation(kept.value.location)}) also allows`
    yield {
      location: subject.value.location,
      message: `${trustTitle(subject.role)} allows ServiceAccount ${namespace}/${name}, ${other}; a ServiceAccount carries one eks.amazonaws.com/role-arn annotation, so one of the two roles is never used: name the ServiceAccount this role is meant for${hint}`,
      related: [{ location: kept.value.location, message: `${trustTitle(kept.role)} allows ${namespace}/${name}` }],
      key: `${roleKey(subject.role)} sub:${namespace}/${name} also ${roleKey(kept.role)}`,
    }
  }
}

/** ServiceAccounts of the namespace that a custom resource authenticates as and no role trusts: what a copied subject may have meant. */
function untrustedNeighbours(graph: Graph, namespace: string): string {
  const names = new Set<string>()
  for (const object of graph.facts.objects) {
    const ref = object.serviceAccountRef
    if (ref?.name.kind !== 'known' || ref.namespace.kind !== 'known' || ref.namespace.value !== namespace) continue
    if (!trustedSubjects(graph).has(`${namespace}/${ref.name.value}`))
      names.add(
        `${namespace}/${ref.name.value}, which ${object.kind} ${valueText(object.name)} names at ${formatLocation(ref.location)}`,
      )
  }
  return names.size > 0 ? ` (no role trusts ${[...names].join('; nor ')})` : ''
}
