import type { PermissionStatement, RolePermissions } from '../model/facts.js'
import type { Value } from '../model/value.js'
import { globMatches, globPattern, intersects, literalPattern } from './glob.js'
import { hasHoles, lowerCase, templateOf, text } from './template.js'
import { and, not, or, type Tri } from './tri.js'

export interface IdentityDecision {
  /** true: allowed; false: denied (implicitly, or by `deniedBy`); unknown: depends on deploy-time values or conditions. */
  allowed: Tri
  deniedBy?: PermissionStatement
  allowedBy?: PermissionStatement
}

/**
 * Whether a role's own permission policies allow an action on a resource: an applicable Deny wins,
 * else an applicable Allow allows, else it is implicitly denied. Actions compare case-insensitively
 * and resources case-sensitively, both with `*` and `?` wildcards. A statement with a Condition, or
 * a value known only at deploy time, may apply: the answer is then unknown, never a denial. When
 * the permissions are incomplete (an attached policy whose document is unknown), nothing is denied.
 */
export function identityAllows(permissions: RolePermissions, action: string, resource: string): IdentityDecision {
  const applies = (statement: PermissionStatement): Tri => {
    const actionMatch = elementMatches(statement.actions, statement.notActions, action, true)
    const resourceMatch = elementMatches(statement.resources, statement.notResources, resource, false)
    const matched = and([actionMatch, resourceMatch])
    return matched === true && statement.conditional ? 'unknown' : matched
  }
  const effectOf = (statement: PermissionStatement): 'Allow' | 'Deny' | 'unknown' =>
    statement.effect?.kind === 'known' && (statement.effect.value === 'Allow' || statement.effect.value === 'Deny')
      ? statement.effect.value
      : 'unknown'
  let mayDeny = false
  let allowedBy: PermissionStatement | undefined
  let mayAllow = !permissions.complete
  for (const statement of permissions.statements) {
    const result = applies(statement)
    const effect = effectOf(statement)
    if (result === false) continue
    if (effect === 'Deny' && result === true) return { allowed: false, deniedBy: statement }
    if (effect !== 'Allow') mayDeny = true
    if (effect !== 'Deny') {
      if (result === true && effect === 'Allow') allowedBy ??= statement
      else mayAllow = true
    }
  }
  if (allowedBy && !mayDeny) return { allowed: true, allowedBy }
  if (allowedBy || mayAllow) return { allowed: 'unknown' }
  return { allowed: false }
}

function elementMatches(
  positive: Value[] | undefined,
  negative: Value[] | undefined,
  value: string,
  caseInsensitive: boolean,
): Tri {
  if (positive) return or(positive.map((each) => valueMatches(each, value, caseInsensitive)))
  if (negative) return not(or(negative.map((each) => valueMatches(each, value, caseInsensitive))))
  return false
}

function valueMatches(policyValue: Value, value: string, caseInsensitive: boolean): Tri {
  const template = caseInsensitive ? lowerCase(templateOf(policyValue)) : templateOf(policyValue)
  const subject = caseInsensitive ? value.toLowerCase() : value
  const pattern = globPattern(template)
  if (!hasHoles(template)) return globMatches(pattern, subject)
  return intersects(literalPattern(text(subject)), pattern) ? 'unknown' : false
}
