import type { Rule } from './rule.js'
import { irsaTrustPolicies } from './helpers/irsa-scope.js'
import { trustTitle } from './helpers/correlation.js'
import { POLICY_VARIABLE } from './policy-variable-without-version.js'
import { formatLocation } from '../model/location.js'

/**
 * A trust policy of an IRSA role without `"Version": "2012-10-17"` (none, or 2008-10-17), and no
 * policy variable (policy-variable-without-version's warning). Evaluation is the same for IRSA's
 * conditions; only policy variables are unsupported, and Access Analyzer's ValidatePolicy reports
 * the missing Version (irsa-failure-modes.md B2: INFO). Only a document read whole: a statement
 * known only at apply time may come with the rest of a document built elsewhere.
 */
export const trustPolicyVersionMissing: Rule = {
  meta: {
    id: 'trust-policy-version-missing',
    level: 'note',
    description:
      'An IRSA trust policy without "Version": "2012-10-17" (none, or 2008-10-17): it works, but IAM policy variables would not be substituted in it.',
    remediation: 'Add "Version": "2012-10-17" as the first key of the trust policy.',
  },
  *check(graph) {
    for (const { role, policy } of irsaTrustPolicies(graph)) {
      const version = policy.version
      if (version !== undefined && (version.kind !== 'known' || version.value !== '2008-10-17')) continue
      if (!policy.hasStatement || (policy.symbolicStatements?.length ?? 0) > 0) continue
      const usesVariable = policy.statements.some((statement) =>
        (statement.condition?.entries ?? []).some((entry) =>
          entry.values.some((value) => value.kind === 'known' && POLICY_VARIABLE.test(value.value)),
        ),
      )
      if (usesVariable) continue
      const versionText =
        version === undefined
          ? 'has no "Version", so the 2008-10-17 policy language applies'
          : `says "Version": "2008-10-17" (${formatLocation(version.location)})`
      yield {
        location: version?.location ?? policy.location,
        message: `${trustTitle(role)} ${versionText}: IRSA works, but IAM would not substitute policy variables such as \${aws:PrincipalTag/team} added to it later, and Access Analyzer reports it; add "Version": "2012-10-17"`,
        key: `role:${role.label} version-missing`,
      }
    }
  },
}
