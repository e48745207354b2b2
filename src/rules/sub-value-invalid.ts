import type { Rule } from './rule.js'
import {
  describeStatement,
  irsaStatements,
  isPositiveStringCondition,
  quotedKey,
  statementKey,
} from './helpers/conditions.js'
import { subjectProblem } from './helpers/subject.js'
import { conditionsOn, parseOperator } from './helpers/trust.js'

export const subValueInvalid: Rule = {
  meta: {
    id: 'sub-value-invalid',
    level: 'error',
    description:
      'A trust-policy ":sub" condition value that no ServiceAccount token can carry (not "system:serviceaccount:<namespace>:<name>" with Kubernetes names).',
    remediation:
      'Write the subject as "system:serviceaccount:<namespace>:<name>", with the namespace and name of the ServiceAccount that uses the role.',
  },
  *check(graph) {
    for (const { role, statement } of irsaStatements(graph.facts.roles)) {
      for (const entry of conditionsOn(statement, 'sub').filter(isPositiveStringCondition)) {
        const ignoreCase = parseOperator(entry.operator).base.endsWith('IgnoreCase')
        for (const value of entry.values) {
          if (value.kind !== 'known') continue
          const found = subjectProblem(value.value, { ignoreCase })
          if (!found) continue
          yield {
            location: value.location,
            message: `${quotedKey(entry.key)} value "${value.value}" in ${describeStatement(statement)} ${found.problem}, so no ServiceAccount token matches; ${found.fix}`,
            key: `${statementKey(role, statement)} sub:${value.value}`,
          }
        }
      }
    }
  },
}
