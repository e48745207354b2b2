import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { hasRoleArn, objectTitle, quoted, serviceAccountTitle, valueText } from './helpers/kubernetes.js'

/**
 * aws/amazon-eks-pod-identity-webhook @3bf80a34: pkg/handler/handler.go writes the Windows token
 * path (`C:\var\run\secrets\…`) only when `pod.Spec.NodeSelector` has `kubernetes.io/os` or
 * `beta.kubernetes.io/os` = windows; README.md, "Usage with Windows container workloads":
 * "Workloads targeting windows nodes using `nodeAffinity` are currently not supported."
 */
export const windowsNodeAffinityIrsa: Rule = {
  meta: {
    id: 'windows-node-affinity-irsa',
    level: 'warning',
    description:
      'A workload that uses IRSA is placed on Windows nodes by node affinity only; the pod identity webhook reads nodeSelector to choose the Windows token path, so the pods get the Linux path.',
    remediation: 'Add nodeSelector kubernetes.io/os: windows to the pod spec (keeping the affinity if you need it).',
  },
  *check(graph) {
    for (const workload of graph.facts.workloads) {
      const nodeOs = workload.nodeOs
      if (nodeOs?.os !== 'windows' || nodeOs.via !== 'nodeAffinity') continue
      // A pod that sets the token file itself gets nothing from the webhook.
      if (
        workload.containers.some((container) => container.env.some((env) => env.name === 'AWS_WEB_IDENTITY_TOKEN_FILE'))
      )
        continue
      const sa = graph.serviceAccountsOf(workload).find(hasRoleArn)
      if (!sa?.roleArn) continue
      const podIdentity = graph.facts.podIdentityAssociations.some(
        (association) =>
          association.namespace.kind === 'known' &&
          association.serviceAccount.kind === 'known' &&
          sa.namespace.kind === 'known' &&
          sa.name.kind === 'known' &&
          association.namespace.value === sa.namespace.value &&
          association.serviceAccount.value === sa.name.value,
      )
      if (podIdentity) continue
      yield {
        location: nodeOs.location,
        message:
          `${objectTitle(workload)} is placed on Windows nodes by node affinity only, and runs as ${serviceAccountTitle(sa)} (${formatLocation(sa.location)}) with role ${quoted(valueText(sa.roleArn).trim())}: ` +
          `the pod identity webhook chooses the Windows token path only from nodeSelector, so the pods get the Linux token path in AWS_WEB_IDENTITY_TOKEN_FILE and the volume mount (the webhook's README: Windows workloads placed by nodeAffinity are not supported); add nodeSelector kubernetes.io/os: windows`,
        related: [{ location: sa.location, message: `${serviceAccountTitle(sa)}, with the role-arn annotation` }],
        key: `${objectTitle(workload)} windows-node-affinity`,
      }
    }
  },
}
