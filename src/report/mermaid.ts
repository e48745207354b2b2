import type { Graph } from '../graph.js'
import type { Finding } from '../model/finding.js'
import { clusterId, clusterOfIssuer, federatedIssuers, roleName, serviceAccountName, type Chain } from './chains.js'
import { valueText } from './markdown.js'

/** The hop of the chain a rule's finding breaks: ServiceAccount → role (the default), role → OIDC provider, OIDC provider → cluster. */
export type Hop = 'role' | 'provider' | 'cluster'

const PROVIDER_HOP_RULES = new Set([
  'oidc-provider-missing',
  'oidc-provider-audience-missing',
  'federated-principal-invalid',
  'condition-key-provider-mismatch',
  'live-oidc-provider-missing',
  'live-oidc-provider-audience-missing',
])
const CLUSTER_HOP_RULES = new Set(['cluster-issuer-mismatch', 'live-cluster-issuer-mismatch'])

export function hopOf(ruleId: string): Hop {
  return CLUSTER_HOP_RULES.has(ruleId) ? 'cluster' : PROVIDER_HOP_RULES.has(ruleId) ? 'provider' : 'role'
}

/** Longest label shown; a longer value is cut with `…`. */
const LABEL_LIMIT = 48

/**
 * Text for a quoted Mermaid label (`["…"]`, `|"…"|`): only characters that Mermaid, the Markdown
 * fence around it and the HTML it renders all take as themselves (names of Kubernetes objects, IAM
 * roles, issuers and `${…}` expressions); any other (quotes, backticks, `<`, `&`, `#` that starts a
 * Mermaid entity, `%`, `;`, line breaks, controls) becomes `?`. Cut to LABEL_LIMIT.
 */
export function mermaidLabel(text: string): string {
  const characters = [...text].map((character) =>
    /^[A-Za-z0-9 ._:/@=+,$*{}()[\]…-]$/.test(character) ? character : '?',
  )
  return characters.length > LABEL_LIMIT ? `${characters.slice(0, LABEL_LIMIT - 1).join('')}…` : characters.join('')
}

const RED = 'stroke:#d1242f,stroke-width:3px,color:#d1242f'

/**
 * A broken chain as a Mermaid flowchart (each node's kind above its name, `<br/>` being ours, never a value's): ServiceAccount → role → OIDC provider → cluster, each hop
 * a finding breaks drawn red and labelled with its rule ids. What the scan does not hold is a
 * "not in the scan" node; a value it cannot know is shown as written.
 */
export function chainDiagram(chain: Chain, graph: Graph): string {
  const hops = new Map<Hop, Set<string>>()
  for (const finding of chain.findings as readonly Finding[]) {
    const hop = hopOf(finding.ruleId)
    hops.set(hop, (hops.get(hop) ?? new Set()).add(finding.ruleId))
  }
  const nodes: string[] = [`  sa["ServiceAccount<br/>${mermaidLabel(serviceAccountName(chain.sa))}"]`]
  const edges: { from: string; to: string; hop: Hop }[] = []
  const roles = chain.roles.length > 0 ? chain.roles : undefined
  if (!roles) {
    nodes.push(
      `  role0["role<br/>${mermaidLabel(chain.sa.roleArn ? valueText(chain.sa.roleArn).replace(/^arn:[^:]*:iam::[^:]*:role\//, '') : '?')}<br/>not in the scan"]`,
    )
    edges.push({ from: 'sa', to: 'role0', hop: 'role' })
  }
  const providerIds = new Map<string, string>()
  const clusters = graph.clustersWithIssuer()
  roles?.forEach((role, roleIndex) => {
    const roleId = `role${roleIndex}`
    nodes.push(`  ${roleId}["role<br/>${mermaidLabel(roleName(role))}"]`)
    edges.push({ from: 'sa', to: roleId, hop: 'role' })
    for (const issuer of federatedIssuers(role)) {
      let providerId = providerIds.get(issuer)
      if (!providerId) {
        providerId = `provider${providerIds.size}`
        providerIds.set(issuer, providerId)
        const cluster = clusterOfIssuer(clusters, issuer)
        nodes.push(`  ${providerId}["OIDC provider<br/>${mermaidLabel(clusterId(issuer))}"]`)
        nodes.push(
          `  cluster${providerId}["${cluster ? `cluster<br/>${mermaidLabel(valueText(cluster.name))}` : 'cluster<br/>not in the scan'}"]`,
        )
        edges.push({ from: providerId, to: `cluster${providerId}`, hop: 'cluster' })
      }
      edges.push({ from: roleId, to: providerId, hop: 'provider' })
    }
  })
  // A hop a finding breaks that the scan cannot draw (no provider in the trust): a node of its own, so the red label shows.
  if (hops.has('provider') && !edges.some((edge) => edge.hop === 'provider')) {
    nodes.push('  providerx["OIDC provider<br/>?"]')
    edges.push({ from: 'role0', to: 'providerx', hop: 'provider' })
  }
  if (hops.has('cluster') && !edges.some((edge) => edge.hop === 'cluster')) {
    nodes.push('  clusterx["cluster<br/>?"]')
    edges.push({ from: edges.find((edge) => edge.hop === 'provider')?.to ?? 'role0', to: 'clusterx', hop: 'cluster' })
  }
  const lines = ['```mermaid', 'flowchart LR', ...nodes]
  const red: number[] = []
  // Declared in order: `linkStyle` counts links from 0.
  const ordered = [
    ...edges.filter((edge) => edge.hop === 'role'),
    ...edges.filter((edge) => edge.hop === 'provider'),
    ...edges.filter((edge) => edge.hop === 'cluster'),
  ]
  ordered.forEach((edge, index) => {
    const rules = hops.get(edge.hop)
    if (rules) {
      red.push(index)
      lines.push(`  ${edge.from} -->|"${mermaidLabel([...rules].join(', '))}"| ${edge.to}`)
    } else {
      lines.push(`  ${edge.from} --> ${edge.to}`)
    }
  })
  if (red.length > 0) lines.push(`  linkStyle ${red.join(',')} ${RED}`)
  lines.push('```')
  return lines.join('\n')
}
