import {
  LineCounter,
  parseAllDocuments,
  isMap,
  isScalar,
  isSeq,
  isAlias,
  isCollection,
  YAMLMap,
  YAMLSeq,
  type Node,
  type Document,
  type Tags,
  type YAMLError,
} from 'yaml'
import type { Location } from '../../model/location.js'
import type { SourceFinding } from '../../model/finding.js'
import { scalarNode, type ObjectEntry, type TreeNode, type ScalarNode } from '../../model/tree.js'
import { symbolic, type Value } from '../../model/value.js'
import { errorText } from '../../model/error-text.js'
import { fastYamlDocuments } from './yaml-fast.js'
import { parsedStrings } from '../../text/own-string.js'

export interface YamlDocumentTree {
  /** undefined for an empty document. */
  root: TreeNode | undefined
  location: Location
  /** Last line of the document, for object-wide suppressions. */
  endLine: number
}

export interface YamlFileTree {
  documents: YamlDocumentTree[]
  findings: SourceFinding[]
  lineCounter: LineCounter
}

export interface YamlTreeOptions {
  /** '1.1' for Kubernetes (yes/no/on/off booleans, `<<` merge keys, as Kubernetes reads them); '1.2' for JSON and the rest. */
  version: '1.1' | '1.2'
  /** Findings about a document that cannot be parsed. */
  parseErrorRuleId?: string
  /**
   * Local tags that stand for a one-key mapping, as the tool reading the file sees them
   * (CloudFormation's `!Sub x` is `{"Fn::Sub": x}`): tag → key. A key written with such a tag keeps
   * its text and gets a symbolic `keyValue` (`Fn::Sub(<text>)`).
   */
  shortTags?: Readonly<Record<string, string>>
}

export const MAX_ALIAS_EXPANSIONS = 1000
/** Nodes an alias may copy into the tree, all aliases of a document together (billion laughs). */
export const MAX_ALIAS_NODES = 100_000
export const MAX_DEPTH = 200

/**
 * Parses a (multi-document) YAML or JSON text into located trees. A document with errors is
 * reported once (its first error, with line) and skipped; the other documents are still read.
 * Never throws: whatever goes wrong becomes a finding.
 *
 * Scalars keep the text they were written as when it is not a plain string (`yes`, `0755`,
 * `2001-12-14`), so a reader can show what the author wrote. A flow mapping that is really an
 * unrendered template expression (`{{ .Values.x }}` parses as a mapping) becomes that text.
 */
/**
 * The text with each tab that starts a line inside a flow collection (`{ … }`, `[ … ]`) replaced
 * by one space, so offsets, lines and columns stay the same. Quoted scalars and comments are
 * skipped when counting brackets; tabs in block context are left for the parser to reject, as
 * go-yaml does.
 */
