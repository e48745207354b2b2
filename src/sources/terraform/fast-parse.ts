import type { Location } from '../../model/location.js'
import type { Block, Body, Expr, HclFile, ObjectItem, Step, TemplatePart } from './ast.js'
import { commonIndent, stripIndent, unescapeHeredoc, unescapeQuoted } from './hcl-strings.js'
import { MAX_DEPTH } from './tree-reader.js'
import { applyStripMarkers, type MarkedPart, templateOrLiteral } from './template-parts.js'
import { parsedStrings } from '../../text/own-string.js'

/*
 * A hand-written parser for a strict subset of HCL that yields exactly the HclFile parseHcl
 * (tree-sitter and the tree reader) yields for the same text, in a fraction of the time. The
 * subset is a part of what tree-sitter-hcl 1.2.0 accepts without error (make_grammar.js, and
 * src/scanner.c for strings, interpolations and heredocs); the AST follows tree-reader.ts,
 * including where it places locations (an access under a unary operator is located at the
 * operator, a legacy index `.0` at its dot, a directive's inner strip markers are ignored).
 * Anything outside the subset (a keyword where an expression starts, identifiers beyond ASCII,
 * `::` outside a call's name, white space before a traversal step or a call's parenthesis,
 * comments inside templates or block headers, hexadecimal numbers, a line break in a string,
 * unusual characters, nesting near the tree reader's depth limit, an escape that is no
 * character) makes it decline: the file then goes to tree-sitter, which reports any syntax error.
 */

/** Thrown (one instance, no stack to capture) wherever the parser is not sure. */
class Decline extends Error {}
const DECLINE = new Decline('declined')

/** Words the grammar lexes as keywords where an identifier could also stand. */
const KEYWORDS = new Set(['for', 'in', 'if', 'else', 'endif', 'endfor', 'true', 'false', 'null'])
/** White space beyond ASCII, which the grammar's scanner may skip (iswspace) where this parser would not. */
const UNUSUAL_SPACE = /[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/
/** Characters that may end a line comment for the grammar's `.` but not here. */
const LINE_BREAK_BEYOND_ASCII = /[\u0085\u2028\u2029]/
const NUMBER = /[0-9]+(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?)?/y
const HEX = /[0-9A-Fa-f]/
/** Operators by the grammar's precedence (binary_mult 6 … binary_or 1); all associate to the left. */
const PRECEDENCE: Record<string, number> = {
  '*': 6,
  '/': 6,
  '%': 6,
  '+': 5,
  '-': 5,
  '>': 4,
  '>=': 4,
  '<': 4,
  '<=': 4,
  '==': 3,
  '!=': 3,
  '&&': 2,
  '||': 1,
}
/** Stay clear of the tree reader's limit: deeper files go to tree-sitter, which reports them. */
const DEPTH_LIMIT = MAX_DEPTH - 10

/** The file parsed by the fast path, or undefined when it is not sure to give what parseHcl gives. */
export function fastParseHcl(path: string, text: string, options: { lineOffset?: number } = {}): HclFile | undefined {
  if (text.includes('\0')) return undefined
  try {
    const body = new FastParser(path, text, options.lineOffset ?? 0).file()
    return { path, text, body }
  } catch (error) {
    // A stack overflow is as unsure as anything else.
    if (error === DECLINE || error instanceof RangeError) return undefined
    throw error
  }
}

function isIdentifierStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 48 && code <= 57) || code === 45
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13)
}

class FastParser {
  private pos = 0
  private readonly lineStarts: number[] = [0]
  /** Inside a template's interpolation: comments there decline. */
  private inTemplate = 0
  /** The deepest level (the tree reader's depth) reached in the operation or conditional being read. */
  private deepest = 0

