import type { Cluster, Container, SecurityContext, Workload } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { hasRoleArn, objectTitle, quoted, serviceAccountTitle, valueText } from './helpers/kubernetes.js'

/**
 * Before Kubernetes 1.19 the kubelet wrote projected token files readable by root only (0600), so
 * a container running as another user could not read the web identity token unless the pod set
 * fsGroup (irsa-failure-modes.md G10, citing the EKS user guide and the EKS best practices guide).
 */
const FIRST_READABLE = { major: 1, minor: 19 }

export const workloadTokenUnreadable: Rule = {
  meta: {
    id: 'workload-token-unreadable',
    level: 'warning',
    description:
      'A container of an IRSA workload runs as a user other than root without a pod fsGroup, on a cluster the repository pins to a Kubernetes version before 1.19, where the projected web identity token is readable by root only.',
    remediation:
      'Set spec.securityContext.fsGroup on the pod (any group, e.g. 65534), or upgrade the cluster to 1.19 or later.',
  },
  *check(graph) {
    const clusters = oldClusters(graph.facts.clusters)
    const version = clusters[0]?.version
    if (!version) return
    for (const workload of graph.facts.workloads) {
      if (workload.securityContext?.fsGroup !== undefined) continue
      const sa = graph.serviceAccountsOf(workload).find(hasRoleArn)
      const roleArn = sa?.roleArn
      if (!sa || !roleArn) continue
      const container = workload.containers.find((candidate) => runsAsNonRoot(workload, candidate))
      if (!container) continue
      yield {
        location: container.location,
        message:
          `Container ${quoted(container.name)} of ${objectTitle(workload)} runs as a user other than root, and the pod sets no fsGroup, on a cluster of Kubernetes ${valueText(version)} (${formatLocation(version.location)}): ` +
          `before 1.19 the projected web identity token is readable by root only, so its SDK fails with "permission denied" and never assumes role ${quoted(valueText(roleArn).trim())} of ${serviceAccountTitle(sa)}; set spec.securityContext.fsGroup`,
        related: [{ location: version.location, message: 'the cluster version' }],
        key: `${objectTitle(workload)} container:${container.name} token-unreadable`,
      }
    }
  },
}

/** The clusters, when every cluster of the repository has a known version before 1.19; otherwise none. */
function oldClusters(clusters: readonly Cluster[]): Cluster[] {
  const old = clusters.filter((cluster) => {
    if (cluster.version?.kind !== 'known') return false
    const match = /^\s*v?(\d+)\.(\d+)/.exec(cluster.version.value)
    if (!match) return false
    const [major, minor] = [Number(match[1]), Number(match[2])]
    return major < FIRST_READABLE.major || (major === FIRST_READABLE.major && minor < FIRST_READABLE.minor)
  })
  return old.length === clusters.length ? old : []
}

/** The container's own securityContext decides; the pod's fills what it leaves out. */
function runsAsNonRoot(workload: Workload, container: Container): boolean {
  const user = container.securityContext?.runAsUser ?? workload.securityContext?.runAsUser
  if (user !== undefined) return user.kind === 'known' && /^\d+$/.test(user.value.trim()) && Number(user.value) !== 0
  const nonRoot = container.securityContext?.runAsNonRoot ?? workload.securityContext?.runAsNonRoot
  return isTrue(nonRoot)
}

function isTrue(value: SecurityContext['runAsNonRoot']): boolean {
  return value?.kind === 'known' && value.value.trim() === 'true'
}