export function tabsInFlowAsSpaces(text: string): string {
  let depth = 0
  let quote: '"' | "'" | undefined
  let out = ''
  let lineStart = true
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!
    if (lineStart && character === '\t' && depth > 0 && quote === undefined) {
      out += ' '
      continue
    }
    lineStart = character === '\n' || (lineStart && (character === ' ' || character === '\t'))
    out += character
    if (quote === '"') {
      if (character === '\\') {
        out += text[index + 1] ?? ''
        index += 1
      } else if (character === '"') quote = undefined
      continue
    }
    if (quote === "'") {
      if (character === "'") quote = undefined
      continue
    }
    if ((character === '"' || character === "'") && (index === 0 || /[\s[{,:]/.test(text[index - 1]!)))
      quote = character
    else if (character === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      const end = text.indexOf('\n', index)
      const stop = end === -1 ? text.length : end
      out += text.slice(index + 1, stop)
      index = stop - 1
    } else if (character === '{' || character === '[') depth += 1
    else if ((character === '}' || character === ']') && depth > 0) depth -= 1
    else if (character === '\n' && depth === 0) quote = undefined
  }
  return out
}

export function parseYamlTree(path: string, text: string, options: YamlTreeOptions): YamlFileTree {
  const lineCounter = lineCounterOf(text)
  const ruleId = options.parseErrorRuleId ?? 'parse-error'
  const findings: SourceFinding[] = []
  const documents: YamlDocumentTree[] = []
  if (options.shortTags === undefined && fastPath) {
    const fast = fastYamlDocuments(path, text, options.version)
    if (fast) return { documents: fast, findings, lineCounter }
  }
  const locate = (offset: number): Location => {
    const { line, col } = lineCounter.linePos(offset)
    return { path, line, column: col }
  }
  let parsed: Document.Parsed[]
  try {
    const customTags = options.shortTags ? shortTagDefinitions(Object.keys(options.shortTags)) : undefined
    const parse = (source: string): Document.Parsed[] =>
      parseAllDocuments(source, {
        version: options.version,
        prettyErrors: false,
        uniqueKeys: false,
        strict: false,
        ...(customTags ? { customTags } : {}),
      }) as Document.Parsed[]
    parsed = parse(text)
    if (
      parsed.some((doc) => doc.errors.some((error) => error.code === 'TAB_AS_INDENT' || error.code === 'BAD_INDENT'))
    ) {
      // The Go YAML stack behind kubectl (go-yaml) takes tabs as white space inside flow collections; the yaml package counts them as indentation.
      const spaced = tabsInFlowAsSpaces(text)
      if (spaced !== text) {
        const again = parse(spaced)
        if (again.length === parsed.length && again.every((doc) => doc.errors.length === 0)) parsed = again
      }
    }
  } catch (error) {
    findings.push({
      ruleId,
      location: { path, line: 1, column: 1 },
      message: `Cannot parse YAML: ${describeError(error)}`,
    })
    return { documents, findings, lineCounter }
  }
  for (const doc of parsed) {
    const start = locate(doc.range[0])
    const endLine = lineCounter.linePos(Math.max(doc.range[0], doc.range[2] - 1)).line
    const error = doc.errors[0]
    if (error) {
      findings.push(syntaxFinding(ruleId, error, text, locate))
      continue
    }
    try {
      const context: TreeContext = {
        doc,
        text,
        locate,
        lineCounter,
        merge: options.version === '1.1',
        aliases: MAX_ALIAS_EXPANSIONS,
        aliasNodes: MAX_ALIAS_NODES,
        outerAlias: 0,
        ...(options.shortTags ? { shortTags: options.shortTags } : {}),
      }
      const root = doc.contents ? toTree(doc.contents, context, 0, false) : undefined
      documents.push({ root, location: start, endLine })
    } catch (error) {
      const location = error instanceof TreeLimitError ? locate(error.offset) : start
      findings.push({ ruleId, location, message: `Cannot read YAML: ${describeError(error)}` })
    }
  }
  return { documents, findings, lineCounter }
}

/** Whether parseYamlTree lets the fast parser of the block YAML subset (yaml-fast.ts) read first. */
let fastPath = true

/**
 * false reads every YAML text with the yaml package alone; the trees are the same either way. Set
 * for the thread by sourceContext (a scan's `yamlFast` option), not read from the environment per
 * file, which would cost more than the parse of a small manifest.
 */
export function useYamlFastPath(on: boolean): void {
  fastPath = on
}

/**
 * Every line of the text. (The yaml parser's own LineCounter misses the line breaks inside a
 * scalar it rejects, which would move every later document up.)
 */
function lineCounterOf(text: string): LineCounter {
  const lineCounter = new LineCounter()
  lineCounter.addNewLine(0)
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1)
  return lineCounter
}

interface TreeContext {
  doc: Document.Parsed
  text: string
  locate: (offset: number) => Location
  lineCounter: LineCounter
  merge: boolean
  aliases: number
  aliasNodes: number
  /** The alias written in the document (not inside an anchored node) being expanded: where a bomb is reported. */
  outerAlias: number
  shortTags?: Readonly<Record<string, string>>
}

