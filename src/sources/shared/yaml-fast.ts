import { Document, isScalar } from 'yaml'
import { getOrCreate } from '../../collections.js'
import type { Location } from '../../model/location.js'
import { scalarNode, type ArrayNode, type ObjectNode, type ScalarNode, type TreeNode } from '../../model/tree.js'
import { ownString, parsedStrings } from '../../text/own-string.js'

/*
 * A hand-written parser for a strict subset of block YAML (what most Kubernetes manifests, Helm
 * values and kustomizations are written in) that yields exactly the documents parseYamlTree
 * builds from the yaml package (2.9.1) for the same text, or declines (undefined) so that the
 * yaml package reads the file as before. The subset: block mappings and sequences whose
 * collections start on their own line or after `- `, single-line plain, single- and
 * double-quoted scalars, one-line flow sequences of such scalars, `{}`, literal block scalars
 * (`|`, `|-`), comments, blank lines and `---` markers. Declined: anchors, aliases, tags, `<<`,
 * directives, `...`, other flow collections (`{{ }}` templates among them), folded and keep
 * block scalars and indentation indicators, multi-line scalars, `?` keys, tabs, `\r`, control
 * characters and other unusual characters, escapes not handled here, a root not at column 0, a
 * comment line after a key with no value, and anything that may be an error.
 *
 * Where the yaml package places what (node ranges in compose/resolve-block-map.js and
 * resolve-block-seq.js, comments in parse/parser.js) decides locations and endLines:
 * - a mapping starts at its first key, a sequence at its first `-`, an empty value right after
 *   its key's `:` and the spaces after it, an empty document's value after its `---`;
 * - a collection's endLine is the last line of its last value's range[2]: a scalar's own line,
 *   plus the comment lines indented deeper than the collection that follow it (atIndentedComment);
 *   a collection's range[2] also holds the comment lines after its last value that the parser
 *   does not move to its parent when it ends (Parser.pop: moved when every comment of the run
 *   is indented less than the collection, or the collection is at column 0);
 * - a document starts at its `---`, else at its first content; it ends where the next `---`
 *   starts, else at the end of the text, except that one whose last value is empty (with no
 *   comment after its `:`) ends on that value's line.
 * Plain scalars resolve through the schema's own tags (compose/compose-scalar.js
 * findScalarTagByTest), so their types cannot drift from the package's.
 */

export interface FastYamlDocument {
  root: TreeNode | undefined
  location: Location
  endLine: number
}

/** Thrown (one instance, no stack to capture) wherever the parser is not sure. */
class Decline extends Error {}
const DECLINE = new Decline('declined')

/** Well below parseYamlTree's MAX_DEPTH: deeper files go to the yaml package, which reports them. */
const DEPTH_LIMIT = 60
/** The yaml package rejects implicit keys longer than 1024 characters. */
const KEY_LIMIT = 1000

const SPACE = 0x20
const NEWLINE = 0x0a
const HASH = 0x23
const COLON = 0x3a
const DASH = 0x2d
const SINGLE = 0x27
const DOUBLE = 0x22
const BACKSLASH = 0x5c

interface Frame {
  kind: 'map' | 'seq'
  /** Column (0-based) of the keys or of the `-`. */
  indent: number
  node: ObjectNode | ArrayNode
  /** A sequence at its parent key's column (`key:\n- a`). */
  compact: boolean
  /** A key whose value has not started yet (this is then the innermost frame). */
  pendingKey: string | undefined
  pendingKeyLocation: Location | undefined
  pendingKeyOffset: number
  /** Offset of the empty value, should the pending key get none. */
  pendingNullOffset: number
  pendingLine: number
  /** A comment follows the pending key's `:` on its line. */
  pendingInlineComment: boolean
  /** A comment line came after the pending key. */
  pendingComment: boolean
  /** Last line of the last value's range[2]. */
  lastExtent: number
  /** The last value is a scalar that comments indented deeper than this frame attach to. */
  lastScalar: boolean
  /** Comment lines after the last value (not attached to it): deepest indentation, last line; -1 for none. */
  runIndent: number
  runEnd: number
}

