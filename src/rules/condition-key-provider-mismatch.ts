import { single } from '../collections.js'
import type { FindingDraft, RelatedLocation } from '../model/finding.js'
import { formatLocation } from '../model/location.js'
import type { ConditionEntry, Statement } from '../model/policy.js'
import type { KnownValue } from '../model/value.js'
import type { Rule } from './rule.js'
import { irsaScopedStatements } from './helpers/irsa-scope.js'
import { describeStatement, statementKey } from './helpers/conditions.js'
import { analyseConditionKey, analyseFederated, sameIssuer, whenKeyAbsent } from './helpers/eks-issuer.js'
import { capitalise } from './helpers/policy-grammar.js'
import { federatedValues, isOidcFederated, parseOperator } from './helpers/trust.js'

interface Provider {
  value: KnownValue
  issuer: string
}

interface IssuerKey {
  entry: ConditionEntry
  text: string
  issuer: string
  claim: string
}

export const conditionKeyProviderMismatch: Rule = {
  meta: {
    id: 'condition-key-provider-mismatch',
    level: 'error',
    description:
      "A trust-policy condition key whose issuer is not the statement's Federated OIDC provider (another region, cluster ID or host), or one statement trusting several providers with conditions on one provider's keys.",
    remediation:
      'Write each key as the issuer of the statement\'s Federated provider (its ARN after "oidc-provider/"), and give each provider a statement of its own.',
  },
  *check(graph) {
    for (const { role, statement } of irsaScopedStatements(graph)) {
      const providers = providersOf(statement)
      if (!providers) continue
      const keys = issuerKeysOf(statement)
      const key = statementKey(role, statement)
      for (const issuerKey of keys) {
        if (providers.some((provider) => sameIssuer(provider.issuer, issuerKey.issuer))) continue
        yield { ...mismatch(statement, issuerKey, providers), key: `${key} key:${issuerKey.text}` }
      }
      const several = severalProviders(statement, providers, keys)
      if (several) yield { ...several, key: `${key} providers` }
    }
  },
}

/** The statement's OIDC providers with the issuers they mean; undefined when any is unknown (symbolic, placeholder). */
function providersOf(statement: Statement): Provider[] | undefined {
  const federated = federatedValues(statement).filter(isOidcFederated)
  if (federated.length === 0) return undefined
  const providers: Provider[] = []
  for (const value of federated) {
    if (value.kind !== 'known') return undefined
    const issuer = analyseFederated(value.value)?.issuer
    if (issuer === undefined) return undefined
    providers.push({ value, issuer })
  }
  return providers
}

/** Condition keys that name an issuer and a claim (`<issuer>:sub`), with the issuer they mean once their own defects are fixed. */
function issuerKeysOf(statement: Statement): IssuerKey[] {
  const keys: IssuerKey[] = []
  for (const entry of statement.condition?.entries ?? []) {
    if (entry.key.kind !== 'known') continue
    const text = entry.key.value
    const analysis = analyseConditionKey(text)
    if (analysis?.placeholder !== undefined) continue
    if (analysis?.issuer !== undefined && analysis.claim !== undefined) {
      keys.push({ entry, text, issuer: analysis.issuer, claim: analysis.claim })
      continue
    }
    const [, issuer, claim] = /^(.+\..+):(sub|aud|amr)$/i.exec(text) ?? []
    if (!analysis && issuer !== undefined && claim !== undefined && !issuer.includes(':'))
      keys.push({ entry, text, issuer, claim: claim.toLowerCase() })
  }
  return keys
}

