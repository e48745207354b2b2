import type { ClusterConfig, Config } from '../config.js'
import type { Graph } from '../graph.js'
import type { Value } from '../model/value.js'
import { parseEksIssuerHostPath, parseRoleArn, partitionOfRegion, issuerHostPath } from '../iam/arn.js'
import { sameUnitOrNone, type Cluster, type DeployUnit, type ServiceAccount, type Workload } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation, type Location } from '../model/location.js'
import { STS_REGIONAL_ENDPOINTS_ANNOTATION } from '../model/kubernetes.js'
import type { Rule } from './rule.js'
import { describeServiceAccount, serviceAccountKey } from './helpers/correlation.js'

const STS_ENDPOINTS_VARIABLE = 'AWS_STS_REGIONAL_ENDPOINTS'
/** What Go's strconv.ParseBool reads as false: the webhook then injects no AWS_STS_REGIONAL_ENDPOINTS. */
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False'])

/**
 * A pod that calls the global STS endpoint (sts.amazonaws.com) where it cannot be reached: in a
 * partition other than aws (AWS STS docs, "Manage AWS STS in an AWS Region": "Customers in
 * partitions other than commercial must use Regional endpoints"; China has no global endpoint),
 * or from a network without internet access whose only STS endpoint is a regional VPC endpoint.
 * The pod asks for the global endpoint with the ServiceAccount annotation
 * eks.amazonaws.com/sts-regional-endpoints "false" (the webhook then leaves the SDK's own default,
 * the global endpoint in SDKs that still default to "legacy") or with AWS_STS_REGIONAL_ENDPOINTS=legacy.
 */
export const stsGlobalEndpointUnreachable: Rule = {
  meta: {
    id: 'sts-global-endpoint-unreachable',
    level: 'warning',
    description:
      'A ServiceAccount annotated eks.amazonaws.com/sts-regional-endpoints "false", or a container with AWS_STS_REGIONAL_ENDPOINTS=legacy, on a cluster the repository places in a partition without a global STS endpoint (aws-cn, aws-us-gov, …) or in a network without a route to the internet (an STS interface endpoint serves the regional endpoint only).',
    remediation:
      'Remove the annotation (or set it to "true") and the legacy variable, so that the SDK calls the regional STS endpoint.',
  },
  *check(graph, context) {
    for (const sa of graph.facts.serviceAccounts) {
      const value = sa.stsRegionalEndpoints
      if (value?.kind !== 'known' || !GO_FALSE.has(value.value) || sa.roleArn === undefined) continue
      const workloads = graph.facts.workloads.filter((workload) => graph.serviceAccountsOf(workload).includes(sa))
      // Every pod of it chooses the regional endpoint itself: the annotation changes nothing.
      if (workloads.length > 0 && workloads.every(choosesRegional)) continue
      const place = unreachableBecause(graph, context.config, sa, sa.unit)
      if (!place) continue
      yield finding(
        value.location,
        `${describeServiceAccount(sa)} sets ${STS_REGIONAL_ENDPOINTS_ANNOTATION} "${value.value}", so the webhook does not set ${STS_ENDPOINTS_VARIABLE}=regional and SDKs that default to the legacy global endpoint call sts.amazonaws.com`,
        place,
        `remove the annotation or set it to "true"`,
        `${serviceAccountKey(sa)} sts-regional-endpoints`,
      )
    }
    for (const workload of graph.facts.workloads) {
      for (const container of workload.containers) {
        const variable = container.env.find((env) => env.name === STS_ENDPOINTS_VARIABLE)
        if (variable?.value?.kind !== 'known' || variable.value.value !== 'legacy') continue
        const irsa = graph.serviceAccountsOf(workload).filter((sa) => sa.roleArn !== undefined)
        const [sa] = irsa
        if (!sa) continue
        const place = unreachableBecause(graph, context.config, sa, workload.unit)
        if (!place) continue
        yield finding(
          variable.value.location,
          `Container ${container.name} of ${workload.kind} ${describeWorkload(workload)} sets ${STS_ENDPOINTS_VARIABLE}=legacy, so its SDK calls the global endpoint sts.amazonaws.com for the web identity credentials of ${describeServiceAccount(sa)}`,
          place,
          `remove the variable or set it to "regional"`,
          `${serviceAccountKey(sa)} ${formatLocation(variable.location)} legacy`,
        )
      }
    }
  },
}

interface Unreachable {
  why: string
}

function finding(location: Location, what: string, place: Unreachable, fix: string, key: string): FindingDraft {
  return { location, message: `${what}, which ${place.why}; ${fix}`, key }
}

function choosesRegional(workload: Workload): boolean {
  return workload.containers.every((container) =>
    container.env.some(
      (env) => env.name === STS_ENDPOINTS_VARIABLE && env.value?.kind === 'known' && env.value.value === 'regional',
    ),
  )
}

