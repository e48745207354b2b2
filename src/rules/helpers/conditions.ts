import { parseOidcProviderArn } from '../../iam/arn.js'
import { placeholderIn } from './eks-issuer.js'
import { statementLabel } from '../../iam/evaluate.js'
import type { Role } from '../../model/facts.js'
import type { ConditionEntry, PolicyDocument, Statement } from '../../model/policy.js'
import type { Value } from '../../model/value.js'
import {
  claimOf,
  federatedValues,
  isAllow,
  isOidcFederated,
  keyIssuer,
  keyText,
  oidcStatements,
  parseOperator,
  trustPolicies,
  type ClaimName,
} from './trust.js'

/** A trust-policy statement for the OIDC provider of a Kubernetes cluster, with its role and document. */
export interface IrsaStatement {
  role: Role
  policy: PolicyDocument
  statement: Statement
}

/** The Allow statements among them: the ones that let ServiceAccount tokens in. */
export function* allowedIrsaStatements(roles: readonly Role[]): Iterable<IrsaStatement> {
  for (const { role, policy, statement } of irsaStatements(roles))
    if (isAllow(statement)) yield { role, policy, statement }
}

/** Statements of any effect for a Kubernetes OIDC provider (see isServiceAccountStatement). */
export function irsaStatements(roles: readonly Role[]): Iterable<IrsaStatement> {
  const only = roles.length === 1 ? roles[0] : undefined
  let found = only ? irsaStatementsOfRole.get(only) : irsaStatementsOfRoles.get(roles)
  if (!found) {
    const statements: IrsaStatement[] = []
    for (const { role, policy } of trustPolicies(roles)) {
      for (const statement of oidcStatements(policy))
        if (isServiceAccountStatement(statement)) statements.push({ role, policy, statement })
    }
    if (only) irsaStatementsOfRole.set(only, statements)
    else irsaStatementsOfRoles.set(roles, statements)
    found = statements
  }
  return found
}

/** Most rules go through the IRSA statements of all the graph's roles: they are found once. */
const irsaStatementsOfRoles = new WeakMap<readonly Role[], readonly IrsaStatement[]>()
/** Others ask for one role's, each time in a new list: they are kept by the role. */
const irsaStatementsOfRole = new WeakMap<Role, readonly IrsaStatement[]>()

const EKS_ISSUER = /^oidc[.-]eks\./i

/**
 * Whether a statement's OIDC provider issues ServiceAccount tokens, so that the token's sub is
 * `system:serviceaccount:<ns>:<name>` and its aud `sts.amazonaws.com`: an EKS issuer in its
 * Federated ARN or claim keys, or a ServiceAccount subject among its `:sub` values (a
 * self-managed cluster). Other OIDC providers (GitHub Actions, GitLab, Terraform Cloud) have
 * other claims. When no issuer is known, a reference that names an OIDC provider (see
 * namesClusterProvider) or mentions EKS or a cluster counts, unless it or the subjects name another
 * identity provider.
 */
export function isServiceAccountStatement(statement: Statement): boolean {
  const federated = federatedValues(statement).filter(isOidcFederated)
  const keys = (statement.condition?.entries ?? [])
    .filter((entry) => claimOf(entry.key) !== 'other')
    .map((entry) => entry.key)
  // An issuer written as a placeholder (a JSON template's `${OIDC_PROVIDER}`) is not known.
  const issuers = [
    ...federated.flatMap((value) =>
      value.kind === 'known' ? [parseOidcProviderArn(value.value)?.issuerHostPath ?? value.value] : [],
    ),
    ...keys.flatMap((key) => (key.kind === 'known' ? [keyIssuer(key)] : [])),
  ].filter((issuer) => placeholderIn(issuer) === undefined)
  if (issuers.some((issuer) => EKS_ISSUER.test(issuer))) return true
  const subjects = (statement.condition?.entries ?? [])
    .filter((entry) => claimOf(entry.key) === 'sub')
    .flatMap((entry) => entry.values)
  if (subjects.some((value) => keyText(value).startsWith('system:serviceaccount'))) return true
  if (issuers.length > 0) return false
  if (subjects.some((value) => value.kind === 'known' && OTHER_PROVIDER_SUBJECT.test(value.value))) return false
  const references = [...federated, ...keys].map(keyText)
  if (references.some((text) => OTHER_IDENTITY_PROVIDER.test(text))) return false
  return federated.some(namesClusterProvider) || references.some((text) => /eks|kubernetes|k8s|cluster/i.test(text))
}

