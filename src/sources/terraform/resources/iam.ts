import type { OidcProvider, Role } from '../../../model/facts.js'
import { known, symbolic } from '../../../model/value.js'
import { readPolicyDocument } from '../../shared/policy-document.js'
import type { FactSink, ResourceContext } from '../context.js'
import { documentTree } from '../documents.js'
import { expressionOf, singleRef, toFactValue, type HclValue } from '../values.js'
import { readRoleOwnPolicies } from './role-policies.js'

/** `resource "aws_iam_role"`: name (or a generated one), path, and the trust policy however it is written. */
export function readIamRole({ view, address, root, sink }: ResourceContext): void {
  const role: Role = {
    source: 'terraform',
    location: view.location,
    label: address,
    arnReferences: [`${address}.arn`],
    terraform: { root, address },
  }
  const name = present(view.value('name'))
  const namePrefix = present(view.value('name_prefix'))
  if (name) role.name = toFactValue(name) ?? symbolic(`${address}.name`, name.location)
  else if (namePrefix)
    role.generatedName = {
      prefix: toFactValue(namePrefix) ?? symbolic(`${address}.name_prefix`, namePrefix.location),
      location: view.attribute('name_prefix')!.location,
    }
  else role.generatedName = { prefix: known('terraform-', view.location), location: view.location }
  const path = present(view.value('path'))
  if (path) {
    const value = toFactValue(path)
    if (value) role.path = value
  }
  const trust = present(view.value('assume_role_policy'))
  if (trust) readTrustPolicy(trust, address, role, sink)
  readRoleOwnPolicies(view, role, sink)
  sink.facts.roles.push(role)
}

/** A trust policy from `jsonencode`, a heredoc, `file`, a policy document's `json`, or a reference. */
export function readTrustPolicy(trust: HclValue, label: string, role: Role, sink: FactSink): void {
  const parsed = documentTree(trust, 'json')
  if (parsed?.error) {
    sink.findings.push({
      ruleId: 'trust-policy-invalid',
      location: parsed.error.location,
      message: `The trust policy of ${label} is not valid JSON: ${parsed.error.message}; IAM refuses it with "MalformedPolicyDocument: Syntax errors in policy"`,
      key: `json-syntax ${label}`,
    })
    return
  }
  if (!parsed?.root) return
  noteDocumentFile(trust, sink)
  const read = readPolicyDocument(parsed.root, label)
  role.trustPolicy = read.document
  sink.findings.push(...read.findings)
}

/** `resource "aws_iam_openid_connect_provider"` and its data source: URL, client IDs, and the ARN reference. */
export function readOidcProvider({ view, address, root, sink }: ResourceContext, dataSource = false): void {
  const provider: OidcProvider = {
    source: 'terraform',
    location: view.location,
    terraform: { root, address },
    arn: toFactValue(present(view.value('arn'))) ?? symbolic(`${address}.arn`, view.location),
    clientIds: [],
    arnReferences: [`${address}.arn`],
  }
  const url = toFactValue(present(view.value('url')))
  if (url) provider.url = url
  const clientIds = present(view.value('client_id_list'))
  if (clientIds?.kind === 'tuple') {
    for (const item of clientIds.items) {
      const value = toFactValue(item)
      if (value) provider.clientIds.push(value)
    }
  } else if (clientIds?.kind === 'unknown') {
    provider.clientIds.push(symbolic(expressionOf(clientIds), clientIds.location))
  } else if (!clientIds && dataSource) {
    provider.clientIds.push(symbolic(`${address}.client_id_list`, view.location))
  }
  const attribute = view.attribute('client_id_list')
  if (attribute) provider.clientIdsLocation = attribute.location
  const thumbprints = present(view.value('thumbprint_list'))
  if (thumbprints?.kind === 'tuple') {
    provider.thumbprints = thumbprints.items.flatMap((item) => toFactValue(item) ?? [])
    const fetch = thumbprints.items.flatMap((item) => {
      const fetched = item.kind === 'unknown' ? singleRef(item)?.fetchedCertificate : undefined
      return fetched ? [fetched] : []
    })[0]
    if (fetch)
      provider.thumbprintFetch = {
        location: fetch.location,
        label: fetch.address,
        url: toFactValue(present(fetch.url)) ?? symbolic(`${fetch.address}.url`, fetch.location),
      }
  }
  sink.facts.oidcProviders.push(provider)
}

/** A document read whole from a file (`file`, `templatefile`) belongs to the fact made of it. */
export function noteDocumentFile(value: HclValue, sink: FactSink): void {
  if ((value.kind === 'string' || value.kind === 'unknown') && value.origin?.wholeFile)
    sink.documentFiles.add(value.origin.location.path)
}

/** undefined for an absent or null attribute. */
export function present(value: HclValue | undefined): HclValue | undefined {
  return value && value.kind !== 'null' ? value : undefined
}
