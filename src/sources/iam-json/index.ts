import { parseRoleArn } from '../../iam/arn.js'
import type { Role, SourceKind } from '../../model/facts.js'
import type { SourceFinding } from '../../model/finding.js'
import type { Location } from '../../model/location.js'
import type { PolicyDocument } from '../../model/policy.js'
import { child, type ObjectNode, type TreeNode } from '../../model/tree.js'
import { known, type Value, valueText } from '../../model/value.js'
import { parseJsonTree } from '../shared/json-tree.js'
import { isCloudFormation, readCloudFormation } from '../cloudformation/index.js'
import { readPolicyDocument } from '../shared/policy-document.js'
import { RoleBinder, type TrustPolicyBinding } from './role-bindings.js'
import { appendResult, emptyResult, type Source, type SourceFile, type SourceResult } from '../source.js'

/**
 * IAM JSON files: a plain policy `{Version, Statement}`; `aws iam get-role` output (`{"Role": …}`,
 * also `list-roles` `Roles` and `get-account-authorization-details` `RoleDetailList`); and
 * `aws iam create-role --cli-input-json` input (`{RoleName, AssumeRolePolicyDocument}`). Every
 * trust policy becomes a Role fact; permission policies are ignored. A CloudFormation template or
 * a lone `AWS::IAM::Role` resource is read by the CloudFormation reader (sources/cloudformation).
 *
 * JSON that does not parse is a `trust-policy-invalid` error when the file is clearly a trust
 * policy (its name says `trust`, or it mentions `AssumeRolePolicyDocument`, `sts:AssumeRole`,
 * `Principal` or `Federated`: IAM would refuse it), and a `parse-error` warning otherwise.
 */
export const iamJsonSource: Source = {
  name: 'iam-json',
  kinds: ['iam-json'],
  read(files, context) {
    const binder = new RoleBinder(context.config, context.files)
    const result = emptyResult()
    for (const file of files) appendResult(result, readIamJsonFile(file, binder))
    return result
  },
}

/** One trust policy found in a file, with what the file says about its role. */
interface RoleDocument {
  source: SourceKind
  /** The role object, the CloudFormation logical ID, or the document itself. */
  location: Location
  /** The policy: an object, or a string holding (URL-encoded) JSON, or a reference. */
  policy: TreeNode
  /** For messages: where in the file the document is. */
  origin: string
  /** Whether the file says the document is a trust policy (a role's AssumeRolePolicyDocument). */
  isTrustPolicy: boolean
  name?: Value
  generatedName?: Role['generatedName']
  path?: Value
  arn?: Value
  permissionPolicyCount?: number
}

function readIamJsonFile(file: SourceFile, binder: RoleBinder): SourceResult {
  const result = emptyResult()
  const parsed = parseJsonTree(file.path, file.text)
  if (!parsed.ok) {
    const directive = templateDirectiveIn(file.text)
    if (directive !== undefined) {
      result.findings.push({
        ruleId: 'parse-error',
        level: 'note',
        location: { ...directive.location, path: file.path },
        message: `${file.path} is a template (${directive.text}), not JSON: it is judged where a templatefile() call of a scanned Terraform file renders it, not on its own`,
        key: `json-template ${file.path}`,
      })
      return result
    }
    const trustPolicy = looksLikeIrsaTrustPolicy(file)
    const finding: SourceFinding = {
      ruleId: trustPolicy ? 'trust-policy-invalid' : 'parse-error',
      location: parsed.location,
      message: trustPolicy
        ? `${file.path} is not valid JSON: ${parsed.message}; IAM refuses it with "MalformedPolicyDocument: Syntax errors in policy"`
        : `Cannot parse ${file.path} as JSON: ${parsed.message}`,
      key: `json-syntax ${file.path}`,
    }
    // Relevance decides the level: broken JSON that holds no IRSA trust is someone else's problem.
    if (!trustPolicy && !looksLikeTrustPolicy(file)) finding.level = 'note'
    result.findings.push(finding)
    return result
  }
  if (isCloudFormation(parsed.root)) return readCloudFormation(parsed.root, file.path)
  const roles: Role[] = []
  const documents = roleDocuments(parsed.root, file.path)
  for (const found of documents) {
    const policy = policyTree(found, file.path)
    if (policy.finding) result.findings.push(policy.finding)
    let trustPolicy: PolicyDocument | undefined
    if (policy.tree) {
      const read = readPolicyDocument(policy.tree, found.origin)
      if (!found.isTrustPolicy && !isTrustPolicy(read.document, file.path)) continue
      trustPolicy = read.document
      result.findings.push(...read.findings)
    }
    roles.push(...rolesOf(found, trustPolicy, file.path, binder, documents.length === 1))
  }
  if (roles.length > 0) result.facts.roles = roles
  return result
}

