import type { Graph } from '../graph.js'
import type { FindingDraft } from '../model/finding.js'
import type { PodIdentityAssociation, Workload } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { objectTitle, qualifiedName, valueText } from './helpers/kubernetes.js'
import {
  clustersOf,
  fargateProfilesFor,
  minorVersion,
  selectsNamespace,
  selectsWholeNamespace,
  selectsWorkload,
  workloadsOfAssociation,
} from './helpers/platform.js'

/**
 * awsdocs/amazon-eks-user-guide latest/ug/manage-access/aws-access/pod-identities.adoc (@0be0c9b4),
 * "EKS Pod Identity restrictions": not available on AWS Outposts, Amazon EKS Anywhere or clusters
 * outside EKS; "Linux and Windows pods that run on AWS Fargate (Fargate) aren't supported. Pods that
 * run on Windows Amazon EC2 instances aren't supported." The feature launched (2023-11) for
 * Kubernetes 1.24 and later; the cluster-versions table lists the platform versions from which
 * 1.26–1.28 support it, which a repository does not state.
 */
const FIRST_SUPPORTED_MINOR = 24

export const podIdentityPlatformUnsupported: Rule = {
  meta: {
    id: 'pod-identity-platform-unsupported',
    level: 'error',
    description:
      'An EKS Pod Identity association is for pods on a platform where Pod Identity is not available: Fargate, Windows nodes, a local cluster on AWS Outposts, EKS Anywhere, or a Kubernetes version below 1.24.',
    remediation:
      'Use IRSA (an IAM OIDC provider and the eks.amazonaws.com/role-arn annotation) for these pods, or run them on Linux EC2 nodes of a supported EKS cluster.',
  },
  *check(graph) {
    for (const association of graph.facts.podIdentityAssociations) {
      const clusterFinding = unsupportedCluster(graph, association)
      if (clusterFinding) {
        yield clusterFinding
        continue
      }
      yield* onFargate(graph, association)
      yield* onWindows(graph, association)
    }
  },
}

function unsupportedCluster(graph: Graph, association: PodIdentityAssociation): FindingDraft | undefined {
  const target = `The ${describeAssociation(association)}`
  for (const cluster of clustersOf(graph, association)) {
    const name = valueText(cluster.name)
    if (cluster.outpost)
      return {
        location: association.location,
        message: `${target} is for cluster ${name}, a local cluster on AWS Outposts (${formatLocation(cluster.outpost)}), where EKS Pod Identity is not available; give the pods their role through IRSA instead`,
        related: [{ location: cluster.outpost, message: 'the Outposts configuration' }],
        key: `pod-identity-platform ${associationKey(association)} outposts`,
      }
    const version = minorVersion(cluster.version)
    if (version && version[0] === 1 && version[1] < FIRST_SUPPORTED_MINOR && cluster.version)
      return {
        location: association.location,
        message: `${target} is for cluster ${name}, which runs Kubernetes ${cluster.version.kind === 'known' ? cluster.version.value : ''} (${formatLocation(cluster.version.location)}); EKS Pod Identity needs Kubernetes 1.${FIRST_SUPPORTED_MINOR} or later: upgrade the cluster or use IRSA`,
        related: [{ location: cluster.version.location, message: 'the cluster version' }],
        key: `pod-identity-platform ${associationKey(association)} version`,
      }
  }
  const clusterName = association.cluster
  if (clusterName?.kind === 'known') {
    const anywhere = graph.facts.objects.find(
      (object) =>
        object.kind === 'Cluster' &&
        object.apiVersion.startsWith('anywhere.eks.amazonaws.com/') &&
        object.name.kind === 'known' &&
        object.name.value === clusterName.value,
    )
    if (anywhere)
      return {
        location: association.location,
        message: `${target} is for cluster ${clusterName.value}, an EKS Anywhere cluster (${formatLocation(anywhere.location)}), where EKS Pod Identity is not available; use IRSA with a self-hosted pod identity webhook instead`,
        related: [{ location: anywhere.location, message: 'the EKS Anywhere cluster' }],
        key: `pod-identity-platform ${associationKey(association)} anywhere`,
      }
  }
  return undefined
}

function* onFargate(graph: Graph, association: PodIdentityAssociation): Iterable<FindingDraft> {
  for (const profile of fargateProfilesFor(graph, association)) {
    for (const selector of profile.selectors) {
      if (!selectsNamespace(selector, association.namespace)) continue
      const selected = selectsWholeNamespace(selector)
        ? undefined
        : workloadsOfAssociation(graph, association).filter((workload) => selectsWorkload(selector, workload))
      if (selected !== undefined && selected.length === 0) continue
      const pods =
        selected === undefined
          ? `every pod of namespace ${valueText(association.namespace)}`
          : `the pods of ${selected.map((workload) => `${objectTitle(workload)} (${formatLocation(workload.location)})`).join(', ')}`
      yield {
        location: association.location,
        message: `The ${describeAssociation(association)} gives its role to pods on Fargate: ${profile.label} (${formatLocation(selector.location)}) runs ${pods} there, and EKS Pod Identity does not work on Fargate; use IRSA for these pods`,
        related: [{ location: selector.location, message: `the selector of ${profile.label}` }],
        key: `pod-identity-platform ${associationKey(association)} fargate ${profile.label}`,
      }
      return
    }
  }
}

function* onWindows(graph: Graph, association: PodIdentityAssociation): Iterable<FindingDraft> {
  for (const workload of workloadsOfAssociation(graph, association)) {
    if (workload.nodeOs?.os !== 'windows') continue
    yield {
      location: workload.nodeOs.location,
      message: `${objectTitle(workload)} runs on Windows nodes (${workload.nodeOs.via}) as ServiceAccount ${qualifiedName(association.namespace, association.serviceAccount)}, which the ${describeAssociation(association)} (${formatLocation(association.location)}) maps to a role, but EKS Pod Identity does not work for pods on Windows; use IRSA for these pods`,
      related: [{ location: association.location, message: `the ${describeAssociation(association)}` }],
      key: `pod-identity-platform ${associationKey(association)} windows ${windowsKey(workload)}`,
    }
  }
}

function describeAssociation(association: PodIdentityAssociation): string {
  const address = association.terraform ? ` ${association.terraform.address}` : ''
  return `Pod Identity association${address} for ServiceAccount ${qualifiedName(association.namespace, association.serviceAccount)}`
}

function associationKey(association: PodIdentityAssociation): string {
  return (
    association.terraform?.address ?? `${valueText(association.namespace)}/${valueText(association.serviceAccount)}`
  )
}

function windowsKey(workload: Workload): string {
  return `${workload.kind}/${valueText(workload.namespace)}/${valueText(workload.name)}`
}
