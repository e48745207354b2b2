import { loadConfig } from '../../src/config-file.js'
import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

const id = 'trust-denies-service-account'
const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'
const EU_ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'

async function configOf(variant: string) {
  const root = fixture('rules', id, variant)
  return loadConfig({ root, cwd: root })
}

describe(id, () => {
  it('reports each ServiceAccount its role refuses, with the failing condition and the change, on the side to change', async () => {
    expect(await ruleLines(id, 'fires')).toEqual([
      // the trust lists other subjects: add this one
      `iam/billing-api-trust.json:12:87: error: ServiceAccount billing/ledger (k8s/service-accounts.yaml:15) would be refused by role billing-api's trust (iam/billing-api-trust.json:12): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:billing:payments-api", "system:serviceaccount:billing:invoices", not "system:serviceaccount:billing:ledger"; add "system:serviceaccount:billing:ledger" to the sub values [${id}]`,
      // a Deny statement wins over the Allow
      `iam/legacy-trust.json:19:5: error: ServiceAccount prod/legacy (k8s/service-accounts.yaml:47) would be refused by role legacy's trust (iam/legacy-trust.json:19): statement "NoLegacy" denies it explicitly; narrow that Deny statement so that it does not match "system:serviceaccount:prod:legacy" [${id}]`,
      // the same name in another namespace
      `iam/orders-reader-trust.json:12:87: error: ServiceAccount prod/orders (k8s/service-accounts.yaml:7) would be refused by role orders-reader's trust (iam/orders-reader-trust.json:12): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:default:orders", not "system:serviceaccount:prod:orders"; change the sub value to "system:serviceaccount:prod:orders" or move the ServiceAccount to namespace default [${id}]`,
      // the default audience against a mistyped aud value
      `iam/shipping-trust.json:13:87: error: ServiceAccount prod/shipping (k8s/service-accounts.yaml:23) would be refused by role shipping's trust (iam/shipping-trust.json:13): StringEquals on "${ISSUER}:aud" allows "sts.amazon.com", not "sts.amazonaws.com" (the default audience; the ServiceAccount sets no eks.amazonaws.com/audience); change the aud value to "sts.amazonaws.com" [${id}]`,
      // another role's trust accepts exactly this ServiceAccount: the annotation is the likely mistake
      `k8s/service-accounts.yaml:31:33: error: ServiceAccount prod/reports (k8s/service-accounts.yaml:31) would be refused by role orders-reader's trust (iam/orders-reader-trust.json:12): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:default:orders", not "system:serviceaccount:prod:reports"; role reports-reader's trust (iam/reports-reader-trust.json:1) accepts it: point the annotation at role reports-reader, or change the sub value to "system:serviceaccount:prod:reports" [${id}]`,
      // a role that trusts no OIDC provider at all (an instance role)
      `k8s/service-accounts.yaml:39:33: error: ServiceAccount prod/metrics (k8s/service-accounts.yaml:39) names role node-instance, whose trust (iam/node-instance-trust.json:1) has no Allow statement for an OIDC provider, so it accepts no ServiceAccount token; point the annotation at the role meant for this ServiceAccount, or add a web-identity statement for it to the trust [${id}]`,
    ])
  })

  it('leaves a refusal caused only by an annotated audience to audience-mismatch', async () => {
    const result = await scan(fixture('rules', id, 'fires'))
    expect(linesOf(result, 'audience-mismatch')).toEqual([
      `k8s/service-accounts.yaml:56:33: error: ServiceAccount vault/agent (k8s/service-accounts.yaml:55) sets eks.amazonaws.com/audience "vault", but role vault-agent's trust (iam/vault-agent-trust.json:13) accepts "sts.amazonaws.com" for "${ISSUER}:aud" (StringEquals); remove the annotation (tokens then carry the default "sts.amazonaws.com"), or add "vault" to the trust's aud values [audience-mismatch]`,
    ])
  })

  it('leaves a wildcard under StringEquals to sub-wildcard-needs-stringlike', async () => {
    const result = await scan(fixture('rules', id, 'fires'))
    expect(linesOf(result, 'sub-wildcard-needs-stringlike').filter((line) => line.startsWith('iam/batch-trust.json:12:'))).toHaveLength(1)
    expect(linesOf(result, id).filter((line) => line.includes('batch/cron'))).toEqual([])
  })

  it('puts the token of the one known cluster to the trust: a provider of another region refuses it', async () => {
    expect(await ruleLines(id, 'fires-cluster', await configOf('fires-cluster'))).toEqual([
      `iam/orders-reader-trust.json:7:22: error: ServiceAccount prod/orders (k8s/orders.yaml:7) would be refused by role orders-reader's trust (iam/orders-reader-trust.json:7): it trusts the OIDC provider of issuer ${ISSUER}, but the ServiceAccount's tokens come from cluster prod (issuer https://${EU_ISSUER}, .irsa-guard.yml:2); name "arn:aws:iam::406214073512:oidc-provider/${EU_ISSUER}" and the condition keys "${EU_ISSUER}:sub" and ":aud" [${id}]`,
    ])
  })

  it('without a known cluster, assumes the token comes from the provider the trust names', async () => {
    expect(await ruleLines(id, 'fires-cluster')).toEqual([])
  })

  it('stays silent on correct chains: lists, patterns, several statements and ServiceAccounts, aws-cn, aws-us-gov, annotated audiences', async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })
})
