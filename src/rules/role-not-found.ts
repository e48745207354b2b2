import type { Graph } from '../graph.js'
import type { RoleArn } from '../iam/arn.js'
import type { FindingDraft } from '../model/finding.js'
import type { Role, ServiceAccount } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { KnownValue } from '../model/value.js'
import type { Rule } from './rule.js'
import {
  acceptedByUnboundTrust,
  annotatedRole,
  describeServiceAccount,
  nearNameDistance,
  isUnboundTrustPolicy,
  pathMayBe,
  roleIdentity,
  roleTitle,
  rolesInOtherAccounts,
  sameRoleName,
  serviceAccountKey,
  withPath,
} from './helpers/correlation.js'

export const roleNotFound: Rule = {
  meta: {
    id: 'role-not-found',
    level: 'warning',
    description:
      "A ServiceAccount's eks.amazonaws.com/role-arn names a role that the scanned sources do not define (under that name and path), although they define roles; or one whose real name is generated.",
    remediation:
      "Correct the role name or path in the annotation, give a role with a generated name a fixed name, or set the annotation from the role's ARN output.",
  },
  *check(graph) {
    const candidatesByAccount = new Map<string, Role[]>()
    for (const sa of graph.facts.serviceAccounts) {
      const annotated = annotatedRole(sa)
      if (!annotated || graph.rolesOf(sa).length > 0) continue
      const account = annotated.arn.account
      if (!candidatesByAccount.has(account)) candidatesByAccount.set(account, candidateRoles(graph, account))
      const finding = missingRole(graph, sa, annotated, candidatesByAccount.get(account)!)
      if (finding) yield finding
    }
  },
}

/**
 * The roles an annotation in this account could have meant: those in the account or in an unstated
 * one. None when one of them is named only at apply time (it may be the annotated one).
 */
function candidateRoles(graph: Graph, account: string): Role[] {
  const candidates = graph.facts.roles.filter((role) => {
    if (isUnboundTrustPolicy(role)) return false
    const stated = roleIdentity(role).account
    return stated === undefined || stated === account
  })
  return candidates.some(isNameUnknowable) ? [] : candidates
}

function missingRole(graph: Graph, sa: ServiceAccount, annotated: { value: KnownValue; arn: RoleArn }, candidates: readonly Role[]): FindingDraft | undefined {
  const { arn, value } = annotated
  if (candidates.length === 0) return undefined
  // Another account's role of this name is role-account-mismatch's finding.
  if (rolesInOtherAccounts(graph, arn).length > 0) return undefined
  if (acceptedByUnboundTrust(graph, sa)) return undefined

  const subject = describeServiceAccount(sa)
  const key = `${serviceAccountKey(sa)} role:${arn.account}${arn.path}${arn.name}`

  const generated = candidates.find((role) => role.generatedName?.prefix.kind === 'known' && prefixFits(role.generatedName.prefix.value, arn.name))
  if (generated?.generatedName?.prefix.kind === 'known') {
    const prefix = generated.generatedName.prefix.value
    return {
      location: generated.generatedName.location,
      message:
        `${subject} names role "${arn.name}", but ${roleTitle(generated)} gets a generated name ("${prefix}" and a random suffix) that an annotation cannot know; ` +
        `give the role a fixed name (name instead of name_prefix, use_name_prefix = false) or set the annotation from the role's ARN output`,
      related: [{ location: value.location, message: 'the annotation naming the role' }],
      key,
    }
  }

  const otherPath = candidates.find((role) => sameRoleName(role, arn.name) && !pathMayBe(role, arn.path))
  if (otherPath) {
    const path = roleIdentity(otherPath).path ?? '/'
    const annotationPath = arn.path === '/' ? 'without a path' : `with path "${arn.path}"`
    return {
      location: value.location,
      message:
        `${subject} names role "${arn.name}" ${annotationPath}, but ${roleTitle(otherPath)} (${formatLocation(otherPath.location)}) has path "${path}", ` +
        `so the annotated ARN does not exist; change the annotation to "${withPath(arn, path)}"`,
      related: [{ location: otherPath.location, message: `${roleTitle(otherPath)} with path "${path}"` }],
      key,
    }
  }

  const nearest = nearestRoles(candidates, arn.name)
  const suggestion =
    nearest.length > 0
      ? `did you mean ${nearest.map((role) => `"${roleIdentity(role).name}" (${formatLocation(role.location)})`).join(' or ')}? `
      : ''
  return {
    location: value.location,
    message:
      `${subject} names role "${arn.name}", which no scanned source defines (they define ${countRoles(candidates)}); ` +
      `${suggestion}correct the annotation or add the role's definition to the scan`,
    related: nearest.map((role) => ({ location: role.location, message: `${roleTitle(role)}` })),
    key,
  }
}

function isNameUnknowable(role: Role): boolean {
  if (role.arn?.kind === 'known') return false
  if (role.generatedName) return role.generatedName.prefix.kind !== 'known'
  return role.name?.kind === 'symbolic'
}

/** terraform-aws-iam v6 turns name "app" into prefix "app-"; an annotation may also hold an old generated name. */
function prefixFits(prefix: string, name: string): boolean {
  const lowerPrefix = prefix.toLowerCase()
  const lowerName = name.toLowerCase()
  return lowerName.startsWith(lowerPrefix) || lowerPrefix.replace(/[-_.]$/, '') === lowerName
}

/** Up to three defined role names close to the annotated one. */
function nearestRoles(roles: readonly Role[], name: string): Role[] {
  return roles
    .flatMap((role) => {
      const candidate = roleIdentity(role).name
      const distance = candidate === undefined ? undefined : nearNameDistance(candidate, name)
      return distance === undefined ? [] : [{ role, distance, candidate: candidate! }]
    })
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map((entry) => entry.role)
}

function countRoles(roles: readonly Role[]): string {
  return roles.length === 1 ? '1 role' : `${roles.length} roles`
}
