/*
 * The Terraform block filter: before tree-sitter parses a module's `.tf` files, the bodies of the
 * top-level `resource` and `data` blocks nothing reads are cut down to their line breaks. Every
 * other line keeps its number, and every line outside those bodies its columns (nothing may follow
 * such a body's closing brace on its line). Tree-sitter reads each blank as a token of its own, so
 * blanks would cost as much as the text they replace. "Nothing reads" means: irsa-guard has no
 * reader for the type, no expression of the module refers to the block by `<type>.<name>`, and its
 * body sets no `count`, `for_each` or `provisioner` (evaluated, or looked at, for every resource).
 * The block's header and closing brace stay, so declarations are as before.
 *
 * A body is cut only when a strict check accepts it: a subset of the HCL grammar that tree-sitter's
 * (tree-sitter-hcl 1.2.0, make_grammar.js and src/scanner.c) accepts too, so that a syntax error
 * inside it is never hidden. Anything the check or the scan is unsure of (a construct outside the
 * subset, a character the grammar reads differently) keeps the body, or the whole file, as it is;
 * the caller parses the file whole when the cut text has an error or other blocks than the scan saw.
 */

import type { SourceFile } from '../source.js'
import type { HclFile } from './ast.js'
import type { HclParser } from './loader.js'
import { parseHclFile } from './parse.js'
import { hasReader } from './resources/index.js'
import { checksReferencesOf } from './undeclared-references.js'
import { getOrCreate } from '../../collections.js'

/** A top-level block as the scan saw it. */
export interface ScannedBlock {
  type: string
  /** The labels; undefined for one that is not a plain quoted string. */
  labels: (string | undefined)[]
  /** Line of the block's first character and of its closing brace (1-based). */
  line: number
  endLine: number
  /** The body: from after `{` to the closing `}`. */
  bodyStart: number
  bodyEnd: number
  /** The strict check accepted the body, which sets no `count`, `for_each` or `provisioner`, and nothing follows it on its last line. */
  blankable: boolean
  /** Every `a.b` traversal step pair written in its code (`x = aws_s3_bucket.logs.arn` gives aws_s3_bucket.logs and logs.arn). */
  references: Set<string>
}

export interface ScannedHcl {
  blocks: ScannedBlock[]
}

/** Nesting deeper than this inside a body is not checked (the tree reader's own limit is far above). */
const MAX_STRICT_DEPTH = 60
/** Depth-1 names that keep a body: evaluated (`count`, `for_each`) or looked at (`provisioner`) for every resource. */
const KEEPING_NAMES = new Set(['count', 'for_each', 'provisioner'])
/** Words the grammar lexes as keywords where an identifier could also stand. */
const KEYWORDS = new Set(['for', 'in', 'if', 'else', 'endif', 'endfor', 'true', 'false', 'null'])
/** White space beyond ASCII, which the grammar's scanner may skip (iswspace) where this scan would not. */
const UNUSUAL_SPACE = /[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_-]*/y
/** The grammar's identifier, ASCII only: `::` goes on (`provider::aws::arn_parse`). */
const LENIENT_IDENTIFIER = /[A-Za-z_](?:[A-Za-z0-9_-]|::)*/y
const NUMBER = /[0-9]+(?:\.[0-9]+)?/y
const SIMPLE_LABEL = /"([^"\\\n$%]*)"/y
const HEREDOC_IDENTIFIER = /[A-Za-z0-9_-]+/y

class Unsure extends Error {}

/** The top-level blocks and references of an HCL file; undefined when the scan is unsure of anything. */
export function scanHcl(text: string): ScannedHcl | undefined {
  if (text.includes('\0')) return undefined
  try {
    return new Scanner(text).file()
  } catch (error) {
    // A stack overflow on nesting beyond the depth limits: parsed whole, like anything unsure.
    if (error instanceof Unsure || error instanceof RangeError) return undefined
    throw error
  }
}

/**
 * The text with the bodies of the blankable blocks `keep` does not want cut down to their line
 * breaks, and the blocks cut; the text itself when none is.
 */