/** The first Terraform template directive or interpolation (`%{ for … }`, `${name}`) outside a JSON string, where JSON cannot parse. */
function templateDirectiveIn(text: string): { text: string; location: Location } | undefined {
  const lines = text.split('\n')
  for (const [index, line] of lines.entries()) {
    const match = /%\{[^}]*\}|^\s*\$\{[^}]*\}|[:,[]\s*\$\{[^}]*\}/.exec(line)
    if (match) {
      const at = match[0].search(/[%$]/)
      return { text: match[0].slice(at).trim(), location: { path: '', line: index + 1, column: match.index + at + 1 } }
    }
  }
  return undefined
}

/** Broken JSON that is an IRSA or Pod Identity trust by what it says (an EKS provider, the web-identity action, the Pod Identity principal). */
function looksLikeIrsaTrustPolicy(file: SourceFile): boolean {
  if (/oidc\.eks\.|pods\.eks\.amazonaws\.com|system:serviceaccount:/.test(file.text)) return true
  const otherIssuer = /oidc-provider\/(?!oidc)[a-z0-9-]+\.[a-z0-9.-]+/i.test(file.text)
  return /AssumeRoleWithWebIdentity/.test(file.text) && !otherIssuer
}

function looksLikeTrustPolicy(file: SourceFile): boolean {
  return (
    /trust/i.test(file.path.split('/').pop() ?? '') ||
    /AssumeRolePolicyDocument|sts:AssumeRole|"Principal"|"Federated"/.test(file.text)
  )
}

/**
 * Whether a plain policy is a role trust policy. A permission policy has a Resource and no
 * Principal; a resource policy (S3 bucket, KMS key, SQS queue) has both a Principal and a Resource
 * but no STS action. A trust policy names a Principal without Resource, or allows an STS action
 * (then a Resource in it is the mistake the grammar rule reports).
 */
function isTrustPolicy(document: PolicyDocument, path: string): boolean {
  const statements = document.statements
  const hasPrincipal = statements.some((statement) => statement.principal || statement.notPrincipal)
  const hasResource = statements.some((statement) => statement.resource)
  const stsAction = statements
    .flatMap((statement) => [...(statement.action?.values ?? []), ...(statement.notAction?.values ?? [])])
    .some(
      (action) => action.kind === 'known' && /^sts:(assumerole|tagsession|setsourceidentity|\*)/i.test(action.value),
    )
  const trustName = /trust/i.test(path.split('/').pop() ?? '')
  if (hasPrincipal && !hasResource) return true
  if (hasPrincipal) return stsAction || trustName
  return !hasResource && (stsAction || trustName)
}

function roleDocuments(root: TreeNode, path: string): RoleDocument[] {
  if (root.kind !== 'object') return []
  const getRole = child(root, 'Role')
  if (getRole?.kind === 'object' && child(getRole, 'AssumeRolePolicyDocument')) return [apiRole(getRole, path)]
  for (const listKey of ['Roles', 'RoleDetailList']) {
    const list = child(root, listKey)
    if (list?.kind === 'array') {
      return list.items
        .filter(
          (item): item is ObjectNode => item.kind === 'object' && child(item, 'AssumeRolePolicyDocument') !== undefined,
        )
        .map((item) => apiRole(item, path))
    }
  }
  const document = child(root, 'AssumeRolePolicyDocument')
  if (document) {
    const found: RoleDocument = {
      source: 'iam-json',
      location: root.location,
      policy: document,
      origin: path,
      isTrustPolicy: true,
    }
    assignScalar(found, 'name', child(root, 'RoleName'))
    assignScalar(found, 'path', child(root, 'Path'))
    return [found]
  }
  if (child(root, 'Statement') || child(root, 'Version'))
    return [{ source: 'iam-json', location: root.location, policy: root, origin: path, isTrustPolicy: false }]
  return []
}

