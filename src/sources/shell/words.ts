import type { Location } from '../../model/location.js'

/**
 * Shell text read the way a POSIX shell splits it, for the few commands irsa-guard reads from
 * scripts, Makefiles and workflow `run:` blocks. Nothing is ever executed or expanded: a word keeps
 * `$VAR`, `${…}`, `$(…)` and `${{ … }}` as written, for the reader to resolve or keep symbolic.
 *
 * Hand-written rather than shell-quote: shell-quote (1.8) returns words without their offsets, and
 * every fact needs the line and column of its value; the WASM parsers of mvdan/sh (sh-syntax) load
 * asynchronously and refuse the partial shell of Makefile recipes and templated workflow blocks.
 */

/** One physical line of shell text: its text and where it starts in the file. */
export interface ShellLine {
  text: string
  line: number
  /** Column in the file of the line's first character (a workflow `run:` block is indented). */
  column: number
}

/** Physical lines joined where a line ends in a backslash continuation. */
export interface LogicalLine {
  text: string
  /** Where each joined physical line starts: its offset in `text`, its line and first column in the file. */
  parts: { offset: number; line: number; column: number }[]
  path: string
}

export interface Word {
  /** The word with quotes removed and backslash escapes applied. */
  text: string
  location: Location
  /** The word is wholly one unquoted expansion (`$OPTS`, `$(HELM_OPTS)`): it may stand for any number of words. */
  opaque?: boolean
  /** Where each character of `text` is written (quotes and escapes make them differ from `location` + index). */
  at?: (index: number) => Location
}

/** The part of a word from `index` on (the value of `--flag=value`, of `key=value`), at its own place. */
export function wordFrom(word: Word, index: number): Word {
  const location = word.at ? word.at(index) : { ...word.location, column: word.location.column + index }
  const rest: Word = { text: word.text.slice(index), location }
  if (word.at) {
    const at = word.at
    rest.at = (offset) => at(index + offset)
  }
  return rest
}

/** `;` `&&` `||` `|` `&` `(` `)` and the end of a line: what ends a simple command. */
export const SEPARATOR = '<separator>'

/** The file's lines (column 1 each). */
export function fileLines(text: string): ShellLine[] {
  return text.split(/\r\n|\n|\r/).map((line, index) => ({ text: line, line: index + 1, column: 1 }))
}

/**
 * Logical lines of shell text, with the bodies of here-documents left out (they are data, not
 * commands): after a line with `<<WORD` (or `<<-WORD`, `<<'WORD'`, `<<"WORD"`), every line up to
 * the one that is WORD alone is skipped. The skipped bodies are returned too.
 */
export function logicalLines(
  path: string,
  lines: readonly ShellLine[],
): { lines: LogicalLine[]; heredocs: HereDocument[] } {
  const result: LogicalLine[] = []
  const heredocs: HereDocument[] = []
  let current: LogicalLine = { text: '', parts: [], path }
  for (let index = 0; index < lines.length; index += 1) {
    const raw = lines[index]!
    const continued = /(^|[^\\])(\\\\)*\\$/.test(raw.text)
    current.parts.push({ offset: current.text.length, line: raw.line, column: raw.column })
    current.text += continued ? `${raw.text.slice(0, -1)} ` : raw.text
    if (continued) continue
    result.push(current)
    for (const delimiter of hereDocumentDelimiters(current.text)) {
      const body: ShellLine[] = []
      index += 1
      while (index < lines.length && lines[index]!.text.replace(/^\t+/, '').trim() !== delimiter.word)
        body.push(lines[index++]!)
      heredocs.push({ command: current, body, expands: !delimiter.quoted })
    }
    current = { text: '', parts: [], path }
  }
  if (current.text) result.push(current)
  return { lines: result, heredocs }
}

export interface HereDocument {
  /** The line whose command reads the document. */
  command: LogicalLine
  body: ShellLine[]
  /** The delimiter is unquoted: the shell expands variables in the body. */
  expands: boolean
}

/** The delimiters of the here-documents a line opens, in order (`<<<` is a here-string, not one). */
function hereDocumentDelimiters(text: string): { word: string; quoted: boolean }[] {
  const delimiters: { word: string; quoted: boolean }[] = []
  const unquoted = withoutQuotedText(text)
  for (const match of unquoted.matchAll(/(?<!<)<<-?[ \t]*(?:'([^']+)'|"([^"]+)"|\\?([A-Za-z_][\w.-]*))/g)) {
    const word = match[1] ?? match[2] ?? match[3]
    if (word !== undefined) delimiters.push({ word, quoted: match[3] === undefined || match[0].includes('\\') })
  }
  return delimiters
}

/** The line with quoted text blanked (the delimiter's own quotes kept), and nothing after an unquoted `#` word. */
function withoutQuotedText(text: string): string {
  let out = ''
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!
    if (char === "'" || char === '"') {
      const end = text.indexOf(char, at + 1)
      const close = end < 0 ? text.length : end
      // A here-document's quoted delimiter is kept; any other quoted text is blanked.
      out += /<<-?[ \t]*$/.test(out) ? text.slice(at, close + 1) : ' '.repeat(close - at + 1)
      at = close
    } else if (char === '#' && (at === 0 || /\s/.test(text[at - 1]!))) {
      break
    } else {
      out += char
    }
  }
  return out
}

