import type { Config } from '../config.js'
import type { Graph } from '../graph.js'
import type { FindingDraft, Level } from '../model/finding.js'
import type { Suppression } from '../model/suppression.js'

export interface RuleMeta {
  /** Stable: appears in SARIF, suppressions, config and the docs path. */
  id: string
  level: Level
  /** About more access than intended rather than broken access. */
  security?: boolean
  /** One sentence: what the rule finds. */
  description: string
  /** One sentence: how to fix what it finds. */
  remediation: string
}

export interface ScanSummary {
  /** Files read and handed to a source (IRSA-relevant by name or content). */
  relevantFiles: number
  /** Every candidate file looked at. */
  filesSeen: number
  /** The include globs, for messages. */
  include: readonly string[]
}

export interface RuleContext {
  config: Config
  scan: ScanSummary
  suppressions: readonly Suppression[]
}

export interface Rule {
  meta: RuleMeta
  check(graph: Graph, context: RuleContext): Iterable<FindingDraft>
}

export const DOCS_BASE_URL = 'https://github.com/irsa-guard/irsa-guard/blob/main/docs/rules'

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}/${ruleId}.md`
}