export function blankBodies(
  text: string,
  scanned: ScannedHcl,
  keep: (block: ScannedBlock) => boolean,
): { text: string; blanked: ScannedBlock[] } {
  const blanked = scanned.blocks.filter((block) => block.blankable && !keep(block))
  if (blanked.length === 0) return { text, blanked }
  let result = ''
  let from = 0
  for (const block of blanked) {
    result += text.slice(from, block.bodyStart) + text.slice(block.bodyStart, block.bodyEnd).replace(/[^\n]+/g, '')
    from = block.bodyEnd
  }
  return { text: result + text.slice(from), blanked }
}

class Scanner {
  private index = 0
  private lineIndex = 0
  private line = 1
  /** Templates and interpolations nested in code being skipped. */
  private lenientDepth = 0
  /** The references of the block being scanned. */
  private references = new Set<string>()
  /** Lenient pair tracking: the identifier before a `.`, and whether that `.` was seen. */
  private lastIdentifier: string | undefined
  private sawDot = false
  /** Depth-1 attribute and block names of the body being checked. */
  private topNames: Set<string> | undefined

  constructor(private readonly text: string) {}

  file(): ScannedHcl {
    const blocks: ScannedBlock[] = []
    for (;;) {
      this.skipExtras()
      if (this.index >= this.text.length) break
      blocks.push(this.topBlock())
    }
    return { blocks }
  }

  private topBlock(): ScannedBlock {
    const start = this.index
    const references = new Set<string>()
    this.references = references
    this.notReference()
    const type = this.identifier()
    const labels: (string | undefined)[] = []
    for (;;) {
      this.skipExtras()
      const char = this.text[this.index]
      if (char === '{') break
      if (char === '"') {
        SIMPLE_LABEL.lastIndex = this.index
        const simple = SIMPLE_LABEL.exec(this.text)
        if (simple) {
          labels.push(simple[1])
          this.index = SIMPLE_LABEL.lastIndex
        } else {
          labels.push(undefined)
          this.quoted(false, 0)
        }
      } else {
        this.identifier()
        labels.push(undefined)
      }
    }
    const line = this.lineAt(start)
    this.index++
    const bodyStart = this.index
    let blankable = false
    if (
      (type === 'resource' || type === 'data') &&
      labels.length === 2 &&
      labels.every((label) => label !== undefined)
    ) {
      try {
        this.topNames = new Set()
        this.strictBody(1)
        blankable = ![...this.topNames].some((name) => KEEPING_NAMES.has(name))
      } catch (error) {
        if (!(error instanceof Unsure)) throw error
        this.index = bodyStart
      }
      this.topNames = undefined
    }
    if (!blankable) {
      this.index = bodyStart
      this.lenientUntil('}')
      this.index--
    }
    if (this.text[this.index] !== '}') throw new Unsure()
    const bodyEnd = this.index
    this.index++
    if (blankable && !this.restOfLineBlank(this.index, true)) blankable = false
    return { type, labels, line, endLine: this.lineAt(bodyEnd), bodyStart, bodyEnd, blankable, references }
  }

  /** The 1-based line of `index`; calls come in increasing order. */
  private lineAt(index: number): number {
    for (; this.lineIndex < index; this.lineIndex++) if (this.text.charCodeAt(this.lineIndex) === 10) this.line++
    return this.line
  }

  /** White space and comments. */
  private skipExtras(): void {
    const text = this.text
    for (;;) {
      const code = text.charCodeAt(this.index)
      if (code === 32 || (code >= 9 && code <= 13)) this.index++
      else if (code === 35 || (code === 47 && text.charCodeAt(this.index + 1) === 47)) {
        const newline = text.indexOf('\n', this.index)
        this.index = newline < 0 ? text.length : newline
      } else if (code === 47 && text.charCodeAt(this.index + 1) === 42) {
        const end = text.indexOf('*/', this.index + 2)
        if (end < 0) throw new Unsure()
        this.index = end + 2
      } else return
    }
  }