/** A role as IAM's API returns it (`get-role`, `list-roles`, `get-account-authorization-details`). */
function apiRole(role: ObjectNode, path: string): RoleDocument {
  const found: RoleDocument = {
    source: 'iam-json',
    location: role.location,
    policy: child(role, 'AssumeRolePolicyDocument')!,
    origin: path,
    isTrustPolicy: true,
  }
  assignScalar(found, 'name', child(role, 'RoleName'))
  assignScalar(found, 'path', child(role, 'Path'))
  assignScalar(found, 'arn', child(role, 'Arn'))
  const inline = child(role, 'RolePolicyList')
  const attached = child(role, 'AttachedManagedPolicies')
  if (inline?.kind === 'array' && attached?.kind === 'array')
    found.permissionPolicyCount = inline.items.length + attached.items.length
  return found
}

function assignScalar(found: RoleDocument, field: 'name' | 'path' | 'arn', node: TreeNode | undefined): void {
  if (node?.kind === 'scalar' && node.type !== 'null') found[field] = node.value
}

/**
 * The policy as a tree: an object is itself; a string is JSON (as `create-role --cli-input-json`
 * takes it) or URL-encoded JSON (as IAM's API returns it), decoded and read with every location at
 * the string; a reference has no tree.
 */
function policyTree(found: RoleDocument, path: string): { tree?: TreeNode; finding?: SourceFinding } {
  const node = found.policy
  if (node.kind !== 'scalar') return { tree: node }
  if (node.value.kind === 'symbolic') return {}
  if (node.type !== 'string')
    return {
      finding: invalidDocument(
        found,
        node.location,
        `it is ${node.type === 'null' ? 'null' : `the ${node.type} ${node.value.value}`}, not a policy object or a JSON string`,
      ),
    }
  let text = node.value.value.trim()
  if (/^%7B/i.test(text)) {
    try {
      text = decodeURIComponent(text)
    } catch {
      return { finding: invalidDocument(found, node.location, 'it looks URL-encoded but does not decode') }
    }
  }
  const parsed = parseJsonTree(path, text, { fixedLocation: node.location })
  if (!parsed.ok)
    return { finding: invalidDocument(found, node.location, `the JSON in the string is invalid: ${parsed.message}`) }
  return { tree: parsed.root }
}

function invalidDocument(found: RoleDocument, location: Location, why: string): SourceFinding {
  return {
    ruleId: 'trust-policy-invalid',
    location,
    message: `The AssumeRolePolicyDocument of ${found.origin} cannot be read: ${why}; IAM refuses it with "MalformedPolicyDocument: Syntax errors in policy"`,
    key: `document-string ${found.origin}`,
  }
}

/** The Role facts of one document: bound by the config (files of one role), by itself, or by a script or its file name. */
function rolesOf(
  found: RoleDocument,
  trustPolicy: PolicyDocument | undefined,
  path: string,
  binder: RoleBinder,
  onlyRoleOfFile: boolean,
): Role[] {
  const configured = onlyRoleOfFile ? binder.configured(path) : undefined
  const carriesRole = found.name !== undefined || found.generatedName !== undefined || found.arn !== undefined
  const bindings: (TrustPolicyBinding | undefined)[] = configured
    ? [configured]
    : carriesRole
      ? [undefined]
      : binder.bind(path)
  if (bindings.length === 0) bindings.push(undefined)
  return bindings.map((binding) => {
    const role: Role = { source: found.source, location: found.location, label: '', arnReferences: [] }
    if (trustPolicy) role.trustPolicy = trustPolicy
    if (found.permissionPolicyCount !== undefined) role.permissionPolicyCount = found.permissionPolicyCount
    const name = binding?.name ?? found.name
    const rolePath = binding ? binding.path : found.path
    if (name) role.name = name
    if (rolePath) role.path = rolePath
    if (!binding && found.generatedName) role.generatedName = found.generatedName
    if (!binding && found.arn) {
      role.arn = found.arn
      const arn = found.arn.kind === 'known' ? parseRoleArn(found.arn.value) : undefined
      if (arn) {
        role.account = known(arn.account, found.arn.location)
        role.partition = arn.partition
      }
    }
    if (binding?.account) role.account = binding.account
    role.label = labelOf(name, path)
    return role
  })
}

function labelOf(name: Value | undefined, path: string): string {
  if (name) return `role ${valueText(name)} (${path})`
  return `trust policy ${path}`
}
