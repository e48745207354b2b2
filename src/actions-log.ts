import * as core from '@actions/core'
import { escapeWorkflowCommandText } from './report/escape.js'

/**
 * The step's log, annotations and failure message, as @actions/core writes them, with every text
 * escaped first so no value can print a workflow command of its own. @actions/core itself escapes
 * the annotation properties (file, title) and the command's data.
 */
export const actionsLog = {
  info(text: string): void {
    core.info(escapeWorkflowCommandText(text))
  },
  /** Several lines, each escaped on its own. */
  lines(lines: readonly string[]): void {
    if (lines.length > 0) core.info(lines.map(escapeWorkflowCommandText).join('\n'))
  },
  startGroup(name: string): void {
    core.startGroup(escapeWorkflowCommandText(name))
  },
  endGroup(): void {
    core.endGroup()
  },
  notice(text: string, properties: core.AnnotationProperties = {}): void {
    core.notice(escapeWorkflowCommandText(text), properties)
  },
  warning(text: string, properties: core.AnnotationProperties = {}): void {
    core.warning(escapeWorkflowCommandText(text), properties)
  },
  error(text: string, properties: core.AnnotationProperties = {}): void {
    core.error(escapeWorkflowCommandText(text), properties)
  },
  setFailed(text: string): void {
    core.setFailed(escapeWorkflowCommandText(text))
  },
}
