import type { ConditionEntry, Statement } from '../model/policy.js'
import type { Rule } from './rule.js'
import {
  allowedIrsaStatements,
  describeStatement,
  positiveConditionsOn,
  quotedKey,
  sameConditionKey,
  statementKey,
} from './helpers/conditions.js'
import { claimOf, parseOperator, type ParsedOperator } from './helpers/trust.js'
import { valueOrExpression } from '../model/value.js'

export const conditionFailsOpen: Rule = {
  meta: {
    id: 'condition-fails-open',
    level: 'error',
    security: true,
    description:
      'A negated operator, "…IfExists" or "ForAllValues:" on a ":sub" or ":aud" key of an Allow statement: true when the key is absent, so the condition restricts nothing.',
    remediation:
      'Allow the intended ServiceAccounts with a positive StringEquals (or StringLike) condition on the ":sub" and ":aud" keys.',
  },
  *check(graph) {
    for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
      for (const entry of statement.condition?.entries ?? []) {
        const claim = claimOf(entry.key)
        if (claim !== 'sub' && claim !== 'aud') continue
        const operator = parseOperator(entry.operator)
        const why = failsOpenBecause(operator)
        if (!why || requiredElsewhere(statement, entry)) continue
        yield {
          location: entry.operatorLocation,
          message: `${entry.operator} on ${quotedKey(entry.key)} in ${describeStatement(statement)} ${why}, so it lets in tokens no one meant to admit; ${fix(operator, claim)}`,
          key: `${statementKey(role, statement)} ${entry.operator} ${valueOrExpression(entry.key)}`,
        }
      }
    }
  },
}

function failsOpenBecause(operator: ParsedOperator): string | undefined {
  if (operator.negated)
    return 'is true for every value it does not list, and whenever the key is absent (a key of another provider, a typo)'
  if (operator.ifExists) return 'is true whenever the key is absent (a key of another provider, a typo)'
  if (operator.setPrefix === 'ForAllValues') return 'is true whenever the key is absent or empty'
  return undefined
}

function fix(operator: ParsedOperator, claim: 'sub' | 'aud'): string {
  const wanted =
    claim === 'sub'
      ? 'the ServiceAccounts that may assume the role ("system:serviceaccount:<namespace>:<name>")'
      : 'the audience ("sts.amazonaws.com", or the ServiceAccount\'s eks.amazonaws.com/audience)'
  if (operator.negated) return `name ${wanted} under StringEquals instead`
  return `write ${operator.base} without ${operator.setPrefix === 'ForAllValues' ? '"ForAllValues:"' : '"IfExists"'}, naming ${wanted}`
}

/** A positive condition on the same key in the statement already requires the key, so this one cannot open the door. */
function requiredElsewhere(statement: Statement, entry: ConditionEntry): boolean {
  return positiveConditionsOn(statement, claimOf(entry.key)).some(
    (other) => other !== entry && sameConditionKey(other.key, entry.key) && !parseOperator(other.operator).ifExists,
  )
}
