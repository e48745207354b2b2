import type { Location } from '../../model/location.js'

/** Offsets of a file's text to line and column, from one pass over its line starts (lock files are long). */
export class TextLocations {
  private readonly lineStarts: number[] = [0]

  constructor(
    private readonly path: string,
    text: string,
  ) {
    for (let offset = text.indexOf('\n'); offset !== -1; offset = text.indexOf('\n', offset + 1))
      this.lineStarts.push(offset + 1)
  }

  at(offset: number): Location {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return { path: this.path, line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 }
  }

  /** The location of the first occurrence of `needle` at or after `from`, or of the file's start. */
  of(text: string, needle: string, from = 0): Location {
    const offset = text.indexOf(needle, from)
    return this.at(offset === -1 ? 0 : offset)
  }
}
