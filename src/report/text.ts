import type { Finding } from '../model/finding.js'
import { escapeWorkflowCommandText } from './escape.js'

/**
 * `path:line:col: level: message [rule-id]` — the one line format of the CLI, logs and tests. Line
 * breaks and other control characters in the path or message are shown as escapes (`\n`), so a
 * finding is always one line and no line of it is a workflow command.
 */
export function formatFindingLine(finding: Finding): string {
  return escapeWorkflowCommandText(
    `${finding.location.path}:${finding.location.line}:${finding.location.column}: ${finding.level}: ${finding.message} [${finding.ruleId}]`,
  )
}

export function formatText(findings: readonly Finding[]): string {
  return [...textChunks(findings)].join('')
}

/** The text report a line at a time. */
export function* textChunks(findings: readonly Finding[]): Generator<string> {
  for (const finding of findings) yield `${formatFindingLine(finding)}\n`
}
