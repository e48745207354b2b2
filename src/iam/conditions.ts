import type { Location } from '../model/location.js'
import type { ConditionEntry } from '../model/policy.js'
import type { Value } from '../model/value.js'
import { compareValue } from './compare.js'
import { parseOperator, type ConditionOperator } from './operators.js'
import { lookupKey, type PolicyRequest } from './request.js'
import { describeTemplate, knownText, templateOf, templateText, type RequestValue, type Template } from './template.js'
import { and, not, or, type Tri } from './tri.js'

/** A condition (one key under one operator) that does not hold, or may not. */
export interface ConditionMismatch {
  element: 'Condition'
  result: false | 'unknown'
  /** The condition's values: the line to change. */
  location: Location
  message: string
  entry: ConditionEntry
  operator: string
  key: Value
  policyValues: Value[]
  /** The request's values for the key; undefined when it has no such key (or may not have). */
  requestValues?: RequestValue[]
}

export interface ConditionResult {
  result: Tri
  mismatch?: ConditionMismatch
}

/**
 * One condition entry against the request. Values of the key are ORed; a key absent from the
 * request fails positive operators and satisfies negated ones, `…IfExists` and `ForAllValues`.
 * A multivalued request key without a set operator is treated as `ForAnyValue` (negated
 * operators: no request value matches any policy value).
 */
export function evaluateCondition(entry: ConditionEntry, request: PolicyRequest): ConditionResult {
  const operator = parseOperator(entry.operator)
  const key = templateOf(entry.key)
  const policyValues = entry.values.map(templateOf)
  const describe = new Describer(entry, operator, key, policyValues, request.subject ?? 'the request')
  if (entry.operatorReference)
    return describe.result('unknown', 'cannot be decided: the operator is known only at apply time')
  if (!operator) return describe.result('unknown', `cannot be evaluated: IAM has no such condition operator`)

  const lookup = lookupKey(request, key)
  if (lookup.state === 'unknown')
    return describe.result('unknown', `cannot be decided: whether ${describe.subject} has this key is not known`)
  if (operator.family === 'Null') return evaluateNull(policyValues, lookup.state === 'present', describe)
  if (lookup.state === 'absent') return describe.absent(whenAbsent(operator))

  const matchesOne = (value: Template): Tri =>
    or(policyValues.map((policyValue) => compareValue(operator, policyValue, value)))
  const holds = (value: Template): Tri => (operator.negated ? not(matchesOne(value)) : matchesOne(value))
  let result: Tri
  if (operator.set === 'ForAllValues') result = and(lookup.values.map(holds))
  else if (operator.set === 'ForAnyValue') result = or(lookup.values.map(holds))
  else result = operator.negated ? not(or(lookup.values.map(matchesOne))) : or(lookup.values.map(matchesOne))
  return describe.present(result, lookup.values, lookup.written)
}

function whenAbsent(operator: ConditionOperator): boolean {
  if (operator.ifExists || operator.set === 'ForAllValues') return true
  if (operator.set === 'ForAnyValue') return false
  return operator.negated
}

/** `Null: "true"` holds when the key is absent, `"false"` when it is present. */
function evaluateNull(policyValues: Template[], present: boolean, describe: Describer): ConditionResult {
  const result = or(
    policyValues.map((value) => {
      const expected = knownText(value)?.toLowerCase()
      return expected === 'true' ? !present : expected === 'false' ? present : 'unknown'
    }),
  )
  if (result === true) return { result }
  const expectation = policyValues.every((value) => knownText(value)?.toLowerCase() === 'true') ? 'absent' : 'present'
  const actual = present ? 'has it' : 'has no such key'
  return describe.result(result, `expects the key to be ${expectation} but ${describe.subject} ${actual}`)
}

class Describer {
  constructor(
    private readonly entry: ConditionEntry,
    private readonly operator: ConditionOperator | undefined,
    private readonly key: Template,
    private readonly policyValues: Template[],
    readonly subject: string,
  ) {}

  absent(result: boolean): ConditionResult {
    if (result) return { result }
    return this.result(false, `${this.expectation()} but ${this.subject} has no such key`)
  }

  present(result: Tri, values: Template[], written: RequestValue[]): ConditionResult {
    if (result === true) return { result }
    const actual = `${this.subject} has ${values.map(describeTemplate).join(', ')}`
    const text =
      result === false
        ? `${this.expectation()} but ${actual}`
        : `${this.expectation()} and ${actual}: not decidable before apply`
    return this.result(result, text, written)
  }

  result(result: Tri, detail: string, requestValues?: RequestValue[]): ConditionResult {
    if (result === true) return { result }
    const entry = this.entry
    const mismatch: ConditionMismatch = {
      element: 'Condition',
      result,
      location: entry.valuesLocation,
      message: `${entry.operator} on ${templateText(this.key)} ${detail}`,
      entry,
      operator: entry.operator,
      key: entry.key,
      policyValues: entry.values,
      ...(requestValues ? { requestValues } : {}),
    }
    return { result, mismatch }
  }

  private expectation(): string {
    const values = this.policyValues.map(describeTemplate)
    const list = values.length === 1 ? values.join('') : `one of ${values.join(', ') || '(no values)'}`
    if (this.operator?.negated) return `excludes ${values.join(', ')}`
    return `expects ${this.operator?.set === 'ForAllValues' ? 'only ' : ''}${list}`
  }
}
