import { posix } from 'node:path'
import { objectKey, type Graph } from '../graph.js'
import type { ServiceAccount, Workload } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { hasRoleArn, objectTitle, qualifiedName, quoted, serviceAccountTitle, valueText } from './helpers/kubernetes.js'

export const workloadRunsAsDefault: Rule = {
  meta: {
    id: 'workload-runs-as-default',
    level: 'error',
    description:
      "A workload sets no serviceAccountName, so its pods run as the namespace's unannotated default ServiceAccount, while a ServiceAccount named like the workload in the same namespace and manifests carries a role-arn annotation and no workload runs as it; or a Helm release turns the chart's ServiceAccount off, names none and annotates it with a role, so the chart's pods run as default.",
    remediation:
      'Set spec.serviceAccountName (in the pod template) to the annotated ServiceAccount meant for the workload.',
  },
  *check(graph) {
    const { used, unitsNamingUnknown } = usedServiceAccounts(graph)
    for (const workload of graph.facts.workloads) {
      if (
        workload.serviceAccountName !== undefined ||
        workload.containers.length === 0 ||
        workload.name.kind !== 'known'
      )
        continue
      // A ServiceAccount name known only at apply time may be the annotated one.
      if (unitsNamingUnknown.has(workload.unit)) continue
      // The pods get the default ServiceAccount's role, if it has one.
      if (graph.serviceAccountsNamed(workload.namespace, 'default', workload).some((sa) => sa.roleArn !== undefined))
        continue
      const meant = graph
        .serviceAccountsNamed(workload.namespace, workload.name.value, workload)
        .find((sa) => hasRoleArn(sa) && !used.has(objectKey(sa.namespace, sa.name)) && sameManifests(sa, workload))
      if (!meant) continue
      const role = meant.roleArn!
      yield {
        location: workload.location,
        message:
          `${objectTitle(workload)} sets no serviceAccountName, so its pods run as ServiceAccount ${qualifiedName(workload.namespace, 'default')}, which has no role-arn annotation: ` +
          `the EKS webhook injects no role and the SDK falls back to the node's role. ${serviceAccountTitle(meant)} (${formatLocation(meant.location)}), named like the workload and annotated with ` +
          `${quoted(valueText(role).trim())}, is used by no workload: set ${serviceAccountNameField(workload)}: ${valueText(meant.name)}`,
        related: [{ location: meant.location, message: `${serviceAccountTitle(meant)}, annotated with the role` }],
        key: `${objectTitle(workload)} default`,
      }
    }
    for (const release of graph.facts.releasesRunningAsDefault ?? []) {
      // The pods get the default ServiceAccount's role, if it has one.
      if (graph.serviceAccountsNamed(release.namespace, 'default').some((sa) => sa.roleArn !== undefined)) continue
      yield {
        location: release.location,
        message:
          `The ${release.label} of chart ${release.chart} sets ${release.path}.create: false and no ${release.path}.name, so the chart creates no ServiceAccount and runs its pods as ServiceAccount ${qualifiedName(release.namespace, 'default')}: ` +
          `this role-arn ${quoted(valueText(release.roleArn).trim())} is on no ServiceAccount, the EKS webhook injects no role and the SDK falls back to the node's role; set ${release.path}.create: true, or ${release.path}.name to an annotated ServiceAccount that exists`,
        key: `${release.label} ${release.path}.create false`,
      }
    }
  },
}

/** ServiceAccounts a workload or custom resource names (namespace and name), and the units where one names a ServiceAccount only known at apply time. */
function usedServiceAccounts(graph: Graph): { used: Set<string>; unitsNamingUnknown: Set<string | undefined> } {
  const used = new Set<string>()
  const unitsNamingUnknown = new Set<string | undefined>()
  for (const workload of graph.facts.workloads) {
    if (workload.serviceAccountName === undefined) continue
    used.add(objectKey(workload.namespace, workload.serviceAccountName))
    if (workload.serviceAccountName.kind === 'symbolic') unitsNamingUnknown.add(workload.unit)
  }
  for (const object of graph.facts.objects) {
    const ref = object.serviceAccountRef
    if (ref) used.add(objectKey(ref.namespace, ref.name))
  }
  return { used, unitsNamingUnknown }
}

function serviceAccountNameField(workload: Workload): string {
  if (workload.kind === 'Pod') return 'spec.serviceAccountName'
  if (workload.kind === 'CronJob') return 'spec.jobTemplate.spec.template.spec.serviceAccountName'
  return 'spec.template.spec.serviceAccountName'
}

/** Applied together: one deploy unit, or plain manifests of one directory. */
function sameManifests(sa: ServiceAccount, workload: Workload): boolean {
  if (sa.unit !== undefined || workload.unit !== undefined) return sa.unit === workload.unit
  return posix.dirname(sa.location.path) === posix.dirname(workload.location.path)
}
