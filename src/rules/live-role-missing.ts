import { formatLocation } from '../model/location.js'
import { describeServiceAccount, serviceAccountKey } from './helpers/correlation.js'
import { deployedPath, deployedRoleTitle, liveObservations, liveServiceAccounts } from './helpers/live.js'
import type { Rule } from './rule.js'

export const liveRoleMissing: Rule = {
  meta: {
    id: 'live-role-missing',
    level: 'error',
    description:
      "iam:GetRole says the role a ServiceAccount's eks.amazonaws.com/role-arn names does not exist (or exists only under another path).",
    remediation: "Create the role (apply the repository's definition), or point the annotation at the role's real ARN.",
  },
  *check(graph) {
    const observations = liveObservations(graph)
    if (!observations) return
    for (const { sa, target, lookup } of liveServiceAccounts(graph, observations)) {
      const repository = graph.rolesOf(sa)[0]?.role
      const related = repository
        ? [{ location: repository.location, message: `the repository's definition of role ${target.name}` }]
        : []
      const key = `${serviceAccountKey(sa)} role:${lookup.account}/${lookup.name.toLowerCase()}`
      if (lookup.state === 'missing') {
        const fix = repository
          ? `apply the repository's definition (${formatLocation(repository.location)}), or point the annotation at a role that exists`
          : 'create the role, or point the annotation at a role that exists'
        yield {
          location: target.location,
          message: `${describeServiceAccount(sa)} names ${deployedRoleTitle(lookup)}, which does not exist (iam:GetRole: NoSuchEntity), so STS refuses its token; ${fix}`,
          related,
          key,
        }
        continue
      }
      const role = lookup.role
      if (lookup.state !== 'found' || !role || target.path === undefined) continue
      const path = deployedPath(role)
      if (path === target.path) continue
      const existing =
        role.arn?.kind === 'known'
          ? role.arn.value
          : `arn:${target.partition}:iam::${lookup.account}:role${path}${role.name?.kind === 'known' ? role.name.value : target.name}`
      yield {
        location: target.location,
        message: `${describeServiceAccount(sa)} names "${target.arn}", but ${deployedRoleTitle(lookup)} has path "${path}" (iam:GetRole), so the annotated ARN does not exist; change the annotation to "${existing}"`,
        related,
        key,
      }
    }
  },
}
