import { liveRuleLines } from '../live/helpers.js'

const id = 'live-cluster-issuer-mismatch'
const OLD = 'oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9'
const NEW = 'oidc.eks.eu-central-1.amazonaws.com/id/7F3E9A1C5B2D4E6F8091A2B3C4D5E6F7'
const FIX = `name "arn:aws:iam::406214073512:oidc-provider/${NEW}" and the condition keys "${NEW}:sub" and ":aud"`

describe(id, () => {
  it('reports the old issuer of a recreated cluster once per trust: in the repository, and as deployed when the repository is already right', async () => {
    expect(await liveRuleLines(id, 'fires')).toEqual([
      `iam/orders-reader-trust.json:7:22: error: role orders-reader's trust (iam/orders-reader-trust.json:7) names issuer ${OLD}, but eks:DescribeCluster reports issuer https://${NEW} for cluster prod (account 406214073512, eu-central-1), so the cluster's tokens are refused; ${FIX} [${id}]`,
      `k8s/payments.yaml:7:33: error: the deployed trust of role payments-api in account 406214073512 (iam:GetRole) names issuer ${OLD}, but eks:DescribeCluster reports issuer https://${NEW} for cluster prod (account 406214073512, eu-central-1), so the cluster's tokens are refused; apply the repository's trust (iam/payments-api-trust.json:1), or ${FIX} [${id}]`,
    ])
  })

  it('stays silent when the issuer is the cluster’s, beside a cluster of another region with another issuer', async () => {
    expect(await liveRuleLines(id, 'silent')).toEqual([])
  })
})
