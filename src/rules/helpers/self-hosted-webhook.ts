import { defaultAudienceOfIssuer, parseOidcProviderArn } from '../../iam/arn.js'
import type { Container, Facts, Workload } from '../../model/facts.js'
import type { Statement } from '../../model/policy.js'
import type { Value } from '../../model/value.js'
import { claimOf, federatedValues, isOidcFederated, keyIssuer } from './trust.js'

/**
 * The issuer host/path a trust statement names (in its claim keys and Federated provider ARNs) when
 * every one is known and none is an EKS issuer: a self-hosted cluster (kOps, EKS Anywhere, one's own)
 * whose tokens the pod identity webhook of that cluster injects, with the audience it is started with.
 */
export function selfHostedIssuerOf(statement: Statement): string | undefined {
  const issuers: (string | undefined)[] = []
  for (const entry of statement.condition?.entries ?? []) {
    if (claimOf(entry.key) === 'other') continue
    issuers.push(entry.key.kind === 'known' ? keyIssuer(entry.key) : undefined)
  }
  // A provider known by reference only (`aws_iam_openid_connect_provider.x.arn`) names the issuer its keys name.
  for (const federated of federatedValues(statement).filter(isOidcFederated))
    if (federated.kind === 'known') issuers.push(parseOidcProviderArn(federated.value)?.issuerHostPath)
  const [first] = issuers
  if (first === undefined) return undefined
  return issuers.every((issuer) => issuer !== undefined && defaultAudienceOfIssuer(issuer) === undefined)
    ? first
    : undefined
}

/**
 * The webhook's images: public.ecr.aws/eks/pod-identity-webhook (aws/amazon-eks-pod-identity-webhook
 * Makefile, IMAGE_NAME, at 3bf80a34) and amazon/amazon-eks-pod-identity-webhook (its README and older
 * deploy files), with a tag or a digest.
 */
const WEBHOOK_IMAGE = /(^|\/)(amazon-eks-)?pod-identity-webhook(:(?<tag>[^@\s]+))?(@|$)/

export interface WebhookContainer {
  workload: Workload
  container: Container
  image: Value
  /** The image's tag, when written literally. */
  tag?: string
}

/** Containers of the scan that run amazon-eks-pod-identity-webhook. */
export function webhookContainers(facts: Facts): WebhookContainer[] {
  const found: WebhookContainer[] = []
  for (const workload of facts.workloads) {
    for (const container of workload.containers) {
      const image = container.image
      if (!image) continue
      const text = image.kind === 'known' ? image.value : image.expression
      const match = WEBHOOK_IMAGE.exec(text.trim())
      if (!match) continue
      const tag = image.kind === 'known' ? match.groups?.['tag'] : undefined
      found.push({ workload, container, image, ...(tag === undefined ? {} : { tag }) })
    }
  }
  return found
}

/** The repository deploys the webhook: its container, or an object named after it (its MutatingWebhookConfiguration, a chart release). */
export function deploysWebhook(facts: Facts): boolean {
  if (webhookContainers(facts).length > 0) return true
  return facts.objects.some((object) => {
    const name = object.name.kind === 'known' ? object.name.value : object.name.expression
    return /pod-identity-webhook/.test(name)
  })
}
