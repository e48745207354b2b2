import type { Graph } from '../../graph.js'
import { hasTrustPolicy, type Role } from '../../model/facts.js'
import type { PolicyDocument, Statement } from '../../model/policy.js'
import type { Value } from '../../model/value.js'
import { hostOf, looksLikeEksIssuer, placeholderIn } from './eks-issuer.js'
import { perGraph } from './per-graph.js'
import { federatedValues, keyIssuer } from './trust.js'

/**
 * Which trust policies the IRSA rules judge: those of roles IRSA or EKS Pod Identity touches. A
 * trust for another identity provider (GitHub Actions, Terraform Cloud, GitLab, Google, Cognito,
 * SAML), a service role's trust (`backup.amazonaws.com`) and a role no ServiceAccount or
 * association names are someone else's business, and silent.
 */

/** Whose tokens a Federated value accepts: an EKS cluster's, another identity provider's, or it cannot be told. */
export type IssuerScope = 'eks' | 'other' | 'unknown'

/** The service principal of EKS Pod Identity. */
export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com'

export function federatedScope(graph: Graph, value: Value): IssuerScope {
  if (value.kind === 'symbolic') {
    if (/saml/i.test(value.expression)) return 'other'
    // Whether the reference names another identity provider is asked of every unit: a provider resource name means the same across environments.
    const urls = graph.providersNamed(value, 'any-unit').map((provider) => provider.url)
    if (urls.length > 0 && urls.every((url) => url?.kind === 'known' && isOtherIssuer(url.value))) return 'other'
    return 'unknown'
  }
  const text = value.value.trim()
  if (text.includes(':saml-provider/')) return 'other'
  const provider = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:oidc-provider\/(.*)$/s.exec(text)
  const issuer = provider?.[1] ?? text
  if (looksLikeEksIssuer(issuer) || /(^|[./-])eks([./-]|$)/i.test(issuer) || /\/id\//.test(issuer)) return 'eks'
  if (!provider && !/^https?:\/\//i.test(issuer) && !/^oidc[.-]/i.test(issuer)) {
    // A bare domain is a web-identity provider other than an IAM OIDC provider (cognito-identity.amazonaws.com, accounts.google.com, graph.facebook.com, www.amazon.com).
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(issuer) ? 'other' : 'unknown'
  }
  return isOtherIssuer(issuer) ? 'other' : 'unknown'
}

/** An issuer written out that is not an EKS issuer and holds no placeholder for the host (`app.terraform.io`, `token.actions.githubusercontent.com`). */
function isOtherIssuer(issuer: string): boolean {
  const host = hostOf(issuer.trim())
  if (host === '' || placeholderIn(host) !== undefined) return false
  if (looksLikeEksIssuer(host) || /eks/i.test(host)) return false
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i.test(host)
}

/** A statement for EKS ServiceAccount tokens or for EKS Pod Identity, or one that cannot be told apart from them. */
export function isIrsaScopedStatement(graph: Graph, statement: Statement): boolean {
  const judged = scopedStatements(graph)
  let scoped = judged.get(statement)
  if (scoped === undefined) judged.set(statement, (scoped = judgeScope(graph, statement)))
  return scoped
}

/** Several rules ask it of every statement: it is worked out once per graph. */
const scopedStatements = perGraph(() => new WeakMap<Statement, boolean>())

function judgeScope(graph: Graph, statement: Statement): boolean {
  const federated = federatedValues(statement)
  const scopes = federated.map((value) => federatedScope(graph, value))
  if (scopes.includes('eks')) return true
  // A provider the scan cannot name, in a statement whose condition keys all name another issuer (`oidc.circleci.com/org/…:aud`): that issuer's trust.
  if (scopes.includes('unknown') && !conditionKeysNameOnlyOtherIssuers(statement)) return true
  // No provider named (a statement missing its Principal) but the web-identity action: a broken IRSA statement.
  if (
    federated.length === 0 &&
    (statement.action?.values ?? []).some(
      (action) => action.kind === 'known' && /^sts:AssumeRoleWithWebIdentity$/i.test(action.value.trim()),
    )
  )
    return true
  if (
    servicePrincipals(statement).some(
      (value) => value.kind === 'symbolic' || value.value.trim().toLowerCase() === POD_IDENTITY_PRINCIPAL,
    )
  )
    return true
  return (statement.condition?.entries ?? []).some(
    (entry) => entry.key.kind === 'known' && looksLikeEksIssuer(keyIssuer(entry.key)),
  )
}

function conditionKeysNameOnlyOtherIssuers(statement: Statement): boolean {
  const issuers = (statement.condition?.entries ?? []).flatMap((entry) =>
    entry.key.kind === 'known' ? [keyIssuer(entry.key)] : [],
  )
  return (
    issuers.length > 0 &&
    (statement.condition?.entries ?? []).every((entry) => entry.key.kind === 'known') &&
    issuers.every((issuer) => isOtherIssuer(issuer.replace(/<[^>]*>/g, 'x')))
  )
}

function servicePrincipals(statement: Statement): Value[] {
  return (statement.principal?.entries ?? [])
    .filter((entry) => entry.type === 'Service')
    .flatMap((entry) => entry.values)
}

/** Roles an annotation or a Pod Identity association names: their trust matters whatever it says. */
const rolesInUse = perGraph((graph) => {
  const roles = new Set<Role>()
  for (const sa of graph.facts.serviceAccounts) for (const link of graph.rolesOf(sa)) roles.add(link.role)
  for (const association of graph.facts.podIdentityAssociations)
    for (const link of graph.rolesNamedBy(association.roleArn, association)) roles.add(link.role)
  return roles
})

const scopedRoles = perGraph((graph) => {
  const inUse = rolesInUse(graph)
  return graph.facts.roles.filter(hasTrustPolicy).filter((role) => {
    const policy = role.trustPolicy
    // Without a statement to tell whose trust it is (Statement missing or misspelled), the document is judged.
    if (policy.statements.length === 0) return true
    return inUse.has(role) || policy.statements.some((statement) => isIrsaScopedStatement(graph, statement))
  })
})

/** Every IRSA-scoped statement of the trust policies of the roles in IRSA scope. */
export function* irsaScopedStatements(graph: Graph): Iterable<{ role: Role; statement: Statement }> {
  for (const { role, policy } of irsaTrustPolicies(graph)) {
    for (const statement of policy.statements) if (isIrsaScopedStatement(graph, statement)) yield { role, statement }
  }
}

/** Every role in IRSA scope with its trust policy. */
export function* irsaTrustPolicies(graph: Graph): Iterable<{ role: Role; policy: PolicyDocument }> {
  for (const role of scopedRoles(graph)) yield { role, policy: role.trustPolicy }
}
