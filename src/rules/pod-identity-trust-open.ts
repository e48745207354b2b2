import type { Location } from '../model/location.js'
import type { Rule } from './rule.js'
import { statementKey, describeStatement } from './helpers/conditions.js'
import { trustTitle } from './helpers/correlation.js'
import { podIdentityStatements, POD_IDENTITY_PRINCIPAL, sentenceStart } from './helpers/pod-identity.js'
import { isAllow } from './helpers/trust.js'

export const podIdentityTrustOpen: Rule = {
  meta: {
    id: 'pod-identity-trust-open',
    level: 'note',
    security: true,
    description: `A role's trust lets ${POD_IDENTITY_PRINCIPAL} assume it without any condition: any Pod Identity association in the account, for any cluster, namespace and ServiceAccount, can give the role to pods.`,
    remediation:
      'Add conditions on the session tags EKS sets (aws:RequestTag/eks-cluster-name, kubernetes-namespace, kubernetes-service-account) that name the associations meant to use the role.',
  },
  *check(graph) {
    for (const role of graph.facts.roles) {
      const trust = role.trustPolicy
      if (!trust || (trust.symbolicStatements ?? []).length > 0) continue
      // A Deny statement may be what restricts the role.
      if (trust.statements.some((statement) => !isAllow(statement))) continue
      for (const statement of podIdentityStatements(trust)) {
        if ((statement.condition?.entries ?? []).length > 0 || (statement.symbolicConditions ?? []).length > 0) continue
        // A trust a tool writes (eksctl, a registry module) is located at the role: the repository cannot add conditions to it there.
        if (sameLine(statement.location, role.location)) continue
        yield {
          location: statement.location,
          message:
            `${sentenceStart(trustTitle(role))} lets ${POD_IDENTITY_PRINCIPAL} assume the role in ${describeStatement(statement)} without a condition, so any Pod Identity association in the account (any cluster, namespace or ServiceAccount) can give the role to its pods; ` +
            `add a Condition on aws:RequestTag/eks-cluster-name, aws:RequestTag/kubernetes-namespace and aws:RequestTag/kubernetes-service-account naming the associations meant to use it`,
          key: `${statementKey(role, statement)} pod-identity-open`,
        }
      }
    }
  },
}

function sameLine(a: Location, b: Location): boolean {
  return a.path === b.path && a.line === b.line
}
