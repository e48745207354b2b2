import { ruleLines } from '../helpers.js'

const id = 'role-account-mismatch'
const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'

describe(id, () => {
  it("reports trusts naming another account's OIDC provider and annotations naming the role in another account", async () => {
    expect(await ruleLines(id, 'fires')).toEqual([
      // the role's account from its ARN (get-role output)
      `iam/orders-reader.json:14:26: error: role orders-reader's trust names the OIDC provider of account 731843002219, but the role is in account 406214073512 (iam/orders-reader.json:6) and IAM accepts only a provider of the role's own account; create an OIDC provider for ${ISSUER} in account 406214073512 and name "arn:aws:iam::406214073512:oidc-provider/${ISSUER}" [${id}]`,
      // the role's account from the annotation that names it (a plain trust-policy file)
      `iam/payments-trust.json:7:22: error: role payments's trust names the OIDC provider of account 731843002219, but the role is in account 406214073512 (k8s/service-accounts.yaml:15) and IAM accepts only a provider of the role's own account; create an OIDC provider for ${ISSUER} in account 406214073512 and name "arn:aws:iam::406214073512:oidc-provider/${ISSUER}" [${id}]`,
      `k8s/service-accounts.yaml:23:33: error: ServiceAccount prod/reports (k8s/service-accounts.yaml:23) names role reports-reader in account 731843002219, but the scanned sources define that role in account 406214073512 (iam/reports-reader.json:2); change the annotation to "arn:aws:iam::406214073512:role/reports-reader", or define the role in account 731843002219 [${id}]`,
    ])
  })

  it('stays silent on cross-account IRSA done right and on one role name per account', async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })
})
