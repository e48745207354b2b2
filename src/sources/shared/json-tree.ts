import type { Location } from '../../model/location.js'
import { scalarNode, type ObjectEntry, type TreeNode } from '../../model/tree.js'
import { parsedStrings } from '../../text/own-string.js'

export type JsonTreeResult = { ok: true; root: TreeNode } | { ok: false; message: string; location: Location }

export interface JsonTreeOptions {
  /** Every node gets this location (a document decoded out of one string value has no positions of its own). */
  fixedLocation?: Location
}

const MAX_DEPTH = 200

/**
 * Parses strict JSON (RFC 8259, as IAM reads policies) into a located tree. Unlike a YAML parser it
 * rejects comments, trailing commas, single quotes and bare keys, which IAM rejects too. Duplicate
 * keys are kept, in order. A leading byte-order mark is skipped and not counted as a column.
 */
export function parseJsonTree(path: string, text: string, options: JsonTreeOptions = {}): JsonTreeResult {
  const parser = new JsonParser(path, text, options.fixedLocation)
  try {
    parser.skipWhitespace()
    if (parser.atEnd()) throw parser.error('the file holds no JSON value')
    const root = parser.parseValue(0)
    parser.skipWhitespace()
    if (!parser.atEnd()) throw parser.error(`unexpected ${parser.describeHere()} after the end of the JSON value`)
    return { ok: true, root }
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, message: error.message, location: error.location }
    throw error
  }
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly location: Location,
  ) {
    super(message)
  }
}

class JsonParser {
  private offset = 0
  private line = 1
  private lineStart = 0

  constructor(
    private readonly path: string,
    private readonly text: string,
    private readonly fixedLocation: Location | undefined,
  ) {
    if (text.charCodeAt(0) === 0xfeff) {
      this.offset = 1
      this.lineStart = 1
    }
  }

  atEnd(): boolean {
    return this.offset >= this.text.length
  }

  here(): Location {
    return this.fixedLocation ?? { path: this.path, line: this.line, column: this.offset - this.lineStart + 1 }
  }

  error(message: string): JsonSyntaxError {
    return new JsonSyntaxError(
      message,
      this.fixedLocation ?? { path: this.path, line: this.line, column: this.offset - this.lineStart + 1 },
    )
  }

  describeHere(): string {
    if (this.atEnd()) return 'end of file'
    const char = this.text[this.offset]!
    if (char === '/' && (this.text[this.offset + 1] === '/' || this.text[this.offset + 1] === '*'))
      return 'comment (JSON has no comments)'
    return `character ${JSON.stringify(char)}`
  }

  skipWhitespace(): void {
    const text = this.text
    while (this.offset < text.length) {
      const char = text.charCodeAt(this.offset)
      if (char === 0x20 || char === 0x09) {
        this.offset += 1
      } else if (char === 0x0a) {
        this.offset += 1
        this.newLine()
      } else if (char === 0x0d) {
        this.offset += 1
        if (text.charCodeAt(this.offset) === 0x0a) this.offset += 1
        this.newLine()
      } else {
        return
      }
    }
  }

  private newLine(): void {
    this.line += 1
    this.lineStart = this.offset
  }

  parseValue(depth: number): TreeNode {
    if (depth > MAX_DEPTH) throw this.error(`nesting deeper than ${MAX_DEPTH} levels`)
    const char = this.text[this.offset]
    if (char === '{') return this.parseObject(depth)
    if (char === '[') return this.parseArray(depth)
    if (char === '"') {
      const location = this.here()
      return scalarNode(location, this.parseString(), 'string')
    }
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.parseNumber()
    for (const [word, type] of [
      ['true', 'boolean'],
      ['false', 'boolean'],
      ['null', 'null'],
    ] as const) {
      if (this.text.startsWith(word, this.offset)) {
        const location = this.here()
        this.offset += word.length
        return scalarNode(location, type === 'null' ? '' : word, type)
      }
    }
    if (char === "'") throw this.error('strings must be in double quotes')
    throw this.error(`expected a JSON value, found ${this.describeHere()}`)
  }

