import { parseRoleArn } from '../iam/arn.js'
import type { Graph } from '../graph.js'
import type { Role } from '../model/facts.js'
import type { SymbolicValue } from '../model/value.js'
import type { Statement } from '../model/policy.js'
import type { Rule } from './rule.js'
import { federatedScope, irsaTrustPolicies } from './helpers/irsa-scope.js'
import { describeStatement, statementKey } from './helpers/conditions.js'
import {
  analyseConditionKey,
  analyseFederated,
  looksLikeEksIssuer,
  providerArnFor,
  symbolicIssuerUrl,
} from './helpers/eks-issuer.js'
import { DOCUMENTATION_ACCOUNTS } from './helpers/kubernetes.js'
import { federatedValues } from './helpers/trust.js'

export const federatedPrincipalInvalid: Rule = {
  meta: {
    id: 'federated-principal-invalid',
    level: 'error',
    description:
      'A Federated principal that is not the ARN of an EKS cluster\'s IAM OIDC provider: a URL or "https://" inside, "oidc.<region>.eks" host order, no "oidc-provider/" or "/id/", a partition or DNS suffix that does not fit the region, the dual-stack host, a documentation placeholder.',
    remediation:
      'Write "arn:<partition>:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<ID>", the host and path of the cluster issuer without "https://".',
  },
  *check(graph) {
    for (const { role, policy } of irsaTrustPolicies(graph)) {
      const account = accountOf(role)
      for (const statement of policy.statements) {
        for (const federated of federatedValues(statement)) {
          if (federated.kind === 'symbolic') {
            const message = issuerUrlAsPrincipal(graph, federated, statement)
            if (message)
              yield {
                location: federated.location,
                message,
                key: `${statementKey(role, statement)} federated:${federated.expression}`,
              }
            continue
          }
          if (federatedScope(graph, federated) === 'other') continue
          const analysis = analyseFederated(federated.value, account)
          if (!analysis) continue
          const written = `Federated principal "${federated.value}" in ${describeStatement(statement)}`
          const knownAccount = accountIn(federated.value) ?? account
          const key = `${statementKey(role, statement)} federated:${federated.value}`
          if (analysis.placeholder !== undefined) {
            yield {
              location: federated.location,
              message: `${written} still holds the placeholder "${analysis.placeholder}", so it names no real provider; ${fixFromKeys(statement, knownAccount)}`,
              key,
            }
          } else if (analysis.problems.length > 0) {
            const fix = analysis.corrected ? `write "${analysis.corrected}"` : fixFromKeys(statement, knownAccount)
            yield {
              location: federated.location,
              message: `${written} ${analysis.problems.join(', ')}, so it never names the provider of an EKS token; ${fix}`,
              key,
            }
          } else if (analysis.unusualId) {
            yield {
              location: federated.location,
              message: `${written} has the cluster ID "${analysis.unusualId.id}", which is not 32 uppercase hexadecimal characters like the IDs EKS issues; compare it with the cluster's issuer (aws eks describe-cluster --query cluster.identity.oidc.issuer)`,
              level: 'warning',
              key,
            }
          }
        }
      }
    }
  },
}

/**
 * A Federated principal known only at apply time that is an issuer URL, not a provider ARN:
 * terraform-aws-eks `cluster_oidc_issuer_url` or `cluster_dualstack_oidc_issuer_url`, or the
 * cluster's `identity[0].oidc[0].issuer` (irsa-failure-modes.md C2, A6).
 */
function issuerUrlAsPrincipal(graph: Graph, federated: SymbolicValue, statement: Statement): string | undefined {
  const shown = federated.expression.includes('${') ? `"${federated.expression}"` : `\${${federated.expression}}`
  const written = `Federated principal ${shown} in ${describeStatement(statement)}`
  const url = symbolicIssuerUrl(federated.expression)
  if (!url) return hostPathAsPrincipal(graph, federated, written)
  const provider = graph.facts.oidcProviders.find(
    (candidate) =>
      candidate.url?.kind === 'symbolic' &&
      candidate.url.expression === federated.expression &&
      candidate.arnReferences[0],
  )
  const arn = provider?.arnReferences[0]
  const fix = arn
    ? `write the ARN of the IAM OIDC provider, ${arn}`
    : url.dualStack
      ? 'write the ARN of the IAM OIDC provider of the issuer oidc.eks.<region>.amazonaws.com/id/<ID> (terraform-aws-eks: module.<name>.oidc_provider_arn)'
      : 'write the ARN of the IAM OIDC provider (terraform-aws-eks: module.<name>.oidc_provider_arn; or aws_iam_openid_connect_provider.<name>.arn)'
  const what = url.dualStack
    ? "is the cluster's dual-stack issuer URL (oidc-eks.<region>.api.aws), which no token carries, not the ARN of an IAM OIDC provider"
    : `is the cluster's issuer URL (it starts with "${url.scheme ?? 'https://'}"), not the ARN of its IAM OIDC provider`
  return `${written} ${what}, so IAM rejects the trust policy ("MalformedPolicyDocument: Federated principals must be valid domain names or SAML metadata ARNs") or it never names the provider of an EKS token; ${fix}`
}

/**
 * A Federated principal that is a provider's issuer host and path, not its ARN: terraform-aws-eks
 * `oidc_provider` (the issuer without "https://"), or `aws_iam_openid_connect_provider.<name>.url`,
 * which IAM returns without the scheme.
 */
function hostPathAsPrincipal(graph: Graph, federated: SymbolicValue, written: string): string | undefined {
  const provider = graph.facts.oidcProviders.find(
    (candidate) =>
      (candidate.url?.kind === 'symbolic' && candidate.url.expression === `https://\${${federated.expression}}`) ||
      (candidate.terraform !== undefined && `${candidate.terraform.address}.url` === federated.expression),
  )
  const arn = provider?.arnReferences[0]
  if (arn === undefined) return undefined
  return `${written} is the issuer host and path of the IAM OIDC provider, not its ARN, so IAM rejects the trust policy ("MalformedPolicyDocument") or it never names the provider of an EKS token; write the ARN of the provider, ${arn}`
}

/** A suggestion built from the issuer the statement's condition keys name, else the generic form. */
function fixFromKeys(statement: Statement, account: string | undefined): string {
  for (const entry of statement.condition?.entries ?? []) {
    if (entry.key.kind !== 'known') continue
    const key = analyseConditionKey(entry.key.value)
    if (key?.issuer !== undefined && key.problems.length === 0 && looksLikeEksIssuer(key.issuer)) {
      return `write "${providerArnFor(key.issuer, account)}", the provider of the issuer its condition keys name`
    }
  }
  return 'write the ARN of the cluster\'s OIDC provider, "arn:<partition>:iam::<account>:oidc-provider/" then the issuer without "https://" (aws eks describe-cluster --query cluster.identity.oidc.issuer)'
}

/** The account of an ARN-shaped value, unless it is one the AWS documentation uses in examples. */
function accountIn(value: string): string | undefined {
  const account = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(value)?.[1]
  return account !== undefined && !DOCUMENTATION_ACCOUNTS.includes(account) ? account : undefined
}

/** The role's account when its definition says, for the suggested ARN. */
function accountOf(role: Role): string | undefined {
  if (role.account?.kind === 'known' && /^\d{12}$/.test(role.account.value)) return role.account.value
  if (role.arn?.kind === 'known') return parseRoleArn(role.arn.value)?.account
  return undefined
}
