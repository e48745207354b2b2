import { getOrCreate } from '../../../collections.js'
import type { Role, RolePermissions } from '../../../model/facts.js'
import { valueText, type Value } from '../../../model/value.js'
import { addPermissionDocument } from '../../shared/permission-policy.js'
import type { FactSink, ResourceContext } from '../context.js'
import { documentTree } from '../documents.js'
import type { BlockView } from '../block-view.js'
import { expressionOf, scalarString, toFactValue, tupleValue, unknownRef, type HclValue } from '../values.js'
import { present } from './iam.js'

/**
 * A grant to a role that a resource of its own states (`aws_iam_role_policy`, a policy attachment,
 * an exclusive list): joined to the role by `joinRolePolicies` once the root module is read.
 */
export interface RolePolicyLink {
  /** The role's name as the resource gives it (a literal, `aws_iam_role.app.name` / `.id`), or the role whose block states it. */
  role: HclValue | Role
  /** The resource is created only under a condition irsa-guard cannot decide. */
  condition?: string
  grant:
    | { kind: 'inline'; name?: string; policy: HclValue | undefined }
    /** Located where the ARN is written: the line to change. */
    | { kind: 'attachment'; policyArn: HclValue }
    /** The role's inline policies are exactly these names (`aws_iam_role_policies_exclusive`); none with `names` absent. */
    | { kind: 'inline-names'; names: HclValue | undefined }
    /** The role's managed policies are exactly these ARNs (`aws_iam_role_policy_attachments_exclusive`, `managed_policy_arns`). */
    | { kind: 'attachment-arns'; arns: HclValue | undefined }
}

/** What a reference to a policy's ARN (`aws_iam_policy.app.arn`, `data.aws_iam_policy.s3.arn`) stands for. */
export interface PolicyResource {
  document?: HclValue
  arn?: HclValue
}

export interface RolePolicies {
  links: RolePolicyLink[]
  /** By the expression of the policy's ARN. */
  policies: Map<string, PolicyResource>
}

function rolePolicies(sink: FactSink): RolePolicies {
  return (sink.rolePolicies ??= { links: [], policies: new Map() })
}

/** `resource "aws_iam_policy"`: its document, for the roles it is attached to. */
export function readIamPolicy({ view, address, sink }: ResourceContext): void {
  const document = present(view.value('policy'))
  rolePolicies(sink).policies.set(`${address}.arn`, document ? { document } : {})
}

/** `data "aws_iam_policy"` with a literal `arn`: an AWS managed policy looked up by ARN. */
export function readIamPolicyData({ view, address, sink }: ResourceContext): void {
  const arn = present(view.value('arn'))
  if (arn?.kind === 'string') rolePolicies(sink).policies.set(`${address}.arn`, { arn })
}

/** `resource "aws_iam_role_policy"`: an inline policy of the role. */
export function readRolePolicy({ view, sink }: ResourceContext): void {
  const role = present(view.value('role'))
  if (!role) return
  const name = present(view.value('name'))
  const grant: RolePolicyLink['grant'] = { kind: 'inline', policy: present(view.value('policy')) }
  const nameText = name ? scalarString(name) : undefined
  if (nameText !== undefined) grant.name = nameText
  rolePolicies(sink).links.push({ role, grant })
}

/** A policy a module attaches to a role it creates. */
export function attachPolicy(sink: FactSink, role: Role, policyArn: HclValue): void {
  rolePolicies(sink).links.push({ role, grant: { kind: 'attachment', policyArn } })
}

/** `resource "aws_iam_role_policy_attachment"`: one managed policy attached to one role. */
export function readRolePolicyAttachment({ view, sink }: ResourceContext): void {
  const role = present(view.value('role'))
  const policyArn = present(view.value('policy_arn'))
  if (!role || !policyArn) return
  rolePolicies(sink).links.push({ role, grant: { kind: 'attachment', policyArn } })
}

/** `resource "aws_iam_policy_attachment"`: one managed policy attached to the `roles` listed. */
export function readPolicyAttachment({ view, sink }: ResourceContext): void {
  const roles = present(view.value('roles'))
  const policyArn = present(view.value('policy_arn'))
  if (roles?.kind !== 'tuple' || !policyArn) return
  for (const role of roles.items) rolePolicies(sink).links.push({ role, grant: { kind: 'attachment', policyArn } })
}

/** `resource "aws_iam_role_policies_exclusive"`: Terraform removes every inline policy not named. */
export function readRolePoliciesExclusive({ view, sink }: ResourceContext): void {
  const role = present(view.value('role_name'))
  if (role)
    rolePolicies(sink).links.push({ role, grant: { kind: 'inline-names', names: present(view.value('policy_names')) } })
}

