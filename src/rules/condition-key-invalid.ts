import type { FindingDraft } from '../model/finding.js'
import type { ConditionEntry, Statement } from '../model/policy.js'
import type { Rule } from './rule.js'
import { irsaScopedStatements } from './helpers/irsa-scope.js'
import { describeStatement, statementKey } from './helpers/conditions.js'
import {
  analyseConditionKey,
  analyseFederated,
  claimSuggestedBy,
  whenKeyAbsent,
  type ConditionKeyAnalysis,
} from './helpers/eks-issuer.js'
import { federatedValues } from './helpers/trust.js'
import { valueOrExpression } from '../model/value.js'

export const conditionKeyInvalid: Rule = {
  meta: {
    id: 'condition-key-invalid',
    level: 'error',
    description:
      'A trust-policy condition key that never exists in an AssumeRoleWithWebIdentity request: "https://" or an "arn:" prefix, no ":sub"/":aud"/":amr" claim, a malformed EKS issuer host or path, an unrendered placeholder.',
    remediation:
      'Write the key as the issuer host and path without "https://", then the claim: "oidc.eks.<region>.amazonaws.com/id/<ID>:sub".',
  },
  *check(graph) {
    for (const { role, statement } of irsaScopedStatements(graph)) {
      for (const entry of statement.condition?.entries ?? []) {
        if (entry.key.kind !== 'known') {
          const finding = symbolicKeyWithScheme(entry, statement)
          if (finding)
            yield { ...finding, key: `${statementKey(role, statement)} key:${entry.operator}:${entry.key.expression}` }
          continue
        }
        const values = entry.values.flatMap((value) => (value.kind === 'known' ? [value.value] : []))
        const analysis = analyseConditionKey(entry.key.value, claimSuggestedBy(values))
        if (!analysis || (analysis.placeholder === undefined && analysis.problems.length === 0)) continue
        yield {
          location: entry.keyLocation,
          message: messageFor(entry, statement, analysis),
          key: `${statementKey(role, statement)} key:${entry.operator}:${entry.key.value}`,
        } satisfies FindingDraft
      }
    }
  },
}

function messageFor(entry: ConditionEntry, statement: Statement, analysis: ConditionKeyAnalysis): string {
  const written = `Condition key "${keyTextOf(entry)}" in ${describeStatement(statement)}`
  const absent = `so it never exists in the request and ${whenKeyAbsent(entry.operator)}`
  if (analysis.placeholder !== undefined) {
    return `${written} still holds the placeholder "${analysis.placeholder}", ${absent}; ${fixFromProvider(statement, analysis.claim)}`
  }
  let fix: string
  if (analysis.corrected !== undefined) fix = `write the key as "${analysis.corrected}"`
  else if (analysis.issuer !== undefined)
    fix = `write "${analysis.issuer}:sub" to test the ServiceAccount or "${analysis.issuer}:aud" to test the audience`
  else fix = fixFromProvider(statement, analysis.claim)
  return `${written} ${analysis.problems.join(', ')}, ${absent}; ${fix}`
}

/** A suggestion built from the statement's Federated provider, which names the issuer the key must use. */
function fixFromProvider(statement: Statement, claim: string | undefined): string {
  const suffix = claim === 'sub' || claim === 'aud' || claim === 'amr' ? claim : 'sub'
  for (const federated of federatedValues(statement)) {
    if (federated.kind !== 'known') continue
    const issuer = analyseFederated(federated.value)?.issuer
    if (issuer !== undefined)
      return `write the key as "${issuer}:${suffix}", the issuer of the statement's Federated provider`
  }
  return `write the cluster's issuer without "https://", then the claim: "oidc.eks.<region>.amazonaws.com/id/<ID>:${suffix}"`
}

function keyTextOf(entry: ConditionEntry): string {
  return valueOrExpression(entry.key)
}

/**
 * A key known only at apply time whose written text starts with a scheme: an issuer URL used as
 * the key (Terraform `"${module.eks.cluster_oidc_issuer_url}:sub"`, or the cluster's raw
 * `identity[0].oidc[0].issuer`), which sources write as `https://${<host/path>}:sub`.
 */
function symbolicKeyWithScheme(entry: ConditionEntry, statement: Statement): Omit<FindingDraft, 'key'> | undefined {
  const text = keyTextOf(entry)
  const scheme = /^https?:\/\//i.exec(text)
  if (!scheme) return undefined
  return {
    location: entry.keyLocation,
    message: `Condition key "${text}" in ${describeStatement(statement)} starts with "${scheme[0]}" (the issuer URL, not its host and path), so it never exists in the request and ${whenKeyAbsent(entry.operator)}; write the key as "${text.slice(scheme[0].length)}"`,
  }
}