/**
 * A Federated value known only at apply time that names an IAM OIDC provider, which in a trust
 * with no other issuer is a cluster's: a reference to an `aws_iam_openid_connect_provider`
 * resource or data source, an output, variable, local or parameter named for an OIDC provider
 * (`module.eks.oidc_provider_arn`, `var.oidc_provider_arn`, `!Ref OIDCProviderArn`), or an ARN
 * built around `:oidc-provider/` (`"arn:${…}:iam::${…}:oidc-provider/${…}"`, CloudFormation `!Sub`).
 */
export function namesClusterProvider(value: Value): boolean {
  if (value.kind === 'known')
    return (
      value.value.includes(':oidc-provider/') &&
      placeholderIn(parseOidcProviderArn(value.value)?.issuerHostPath ?? value.value) !== undefined
    )
  return /aws_iam_openid_connect_provider\.|oidc[-_]?provider|:oidc-provider\/|oidc/i.test(value.expression)
}

/** Other OIDC identity providers, by host or by the name a configuration gives them: their tokens have other claims. */
const OTHER_IDENTITY_PROVIDER =
  /token\.actions\.githubusercontent\.com|github|gitlab|bitbucket|app\.terraform\.io|terraform[-_]?cloud|(^|[^a-z])tfc([^a-z]|$)|circleci|buildkite|spacelift|accounts\.google\.com|google|azure|auth0|okta/i

/** Subjects other identity providers issue: GitHub Actions `repo:…`, GitLab `project_path:…`, Terraform Cloud `organization:…`. */
const OTHER_PROVIDER_SUBJECT = /^(repo|project_path|organization|org|pipeline|workspace):/

/** For messages, as the evaluator names statements: `statement "AllowApp"` or `Statement[1]`. */
export function describeStatement(statement: Statement): string {
  return statementLabel(statement)
}

/** Stable finding identity: which role, which statement; never a line. */
export function statementKey(role: Role, statement: Statement): string {
  return `role:${role.label} statement:${statement.index}`
}

/** `"oidc.eks.…/id/X:sub"` as written, for messages. */
export function quotedKey(key: Value): string {
  return `"${keyText(key)}"`
}

/** A condition that is true only when its key is present and matches: what actually restricts a claim. */
export function isPositiveStringCondition(entry: ConditionEntry): boolean {
  const operator = parseOperator(entry.operator)
  return (
    /^String(Equals|Like)(IgnoreCase)?$/.test(operator.base) &&
    !operator.negated &&
    operator.setPrefix !== 'ForAllValues'
  )
}

/** Positive `String…` conditions on a claim (`:sub`, `:aud`) of a statement. */
export function positiveConditionsOn(statement: Statement, claim: ClaimName): ConditionEntry[] {
  return (statement.condition?.entries ?? []).filter(
    (entry) => claimOf(entry.key) === claim && isPositiveStringCondition(entry),
  )
}

/** Whether two condition keys name the same context key (known keys compare case-insensitively, as IAM does). */
export function sameConditionKey(a: Value, b: Value): boolean {
  if (a.kind === 'known' && b.kind === 'known') return a.value.toLowerCase() === b.value.toLowerCase()
  if (a.kind === 'symbolic' && b.kind === 'symbolic') return a.expression === b.expression
  return false
}

/**
 * The key prefix a missing claim condition should use: the issuer of another claim key of the
 * statement, else the host/path of its Federated provider ARN, else a placeholder.
 */
export function issuerKeyPrefix(statement: Statement): string {
  const existing = (statement.condition?.entries ?? []).find((entry) => claimOf(entry.key) !== 'other')
  if (existing) return keyIssuer(existing.key)
  for (const federated of federatedValues(statement).filter(isOidcFederated)) {
    if (federated.kind === 'known') {
      const arn = parseOidcProviderArn(federated.value)
      if (arn) return arn.issuerHostPath
    }
  }
  return '<issuer host/path>'
}
