import type { Finding } from '../model/finding.js'

/** `path:line:col: level: message [rule-id]` — the one line format of the CLI, logs and tests. */
export function formatFindingLine(finding: Finding): string {
  return `${finding.location.path}:${finding.location.line}:${finding.location.column}: ${finding.level}: ${finding.message} [${finding.ruleId}]`
}

export function formatText(findings: readonly Finding[]): string {
  return findings.map((finding) => `${formatFindingLine(finding)}\n`).join('')
}
