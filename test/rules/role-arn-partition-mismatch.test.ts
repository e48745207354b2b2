import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('role-arn-partition-mismatch', () => {
  it('reports arn:aws annotations of roles trusting China and GovCloud clusters', async () => {
    expect(await ruleLines('role-arn-partition-mismatch', 'fires')).toEqual([
      'k8s/service-accounts.yaml:7:33: error: eks.amazonaws.com/role-arn "arn:aws:iam::406214073512:role/billing-cn" of ServiceAccount billing/billing is in the partition "aws", but role billing-cn\'s trust (iam/billing-cn.json:7) names the OIDC provider of a cluster in cn-north-1, partition "aws-cn", whose STS does not know roles of another partition: write "arn:aws-cn:iam::406214073512:role/billing-cn" [role-arn-partition-mismatch]',
      'k8s/service-accounts.yaml:15:33: error: eks.amazonaws.com/role-arn "arn:aws:iam::406214073512:role/archive-gov" of ServiceAccount billing/archive is in the partition "aws", but role archive-gov\'s trust (iam/archive-gov.json:7) names the OIDC provider of a cluster in us-gov-west-1, partition "aws-us-gov", whose STS does not know roles of another partition: write "arn:aws-us-gov:iam::406214073512:role/archive-gov" [role-arn-partition-mismatch]',
    ])
  })

  it('stays silent when the annotation has the partition of the cluster region', async () => {
    const result = await scan(fixture('rules', 'role-arn-partition-mismatch', 'silent'))
    expect(linesOf(result, 'role-arn-partition-mismatch')).toEqual([])
    expect(result.graph.facts.serviceAccounts.map((sa) => result.graph.rolesOf(sa).length)).toEqual([1, 1])
  })
})