/** Scalar, sequence and mapping forms of each local tag, resolved to the node itself (the tree reads the tag). */
function shortTagDefinitions(tags: readonly string[]): Tags {
  return tags.flatMap((tag) => [
    { tag, resolve: (value: string) => value },
    { tag, collection: 'seq' as const, nodeClass: YAMLSeq, resolve: (node: YAMLSeq) => node },
    { tag, collection: 'map' as const, nodeClass: YAMLMap, resolve: (node: YAMLMap) => node },
  ]) as unknown as Tags
}

class TreeLimitError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

function syntaxFinding(
  ruleId: string,
  error: YAMLError,
  text: string,
  locate: (offset: number) => Location,
): SourceFinding {
  // An error found at the end of the text (an unclosed bracket) points at the last character written.
  let offset = Math.min(error.pos[0], text.length)
  while (offset > 0 && /\s/.test(text[offset] ?? ' ') && text.slice(offset).trim() === '') offset -= 1
  const location = locate(offset)
  if (error.code === 'RESOURCE_EXHAUSTION') {
    // Where the parser ran out of stack depends on the stack size: name the line, not the column.
    const lineStart = offset - (location.column - 1)
    const indent = /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0].length ?? 0
    return {
      ruleId,
      location: { ...location, column: indent + 1 },
      message: 'Cannot parse YAML: nesting too deep to read',
    }
  }
  return { ruleId, location, message: `Cannot parse YAML: ${describeError(error)}` }
}

function toTree(node: Node, context: TreeContext, depth: number, inAlias: boolean, tagRead = false): TreeNode {
  const wrapper = !tagRead && node.tag !== undefined && !isAlias(node) ? context.shortTags?.[node.tag] : undefined
  if (wrapper !== undefined) {
    const location = context.locate(tagOffset(node, context.text))
    const inner = toTree(node, context, depth + 1, inAlias, true)
    return {
      kind: 'object',
      location,
      entries: [{ key: wrapper, keyLocation: location, value: inner }],
      endLine: inner.kind === 'scalar' ? location.line : (inner.endLine ?? location.line),
    }
  }
  const offset = node.range?.[0] ?? 0
  if (depth > MAX_DEPTH) throw new TreeLimitError(`nesting deeper than ${MAX_DEPTH} levels`, offset)
  if (inAlias && --context.aliasNodes < 0) {
    throw new TreeLimitError(
      `aliases expand to more than ${MAX_ALIAS_NODES} nodes (an alias bomb?)`,
      context.outerAlias,
    )
  }
  const location = context.locate(offset)
  if (isAlias(node)) {
    if (!inAlias) context.outerAlias = offset
    if (--context.aliases < 0)
      throw new TreeLimitError(
        `more than ${MAX_ALIAS_EXPANSIONS} alias expansions (an alias bomb?)`,
        context.outerAlias,
      )
    const target = node.resolve(context.doc)
    if (!target) return scalar(location, '', 'null')
    return toTree(target, context, depth + 1, true)
  }
  if (isCollection(node) && node.flow && node.range) {
    const source = context.text.slice(node.range[0], node.range[1]).trimEnd()
    if (isMap(node) && source.startsWith('{{') && source.endsWith('}}')) return scalar(location, source, 'string')
  }
  if (isMap(node)) {
    const explicit: ObjectEntry[] = []
    const merged: ObjectEntry[] = []
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null
      const key = keyText(keyNode)
      const keyWrapper = keyNode?.tag !== undefined ? context.shortTags?.[keyNode.tag] : undefined
      const keyLocation = keyNode?.range
        ? context.locate(keyWrapper !== undefined ? tagOffset(keyNode, context.text) : keyNode.range[0])
        : location
      const keyValue: Value | undefined =
        keyWrapper !== undefined ? symbolic(`${keyWrapper}(${key})`, keyLocation) : undefined
      if (context.merge && isMergeKey(keyNode) && pair.value) {
        const value = toTree(pair.value as Node, context, depth + 1, inAlias)
        for (const source of value.kind === 'array' ? value.items : [value])
          if (source.kind === 'object') merged.push(...source.entries)
        continue
      }
      const value = pair.value
        ? toTree(pair.value as Node, context, depth + 1, inAlias)
        : scalar(keyLocation, '', 'null')
      explicit.push(keyValue ? { key, keyLocation, keyValue, value } : { key, keyLocation, value })
    }
    return { kind: 'object', location, entries: mergeEntries(explicit, merged), endLine: endLineOf(node, context) }
  }
  if (isSeq(node)) {
    const items = node.items.map((item) => toTree(item as Node, context, depth + 1, inAlias))
    return { kind: 'array', location, items, endLine: endLineOf(node, context) }
  }
  if (isScalar(node)) {
    const value = node.value
    if (value === null || value === undefined) return scalar(location, '', 'null')
    if (typeof value === 'string') return scalar(location, value, 'string')
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- yaml's other scalars (dates, binary) print as written
    const source = typeof node.source === 'string' ? node.source : String(value)
    if (typeof value === 'boolean') return scalar(location, source, 'boolean')
    if (typeof value === 'number' || typeof value === 'bigint') return scalar(location, source, 'number')
    // Timestamps, binary and other YAML 1.1 types: the text as written.
    return scalar(location, source, 'string')
  }
  return { kind: 'scalar', location, value: symbolic(String(node), location), type: 'unknown' }
}

