import { posix } from 'node:path'
import type { Graph } from '../../graph.js'
import type { ServiceAccount, Workload } from '../../model/facts.js'
import { hasRoleArn } from './kubernetes.js'

/**
 * The workloads a build file builds, as far as the repository says: those defined under the build
 * file's directory. A build file at the repository root is tied to none (the root holds every service).
 */
export function workloadsBuiltBy(graph: Graph, buildFilePath: string): Workload[] {
  const directory = posix.dirname(buildFilePath)
  if (directory === '.' || directory === '') return []
  return graph.facts.workloads.filter((workload) => workload.location.path.startsWith(`${directory}/`))
}

/** A workload the build file builds that runs as a ServiceAccount with a role-arn annotation. */
export function irsaWorkloadBuiltBy(graph: Graph, buildFilePath: string): Workload | undefined {
  return workloadsBuiltBy(graph, buildFilePath).find((workload) => graph.serviceAccountsOf(workload).some(hasRoleArn))
}

/** Whether an EKS Pod Identity association of the scan maps this ServiceAccount. */
export function hasPodIdentityAssociation(graph: Graph, sa: ServiceAccount): boolean {
  return graph.facts.podIdentityAssociations.some((association) =>
    graph.serviceAccountsNamed(association.namespace, association.serviceAccount, association).includes(sa),
  )
}
