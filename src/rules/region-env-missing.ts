import { sameUnitOrNone, type SelfHostedWebhook, type Workload } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { hasRoleArn, objectTitle, serviceAccountTitle } from './helpers/kubernetes.js'

const REGION_VARIABLES: ReadonlySet<string> = new Set(['AWS_REGION', 'AWS_DEFAULT_REGION'])

/**
 * aws/amazon-eks-pod-identity-webhook @3bf80a34 main.go: `--aws-default-region` "If set,
 * AWS_DEFAULT_REGION and AWS_REGION will be set to this value in mutated containers"; its default
 * is empty, and pkg/handler/handler.go adds them only when it is set and the container has neither.
 * The webhook EKS runs in its control plane does set them (pods on EKS get the cluster's Region:
 * webhook issues #149 and #248, external-dns#4382), so only a webhook the repository deploys
 * itself (a cluster outside EKS) can leave pods without a region.
 */
export const regionEnvMissing: Rule = {
  meta: {
    id: 'region-env-missing',
    level: 'warning',
    description:
      'The repository deploys its own pod identity webhook without --aws-default-region, and a workload that uses IRSA sets neither AWS_REGION nor AWS_DEFAULT_REGION: its SDK has no Region for STS and its AWS clients.',
    remediation:
      'Run the webhook with --aws-default-region=<region>, or set AWS_REGION (and AWS_DEFAULT_REGION) in the containers.',
  },
  *check(graph) {
    const webhooks = graph.facts.selfHostedWebhooks ?? []
    // A cluster on EKS gets the region from the managed webhook; a repository that defines one may deploy these workloads there.
    if (webhooks.length === 0 || graph.facts.clusters.length > 0) return
    if (!webhooks.every(injectsNoRegion)) return
    const readsConfigFile = new Set<string>()
    for (const profile of graph.facts.awsProfiles)
      for (const reader of profile.configFile?.readers ?? [])
        readsConfigFile.add(formatLocation(reader.workload.location))
    for (const workload of graph.facts.workloads) {
      const webhook = webhooks.find((candidate) => sameUnitOrNone(candidate.unit, workload.unit))
      if (!webhook || !lacksRegion(workload) || readsConfigFile.has(formatLocation(workload.location))) continue
      const sa = graph.serviceAccountsOf(workload).find(hasRoleArn)
      if (!sa) continue
      yield {
        location: workload.location,
        message:
          `${objectTitle(workload)} runs as ${serviceAccountTitle(sa)} (${formatLocation(sa.location)}), which uses IRSA, and sets neither AWS_REGION nor AWS_DEFAULT_REGION, ` +
          `while the pod identity webhook this repository deploys (${formatLocation(webhook.location)}) runs without --aws-default-region and so injects no region: ` +
          `the SDK has no Region for STS and its clients; add --aws-default-region=<region> to the webhook, or set AWS_REGION in the containers`,
        related: [{ location: webhook.location, message: 'the self-hosted pod identity webhook' }],
        key: `${objectTitle(workload)} region-env-missing`,
      }
    }
  },
}

function injectsNoRegion(webhook: SelfHostedWebhook): boolean {
  const region = webhook.defaultRegion
  return region === undefined || (region.kind === 'known' && region.value.trim() === '')
}

/** No container sets a region variable, and none takes variables from envFrom (which may). */
function lacksRegion(workload: Workload): boolean {
  return workload.containers.every(
    (container) => container.envFrom !== true && !container.env.some((env) => REGION_VARIABLES.has(env.name)),
  )
}
