import { single } from '../collections.js'
import { acceptsAnyServiceAccount } from '../iam/service-account-token.js'
import type { Graph } from '../graph.js'
import type { Role } from '../model/facts.js'
import type { Statement } from '../model/policy.js'
import { looksLikeEksIssuer } from './helpers/eks-issuer.js'
import type { Rule } from './rule.js'
import {
  describeStatement,
  isServiceAccountStatement,
  issuerKeyPrefix,
  positiveConditionsOn,
  statementKey,
} from './helpers/conditions.js'
import { roleTitle } from './helpers/correlation.js'
import { conditionsOn, federatedValues, isAllow, parseOperator, trustPolicies } from './helpers/trust.js'
import { serviceAccountSubject } from '../model/service-account-subject.js'

export const subConditionMissing: Rule = {
  meta: {
    id: 'sub-condition-missing',
    level: 'error',
    security: true,
    description:
      'An Allow statement for an OIDC provider with no positive ":sub" condition: a token of any ServiceAccount in the cluster is accepted.',
    remediation: 'Add a StringEquals condition on "<issuer>:sub" naming the ServiceAccounts that may assume the role.',
  },
  *check(graph) {
    for (const { role, policy } of trustPolicies(graph.facts.roles)) {
      const lacksSubCondition = (statement: Statement): boolean =>
        isAllow(statement) && !restrictsSubject(statement) && isClusterStatement(graph, role, statement)
      // Only such a statement can be reported: a policy without one need not be evaluated.
      if (!policy.statements.some(lacksSubCondition)) continue
      const token = acceptsAnyServiceAccount(policy)
      if (token.effect !== 'allow') continue
      const admitting = new Set(
        token.attempts.flatMap((attempt) => attempt.decision.allowedBy.map((outcome) => outcome.statement)),
      )
      for (const statement of admitting) {
        if (!lacksSubCondition(statement)) continue
        const issuer = issuerKeyPrefix(statement)
        const users = graph
          .serviceAccountsUsing(role)
          .flatMap((sa) =>
            sa.namespace.kind === 'known' && sa.name.kind === 'known'
              ? [{ sa, subject: serviceAccountSubject(sa.namespace.value, sa.name.value) }]
              : [],
          )
        const only = single(users)
        const subjects =
          users.length === 0
            ? '"system:serviceaccount:<namespace>:<name>"'
            : only
              ? `"${only.subject}"`
              : `[${users.map((user) => `"${user.subject}"`).join(', ')}]`
        yield {
          location: statement.condition?.location ?? statement.location,
          message: `${describeStatement(statement)} of ${roleTitle(role)} accepts a token of any ServiceAccount in any namespace: ${why(statement)}; add "StringEquals": {"${issuer}:sub": ${subjects}}`,
          related: users.map(({ sa, subject }) => ({
            location: sa.location,
            message: `ServiceAccount ${subject} uses this role`,
          })),
          key: statementKey(role, statement),
        }
      }
    }
  },
}

/** A positive ":sub" condition. (One that a made-up ServiceAccount still passes is a wildcard: sub-condition-broad's finding.) */
function restrictsSubject(statement: Statement): boolean {
  return positiveConditionsOn(statement, 'sub').some((entry) => !parseOperator(entry.operator).ifExists)
}

/**
 * A statement for a cluster's OIDC provider: as the trust itself says (isServiceAccountStatement),
 * or through the provider a Federated reference names in the role's unit (a CloudFormation
 * `!GetAtt Provider.Arn`), when that provider's URL is an EKS issuer or known only at apply time.
 * A reference to a provider of another identity provider (GitHub Actions, …) is not one.
 */
function isClusterStatement(graph: Graph, role: Role, statement: Statement): boolean {
  const providers = federatedValues(statement)
    .filter((value) => value.kind === 'symbolic')
    .flatMap((value) => graph.providersNamed(value, role))
  const urls = providers.map((provider) => provider.url)
  if (urls.length > 0 && urls.every((url) => url?.kind === 'known' && !looksLikeEksIssuer(url.value))) return false
  if (isServiceAccountStatement(statement)) return true
  return urls.some((url) => url === undefined || url.kind === 'symbolic' || looksLikeEksIssuer(url.value))
}

function why(statement: Statement): string {
  const sub = conditionsOn(statement, 'sub')[0]
  if (sub && parseOperator(sub.operator).negated)
    return `its only ":sub" condition, ${sub.operator}, excludes subjects instead of naming them`
  if (sub) return `its only ":sub" condition, ${sub.operator}, is true when its key is absent`
  if (!statement.condition || statement.condition.entries.length === 0) return 'it has no Condition'
  return 'it has no ":sub" condition'
}
