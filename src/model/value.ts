import type { Location } from './location.js'

/**
 * A value read from a source. Infrastructure code holds values that exist only at apply time
 * (`module.eks.oidc_provider_arn`, `${var.account}`): those are `symbolic`, carrying a normalised
 * reference expression. Rules assert only on `known` values; two symbolic values are equal when
 * their expressions are.
 */
export type Value = KnownValue | SymbolicValue

export interface KnownValue {
  kind: 'known'
  value: string
  location: Location
}

export interface SymbolicValue {
  kind: 'symbolic'
  expression: string
  location: Location
}

export function known(value: string, location: Location): KnownValue {
  return { kind: 'known', value, location }
}

export function symbolic(expression: string, location: Location): SymbolicValue {
  return { kind: 'symbolic', expression, location }
}

export function isKnown(value: Value | undefined): value is KnownValue {
  return value?.kind === 'known'
}

export function knownString(value: Value | undefined): string | undefined {
  return value?.kind === 'known' ? value.value : undefined
}

/** Same value: equal literals, or the same reference expression. Unknown against known is not equal. */
export function sameValue(a: Value, b: Value): boolean {
  if (a.kind === 'known' && b.kind === 'known') return a.value === b.value
  if (a.kind === 'symbolic' && b.kind === 'symbolic') return a.expression === b.expression
  return false
}

/** A value as a reader sees it: literal text, or `${expression}` for a symbolic one. */
export function valueText(value: Value): string {
  return value.kind === 'known' ? value.value : `\${${value.expression}}`
}

/** The text a value holds: the literal, or a symbolic value's bare expression. */
export function valueOrExpression(value: Value): string {
  return value.kind === 'known' ? value.value : value.expression
}

export function describeValue(value: Value): string {
  return value.kind === 'known' ? `"${value.value}"` : `\${${value.expression}}`
}