/** Where a node's tag is written (its range starts after the tag), when the tag is on the same line. */
function tagOffset(node: Node, text: string): number {
  const offset = node.range?.[0] ?? 0
  const tag = node.tag ?? ''
  const start = text.lastIndexOf(tag, offset)
  return start >= 0 && tag !== '' && /^[ \t]*$/.test(text.slice(start + tag.length, offset)) ? start : offset
}

/** YAML 1.1 merge keys: explicit keys win over merged ones, and the first merged source wins. */
function mergeEntries(explicit: ObjectEntry[], merged: ObjectEntry[]): ObjectEntry[] {
  if (merged.length === 0) return explicit
  const seen = new Set(explicit.map((entry) => entry.key))
  const result = [...explicit]
  for (const entry of merged) {
    if (seen.has(entry.key)) continue
    seen.add(entry.key)
    result.push(entry)
  }
  return result
}

/** A plain `<<` key (the yaml package resolves it to a symbol in YAML 1.1); a quoted '<<' is an ordinary key. */
function isMergeKey(keyNode: Node | null): boolean {
  return isScalar(keyNode) && keyNode.source === '<<' && (keyNode.type === undefined || keyNode.type === 'PLAIN')
}

function keyText(keyNode: Node | null): string {
  if (!keyNode) return ''
  if (isScalar(keyNode)) {
    const value = keyNode.value
    if (value === null || value === undefined) return ''
    const text =
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- yaml's other scalars (dates, binary) print as written
      typeof value === 'string' ? value : typeof keyNode.source === 'string' ? keyNode.source : String(value)
    return parsedStrings.get(text)
  }
  try {
    return String(keyNode)
  } catch {
    return ''
  }
}

function endLineOf(node: Node, context: TreeContext): number | undefined {
  if (!node.range) return undefined
  let end = Math.max(node.range[0], node.range[1] - 1)
  while (end > node.range[0] && /\s/.test(context.text[end] ?? '')) end -= 1
  return context.lineCounter.linePos(end).line
}

function scalar(location: Location, text: string, type: ScalarNode['type']): ScalarNode {
  return scalarNode(location, parsedStrings.get(text), type)
}

function describeError(error: unknown): string {
  const message = errorText(error)
  const first = (message.split('\n')[0] ?? message).trim()
  return first.replace(/\.$/, '')
}
