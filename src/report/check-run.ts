import type { Finding, Level } from '../model/finding.js'
import { formatLocation } from '../model/location.js'
import { formatCounts, plural, type LevelCounts } from './counts.js'
import { findingTitle } from './priority.js'
import { truncateWithNotice } from './truncate.js'

/** Limits of the Checks API (output.summary, annotation title, message and raw_details). */
export const CHECK_SUMMARY_LIMIT = 65_535
const ANNOTATION_TITLE_LIMIT = 255
const ANNOTATION_TEXT_LIMIT = 64 * 1024 - 1

export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  start_column?: number
  end_column?: number
  annotation_level: 'failure' | 'warning' | 'notice'
  title: string
  message: string
  raw_details?: string
}

const ANNOTATION_LEVEL: Record<Level, CheckAnnotation['annotation_level']> = {
  error: 'failure',
  warning: 'warning',
  note: 'notice',
}

/** A finding as a Checks API annotation: on its line, titled by the rule (marked when a security rule), the other ends of the link as details. */
export function toCheckAnnotation(finding: Finding, security: ReadonlySet<string> = new Set()): CheckAnnotation {
  const { location } = finding
  const annotation: CheckAnnotation = {
    path: location.path,
    start_line: location.line,
    end_line: location.line,
    annotation_level: ANNOTATION_LEVEL[finding.level],
    title: findingTitle(finding, security).slice(0, ANNOTATION_TITLE_LIMIT),
    message: cut(finding.message, ANNOTATION_TEXT_LIMIT),
  }
  // Columns are allowed only when the annotation stays on one line.
  annotation.start_column = location.column
  annotation.end_column =
    location.endLine === undefined || location.endLine === location.line
      ? Math.max(location.column, location.endColumn ?? location.column)
      : location.column
  if (finding.related.length > 0) {
    annotation.raw_details = cut(
      finding.related.map((related) => `${formatLocation(related.location)}: ${related.message}`).join('\n'),
      ANNOTATION_TEXT_LIMIT,
    )
  }
  return annotation
}

/** The check run's title: the counts, or that nothing was found. */
export function checkRunTitle(counts: LevelCounts): string {
  const total = counts.error + counts.warning + counts.note
  return total === 0 ? 'No IRSA findings' : `${plural(total, 'finding')}: ${formatCounts(counts)}`
}

/** The summary within the Checks API limit; when cut, it says where the rest is. */
export function checkRunSummary(markdown: string, jobSummaryUrl: string | undefined): string {
  const where = jobSummaryUrl ? `the [job summary](${jobSummaryUrl})` : 'the job summary'
  return truncateWithNotice(
    markdown,
    CHECK_SUMMARY_LIMIT,
    `_The summary is cut here to fit a check run (${CHECK_SUMMARY_LIMIT.toLocaleString('en-US')} characters): every finding is an annotation of this check; see ${where} for the rest._`,
  ).text
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`
}