export function locate(line: LogicalLine, offset: number): Location {
  let part = line.parts[0]!
  for (const candidate of line.parts) if (candidate.offset <= offset) part = candidate
  return { path: line.path, line: part.line, column: offset - part.offset + part.column }
}

/**
 * Splits a command line into words: quotes removed, `$(…)`, `${…}` and `${{ … }}` kept whole
 * inside a word, `;` `&&` `||` `|` `&` `(` `)` as SEPARATOR, and nothing after a `#` that starts a word.
 */
export function shellWords(line: LogicalLine): (Word | string)[] {
  const words: (Word | string)[] = []
  const text = line.text
  let at = 0
  while (at < text.length) {
    const char = text[at]!
    if (char === ' ' || char === '\t') {
      at += 1
      continue
    }
    if (char === '#') break
    if (';&|()'.includes(char)) {
      words.push(SEPARATOR)
      at += 1
      continue
    }
    const start = at
    let word = ''
    let quoted = false
    const offsets: number[] = []
    while (at < text.length) {
      const c = text[at]!
      // An array assignment `NAME=(a b)` is one word.
      if (c === '(' && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(word)) {
        const end = matchingClose(text, at)
        for (let index = at; index < end; index += 1) offsets.push(index)
        word += text.slice(at, end)
        at = end
        continue
      }
      if (c === ' ' || c === '\t' || ';&|()'.includes(c)) break
      if (c === "'") {
        quoted = true
        const end = text.indexOf("'", at + 1)
        const close = end < 0 ? text.length : end
        for (let index = at + 1; index < close; index += 1) offsets.push(index)
        word += text.slice(at + 1, close)
        at = close + 1
      } else if (c === '"') {
        quoted = true
        at += 1
        while (at < text.length && text[at] !== '"') {
          if (text[at] === '\\' && at + 1 < text.length && '"\\$`'.includes(text[at + 1]!)) at += 1
          offsets.push(at)
          word += text.charAt(at)
          at += 1
        }
        at += 1
      } else if (c === '\\' && at + 1 < text.length) {
        offsets.push(at + 1)
        word += text.charAt(at + 1)
        at += 2
      } else if (c === '$' && (text[at + 1] === '(' || text[at + 1] === '{')) {
        const end = matchingClose(text, at + 1)
        for (let index = at; index < end; index += 1) offsets.push(index)
        word += text.slice(at, end)
        at = end
      } else {
        offsets.push(at)
        word += c
        at += 1
      }
    }
    const result: Word = {
      text: word,
      location: locate(line, start),
      at: (index) => locate(line, offsets[index] ?? start),
    }
    // Unquoted, an expansion splits into any number of words; quoted, `"$@"` and `"${ARGS[@]}"` do too.
    if (
      (!quoted && /^(\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*)$/.test(word)) ||
      /^(\$@|\$\{@\}|\$\{[A-Za-z_][A-Za-z0-9_]*\[[@*]\]\})$/.test(word)
    )
      result.opaque = true
    words.push(result)
  }
  return words
}

/** The offset after the bracket that closes the one at `open`, counting nesting. */
function matchingClose(text: string, open: number): number {
  const opening = text[open]
  const closing = opening === '(' ? ')' : '}'
  let depth = 0
  for (let at = open; at < text.length; at += 1) {
    if (text[at] === opening) depth += 1
    else if (text[at] === closing) {
      depth -= 1
      if (depth === 0) return at + 1
    }
  }
  return text.length
}

/** The simple commands of a line: its words between separators. */
export function simpleCommands(words: readonly (Word | string)[]): Word[][] {
  const commands: Word[][] = []
  let current: Word[] = []
  for (const word of words) {
    if (typeof word === 'string') {
      if (current.length > 0) commands.push(current)
      current = []
    } else {
      current.push(word)
    }
  }
  if (current.length > 0) commands.push(current)
  return commands
}

/**
 * The `run:` blocks of a GitHub workflow, as shell lines at their place in the workflow file:
 * `run: cmd` on one line, or a `|`/`>` block scalar indented under the key.
 */
export function workflowRunBlocks(text: string): ShellLine[][] {
  const lines = fileLines(text)
  const blocks: ShellLine[][] = []
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^(\s*)(-\s+)?run:[ \t]*(.*)$/.exec(lines[index]!.text)
    if (!match) continue
    const keyIndent = match[1]!.length + (match[2]?.length ?? 0)
    const rest = match[3]!.replace(/\s+#.*$/, '')
    if (!/^[|>][-+0-9]*$/.test(rest.trim())) {
      if (rest.trim() === '') continue
      const valueStart = lines[index]!.text.length - match[3]!.length
      blocks.push([{ text: unquoteYamlScalar(match[3]!), line: index + 1, column: valueStart + 1 }])
      continue
    }
    const block: ShellLine[] = []
    let indent: number | undefined
    while (index + 1 < lines.length) {
      const next = lines[index + 1]!
      const leading = /^ */.exec(next.text)![0].length
      if (next.text.trim() !== '') {
        if (leading <= keyIndent) break
        indent ??= leading
        if (leading < indent) break
      }
      index += 1
      const cut = Math.min(indent ?? leading, next.text.length)
      block.push({ text: next.text.slice(cut), line: next.line, column: cut + 1 })
    }
    blocks.push(block)
  }
  return blocks
}

/** A plain one-line scalar as the shell sees it; a quoted one is left as written (rare for `run:`). */
function unquoteYamlScalar(text: string): string {
  return text.replace(/\s+#.*$/, '')
}
