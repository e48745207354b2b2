import type { Config } from '../config.js'
import type { Graph, JoinedFrom } from '../graph.js'
import { parseRoleArn } from '../iam/arn.js'
import type { FindingDraft } from '../model/finding.js'
import type { PodIdentityAssociation, Role, ServiceAccount } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { Value } from '../model/value.js'
import type { Rule } from './rule.js'
import { describeServiceAccount, roleIdentity, roleTitle, serviceAccountKey } from './helpers/correlation.js'

export const podIdentityOverridesIrsa: Rule = {
  meta: {
    id: 'pod-identity-overrides-irsa',
    level: 'warning',
    description:
      'A ServiceAccount has the IRSA annotation eks.amazonaws.com/role-arn and an EKS Pod Identity association; Pod Identity takes precedence, so the annotation has no effect (an error when the association names another role).',
    remediation:
      "Keep one mechanism: remove the annotation (and give the association's role the permissions), or delete the Pod Identity association to keep IRSA.",
  },
  *check(graph, context) {
    const severalClusters = knownClusterCount(graph, context.config) > 1
    for (const association of graph.facts.podIdentityAssociations) {
      // An association maps ServiceAccounts of its own unit (or of plain manifests), not another Terraform root's or eksctl config's.
      for (const sa of graph.serviceAccountsNamed(association.namespace, association.serviceAccount, association)) {
        if (!sa.roleArn) continue
        yield overridden(graph, sa, sa.roleArn, association, severalClusters)
      }
    }
  },
}

function overridden(
  graph: Graph,
  sa: ServiceAccount,
  annotation: Value,
  association: PodIdentityAssociation,
  severalClusters: boolean,
): FindingDraft {
  const comparison = compareRoles(
    graph,
    { value: annotation, from: sa },
    { value: association.roleArn, from: association },
  )
  const pod = describeAssociation(association)
  const precedence = `${pod} maps the same ServiceAccount`
  const irsaRole = roleText(graph, annotation, sa)
  const podRole = roleText(graph, association.roleArn, association)
  const keepIrsa = 'or delete the association to keep IRSA'
  let message: string
  if (comparison === 'different') {
    message =
      `${describeServiceAccount(sa)} names ${irsaRole} in eks.amazonaws.com/role-arn, but ${precedence} to ${podRole}, and Pod Identity takes precedence: ` +
      `its pods get the credentials of ${podRole}, not of ${irsaRole}; remove the annotation and give ${podRole} the permissions the pods need, ${keepIrsa}`
  } else if (comparison === 'same') {
    message =
      `${describeServiceAccount(sa)} names ${irsaRole} in eks.amazonaws.com/role-arn, and ${precedence} to that role; Pod Identity takes precedence, so the annotation has no effect ` +
      `(the role's trust must accept pods.eks.amazonaws.com); remove the annotation, ${keepIrsa}`
  } else {
    message =
      `${describeServiceAccount(sa)} names ${irsaRole} in eks.amazonaws.com/role-arn, but ${precedence} to ${podRole}; Pod Identity takes precedence, ` +
      `so the webhook injects only the Pod Identity credentials and the annotation has no effect; remove the annotation, ${keepIrsa}`
  }
  return {
    location: annotation.location,
    message,
    // Which cluster a manifest is applied to is not known: with several clusters the association may be for another one.
    ...(comparison === 'different' && !severalClusters ? { level: 'error' } : {}),
    related: [{ location: association.location, message: pod }],
    key: `${serviceAccountKey(sa)} pod-identity:${associationKey(association)}`,
  }
}

type Comparison = 'same' | 'different' | 'unknown'

/** A role ARN value and the fact it is written in (whose unit its references belong to). */
interface WrittenIn {
  value: Value
  from: JoinedFrom
}

/** Whether two role ARN values name the same role: by known ARNs, else by the roles the sources define for them. */
function compareRoles(graph: Graph, left: WrittenIn, right: WrittenIn): Comparison {
  const a = left.value
  const b = right.value
  if (a.kind === 'known' && b.kind === 'known') {
    const left = parseRoleArn(a.value.trim())
    const right = parseRoleArn(b.value.trim())
    if (!left || !right) return 'unknown'
    const same =
      left.account === right.account && left.path === right.path && left.name.toLowerCase() === right.name.toLowerCase()
    return same ? 'same' : 'different'
  }
  if (a.kind === 'symbolic' && b.kind === 'symbolic' && a.expression === b.expression) return 'same'
  const leftRoles = graph.rolesNamedBy(a, left.from).map((link) => link.role)
  const rightRoles = graph.rolesNamedBy(b, right.from).map((link) => link.role)
  if (leftRoles.some((role) => rightRoles.includes(role))) return 'same'
  // A role has one name: two values that can only name roles of different names name different roles.
  const leftNames = roleNames(a, leftRoles)
  const rightNames = roleNames(b, rightRoles)
  if (!leftNames || !rightNames) return 'unknown'
  return [...leftNames].some((name) => rightNames.has(name)) ? 'unknown' : 'different'
}

/** The lower-cased names a role ARN value can stand for; undefined when one of them is not known. */
function roleNames(value: Value, roles: readonly Role[]): Set<string> | undefined {
  if (value.kind === 'known') {
    const name = parseRoleArn(value.value.trim())?.name
    return name === undefined ? undefined : new Set([name.toLowerCase()])
  }
  const names = roles.flatMap((role) => roleIdentity(role).name ?? [])
  if (names.length === 0 || names.length < roles.length) return undefined
  return new Set(names.map((name) => name.toLowerCase()))
}

/** "role orders-pods", from the role the sources define or the ARN itself. */
function roleText(graph: Graph, value: Value, from: JoinedFrom): string {
  const role = graph.rolesNamedBy(value, from)[0]?.role
  if (role && roleIdentity(role).name !== undefined) return roleTitle(role)
  if (value.kind === 'known') return `role ${parseRoleArn(value.value.trim())?.name ?? `"${value.value}"`}`
  return `the role \${${value.expression}}`
}

function describeAssociation(association: PodIdentityAssociation): string {
  const cluster = association.cluster?.kind === 'known' ? ` on cluster ${association.cluster.value}` : ''
  const name = association.terraform
    ? `Pod Identity association ${association.terraform.address}`
    : 'a Pod Identity association'
  return `${name}${cluster} (${formatLocation(association.location)})`
}

function associationKey(association: PodIdentityAssociation): string {
  const cluster = association.cluster?.kind === 'known' ? association.cluster.value : ''
  return association.terraform?.address ?? `${cluster}/${formatLocation(association.location)}`
}

function knownClusterCount(graph: Graph, config: Config): number {
  const names = new Set<string>()
  for (const cluster of config.clusters) names.add(cluster.name)
  for (const cluster of graph.facts.clusters)
    names.add(cluster.name.kind === 'known' ? cluster.name.value : `at ${formatLocation(cluster.location)}`)
  return names.size
}
