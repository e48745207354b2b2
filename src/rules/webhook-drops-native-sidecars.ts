import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { hasRoleArn, objectTitle, quoted } from './helpers/kubernetes.js'
import { webhookImageTag } from './helpers/self-hosted-webhook.js'
import { valueText } from '../model/value.js'

/**
 * aws/amazon-eks-pod-identity-webhook #208: builds on client-go older than 0.29 re-encoded mutated pods
 * without `initContainers[].restartPolicy`, so native sidecars were rejected. Fixed by #209 (commit
 * d4269f48, 2024-01-30), first released in v0.5.3 (2024-04-01).
 */
const FIXED_IN = [0, 5, 3] as const

function olderThanFix(tag: string): boolean {
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(tag)
  if (!match) return false
  const version = [Number(match[1]), Number(match[2]), Number(match[3])]
  for (const [index, fixed] of FIXED_IN.entries()) {
    const part = version[index] ?? 0
    if (part !== fixed) return part < fixed
  }
  return false
}

export const webhookDropsNativeSidecars: Rule = {
  meta: {
    id: 'webhook-drops-native-sidecars',
    level: 'warning',
    description:
      'A pod with a role-arn ServiceAccount has a native sidecar (an init container with restartPolicy: Always), and the repository runs a self-hosted amazon-eks-pod-identity-webhook older than v0.5.3, which drops that field when it mutates the pod: the API server then rejects the pod.',
    remediation: 'Upgrade the self-hosted amazon-eks-pod-identity-webhook image to v0.5.3 or later.',
  },
  *check(graph) {
    const webhook = (graph.facts.selfHostedWebhooks ?? []).find((found) => {
      const tag = webhookImageTag(found)
      return tag !== undefined && olderThanFix(tag)
    })
    if (!webhook?.image) return
    for (const workload of graph.facts.workloads) {
      if (!graph.serviceAccountsOf(workload).some(hasRoleArn)) continue
      for (const container of workload.containers) {
        const policy = container.restartPolicy
        if (!container.init || policy?.kind !== 'known' || policy.value !== 'Always') continue
        yield {
          location: policy.location,
          message:
            `Init container ${quoted(container.name)} of ${objectTitle(workload)} is a native sidecar (restartPolicy: Always), but the pod identity webhook this repository runs ` +
            `is ${quoted(valueText(webhook.image))} (${formatLocation(webhook.location)}), older than v0.5.3: it drops restartPolicy when it mutates the pod, ` +
            'so the API server rejects the pod; upgrade the webhook image to v0.5.3 or later',
          related: [{ location: webhook.location, message: 'the pod identity webhook container' }],
          key: `${objectTitle(workload)} native-sidecar ${container.name}`,
        }
      }
    }
  },
}