interface Resolved {
  type: ScalarNode['type']
  text: string
}

type Version = '1.1' | '1.2'

interface TagLike {
  default?: boolean | 'key'
  test?: RegExp
  resolve: (value: string, onError: (message: string) => void, options: object) => unknown
}

const RESOLVED_CACHE_LIMIT = 20_000

/** The schema's scalar tags and what plain scalars resolved to, per version, for keys and for values. */
class PlainResolver {
  private readonly tags: readonly TagLike[]
  private readonly keys = new Map<string, Resolved>()
  private readonly values = new Map<string, Resolved>()

  constructor(version: Version) {
    // The schema parseAllDocuments composes with for these options (parseYamlTree's).
    const schema = new Document(null, { version, uniqueKeys: false, strict: false, prettyErrors: false }).schema
    this.tags = schema.tags as unknown as TagLike[]
  }

  /** A plain scalar as parseYamlTree's toTree/keyText see it: compose-scalar.js findScalarTagByTest, then the tag's resolve. */
  resolve(source: string, atKey: boolean): Resolved {
    const cache = atKey ? this.keys : this.values
    const cached = cache.get(source)
    if (cached) return cached
    let result: Resolved = { type: 'string', text: parsedStrings.get(source) }
    for (const tag of this.tags) {
      if (!(tag.default === true || (atKey && tag.default === 'key')) || !tag.test?.test(source)) continue
      let failed = false
      const resolved = tag.resolve(source, () => (failed = true), { intAsBigInt: false })
      if (failed) throw DECLINE
      // compose-scalar.js: a tag may resolve to a Scalar (booleans, floats that keep their digits).
      const value: unknown = isScalar(resolved) ? resolved.value : resolved
      if (value === null || value === undefined) result = { type: 'null', text: '' }
      else if (typeof value === 'string') result = { type: 'string', text: parsedStrings.get(value) }
      else if (typeof value === 'boolean') result = { type: 'boolean', text: source }
      else if (typeof value === 'number' || typeof value === 'bigint') result = { type: 'number', text: source }
      else if (value instanceof Date) result = { type: 'string', text: source }
      else throw DECLINE
      break
    }
    if (cache.size >= RESOLVED_CACHE_LIMIT) cache.clear()
    // Keyed by a copy: the source is a slice of the file's text, which the key would keep in memory.
    cache.set(result.type === 'string' && result.text === source ? result.text : ownString(source), result)
    return result
  }
}

const resolvers = new Map<Version, PlainResolver>()

function resolverFor(version: Version): PlainResolver {
  return getOrCreate(resolvers, version, () => new PlainResolver(version))
}

/**
 * The documents parseYamlTree would build for this text (with no short tags), or undefined when
 * the text is outside the subset this parser reads.
 */
export function fastYamlDocuments(path: string, text: string, version: Version): FastYamlDocument[] | undefined {
  if (!plainCharacters(text)) return undefined
  try {
    return new FastYamlParser(path, text, version).documents()
  } catch (error) {
    if (error === DECLINE) return undefined
    throw error
  }
}

/** No character the subset leaves to the yaml package: tabs, `\r`, controls, BOM, line separators. */
function plainCharacters(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)
    if (code < SPACE) {
      if (code !== NEWLINE) return false
    } else if (code >= 0x7f) {
      if (code <= 0x9f || code === 0x2028 || code === 0x2029 || code === 0xfeff) return false
      if (code >= 0xd800 && code <= 0xdfff) return false
    }
  }
  return true
}

class FastYamlParser {
  private readonly result: FastYamlDocument[] = []
  private readonly plain: PlainResolver
  private frames: Frame[] = []
  /** Current line: start offset, end offset (its `\n` or the text's end), number (1-based). */
  private lineStart = 0
  private lineEnd = 0
  private line = 0
  // The open document.
  private inDocument = false
  private documentLine = 0
  private documentColumn = 0
  /** Column (1-based) after an empty explicit document's `---` and its spaces; 0 for an implicit document. */
  private explicitNullColumn = 0
  private root: TreeNode | undefined
  private rootScalar = false
  /** Where reading goes on after a block scalar's lines (its offset and line number). */
  private resumeAt = 0
  private resumeLine = 0