  constructor(
    private readonly path: string,
    private readonly text: string,
    private readonly lineOffset: number,
  ) {
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1))
      this.lineStarts.push(newline + 1)
  }

  private location(index: number): Location {
    const starts = this.lineStarts
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= index) low = middle
      else high = middle - 1
    }
    return { path: this.path, line: low + 1 + this.lineOffset, column: index - (starts[low] ?? 0) + 1 }
  }

  private code(offset = 0): number {
    return this.text.charCodeAt(this.pos + offset)
  }

  /** White space and comments; true when a comment was skipped. */
  private skip(): boolean {
    const text = this.text
    let comment = false
    for (;;) {
      const code = text.charCodeAt(this.pos)
      if (isSpace(code)) this.pos++
      else if (code === 35 || (code === 47 && text.charCodeAt(this.pos + 1) === 47)) {
        if (this.inTemplate > 0) throw DECLINE
        const newline = text.indexOf('\n', this.pos)
        const end = newline < 0 ? text.length : newline
        if (LINE_BREAK_BEYOND_ASCII.test(text.slice(this.pos, end))) throw DECLINE
        this.pos = end
        comment = true
      } else if (code === 47 && text.charCodeAt(this.pos + 1) === 42) {
        if (this.inTemplate > 0) throw DECLINE
        const end = text.indexOf('*/', this.pos + 2)
        if (end < 0) throw DECLINE
        this.pos = end + 2
        comment = true
      } else return comment
    }
  }

  /**
   * An ASCII identifier that the grammar ends here too; with `scoped`, `::` may go on in it
   * (`provider::aws::arn_parse`), else it declines.
   */
  private identifier(scoped = false): string {
    const text = this.text
    const start = this.pos
    if (!isIdentifierStart(text.charCodeAt(start))) throw DECLINE
    let end = start + 1
    for (;;) {
      const code = text.charCodeAt(end)
      if (isIdentifierPart(code)) end++
      else if (code === 58 && text.charCodeAt(end + 1) === 58) {
        if (!scoped) throw DECLINE
        end += 2
      } else if (code >= 128) throw DECLINE
      else break
    }
    this.pos = end
    return parsedStrings.get(text.slice(start, end))
  }

  /** An identifier that is not a keyword (tree-sitter may lex one as the keyword where an expression starts). */
  private name(): string {
    const name = this.identifier()
    if (KEYWORDS.has(name)) throw DECLINE
    return name
  }

  private expect(code: number): void {
    if (this.code() !== code) throw DECLINE
    this.pos++
  }

  file(): Body {
    const body = this.body(0)
    if (this.pos < this.text.length) throw DECLINE
    return body
  }

  /** Attributes and blocks, up to the end of the text or a `}` (left in place). */
  private body(depth: number): Body {
    const body: Body = { attributes: [], blocks: [] }
    const text = this.text
    for (;;) {
      this.skip()
      if (this.pos >= text.length || this.code() === 125) return body
      const start = this.pos
      const name = this.identifier()
      let comment = this.skip()
      const code = this.code()
      if (code === 61) {
        const next = this.code(1)
        if (next === 61 || next === 62) throw DECLINE
        this.pos++
        body.attributes.push({ name, location: this.location(start), expression: this.expression(depth + 1) })
        continue
      }
      this.reach(depth)
      const labels: string[] = []
      for (;;) {
        if (comment) throw DECLINE
        const labelCode = this.code()
        if (labelCode === 123) break
        if (labelCode === 34) labels.push(this.label())
        else labels.push(this.identifier())
        comment = this.skip()
      }
      this.pos++
      const inner = this.body(depth + 1)
      if (this.code() !== 125) throw DECLINE
      const endLine = this.location(this.pos).line
      this.pos++
      const block: Block = { type: name, labels, location: this.location(start), endLine, body: inner }
      body.blocks.push(block)
    }
  }

  /** A quoted label without template sequences. */
  private label(): string {
    const text = this.text
    const start = this.pos + 1
    this.pos = start
    for (;;) {
      const code = this.code()
      if (code === 34) break
      if (Number.isNaN(code) || code < 32 || code === 36 || code === 37) throw DECLINE
      if (code === 92) this.escape()
      else this.pos++
    }
    const raw = text.slice(start, this.pos)
    this.pos++
    return parsedStrings.get(this.unescape(raw))
  }

  private unescape(raw: string): string {
    if (!raw.includes('\\') && !raw.includes('{')) return raw
    let invalid = false
    const value = unescapeQuoted(raw, () => {
      invalid = true
    })
    if (invalid) throw DECLINE
    return value
  }

  /** An escape the grammar's scanner accepts, at `\`. */
  private escape(): void {
    const text = this.text
    const kind = text.charCodeAt(this.pos + 1)
    // " n r t \
    if (kind === 34 || kind === 110 || kind === 114 || kind === 116 || kind === 92) {
      this.pos += 2
      return
    }
    const digits = kind === 117 ? 4 : kind === 85 ? 8 : 0
    if (digits === 0) throw DECLINE
    for (let index = 0; index < digits; index++) if (!HEX.test(text[this.pos + 2 + index] ?? '')) throw DECLINE
    if (digits === 8 && Number.parseInt(text.slice(this.pos + 2, this.pos + 10), 16) > 0x10ffff) throw DECLINE
    this.pos += 2 + digits
  }

  /** Records that the tree reader reaches `depth` here; too deep declines. */
  private reach(depth: number): void {
    if (depth > DEPTH_LIMIT) throw DECLINE
    if (depth > this.deepest) this.deepest = depth
  }

  /**
   * A binary operation or conditional chain nests its first operands one level deeper per
   * operator: the deepest level reached inside, plus the chain's length, must stay in bounds.
   */
  private chained<T>(depth: number, read: (chain: () => void) => T): T {
    const saved = this.deepest
    this.deepest = depth
    let length = 0
    const result = read(() => {
      length++
    })
    const total = this.deepest + length
    if (total > DEPTH_LIMIT) throw DECLINE
    this.deepest = Math.max(saved, total)
    return result
  }

  private expression(depth: number): Expr {
    this.reach(depth)
    this.skip()
    const start = this.pos
    return this.chained(depth, (chain) => {
      let condition = this.binary(0, depth)
      for (;;) {
        this.skip()
        if (this.code() !== 63) return condition
        chain()
        this.pos++
        const then = this.expression(depth + 1)
        this.skip()
        if (this.code() !== 58 || this.code(1) === 58) throw DECLINE
        this.pos++
        this.skip()
        const otherwise = this.binary(0, depth + 1)
        condition = { kind: 'conditional', condition, then, otherwise, location: this.location(start) }
      }
    })
  }

  /** The binary operator here and its length, or undefined. */
  private operator(): string | undefined {
    const code = this.code()
    const next = this.code(1)
    switch (code) {
      case 42: // *
      case 37: // %
      case 43: // +
      case 45: // -
        return String.fromCharCode(code)
      case 47: // / (comments were skipped)
        return '/'
      case 62: // >
        return next === 61 ? '>=' : '>'
      case 60: // <
        if (next === 60) throw DECLINE
        return next === 61 ? '<=' : '<'
      case 61: // =
        return next === 61 ? '==' : undefined
      case 33: // !
        return next === 61 ? '!=' : undefined
      case 38: // &
        if (next !== 38) throw DECLINE
        return '&&'
      case 124: // |
        if (next !== 124) throw DECLINE
        return '||'
      default:
        return undefined
    }
  }

  /** Operands joined by operators of at least `minimum` precedence (precedence climbing, left-associative). */
  private binary(minimum: number, depth: number): Expr {
    this.skip()
    const start = this.pos
    return this.chained(depth, (chain) => {
      let left = this.unary(depth)
      for (;;) {
        this.skip()
        const operator = this.operator()
        if (operator === undefined) return left
        const precedence = PRECEDENCE[operator] ?? 0
        if (precedence < minimum) return left
        chain()
        this.pos += operator.length
        const right = this.binary(precedence + 1, depth + 1)
        left = { kind: 'binary', operator, left, right, location: this.location(start) }
      }
    })
  }

  private unary(depth: number): Expr {
    this.reach(depth)
    this.skip()
    const code = this.code()
    if (code === 45 || (code === 33 && this.code(1) !== 61)) {
      const start = this.pos
      this.pos++
      this.skip()
      const next = this.code()
      const operand =
        next === 45 || (next === 33 && this.code(1) !== 61)
          ? this.unary(depth + 1)
          : this.postfix(depth + 1, this.location(start))
      return { kind: 'unary', operator: code === 45 ? '-' : '!', operand, location: this.location(start) }
    }
    return this.postfix(depth, undefined)
  }

  /** A term and the traversal steps written right after it. */
  private postfix(depth: number, accessLocation: Location | undefined): Expr {
    const start = this.pos
    const base = this.primary(depth)
    const steps = this.steps(depth, false)
    if (steps.length === 0) return base
    if (base.kind === 'literal' && base.textLocation === undefined) throw DECLINE
    return { kind: 'access', target: base, steps, location: accessLocation ?? this.location(start) }
  }

  /** `.name`, `.0`, `[key]`, and (outside a splat) `.*` and `[*]` with the steps after them. */
  private steps(depth: number, inSplat: boolean): Step[] {
    const text = this.text
    const steps: Step[] = []
    for (;;) {
      const code = this.code()
      if (code === 46) {
        const next = this.code(1)
        if (next === 42) {
          if (inSplat) return steps
          this.pos += 2
          steps.push({ kind: 'splat', steps: this.steps(depth, true) })
        } else if (next >= 48 && next <= 57) {
          const dot = this.pos
          let end = dot + 1
          while (text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++
          if (isIdentifierPart(text.charCodeAt(end)) || text.charCodeAt(end) >= 128) throw DECLINE
          this.pos = end
          const value = Number(text.slice(dot + 1, end))
          steps.push({ kind: 'index', key: { kind: 'literal', value, location: this.location(dot) } })
        } else if (isIdentifierStart(next)) {
          this.pos++
          steps.push({ kind: 'attr', name: this.identifier() })
        } else if (next === 46) {
          return steps
        } else throw DECLINE
      } else if (code === 91) {
        if (this.code(1) === 42 && this.code(2) === 93) {
          if (inSplat) return steps
          this.pos += 3
          steps.push({ kind: 'splat', steps: this.steps(depth, true) })
        } else {
          this.pos++
          const key = this.expression(depth + 1)
          this.skip()
          this.expect(93)
          steps.push({ kind: 'index', key })
        }
      } else return steps
    }
  }

  private primary(depth: number): Expr {
    const text = this.text
    const code = this.code()
    const start = this.pos
    if (code >= 48 && code <= 57) {
      NUMBER.lastIndex = start
      NUMBER.test(text)
      const end = NUMBER.lastIndex
      const after = text.charCodeAt(end)
      if (isIdentifierPart(after) || after === 46 || after >= 128) throw DECLINE
      this.pos = end
      return { kind: 'literal', value: Number(text.slice(start, end)), location: this.location(start) }
    }
    if (code === 34) return this.quoted(depth)
    if (code === 60) {
      if (this.code(1) !== 60) throw DECLINE
      return this.heredoc(depth)
    }
    if (code === 91) return this.forAhead() ? this.forExpression(depth, false) : this.tuple(depth)
    if (code === 123) return this.forAhead() ? this.forExpression(depth, true) : this.object(depth)
    if (code === 40) {
      this.pos++
      const inner = this.expression(depth + 1)
      this.skip()
      this.expect(41)
      return inner
    }
    const word = this.identifier(true)
    if (word === 'true' || word === 'false')
      return { kind: 'literal', value: word === 'true', location: this.location(start) }
    if (word === 'null') return { kind: 'literal', value: null, location: this.location(start) }
    if (KEYWORDS.has(word)) throw DECLINE
    if (this.code() === 40) return this.call(word, start, depth)
    // `name (…)` is a call to tree-sitter.
    const after = this.pos
    this.skip()
    if (this.code() === 40) throw DECLINE
    this.pos = after
    return { kind: 'variable', name: word, location: this.location(start) }
  }

  /** Whether the bracket here opens a `for` expression. */
  private forAhead(): boolean {
    const start = this.pos
    this.pos++
    this.skip()
    const text = this.text
    const found =
      text.startsWith('for', this.pos) &&
      !isIdentifierPart(text.charCodeAt(this.pos + 3)) &&
      text.charCodeAt(this.pos + 3) < 128
    this.pos = start
    return found
  }

  private call(name: string, start: number, depth: number): Expr {
    this.pos++
    const args: Expr[] = []
    let expandLast = false
    this.skip()
    if (this.code() === 41) this.pos++
    else {
      for (;;) {
        args.push(this.expression(depth + 1))
        this.skip()
        const code = this.code()
        if (code === 41) {
          this.pos++
          break
        }
        if (code === 46 && this.code(1) === 46 && this.code(2) === 46) {
          this.pos += 3
          expandLast = true
          this.skip()
          this.expect(41)
          break
        }
        this.expect(44)
        this.skip()
        if (this.code() === 41) {
          this.pos++
          break
        }
      }
    }
    return { kind: 'call', name, args, expandLast, location: this.location(start) }
  }

  private tuple(depth: number): Expr {
    const location = this.location(this.pos)
    this.pos++
    const items: Expr[] = []
    this.skip()
    if (this.code() === 93) this.pos++
    else {
      for (;;) {
        items.push(this.expression(depth + 1))
        this.skip()
        if (this.code() === 93) {
          this.pos++
          break
        }
        this.expect(44)
        this.skip()
        if (this.code() === 93) {
          this.pos++
          break
        }
      }
    }
    return { kind: 'tuple', items, location }
  }

  private object(depth: number): Expr {
    const location = this.location(this.pos)
    this.pos++
    const items: ObjectItem[] = []
    for (;;) {
      this.skip()
      if (this.code() === 125) {
        this.pos++
        return { kind: 'object', items, location }
      }
      const keyStart = this.pos
      const key = this.binary(0, depth + 1)
      this.skip()
      const separator = this.code()
      const next = this.code(1)
      if (!((separator === 61 && next !== 61 && next !== 62) || (separator === 58 && next !== 58))) throw DECLINE
      this.pos++
      const value = this.expression(depth + 1)
      const item: ObjectItem = { key, keyLocation: this.location(keyStart), value }
      if (key.kind === 'variable') item.keyName = key.name
      items.push(item)
      this.skip()
      if (this.code() === 44) this.pos++
    }
  }

  private forExpression(depth: number, isObject: boolean): Expr {
    const location = this.location(this.pos)
    this.pos++
    this.skip()
    this.pos += 3
    this.skip()
    const first = this.name()
    let second: string | undefined
    this.skip()
    if (this.code() === 44) {
      this.pos++
      this.skip()
      second = this.name()
      this.skip()
    }
    if (this.identifier() !== 'in') throw DECLINE
    this.skip()
    const collection = this.binary(0, depth + 1)
    this.skip()
    this.expect(58)
    const head = this.expression(depth + 1)
    this.skip()
    let keyExpr: Expr | undefined
    let valueExpr = head
    let grouping = false
    if (isObject) {
      if (this.code() !== 61 || this.code(1) !== 62) throw DECLINE
      this.pos += 2
      keyExpr = head
      valueExpr = this.expression(depth + 1)
      this.skip()
      if (this.code() === 46 && this.code(1) === 46 && this.code(2) === 46) {
        this.pos += 3
        grouping = true
        this.skip()
      }
    }
    let condition: Expr | undefined
    if (isIdentifierStart(this.code())) {
      if (this.identifier() !== 'if') throw DECLINE
      condition = this.expression(depth + 1)
      this.skip()
    }
    this.expect(isObject ? 125 : 93)
    const result: Expr = {
      kind: 'for',
      valueName: second ?? first,
      collection,
      valueExpr,
      grouping,
      location,
    }
    if (second !== undefined) result.keyName = first
    if (keyExpr) result.keyExpr = keyExpr
    if (condition) result.condition = condition
    return result
  }

  /** `${` … `}` at `$`. */
  private interpolation(depth: number): TemplateItem {
    const start = this.pos
    this.pos += 2
    this.inTemplate++
    const stripBefore = this.strip()
    this.skip()
    if (this.code() === 125 || this.code() === 126) throw DECLINE
    const expression = this.expression(depth + 1)
    const stripAfter = this.closeTag()
    return {
      kind: 'interpolation',
      start,
      end: this.pos,
      part: { part: { kind: 'interpolation', expression, location: this.location(start) }, stripBefore, stripAfter },
    }
  }

  /** A strip marker `~` here, skipped. */
  private strip(): boolean {
    if (this.code() !== 126) return false
    this.pos++
    return true
  }

  /** An optional strip marker and the `}` that closes an interpolation or directive; whether the marker was there. */
  private closeTag(): boolean {
    this.skip()
    const stripAfter = this.strip()
    this.skip()
    this.expect(125)
    this.inTemplate--
    return stripAfter
  }

  /** `%{` … `}` at `%`: an `if`, `else`, `endif`, `for` or `endfor` directive. */
  private directive(depth: number): TemplateItem {
    const start = this.pos
    this.pos += 2
    this.inTemplate++
    const stripBefore = this.strip()
    this.skip()
    const keyword = this.identifier()
    if (keyword === 'if') {
      const condition = this.expression(depth + 1)
      this.closeTag()
      return { kind: 'if', start, end: this.pos, stripBefore, condition }
    }
    if (keyword === 'for') {
      this.skip()
      const first = this.name()
      this.skip()
      let second: string | undefined
      if (this.code() === 44) {
        this.pos++
        this.skip()
        second = this.name()
        this.skip()
      }
      if (this.identifier() !== 'in') throw DECLINE
      const collection = this.expression(depth + 1)
      this.closeTag()
      return { kind: 'for', start, end: this.pos, stripBefore, first, second, collection }
    }
    if (keyword !== 'else' && keyword !== 'endif' && keyword !== 'endfor') throw DECLINE
    const stripAfter = this.closeTag()
    return { kind: keyword, start, end: this.pos, stripAfter }
  }

  /**
   * At `$` or `%` in template text: an interpolation or directive, or undefined after skipping
   * the scanner's literal chunk there (`$${`, `$$`, `$`, and the same with `%`).
   */
  private templateSign(depth: number): TemplateItem | undefined {
    const sign = this.code()
    const next = this.code(1)
    if (next === 123) return sign === 37 ? this.directive(depth) : this.interpolation(depth)
    if (next === sign) this.pos += this.code(2) === 123 ? 3 : 2
    else this.pos++
    return undefined
  }

  /**
   * The parts of a template from its interpolations and directives, as the tree reader reads
   * them: the text between them, directives nested, strip markers applied at each level (a
   * directive strips only on its outer sides).
   */
  private templateParts(
    items: readonly TemplateItem[],
    contentStart: number,
    contentEnd: number,
    unescape: (raw: string, offset: number) => string,
  ): TemplatePart[] {
    let index = 0
    const read = (from: number, stops: readonly string[]): { parts: TemplatePart[]; stop?: TemplateItem } => {
      const parts: MarkedPart[] = []
      let cursor = from
      const pushText = (to: number): void => {
        if (to > cursor)
          parts.push({
            part: {
              kind: 'text',
              text: parsedStrings.get(unescape(this.text.slice(cursor, to), cursor)),
              location: this.location(cursor),
            },
          })
      }
      for (; index < items.length;) {
        const item = items[index++] as TemplateItem
        pushText(item.start)
        if (stops.includes(item.kind)) return { parts: applyStripMarkers(parts), stop: item }
        if (item.kind === 'interpolation') {
          parts.push(item.part)
          cursor = item.end
        } else if (item.kind === 'if') {
          const then = read(item.end, ['else', 'endif'])
          let closing = then.stop
          let otherwise: TemplatePart[] = []
          if (closing?.kind === 'else') {
            const other = read(closing.end, ['endif'])
            otherwise = other.parts
            closing = other.stop
          }
          if (closing?.kind !== 'endif') throw DECLINE
          const part: TemplatePart = {
            kind: 'if',
            condition: item.condition,
            then: then.parts,
            otherwise,
            location: this.location(item.start),
          }
          parts.push({ part, stripBefore: item.stripBefore, stripAfter: closing.stripAfter })
          cursor = closing.end
        } else if (item.kind === 'for') {
          const body = read(item.end, ['endfor'])
          const closing = body.stop
          if (closing?.kind !== 'endfor') throw DECLINE
          const location = this.location(item.start)
          const part: TemplatePart =
            item.second !== undefined
              ? {
                  kind: 'for',
                  keyName: item.first,
                  valueName: item.second,
                  collection: item.collection,
                  body: body.parts,
                  location,
                }
              : { kind: 'for', valueName: item.first, collection: item.collection, body: body.parts, location }
          parts.push({ part, stripBefore: item.stripBefore, stripAfter: closing.stripAfter })
          cursor = closing.end
        } else throw DECLINE
      }
      if (stops.length > 0) throw DECLINE
      pushText(contentEnd)
      return { parts: applyStripMarkers(parts) }
    }
    return read(contentStart, []).parts
  }

  private quoted(depth: number): Expr {
    const text = this.text
    const start = this.pos
    const contentStart = start + 1
    this.pos = contentStart
    const items: TemplateItem[] = []
    for (;;) {
      const code = this.code()
      if (code === 34) break
      if (Number.isNaN(code) || (code < 32 && code !== 9)) throw DECLINE
      if (code === 92) this.escape()
      else if (code === 36 || code === 37) {
        const item = this.templateSign(depth)
        if (item) items.push(item)
      } else this.pos++
    }
    const contentEnd = this.pos
    this.pos++
    const parts =
      items.length === 0 && contentEnd > contentStart
        ? [
            {
              kind: 'text' as const,
              text: parsedStrings.get(this.unescape(text.slice(contentStart, contentEnd))),
              location: this.location(contentStart),
            },
          ]
        : this.templateParts(items, contentStart, contentEnd, (raw) => this.unescape(raw))
    return templateOrLiteral(
      parts,
      this.location(start),
      this.location(contentStart),
      !text.slice(contentStart, contentEnd).includes('\\n'),
    )
  }

  private heredoc(depth: number): Expr {
    const text = this.text
    const start = this.pos
    const indented = this.code(2) === 45
    this.pos += indented ? 3 : 2
    const markerStart = this.pos
    if (!isIdentifierStart(this.code())) throw DECLINE
    while (isIdentifierPart(this.code())) this.pos++
    if (this.code() >= 128) throw DECLINE
    const marker = text.slice(markerStart, this.pos)
    for (;;) {
      const code = this.code()
      if (code === 10) break
      if (code !== 32 && code !== 9 && code !== 13) throw DECLINE
      this.pos++
    }
    this.pos++
    const contentStart = this.pos
    const items: TemplateItem[] = []
    let lineStart = true
    let closing = -1
    while (closing < 0) {
      const code = this.code()
      if (Number.isNaN(code)) throw DECLINE
      if (isSpace(code)) {
        if (code === 10) lineStart = true
        this.pos++
        continue
      }
      if (code === 36 || code === 37) {
        const item = this.templateSign(depth)
        if (item) items.push(item)
        lineStart = false
        continue
      }
      if (code >= 128 && UNUSUAL_SPACE.test(text.charAt(this.pos))) throw DECLINE
      if (lineStart && text.startsWith(marker, this.pos)) {
        // The scanner ends the heredoc at the marker alone on its line, white space around it.
        let after = this.pos + marker.length
        for (let blank = text.charCodeAt(after); isSpace(blank) && blank !== 10; blank = text.charCodeAt(++after));
        if (text.charCodeAt(after) !== 10) throw DECLINE
        closing = this.pos
        break
      }
      lineStart = false
      this.pos++
    }
    const contentEnd = Math.max(contentStart, text.lastIndexOf('\n', closing - 1) + 1)
    this.pos = closing + marker.length
    const indent = indented ? commonIndent(text.slice(contentStart, contentEnd)) : 0
    const unescape = (raw: string, offset: number): string =>
      unescapeHeredoc(indent > 0 ? stripIndent(raw, indent, offset === contentStart || text[offset - 1] === '\n') : raw)
    const parts = this.templateParts(items, contentStart, contentEnd, unescape)
    return templateOrLiteral(parts, this.location(start), this.location(contentStart), true)
  }
}

/** An interpolation or directive of a template, where it starts and ends. */
type TemplateItem = { start: number; end: number } & (
  | { kind: 'interpolation'; part: MarkedPart }
  | { kind: 'if'; stripBefore: boolean; condition: Expr }
  | { kind: 'for'; stripBefore: boolean; first: string; second: string | undefined; collection: Expr }
  | { kind: 'else' | 'endif' | 'endfor'; stripAfter: boolean }
)
