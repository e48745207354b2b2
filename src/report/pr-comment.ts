import type { CheckResult } from '../check.js'
import { levelRank, type Finding, type Level } from '../model/finding.js'
import { docsUrl, type RuleMeta } from '../rules/rule.js'
import { countByLevel, formatCounts, plural } from './counts.js'
import { escapeMarkdown, markdownCode } from './escape.js'
import {
  clusterId,
  federatedIssuers,
  groupByChain,
  roleName,
  serviceAccountName,
  worstPriority,
  type Chain,
} from './chains.js'
import { formatChainTable, link, valueText, type MarkdownOptions } from './markdown.js'
import { chainDiagram } from './mermaid.js'
import { formatCoverageMarkdown } from './coverage.js'
import { securityRuleIds } from './priority.js'
import { truncateWithNotice } from './truncate.js'

export interface CommentContext extends MarkdownOptions {
  /** The hidden marker the comment is found by; first line of the body. */
  marker: string
  /** The commit the results are for. */
  sha?: string
  /** Findings left out because they touch no file the pull request changes (only-changed). */
  outsideChanges?: number
  /** Findings accepted by the baseline file. */
  accepted?: number
  /** Where the full results are (the workflow run). */
  runUrl?: string
  /** Longest body GitHub accepts. */
  limit?: number
}

const LEVEL_ICON: Record<Level, string> = { error: '❌', warning: '⚠️', note: 'ℹ️' }

/** Broken chains drawn as a diagram; the comment stays short. */
const DIAGRAM_LIMIT = 10

/**
 * The sticky pull-request comment: findings grouped by ServiceAccount → IAM role → OIDC provider
 * chain, each with its message (which names the fix) and the rule's remedy; findings outside any
 * chain by file; when nothing is left, a line saying so.
 */
export function formatPullRequestComment(result: CheckResult, context: CommentContext): string {
  const security = securityRuleIds(result.rules)
  const lines: string[] = [context.marker]
  const counts = countByLevel(result.findings)
  const scope = context.outsideChanges !== undefined ? ' in the files this pull request changes' : ''
  const commit = context.sha ? ` for ${context.sha.slice(0, 7)}` : ''
  if (result.findings.length === 0) {
    lines.push(`## irsa-guard ✅ no IRSA findings${scope}`, '')
    lines.push(
      `Every finding is fixed${commit}: ${plural(result.scan.relevantFiles, 'IRSA-relevant file')} checked, ${chainCount(result)} with a role.`,
    )
    lines.push(...footnotes(context), '')
    lines.push(...coverageLines(result, context))
    return lines.join('\n')
  }
  lines.push(`## irsa-guard: ${formatCounts(counts)}${scope}`, '')
  lines.push(`Results${commit}; each finding names what to change.`)
  lines.push(...footnotes(context), '')
  lines.push(...coverageLines(result, context))

  const { chains, others } = groupByChain(result, security)
  const broken = chains.filter((candidate) => candidate.findings.length > 0)
  if (broken.length > 0) lines.push(...formatChainTable(broken, context, 20), '')
  // The chains and the findings outside any, most important first; on a tie the chains come first.
  const sections = [...broken, ...(others.length > 0 ? [others] : [])]
  const rank = (section: Chain | Finding[]) =>
    worstPriority(Array.isArray(section) ? section : section.findings, security)
  let diagrams = 0
  for (const section of sections
    .map((section, index) => ({ section, index }))
    .sort((a, b) => rank(b.section) - rank(a.section) || a.index - b.index)) {
    const chain = section.section
    if (Array.isArray(chain)) {
      lines.push('### Other findings', '')
      lines.push(...chain.map((finding) => findingLine(finding, context, security)), '')
      continue
    }
    lines.push(`### ${worstIcon(chain.findings)} ${chainTitle(chain)}`, '')
    lines.push(
      `ServiceAccount ${link(chain.sa.location, context)}${chain.roles.map((role) => ` · role ${link(role.location, context)}`).join('')}`,
      '',
    )
    if (diagrams++ < DIAGRAM_LIMIT) lines.push(chainDiagram(chain, result.graph), '')
    lines.push(...chain.findings.map((finding) => findingLine(finding, context, security)), '')
  }
  const clean = chains.filter((chain) => chain.findings.length === 0)
  if (clean.length > 0) {
    const names = clean.slice(0, 20).map((chain) => markdownCode(serviceAccountName(chain.sa)))
    lines.push(
      `✅ ${plural(clean.length, 'other ServiceAccount')} with a role and no findings${scope}: ${names.join(', ')}${clean.length > 20 ? ', …' : ''}`,
      '',
    )
  }
  lines.push(...remedies(result), '')
  const where = context.runUrl ? `the [workflow run](${context.runUrl})` : 'the job summary'
  const limit = context.limit ?? 65_536
  return truncateWithNotice(
    lines.join('\n'),
    limit,
    `_This comment is cut here to fit GitHub's limit; every finding is in ${where}._`,
  ).text
}

