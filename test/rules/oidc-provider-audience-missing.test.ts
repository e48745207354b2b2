import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

const id = 'oidc-provider-audience-missing'
const PROD = 'https://oidc.eks.eu-west-1.amazonaws.com/id/9C4B2E7F1A3D5C6B8E0F2A4C6E8B1D3F'
const BATCH = 'https://oidc.eks.eu-west-1.amazonaws.com/id/0D2F4A6C8E1B3D5F7A9C2E4B6D8F0A1C'
const CHINA = 'https://oidc.eks.cn-northwest-1.amazonaws.com.cn/id/5B7D9F1A3C5E7A9B2D4F6A8C0E1B3D5F'
const REFUSED = 'so STS answers "InvalidIdentityToken: Incorrect token audience"'

describe(id, () => {
  it('reports providers whose client IDs lack the default audience that ServiceAccounts or trusts use, or misspell it', async () => {
    expect(await ruleLines(id, 'fires')).toEqual([
      `infra-cn/oidc.tf:5:3: error: OIDC provider ${CHINA} lists the client ID "sts.amazonaws.com.cn" but not "sts.amazonaws.com", the audience IRSA tokens carry unless a ServiceAccount sets eks.amazonaws.com/audience ("sts.amazonaws.com.cn" is not the audience in China either), ${REFUSED}; replace "sts.amazonaws.com.cn" with "sts.amazonaws.com" in the provider's client_id_list [${id}]`,
      `infra/oidc.tf:15:3: error: OIDC provider ${PROD} lists only the client ID "sts.amazon.com", but ServiceAccount payments/ledger (k8s/service-accounts.yaml:7) of role payments-ledger presents tokens with the default audience "sts.amazonaws.com" (no eks.amazonaws.com/audience annotation), ${REFUSED}; replace "sts.amazon.com" with "sts.amazonaws.com" in the provider's client_id_list [${id}]`,
      `infra/oidc.tf:20:3: error: OIDC provider ${BATCH} lists only the client ID "batch.payments.internal", but role payments-settlement's trust (infra/roles.tf:63) accepts only tokens with aud "sts.amazonaws.com", the audience of every ServiceAccount without an eks.amazonaws.com/audience annotation, ${REFUSED}; add "sts.amazonaws.com" to the provider's client_id_list [${id}]`,
    ])
  })

  it("leaves an annotated audience the provider lacks to audience-mismatch, which points at the annotation", async () => {
    const result = await scan(fixture('rules', id, 'fires'))
    expect(linesOf(result, 'audience-mismatch')).toEqual([
      `k8s/service-accounts.yaml:16:33: error: ServiceAccount vault/agent (k8s/service-accounts.yaml:15) sets eks.amazonaws.com/audience "vault", but OIDC provider ${PROD} (infra/oidc.tf:15), which role vault-agent's trust names, lists only the client IDs "sts.amazon.com", so STS answers "Incorrect token audience"; add "vault" to the provider's client IDs, or change the annotation to one of them [audience-mismatch]`,
    ])
  })

  it("stays silent for providers listing the audience, client IDs known only at apply time, and GitHub's provider in China", async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })
})
