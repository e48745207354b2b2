import type { Graph } from '../graph.js'
import type { Cluster, EksAddon, PodIdentityAssociation } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { associationCluster, describeAssociation, sentenceStart } from './helpers/pod-identity.js'

const AGENT = 'eks-pod-identity-agent'

export const podIdentityAgentMissing: Rule = {
  meta: {
    id: 'pod-identity-agent-missing',
    level: 'error',
    description: `A cluster has EKS Pod Identity associations, and the scan lists all of its EKS add-ons, but none is ${AGENT} (and EKS Auto Mode, which has the agent built in, is not on): no pod gets Pod Identity credentials.`,
    remediation: `Add the ${AGENT} add-on to the cluster (aws_eks_addon, terraform-aws-eks addons, eksctl addons, AWS::EKS::Addon), or turn on EKS Auto Mode.`,
  },
  *check(graph, context) {
    if (agentInstalledOtherwise(graph)) return
    const byCluster = new Map<Cluster, PodIdentityAssociation[]>()
    for (const association of graph.facts.podIdentityAssociations) {
      for (const cluster of associationCluster(graph, context.config, association).facts) {
        const scope = deployScope(cluster)
        if (scope === undefined || scope !== deployScope(association)) continue
        const list = byCluster.get(cluster) ?? []
        list.push(association)
        byCluster.set(cluster, list)
      }
    }
    for (const [cluster, associations] of byCluster) {
      const finding = missingAgent(graph, cluster, associations)
      if (finding) yield finding
    }
  },
}

function missingAgent(
  graph: Graph,
  cluster: Cluster,
  associations: readonly PodIdentityAssociation[],
): FindingDraft | undefined {
  // Auto Mode runs the agent itself; a value known only at apply time may turn it on.
  if (cluster.autoMode && !(cluster.autoMode.kind === 'known' && cluster.autoMode.value === 'false')) return undefined
  const addons = clusterAddons(graph, cluster)
  if (!addons || addonModuleInUnit(graph, cluster)) return undefined
  const [first] = addons
  const listed = cluster.addonsListed ?? first?.location
  if (!listed) return undefined
  if (addons.some((addon) => addon.name.kind !== 'known' || addon.name.value.trim() === AGENT)) return undefined
  const [association] = associations
  if (!association) return undefined
  const name = cluster.name.kind === 'known' ? `cluster ${cluster.name.value}` : 'the cluster'
  const names = addons.map((addon) => (addon.name.kind === 'known' ? addon.name.value : '')).join(', ')
  const more = associations.length > 1 ? ` and ${associations.length - 1} more` : ''
  return {
    location: listed,
    message:
      `${sentenceStart(name)}'s add-ons (${names || 'none'}) do not include ${AGENT}, but ${describeAssociation(association)}${more} give${more ? '' : 's'} its pods roles through EKS Pod Identity: ` +
      `without the agent (a DaemonSet that serves 169.254.170.23) the pods get no credentials; add the ${AGENT} add-on, or turn on EKS Auto Mode`,
    related: associations.map((each) => ({ location: each.location, message: describeAssociation(each) })),
    key: `${cluster.unit ?? ''} ${formatLocation(cluster.location)} pod-identity-agent`,
  }
}

/**
 * The add-ons of the cluster's unit made for it, by its known name; undefined when an add-on of
 * unknown cluster may be another cluster's of the same unit.
 */
function clusterAddons(graph: Graph, cluster: Cluster): EksAddon[] | undefined {
  const scope = deployScope(cluster)
  const inUnit = graph.facts.eksAddons.filter((addon) => deployScope(addon) === scope)
  const clusters = graph.facts.clusters.filter((other) => deployScope(other) === scope)
  const known = cluster.name.kind === 'known' ? cluster.name.value : undefined
  const other = (addon: EksAddon): boolean =>
    known !== undefined && addon.cluster?.kind === 'known' && addon.cluster.value !== known
  if (clusters.length === 1) return inUnit.filter((addon) => !other(addon))
  if (known === undefined || inUnit.some((addon) => addon.cluster?.kind !== 'known')) return undefined
  return inUnit.filter((addon) => addon.cluster?.kind === 'known' && addon.cluster.value === known)
}

/**
 * The agent installed another way the scan shows: an add-on of that name anywhere (another
 * Terraform root may install it), its chart, or its DaemonSet in manifests.
 */
function agentInstalledOtherwise(graph: Graph): boolean {
  const mentions = (text: string): boolean => text.toLowerCase().includes('pod-identity-agent')
  return (
    graph.facts.eksAddons.some((addon) => addon.name.kind === 'known' && addon.name.value.trim() === AGENT) ||
    (graph.facts.serviceAccountCreators ?? []).some((creator) => mentions(creator.label) || mentions(creator.text)) ||
    graph.facts.workloads.some((workload) => workload.name.kind === 'known' && mentions(workload.name.value)) ||
    graph.facts.objects.some((object) => object.name.kind === 'known' && mentions(object.name.value)) ||
    graph.facts.unknownCharts.some((chart) => mentions(chart.chart))
  )
}

/** What is deployed together: the fact's unit, or its CloudFormation template (a stack). */
function deployScope(fact: { unit?: string; source: string; location: { path: string } }): string | undefined {
  return fact.unit ?? (fact.source === 'cloudformation' ? `cloudformation ${fact.location.path}` : undefined)
}

/** A module the scan does not read, in the cluster's unit, that may install add-ons. */
function addonModuleInUnit(graph: Graph, cluster: Cluster): boolean {
  const root = cluster.terraform?.root
  return graph.facts.unreadModules.some(
    (module) => module.terraform?.root === root && /addon|pod-identity/i.test(module.moduleSource),
  )
}
