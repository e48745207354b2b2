import type { Graph } from '../../graph.js'
import { globPattern, intersects, literalPattern, type Pattern } from '../../iam/glob.js'
import type {
  Cluster,
  DeployUnit,
  FargateProfile,
  FargateSelector,
  PodIdentityAssociation,
  Workload,
} from '../../model/facts.js'
import type { Value } from '../../model/value.js'
import { perGraph } from './per-graph.js'

/** Something written for a cluster: its name (or a reference to it) and the unit it is applied with. */
interface ForCluster {
  unit?: DeployUnit
  cluster?: Value
}

const clustersByUnit = perGraph((graph) => {
  const byUnit = new Map<DeployUnit | undefined, Cluster[]>()
  for (const cluster of graph.facts.clusters) {
    const list = byUnit.get(cluster.unit)
    if (list) list.push(cluster)
    else byUnit.set(cluster.unit, [cluster])
  }
  return byUnit
})

/**
 * The clusters an association (or a Fargate profile) is for: a cluster of its unit whose name is
 * the same value or whose resource its reference names, the only cluster of its unit when its
 * name is not known, or any cluster of the same known name.
 */
export function clustersOf(graph: Graph, fact: ForCluster): Cluster[] {
  const name = fact.cluster
  const inUnit = fact.unit === undefined ? [] : (clustersByUnit(graph).get(fact.unit) ?? [])
  const named = graph.facts.clusters.filter((cluster) => namesCluster(name, cluster, fact.unit))
  if (named.length > 0) return named
  if (inUnit.length === 1 && (name === undefined || name.kind === 'symbolic')) return inUnit
  return []
}

function namesCluster(name: Value | undefined, cluster: Cluster, unit: DeployUnit | undefined): boolean {
  if (name === undefined) return false
  if (name.kind === 'known') return cluster.name.kind === 'known' && cluster.name.value === name.value
  if (cluster.unit !== unit || unit === undefined) return false
  if (cluster.name.kind === 'symbolic' && cluster.name.expression === name.expression) return true
  const address = cluster.terraform?.address
  if (address === undefined) return false
  // `aws_eks_cluster.main.name`, or an output of the module that made it (`module.eks.cluster_name`).
  const module = /^(.*\.)aws_eks_cluster\.this\[0\]$/.exec(address)?.[1]
  return name.expression.startsWith(module ?? `${address}.`)
}

/**
 * Whether two facts are for the same cluster: the same known name, or in one unit with names
 * that cannot differ (the same reference, or the unit has at most one cluster).
 */
export function sameCluster(graph: Graph, a: ForCluster, b: ForCluster): boolean {
  if (a.cluster?.kind === 'known' && b.cluster?.kind === 'known') return a.cluster.value === b.cluster.value
  if (a.unit === undefined || a.unit !== b.unit) return false
  if (a.cluster?.kind === 'symbolic' && b.cluster?.kind === 'symbolic' && a.cluster.expression === b.cluster.expression)
    return true
  return (clustersByUnit(graph).get(a.unit) ?? []).length <= 1
}

/** The known workloads whose pods run as the association's ServiceAccount. */
export function workloadsOfAssociation(graph: Graph, association: PodIdentityAssociation): Workload[] {
  const namespace = association.namespace
  const name = association.serviceAccount
  if (namespace.kind !== 'known' || name.kind !== 'known') return []
  return graph.facts.workloads.filter((workload) => {
    if (workload.namespace.kind !== 'known' || workload.namespace.value !== namespace.value) return false
    const serviceAccount = workload.serviceAccountName
    const runsAs =
      serviceAccount === undefined ? 'default' : serviceAccount.kind === 'known' ? serviceAccount.value : undefined
    return runsAs === name.value && (workload.unit === undefined || workload.unit === association.unit)
  })
}

/** A Fargate selector certainly matches this namespace (a known value against its `*`/`?` pattern). */
export function selectsNamespace(selector: FargateSelector, namespace: Value): boolean {
  return namespace.kind === 'known' && certainlyMatches(selector.namespace, namespace.value)
}

/** A Fargate selector certainly selects every pod of its namespaces: no labels. */
export function selectsWholeNamespace(selector: FargateSelector): boolean {
  return selector.labels.length === 0 && selector.labelsUnknown !== true
}

/** A Fargate selector certainly selects the pods of this workload: its namespace, and each label present and matching. */
export function selectsWorkload(selector: FargateSelector, workload: Workload): boolean {
  if (!selectsNamespace(selector, workload.namespace) || selector.labelsUnknown === true) return false
  return selector.labels.every((label) => {
    const podLabel = workload.podLabels?.find((candidate) => candidate.key === label.key)
    return podLabel?.value.kind === 'known' && certainlyMatches(label.value, podLabel.value.value)
  })
}

/** The Fargate profiles of the same cluster as `fact`. */
export function fargateProfilesFor(graph: Graph, fact: ForCluster): FargateProfile[] {
  return (graph.facts.fargateProfiles ?? []).filter((profile) => sameCluster(graph, profile, fact))
}

/** A known pattern (Fargate selectors allow `*` and `?`) that the known text matches. */
function certainlyMatches(pattern: Value, text: string): boolean {
  if (pattern.kind !== 'known') return false
  const glob: Pattern = globPattern([{ text: pattern.value }])
  return intersects(glob, literalPattern([{ text }]))
}

/** `1.23` as [1, 23]; undefined when the version is not a plain `<major>.<minor>`. */
export function minorVersion(value: Value | undefined): [number, number] | undefined {
  if (value?.kind !== 'known') return undefined
  const match = /^\s*v?(\d+)\.(\d+)(\.\d+)?\s*$/.exec(value.value)
  return match ? [Number(match[1]), Number(match[2])] : undefined
}
