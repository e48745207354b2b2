import type { Location } from '../../model/location.js'

export type JsonPath = readonly (string | number)[]

interface ObjectIndex {
  kind: 'object'
  /** Offset of each key's opening quote and of its value; the last of duplicate keys, as JSON.parse keeps. */
  entries: Map<string, { keyOffset: number; valueOffset: number }>
}

interface ArrayIndex {
  kind: 'array'
  valueOffsets: number[]
}

/**
 * Finds where a value of an already parsed JSON text is written, without building a located tree
 * of the whole text: a plan of several megabytes is parsed with JSON.parse, and only the few
 * paths a finding may point at are located. Each container on a requested path is indexed once
 * (one scan over its text at its own level), so locating many paths costs about one pass over
 * the text. Assumes valid JSON (the caller parsed it).
 */
export class JsonLocator {
  private readonly containers = new Map<string, ObjectIndex | ArrayIndex | undefined>()
  private lineStarts: number[] | undefined
  private readonly start: number

  constructor(
    private readonly path: string,
    private readonly text: string,
  ) {
    this.start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  }

  /** Where the last step of the path is written: its key for an object member, the value itself for an array item. */
  keyLocation(path: JsonPath): Location | undefined {
    const found = this.find(path)
    return found === undefined ? undefined : this.location(found.keyOffset)
  }

  /** Where the value at the path starts. */
  valueLocation(path: JsonPath): Location | undefined {
    const found = this.find(path)
    return found === undefined ? undefined : this.location(found.valueOffset)
  }

  /** The key location of the longest prefix of the path that exists (the whole text at worst). */
  nearestKeyLocation(path: JsonPath): Location {
    for (let length = path.length; length > 0; length--) {
      const location = this.keyLocation(path.slice(0, length))
      if (location) return location
    }
    return this.location(this.valueStart(this.start))
  }

  location(offset: number): Location {
    const starts = (this.lineStarts ??= lineStartsOf(this.text, this.start))
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return { path: this.path, line: low + 1, column: offset - starts[low]! + 1 }
  }

  private find(path: JsonPath): { keyOffset: number; valueOffset: number } | undefined {
    let valueOffset = this.valueStart(this.start)
    let keyOffset = valueOffset
    for (let depth = 0; depth < path.length; depth++) {
      const index = this.indexAt(path.slice(0, depth), valueOffset)
      const step = path[depth]!
      if (index?.kind === 'object' && typeof step === 'string') {
        const member = index.entries.get(step)
        if (!member) return undefined
        ;({ keyOffset, valueOffset } = member)
      } else if (index?.kind === 'array' && typeof step === 'number') {
        const item = index.valueOffsets[step]
        if (item === undefined) return undefined
        keyOffset = valueOffset = item
      } else {
        return undefined
      }
    }
    return { keyOffset, valueOffset }
  }

  private indexAt(prefix: JsonPath, offset: number): ObjectIndex | ArrayIndex | undefined {
    const cacheKey = JSON.stringify(prefix)
    if (this.containers.has(cacheKey)) return this.containers.get(cacheKey)
    const index = this.indexContainer(offset)
    this.containers.set(cacheKey, index)
    return index
  }

  private indexContainer(offset: number): ObjectIndex | ArrayIndex | undefined {
    const text = this.text
    const open = text[offset]
    if (open === '{') {
      const entries = new Map<string, { keyOffset: number; valueOffset: number }>()
      let position = this.skipWhitespace(offset + 1)
      while (position < text.length && text[position] === '"') {
        const keyEnd = this.skipString(position)
        const key = JSON.parse(text.slice(position, keyEnd)) as string
        const valueOffset = this.valueStart(this.skipWhitespace(keyEnd) + 1)
        entries.set(key, { keyOffset: position, valueOffset })
        position = this.skipWhitespace(this.skipValue(valueOffset))
        if (text[position] === ',') position = this.skipWhitespace(position + 1)
      }
      return { kind: 'object', entries }
    }
    if (open === '[') {
      const valueOffsets: number[] = []
      let position = this.skipWhitespace(offset + 1)
      while (position < text.length && text[position] !== ']') {
        valueOffsets.push(position)
        position = this.skipWhitespace(this.skipValue(position))
        if (text[position] === ',') position = this.skipWhitespace(position + 1)
      }
      return { kind: 'array', valueOffsets }
    }
    return undefined
  }

  private valueStart(offset: number): number {
    return this.skipWhitespace(offset)
  }

  private skipWhitespace(offset: number): number {
    const text = this.text
    let position = offset
    for (;;) {
      const code = text.charCodeAt(position)
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) position++
      else return position
    }
  }

  /** The offset just after the value starting at `offset`. */
  private skipValue(offset: number): number {
    const text = this.text
    const first = text.charCodeAt(offset)
    if (first === 0x22) return this.skipString(offset)
    if (first !== 0x7b && first !== 0x5b) {
      SCALAR_END.lastIndex = offset
      return SCALAR_END.exec(text)?.index ?? text.length
    }
    let depth = 0
    for (let position = offset; position < text.length; position++) {
      const code = text.charCodeAt(position)
      if (code === 0x22) position = this.skipString(position) - 1
      else if (code === 0x7b || code === 0x5b) depth++
      else if ((code === 0x7d || code === 0x5d) && --depth === 0) return position + 1
    }
    return text.length
  }

  /** The offset just after the closing quote of the string starting at `offset`. */
  private skipString(offset: number): number {
    const text = this.text
    let from = offset + 1
    for (;;) {
      const quote = text.indexOf('"', from)
      if (quote < 0) return text.length
      let backslashes = 0
      for (let index = quote - 1; text.charCodeAt(index) === 0x5c; index--) backslashes++
      if (backslashes % 2 === 0) return quote + 1
      from = quote + 1
    }
  }
}

const SCALAR_END = /[\s,\]}]/g

function lineStartsOf(text: string, start: number): number[] {
  const starts = [start]
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}
