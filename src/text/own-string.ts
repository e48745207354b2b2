/**
 * Strings that do not keep the file they were read from in memory. V8 represents a substring of
 * 13 characters or more as a slice of the string it was taken from, and the slice keeps that whole
 * string alive: a name a parser took from a file kept the file's text in memory after the scan had
 * read it, once per fact (at 100,000 files, about a fifth of the facts' memory).
 */

/** Texts this short are copied by V8 when sliced (v8 src/objects/string.h, SlicedString::kMinLength). */
const SLICED_MIN_LENGTH = 13

/**
 * The same text in a string of its own: slicing a concatenation makes V8 flatten it, copying the
 * characters, and the result is a slice of that copy, not of the original's parent.
 */
export function ownString(text: string): string {
  return text.length < SLICED_MIN_LENGTH ? text : (text + ' ').slice(0, -1)
}

/** Distinct texts a pool holds before it starts afresh (a bound on its memory, not on correctness). */
const POOL_LIMIT = 50_000

/**
 * One copy of its own (ownString) per text: parsers pass the strings they put into their trees
 * through it, so that the names and keys a repository repeats are held once, and never as slices
 * of a file.
 */
export class StringPool {
  private readonly copies = new Map<string, string>()

  get(text: string): string {
    if (text.length < SLICED_MIN_LENGTH) return text
    const copy = this.copies.get(text)
    if (copy !== undefined) return copy
    if (this.copies.size >= POOL_LIMIT) this.copies.clear()
    const own = ownString(text)
    this.copies.set(own, own)
    return own
  }
}

/** The pool the parsers share (one thread's). */
export const parsedStrings = new StringPool()
