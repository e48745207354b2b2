import type { Location } from '../../model/location.js'
import { known, symbolic, type Value } from '../../model/value.js'
import { EvalError } from './errors.js'

/**
 * What an HCL expression evaluates to without running Terraform: a known value, or `unknown`
 * (known only at apply time) carrying a normalised reference expression. Every value keeps the
 * location where it was written, so a finding about it points at the line to change.
 */
export type HclValue = StringValue | NumberValue | BoolValue | NullValue | TupleValue | ObjectValue | UnknownValue

/** Where a string's text starts, and whether its lines are the file's lines (a heredoc, a file read whole). */
export interface TextOrigin {
  location: Location
  lineAligned: boolean
  /** The text is a whole repository file (`file`, `templatefile`). */
  wholeFile?: boolean
}

interface Located {
  location: Location
}

export interface StringValue extends Located {
  kind: 'string'
  value: string
  origin?: TextOrigin
  /** Set when the string is `jsonencode`/`yamlencode` (or a policy document's `json`) of this value. */
  document?: HclValue
}

export interface NumberValue extends Located {
  kind: 'number'
  value: number
}

export interface BoolValue extends Located {
  kind: 'bool'
  value: boolean
}

export interface NullValue extends Located {
  kind: 'null'
}

/** Lists, tuples and sets alike. */
export interface TupleValue extends Located {
  kind: 'tuple'
  items: HclValue[]
}

/** Objects and maps alike; entries keep their order and the locations of their keys. */
export interface ObjectValue extends Located {
  kind: 'object'
  entries: ObjectEntryValue[]
  endLine?: number
  /**
   * A resource, data source or module seen as an object: attributes it does not list are known
   * only at apply time and read as references `<openRef>.<name>`.
   */
  openRef?: string
}

export interface ObjectEntryValue {
  key: string
  keyLocation: Location
  /** A key known only at apply time (`"${module.eks.oidc_provider}:sub" = …`); `key` then holds its expression. */
  keyValue?: UnknownValue
  value: HclValue
}

/**
 * A reference part may carry what is known about the reference's shape (RefHints), so that
 * `replace(url, "https://", "")` or terraform-aws-iam's `replace(arn, "/^(.*provider/)/", "")`
 * on it still give a consistent reference.
 */
export type UnknownPart = { text: string } | ({ ref: string } & RefHints)

export interface UnknownValue extends Located {
  kind: 'unknown'
  /** Text with `${…}` holes; a bare reference is one ref part. */
  parts: UnknownPart[]
  origin?: TextOrigin
  document?: HclValue
}

export interface RefHints {
  /** The reference is an `https://` URL; this is the expression of its host/path. */
  hostPath?: string
  /** The reference is an OIDC provider ARN; this is the expression of its issuer host/path. */
  providerHostPath?: string
  /** The reference is itself an issuer host/path (no scheme). */
  isHostPath?: boolean
  /** The reference reads a `data "tls_certificate"`'s certificates: fetched from this URL when Terraform plans. */
  fetchedCertificate?: FetchedCertificate
}

export interface FetchedCertificate {
  /** `data.tls_certificate.cluster` */
  address: string
  /** The data source block. */
  location: Location
  url: HclValue | undefined
}

export function stringValue(value: string, location: Location, origin?: TextOrigin): StringValue {
  return origin ? { kind: 'string', value, location, origin } : { kind: 'string', value, location }
}

export function numberValue(value: number, location: Location): NumberValue {
  return { kind: 'number', value, location }
}

export function boolValue(value: boolean, location: Location): BoolValue {
  return { kind: 'bool', value, location }
}

export function nullValue(location: Location): NullValue {
  return { kind: 'null', location }
}

export function tupleValue(items: HclValue[], location: Location): TupleValue {
  return { kind: 'tuple', items, location }
}

export function objectValue(entries: ObjectEntryValue[], location: Location): ObjectValue {
  return { kind: 'object', entries, location }
}

export function unknownRef(ref: string, location: Location, hints: RefHints = {}): UnknownValue {
  return { kind: 'unknown', parts: [{ ref, ...hints }], location }
}

