import type { CheckResult } from '../check.js'
import { jsonReportChunks } from './json.js'
import { formatMarkdown, type MarkdownOptions } from './markdown.js'
import { sarifChunks, toSarif } from './sarif.js'
import { textChunks } from './text.js'

export type ReportFormat = 'text' | 'json' | 'sarif' | 'markdown'

export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'markdown']

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value)
}

/** The report of a check in one format, as the text to print or write. */
export function formatReport(format: ReportFormat, result: CheckResult, options: MarkdownOptions = {}): string {
  return [...reportChunks(format, result, options)].join('')
}

/**
 * The report of a check in one format as pieces whose concatenation is `formatReport`'s text, made
 * as they are written: the formats that grow with the findings are never held whole. A piece never
 * ends inside a line of the text formats or inside a JSON string.
 */
export function reportChunks(
  format: ReportFormat,
  result: CheckResult,
  options: MarkdownOptions = {},
): Iterable<string> {
  switch (format) {
    case 'text':
      return textChunks(result.findings)
    case 'json':
      return jsonReportChunks(result)
    case 'sarif':
      return sarifChunks(toSarif(result))
    case 'markdown':
      // At most `limit` findings a rule: small whatever the findings.
      return [formatMarkdown(result, options)]
  }
}
