import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import {
  hasRoleArn,
  objectTitle,
  podAnnotations,
  quoted,
  serviceAccountTitle,
  valueText,
  workloadOfObject,
} from './helpers/kubernetes.js'

/**
 * aws/amazon-eks-pod-identity-webhook, deploy/mutatingwebhook.yaml (at 3bf80a34): the webhook's
 * objectSelector skips pods with this label (`operator: DoesNotExist`), whatever its value.
 */
const SKIP_LABEL = 'eks.amazonaws.com/skip-pod-identity-webhook'
/**
 * jtblin/kube2iam README.md and uswitch/kiam README.md: the pod annotation naming the role its
 * metadata proxy serves. Pods that carry it skip the webhook on purpose and do not fall back to the node's role.
 */
const METADATA_PROXY_ROLE_ANNOTATION = 'iam.amazonaws.com/role'

export const webhookSkipLabel: Rule = {
  meta: {
    id: 'webhook-skip-label',
    level: 'warning',
    description:
      "A pod template (or Pod) carries the label eks.amazonaws.com/skip-pod-identity-webhook, which the pod identity webhook's object selector skips, while its ServiceAccount has a role-arn annotation: the pods get no IRSA credentials.",
    remediation:
      "Remove the eks.amazonaws.com/skip-pod-identity-webhook label from pods that should get the ServiceAccount's role.",
  },
  *check(graph) {
    for (const object of graph.facts.objects) {
      const label = object.annotations.find(
        (annotation) =>
          annotation.key === SKIP_LABEL &&
          (annotation.where === 'template-labels' || (object.kind === 'Pod' && annotation.where === 'labels')),
      )
      if (!label) continue
      if (podAnnotations(object).some((annotation) => annotation.key === METADATA_PROXY_ROLE_ANNOTATION)) continue
      const workload = workloadOfObject(graph, object)
      const sa = workload ? graph.serviceAccountsOf(workload).find(hasRoleArn) : undefined
      if (!sa) continue
      yield {
        location: label.keyLocation,
        message:
          `The pods of ${objectTitle(object)} carry the label ${SKIP_LABEL} (${quoted(valueText(label.value))}), so the pod identity webhook skips them and injects no IRSA variables, ` +
          `although ${serviceAccountTitle(sa)} (${formatLocation(sa.location)}), which they run as, names role ${quoted(valueText(sa.roleArn!).trim())}: the SDK falls back to the node's role; remove the label`,
        related: [{ location: sa.location, message: `${serviceAccountTitle(sa)}, with the role-arn annotation` }],
        key: `${objectTitle(object)} skip-label`,
      }
    }
  },
}
