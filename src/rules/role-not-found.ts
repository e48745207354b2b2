import type { Graph } from '../graph.js'
import type { RoleArn } from '../iam/arn.js'
import type { FindingDraft } from '../model/finding.js'
import { sameUnitOrNone, type DeployUnit, type Role, type ServiceAccount } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { KnownValue } from '../model/value.js'
import type { Rule } from './rule.js'
import {
  annotatedRole,
  describeServiceAccount,
  isUnboundTrustPolicy,
  nearNameLimit,
  pathMayBe,
  roleIdentity,
  roleTitle,
  serviceAccountKey,
  withPath,
} from './helpers/correlation.js'
import { acceptedByUnboundTrust, rolesInOtherAccounts, rolesNamed } from './helpers/role-index.js'
import { NearNameIndex } from './helpers/name-index.js'
import { getOrCreate } from '../collections.js'
import { levenshteinDistanceWithin } from '../text/edit-distance.js'

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
    const roles = new CandidateRoles(graph)
    for (const sa of graph.facts.serviceAccounts) {
      const annotated = annotatedRole(sa)
      if (!annotated || graph.rolesOf(sa).length > 0) continue
      const finding = missingRole(graph, sa, annotated, roles.inAccount(annotated.arn.account, sa.unit))
      if (finding) yield finding
    }
  },
}

/**
 * The roles an annotation in an account and a deploy unit could have meant: those in the account
 * or in an unstated one, of the annotation's unit or of none (another unit is applied on its own:
 * its roles say nothing of this one's). None when one of them is named only at apply time (it may
 * be the annotated one).
 */
class CandidateRoles {
  /** The roles that are not unbound trust policies, with the name and account their source states. */
  private readonly named: NamedRole[] = []
  private readonly byAccount = new Map<string, Candidates>()
  /**
   * The named roles by stated account and unit, each share's names indexed once: the candidates
   * of an annotation are a few shares, and a name index per annotation's account and unit would
   * hold most roles again for every unit.
   */
  private readonly shares = new Map<string, NameShare>()

  constructor(graph: Graph) {
    for (const role of graph.facts.roles) {
      if (isUnboundTrustPolicy(role)) continue
      const { name, account } = roleIdentity(role)
      const entry = { role, name, account, unknowable: isNameUnknowable(role), order: this.named.length }
      this.named.push(entry)
      getOrCreate(this.shares, shareKey(account, role.unit), () => ({
        account,
        unit: role.unit,
        named: [],
      })).named.push(entry)
    }
  }

  inAccount(account: string, unit: DeployUnit | undefined): Candidates {
    const key = `${account}\0${unit ?? ''}`
    let candidates = this.byAccount.get(key)
    if (!candidates) {
      const inScope = this.named.filter(
        (entry) => (entry.account === undefined || entry.account === account) && sameUnitOrNone(entry.role.unit, unit),
      )
      const shares = [...this.shares.values()].filter(
        (share) => (share.account === undefined || share.account === account) && sameUnitOrNone(share.unit, unit),
      )
      candidates = inScope.some((entry) => entry.unknowable) ? new Candidates([], []) : new Candidates(inScope, shares)
      this.byAccount.set(key, candidates)
    }
    return candidates
  }
}

interface NamedRole {
  role: Role
  name: string | undefined
  account: string | undefined
  unknowable: boolean
  /** Its place in scan order. */
  order: number
}

/** The named roles of one stated account (or none) and one unit (or none), their names indexed when first searched. */
interface NameShare {
  account: string | undefined
  unit: DeployUnit | undefined
  named: NamedRole[]
  nameIndex?: NearNameIndex<NamedRole>
}

/** One account's candidate roles, in scan order, with their names indexed for the typo search. */
class Candidates {
  readonly roles: readonly Role[]
  readonly members: ReadonlySet<Role>
  /** Those whose real name gets a random suffix after a known prefix. */
  readonly withGeneratedName: readonly Role[]
  private readonly nearestByName = new Map<string, Role[]>()

  /** `shares` together hold exactly the `named` roles. */
  constructor(
    named: readonly NamedRole[],
    private readonly shares: readonly NameShare[],
  ) {
    this.roles = named.map((entry) => entry.role)
    this.members = new Set(this.roles)
    this.withGeneratedName = this.roles.filter((role) => role.generatedName?.prefix.kind === 'known')
  }

  /** Up to three roles with names close to this one: by distance, then name, then scan order. */
  nearest(name: string): Role[] {
    let nearest = this.nearestByName.get(name)
    if (!nearest) {
      nearest = this.searchNearest(name)
      this.nearestByName.set(name, nearest)
    }
    return nearest
  }

  /** The nearest three of the shares' nearest three (each share's order is a part of the scan order). */
  private searchNearest(name: string): Role[] {
    const limit = nearNameLimit(name)
    const query = name.toLowerCase()
    const found: { entry: NamedRole; distance: number }[] = []
    for (const share of this.shares) {
      if (!share.nameIndex) {
        share.nameIndex = new NearNameIndex()
        for (const entry of share.named) if (entry.name !== undefined) share.nameIndex.add(entry.name, entry)
      }
      for (const entry of share.nameIndex.nearest(name, limit, NEAREST_COUNT))
        found.push({ entry, distance: levenshteinDistanceWithin(query, (entry.name ?? '').toLowerCase(), limit) })
    }
    found.sort(
      (a, b) =>
        a.distance - b.distance ||
        (a.entry.name ?? '').localeCompare(b.entry.name ?? '') ||
        a.entry.order - b.entry.order,
    )
    return found.slice(0, NEAREST_COUNT).map(({ entry }) => entry.role)
  }
}

const NEAREST_COUNT = 3

function shareKey(account: string | undefined, unit: DeployUnit | undefined): string {
  return JSON.stringify([account ?? null, unit ?? null])
}

function missingRole(
  graph: Graph,
  sa: ServiceAccount,
  annotated: { value: KnownValue; arn: RoleArn },
  candidates: Candidates,
): FindingDraft | undefined {
  const { arn, value } = annotated
  if (candidates.roles.length === 0) return undefined
  // Another account's role of this name is role-account-mismatch's finding.
  if (rolesInOtherAccounts(graph, arn, sa).length > 0) return undefined
  if (acceptedByUnboundTrust(graph, sa)) return undefined

  const subject = describeServiceAccount(sa)
  const key = `${serviceAccountKey(sa)} role:${arn.account}${arn.path}${arn.name}`

  const generated = candidates.withGeneratedName.find(
    (role) => role.generatedName?.prefix.kind === 'known' && prefixFits(role.generatedName.prefix.value, arn.name),
  )
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

  const otherPath = rolesNamed(graph, arn.name).find(
    (role) => candidates.members.has(role) && !pathMayBe(role, arn.path),
  )
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

  const nearest = candidates.nearest(arn.name)
  const suggestion =
    nearest.length > 0
      ? `did you mean ${nearest.map((role) => `"${roleIdentity(role).name}" (${formatLocation(role.location)})`).join(' or ')}? `
      : ''
  return {
    location: value.location,
    message:
      `${subject} names role "${arn.name}", which no scanned source defines (they define ${countRoles(candidates.roles)}); ` +
      `${suggestion}correct the annotation or add the role's definition to the scan`,
    related: nearest.map((role) => ({ location: role.location, message: roleTitle(role) })),
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

function countRoles(roles: readonly Role[]): string {
  return roles.length === 1 ? '1 role' : `${roles.length} roles`
}
