import type { Rule } from './rule.js'

/**
 * Findings of this id come from the Terraform source, which sees how a module call is written
 * (aws-ia/eks-blueprints-addon: the release name's expression and the trusted `service_account`'s);
 * the rule exists for its metadata (level, docs, SARIF) and so that it can be configured.
 */
export const helmServiceAccountNameUnpinned: Rule = {
  meta: {
    id: 'helm-service-account-name-unpinned',
    level: 'warning',
    description:
      'A role trusts the ServiceAccount a Helm chart names after its release, the release name comes from an input set apart from the trusted name, and serviceAccount.name is not set: the chain holds only while the two inputs agree.',
    remediation:
      "Set the chart's serviceAccount.name to the name the trust allows (or derive the trusted name from the release name).",
  },
  *check() {},
}
