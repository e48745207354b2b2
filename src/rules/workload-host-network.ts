import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { hasRoleArn, objectTitle, quoted, serviceAccountTitle, valueText } from './helpers/kubernetes.js'

export const workloadHostNetwork: Rule = {
  meta: {
    id: 'workload-host-network',
    level: 'note',
    security: true,
    description:
      "A workload with hostNetwork: true runs as a ServiceAccount with a role-arn annotation: it shares the node's network namespace, so whenever IRSA is not injected its SDK reaches the node's role through the instance metadata service, whatever the metadata hop limit.",
    remediation:
      'Drop hostNetwork where the pod does not need it; otherwise keep the node role minimal and check that the pods get the IRSA variables.',
  },
  *check(graph) {
    for (const workload of graph.facts.workloads) {
      if (!workload.hostNetwork) continue
      const sa = graph.serviceAccountsOf(workload).find(hasRoleArn)
      const annotation = sa?.roleArn
      if (!sa || !annotation) continue
      yield {
        location: workload.hostNetwork,
        message:
          `The pods of ${objectTitle(workload)} use the node's network (hostNetwork: true) and run as ${serviceAccountTitle(sa)} (${formatLocation(annotation.location)}) with role ${quoted(valueText(annotation).trim())}: ` +
          `the webhook injects IRSA into them as into any pod, but if it ever does not (a pod created before the annotation, the webhook unavailable), their SDK silently falls back to the node's role through the instance metadata service, which a hop limit of 1 does not stop for host-network pods; keep the node role minimal`,
        related: [{ location: annotation.location, message: `the role-arn annotation of ${serviceAccountTitle(sa)}` }],
        key: `${objectTitle(workload)} host-network`,
      }
    }
  },
}