/** Text and holes, normalised: adjacent texts merged, empty texts dropped. */
export function unknownTemplate(parts: UnknownPart[], location: Location): UnknownValue {
  const merged: UnknownPart[] = []
  for (const part of parts) {
    const last = merged[merged.length - 1]
    if ('text' in part) {
      if (part.text === '') continue
      if (last && 'text' in last) merged[merged.length - 1] = { text: last.text + part.text }
      else merged.push(part)
    } else {
      merged.push(part)
    }
  }
  return { kind: 'unknown', parts: merged, location }
}

/** The single reference an unknown value is, or undefined for a template. */
export function singleRef(value: UnknownValue): Extract<UnknownPart, { ref: string }> | undefined {
  const only = value.parts.length === 1 ? value.parts[0] : undefined
  return only && 'ref' in only ? only : undefined
}

/** `module.eks.oidc_provider_arn`, or `${module.eks.oidc_provider}:sub` for a template. */
export function expressionOf(value: UnknownValue): string {
  const ref = singleRef(value)
  if (ref) return ref.ref
  return value.parts.map((part) => ('text' in part ? part.text : `\${${part.ref}}`)).join('')
}

export function containsUnknown(value: HclValue, depth = 0): boolean {
  if (depth > 100) return true
  if (value.kind === 'unknown') return true
  if (value.kind === 'tuple') return value.items.some((item) => containsUnknown(item, depth + 1))
  if (value.kind === 'object')
    return value.entries.some((entry) => entry.keyValue !== undefined || containsUnknown(entry.value, depth + 1))
  return false
}

/** Terraform's number-to-string conversion: integers without a decimal point. */
export function numberText(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value)
}

/** A scalar's string form (`tostring`, template interpolation), undefined for null, collections and unknowns. */
export function scalarString(value: HclValue): string | undefined {
  if (value.kind === 'string') return value.value
  if (value.kind === 'number') return numberText(value.value)
  if (value.kind === 'bool') return value.value ? 'true' : 'false'
  return undefined
}

/** An HCL-like rendering for the expression text of unknown results: `replace(var.x, "a", "")`. */
export function printValue(value: HclValue, depth = 0): string {
  if (depth > 20) return '…'
  switch (value.kind) {
    case 'string':
      return JSON.stringify(value.value)
    case 'number':
      return numberText(value.value)
    case 'bool':
      return value.value ? 'true' : 'false'
    case 'null':
      return 'null'
    case 'tuple':
      return `[${value.items.map((item) => printValue(item, depth + 1)).join(', ')}]`
    case 'object':
      return `{${value.entries.map((entry) => `${entry.keyValue ? `(${expressionOf(entry.keyValue)})` : JSON.stringify(entry.key)} = ${printValue(entry.value, depth + 1)}`).join(', ')}}`
    case 'unknown': {
      const ref = singleRef(value)
      if (ref) return ref.ref
      return JSON.stringify(expressionOf(value))
    }
  }
}

/** The value as a fact's Value: known text for scalars, symbolic for unknowns; undefined for null and collections. */
export function toFactValue(value: HclValue | undefined): Value | undefined {
  if (!value) return undefined
  if (value.kind === 'unknown') return symbolic(expressionOf(value), value.location)
  const text = scalarString(value)
  return text === undefined ? undefined : known(text, value.location)
}

/** The last entry with this key (HCL object keys are unique; decoded JSON may repeat one). */
export function objectEntry(value: HclValue | undefined, key: string): ObjectEntryValue | undefined {
  if (value?.kind !== 'object') return undefined
  for (let index = value.entries.length - 1; index >= 0; index--) {
    const entry = value.entries[index]!
    if (entry.key === key && entry.keyValue === undefined) return entry
  }
  return undefined
}

export function objectGet(value: HclValue | undefined, key: string): HclValue | undefined {
  return objectEntry(value, key)?.value
}

/** Key/value pairs of a collection: index and item of a tuple, key and value of an object. */
export function iterate(collection: HclValue): [HclValue, HclValue][] {
  if (collection.kind === 'tuple')
    return collection.items.map((item, index) => [numberValue(index, item.location), item])
  if (collection.kind === 'object')
    return collection.entries.map((entry) => [stringValue(entry.key, entry.keyLocation), entry.value])
  return []
}

export function toNumber(value: HclValue): number {
  if (value.kind === 'number') return value.value
  if (value.kind === 'string' && value.value.trim() !== '' && Number.isFinite(Number(value.value)))
    return Number(value.value)
  throw new EvalError(`not a number: ${printValue(value)}`)
}