  constructor(
    private readonly path: string,
    private readonly text: string,
    version: Version,
  ) {
    this.plain = resolverFor(version)
  }

  documents(): FastYamlDocument[] {
    const text = this.text
    let start = 0
    let line = 1
    while (start < text.length) {
      let end = text.indexOf('\n', start)
      if (end === -1) end = text.length
      this.lineStart = start
      this.lineEnd = end
      this.line = line
      this.readLine()
      if (this.resumeAt > start) {
        start = this.resumeAt
        line = this.resumeLine
        continue
      }
      start = end + 1
      line += 1
    }
    this.endDocument(line - 1)
    return this.result
  }

  private location(offset: number): Location {
    return { path: this.path, line: this.line, column: offset - this.lineStart + 1 }
  }

  private readLine(): void {
    const text = this.text
    const start = this.lineStart
    const end = this.lineEnd
    let at = start
    while (at < end && text.charCodeAt(at) === SPACE) at += 1
    if (at === end) return
    const first = text.charCodeAt(at)
    if (at === start) {
      if (
        first === DASH &&
        text.startsWith('---', start) &&
        (end - start === 3 || text.charCodeAt(start + 3) === SPACE)
      ) {
        let after = start + 3
        while (after < end && text.charCodeAt(after) === SPACE) after += 1
        if (after !== end) throw DECLINE
        this.endDocument(this.line - 1)
        this.inDocument = true
        this.documentLine = this.line
        this.documentColumn = 1
        this.explicitNullColumn = end - start + 1
        return
      }
      if (first === 0x2e && text.startsWith('...', start)) throw DECLINE
      if (first === 0x25) throw DECLINE
    }
    if (first === HASH) {
      this.comment(at - start)
      return
    }
    this.content(at)
  }

  private comment(column: number): void {
    if (this.rootScalar) throw DECLINE
    const top = this.frames[this.frames.length - 1]
    if (!top) return
    if (top.pendingKey !== undefined) {
      top.pendingComment = true
      return
    }
    if (top.lastScalar && top.runIndent === -1 && column > top.indent) {
      top.lastExtent = this.line
      return
    }
    if (column > top.runIndent) top.runIndent = column
    top.runEnd = this.line
  }

  /** Ends the open document, if any, at `lastLine` (the line before the next `---`, or the text's last line). */
  private endDocument(lastLine: number): void {
    const top = this.frames[this.frames.length - 1]
    // A document whose last value is empty ends at it: the blank lines after it are the key's, not the document's.
    // (Unless a comment follows its `:`: the empty value's range then runs on over the blank lines.)
    if (top?.pendingKey !== undefined && !top.pendingInlineComment) lastLine = top.pendingLine
    if (top) this.finishPending(top)
    while (this.frames.length > 0) this.pop()
    if (!this.inDocument) return
    let root = this.root
    if (root === undefined) {
      const location: Location = { path: this.path, line: this.documentLine, column: this.explicitNullColumn }
      root = scalarNode(location, '', 'null')
    }
    this.result.push({
      root,
      location: { path: this.path, line: this.documentLine, column: this.documentColumn },
      endLine: Math.max(this.documentLine, lastLine),
    })
    this.inDocument = false
    this.root = undefined
    this.rootScalar = false
    this.explicitNullColumn = 0
  }

  private content(at: number): void {
    if (this.rootScalar) throw DECLINE
    const text = this.text
    const column = at - this.lineStart
    const isItem = text.charCodeAt(at) === DASH && (at + 1 === this.lineEnd || text.charCodeAt(at + 1) === SPACE)
    if (!this.inDocument) {
      this.inDocument = true
      this.documentLine = this.line
      this.documentColumn = column + 1
    }
    if (this.root === undefined) {
      if (column !== 0) throw DECLINE
      if (isItem) {
        this.root = this.push('seq', 0, false).node
        this.item(at)
      } else this.rootContent(at)
      return
    }
    for (;;) {
      const top = this.frames[this.frames.length - 1]
      if (!top) throw DECLINE
      if (top.pendingKey !== undefined) {
        if (column > top.indent || (column === top.indent && isItem)) {
          const child = this.push(isItem ? 'seq' : 'map', column, column === top.indent)
          this.setPending(top, child.node)
          if (isItem) this.item(at)
          else this.keyLine(at, child)
          return
        }
        this.finishPending(top)
        continue
      }
      if (top.kind === 'map') {
        if (column === top.indent && !isItem) {
          top.runIndent = -1
          this.keyLine(at, top)
          return
        }
        if (column < top.indent) {
          this.pop()
          continue
        }
        throw DECLINE
      }
      if (column === top.indent && isItem) {
        top.runIndent = -1
        this.item(at)
        return
      }
      if (column < top.indent || (column === top.indent && top.compact)) {
        this.pop()
        continue
      }
      throw DECLINE
    }
  }