function describeWorkload(workload: Workload): string {
  const namespace = workload.namespace.kind === 'known' ? `${workload.namespace.value}/` : ''
  const name = workload.name.kind === 'known' ? workload.name.value : formatLocation(workload.location)
  return `${namespace}${name} (${formatLocation(workload.location)})`
}

/** A cluster the pods may run on, as far as the scan and the config file tell. */
interface Place {
  title: string
  partition?: { name: string; from: string }
  privateNetwork?: Cluster['privateNetwork']
}

/** Why the global endpoint is out of reach for this ServiceAccount's pods; undefined when the scan cannot tell. */
function unreachableBecause(
  graph: Graph,
  config: Config,
  sa: ServiceAccount,
  unit: DeployUnit | undefined,
): Unreachable | undefined {
  const roleArn = sa.roleArn?.kind === 'known' ? sa.roleArn : undefined
  const arn = roleArn ? parseRoleArn(roleArn.value) : undefined
  if (roleArn && arn && arn.partition !== 'aws')
    return {
      why: `does not exist in partition ${arn.partition} of its role (${formatLocation(roleArn.location)}): AWS STS has no global endpoint outside the commercial partition, where Regional endpoints must be used`,
    }
  const places = placesOf(graph, config, unit)
  const [first] = places
  if (!first) return undefined
  const partition = first.partition
  if (
    partition !== undefined &&
    partition.name !== 'aws' &&
    places.every((other) => other.partition?.name === partition.name)
  )
    return {
      why: `does not exist in partition ${partition.name} of ${first.title} (${partition.from}): AWS STS has no global endpoint outside the commercial partition, where Regional endpoints must be used`,
    }
  const network = first.privateNetwork
  if (network && places.every((other) => other.privateNetwork !== undefined))
    return {
      why: `${first.title} cannot reach: it is ${network.description} (${formatLocation(network.location)}), so the call times out ("dial tcp: i/o timeout")${stsEndpointText(network.stsEndpoint)}`,
    }
  return undefined
}

/** An STS interface endpoint serves sts.<region>.amazonaws.com only (IAM User Guide, "Create a VPC endpoint for AWS STS"). */
function stsEndpointText(endpoint: Location | 'none' | undefined): string {
  if (endpoint === undefined) return ''
  if (endpoint === 'none')
    return ', and the repository creates no STS interface endpoint (com.amazonaws.<region>.sts) there, which the regional endpoint needs'
  return `; its STS interface endpoint (${formatLocation(endpoint)}) serves the regional endpoint only`
}

/** The clusters of the unit (every cluster when it has none), and the config file's clusters no source defines. */
function placesOf(graph: Graph, config: Config, unit: DeployUnit | undefined): Place[] {
  const configured = new Map(config.clusters.map((cluster) => [cluster.name, cluster]))
  const places: Place[] = []
  for (const cluster of graph.facts.clusters) {
    const name = cluster.name.kind === 'known' ? cluster.name.value : undefined
    if (name !== undefined) configured.delete(name)
    if (!sameUnitOrNone(cluster.unit, unit)) continue
    const place: Place = {
      title: name !== undefined ? `cluster ${name}` : `the cluster at ${formatLocation(cluster.location)}`,
    }
    const partition =
      partitionOf(
        knownText(cluster.region),
        knownText(cluster.issuer),
        cluster.region ? formatLocation(cluster.region.location) : '',
        cluster.issuer ? formatLocation(cluster.issuer.location) : '',
      ) ?? (name !== undefined ? configuredPartition(config.clusters.find((other) => other.name === name)) : undefined)
    if (partition) place.partition = partition
    if (cluster.privateNetwork) place.privateNetwork = cluster.privateNetwork
    places.push(place)
  }
  for (const cluster of configured.values()) {
    const place: Place = { title: `cluster ${cluster.name}` }
    const partition = configuredPartition(cluster)
    if (partition) place.partition = partition
    places.push(place)
  }
  return places
}

function configuredPartition(cluster: ClusterConfig | undefined): Place['partition'] {
  if (!cluster) return undefined
  const where = cluster.location ? formatLocation(cluster.location) : 'the config file'
  return partitionOf(cluster.region, cluster.issuer, where, where)
}

function knownText(value: Value | undefined): string | undefined {
  return value?.kind === 'known' ? value.value : undefined
}

function partitionOf(
  region: string | undefined,
  issuer: string | undefined,
  regionWhere: string,
  issuerWhere: string,
): Place['partition'] {
  if (region !== undefined) return { name: partitionOfRegion(region), from: `region ${region}, ${regionWhere}` }
  const parsed = issuer !== undefined ? parseEksIssuerHostPath(issuerHostPath(issuer)) : undefined
  if (parsed) return { name: partitionOfRegion(parsed.region), from: `issuer region ${parsed.region}, ${issuerWhere}` }
  return undefined
}
