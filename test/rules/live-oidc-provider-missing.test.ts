import { liveRuleLines } from '../live/helpers.js'

const id = 'live-oidc-provider-missing'
const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9'

describe(id, () => {
  it('reports a trusted provider the role’s account lacks, on the Federated line, with the providers it has', async () => {
    expect(await liveRuleLines(id, 'fires')).toEqual([
      `iam/payments-api-trust.json:7:22: error: role payments-api's trust (iam/payments-api-trust.json:7) names the OIDC provider of issuer ${ISSUER}, which does not exist in account 406214073512 (iam:ListOpenIDConnectProviders: the account has providers for oidc.eks.eu-west-1.amazonaws.com/id/C4D5E6F708192A3B4C5D6E7F8091A2B3), so STS refuses every token with "No OpenIDConnect provider found in your account"; create the provider for https://${ISSUER} with client ID sts.amazonaws.com in account 406214073512 [${id}]`,
    ])
  })

  it('stays silent when the provider exists beside others', async () => {
    expect(await liveRuleLines(id, 'silent')).toEqual([])
  })
})
