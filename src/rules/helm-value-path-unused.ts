import type { Rule } from './rule.js'

/**
 * Findings of this id come from the sources that read Helm releases (Terraform `helm_release` and
 * modules that wrap one, shell `helm install`), which see each value's path; the rule exists for
 * its metadata (level, docs, SARIF) and so that it can be configured.
 */
export const helmValuePathUnused: Rule = {
  meta: {
    id: 'helm-value-path-unused',
    level: 'warning',
    description:
      'A Helm release sets a ServiceAccount name or role-arn annotation at a values path the chart does not read (a modelled chart that reads its ServiceAccount settings elsewhere; an error for a chart in the repository whose templates never read the key): the value has no effect.',
    remediation:
      'Set the value under the path the chart reads (cluster-autoscaler: rbac.serviceAccount.…; velero: serviceAccount.server.…; argo-cd: controller.serviceAccount.…, server.serviceAccount.… and so on).',
  },
  *check() {},
}