  /** The first content of a document, at column 0: a mapping or a bare scalar. */
  private rootContent(at: number): void {
    const key = this.tryKey(at)
    if (key) {
      const frame = this.push('map', 0, false)
      this.root = frame.node
      this.afterKey(frame, key)
      return
    }
    this.root = this.valueScalar(at)
    this.rootScalar = true
  }

  private push(kind: 'map' | 'seq', indent: number, compact: boolean): Frame {
    if (this.frames.length >= DEPTH_LIMIT) throw DECLINE
    const location = this.location(this.lineStart + indent)
    const node: ObjectNode | ArrayNode =
      kind === 'map'
        ? { kind: 'object', location, entries: [], endLine: 0 }
        : { kind: 'array', location, items: [], endLine: 0 }
    const frame: Frame = {
      kind,
      indent,
      node,
      compact,
      pendingKey: undefined,
      pendingKeyLocation: undefined,
      pendingKeyOffset: 0,
      pendingNullOffset: 0,
      pendingLine: 0,
      pendingInlineComment: false,
      pendingComment: false,
      lastExtent: this.line,
      lastScalar: false,
      runIndent: -1,
      runEnd: 0,
    }
    this.frames.push(frame)
    return frame
  }

  /** Ends the innermost frame: its endLine, and what its parent sees of its range. */
  private pop(): void {
    const frame = this.frames.pop()
    if (!frame) return
    frame.node.endLine = frame.lastExtent
    let extent = frame.lastExtent
    const parent = this.frames[this.frames.length - 1]
    if (frame.runIndent !== -1) {
      if (frame.indent === 0 || frame.runIndent < frame.indent) {
        if (parent) {
          parent.runIndent = frame.runIndent
          parent.runEnd = frame.runEnd
        }
      } else extent = frame.runEnd
    }
    if (parent) {
      parent.lastExtent = extent
      parent.lastScalar = false
    }
  }

  private setPending(frame: Frame, value: TreeNode): void {
    const key = frame.pendingKey
    const keyLocation = frame.pendingKeyLocation
    if (key === undefined || keyLocation === undefined) throw DECLINE
    frame.pendingKey = undefined
    frame.pendingKeyLocation = undefined
    ;(frame.node as ObjectNode).entries.push({ key, keyLocation, value })
  }

  /** A key that got no value: null, right after its `:`. */
  private finishPending(frame: Frame): void {
    if (frame.pendingKey === undefined || frame.pendingKeyLocation === undefined) return
    if (frame.pendingComment) throw DECLINE
    const location: Location = {
      path: this.path,
      line: frame.pendingLine,
      column: frame.pendingKeyLocation.column + (frame.pendingNullOffset - frame.pendingKeyOffset),
    }
    this.setPending(frame, scalarNode(location, '', 'null'))
    frame.lastExtent = frame.pendingLine
    frame.lastScalar = false
  }

  /** A `- ` item at `at`. */
  private item(at: number): void {
    const frame = this.frames[this.frames.length - 1]
    if (!frame) throw DECLINE
    const text = this.text
    let start = at + 1
    while (start < this.lineEnd && text.charCodeAt(start) === SPACE) start += 1
    if (start === this.lineEnd) throw DECLINE
    const first = text.charCodeAt(start)
    if (first === HASH || (first === DASH && (start + 1 === this.lineEnd || text.charCodeAt(start + 1) === SPACE)))
      throw DECLINE
    const key = this.tryKey(start)
    const items = (frame.node as ArrayNode).items
    if (key) {
      const map = this.push('map', start - this.lineStart, false)
      items.push(map.node)
      this.afterKey(map, key)
      return
    }
    items.push(this.value(start, frame))
  }

