import type { CheckResult } from '../check.js'
import { formatJson } from './json.js'
import { formatMarkdown, type MarkdownOptions } from './markdown.js'
import { formatSarif } from './sarif.js'
import { formatText } from './text.js'

export type ReportFormat = 'text' | 'json' | 'sarif' | 'markdown'

export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'markdown']

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value)
}

/** The report of a check in one format, as the text to print or write. */
export function formatReport(format: ReportFormat, result: CheckResult, options: MarkdownOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(result.findings)
    case 'json':
      return formatJson(result)
    case 'sarif':
      return formatSarif(result)
    case 'markdown':
      return formatMarkdown(result, options)
  }
}
