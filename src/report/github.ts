import type { Finding } from '../model/finding.js'
import { escapeWorkflowCommandText } from './escape.js'

const COMMAND_FOR_LEVEL = { error: 'error', warning: 'warning', note: 'notice' } as const

/**
 * `--format github`: one workflow command a finding (`::error file=…,line=…,col=…,title=…::message`),
 * the annotation syntax GitHub Actions and other CI systems' log parsers read. Values are first
 * escaped for the log (escapeWorkflowCommandText: no line break, no `##[`), then as the runner
 * unescapes command data (`%`, CR, LF) and properties (also `:` and `,`), as @actions/core's
 * toCommandValue/escapeData/escapeProperty do (actions/toolkit packages/core/src/command.ts).
 */
export function formatGithub(findings: readonly Finding[]): string {
  return [...githubChunks(findings)].join('')
}

/** The github format a command (a line) at a time. */
export function* githubChunks(findings: readonly Finding[]): Generator<string> {
  for (const finding of findings) {
    const properties = [
      `file=${escapeProperty(finding.location.path)}`,
      `line=${finding.location.line}`,
      `col=${finding.location.column}`,
      `title=${escapeProperty(`irsa-guard ${finding.ruleId}`)}`,
    ].join(',')
    yield `::${COMMAND_FOR_LEVEL[finding.level]} ${properties}::${escapeData(finding.message)}\n`
  }
}

function escapeData(text: string): string {
  return escapeWorkflowCommandText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