  /** Blanks, tabs and carriage returns only: no line break, no comment (inside an interpolation). */
  private skipBlanks(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.index)
      if (code === 32 || code === 9) this.index++
      else return
    }
  }

  /** An ASCII identifier the grammar ends where this does (not followed by `::` or a letter beyond ASCII, unless `lenient` allows `::`). */
  private identifier(lenient = false): string {
    const pattern = lenient ? LENIENT_IDENTIFIER : IDENTIFIER
    pattern.lastIndex = this.index
    const match = pattern.exec(this.text)
    if (!match) throw new Unsure()
    const next = this.text.charCodeAt(pattern.lastIndex)
    if (next > 127 || (next === 58 && this.text.charCodeAt(pattern.lastIndex + 1) === 58)) throw new Unsure()
    this.index = pattern.lastIndex
    return match[0]
  }

  private addReference(first: string, second: string): void {
    this.references.add(`${first}.${second}`)
  }

  // Lenient: extents only (brackets, strings, heredocs, comments) and the references written in code.

  /** Up to and past the `close` that closes the code starting here. */
  private lenientUntil(close: string): void {
    if (++this.lenientDepth > MAX_STRICT_DEPTH) throw new Unsure()
    try {
      this.lenientCode(close)
    } finally {
      this.lenientDepth--
    }
  }

  private lenientCode(close: string): void {
    const text = this.text
    const closers = [close]
    for (;;) {
      this.skipExtras()
      if (this.index >= text.length) throw new Unsure()
      const char = text[this.index] ?? ''
      const code = text.charCodeAt(this.index)
      if (char === '{' || char === '[' || char === '(') {
        closers.push(char === '{' ? '}' : char === '[' ? ']' : ')')
        this.index++
        this.notReference()
      } else if (char === '}' || char === ']' || char === ')') {
        if (closers.pop() !== char) throw new Unsure()
        this.index++
        this.notReference()
        if (closers.length === 0) return
      } else if (char === '"') {
        this.quoted(false, 0)
        this.notReference()
      } else if (char === '<' && text[this.index + 1] === '<') {
        this.heredoc(false, 0)
        this.notReference()
      } else if (char === '.') {
        this.index++
        if (this.lastIdentifier !== undefined && !this.sawDot) this.sawDot = true
        else this.notReference()
      } else if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95) {
        const name = this.identifier(true)
        if (this.sawDot && this.lastIdentifier !== undefined) this.addReference(this.lastIdentifier, name)
        this.lastIdentifier = name
        this.sawDot = false
      } else if (code > 127 || char === "'" || char === '`' || char === '\\') {
        throw new Unsure()
      } else {
        this.index++
        this.notReference()
      }
    }
  }

  private notReference(): void {
    this.lastIdentifier = undefined
    this.sawDot = false
  }

  // Templates (both modes): a quoted string or heredoc, its interpolations checked strictly or skipped.

  /** A quoted template from its `"` to past the closing one. */
  private quoted(strict: boolean, depth: number): void {
    const text = this.text
    this.index++
    for (;;) {
      const char = text[this.index]
      if (char === undefined || char === '\n' || UNUSUAL_SPACE.test(char)) throw new Unsure()
      if (char === '"') {
        this.index++
        return
      }
      if (char === '\\') {
        const escape = text[this.index + 1]
        if (escape === '"' || escape === 'n' || escape === 'r' || escape === 't' || escape === '\\') this.index += 2
        else if (escape === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(this.index + 2, this.index + 6))) this.index += 6
        // `\U` may name no character, which the tree reader reports: parsed whole.
        else if (!strict && escape === 'U' && /^[0-9A-Fa-f]{8}$/.test(text.slice(this.index + 2, this.index + 10)))
          this.index += 10
        else throw new Unsure()
      } else this.templateCharacter(strict, depth)
    }
  }

  /** `<<ID` or `<<-ID` and a line break, the lines, and the line that is ID alone. */
  private heredoc(strict: boolean, depth: number): void {
    const text = this.text
    this.index += text[this.index + 2] === '-' ? 3 : 2
    HEREDOC_IDENTIFIER.lastIndex = this.index
    const match = HEREDOC_IDENTIFIER.exec(text)
    if (!match) throw new Unsure()
    const marker = match[0]
    this.index = HEREDOC_IDENTIFIER.lastIndex
    if (!this.restOfLineBlank(this.index)) throw new Unsure()
    this.index = text.indexOf('\n', this.index) + 1
    let lineStart = true
    for (;;) {
      const code = text.charCodeAt(this.index)
      if (Number.isNaN(code)) throw new Unsure()
      if (code === 32 || (code >= 9 && code <= 13)) {
        if (code === 10) lineStart = true
        this.index++
        continue
      }
      // The scanner ends the heredoc at the marker after white space with a line break, alone on its line.
      if (lineStart && text.startsWith(marker, this.index) && this.restOfLineBlank(this.index + marker.length)) {
        this.index += marker.length
        return
      }
      if (code > 127 && UNUSUAL_SPACE.test(text[this.index] ?? '')) throw new Unsure()
      lineStart = false
      this.templateCharacter(strict, depth)
    }
  }

  /** Only blanks up to the next line break (or a `#` or `//` comment, or the end of the text, when `end` allows). */
  private restOfLineBlank(from: number, end = false): boolean {
    for (let index = from; ; index++) {
      const code = this.text.charCodeAt(index)
      if (code === 10) return true
      if (end && (Number.isNaN(code) || code === 35 || (code === 47 && this.text.charCodeAt(index + 1) === 47)))
        return true
      if (!(code === 32 || code === 9 || code === 13 || code === 11 || code === 12)) return false
    }
  }

  /** One character of template text, or an interpolation or directive starting at it. */
  private templateCharacter(strict: boolean, depth: number): void {
    const text = this.text
    const char = text[this.index]
    const next = text[this.index + 1]
    if ((char === '$' || char === '%') && next === '{') {
      this.index += 2
      if (!strict) {
        this.notReference()
        this.lenientUntil('}')
        return
      }
      if (char === '%') throw new Unsure()
      this.skipBlanks()
      this.expression(depth + 1, true)
      this.skipBlanks()
      if (text[this.index] !== '}') throw new Unsure()
      this.index++
    } else if ((char === '$' || char === '%') && next === char && text[this.index + 2] === '{') this.index += 3
    else this.index++
  }

  // Strict: a subset of the grammar; anything else is Unsure.

  /** Attributes and blocks up to the `}` that closes the body, left in place. */
  private strictBody(depth: number): void {
    if (depth > MAX_STRICT_DEPTH) throw new Unsure()
    const text = this.text
    for (;;) {
      this.skipExtras()
      if (text[this.index] === '}') return
      const name = this.identifier()
      if (KEYWORDS.has(name)) throw new Unsure()
      if (depth === 1) this.topNames?.add(name)
      this.skipExtras()
      if (text[this.index] === '=' && text[this.index + 1] !== '=' && text[this.index + 1] !== '>') {
        this.index++
        this.expression(depth + 1, false)
        continue
      }
      for (;;) {
        const char = text[this.index]
        if (char === '{') break
        if (char === '"') {
          SIMPLE_LABEL.lastIndex = this.index
          if (!SIMPLE_LABEL.test(text)) throw new Unsure()
          this.index = SIMPLE_LABEL.lastIndex
        } else if (KEYWORDS.has(this.identifier())) throw new Unsure()
        this.skipExtras()
      }
      this.index++
      this.strictBody(depth + 1)
      this.index++
    }
  }

  /** Operands joined by binary operators, and a conditional. In an interpolation, blanks only between tokens. */
  private expression(depth: number, inline: boolean): void {
    if (depth > MAX_STRICT_DEPTH) throw new Unsure()
    const skip = inline ? () => this.skipBlanks() : () => this.skipExtras()
    let operators = 0
    for (;;) {
      skip()
      this.operand(depth, inline)
      skip()
      const operator = this.binaryOperator()
      if (operator === 0) break
      if (++operators > 30) throw new Unsure()
      this.index += operator
    }
    if (this.text[this.index] === '?') {
      this.index++
      this.expression(depth + 1, inline)
      skip()
      if (this.text[this.index] !== ':' || this.text[this.index + 1] === ':') throw new Unsure()
      this.index++
      this.expression(depth + 1, inline)
    }
  }

  /** The length of the binary operator here, 0 when there is none. */
  private binaryOperator(): number {
    const text = this.text
    const char = text[this.index]
    const next = text[this.index + 1]
    if ((char === '=' || char === '!' || char === '<' || char === '>') && next === '=') return 2
    if ((char === '&' && next === '&') || (char === '|' && next === '|')) return 2
    if (char === '<') return next === '<' ? 0 : 1
    if (char === '>' || char === '+' || char === '-' || char === '*' || char === '/' || char === '%') return 1
    return 0
  }

  private operand(depth: number, inline: boolean): void {
    const text = this.text
    const skip = inline ? () => this.skipBlanks() : () => this.skipExtras()
    let unary = 0
    while (text[this.index] === '-' || text[this.index] === '!') {
      if (++unary > 4) throw new Unsure()
      this.index++
      skip()
    }
    const char = text[this.index]
    const code = text.charCodeAt(this.index)
    let traversal: string | undefined
    if (code >= 48 && code <= 57) {
      NUMBER.lastIndex = this.index
      NUMBER.exec(text)
      this.index = NUMBER.lastIndex
      const after = text.charCodeAt(this.index)
      if (after > 127 || after === 46 || after === 95 || /[A-Za-z0-9]/.test(text[this.index] ?? '')) throw new Unsure()
      return
    } else if (char === '"') {
      this.quoted(true, depth)
      return
    } else if (char === '<' && text[this.index + 1] === '<') {
      if (inline) throw new Unsure()
      this.heredoc(true, depth)
      return
    } else if (char === '[') {
      this.index++
      this.items(']', depth, inline)
    } else if (char === '{') {
      if (inline) throw new Unsure()
      this.index++
      this.objectItems(depth)
    } else if (char === '(') {
      this.index++
      this.expression(depth + 1, inline)
      skip()
      if (text[this.index] !== ')') throw new Unsure()
      this.index++
    } else {
      const name = this.identifier()
      if (name === 'true' || name === 'false' || name === 'null') return
      if (KEYWORDS.has(name)) throw new Unsure()
      if (text[this.index] === '(') {
        this.index++
        this.items(')', depth, inline)
      } else traversal = name
    }
    this.postfix(traversal, depth, inline)
  }

  /** `.name`, `.*`, `[*]` and `[key]` right after an operand (no white space before them). */
  private postfix(first: string | undefined, depth: number, inline: boolean): void {
    const text = this.text
    let previous = first
    for (let steps = 0; ; steps++) {
      if (steps > 30) throw new Unsure()
      const char = text[this.index]
      if (char === '.') {
        const next = text.charCodeAt(this.index + 1)
        if (next === 42) {
          this.index += 2
          previous = undefined
          continue
        }
        this.index++
        const name = this.identifier()
        if (KEYWORDS.has(name)) throw new Unsure()
        if (previous !== undefined) this.addReference(previous, name)
        previous = name
      } else if (char === '[') {
        previous = undefined
        if (text.startsWith('[*]', this.index)) {
          this.index += 3
          continue
        }
        this.index++
        this.expression(depth + 1, inline)
        if (inline) this.skipBlanks()
        else this.skipExtras()
        if (text[this.index] !== ']') throw new Unsure()
        this.index++
      } else return
    }
  }

  /** Comma-separated expressions (a trailing comma allowed) up to and past `close`. */
  private items(close: string, depth: number, inline: boolean): void {
    const skip = inline ? () => this.skipBlanks() : () => this.skipExtras()
    for (;;) {
      skip()
      if (this.text[this.index] === close) {
        this.index++
        return
      }
      this.expression(depth + 1, inline)
      skip()
      if (this.text[this.index] === ',') this.index++
      else if (this.text[this.index] !== close) throw new Unsure()
    }
  }

  /** `key = value` or `key: value` items, commas optional, up to and past `}`. */
  private objectItems(depth: number): void {
    const text = this.text
    for (;;) {
      this.skipExtras()
      if (text[this.index] === '}') {
        this.index++
        return
      }
      this.expression(depth + 1, false)
      this.skipExtras()
      const char = text[this.index]
      const next = text[this.index + 1]
      if (!((char === '=' && next !== '=' && next !== '>') || (char === ':' && next !== ':'))) throw new Unsure()
      this.index++
      this.expression(depth + 1, false)
      this.skipExtras()
      if (text[this.index] === ',') this.index++
    }
  }
}

