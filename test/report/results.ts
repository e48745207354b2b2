import type { CheckResult } from '../../src/check.js'
import { Graph } from '../../src/graph.js'
import { emptyFacts } from '../../src/model/facts.js'
import type { Finding } from '../../src/model/finding.js'
import type { RuleMeta } from '../../src/rules/rule.js'

export const trustDenies: RuleMeta = {
  id: 'trust-denies-service-account',
  level: 'error',
  description: "A ServiceAccount's token would be refused by the trust policy of the role it names.",
  remediation: 'Make the trust policy sub condition name the ServiceAccount, or annotate the right role.',
}

export const subConditionBroad: RuleMeta = {
  id: 'sub-condition-broad',
  level: 'warning',
  security: true,
  description: 'A StringLike sub condition admits any namespace or any ServiceAccount of a namespace.',
  remediation: 'Name the exact ServiceAccount in the sub condition.',
}

export const denied: Finding = {
  ruleId: 'trust-denies-service-account',
  level: 'error',
  message: 'ServiceAccount payments/api (k8s/api.yaml:7) would be refused by role payments-api',
  location: { path: 'iam/payments-api-trust.json', line: 12, column: 90 },
  related: [
    {
      location: { path: 'k8s/api.yaml', line: 7, column: 33 },
      message: 'ServiceAccount payments/api names the role here',
    },
  ],
  fingerprint: '0123456789abcdef0123456789abcdef',
}

export const broad: Finding = {
  ruleId: 'sub-condition-broad',
  level: 'warning',
  message: 'StringLike sub "system:serviceaccount:*:api" admits a ServiceAccount named api in any namespace',
  location: { path: 'infra/my roles/ops.json', line: 3, column: 5 },
  related: [],
  fingerprint: 'fedcba9876543210fedcba9876543210',
}

export const parseProblem: Finding = {
  ruleId: 'parse-error',
  level: 'note',
  message: 'k8s/broken.yaml cannot be parsed: unexpected end of flow sequence',
  location: { path: 'k8s/broken.yaml', line: 4, column: 1 },
  related: [],
  fingerprint: '00000000000000000000000000000000',
}

/** A CheckResult built by hand, for the pure reporters. */
export function resultOf(findings: Finding[], rules: RuleMeta[] = [trustDenies, subConditionBroad]): CheckResult {
  return {
    findings,
    rules,
    graph: new Graph(emptyFacts()),
    scan: { relevantFiles: 3, filesSeen: 5, include: ['**/*'] },
    coverage: { verified: 0, total: 0, unresolved: [] },
  }
}
