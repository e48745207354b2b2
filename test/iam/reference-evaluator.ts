import type { PlainPolicy, PlainPrincipal, PlainStatement, PlainValue } from './build-policy.js'

/**
 * A small, literal IAM trust-policy evaluator for known values only, to hold the real one to.
 * No automata, no templates: brute-force recursive globbing and a direct reading of the rules in
 * the IAM documentation (with the evaluator's documented choices for corner cases).
 */
export interface PlainRequest {
  action: string
  principal: { type: string; id: string }
  /** Key → values; an empty list is an absent key. Key names are matched case-insensitively. */
  context: Record<string, string[]>
}

export function referenceDecision(policy: PlainPolicy, request: PlainRequest): 'allow' | 'deny' {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement]
  const applying = statements.filter((statement) => applies(statement, request))
  if (applying.some((statement) => statement.Effect === 'Deny')) return 'deny'
  if (applying.some((statement) => statement.Effect === 'Allow')) return 'allow'
  return 'deny'
}

/** `*` any string, `?` one character, everything else itself. */
export function globMatch(pattern: string, value: string): boolean {
  if (pattern === '') return value === ''
  const [first, rest] = [pattern[0], pattern.slice(1)]
  if (first === '*') return globMatch(rest, value) || (value !== '' && globMatch(pattern, value.slice(1)))
  if (value === '') return false
  return (first === '?' || first === value[0]) && globMatch(rest, value.slice(1))
}

function list(value: PlainValue): string[] {
  return Array.isArray(value) ? value : [value]
}

function applies(statement: PlainStatement, request: PlainRequest): boolean {
  const principalOk =
    statement.Principal !== undefined
      ? names(statement.Principal, request.principal)
      : !names(statement.NotPrincipal!, request.principal)
  const actionOk =
    statement.Action !== undefined
      ? list(statement.Action).some((action) => globMatch(action.toLowerCase(), request.action.toLowerCase()))
      : !list(statement.NotAction!).some((action) => globMatch(action.toLowerCase(), request.action.toLowerCase()))
  const conditionOk = Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, values]) => conditionHolds(operator, key, list(values), request)),
  )
  return principalOk && actionOk && conditionOk
}

function names(principal: PlainPrincipal, requestPrincipal: PlainRequest['principal']): boolean {
  if (principal === '*') return true
  if (typeof principal === 'string') return false
  for (const [type, ids] of Object.entries(principal)) {
    for (const id of list(ids)) {
      if (type === 'AWS' && id === '*') return true
      if (type !== requestPrincipal.type) continue
      if (id === requestPrincipal.id) return true
      if (type === 'AWS' && awsAccountOf(requestPrincipal.id) !== undefined) {
        const account = awsAccountOf(requestPrincipal.id)!
        if (id === account.id || id === `arn:${account.partition}:iam::${account.id}:root`) return true
      }
    }
  }
  return false
}

function awsAccountOf(arn: string): { partition: string; id: string } | undefined {
  const parts = arn.split(':')
  if (
    parts.length < 6 ||
    parts[0] !== 'arn' ||
    (parts[2] !== 'iam' && parts[2] !== 'sts') ||
    !/^\d{12}$/.test(parts[4]!)
  )
    return undefined
  return { partition: parts[1]!, id: parts[4]! }
}

function conditionHolds(operator: string, key: string, policyValues: string[], request: PlainRequest): boolean {
  let name = operator
  let set: 'any' | 'all' | undefined
  if (name.startsWith('ForAnyValue:')) [set, name] = ['any', name.slice('ForAnyValue:'.length)]
  if (name.startsWith('ForAllValues:')) [set, name] = ['all', name.slice('ForAllValues:'.length)]
  const ifExists = name.endsWith('IfExists')
  if (ifExists) name = name.slice(0, -'IfExists'.length)

  const requestValues =
    Object.entries(request.context).find(([contextKey]) => contextKey.toLowerCase() === key.toLowerCase())?.[1] ?? []
  const present = requestValues.length > 0
  if (name === 'Null')
    return policyValues.some((value) =>
      value.toLowerCase() === 'true' ? !present : value.toLowerCase() === 'false' && present,
    )

  const negated = name.includes('Not')
  const positiveName = name.replace('Not', '')
  if (!present) {
    if (ifExists || set === 'all') return true
    if (set === 'any') return false
    return negated
  }
  const matchesOne = (requestValue: string) =>
    policyValues.some((policyValue) => matches(positiveName, policyValue, requestValue))
  if (set === 'all') return requestValues.every((value) => (negated ? !matchesOne(value) : matchesOne(value)))
  if (set === 'any') return requestValues.some((value) => (negated ? !matchesOne(value) : matchesOne(value)))
  const anyMatch = requestValues.some(matchesOne)
  return negated ? !anyMatch : anyMatch
}

function matches(operator: string, policyValue: string, requestValue: string): boolean {
  switch (operator) {
    case 'StringEquals':
      return policyValue === requestValue
    case 'StringEqualsIgnoreCase':
      return policyValue.toLowerCase() === requestValue.toLowerCase()
    case 'StringLike':
      return globMatch(policyValue, requestValue)
    case 'Bool':
      return policyValue.toLowerCase() === requestValue.toLowerCase()
    case 'NumericEquals':
      return Number(requestValue) === Number(policyValue)
    case 'NumericLessThan':
      return Number(requestValue) < Number(policyValue)
    case 'NumericGreaterThanEquals':
      return Number(requestValue) >= Number(policyValue)
    case 'ArnLike':
    case 'ArnEquals': {
      const policyParts = policyValue.split(':')
      const requestParts = requestValue.split(':')
      if (policyParts.length < 6 || requestParts.length < 6) return false
      const six = (parts: string[]) => [...parts.slice(0, 5), parts.slice(5).join(':')]
      const requestSix = six(requestParts)
      return six(policyParts).every((part, index) => globMatch(part, requestSix[index]!))
    }
    default:
      throw new Error(`the reference evaluator does not know ${operator}`)
  }
}
