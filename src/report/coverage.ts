import {
  chainTitle,
  describeUnresolved,
  UNRESOLVED_REASONS,
  type ChainCoverage,
  type UnresolvedChain,
} from '../coverage.js'
import { formatLocation } from '../model/location.js'
import { plural } from './counts.js'
import { markdownCode } from './escape.js'
import { link, type MarkdownOptions } from './markdown.js'

/** "verified 3 of 5 chains" */
export function formatCoverage(coverage: ChainCoverage): string {
  return `verified ${coverage.verified} of ${plural(coverage.total, 'chain')}`
}

/** `k8s/app.yaml:7: ServiceAccount prod/app → ${ROLE}: its role ARN is filled in at deploy time (…) [deploy-time-value]` */
export function formatUnresolvedLine(chain: UnresolvedChain): string {
  return oneLine(
    `${formatLocation(chain.location)}: ${chainTitle(chain)}: ${describeUnresolved(chain)} [${chain.reason}]`,
  )
}

/**
 * The coverage in a job summary or pull request comment: the line, and the unresolved chains in a
 * collapsed list, each with its reason.
 */
export function formatCoverageMarkdown(coverage: ChainCoverage, options: MarkdownOptions = {}): string[] {
  const limit = options.limit ?? 50
  const unresolved = coverage.unresolved.length
  const line = `**IRSA chains: ${formatCoverage(coverage)}**${unresolved > 0 ? `, ${unresolved} unresolved` : ''} (a chain is verified when the ServiceAccount's token was evaluated against its role's trust).`
  if (unresolved === 0) return [line, '']
  const items = coverage.unresolved
    .slice(0, limit)
    .map(
      (chain) =>
        `- ${link({ ...chain.location, path: oneLine(chain.location.path) }, options)} ${markdownChain(chain)}: ${UNRESOLVED_REASONS[chain.reason]}${chain.detail ? ` (${markdownCell(chain.detail)})` : ''} · \`${chain.reason}\``,
    )
  if (unresolved > limit) items.push(`- … and ${unresolved - limit} more (see the JSON or SARIF report)`)
  return [
    line,
    '',
    `<details><summary>${plural(unresolved, 'unresolved chain')} and why</summary>`,
    '',
    ...items,
    '',
    '</details>',
    '',
  ]
}

function markdownChain(chain: UnresolvedChain): string {
  switch (chain.kind) {
    case 'service-account':
      return `ServiceAccount ${markdownCell(chain.serviceAccount ?? '')} → ${markdownCell(chain.role ?? '')}`
    case 'pod-identity':
      return `Pod Identity association ${markdownCell(chain.serviceAccount ?? '')} → ${markdownCell(chain.role ?? '')}`
    case 'chart':
      return `Helm release's ServiceAccount → ${markdownCell(chain.role ?? '')}`
    case 'role':
      return `role ${markdownCell(chain.role ?? '')}`
    case 'module':
      return `module call ${markdownCell(chain.module ?? '')}`
  }
}

/**
 * A repository-derived value (a ServiceAccount name, a role ARN, an expression) as Markdown: every
 * such value of the coverage goes through here, so that one function decides how it is escaped.
 */
export function markdownCell(text: string): string {
  return markdownCode(oneLine(text))
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ')
}
