import { liveRuleLines } from '../live/helpers.js'

const id = 'live-oidc-provider-audience-missing'
const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9'

describe(id, () => {
  it('reports each audience in use that the provider’s client IDs lack: the default one on the trust, an annotated one on the annotation', async () => {
    expect(await liveRuleLines(id, 'fires')).toEqual([
      `iam/payments-api-trust.json:7:22: error: the OIDC provider of issuer ${ISSUER} in account 406214073512 (iam:GetOpenIDConnectProvider) lists client IDs "sts.amazon.com", not "sts.amazonaws.com", the audience of the tokens of ServiceAccount payments/api (k8s/payments.yaml:7), so STS refuses its tokens with "Incorrect token audience"; add "sts.amazonaws.com" to the provider's client IDs [${id}]`,
      `k8s/vault.yaml:8:33: error: the OIDC provider of issuer ${ISSUER} in account 406214073512 (iam:GetOpenIDConnectProvider) lists client IDs "sts.amazon.com", not "vault", the audience ServiceAccount vault/agent (k8s/vault.yaml:7) sets with eks.amazonaws.com/audience, so STS refuses its tokens with "Incorrect token audience"; add "vault" to the provider's client IDs [${id}]`,
    ])
  })

  it('stays silent when the provider lists both audiences', async () => {
    expect(await liveRuleLines(id, 'silent')).toEqual([])
  })
})