function mismatch(statement: Statement, issuerKey: IssuerKey, providers: Provider[]): FindingDraft {
  const written = `Condition key "${issuerKey.text}" in ${describeStatement(statement)}`
  const absent = `so no token of ${providers.length === 1 ? 'that provider' : 'those providers'} carries the key and ${whenKeyAbsent(issuerKey.entry.operator)}`
  const related: RelatedLocation[] = providers.map((provider) => ({
    location: provider.value.location,
    message: `Federated provider ${provider.issuer}`,
  }))
  const provider = single(providers)
  if (provider) {
    const differs = difference(issuerKey.issuer, provider.issuer)
    const which = differs
      ? `is not for the statement's Federated provider "${provider.issuer}" (${formatLocation(provider.value.location)}; ${differs})`
      : `is for the issuer "${issuerKey.issuer}", not the statement's Federated provider "${provider.issuer}" (${formatLocation(provider.value.location)})`
    return {
      location: issuerKey.entry.keyLocation,
      message: `${written} ${which}, ${absent}; write the key as "${provider.issuer}:${issuerKey.claim}" (or correct the Federated principal if the key names the right cluster)`,
      related,
    }
  }
  const names = providers.map((provider) => `"${provider.issuer}"`).join(', ')
  return {
    location: issuerKey.entry.keyLocation,
    message: `${written} is for the issuer "${issuerKey.issuer}", none of the statement's Federated providers (${names}), ${absent}; write the key with the issuer of the provider it is meant for`,
    related,
  }
}

/**
 * B5: all conditions of a statement must hold, and a token carries only its own issuer's keys, so a
 * positive condition on provider A's key refuses every token of provider B.
 */
function severalProviders(statement: Statement, providers: Provider[], keys: IssuerKey[]): FindingDraft | undefined {
  const distinct: Provider[] = []
  for (const provider of providers)
    if (!distinct.some((other) => sameIssuer(other.issuer, provider.issuer))) distinct.push(provider)
  if (distinct.length < 2) return undefined
  const restricting = keys.filter((issuerKey) => refusesWhenAbsent(issuerKey.entry.operator))
  const constrained = distinct.filter((provider) =>
    restricting.some((issuerKey) => sameIssuer(issuerKey.issuer, provider.issuer)),
  )
  const [only, second] = constrained
  if (!only) return undefined
  const where = describeStatement(statement)
  const related: RelatedLocation[] = restricting
    .filter((issuerKey) => constrained.some((provider) => sameIssuer(provider.issuer, issuerKey.issuer)))
    .map((issuerKey) => ({ location: issuerKey.entry.keyLocation, message: `condition on ${issuerKey.text}` }))
  const names = distinct.map((provider) => `"${provider.issuer}"`).join(', ')
  if (second) {
    return {
      location: second.value.location,
      message: `${capitalise(where)} trusts ${distinct.length} OIDC providers (${names}) and has conditions on the keys of ${constrained.length} of them; all conditions of a statement must hold and a token carries only its own issuer's keys, so no token passes; split it into one statement per provider, each with that provider's own conditions`,
      related,
    }
  }
  const others = distinct.filter((provider) => provider !== only)
  const [first = only] = others
  return {
    location: first.value.location,
    message: `${capitalise(where)} trusts ${distinct.length} OIDC providers (${names}) but its conditions test only keys of "${only.issuer}" (${formatLocation(only.value.location)}); tokens of ${others.map((provider) => `"${provider.issuer}"`).join(', ')} lack those keys, so STS refuses them; give each provider a statement of its own, with its own ":sub" and ":aud" conditions`,
    related,
  }
}

/** Operators that are false when the key is absent: the ones a token of another issuer cannot pass. */
function refusesWhenAbsent(operator: string): boolean {
  const parsed = parseOperator(operator)
  return !parsed.negated && !parsed.ifExists && parsed.setPrefix !== 'ForAllValues' && parsed.base !== 'Null'
}

const EKS_ISSUER = /^oidc\.eks\.([^.]+)\.(amazonaws\.com(?:\.cn)?)\/id\/(.+)$/i

/** What differs between two EKS issuers, for the message: region, DNS suffix, cluster ID. */
function difference(keyIssuer: string, providerIssuer: string): string {
  const key = EKS_ISSUER.exec(keyIssuer)
  const provider = EKS_ISSUER.exec(providerIssuer)
  if (!key || !provider) return ''
  const parts = ['region', 'domain', 'cluster ID'].flatMap((part, index) => {
    const [ours = '', theirs = ''] = [key[index + 1], provider[index + 1]]
    return ours.toLowerCase() === theirs.toLowerCase() ? [] : [`${part} ${ours} instead of ${theirs}`]
  })
  return parts.join(', ')
}
