import type { CheckResult } from '../check.js'
import { issuerHostPath, parseOidcProviderArn } from '../iam/arn.js'
import type { Cluster, Role, ServiceAccount } from '../model/facts.js'
import type { Finding } from '../model/finding.js'
import type { Location } from '../model/location.js'
import { describeValue } from '../model/value.js'
import type { Graph } from '../graph.js'
import { valueText } from './markdown.js'
import { byPriority, priorityRank } from './priority.js'

/** An annotated ServiceAccount, the roles its annotation names, and the findings of THIS chain. */
export interface Chain {
  sa: ServiceAccount
  roles: Role[]
  findings: Finding[]
}

/**
 * Every annotated ServiceAccount's chain with its findings, most important first, and the findings
 * of no chain. A finding goes to the ServiceAccounts it points at (its line or a related line is one
 * of theirs); one that points at none (a trust policy on its own) to every ServiceAccount whose
 * role it concerns. The job summary's table and the comment both read this, so they agree.
 */
export function groupByChain(
  result: CheckResult,
  security: ReadonlySet<string>,
): { chains: Chain[]; others: Finding[] } {
  const spans = roleSpans(result.graph)
  const chains: Chain[] = result.graph.facts.serviceAccounts
    .filter((sa) => sa.roleArn !== undefined)
    .map((sa) => ({ sa, roles: result.graph.rolesOf(sa).map(({ role }) => role), findings: [] }))
  const linesOf = new Map(chains.map((chain) => [chain, serviceAccountLines(chain.sa)]))
  const others: Finding[] = []
  for (const finding of byPriority(result.findings, security)) {
    const places = [finding.location, ...finding.related.map((related) => related.location)].map(lineKey)
    let owners = chains.filter((chain) => places.some((place) => linesOf.get(chain)!.has(place)))
    if (owners.length === 0) owners = chains.filter((chain) => concernsChain(finding, chain.sa, chain.roles, spans))
    if (owners.length === 0) others.push(finding)
    for (const chain of owners) chain.findings.push(finding)
  }
  chains.sort(
    (a, b) =>
      worstPriority(b.findings, security) - worstPriority(a.findings, security) ||
      serviceAccountName(a.sa).localeCompare(serviceAccountName(b.sa)),
  )
  return { chains, others }
}

export function worstPriority(findings: readonly Finding[], security: ReadonlySet<string>): number {
  return Math.max(0, ...findings.map((finding) => priorityRank(finding, security)))
}

export function serviceAccountName(sa: ServiceAccount): string {
  return `${valueText(sa.namespace)}/${valueText(sa.name)}`
}

export function roleName(role: Role): string {
  return role.name ? valueText(role.name) : role.label
}

/** The issuers (host and path) a role's trust federates, or the text of a value the scan cannot know. */
export function federatedIssuers(role: Role): string[] {
  const issuers: string[] = []
  for (const statement of role.trustPolicy?.statements ?? []) {
    for (const entry of statement.principal?.entries ?? []) {
      if (entry.type !== 'Federated') continue
      for (const value of entry.values)
        issuers.push(
          value.kind === 'known'
            ? (parseOidcProviderArn(value.value)?.issuerHostPath ?? value.value)
            : describeValue(value),
        )
    }
  }
  return [...new Set(issuers)]
}

/**
 * A cluster's short name for a table: the last path segment of its issuer (an EKS cluster's OIDC
 * ID, cut to its first 8 characters and `…`: the findings name the full issuer), or the host when
 * the issuer has no path. A value the scan cannot know stays as written.
 */
export function clusterId(issuer: string): string {
  const [host, ...segments] = issuer
    .replace(/^https:\/\//i, '')
    .split('/')
    .filter((segment) => segment !== '')
  const id = segments.at(-1) ?? host ?? issuer
  return /^[0-9A-Za-z]{13,}$/.test(id) ? `${id.slice(0, 8)}…` : id
}

/** The scanned cluster whose issuer is this one, if any. */
export function clusterOfIssuer(clusters: readonly Cluster[], issuer: string): Cluster | undefined {
  return clusters.find((cluster) => cluster.issuer?.kind === 'known' && issuerHostPath(cluster.issuer.value) === issuer)
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
      const own: Span[] = [
        { path: file, fromLine: role.location.line, toLine: next ? next.location.line - 1 : Infinity },
      ]
      const trust = role.trustPolicy?.location
      if (trust && trust.path !== file) own.push({ path: trust.path, fromLine: 1, toLine: Infinity })
      spans.set(role, own)
    })
  }
  return spans
}

export function concernsChain(
  finding: Finding,
  sa: ServiceAccount,
  roles: readonly Role[],
  spans: Map<Role, Span[]>,
): boolean {
  const saLines = serviceAccountLines(sa)
  const roleSpansOfSa = roles.flatMap((role) => spans.get(role) ?? [])
  return [finding.location, ...finding.related.map((related) => related.location)].some(
    (location) =>
      saLines.has(lineKey(location)) ||
      roleSpansOfSa.some(
        (span) => span.path === location.path && location.line >= span.fromLine && location.line <= span.toLine,
      ),
  )
}

function serviceAccountLines(sa: ServiceAccount): Set<string> {
  return new Set(
    [
      sa.location,
      sa.roleArn?.location,
      sa.audience?.location,
      sa.stsRegionalEndpoints?.location,
      sa.tokenExpiration?.location,
      ...sa.annotations.map((annotation) => annotation.keyLocation),
    ]
      .filter((location): location is Location => location !== undefined)
      .map(lineKey),
  )
}

function lineKey(location: Location): string {
  return `${location.path}:${location.line}`
}
