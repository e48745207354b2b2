import { stringify } from 'yaml'
import type { Location } from '../../model/location.js'
import type { ObjectEntry, TreeNode } from '../../model/tree.js'
import { known, symbolic } from '../../model/value.js'
import { parseJsonTree } from '../shared/json-tree.js'
import { parseYamlTree } from '../shared/yaml-tree.js'
import { EvalError } from './errors.js'
import {
  boolValue,
  containsUnknown,
  expressionOf,
  nullValue,
  numberText,
  numberValue,
  objectValue,
  printValue,
  stringValue,
  tupleValue,
  unknownRef,
  type HclValue,
  type ObjectEntryValue,
  type StringValue,
  type UnknownPart,
  type UnknownValue,
} from './values.js'

/*
 * Documents written in HCL (`jsonencode({...})`, `yamlencode`, a policy document data source) or
 * as text (a heredoc, a file, a string with `${}` holes) become located trees for the
 * format-independent readers (policy documents, Kubernetes objects).
 */

/** `jsonencode(value)`: the string, remembering the value it encodes; unknown when any part is. */
export function encodeJson(value: HclValue, location: Location): HclValue {
  if (containsUnknown(value)) return { ...unknownRef(`jsonencode(${printValue(value)})`, location), document: value }
  return { kind: 'string', value: JSON.stringify(toPlain(value)), location, document: value }
}

export function encodeYaml(value: HclValue, location: Location): HclValue {
  if (containsUnknown(value)) return { ...unknownRef(`yamlencode(${printValue(value)})`, location), document: value }
  return { kind: 'string', value: stringify(toPlain(value)), location, document: value }
}

/** Terraform's JSON encoding: object keys sorted. */
function toPlain(value: HclValue): unknown {
  switch (value.kind) {
    case 'string':
    case 'bool':
      return value.value
    case 'number':
      return value.value
    case 'null':
      return null
    case 'tuple':
      return value.items.map(toPlain)
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const entry of [...value.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)))
        out[entry.key] = toPlain(entry.value)
      return out
    }
    case 'unknown':
      return expressionOf(value)
  }
}

export function decodeJson(value: StringValue): HclValue {
  return decodeText(value, 'json')
}

/** The value a JSON or YAML text holds (`jsondecode`, `yamldecode`); holes in the text stay references. */
export function decodeText(value: StringValue | UnknownValue, format: 'json' | 'yaml'): HclValue {
  const parsed = textToTree(value, format)
  if (!parsed.root) throw new EvalError(parsed.error?.message ?? `invalid ${format.toUpperCase()}`)
  return treeToValue(parsed.root)
}

export interface ParsedText {
  root?: TreeNode
  error?: { location: Location; message: string }
}

const HOLE_START = '\uE000'
const HOLE_END = '\uE001'
const HOLE = /\uE000(\d+)\uE001/g

/**
 * Parses a string (or a string with `${}` holes) holding JSON or YAML. Each hole becomes a
 * private-use marker while parsing (quoted when it stands where JSON wants a value) and a
 * symbolic value afterwards. Nodes point into the file the text came from when its lines are the
 * file's lines (a heredoc, a file); otherwise at the string.
 */
export function textToTree(value: StringValue | UnknownValue, format: 'json' | 'yaml'): ParsedText {
  const holes: UnknownPart[][] = []
  let text = ''
  let inString = false
  const parts = value.kind === 'string' ? [{ text: value.value }] : value.parts
  for (const part of parts) {
    if ('text' in part) {
      if (format === 'json') inString = scanQuotes(part.text, inString)
      text += part.text
      continue
    }
    holes.push([part])
    const marker = `${HOLE_START}${holes.length - 1}${HOLE_END}`
    text += format === 'json' && !inString ? `"${marker}"` : marker
  }
  const origin = value.origin
  const path = origin?.location.path ?? value.location.path
  const map = (location: Location): Location =>
    mapLocation(location, value, origin?.lineAligned === true ? origin.location : undefined)
  let root: TreeNode | undefined
  if (format === 'json') {
    const parsed = parseJsonTree(path, text)
    if (!parsed.ok) return { error: { location: map(parsed.location), message: parsed.message } }
    root = parsed.root
  } else {
    const parsed = parseYamlTree(path, text, { version: '1.2' })
    const finding = parsed.findings[0]
    if (finding) return { error: { location: map(finding.location), message: finding.message } }
    root = parsed.documents.find((document) => document.root !== undefined)?.root
    if (!root) return { error: { location: value.location, message: 'the YAML holds no document' } }
  }
  return { root: relocate(root, map, holes, 0) }
}

/** Whether the text leaves a JSON string open, given whether it started inside one. */
function scanQuotes(text: string, inString: boolean): boolean {
  let open = inString
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (open && char === '\\') index++
    else if (char === '"') open = !open
  }
  return open
}

function mapLocation(location: Location, value: StringValue | UnknownValue, start: Location | undefined): Location {
  if (!start) return value.location
  return {
    path: start.path,
    line: start.line + location.line - 1,
    column: location.line === 1 ? start.column + location.column - 1 : location.column,
  }
}