  /** A line with a key at `at` in the mapping `frame`. */
  private keyLine(at: number, frame: Frame): void {
    const key = this.tryKey(at)
    if (!key) throw DECLINE
    this.afterKey(frame, key)
  }

  private afterKey(frame: Frame, key: KeyRead): void {
    const text = this.text
    let at = key.colon + 1
    while (at < this.lineEnd && text.charCodeAt(at) === SPACE) at += 1
    const keyLocation = this.location(key.start)
    if (at === this.lineEnd || text.charCodeAt(at) === HASH) {
      frame.pendingKey = key.text
      frame.pendingKeyLocation = keyLocation
      frame.pendingKeyOffset = key.start
      frame.pendingNullOffset = at
      frame.pendingLine = this.line
      frame.pendingComment = false
      frame.pendingInlineComment = at !== this.lineEnd
      return
    }
    const value = this.value(at, frame)
    ;(frame.node as ObjectNode).entries.push({ key: key.text, keyLocation, value })
  }

  /** A key starting at `at`, when the line has one: its text and the offset of its `:`. */
  private tryKey(at: number): KeyRead | undefined {
    const text = this.text
    const end = this.lineEnd
    const first = text.charCodeAt(at)
    if (first === DOUBLE || first === SINGLE) {
      const quoted = this.quoted(at)
      let after = quoted.end
      while (after < end && text.charCodeAt(after) === SPACE) after += 1
      if (after < end && text.charCodeAt(after) === COLON) {
        const next = after + 1
        if (next !== end && text.charCodeAt(next) !== SPACE) throw DECLINE
        if (quoted.end - at > KEY_LIMIT) throw DECLINE
        return { start: at, text: quoted.value, colon: after }
      }
      return undefined
    }
    this.plainStart(at)
    for (let index = at; index < end; index += 1) {
      const code = text.charCodeAt(index)
      if (code === COLON) {
        const next = index + 1
        if (next === end || text.charCodeAt(next) === SPACE) {
          let last = index
          while (text.charCodeAt(last - 1) === SPACE) last -= 1
          if (last - at > KEY_LIMIT) throw DECLINE
          const source = text.slice(at, last)
          if (source === '<<') throw DECLINE
          const resolved = this.plain.resolve(source, true)
          return { start: at, text: resolved.type === 'null' ? '' : resolved.text, colon: index }
        }
      } else if (code === HASH && text.charCodeAt(index - 1) === SPACE) return undefined
    }
    return undefined
  }

  /** Declines what cannot start a plain scalar here (indicators, and what this parser leaves out). */
  private plainStart(at: number): void {
    const code = this.text.charCodeAt(at)
    switch (code) {
      case DASH: {
        const next = at + 1 < this.lineEnd ? this.text.charCodeAt(at + 1) : SPACE
        if (next === SPACE) throw DECLINE
        return
      }
      case 0x3f: // ?
      case COLON:
      case 0x2c: // ,
      case 0x5b: // [
      case 0x5d: // ]
      case 0x7b: // {
      case 0x7d: // }
      case HASH:
      case 0x26: // &
      case 0x2a: // *
      case 0x21: // !
      case 0x7c: // |
      case 0x3e: // >
      case SINGLE:
      case DOUBLE:
      case 0x25: // %
      case 0x40: // @
      case 0x60: // `
        throw DECLINE
    }
  }

  /**
   * The value starting at `at` of the last key or item of `frame`: a scalar, a one-line flow
   * sequence or empty mapping, or a literal block scalar. Records where its range ends.
   */
  private value(at: number, frame: Frame): TreeNode {
    const code = this.text.charCodeAt(at)
    let node: TreeNode
    if (code === 0x5b || code === 0x7b) node = this.flow(at)
    else if (code === 0x7c) {
      const literal = this.literal(at, frame.indent)
      frame.lastExtent = literal.lastLine
      frame.lastScalar = false
      return literal.node
    } else node = this.valueScalar(at)
    frame.lastExtent = this.line
    frame.lastScalar = true
    return node
  }

