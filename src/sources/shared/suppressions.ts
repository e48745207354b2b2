import type { Location } from '../../model/location.js'
import type { Suppression } from '../../model/suppression.js'

/** The annotation on a Kubernetes object: `irsa-guard.io/ignore: "<rule-id>[,<rule-id>]: reason"`. */
export const SUPPRESSION_ANNOTATION = 'irsa-guard.io/ignore'
/** The word after a comment marker: `# irsa-guard:ignore <rule-id>[,<rule-id>] reason`. */
export const SUPPRESSION_COMMENT = 'irsa-guard:ignore'

export interface SuppressionText {
  ruleIds: string[]
  /** undefined when none is given: such a suppression suppresses nothing and is itself reported. */
  reason?: string
}

const RULE_IDS_THEN_REASON = /^\s*([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)?\s*:?(.*)$/s

/**
 * Reads `<rule-id>[,<rule-id>] reason` (a comment) or `<rule-id>[,<rule-id>]: reason` (the
 * annotation); either form is accepted in both places. Separators before the reason (`:`, `-`,
 * `--`) are dropped, and a block comment's closing `*\/`.
 */
export function parseSuppressionText(text: string): SuppressionText {
  const match = RULE_IDS_THEN_REASON.exec(text.replace(/\*\/\s*$/, ''))
  const ids = match?.[1] ?? ''
  const ruleIds =
    ids === ''
      ? []
      : ids
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== '')
  const reason = (match?.[2] ?? '').replace(/^[\s:\-–—]+/, '').trim()
  return reason === '' ? { ruleIds } : { ruleIds, reason }
}

/**
 * The `irsa-guard:ignore` comments of a file. Each covers its own line and the next line that is
 * neither blank nor a comment. `commentMarkers` are the line-comment starts of the format:
 * `['#']` for YAML, `['#', '//', '/*']` for HCL. A marker counts at the start of a line or after
 * whitespace (a `#` inside a word is not a YAML comment).
 */
export function commentSuppressions(path: string, text: string, commentMarkers: readonly string[]): Suppression[] {
  if (!text.includes(SUPPRESSION_COMMENT)) return []
  const lines = text.split(/\r\n|\n|\r/)
  const markers = commentMarkers.map(escapeRegex).join('|')
  const comment = new RegExp(`(^|\\s)(${markers})\\s*${escapeRegex(SUPPRESSION_COMMENT)}(?=\\s|:|$)(.*)$`)
  const commentOnly = new RegExp(`^\\s*(${markers})`)
  const suppressions: Suppression[] = []
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!
    if (!line.includes(SUPPRESSION_COMMENT)) continue
    const match = comment.exec(line)
    if (!match) continue
    const column = match.index + (match[1] ?? '').length + 1
    let next = index + 1
    while (next < lines.length && (lines[next]!.trim() === '' || commentOnly.test(lines[next]!))) next += 1
    const lineNumber = index + 1
    suppressions.push({
      ...parseSuppressionText(match[3] ?? ''),
      location: { path, line: lineNumber, column },
      fromLine: lineNumber,
      toLine: next < lines.length ? next + 1 : lineNumber,
      form: 'comment',
    })
  }
  return suppressions
}

/** The `irsa-guard.io/ignore` annotation of an object spanning `fromLine`..`toLine`. */
export function annotationSuppression(
  value: string,
  location: Location,
  fromLine: number,
  toLine: number,
): Suppression {
  return { ...parseSuppressionText(value), location, fromLine, toLine, form: 'annotation' }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
