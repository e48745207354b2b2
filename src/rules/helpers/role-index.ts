import type { Graph, JoinedFrom } from '../../graph.js'
import type { RoleArn } from '../../iam/arn.js'
import { sameUnitOrNone, type Role, type ServiceAccount } from '../../model/facts.js'
import { perGraph } from './per-graph.js'
import { checkToken, isUnboundTrustPolicy, pathMayBe, roleIdentity } from './correlation.js'

interface RoleIndex {
  /** Roles by their name (their own, else their ARN's) in lower case, each list in scan order. */
  byName: Map<string, Role[]>
  /** The trust policy files bound to no role, in scan order. */
  unboundTrustPolicies: Role[]
}

const roleIndex = perGraph((graph): RoleIndex => {
  const byName = new Map<string, Role[]>()
  const unboundTrustPolicies: Role[] = []
  for (const role of graph.facts.roles) {
    if (isUnboundTrustPolicy(role)) unboundTrustPolicies.push(role)
    const name = roleIdentity(role).name
    if (name === undefined) continue
    const key = name.toLowerCase()
    const list = byName.get(key)
    if (list) list.push(role)
    else byName.set(key, [role])
  }
  return { byName, unboundTrustPolicies }
})

/** The roles whose name is this one, ignoring case (IAM role names are unique case-insensitively), in scan order. */
export function rolesNamed(graph: Graph, name: string): readonly Role[] {
  return roleIndex(graph).byName.get(name.toLowerCase()) ?? []
}

/**
 * Roles with the annotation's name and path that the sources define only in other accounts
 * (role-account-mismatch), among those of the annotation's deploy unit and of none (a role of
 * that name in another unit is another environment's); empty when a role of that name may be in
 * the annotation's account.
 */
export function rolesInOtherAccounts(graph: Graph, arn: RoleArn, from: JoinedFrom): Role[] {
  const named = rolesNamed(graph, arn.name).filter(
    (role) => pathMayBe(role, arn.path) && sameUnitOrNone(role.unit, from.unit),
  )
  const elsewhere = named.filter((role) => {
    const account = roleIdentity(role).account
    return account !== undefined && account !== arn.account && role.account?.kind !== 'symbolic'
  })
  return elsewhere.length === named.length ? elsewhere : []
}

/** Whether a trust policy bound to no role accepts this ServiceAccount's token (its role is then probably that one). */
export function acceptedByUnboundTrust(graph: Graph, sa: ServiceAccount): boolean {
  return roleIndex(graph).unboundTrustPolicies.some((role) => {
    const check = checkToken(sa, role, [])
    return check !== undefined && check.effect !== 'deny'
  })
}
