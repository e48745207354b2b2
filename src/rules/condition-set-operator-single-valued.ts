import type { Rule } from './rule.js'
import { allowedIrsaStatements, describeStatement, quotedKey, statementKey } from './helpers/conditions.js'
import { claimOf, parseOperator } from './helpers/trust.js'
import { valueOrExpression } from '../model/value.js'

/**
 * IAM (reference_policies_condition-single-vs-multi-valued-context-keys.html): set operators
 * compare sets and are meant for multivalued keys; a web-identity token's `sub` and `aud` are
 * single-valued. `ForAnyValue:` with a positive operator is true when the one request value
 * matches one of the listed values (the same as without the prefix) and false when the key is
 * absent. Negated, IfExists and ForAllValues forms open the condition: condition-fails-open.
 */
export const conditionSetOperatorSingleValued: Rule = {
  meta: {
    id: 'condition-set-operator-single-valued',
    level: 'warning',
    description:
      'A "ForAnyValue:" set operator on the single-valued ":sub" or ":aud" key of a trust statement: it works like the plain operator today, but IAM meant set operators for multivalued keys and the next edit (a negation, ForAllValues) turns it into a condition that fails open.',
    remediation:
      'Write the operator without "ForAnyValue:" (StringEquals or StringLike on the ":sub" and ":aud" keys).',
  },
  *check(graph) {
    for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
      for (const entry of statement.condition?.entries ?? []) {
        const claim = claimOf(entry.key)
        if (claim !== 'sub' && claim !== 'aud') continue
        const operator = parseOperator(entry.operator)
        if (operator.setPrefix !== 'ForAnyValue' || operator.negated || operator.ifExists) continue
        yield {
          location: entry.operatorLocation,
          message: `${entry.operator} on ${quotedKey(entry.key)} in ${describeStatement(statement)} applies a set operator to a single-valued key: the token has one ":${claim}" value, so it acts as ${operator.base} does (true when that value matches one of the listed ones), but set operators are meant for multivalued keys, and changed to ForAllValues or a negated operator it would let in tokens without the key; write ${operator.base} without "ForAnyValue:"`,
          key: `${statementKey(role, statement)} ${entry.operator} ${valueOrExpression(entry.key)}`,
        }
      }
    }
  },
}
