import { DEFAULT_AUDIENCE } from '../iam/arn.js'
import { globMatches, globPattern } from '../iam/glob.js'
import { text } from '../iam/template.js'
import type { ConditionEntry } from '../model/policy.js'
import type { Rule } from './rule.js'
import {
  allowedIrsaStatements,
  describeStatement,
  issuerKeyPrefix,
  positiveConditionsOn,
  quotedKey,
  statementKey,
} from './helpers/conditions.js'
import { selfHostedIssuerOf } from './helpers/self-hosted-webhook.js'
import { conditionsOn, keyIssuer, parseOperator } from './helpers/trust.js'

export const audConditionInvalid: Rule = {
  meta: {
    id: 'aud-condition-invalid',
    level: 'error',
    description:
      'A trust-policy ":aud" condition that IRSA tokens cannot satisfy (a value other than "sts.amazonaws.com" that no ServiceAccount audience explains, or a subject under the aud key); a missing ":aud" condition is a note.',
    remediation:
      'Compare "<issuer>:aud" with "sts.amazonaws.com", or with the eks.amazonaws.com/audience the ServiceAccount sets.',
  },
  *check(graph) {
    const audiences = graph.facts.serviceAccounts.flatMap((sa) => (sa.audience ? [sa.audience] : []))
    // A ServiceAccount audience known only at apply time could be any value: then no aud value is provably wrong.
    const audienceUnknown = audiences.some((audience) => audience.kind === 'symbolic')
    const inUse = [
      DEFAULT_AUDIENCE,
      ...audiences.flatMap((audience) => (audience.kind === 'known' ? [audience.value] : [])),
    ]

    for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
      // A self-hosted issuer's tokens carry whatever audience its webhook is started with (--token-audience).
      const selfHosted = selfHostedIssuerOf(statement) !== undefined
      if (conditionsOn(statement, 'aud').length === 0) {
        if (selfHosted) continue
        const prefix = issuerKeyPrefix(statement)
        yield {
          location: statement.condition?.location ?? statement.location,
          level: 'note',
          message: `${describeStatement(statement)} has no "${prefix}:aud" condition; STS still checks the OIDC provider's client IDs, but AWS recommends adding "StringEquals": {"${prefix}:aud": "${DEFAULT_AUDIENCE}"}`,
          key: `${statementKey(role, statement)} aud:missing`,
        }
        continue
      }
      if (audienceUnknown) continue
      for (const entry of positiveConditionsOn(statement, 'aud')) {
        if (
          entry.values.some(
            (value) => value.kind === 'symbolic' || inUse.some((audience) => accepts(entry, value.value, audience)),
          )
        )
          continue
        for (const value of entry.values) {
          if (value.kind !== 'known') continue
          if (selfHosted && !value.value.startsWith('system:serviceaccount')) continue
          yield {
            location: value.location,
            message: `${quotedKey(entry.key)} in ${describeStatement(statement)} ${wrongAudience(value.value, keyIssuer(entry.key))}`,
            key: `${statementKey(role, statement)} aud:${value.value}`,
          }
        }
      }
    }
  },
}

function accepts(entry: ConditionEntry, conditionValue: string, audience: string): boolean {
  const operator = parseOperator(entry.operator)
  const ignoreCase = operator.base.endsWith('IgnoreCase')
  const [pattern, subject] = ignoreCase
    ? [conditionValue.toLowerCase(), audience.toLowerCase()]
    : [conditionValue, audience]
  return operator.base.startsWith('StringLike') ? globMatches(globPattern(text(pattern)), subject) : pattern === subject
}

function wrongAudience(value: string, issuer: string): string {
  if (value.startsWith('system:serviceaccount')) {
    return `is compared with the ServiceAccount subject "${value}", so no token matches (its aud claim is "${DEFAULT_AUDIENCE}"); move the subject under "${issuer}:sub" and compare ":aud" with "${DEFAULT_AUDIENCE}"`
  }
  const china = value === 'sts.amazonaws.com.cn' ? ', in China too,' : ''
  return `expects "${value}", but IRSA tokens carry aud "${DEFAULT_AUDIENCE}"${china} unless the ServiceAccount sets eks.amazonaws.com/audience, and no scanned ServiceAccount sets "${value}"; write "${DEFAULT_AUDIENCE}"`
}