  private parseObject(depth: number): TreeNode {
    const location = this.here()
    this.offset += 1
    const entries: ObjectEntry[] = []
    this.skipWhitespace()
    if (this.text[this.offset] === '}') {
      this.offset += 1
      return { kind: 'object', location, entries }
    }
    for (;;) {
      this.skipWhitespace()
      if (this.text[this.offset] !== '"') {
        if (this.text[this.offset] === '}' && entries.length > 0) throw this.error('trailing comma before "}"')
        throw this.error(`expected a property name in double quotes, found ${this.describeHere()}`)
      }
      const keyLocation = this.here()
      const key = this.parseString()
      this.skipWhitespace()
      if (this.text[this.offset] !== ':')
        throw this.error(`expected ":" after property name ${JSON.stringify(key)}, found ${this.describeHere()}`)
      this.offset += 1
      this.skipWhitespace()
      const value = this.parseValue(depth + 1)
      entries.push({ key, keyLocation, value })
      this.skipWhitespace()
      const next = this.text[this.offset]
      if (next === ',') {
        this.offset += 1
        continue
      }
      if (next === '}') {
        this.offset += 1
        return { kind: 'object', location, entries }
      }
      throw this.error(`expected "," or "}" after the value of ${JSON.stringify(key)}, found ${this.describeHere()}`)
    }
  }

  private parseArray(depth: number): TreeNode {
    const location = this.here()
    this.offset += 1
    const items: TreeNode[] = []
    this.skipWhitespace()
    if (this.text[this.offset] === ']') {
      this.offset += 1
      return { kind: 'array', location, items }
    }
    for (;;) {
      this.skipWhitespace()
      if (this.text[this.offset] === ']' && items.length > 0) throw this.error('trailing comma before "]"')
      items.push(this.parseValue(depth + 1))
      this.skipWhitespace()
      const next = this.text[this.offset]
      if (next === ',') {
        this.offset += 1
        continue
      }
      if (next === ']') {
        this.offset += 1
        return { kind: 'array', location, items }
      }
      throw this.error(`expected "," or "]" after an array element, found ${this.describeHere()}`)
    }
  }

  /** Reads a string starting at the opening quote; returns its decoded text. */
  private parseString(): string {
    const text = this.text
    this.offset += 1
    let result = ''
    let chunkStart = this.offset
    for (;;) {
      if (this.offset >= text.length) throw this.error('unterminated string')
      const code = text.charCodeAt(this.offset)
      if (code === 0x22) {
        result += text.slice(chunkStart, this.offset)
        this.offset += 1
        return parsedStrings.get(result)
      }
      if (code < 0x20)
        throw this.error(
          code === 0x0a || code === 0x0d
            ? 'unterminated string (line break inside a string)'
            : 'control character inside a string',
        )
      if (code !== 0x5c) {
        this.offset += 1
        continue
      }
      result += text.slice(chunkStart, this.offset)
      const escape = text[this.offset + 1]
      const simple = escape === undefined ? undefined : SIMPLE_ESCAPES[escape]
      if (simple !== undefined) {
        result += simple
        this.offset += 2
      } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(this.offset + 2, this.offset + 6))) {
        result += String.fromCharCode(parseInt(text.slice(this.offset + 2, this.offset + 6), 16))
        this.offset += 6
      } else {
        throw this.error(`invalid escape sequence "\\${escape ?? ''}" in a string`)
      }
      chunkStart = this.offset
    }
  }

  private parseNumber(): TreeNode {
    const location = this.here()
    const match = NUMBER.exec(this.text.slice(this.offset, this.offset + 400))
    if (!match) throw this.error(`invalid number`)
    this.offset += match[0].length
    const next = this.text[this.offset]
    if (next !== undefined && /[0-9A-Za-z_.]/.test(next)) throw this.error(`invalid number`)
    return scalarNode(location, match[0], 'number')
  }
}

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}
