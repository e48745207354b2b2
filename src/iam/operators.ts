/** IAM condition operator names: `[ForAnyValue:|ForAllValues:]<base>[IfExists]`, case-sensitive. */

export type OperatorFamily = 'String' | 'Arn' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Null'

export type Comparison = 'equals' | 'like' | 'lessThan' | 'lessThanEquals' | 'greaterThan' | 'greaterThanEquals'

export interface ConditionOperator {
  written: string
  /** The operator without set prefix and `IfExists`: `StringNotLike`. */
  base: string
  family: OperatorFamily
  comparison: Comparison
  /** True when the key is absent, and true when no policy value matches (StringNotEquals, ArnNotLike, …). */
  negated: boolean
  ignoreCase: boolean
  ifExists: boolean
  set?: 'ForAnyValue' | 'ForAllValues'
}

type Base = Pick<ConditionOperator, 'family' | 'comparison' | 'negated' | 'ignoreCase'>

function base(family: OperatorFamily, comparison: Comparison, negated = false, ignoreCase = false): Base {
  return { family, comparison, negated, ignoreCase }
}

const BASES: Record<string, Base> = {
  StringEquals: base('String', 'equals'),
  StringNotEquals: base('String', 'equals', true),
  StringEqualsIgnoreCase: base('String', 'equals', false, true),
  StringNotEqualsIgnoreCase: base('String', 'equals', true, true),
  StringLike: base('String', 'like'),
  StringNotLike: base('String', 'like', true),
  NumericEquals: base('Numeric', 'equals'),
  NumericNotEquals: base('Numeric', 'equals', true),
  NumericLessThan: base('Numeric', 'lessThan'),
  NumericLessThanEquals: base('Numeric', 'lessThanEquals'),
  NumericGreaterThan: base('Numeric', 'greaterThan'),
  NumericGreaterThanEquals: base('Numeric', 'greaterThanEquals'),
  DateEquals: base('Date', 'equals'),
  DateNotEquals: base('Date', 'equals', true),
  DateLessThan: base('Date', 'lessThan'),
  DateLessThanEquals: base('Date', 'lessThanEquals'),
  DateGreaterThan: base('Date', 'greaterThan'),
  DateGreaterThanEquals: base('Date', 'greaterThanEquals'),
  Bool: base('Bool', 'equals'),
  BinaryEquals: base('Binary', 'equals'),
  IpAddress: base('IpAddress', 'equals'),
  NotIpAddress: base('IpAddress', 'equals', true),
  ArnEquals: base('Arn', 'like'),
  ArnLike: base('Arn', 'like'),
  ArnNotEquals: base('Arn', 'like', true),
  ArnNotLike: base('Arn', 'like', true),
  Null: base('Null', 'equals'),
}

export const CONDITION_OPERATORS: readonly string[] = Object.keys(BASES)

const OPERATOR = /^(?:(ForAnyValue|ForAllValues):)?([A-Za-z]+?)(IfExists)?$/

/** The operator's meaning, or undefined when IAM would reject the name (unknown, mis-cased, `NullIfExists`). */
export function parseOperator(written: string): ConditionOperator | undefined {
  const match = OPERATOR.exec(written)
  if (!match) return undefined
  const [, set, name = '', ifExists] = match
  const meaning = Object.hasOwn(BASES, name) ? BASES[name] : undefined
  if (!meaning || (ifExists && name === 'Null')) return undefined
  return {
    written,
    base: name,
    ...meaning,
    ifExists: ifExists !== undefined,
    ...(set ? { set: set as NonNullable<ConditionOperator['set']> } : {}),
  }
}
