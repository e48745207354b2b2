import type { Rule } from './rule.js'
import { irsaTrustPolicies } from './helpers/irsa-scope.js'

/** IAM quota "Role trust policy length" (ACLSizePerRole): 2048 characters by default, raisable to 4096. Whitespace is not counted. */
export const DEFAULT_TRUST_POLICY_QUOTA = 2048
export const MAX_TRUST_POLICY_QUOTA = 4096

export const trustPolicyTooLarge: Rule = {
  meta: {
    id: 'trust-policy-too-large',
    level: 'warning',
    description: `A trust policy longer than IAM's default quota of ${DEFAULT_TRUST_POLICY_QUOTA} characters without whitespace (an error above the maximum of ${MAX_TRUST_POLICY_QUOTA}).`,
    remediation:
      'Shorten the policy (one statement per provider with a list of subjects, StringLike patterns, fewer ServiceAccounts per role), split the ServiceAccounts across roles, or raise the quota.',
  },
  *check(graph) {
    for (const { role, policy } of irsaTrustPolicies(graph)) {
      const length = policy.minifiedLength
      if (length === undefined || length <= DEFAULT_TRUST_POLICY_QUOTA) continue
      const overMaximum = length > MAX_TRUST_POLICY_QUOTA
      const consequence = overMaximum
        ? `above the maximum quota of ${MAX_TRUST_POLICY_QUOTA}, so IAM rejects it in every account ("LimitExceeded: Cannot exceed quota for ACLSizePerRole")`
        : `above IAM's default quota of ${DEFAULT_TRUST_POLICY_QUOTA}, so IAM rejects it ("LimitExceeded: Cannot exceed quota for ACLSizePerRole: ${DEFAULT_TRUST_POLICY_QUOTA}") unless the account's quota was raised (to at most ${MAX_TRUST_POLICY_QUOTA})`
      yield {
        location: policy.location,
        message: `The trust policy is ${length} characters without whitespace, ${consequence}; shorten it (${length - (overMaximum ? MAX_TRUST_POLICY_QUOTA : DEFAULT_TRUST_POLICY_QUOTA)} too many: merge subjects of one provider into one statement, use fewer ServiceAccounts per role) or split the ServiceAccounts across roles`,
        key: `role:${role.label} size`,
        ...(overMaximum ? { level: 'error' as const } : {}),
      }
    }
  },
}