function relocate(
  node: TreeNode,
  map: (location: Location) => Location,
  holes: UnknownPart[][],
  depth: number,
): TreeNode {
  if (depth > 250) return node
  const location = map(node.location)
  if (node.kind === 'scalar') {
    if (node.value.kind === 'known' && node.value.value.includes(HOLE_START)) {
      return {
        kind: 'scalar',
        location,
        value: symbolic(fillHoles(node.value.value, holes), location),
        type: 'unknown',
      }
    }
    return { ...node, location, value: { ...node.value, location } }
  }
  if (node.kind === 'array') {
    const items = node.items.map((item) => relocate(item, map, holes, depth + 1))
    return node.endLine === undefined
      ? { kind: 'array', location, items }
      : { kind: 'array', location, items, endLine: map({ ...node.location, line: node.endLine }).line }
  }
  const entries: ObjectEntry[] = node.entries.map((entry) => {
    const keyLocation = map(entry.keyLocation)
    const relocated: ObjectEntry = { key: entry.key, keyLocation, value: relocate(entry.value, map, holes, depth + 1) }
    if (entry.key.includes(HOLE_START)) {
      const expression = fillHoles(entry.key, holes)
      relocated.key = expression
      relocated.keyValue = symbolic(expression, keyLocation)
    }
    return relocated
  })
  return node.endLine === undefined
    ? { kind: 'object', location, entries }
    : { kind: 'object', location, entries, endLine: map({ ...node.location, line: node.endLine }).line }
}

/** Marker text back to an expression: a lone hole is its reference, otherwise `text${ref}text`. */
function fillHoles(text: string, holes: UnknownPart[][]): string {
  const lone = /^\uE000(\d+)\uE001$/.exec(text)
  if (lone) {
    const only = holes[Number(lone[1])]?.[0]
    if (only && 'ref' in only) return only.ref
  }
  return text.replace(HOLE, (_, index: string) => {
    const part = holes[Number(index)]?.[0]
    return part && 'ref' in part ? `\${${part.ref}}` : ''
  })
}

/** A located tree of an HCL value (a document written in HCL), for the format-independent readers. */
export function valueToTree(value: HclValue, depth = 0): TreeNode {
  const location = value.location
  if (depth > 250) return { kind: 'scalar', location, value: symbolic('(too deep)', location), type: 'unknown' }
  switch (value.kind) {
    case 'string':
      return { kind: 'scalar', location, value: known(value.value, location), type: 'string' }
    case 'number':
      return { kind: 'scalar', location, value: known(numberText(value.value), location), type: 'number' }
    case 'bool':
      return { kind: 'scalar', location, value: known(value.value ? 'true' : 'false', location), type: 'boolean' }
    case 'null':
      return { kind: 'scalar', location, value: known('', location), type: 'null' }
    case 'unknown':
      return { kind: 'scalar', location, value: symbolic(expressionOf(value), location), type: 'unknown' }
    case 'tuple':
      return { kind: 'array', location, items: value.items.map((item) => valueToTree(item, depth + 1)) }
    case 'object': {
      const entries: ObjectEntry[] = value.entries.map((entry) => {
        const node: ObjectEntry = {
          key: entry.key,
          keyLocation: entry.keyLocation,
          value: valueToTree(entry.value, depth + 1),
        }
        if (entry.keyValue) node.keyValue = symbolic(expressionOf(entry.keyValue), entry.keyLocation)
        return node
      })
      return value.endLine === undefined
        ? { kind: 'object', location, entries }
        : { kind: 'object', location, entries, endLine: value.endLine }
    }
  }
}

/** An HCL value of a located tree (a decoded JSON or YAML document). */
export function treeToValue(node: TreeNode, depth = 0): HclValue {
  const location = node.location
  if (depth > 250) return unknownRef('(too deep)', location)
  if (node.kind === 'array')
    return tupleValue(
      node.items.map((item) => treeToValue(item, depth + 1)),
      location,
    )
  if (node.kind === 'object') {
    const entries: ObjectEntryValue[] = node.entries.map((entry) => {
      const value: ObjectEntryValue = {
        key: entry.key,
        keyLocation: entry.keyLocation,
        value: treeToValue(entry.value, depth + 1),
      }
      if (entry.keyValue?.kind === 'symbolic') value.keyValue = unknownRef(entry.keyValue.expression, entry.keyLocation)
      return value
    })
    return { ...objectValue(entries, location), ...(node.endLine !== undefined ? { endLine: node.endLine } : {}) }
  }
  if (node.value.kind === 'symbolic') return unknownRef(node.value.expression, location)
  switch (node.type) {
    case 'number':
      return Number.isFinite(Number(node.value.value))
        ? numberValue(Number(node.value.value), location)
        : stringValue(node.value.value, location)
    case 'boolean':
      return boolValue(node.value.value === 'true', location)
    case 'null':
      return nullValue(location)
    default:
      return stringValue(node.value.value, location)
  }
}

/**
 * The tree of a document value: the HCL structure a string encodes (`jsonencode`, a policy
 * document's `json`), else its text parsed as JSON or YAML; undefined for anything else.
 */
export function documentTree(value: HclValue, format: 'json' | 'yaml'): ParsedText | undefined {
  if ((value.kind === 'string' || value.kind === 'unknown') && value.document)
    return { root: valueToTree(value.document) }
  if (value.kind === 'string') return textToTree(value, format)
  if (value.kind === 'unknown') {
    if (value.parts.some((part) => 'text' in part)) return textToTree(value, format)
    return { root: valueToTree(value) }
  }
  if (value.kind === 'object') return { root: valueToTree(value) }
  return undefined
}
