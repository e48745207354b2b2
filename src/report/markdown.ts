import type { CheckResult } from '../check.js'
import type { Finding, Level } from '../model/finding.js'
import type { Location } from '../model/location.js'
import { describeValue, valueText } from '../model/value.js'
import { docsUrl } from '../rules/rule.js'
import { countByLevel, formatCounts, plural } from './counts.js'
import { formatCoverageMarkdown } from './coverage.js'
import { clusterId, federatedIssuers, groupByChain, roleName, serviceAccountName, type Chain } from './chains.js'
import { encodeUrlPath, escapeMarkdown, markdownCode } from './escape.js'
import { byPriority, priorityRank, securityRuleIds } from './priority.js'

export interface MarkdownOptions {
  /** Prefix that turns a repository path into a link, e.g. `https://github.com/o/r/blob/<sha>`. */
  blobUrl?: string
  /** Rows of the ServiceAccount table and findings per rule before "… and N more". */
  limit?: number
}

const LEVEL_ICON: Record<Level, string> = { error: '❌', warning: '⚠️', note: 'ℹ️' }

/** The job summary: counts, the chains verified and why the others are not, one row per annotated ServiceAccount with its role chain and verdict, findings by rule. */
export function formatMarkdown(result: CheckResult, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? 50
  const counts = countByLevel(result.findings)
  const lines: string[] = ['## irsa-guard', '']
  lines.push(
    `**${formatCounts(counts)}** in ${plural(result.scan.relevantFiles, 'IRSA-relevant file')} (${plural(result.scan.filesSeen, 'file')} seen).`,
    '',
  )
  lines.push(...formatCoverageMarkdown(result.coverage, { ...options, limit }))

  const security = securityRuleIds(result.rules)
  lines.push('### ServiceAccounts and their IAM roles', '')
  const annotated = result.graph.facts.serviceAccounts.filter((sa) => sa.roleArn !== undefined)
  if (annotated.length === 0) {
    lines.push('No ServiceAccount with an `eks.amazonaws.com/role-arn` annotation was found.', '')
  } else {
    lines.push(...formatChainTable(groupByChain(result, security).chains, options, limit))
    lines.push('')
  }

  lines.push('### Findings', '')
  if (result.findings.length === 0) {
    lines.push('No findings.', '')
    return lines.join('\n')
  }
  for (const [ruleId, findings] of groupByRule(byPriority(result.findings, security), security)) {
    const ruleCounts = countByLevel(findings)
    const summary = (['error', 'warning', 'note'] as const)
      .filter((level) => ruleCounts[level] > 0)
      .map((level) => plural(ruleCounts[level], level))
      .join(', ')
    lines.push(`#### [\`${ruleId}\`](${docsUrl(ruleId)})${security.has(ruleId) ? ' · security' : ''} · ${summary}`, '')
    for (const finding of findings.slice(0, limit)) {
      lines.push(
        `- ${LEVEL_ICON[finding.level]} ${link(finding.location, options, true)}: ${escapeMarkdown(finding.message)}`,
      )
    }
    if (findings.length > limit) lines.push(`- … and ${findings.length - limit} more (see the SARIF or JSON report)`)
    lines.push('')
  }
  return lines.join('\n')
}

/**
 * One row per chain, the verdict first: made of THIS chain's findings (chains.ts), the ServiceAccount,
 * its role and the cluster by its short ID, each with its file and line. Narrow enough for a
 * 1012 px pull request page: the full issuer is in the findings, not here.
 */
export function formatChainTable(chains: readonly Chain[], options: MarkdownOptions, limit: number): string[] {
  const cell = { inTable: true }
  const rows = chains.slice(0, limit).map((chain) => {
    const serviceAccount = `${markdownCode(serviceAccountName(chain.sa), cell)}<br>${link(chain.sa.location, options, false, cell)}`
    const role =
      chain.roles.length === 0
        ? `${chain.sa.roleArn ? markdownCode(describeValue(chain.sa.roleArn), cell) : ''}<br>not in the scanned files`
        : chain.roles
            .map(
              (linked) => `${markdownCode(roleName(linked), cell)}<br>${link(linked.location, options, false, cell)}`,
            )
            .join('<br>')
    const clusters = [...new Set(chain.roles.flatMap(federatedIssuers).map(clusterId))]
    const cluster = clusters.length > 0 ? clusters.map((id) => markdownCode(id, cell)).join('<br>') : '—'
    return `| ${verdict(chain.findings, chain.roles.length > 0)} | ${serviceAccount} | ${role} | ${cluster} |`
  })
  const lines = ['| Verdict | ServiceAccount | IAM role | Cluster |', '| --- | --- | --- | --- |', ...rows]
  if (chains.length > limit) lines.push('', `… and ${chains.length - limit} more ServiceAccounts.`)
  return lines
}

/**
 * The verdict cell: one line per level, each with its icon (`❌ 1 error<br>⚠️ 2 warnings`), words
 * joined by no-break spaces, so the first column stays narrow on a 1012 px page.
 */
export function verdict(findings: readonly Finding[], linked: boolean): string {
  const nowrap = (text: string) => text.replace(/ /g, '\u00a0')
  if (findings.length === 0) return nowrap(linked ? '✅ no findings' : '— role not in scan')
  const counts = countByLevel(findings)
  return (['error', 'warning', 'note'] as const)
    .filter((level) => counts[level] > 0)
    .map((level) => nowrap(`${LEVEL_ICON[level]} ${plural(counts[level], level)}`))
    .join('<br>')
}

/** The rules most important first: by their worst finding's level, security rules first within a level, then by id. */
function groupByRule(findings: readonly Finding[], security: ReadonlySet<string>): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>()
  for (const finding of findings) {
    const list = groups.get(finding.ruleId) ?? []
    list.push(finding)
    groups.set(finding.ruleId, list)
  }
  const worst = (list: Finding[]) => Math.max(...list.map((finding) => priorityRank(finding, security)))
  return [...groups].sort(([idA, a], [idB, b]) => worst(b) - worst(a) || idA.localeCompare(idB))
}

/** A location as a link into the repository (`blobUrl`), else as code; `inTable` for a table cell. */
export function link(
  location: Location,
  options: MarkdownOptions,
  withColumn = false,
  { inTable = false }: { inTable?: boolean } = {},
): string {
  const text = withColumn ? `${location.path}:${location.line}:${location.column}` : `${location.path}:${location.line}`
  if (!options.blobUrl) return markdownCode(text, { inTable })
  const href = `${options.blobUrl.replace(/\/$/, '')}/${encodeUrlPath(location.path)}#L${location.line}`
  return `[${escapeMarkdown(text)}](${href})`
}

export { valueText }
