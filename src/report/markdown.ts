import type { CheckResult } from '../check.js'
import type { Graph } from '../graph.js'
import { parseOidcProviderArn } from '../iam/arn.js'
import type { Role, ServiceAccount } from '../model/facts.js'
import { levelRank, type Finding, type Level } from '../model/finding.js'
import type { Location } from '../model/location.js'
import { describeValue, type Value } from '../model/value.js'
import { docsUrl } from '../rules/rule.js'
import { countByLevel, formatCounts, plural } from './counts.js'
import { formatCoverageMarkdown } from './coverage.js'
import { encodeUrlPath, escapeMarkdown, markdownCode } from './escape.js'

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
  lines.push(`**${formatCounts(counts)}** in ${plural(result.scan.relevantFiles, 'IRSA-relevant file')} (${plural(result.scan.filesSeen, 'file')} seen).`, '')
  lines.push(...formatCoverageMarkdown(result.coverage, { ...options, limit }))

  lines.push('### ServiceAccounts and their IAM roles', '')
  const annotated = result.graph.facts.serviceAccounts.filter((sa) => sa.roleArn !== undefined)
  if (annotated.length === 0) {
    lines.push('No ServiceAccount with an `eks.amazonaws.com/role-arn` annotation was found.', '')
  } else {
    const spans = roleSpans(result.graph)
    lines.push('| ServiceAccount | IAM role | OIDC provider | Verdict |', '| --- | --- | --- | --- |')
    for (const sa of annotated.slice(0, limit)) lines.push(chainRow(sa, result, spans, options))
    if (annotated.length > limit) lines.push('', `… and ${annotated.length - limit} more ServiceAccounts.`)
    lines.push('')
  }

  lines.push('### Findings', '')
  if (result.findings.length === 0) {
    lines.push('No findings.', '')
    return lines.join('\n')
  }
  for (const [ruleId, findings] of groupByRule(result.findings)) {
    const ruleCounts = countByLevel(findings)
    const summary = (['error', 'warning', 'note'] as const)
      .filter((level) => ruleCounts[level] > 0)
      .map((level) => plural(ruleCounts[level], level))
      .join(', ')
    lines.push(`#### [\`${ruleId}\`](${docsUrl(ruleId)}) · ${summary}`, '')
    for (const finding of findings.slice(0, limit)) {
      lines.push(`- ${LEVEL_ICON[finding.level]} ${link(finding.location, options, true)}: ${escapeMarkdown(finding.message)}`)
    }
    if (findings.length > limit) lines.push(`- … and ${findings.length - limit} more (see the SARIF or JSON report)`)
    lines.push('')
  }
  return lines.join('\n')
}

function chainRow(sa: ServiceAccount, result: CheckResult, spans: Map<Role, Span[]>, options: MarkdownOptions): string {
  const links = result.graph.rolesOf(sa)
  const cell = { inTable: true }
  const serviceAccount = `${markdownCode(`${valueText(sa.namespace)}/${valueText(sa.name)}`, cell)}<br>${link(sa.location, options, false, cell)}`
  const role =
    links.length === 0
      ? `${sa.roleArn ? markdownCode(describeValue(sa.roleArn), cell) : ''}<br>not defined in the scanned files`
      : links.map(({ role: linked }) => `${markdownCode(linked.name ? valueText(linked.name) : linked.label, cell)}<br>${link(linked.location, options, false, cell)}`).join('<br>')
  const providers = [...new Set(links.flatMap(({ role: linked }) => federatedProviders(linked)))]
  const provider = providers.length > 0 ? providers.map((text) => markdownCode(text, cell)).join('<br>') : '—'
  const findings = result.findings.filter((finding) => concernsChain(finding, sa, links.map(({ role: linked }) => linked), spans))
  return `| ${serviceAccount} | ${role} | ${provider} | ${verdict(findings, links.length > 0)} |`
}

