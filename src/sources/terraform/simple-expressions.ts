import type { Location } from '../../model/location.js'
import type { Expr, ObjectItem, Step } from './ast.js'
import { unescapeQuoted } from './hcl-strings.js'

/*
 * A tree without errors follows the grammar exactly, and trailing comments are never inside a
 * node: the tree reader reads such nodes from their source text where it has a simple shape
 * (on one line, without comments), with the scanners and readers below, which return undefined
 * otherwise. They yield the same AST as reading the children, with far fewer calls into the
 * parser's WebAssembly.
 */

/** Maps a text index to its location (the tree reader). */
interface Locator {
  location(index: number): Location
  /** An escape at this index of the text is not a character. */
  invalidEscape(index: number): void
}

/** The grammar's numeric literal, alone. */
const NUMBER = /^(?:[0-9]+(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?)?|0x[0-9a-zA-Z]+)$/
/** ASCII identifiers joined by dots, alone. */
const PATH = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*$/
const ASCII_IDENTIFIER = /[A-Za-z_][A-Za-z0-9_-]*/y

/**
 * The end of the ASCII identifier at `start`, or -1 when there is none or the grammar's
 * identifier may go on (a non-ASCII letter, `::`).
 */
export function identifierEnd(text: string, start: number): number {
  ASCII_IDENTIFIER.lastIndex = start
  if (!ASCII_IDENTIFIER.test(text)) return -1
  const end = ASCII_IDENTIFIER.lastIndex
  const next = text.charCodeAt(end)
  return next >= 128 || (next === 58 && text.charCodeAt(end + 1) === 58) ? -1 : end
}

/** The end of the quoted string at `start` (after its closing quote), or -1 when it has a template sequence or does not end before `limit`. */
export function quotedStringEnd(text: string, start: number, limit: number): number {
  for (let index = start + 1; index < limit; index++) {
    const code = text.charCodeAt(index)
    if (code === 92) index++
    else if (code === 34) return index + 1
    else if ((code === 36 || code === 37) && text.charCodeAt(index + 1) === 123) return -1
  }
  return -1
}

/** Skips spaces and tabs. */
export function skipBlanks(text: string, index: number): number {
  while (text.charCodeAt(index) === 32 || text.charCodeAt(index) === 9) index++
  return index
}

/** `key = value` or `key: value`, both simple. */
export function simpleObjectItem(text: string, start: number, end: number, locator: Locator): ObjectItem | undefined {
  const keyEnd = text.charCodeAt(start) === 34 ? quotedStringEnd(text, start, end) : identifierEnd(text, start)
  if (keyEnd < 0) return undefined
  const separator = skipBlanks(text, keyEnd)
  const separatorCode = text.charCodeAt(separator)
  if (separatorCode !== 61 && separatorCode !== 58) return undefined
  const value = simpleExpression(text, skipBlanks(text, separator + 1), end, locator)
  const key = value && simpleExpression(text, start, keyEnd, locator)
  if (!value || !key) return undefined
  const item: ObjectItem = { key, keyLocation: locator.location(start), value }
  if (key.kind === 'variable') item.keyName = key.name
  return item
}

/** A string without templates, a number, true, false, null, or a variable with attribute steps. */
export function simpleExpression(text: string, start: number, end: number, locator: Locator): Expr | undefined {
  const first = text.charCodeAt(start)
  if (first === 34) {
    if (quotedStringEnd(text, start, end) !== end) return undefined
    const raw = text.slice(start + 1, end - 1)
    return {
      kind: 'literal',
      value: unescapeQuoted(raw, (at) => locator.invalidEscape(start + 1 + at)),
      location: locator.location(start),
      textLocation: locator.location(start + 1),
      lineAligned: !raw.includes('\\n'),
    }
  }
  const source = text.slice(start, end)
  if (first >= 48 && first <= 57) {
    if (!NUMBER.test(source)) return undefined
    return {
      kind: 'literal',
      value: source.startsWith('0x') ? Number.parseInt(source.slice(2), 16) : Number(source),
      location: locator.location(start),
    }
  }
  if (!PATH.test(source)) return undefined
  const names = source.split('.')
  const head = names[0]!
  if (head === 'true' || head === 'false' || head === 'null') {
    if (names.length > 1) return undefined
    return { kind: 'literal', value: head === 'null' ? null : head === 'true', location: locator.location(start) }
  }
  const variable: Expr = { kind: 'variable', name: head, location: locator.location(start) }
  if (names.length === 1) return variable
  const steps: Step[] = []
  for (let index = 1; index < names.length; index++) steps.push({ kind: 'attr', name: names[index]! })
  return { kind: 'access', target: variable, steps, location: locator.location(start) }
}
