import type { Graph } from '../graph.js'
import type { RoleArn } from '../iam/arn.js'
import type { FindingDraft } from '../model/finding.js'
import { sameUnitOrNone, type DeployUnit, type Role, type ServiceAccount } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { KnownValue } from '../model/value.js'
import { getOrCreate } from '../collections.js'
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
 *
 * The roles are grouped by stated account and unit once; an annotation's candidates are the few
 * groups in its scope, so that no annotation looks at every role.
 */
class CandidateRoles {
  /** Groups by account, then by unit (undefined: not stated, or none). */
  private readonly byAccountAndUnit = new Map<string | undefined, Map<DeployUnit | undefined, RoleGroup>>()
  /** Groups by account, of every unit. */
  private readonly byAccount = new Map<string | undefined, RoleGroup>()
  private readonly scopes = new Map<string, Candidates>()

  constructor(graph: Graph) {
    let order = 0
    for (const role of graph.facts.roles) {
      if (isUnboundTrustPolicy(role)) continue
      const { name, account } = roleIdentity(role)
      const entry: CandidateRole = { role, name, order: order++ }
      const unknowable = isNameUnknowable(role)
      const byUnit = getOrCreate(this.byAccountAndUnit, account, () => new Map<DeployUnit | undefined, RoleGroup>())
      getOrCreate(byUnit, role.unit, () => new RoleGroup()).add(entry, unknowable)
      getOrCreate(this.byAccount, account, () => new RoleGroup()).add(entry, unknowable)
    }
  }

  inAccount(account: string, unit: DeployUnit | undefined): Candidates {
    return getOrCreate(this.scopes, `${account}\0${unit ?? ''}`, () => {
      // A ServiceAccount of no unit may meet roles of any unit (sameUnitOrNone).
      const groups =
        unit === undefined
          ? [this.byAccount.get(undefined), this.byAccount.get(account)]
          : [undefined, account].flatMap((stated) => {
              const byUnit = this.byAccountAndUnit.get(stated)
              return [byUnit?.get(undefined), byUnit?.get(unit)]
            })
      const inScope = groups.filter((group): group is RoleGroup => group !== undefined)
      return new Candidates(inScope.some((group) => group.unknowable) ? [] : inScope, account, unit)
    })
  }
}

interface CandidateRole {
  role: Role
  name: string | undefined
  /** Its place among the roles in scan order. */
  order: number
}

/** Roles of one stated account and unit, in scan order. */
class RoleGroup {
  readonly roles: CandidateRole[] = []
  /** Those whose real name gets a random suffix after a known prefix. */
  readonly withGeneratedName: CandidateRole[] = []
  unknowable = false
  private nameIndex?: NearNameIndex<Role>

  add(entry: CandidateRole, unknowable: boolean): void {
    this.roles.push(entry)
    if (entry.role.generatedName?.prefix.kind === 'known') this.withGeneratedName.push(entry)
    if (unknowable) this.unknowable = true
  }

  names(): NearNameIndex<Role> {
    if (!this.nameIndex) {
      this.nameIndex = new NearNameIndex()
      for (const { role, name, order } of this.roles) if (name !== undefined) this.nameIndex.add(name, role, order)
    }
    return this.nameIndex
  }
}

/** One account's candidate roles (of a few groups), with their names indexed for the typo search. */
class Candidates {
  readonly size: number
  private readonly nearestByName = new Map<string, Role[]>()

  constructor(
    private readonly groups: readonly RoleGroup[],
    private readonly account: string,
    private readonly unit: DeployUnit | undefined,
  ) {
    this.size = groups.reduce((size, group) => size + group.roles.length, 0)
  }

  has(role: Role): boolean {
    if (this.size === 0 || isUnboundTrustPolicy(role)) return false
    const account = roleIdentity(role).account
    return (account === undefined || account === this.account) && sameUnitOrNone(role.unit, this.unit)
  }

  /** The first role, in scan order, whose real name gets a random suffix after a known prefix that fits. */
  firstGenerated(fits: (role: Role) => boolean): Role | undefined {
    let first: CandidateRole | undefined
    for (const group of this.groups) {
      const found = group.withGeneratedName.find((entry) => fits(entry.role))
      if (found && (!first || found.order < first.order)) first = found
    }
    return first?.role
  }

  /** Up to three roles with names close to this one: by distance, then name, then scan order. */
  nearest(name: string): Role[] {
    return getOrCreate(this.nearestByName, name, () =>
      NearNameIndex.nearestAcross(
        this.groups.map((group) => group.names()),
        name,
        nearNameLimit(name),
        3,
      ),
    )
  }
}

function missingRole(
  graph: Graph,
  sa: ServiceAccount,
  annotated: { value: KnownValue; arn: RoleArn },
  candidates: Candidates,
): FindingDraft | undefined {
  const { arn, value } = annotated
  if (candidates.size === 0) return undefined
  // Another account's role of this name is role-account-mismatch's finding.
  if (rolesInOtherAccounts(graph, arn, sa).length > 0) return undefined
  if (acceptedByUnboundTrust(graph, sa)) return undefined

  const subject = describeServiceAccount(sa)
  const key = `${serviceAccountKey(sa)} role:${arn.account}${arn.path}${arn.name}`

  const generated = candidates.firstGenerated(
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

  const otherPath = rolesNamed(graph, arn.name).find((role) => candidates.has(role) && !pathMayBe(role, arn.path))
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
      `${subject} names role "${arn.name}", which no scanned source defines (they define ${countRoles(candidates.size)}); ` +
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

function countRoles(count: number): string {
  return count === 1 ? '1 role' : `${count} roles`
}