function chainTitle(chain: Chain): string {
  const role =
    chain.roles.length > 0
      ? chain.roles.map((role) => markdownCode(roleName(role))).join(', ')
      : `${chain.sa.roleArn ? markdownCode(valueText(chain.sa.roleArn)) : 'its role'} (not in the scanned files)`
  const clusters = [...new Set(chain.roles.flatMap(federatedIssuers).map(clusterId))]
  return `${markdownCode(serviceAccountName(chain.sa))} → ${role}${clusters.length > 0 ? ` → cluster ${clusters.map((id) => markdownCode(id)).join(', ')}` : ''}`
}

function findingLine(finding: Finding, context: CommentContext, security: ReadonlySet<string>): string {
  return `- ${LEVEL_ICON[finding.level]} [\`${finding.ruleId}\`](${docsUrl(finding.ruleId)})${security.has(finding.ruleId) ? ' (security)' : ''} ${link(finding.location, context)}: ${escapeMarkdown(finding.message)}`
}

/** How to fix each rule that fired, once per rule. */
function remedies(result: CheckResult): string[] {
  const ids = [...new Set(result.findings.map((finding) => finding.ruleId))]
  const metaById = new Map<string, RuleMeta>(result.rules.map((meta) => [meta.id, meta]))
  const rows = ids.flatMap((id) => {
    const meta = metaById.get(id)
    return meta ? [`| [\`${id}\`](${docsUrl(id)}) | ${escapeMarkdown(meta.remediation)} |`] : []
  })
  if (rows.length === 0) return []
  return [
    '<details><summary>How to fix each rule</summary>',
    '',
    '| Rule | Fix |',
    '| --- | --- |',
    ...rows,
    '',
    '</details>',
  ]
}

function footnotes(context: CommentContext): string[] {
  const notes: string[] = []
  if (context.outsideChanges)
    notes.push(
      `${plural(context.outsideChanges, 'finding')} in files this pull request does not touch ${context.outsideChanges === 1 ? 'is' : 'are'} not shown (only-changed).`,
    )
  if (context.accepted)
    notes.push(
      `${plural(context.accepted, 'finding')} accepted by the baseline file ${context.accepted === 1 ? 'is' : 'are'} not shown.`,
    )
  return notes.length > 0 ? ['', ...notes.map((note) => `<sub>${note}</sub>`)] : []
}

/** The chains verified, and the unresolved ones in a collapsed list (at most 20: the comment stays short). */
function coverageLines(result: CheckResult, context: CommentContext): string[] {
  return formatCoverageMarkdown(result.coverage, {
    ...(context.blobUrl ? { blobUrl: context.blobUrl } : {}),
    limit: 20,
  })
}

function chainCount(result: CheckResult): string {
  return plural(result.graph.facts.serviceAccounts.filter((sa) => sa.roleArn !== undefined).length, 'ServiceAccount')
}

function worstRank(findings: readonly Finding[]): number {
  return Math.max(0, ...findings.map((finding) => levelRank(finding.level)))
}

function worstIcon(findings: readonly Finding[]): string {
  const rank = worstRank(findings)
  return rank === 3 ? LEVEL_ICON.error : rank === 2 ? LEVEL_ICON.warning : LEVEL_ICON.note
}
