import type { CheckResult } from '../check.js'
import { levelRank, type Finding } from '../model/finding.js'
import type { RuleMeta } from '../rules/rule.js'

/** The ids of the rules whose meta says `security: true` (more access than intended, not broken access). */
export function securityRuleIds(rules: readonly RuleMeta[]): ReadonlySet<string> {
  return new Set(rules.filter((meta) => meta.security).map((meta) => meta.id))
}

/**
 * What a reader must see first where only some findings fit (10 annotations per level on a step,
 * 50 per check run request, the first lines of a comment): by level, and within a level the
 * security rules' findings first; otherwise in the order given (path, line).
 */
export function priorityRank(finding: Finding, security: ReadonlySet<string>): number {
  return levelRank(finding.level) * 2 + (security.has(finding.ruleId) ? 1 : 0)
}

/** The findings most important first (a stable sort: the given order stays within one rank). */
export function byPriority(findings: readonly Finding[], security: ReadonlySet<string>): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index, rank: priorityRank(finding, security) }))
    .sort((a, b) => b.rank - a.rank || a.index - b.index)
    .map(({ finding }) => finding)
}

/** The result with its findings in priority order. */
export function prioritized(result: CheckResult): CheckResult {
  return { ...result, findings: byPriority(result.findings, securityRuleIds(result.rules)) }
}

/** An annotation's title: the rule id, and `(security)` for a security rule. */
export function findingTitle(finding: Finding, security: ReadonlySet<string>): string {
  return security.has(finding.ruleId) ? `${finding.ruleId} (security)` : finding.ruleId
}
