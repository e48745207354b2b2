import type { Role } from '../../model/facts.js'
import type { ConditionEntry, PolicyDocument, Statement } from '../../model/policy.js'
import type { Value } from '../../model/value.js'
import { valueOrExpression } from '../../model/value.js'

/** Every role with a trust policy, with the document. */
export function* trustPolicies(roles: readonly Role[]): Iterable<{ role: Role; policy: PolicyDocument }> {
  for (const role of roles) if (role.trustPolicy) yield { role, policy: role.trustPolicy }
}

/** The Federated principal values of a statement. */
export function federatedValues(statement: Statement): Value[] {
  return (statement.principal?.entries ?? [])
    .filter((entry) => entry.type === 'Federated')
    .flatMap((entry) => entry.values)
}

/** A Federated value that names an OIDC provider (known ARN with `oidc-provider/`, or any symbolic value). */
export function isOidcFederated(value: Value): boolean {
  if (value.kind === 'symbolic') return !/saml/i.test(value.expression)
  return value.value.includes(':oidc-provider/') || /^oidc\./.test(value.value) || value.value.includes('oidc.eks.')
}

/** Statements whose principal is (or includes) an OIDC Federated provider: the IRSA statements. */
export function oidcStatements(policy: PolicyDocument): Statement[] {
  return policy.statements.filter((statement) => federatedValues(statement).some(isOidcFederated))
}

export function isAllow(statement: Statement): boolean {
  return statement.effect?.kind === 'known' && statement.effect.value === 'Allow'
}

/** The text a key's claim suffix is read from (a symbolic key uses its expression, e.g. `${module.eks.oidc_provider}:sub`). */
export function keyText(key: Value): string {
  return valueOrExpression(key)
}

export type ClaimName = 'sub' | 'aud' | 'amr' | 'other'

/** Which token claim a condition key tests; key names are case-insensitive in IAM. */
export function claimOf(key: Value): ClaimName {
  const [, claim] = /:(sub|aud|amr)$/i.exec(keyText(key)) ?? []
  return claim ? (claim.toLowerCase() as ClaimName) : 'other'
}

/** The issuer part of a claim key (`oidc.eks.r.amazonaws.com/id/X` of `oidc.eks.r.amazonaws.com/id/X:sub`). */
export function keyIssuer(key: Value): string {
  const text = keyText(key)
  const colon = text.lastIndexOf(':')
  return colon < 0 ? text : text.slice(0, colon)
}

export function conditionsOn(statement: Statement, claim: ClaimName): ConditionEntry[] {
  return (statement.condition?.entries ?? []).filter((entry) => claimOf(entry.key) === claim)
}

export interface ParsedOperator {
  /** Base operator as written, without set prefix and IfExists: `StringEquals`. */
  base: string
  setPrefix?: 'ForAnyValue' | 'ForAllValues' | undefined
  ifExists: boolean
  /** StringNotEquals, StringNotLike, ArnNotEquals, ...: true when the key is absent. */
  negated: boolean
}

export function parseOperator(operator: string): ParsedOperator {
  let rest = operator
  let setPrefix: ParsedOperator['setPrefix']
  const prefix = /^(ForAnyValue|ForAllValues):/.exec(rest)
  if (prefix) {
    setPrefix = prefix[1] as ParsedOperator['setPrefix']
    rest = rest.slice(prefix[0].length)
  }
  const ifExists = rest.endsWith('IfExists')
  if (ifExists) rest = rest.slice(0, -'IfExists'.length)
  return { base: rest, setPrefix, ifExists, negated: /Not(Equals|Like)/.test(rest) }
}
