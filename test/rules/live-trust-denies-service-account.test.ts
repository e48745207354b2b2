import { linesOf } from '../helpers.js'
import { liveFixture, liveRuleLines } from '../live/helpers.js'

const id = 'live-trust-denies-service-account'
const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9'

describe(id, () => {
  it('reports a ServiceAccount the deployed trust refuses, saying whether the repository accepts it', async () => {
    expect(await liveRuleLines(id, 'fires')).toEqual([
      `k8s/orders.yaml:7:33: error: ServiceAccount orders/reader (k8s/orders.yaml:7) would be refused by the deployed trust of role orders-reader in account 406214073512 (iam:GetRole): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:default:reader", not "system:serviceaccount:orders:reader"; the repository's trust (iam/orders-reader-trust.json:1) accepts it, so the deployed trust differs: apply the repository's trust to the role [${id}]`,
      `k8s/shipping.yaml:7:33: error: ServiceAccount shipping/label-printer (k8s/shipping.yaml:7) would be refused by the deployed trust of role shipping-labels in account 406214073512 (iam:GetRole): StringEquals on "${ISSUER}:aud" allows "sts.amazon.com", not "sts.amazonaws.com"; change the role's trust to accept "system:serviceaccount:shipping:label-printer" with audience "sts.amazonaws.com" [${id}]`,
    ])
  })

  it('leaves a refusal the repository shares to trust-denies-service-account', async () => {
    const run = await liveFixture(id, 'fires')
    expect(linesOf(run.result, 'trust-denies-service-account').map((line) => line.slice(0, line.indexOf(': error'))) ).toEqual(['iam/billing-invoices-trust.json:12:90'])
    expect(linesOf(run.result, id).filter((line) => line.includes('billing'))).toEqual([])
  })

  it('stays silent when the deployed trusts accept the ServiceAccounts', async () => {
    expect(await liveRuleLines(id, 'silent')).toEqual([])
  })
})
