import { evaluatePolicy, type ConditionMismatch } from '../iam/evaluate.js'
import type { PodIdentityAssociation, TrustedRole } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import type { Rule } from './rule.js'
import { roleKey, trustTitle } from './helpers/correlation.js'
import {
  ASSUME_ROLE,
  associationCluster,
  associationRequest,
  associationsByRole,
  describeAssociation,
  type AssociationCluster,
  sentenceStart,
} from './helpers/pod-identity.js'
import { keyText } from './helpers/trust.js'

export const podIdentityTrustConditionMismatch: Rule = {
  meta: {
    id: 'pod-identity-trust-condition-mismatch',
    level: 'warning',
    description:
      "A Pod Identity role's trust has conditions on the session tags EKS sets (aws:RequestTag/kubernetes-namespace, kubernetes-service-account, eks-cluster-name, eks-cluster-arn) or on aws:SourceAccount that an association using the role does not meet: its pods get no credentials.",
    remediation:
      "Make the trust's condition values the namespace, service account and cluster of the associations that use the role (or change the association).",
  },
  *check(graph, context) {
    for (const [role, associations] of associationsByRole(graph)) {
      const trust = role.trustPolicy
      if (!trust) continue
      for (const association of associations) {
        const cluster = associationCluster(graph, context.config, association)
        const finding = contradiction({ ...role, trustPolicy: trust }, association, cluster)
        if (finding) yield finding
      }
    }
  },
}

/** The association's request is refused by a condition on what EKS sets, while a request of unknown tags may pass. */
function contradiction(
  role: TrustedRole,
  association: PodIdentityAssociation,
  cluster: AssociationCluster,
): FindingDraft | undefined {
  const trust = role.trustPolicy
  const request = associationRequest(ASSUME_ROLE, association, cluster)
  const decision = evaluatePolicy(trust, request)
  if (decision.effect !== 'deny') return undefined
  // A trust that refuses any Pod Identity request is pod-identity-trust-invalid's finding.
  const unknownTags = evaluatePolicy(trust, { ...request, context: [] })
  if (unknownTags.effect === 'deny') return undefined
  const mismatch = decision.statements
    .flatMap((outcome) => (outcome.principal !== false && outcome.action !== false ? outcome.mismatches : []))
    .find(
      (candidate): candidate is ConditionMismatch => candidate.element === 'Condition' && candidate.result === false,
    )
  if (!mismatch) return undefined
  const key = keyText(mismatch.key)
  const wanted = mismatch.policyValues.map((value) => `"${keyText(value)}"`).join(', ')
  const actual = mismatch.requestValues?.map((value) => (typeof value === 'string' ? `"${value}"` : 'another value'))
  return {
    location: mismatch.location,
    message:
      `${sentenceStart(trustTitle(role))} requires ${mismatch.operator} ${key} ${wanted}, but ${describeAssociation(association)} ` +
      `${actual && actual.length > 0 ? `makes EKS send ${actual.join(', ')}` : 'makes EKS send no such key'}, so STS refuses the role to its pods; ` +
      `make the condition accept the association's ${subjectOf(key)} (or fix the association)`,
    related: [{ location: association.location, message: describeAssociation(association) }],
    key: `${roleKey(role)} pod-identity-condition:${key}:${describeAssociation(association)}`,
  }
}

function subjectOf(key: string): string {
  const name = key.toLowerCase()
  if (name.endsWith('kubernetes-namespace')) return 'namespace'
  if (name.endsWith('kubernetes-service-account')) return 'service account'
  if (name.includes('eks-cluster')) return 'cluster'
  if (name === 'aws:sourceaccount') return "cluster's account"
  return 'values'
}
