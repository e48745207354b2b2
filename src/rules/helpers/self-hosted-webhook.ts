import { defaultAudienceOfIssuer, parseOidcProviderArn } from '../../iam/arn.js'
import type { Facts, SelfHostedWebhook } from '../../model/facts.js'
import type { Statement } from '../../model/policy.js'
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

/** The webhook's image tag (`…/pod-identity-webhook:v0.5.2` → `v0.5.2`), when written literally. */
export function webhookImageTag(webhook: SelfHostedWebhook): string | undefined {
  if (webhook.image?.kind !== 'known') return undefined
  return /:([^:@/\s]+)(@|$)/.exec(webhook.image.value.trim())?.[1]
}

/** The repository deploys the webhook: its container, or an object named after it (its MutatingWebhookConfiguration, a chart release). */
export function deploysWebhook(facts: Facts): boolean {
  if ((facts.selfHostedWebhooks ?? []).length > 0) return true
  return facts.objects.some((object) => {
    const name = object.name.kind === 'known' ? object.name.value : object.name.expression
    return /pod-identity-webhook/.test(name)
  })
}
