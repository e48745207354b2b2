import type { Location } from '../../src/model/location.js'
import type { ConditionEntry, PolicyDocument, PrincipalBlock, Statement, ValueList } from '../../src/model/policy.js'
import { known, symbolic, type Value } from '../../src/model/value.js'

/**
 * Builds a PolicyDocument from a plain JS object shaped like IAM policy JSON, for tests. A string
 * containing `${` becomes a symbolic value with that text as its expression (as Terraform
 * templates arrive); every element gets its own line so tests can tell locations apart.
 */
export type PlainValue = string | string[]
export type PlainPrincipal = '*' | string | Record<string, PlainValue>
export interface PlainStatement {
  Sid?: string
  Effect?: string
  Principal?: PlainPrincipal | undefined
  NotPrincipal?: PlainPrincipal
  Action?: PlainValue
  NotAction?: PlainValue
  Resource?: PlainValue
  Condition?: Record<string, Record<string, PlainValue>> | undefined
  [other: string]: unknown
}
export interface PlainPolicy {
  Version?: string
  Statement: PlainStatement | PlainStatement[]
  [other: string]: unknown
}

const STATEMENT_KEYS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]

export function buildPolicy(plain: PlainPolicy, path = 'trust.json'): PolicyDocument {
  let line = 0
  const at = (): Location => ({ path, line: ++line, column: 1 })
  const value = (text: string): Value => {
    const location = at()
    return text.includes('${') ? symbolic(text, location) : known(text, location)
  }
  const values = (plainValue: PlainValue): Value[] => (Array.isArray(plainValue) ? plainValue : [plainValue]).map(value)
  const list = (plainValue: PlainValue): ValueList => ({ location: at(), values: values(plainValue) })
  const principal = (plainPrincipal: PlainPrincipal): PrincipalBlock => {
    const location = at()
    if (typeof plainPrincipal === 'string') return { location, wildcard: value(plainPrincipal), entries: [] }
    return {
      location,
      entries: Object.entries(plainPrincipal).map(([type, ids]) => ({ type, typeLocation: at(), values: values(ids) })),
    }
  }
  const statement = (plainStatement: PlainStatement, index: number): Statement => {
    const result: Statement = { index, location: at(), unknownKeys: [] }
    if (plainStatement.Sid !== undefined) result.sid = value(plainStatement.Sid)
    if (plainStatement.Effect !== undefined) result.effect = value(plainStatement.Effect)
    if (plainStatement.Principal !== undefined) result.principal = principal(plainStatement.Principal)
    if (plainStatement.NotPrincipal !== undefined) result.notPrincipal = principal(plainStatement.NotPrincipal)
    if (plainStatement.Action !== undefined) result.action = list(plainStatement.Action)
    if (plainStatement.NotAction !== undefined) result.notAction = list(plainStatement.NotAction)
    if (plainStatement.Resource !== undefined) result.resource = { key: 'Resource', location: at() }
    if (plainStatement.Condition !== undefined) {
      const entries: ConditionEntry[] = []
      for (const [operator, keys] of Object.entries(plainStatement.Condition)) {
        const operatorLocation = at()
        for (const [key, keyValues] of Object.entries(keys)) {
          const keyValue = value(key)
          entries.push({
            operator,
            operatorLocation,
            key: keyValue,
            keyLocation: keyValue.location,
            values: values(keyValues),
            valuesLocation: at(),
          })
        }
      }
      result.condition = { location: at(), entries }
    }
    for (const key of Object.keys(plainStatement))
      if (!STATEMENT_KEYS.includes(key)) result.unknownKeys.push({ key, location: at() })
    return result
  }

  const document: PolicyDocument = { location: at(), origin: path, hasStatement: true, statements: [], unknownKeys: [] }
  if (plain.Version !== undefined) document.version = value(plain.Version)
  const statements = Array.isArray(plain.Statement) ? plain.Statement : [plain.Statement]
  document.statements = statements.map(statement)
  for (const key of Object.keys(plain))
    if (key !== 'Version' && key !== 'Statement' && key !== 'Id') document.unknownKeys.push({ key, location: at() })
  return document
}