/** A `.tf` file's text with the bodies of the blocks nothing reads blanked, and what the scan expects the parse to give. */
export interface BlankedFile {
  text: string
  scanned: ScannedHcl
  blanked: ReadonlySet<ScannedBlock>
}

/**
 * Each `.tf` file of a module with the bodies nothing reads blanked (block-filter.ts), or
 * undefined where none is. A block is read when irsa-guard reads its type, or a block that is
 * read (or kept for another reason) refers to it: what only cut bodies refer to is never
 * evaluated. When the scan of one file is unsure, nothing of the module is blanked.
 */
export function filterModule(files: readonly Pick<SourceFile, 'text'>[]): (BlankedFile | undefined)[] | undefined {
  const scans: { file: Pick<SourceFile, 'text'>; scanned: ScannedHcl }[] = []
  for (const file of files) {
    const scanned = scanHcl(file.text)
    if (!scanned) return undefined
    scans.push({ file, scanned })
  }
  const blocks = scans.flatMap(({ scanned }) => scanned.blocks)
  const unread = new Map<string, ScannedBlock[]>()
  const kept: ScannedBlock[] = []
  const cut = new Set<ScannedBlock>()
  for (const block of blocks) {
    const mode = block.type as 'resource' | 'data'
    const [type, name] = block.labels as [string, string]
    if (!block.blankable || hasReader(mode, type) || checksReferencesOf(mode, type)) kept.push(block)
    else {
      cut.add(block)
      getOrCreate(unread, `${type}.${name}`, () => []).push(block)
    }
  }
  const followed = new Set<string>()
  for (let block = kept.pop(); block; block = kept.pop()) {
    for (const reference of block.references) {
      if (followed.has(reference)) continue
      followed.add(reference)
      for (const referred of unread.get(reference) ?? []) if (cut.delete(referred)) kept.push(referred)
    }
  }
  return scans.map(({ file, scanned }) => {
    const { text, blanked } = blankBodies(file.text, scanned, (block) => !cut.has(block))
    return blanked.length > 0 ? { text, scanned, blanked: new Set(blanked) } : undefined
  })
}

/**
 * The blanked text parsed, with the original text; undefined (parse the file whole) when it has
 * an error or its top-level blocks are not the ones the scan saw, blanked bodies empty.
 */
export function parseBlanked(
  parser: HclParser,
  file: Pick<SourceFile, 'path' | 'text'>,
  blanked: BlankedFile,
  fast = false,
): HclFile | undefined {
  const parsed = parseHclFile(parser, file.path, blanked.text, { fast })
  if (parsed.error || parsed.body.attributes.length > 0) return undefined
  const blocks = parsed.body.blocks
  const expected = blanked.scanned.blocks
  if (blocks.length !== expected.length) return undefined
  for (const [index, block] of blocks.entries()) {
    const scanned = expected[index]
    if (
      scanned === undefined ||
      block.type !== scanned.type ||
      block.location.line !== scanned.line ||
      block.endLine !== scanned.endLine ||
      block.labels.length !== scanned.labels.length ||
      scanned.labels.some((label, at) => label !== undefined && label !== block.labels[at]) ||
      (blanked.blanked.has(scanned) && (block.body.attributes.length > 0 || block.body.blocks.length > 0))
    )
      return undefined
  }
  return { ...parsed, text: file.text }
}
