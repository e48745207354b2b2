import { editDistance } from './kubernetes.js'

/**
 * The IAM JSON policy grammar as far as a role trust policy uses it (IAM User Guide: "Grammar of
 * the IAM JSON policy language", "Condition operators", "Version").
 */

export const POLICY_VERSIONS: readonly string[] = ['2012-10-17', '2008-10-17']
export const DOCUMENT_KEYS: readonly string[] = ['Version', 'Id', 'Statement']
/** `Resource` / `NotResource` belong to the grammar but are prohibited in trust policies. */
export const TRUST_STATEMENT_KEYS: readonly string[] = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Condition',
]
export const PRINCIPAL_TYPES: readonly string[] = ['AWS', 'Federated', 'Service', 'CanonicalUser']
export const EFFECTS: readonly string[] = ['Allow', 'Deny']

const BASE_OPERATORS: readonly string[] = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
]

/** Every operator name IAM accepts: a base operator, optionally `ForAnyValue:`/`ForAllValues:` and `IfExists` (not on `Null`). */
export const CONDITION_OPERATORS: ReadonlySet<string> = new Set(
  ['', 'ForAnyValue:', 'ForAllValues:'].flatMap((prefix) =>
    BASE_OPERATORS.flatMap((base) => (base === 'Null' ? [prefix + base] : [prefix + base, `${prefix}${base}IfExists`])),
  ),
)

export function isConditionOperator(operator: string): boolean {
  return CONDITION_OPERATORS.has(operator)
}

/**
 * The name among `candidates` that `written` most likely meant: the same letters in another case,
 * else the closest within two edits (ignoring case). undefined when nothing is close.
 */
export function nearestName(written: string, candidates: Iterable<string>): string | undefined {
  const lower = written.toLowerCase()
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate
    const distance = editDistance(lower, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

export function quotedList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ')
}

/** `statement 1 (Sid "A")` → `Statement 1 (Sid "A")`, to start a message. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