/** `resource "aws_iam_role_policy_attachments_exclusive"`: Terraform detaches every managed policy not listed. */
export function readRolePolicyAttachmentsExclusive({ view, sink }: ResourceContext): void {
  const role = present(view.value('role_name'))
  if (role)
    rolePolicies(sink).links.push({
      role,
      grant: { kind: 'attachment-arns', arns: present(view.value('policy_arns')) },
    })
}

/**
 * The role's own `inline_policy` blocks and `managed_policy_arns`: when written, Terraform keeps
 * the role's inline or managed policies to exactly these (an empty `inline_policy {}` block
 * removes all inline policies).
 */
export function readRoleOwnPolicies(view: BlockView, role: Role, sink: FactSink): void {
  const blocks = view.blocks('inline_policy')
  const links = rolePolicies(sink).links
  if (blocks.length > 0) {
    const names: HclValue[] = []
    for (const block of blocks) {
      const name = present(block.value('name'))
      const policy = present(block.value('policy'))
      if (!name && !policy) continue
      const grant: RolePolicyLink['grant'] = { kind: 'inline', policy }
      const nameText = name ? scalarString(name) : undefined
      if (nameText !== undefined) grant.name = nameText
      links.push({ role, grant })
      names.push(name ?? unknownRef(`${block.location.path}:${block.location.line} name`, block.location))
    }
    links.push({ role, grant: { kind: 'inline-names', names: tupleValue(names, view.location) } })
  }
  const managed = present(view.value('managed_policy_arns'))
  if (managed) {
    for (const policyArn of listedValues(managed) ?? []) links.push({ role, grant: { kind: 'attachment', policyArn } })
    links.push({ role, grant: { kind: 'attachment-arns', arns: managed } })
  }
}

/** Marks the links read by `read` as created only under `condition`. */
export function linksUnderCondition(sink: FactSink, condition: string, read: () => void): void {
  const before = sink.rolePolicies?.links.length ?? 0
  try {
    read()
  } finally {
    for (const link of sink.rolePolicies?.links.slice(before) ?? [])
      link.condition = link.condition === undefined ? condition : `${condition} and ${link.condition}`
  }
}

/** What the links say of one role. */
interface RoleGrants {
  permissions: RolePermissions
  inlineNames: Set<string>
  attachedArns: Set<string>
  /** An inline policy with a name or document irsa-guard cannot read, or one that may not exist. */
  inlineUnknown: boolean
  /** An attached policy whose statements the scan does not have (an AWS managed one), or one that may not exist. */
  attachmentsUnknown: boolean
  /** Attached policies known only by ARN (AWS managed ones); their statements are not in the scan. */
  unreadAttachments: Value[]
  /** An attachment whose ARN is unknown, or that may not exist. */
  otherAttachmentUnknown: boolean
  /** Exclusive lists of inline policy names; undefined for a list with an unknown item. */
  inlineLists: (string[] | undefined)[]
  attachmentLists: (string[] | undefined)[]
}

/**
 * Joins the role policies and attachments of one root module to its roles: inline policies and
 * attached customer policies add their statements, attachments add to `managedPolicyArns`. A
 * resource that names its role by a reference or name no scanned role has stays unknown. The
 * permissions are complete only when exclusive lists (the role's own `inline_policy` blocks and
 * `managed_policy_arns`, or the `_exclusive` resources) leave nothing else and every policy on
 * them is one whose statements the scan has.
 */
export function joinRolePolicies(sink: FactSink): void {
  const found = sink.rolePolicies
  if (!found || found.links.length === 0) return
  const byRole = new Map<Role, RoleGrants>()
  const roles = sink.facts.roles.filter((role) => role.source === 'terraform')
  for (const link of found.links) {
    for (const role of 'source' in link.role ? [link.role] : rolesNamed(roles, link.role)) {
      const grants = getOrCreate(byRole, role, () => ({
        permissions: role.permissions ?? { complete: false, statements: [] },
        inlineNames: new Set<string>(),
        attachedArns: new Set<string>(),
        inlineUnknown: false,
        attachmentsUnknown: false,
        unreadAttachments: [],
        otherAttachmentUnknown: false,
        inlineLists: [],
        attachmentLists: [],
      }))
      // A grant that exists exactly when the role does (the role's own block, the same `count`) is certain for it.
      const certain = 'source' in link.role || link.condition === role.terraform?.condition
      addGrant(role, grants, link.grant, certain, found.policies)
    }
  }
  for (const [role, grants] of byRole) {
    const listed = (lists: (string[] | undefined)[], seen: Set<string>): boolean =>
      lists.length > 0 && lists.every((list) => list !== undefined && list.every((item) => seen.has(item)))
    grants.permissions.complete =
      !grants.inlineUnknown &&
      !grants.attachmentsUnknown &&
      listed(grants.inlineLists, grants.inlineNames) &&
      listed(grants.attachmentLists, grants.attachedArns)
    // A rule that knows AWS managed policies by name may still decide (pod-identity-node-role-missing):
    // the role's policies as far as the repository shows them are its statements and these.
    if (
      !grants.permissions.complete &&
      !grants.inlineUnknown &&
      !grants.otherAttachmentUnknown &&
      grants.unreadAttachments.length > 0
    )
      grants.permissions.unreadManagedPolicies = grants.unreadAttachments
    role.permissions = grants.permissions
  }
}