function verdict(findings: readonly Finding[], linked: boolean): string {
  if (findings.length === 0) return linked ? '✅ no findings' : '— role not in scan'
  const counts = countByLevel(findings)
  const worst = (['error', 'warning', 'note'] as const).find((level) => counts[level] > 0) ?? 'note'
  return `${LEVEL_ICON[worst]} ${(['error', 'warning', 'note'] as const)
    .filter((level) => counts[level] > 0)
    .map((level) => plural(counts[level], level))
    .join(', ')}`
}

export interface Span {
  path: string
  fromLine: number
  toLine: number
}

/** The lines each role occupies: from its definition to the next role defined in the same file, plus a trust policy kept in a file of its own. */
export function roleSpans(graph: Graph): Map<Role, Span[]> {
  const byFile = new Map<string, Role[]>()
  for (const role of graph.facts.roles) {
    const list = byFile.get(role.location.path) ?? []
    list.push(role)
    byFile.set(role.location.path, list)
  }
  const spans = new Map<Role, Span[]>()
  for (const [file, roles] of byFile) {
    const sorted = [...roles].sort((a, b) => a.location.line - b.location.line)
    sorted.forEach((role, index) => {
      const next = sorted.slice(index + 1).find((other) => other.location.line > role.location.line)
      const own: Span[] = [{ path: file, fromLine: role.location.line, toLine: next ? next.location.line - 1 : Infinity }]
      const trust = role.trustPolicy?.location
      if (trust && trust.path !== file) own.push({ path: trust.path, fromLine: 1, toLine: Infinity })
      spans.set(role, own)
    })
  }
  return spans
}

/** The lines of a ServiceAccount's manifest that findings about its chain may point at. */
export function serviceAccountLines(sa: ServiceAccount): Set<string> {
  return new Set(
    [sa.location, sa.roleArn?.location, sa.audience?.location, sa.stsRegionalEndpoints?.location, sa.tokenExpiration?.location, ...sa.annotations.map((annotation) => annotation.keyLocation)]
      .filter((location): location is Location => location !== undefined)
      .map(lineKey),
  )
}

export function concernsChain(finding: Finding, sa: ServiceAccount, roles: readonly Role[], spans: Map<Role, Span[]>): boolean {
  const saLines = serviceAccountLines(sa)
  const roleSpansOfSa = roles.flatMap((role) => spans.get(role) ?? [])
  return [finding.location, ...finding.related.map((related) => related.location)].some(
    (location) =>
      saLines.has(lineKey(location)) ||
      roleSpansOfSa.some((span) => span.path === location.path && location.line >= span.fromLine && location.line <= span.toLine),
  )
}

export function federatedProviders(role: Role): string[] {
  const providers: string[] = []
  for (const statement of role.trustPolicy?.statements ?? []) {
    for (const entry of statement.principal?.entries ?? []) {
      if (entry.type !== 'Federated') continue
      for (const value of entry.values) {
        providers.push(value.kind === 'known' ? (parseOidcProviderArn(value.value)?.issuerHostPath ?? value.value) : describeValue(value))
      }
    }
  }
  return providers
}

function groupByRule(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>()
  for (const finding of findings) {
    const list = groups.get(finding.ruleId) ?? []
    list.push(finding)
    groups.set(finding.ruleId, list)
  }
  const worst = (list: Finding[]) => Math.max(...list.map((finding) => levelRank(finding.level)))
  return [...groups].sort(([idA, a], [idB, b]) => worst(b) - worst(a) || idA.localeCompare(idB))
}

/** A location as a link into the repository (`blobUrl`), else as code; `inTable` for a table cell. */
export function link(location: Location, options: MarkdownOptions, withColumn = false, { inTable = false }: { inTable?: boolean } = {}): string {
  const text = withColumn ? `${location.path}:${location.line}:${location.column}` : `${location.path}:${location.line}`
  if (!options.blobUrl) return markdownCode(text, { inTable })
  const href = `${options.blobUrl.replace(/\/$/, '')}/${encodeUrlPath(location.path)}#L${location.line}`
  return `[${escapeMarkdown(text)}](${href})`
}

export function valueText(value: Value): string {
  return value.kind === 'known' ? value.value : `\${${value.expression}}`
}

export function lineKey(location: Location): string {
  return `${location.path}:${location.line}`
}