  /** `[]`, `{}` or a flow sequence of scalars, closed on its line. */
  private flow(at: number): TreeNode {
    const text = this.text
    const end = this.lineEnd
    const location = this.location(at)
    let node: TreeNode
    let after: number
    if (text.charCodeAt(at) === 0x7b) {
      if (text.charCodeAt(at + 1) !== 0x7d) throw DECLINE
      node = { kind: 'object', location, entries: [], endLine: this.line }
      after = at + 2
    } else {
      const items: TreeNode[] = []
      let index = at + 1
      while (index < end && text.charCodeAt(index) === SPACE) index += 1
      if (index < end && text.charCodeAt(index) === 0x5d) after = index + 1
      else {
        for (;;) {
          const item = this.flowItem(index)
          items.push(item.node)
          index = item.end
          while (index < end && text.charCodeAt(index) === SPACE) index += 1
          if (index >= end) throw DECLINE
          const code = text.charCodeAt(index)
          if (code === 0x5d) {
            after = index + 1
            break
          }
          if (code !== 0x2c) throw DECLINE
          index += 1
          while (index < end && text.charCodeAt(index) === SPACE) index += 1
          if (index >= end || text.charCodeAt(index) === 0x5d) throw DECLINE
        }
      }
      node = { kind: 'array', location, items, endLine: this.line }
    }
    while (after < end && text.charCodeAt(after) === SPACE) after += 1
    if (after !== end && !(text.charCodeAt(after) === HASH && text.charCodeAt(after - 1) === SPACE)) throw DECLINE
    return node
  }

  /** A scalar inside a flow sequence: the node and the offset after it (before any spaces). */
  private flowItem(at: number): { node: ScalarNode; end: number } {
    const text = this.text
    const end = this.lineEnd
    const location = this.location(at)
    const first = text.charCodeAt(at)
    if (first === DOUBLE || first === SINGLE) {
      const quoted = this.quoted(at)
      return {
        node: scalarNode(location, quoted.value, 'string'),
        end: quoted.end,
      }
    }
    this.plainStart(at)
    let index = at
    for (; index < end; index += 1) {
      const code = text.charCodeAt(index)
      if (code === 0x2c || code === 0x5d) break
      if (code === COLON || code === 0x5b || code === 0x7b || code === 0x7d) throw DECLINE
      if (code === HASH && text.charCodeAt(index - 1) === SPACE) throw DECLINE
    }
    let last = index
    while (text.charCodeAt(last - 1) === SPACE) last -= 1
    const resolved = this.plain.resolve(text.slice(at, last), false)
    return { node: scalarNode(location, resolved.text, resolved.type), end: last }
  }

  /**
   * A literal block scalar (`|` or `|-`, no indentation indicator) whose header is at `at`, in a
   * collection indented `parentIndent`: its lines are read here and skipped by the line loop.
   */
  private literal(at: number, parentIndent: number): { node: ScalarNode; lastLine: number } {
    const text = this.text
    const location = this.location(at)
    let header = at + 1
    const strip = text.charCodeAt(header) === DASH
    if (strip) header += 1
    while (header < this.lineEnd && text.charCodeAt(header) === SPACE) header += 1
    if (header !== this.lineEnd && !(text.charCodeAt(header) === HASH && text.charCodeAt(header - 1) === SPACE))
      throw DECLINE
    // The lines after the header: content at blockIndent or deeper, blank lines, up to a line indented less.
    let blockIndent = -1
    let value = ''
    let pendingBlanks = ''
    let lastLine = this.line
    let resumeAt = this.lineEnd + 1
    let resumeLine = this.line + 1
    let start = this.lineEnd + 1
    let line = this.line + 1
    while (start < text.length) {
      let end = text.indexOf('\n', start)
      if (end === -1) end = text.length
      let spaces = start
      while (spaces < end && text.charCodeAt(spaces) === SPACE) spaces += 1
      const indent = spaces - start
      if (spaces === end) {
        // A blank line: more spaces than the block's indentation would be content.
        if (blockIndent === -1 || indent > blockIndent) throw DECLINE
        pendingBlanks += '\n'
      } else {
        if (blockIndent === -1) {
          if (indent <= parentIndent) break
          blockIndent = indent
        } else if (indent < blockIndent) break
        if (end === text.length) throw DECLINE
        value += pendingBlanks + text.slice(start + blockIndent, end) + '\n'
        pendingBlanks = ''
        lastLine = line
        resumeAt = end + 1
        resumeLine = line + 1
      }
      start = end + 1
      line += 1
    }
    if (blockIndent === -1) throw DECLINE
    this.resumeAt = resumeAt
    this.resumeLine = resumeLine
    if (strip) value = value.slice(0, -1)
    return { node: scalarNode(location, value, 'string'), lastLine }
  }