function addGrant(
  role: Role,
  grants: RoleGrants,
  grant: RolePolicyLink['grant'],
  /** Whether the grant exists whenever the role does. */
  certain: boolean,
  policies: ReadonlyMap<string, PolicyResource>,
): void {
  switch (grant.kind) {
    case 'inline':
      if (!certain) {
        grants.inlineUnknown = true
        return
      }
      if (grant.name !== undefined) grants.inlineNames.add(grant.name)
      else grants.inlineUnknown = true
      if (!addStatements(grants.permissions, grant.policy)) grants.inlineUnknown = true
      return
    case 'attachment': {
      const resolved = resolvePolicy(grant.policyArn, policies)
      if (!certain || !resolved.arn) {
        grants.attachmentsUnknown = true
        grants.otherAttachmentUnknown = true
        return
      }
      ;(role.managedPolicyArns ??= []).push({ arn: resolved.arn, location: grant.policyArn.location })
      grants.attachedArns.add(valueText(resolved.arn))
      // An AWS managed policy, or a customer policy whose document the scan does not have, grants what the scan cannot see.
      if (!resolved.document) {
        grants.attachmentsUnknown = true
        grants.unreadAttachments.push(resolved.arn)
      } else if (!addStatements(grants.permissions, resolved.document)) {
        grants.attachmentsUnknown = true
        grants.otherAttachmentUnknown = true
      }
      return
    }
    case 'inline-names':
      grants.inlineLists.push(certain ? listedStrings(grant.names) : undefined)
      return
    case 'attachment-arns': {
      const arns = certain ? listedValues(grant.arns)?.map((item) => resolvePolicy(item, policies).arn) : undefined
      const keys = arns?.flatMap((arn) => (arn ? [valueText(arn)] : []))
      grants.attachmentLists.push(arns && keys?.length === arns.length ? keys : undefined)
      return
    }
  }
}

/** Adds a policy document's statements; false when it could not be read statement by statement. */
function addStatements(permissions: RolePermissions, policy: HclValue | undefined): boolean {
  const before = permissions.complete
  permissions.complete = true
  addPermissionDocument(permissions, policy ? documentTree(policy, 'json')?.root : undefined)
  const read = permissions.complete
  permissions.complete = before
  return read
}

/** A policy ARN as written, and the document of the customer policy it references when the scan has it. */
function resolvePolicy(
  policyArn: HclValue,
  policies: ReadonlyMap<string, PolicyResource>,
): { arn?: Value; document?: HclValue } {
  const policy = policyArn.kind === 'unknown' ? policies.get(expressionOf(policyArn)) : undefined
  const arn = toFactValue(policy?.arn ?? policyArn)
  return { ...(arn ? { arn } : {}), ...(policy?.document ? { document: policy.document } : {}) }
}

/** The roles a resource's `role` names: by a literal name, or by `<role address>.name` / `.id`. */
function rolesNamed(roles: readonly Role[], name: HclValue): Role[] {
  if (name.kind === 'string') {
    const wanted = name.value.toLowerCase()
    return roles.filter((role) => role.name?.kind === 'known' && role.name.value.toLowerCase() === wanted)
  }
  if (name.kind !== 'unknown') return []
  const expression = expressionOf(name)
  return roles.filter((role) => {
    const address = role.terraform?.address
    return address !== undefined && (expression === `${address}.name` || expression === `${address}.id`)
  })
}

function listedValues(list: HclValue | undefined): HclValue[] | undefined {
  return list?.kind === 'tuple' ? list.items : undefined
}

/** The strings of a list whose every item is known; undefined otherwise. */
function listedStrings(list: HclValue | undefined): string[] | undefined {
  const items = listedValues(list)
  if (!items?.every((item) => item.kind === 'string')) return undefined
  return items.map((item) => (item.kind === 'string' ? item.value : ''))
}
