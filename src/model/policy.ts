import type { Location } from './location.js'
import type { Value } from './value.js'

/**
 * An IAM policy document (here: a role trust policy) as written, element by element, each with
 * the location a finding about it should point at. Nothing is normalised away: a string Action is
 * a one-element list, but casing, unknown keys and duplicates are kept for the grammar rules.
 */
export interface PolicyDocument {
  location: Location
  /** Where the document came from, for messages: "trust-policy.json", "aws_iam_role.app", ... */
  origin: string
  version?: Value
  /** false when `Statement` is missing or is neither an object nor an array. */
  hasStatement: boolean
  statementLocation?: Location
  statements: Statement[]
  /** Length without whitespace outside strings, as IAM counts it against ACLSizePerRole; undefined when not all of it is known. */
  minifiedLength?: number | undefined
  /** Top-level keys other than Version, Id, Statement. */
  unknownKeys: KeyAt[]
  /**
   * Statement elements (or the whole `Statement`) that are references unknown until apply: when
   * present, `statements` may not be everything the policy allows or denies.
   */
  symbolicStatements?: Value[]
}

export interface KeyAt {
  key: string
  location: Location
}

export interface Statement {
  index: number
  location: Location
  sid?: Value
  effect?: Value
  principal?: PrincipalBlock
  notPrincipal?: PrincipalBlock
  action?: ValueList
  notAction?: ValueList
  /** `Resource` / `NotResource`: prohibited in a trust policy. */
  resource?: KeyAt
  condition?: ConditionBlock
  /**
   * A whole `Condition` or an operator block given as a reference: the statement has conditions
   * that `condition.entries` does not show.
   */
  symbolicConditions?: Value[]
  unknownKeys: KeyAt[]
}

export interface ValueList {
  location: Location
  values: Value[]
}

export interface PrincipalBlock {
  location: Location
  /** A string Principal as written: `"*"` (anything else is invalid grammar, or a reference when symbolic). */
  wildcard?: Value
  entries: PrincipalEntry[]
}

export interface PrincipalEntry {
  /** As written: `Federated`, `AWS`, `Service`, `CanonicalUser`, or anything else. */
  type: string
  typeLocation: Location
  values: Value[]
}

export interface ConditionBlock {
  location: Location
  entries: ConditionEntry[]
}

/** One key under one operator: `"StringEquals": { "<issuer>:sub": [...] }`. */
export interface ConditionEntry {
  /** As written, including any `ForAnyValue:` / `ForAllValues:` prefix and `IfExists` suffix. */
  operator: string
  operatorLocation: Location
  /** Set when the operator itself is a reference (Terraform `test = var.condition_test`); `operator` then holds its text and says nothing. */
  operatorReference?: Value
  key: Value
  keyLocation: Location
  values: Value[]
  valuesLocation: Location
}
