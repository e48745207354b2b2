import type { ServiceAccount } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { allowedIrsaStatements } from './helpers/conditions.js'
import { hasRoleArn, quoted, serviceAccountTitle } from './helpers/kubernetes.js'
import { deploysWebhook, selfHostedIssuerOf } from './helpers/self-hosted-webhook.js'
import { getOrCreate } from '../collections.js'

export const selfHostedWebhookMissing: Rule = {
  meta: {
    id: 'self-hosted-webhook-missing',
    level: 'note',
    description:
      'ServiceAccounts whose role trusts only a self-hosted issuer (kOps, EKS Anywhere, a cluster of your own), in a repository that deploys no amazon-eks-pod-identity-webhook: outside EKS nothing injects the role and token unless the cluster runs that webhook.',
    remediation:
      'Make sure the cluster runs amazon-eks-pod-identity-webhook (kOps: spec.podIdentityWebhook.enabled: true) with the annotation prefix and token audience the trust expects.',
  },
  *check(graph) {
    if (deploysWebhook(graph.facts)) return
    const byIssuer = new Map<string, ServiceAccount[]>()
    for (const sa of graph.facts.serviceAccounts) {
      if (!hasRoleArn(sa)) continue
      const statements = graph.rolesOf(sa).flatMap(({ role }) => [...allowedIrsaStatements([role])])
      const issuers = new Set(statements.map(({ statement }) => selfHostedIssuerOf(statement)))
      const [issuer] = issuers
      if (issuers.size !== 1 || issuer === undefined) continue
      getOrCreate(byIssuer, issuer, () => []).push(sa)
    }
    for (const [issuer, serviceAccounts] of byIssuer) {
      const [first] = serviceAccounts
      if (!first) continue
      const more = serviceAccounts.length > 1 ? ` and ${serviceAccounts.length - 1} more` : ''
      yield {
        location: first.roleArn?.location ?? first.location,
        message:
          `${serviceAccountTitle(first)}${more} use${more ? '' : 's'} a role that trusts only ${quoted(issuer)}, which is not an EKS issuer: ` +
          'outside EKS only a self-hosted amazon-eks-pod-identity-webhook injects AWS_ROLE_ARN and the token (kOps: spec.podIdentityWebhook.enabled: true), ' +
          'and nothing in the repository deploys one; make sure the cluster runs it, with the token audience the trust expects',
        related: serviceAccounts.map((sa) => ({
          location: sa.roleArn?.location ?? sa.location,
          message: `${serviceAccountTitle(sa)} (${formatLocation(sa.location)})`,
        })),
        key: `self-hosted-webhook ${issuer}`,
      }
    }
  },
}
