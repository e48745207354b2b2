import type { Graph } from '../graph.js'
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
      'A ServiceAccount annotated eks.amazonaws.com/sts-regional-endpoints "false", or a container with AWS_STS_REGIONAL_ENDPOINTS=legacy, on a cluster the repository places in a partition without a global STS endpoint (aws-cn, aws-us-gov, …) or in a private network whose only STS endpoint is regional.',
    remediation:
      'Remove the annotation (or set it to "true") and the legacy variable, so that the SDK calls the regional STS endpoint.',
  },
  *check(graph) {
    for (const sa of graph.facts.serviceAccounts) {
      const value = sa.stsRegionalEndpoints
      if (value?.kind !== 'known' || !GO_FALSE.has(value.value) || sa.roleArn === undefined) continue
      const workloads = graph.facts.workloads.filter((workload) => graph.serviceAccountsOf(workload).includes(sa))
      // Every pod of it chooses the regional endpoint itself: the annotation changes nothing.
      if (workloads.length > 0 && workloads.every(choosesRegional)) continue
      const place = unreachableBecause(graph, sa, sa.unit)
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
        const place = unreachableBecause(graph, sa, workload.unit)
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

/** Why the global endpoint is out of reach for this ServiceAccount's pods; undefined when the scan cannot tell. */
function unreachableBecause(graph: Graph, sa: ServiceAccount, unit: DeployUnit | undefined): Unreachable | undefined {
  const roleArn = sa.roleArn?.kind === 'known' ? sa.roleArn : undefined
  const arn = roleArn ? parseRoleArn(roleArn.value) : undefined
  if (roleArn && arn && arn.partition !== 'aws')
    return {
      why: `does not exist in partition ${arn.partition} of its role (${formatLocation(roleArn.location)}): AWS STS has no global endpoint outside the commercial partition, where Regional endpoints must be used`,
    }
  // The clusters the pods may run on: those of the unit, or every cluster when it has none.
  const clusters = graph.facts.clusters.filter((cluster) => sameUnitOrNone(cluster.unit, unit))
  const [first] = clusters
  if (!first) return undefined
  const partitions = clusters.map(partitionOf)
  const partition = partitions[0]
  if (
    partition !== undefined &&
    partition.name !== 'aws' &&
    partitions.every((other) => other?.name === partition.name)
  )
    return {
      why: `does not exist in partition ${partition.name} of ${describe(first)} (${partition.from}): AWS STS has no global endpoint outside the commercial partition, where Regional endpoints must be used`,
    }
  const networks = clusters.map((cluster) => cluster.privateNetwork)
  const network = networks[0]
  if (network && networks.every((other) => other !== undefined))
    return {
      why: `${describe(first)} cannot reach: it is ${network.description} (${formatLocation(network.location)}), so the call times out ("dial tcp: i/o timeout")`,
    }
  return undefined
}

function describe(cluster: Cluster): string {
  return cluster.name.kind === 'known'
    ? `cluster ${cluster.name.value}`
    : `the cluster at ${formatLocation(cluster.location)}`
}

function partitionOf(cluster: Cluster): { name: string; from: string } | undefined {
  if (cluster.region?.kind === 'known')
    return {
      name: partitionOfRegion(cluster.region.value),
      from: `region ${cluster.region.value}, ${formatLocation(cluster.region.location)}`,
    }
  const issuer =
    cluster.issuer?.kind === 'known' ? parseEksIssuerHostPath(issuerHostPath(cluster.issuer.value)) : undefined
  if (issuer && cluster.issuer)
    return {
      name: partitionOfRegion(issuer.region),
      from: `issuer region ${issuer.region}, ${formatLocation(cluster.issuer.location)}`,
    }
  return undefined
}
