import type { Rule } from './rule.js'

/**
 * Findings of this id come from the Terraform source (sources/terraform/undeclared-references.ts),
 * which sees which resources a module declares; the rule exists for its metadata and configuration.
 */
export const terraformReferenceUndeclared: Rule = {
  meta: {
    id: 'terraform-reference-undeclared',
    level: 'error',
    description:
      'A ServiceAccount annotation or a trust policy in Terraform refers to a resource the module does not declare (`iam_role.app.arn` for `aws_iam_role.app`), so terraform plan fails and nothing of the chain is applied.',
    remediation: 'Write the reference with the declared resource type and name (or declare the resource).',
  },
  *check() {},
}
