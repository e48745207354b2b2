import type { ScalarReplacement } from '../model/finding.js'
import { escapeControlCharacters } from './escape.js'

interface ScalarStyle {
  /** How the style writes the value, or undefined when it cannot write it on one line. */
  write(value: string): string | undefined
  /** Whether the text after the written scalar ends it (a plain scalar runs on otherwise). */
  endsBefore(after: string): boolean
}

const PLAIN_SCALAR = /^[A-Za-z0-9_][A-Za-z0-9_./:@+=-]*$/

/** The scalar styles a one-line value may be written in: plain, YAML 'single', and "double" (YAML, JSON, HCL). */
const STYLES: readonly ScalarStyle[] = [
  {
    write: (value) => (PLAIN_SCALAR.test(value) && !value.endsWith(':') ? value : undefined),
    endsBefore: (after) => /^($|[ \t]|:([ \t]|$)|[,}\]])/.test(after),
  },
  { write: (value) => (oneLine(value) ? `'${value.replace(/'/g, "''")}'` : undefined), endsBefore: () => true },
  // HCL reads ${ and %{ in a quoted string as a template.
  { write: (value) => (/[$%]\{/.test(value) ? undefined : JSON.stringify(value)), endsBefore: () => true },
]

function oneLine(value: string): boolean {
  return escapeControlCharacters(value) === value
}

/**
 * The line with the scalar that starts at `column` changed from `replacement.from` to `replacement.to`,
 * in the style the line already writes it; undefined unless the line shows exactly `from` there and
 * the new line holds no character that could hide or reorder text.
 */
export function replaceScalarInLine(line: string, column: number, { from, to }: ScalarReplacement): string | undefined {
  const start = column - 1
  if (start < 0 || start >= line.length || !oneLine(line)) return undefined
  const rest = line.slice(start)
  for (const style of STYLES) {
    const written = style.write(from)
    if (written === undefined || !rest.startsWith(written) || !style.endsBefore(rest.slice(written.length))) continue
    const rewritten = style.write(to)
    if (rewritten === undefined) return undefined
    const result = `${line.slice(0, start)}${rewritten}${rest.slice(written.length)}`
    return oneLine(result) ? result : undefined
  }
  return undefined
}

/** A GitHub suggestion block replacing one line, fenced with more backticks than the line holds in a row. */
export function suggestionBlock(line: string): string {
  const longestRun = Math.max(0, ...[...line.matchAll(/`+/g)].map((match) => match[0].length))
  const fence = '`'.repeat(Math.max(3, longestRun + 1))
  return `${fence}suggestion\n${line}\n${fence}`
}
