import type { Rule } from './rule.js'
import { irsaTrustPolicies } from './helpers/irsa-scope.js'
import { describeStatement } from './helpers/conditions.js'
import { trustTitle } from './helpers/correlation.js'
import { formatLocation } from '../model/location.js'

/**
 * An IAM policy variable as IAM writes it (IAM User Guide, reference_policies_variables.html):
 * `${<key>}` for a condition key (`${aws:username}`, `${aws:PrincipalTag/team}`,
 * `${oidc.eks.<region>.amazonaws.com/id/<ID>:sub}`), optionally with a default
 * (`${aws:username, 'none'}`), and the escapes `${*}`, `${?}`, `${$}`. Terraform and
 * CloudFormation interpolation is gone from known values by now (`$${…}` and `${!…}` are what
 * leave this text behind), so what is left is IAM's.
 */
export const POLICY_VARIABLE = /\$\{(?:[A-Za-z0-9.\-/]+:[A-Za-z0-9_.\-/:]+(?:\s*,\s*'[^']*')?|[*?$])\}/

/**
 * IAM: "Policy variables … must use Version 2012-10-17 … Earlier versions of the policy language
 * don't support policy variables"; with no Version or 2008-10-17 the text `${…}` is compared literally.
 */
export const policyVariableWithoutVersion: Rule = {
  meta: {
    id: 'policy-variable-without-version',
    level: 'warning',
    description:
      'A trust policy without "Version": "2012-10-17" (none, or 2008-10-17) whose conditions use an IAM policy variable such as ${aws:PrincipalTag/team}: IAM then compares the variable as literal text.',
    remediation: 'Add "Version": "2012-10-17" to the trust policy.',
  },
  *check(graph) {
    for (const { role, policy } of irsaTrustPolicies(graph)) {
      const version = policy.version
      if (version !== undefined && (version.kind !== 'known' || version.value !== '2008-10-17')) continue
      const used = policy.statements.flatMap((statement) =>
        (statement.condition?.entries ?? []).flatMap((entry) =>
          entry.values.flatMap((value) => {
            const variable = value.kind === 'known' ? POLICY_VARIABLE.exec(value.value)?.[0] : undefined
            return variable !== undefined ? [{ statement, entry, value, variable }] : []
          }),
        ),
      )
      const [first] = used
      if (!first) continue
      const versionText =
        version === undefined
          ? 'has no "Version"'
          : `says "Version": "2008-10-17" (${formatLocation(version.location)})`
      yield {
        location: first.value.location,
        message: `${trustTitle(role)} ${versionText}, and ${first.entry.operator} in ${describeStatement(first.statement)} uses the policy variable "${first.variable}": without policy language 2012-10-17 IAM does not substitute variables and compares the text "${first.variable}" literally; add "Version": "2012-10-17"`,
        key: `role:${role.label} version-variables`,
      }
    }
  },
}
