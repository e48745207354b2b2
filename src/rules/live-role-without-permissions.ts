import type { LiveRoleLookup } from '../model/live.js'
import { formatLocation } from '../model/location.js'
import type { ServiceAccount } from '../model/facts.js'
import { describeServiceAccount } from './helpers/correlation.js'
import {
  deployedRole,
  deployedRoleTitle,
  liveObservations,
  liveServiceAccounts,
  type RoleTarget,
} from './helpers/live.js'
import type { Rule } from './rule.js'

export const liveRoleWithoutPermissions: Rule = {
  meta: {
    id: 'live-role-without-permissions',
    level: 'warning',
    description:
      'The role a ServiceAccount names has no permission policy, attached or inline (iam:ListAttachedRolePolicies, iam:ListRolePolicies).',
    remediation: 'Attach the policy the workload needs to the role.',
  },
  *check(graph) {
    const observations = liveObservations(graph)
    if (!observations) return
    const byLookup = new Map<LiveRoleLookup, { target: RoleTarget; serviceAccounts: ServiceAccount[] }>()
    for (const { sa, target, lookup } of liveServiceAccounts(graph, observations)) {
      if (lookup.permissionPolicyCount !== 0 || !deployedRole(target, lookup)) continue
      const entry = byLookup.get(lookup)
      if (entry) entry.serviceAccounts.push(sa)
      else byLookup.set(lookup, { target, serviceAccounts: [sa] })
    }
    for (const [lookup, { target, serviceAccounts }] of byLookup) {
      const [first, ...others] = serviceAccounts
      if (!first) continue
      const repository = graph.rolesOf(first).find(({ role }) => (role.permissionPolicyCount ?? 0) > 0)?.role
      const apply = repository
        ? ` (the repository gives it ${repository.permissionPolicyCount} at ${formatLocation(repository.location)}: apply it)`
        : ''
      yield {
        location: target.location,
        message:
          `${deployedRoleTitle(lookup)} has no permission policy, attached or inline (iam:ListAttachedRolePolicies, iam:ListRolePolicies): ` +
          `${describeServiceAccount(first)} can assume it, but every AWS call it makes is denied; attach the policy the workload needs${apply}`,
        related: others.map((sa) => ({
          location: sa.roleArn?.location ?? sa.location,
          message: describeServiceAccount(sa),
        })),
        key: `role:${lookup.account}/${lookup.name.toLowerCase()} permissions`,
      }
    }
  },
}