  /** A scalar value from `at` to the end of the line (a comment may follow). */
  private valueScalar(at: number): ScalarNode {
    const text = this.text
    const end = this.lineEnd
    const location = this.location(at)
    const first = text.charCodeAt(at)
    if (first === DOUBLE || first === SINGLE) {
      const quoted = this.quoted(at)
      let after = quoted.end
      while (after < end && text.charCodeAt(after) === SPACE) after += 1
      if (after !== end && !(text.charCodeAt(after) === HASH && after > quoted.end)) throw DECLINE
      return scalarNode(location, quoted.value, 'string')
    }
    this.plainStart(at)
    let last = end
    for (let index = at + 1; index < end; index += 1) {
      const code = text.charCodeAt(index)
      if (code === COLON) {
        const next = index + 1
        if (next === end || text.charCodeAt(next) === SPACE) throw DECLINE
      } else if (code === HASH && text.charCodeAt(index - 1) === SPACE) {
        last = index
        break
      }
    }
    while (text.charCodeAt(last - 1) === SPACE) last -= 1
    const resolved = this.plain.resolve(text.slice(at, last), false)
    return scalarNode(location, resolved.text, resolved.type)
  }

  /** A quoted scalar that closes on its line: its value and the offset after its closing quote. */
  private quoted(at: number): { value: string; end: number } {
    const text = this.text
    const end = this.lineEnd
    const quote = text.charCodeAt(at)
    let value = ''
    let from = at + 1
    if (quote === SINGLE) {
      for (;;) {
        const close = text.indexOf("'", from)
        if (close === -1 || close >= end) throw DECLINE
        value += text.slice(from, close)
        if (close + 1 < end && text.charCodeAt(close + 1) === SINGLE) {
          value += "'"
          from = close + 2
          continue
        }
        return { value: parsedStrings.get(value), end: close + 1 }
      }
    }
    for (let index = from; ; index += 1) {
      if (index >= end) throw DECLINE
      const code = text.charCodeAt(index)
      if (code === DOUBLE) return { value: parsedStrings.get(value + text.slice(from, index)), end: index + 1 }
      if (code !== BACKSLASH) continue
      value += text.slice(from, index)
      index += 1
      if (index >= end) throw DECLINE
      value += this.escape(index)
      if (text.charCodeAt(index) === 0x75) index += 4
      from = index + 1
    }
  }

  /** The character a double-quoted escape stands for (the letter at `at`, after the backslash). */
  private escape(at: number): string {
    const text = this.text
    switch (text[at]) {
      case '\\':
        return '\\'
      case '"':
        return '"'
      case '/':
        return '/'
      case 'n':
        return '\n'
      case 't':
        return '\t'
      case 'r':
        return '\r'
      case 'b':
        return '\b'
      case 'f':
        return '\f'
      case '0':
        return '\0'
      case 'u': {
        if (at + 4 >= this.lineEnd) throw DECLINE
        const hex = text.slice(at + 1, at + 5)
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw DECLINE
        const code = parseInt(hex, 16)
        if (code >= 0xd800 && code <= 0xdfff) throw DECLINE
        return String.fromCharCode(code)
      }
      default:
        throw DECLINE
    }
  }
}

interface KeyRead {
  start: number
  text: string
  colon: number
}
