import type { Graph } from '../graph.js'
import type { FindingDraft } from '../model/finding.js'
import type { ConditionEntry, Statement } from '../model/policy.js'
import type { Rule } from './rule.js'
import { irsaScopedStatements } from './helpers/irsa-scope.js'
import { describeStatement, statementKey } from './helpers/conditions.js'
import {
  analyseConditionKey,
  analyseFederated,
  claimSuggestedBy,
  symbolicIssuerUrl,
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
          const finding = symbolicKeyWithScheme(entry, statement) ?? providerArnKey(graph, entry, statement)
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
 * A key known only at apply time whose written text is an issuer URL: it starts with a scheme
 * (Terraform `"${module.eks.cluster_oidc_issuer_url}:sub"`, or the cluster's raw
 * `identity[0].oidc[0].issuer`, which sources write as `https://${<host/path>}:sub`), or it is
 * built on the dual-stack issuer (terraform-aws-eks `cluster_dualstack_oidc_issuer_url`).
 */
function symbolicKeyWithScheme(entry: ConditionEntry, statement: Statement): Omit<FindingDraft, 'key'> | undefined {
  const text = keyTextOf(entry)
  const url = symbolicIssuerUrl(text)
  if (!url) return undefined
  const written = `Condition key "${text}" in ${describeStatement(statement)}`
  const absent = `so it never exists in the request and ${whenKeyAbsent(entry.operator)}`
  if (url.dualStack) {
    const claim = /:(sub|aud|amr)$/.exec(text)?.[1] ?? 'sub'
    return {
      location: entry.keyLocation,
      message: `${written} is built on the cluster's dual-stack issuer (oidc-eks.<region>.api.aws), but tokens name oidc.eks.<region>.amazonaws.com as their issuer, ${absent}; write the issuer host and path without "https://", then the claim (terraform-aws-eks: "\${module.<name>.oidc_provider}:${claim}")`,
    }
  }
  const scheme = url.scheme ?? ''
  return {
    location: entry.keyLocation,
    message: `${written} starts with "${scheme}" (the issuer URL, not its host and path), ${absent}; write the key as "${text.slice(scheme.length)}"`,
  }
}

/**
 * A key known only at apply time that starts with a reference to an IAM OIDC provider's ARN
 * (`"${module.eks.oidc_provider_arn}:sub"`, `"${aws_iam_openid_connect_provider.eks.arn}:sub"`):
 * the key then starts with "arn:<partition>:iam::<account>:oidc-provider/" (irsa-failure-modes.md D2).
 */
function providerArnKey(
  graph: Graph,
  entry: ConditionEntry,
  statement: Statement,
): Omit<FindingDraft, 'key'> | undefined {
  const text = keyTextOf(entry)
  const leading = /^\$\{([^{}]+)\}/.exec(text)?.[1]
  if (leading === undefined) return undefined
  const provider = graph.facts.oidcProviders.find(
    (candidate) =>
      candidate.arnReferences.includes(leading) ||
      (candidate.arn?.kind === 'symbolic' && candidate.arn.expression === leading),
  )
  const absent = provider
    ? undefined
    : graph.facts.absentOidcProviders?.find((candidate) => candidate.arnReferences.includes(leading))
  if (!provider && !absent) return undefined
  const rest = text.slice(leading.length + 3)
  const scheme = provider?.url?.kind === 'symbolic' ? /^https:\/\//.exec(provider.url.expression)?.[0] : undefined
  const hostPath =
    provider?.url?.kind === 'symbolic' && scheme !== undefined
      ? provider.url.expression.slice(scheme.length)
      : `\${replace(${leading}, "/^(.*provider/)/", "")}`
  return {
    location: entry.keyLocation,
    message: `Condition key "${text}" in ${describeStatement(statement)} starts with the ARN of the IAM OIDC provider (${leading} is "arn:<partition>:iam::<account>:oidc-provider/<issuer>"), not the issuer host and path, so it never exists in the request and ${whenKeyAbsent(entry.operator)}; write the key as "${hostPath}${rest}"`,
  }
}
