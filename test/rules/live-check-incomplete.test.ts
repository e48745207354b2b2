import { liveFixture, liveRuleLines } from '../live/helpers.js'

const id = 'live-check-incomplete'

describe(id, () => {
  it('notes each read that failed (denied, malformed answer, unknown cluster) on the line it is about, with the remedy', async () => {
    expect(await liveRuleLines(id, 'fires')).toEqual([
      `k8s/service-accounts.yaml:7:33: note: role payments-api in account 406214073512 could not be confirmed live: iam:GetRole failed (AccessDenied: User: arn:aws:sts::406214073512:assumed-role/irsa-guard-auditor/irsa-guard is not authorized to perform: iam:GetRole on resource: role payments-api); allow iam:GetRole to the auditor role (see the permission policy in the README) [${id}]`,
      `k8s/service-accounts.yaml:7:33: note: cluster staging in account 406214073512, eu-central-1 could not be confirmed live: eks:DescribeCluster failed (ResourceNotFoundException: No cluster found for name: staging.); correct the clusters input (name, account, region) [${id}]`,
      `k8s/service-accounts.yaml:15:33: note: the permission policies of role reports-exporter in account 406214073512 could not be confirmed live: iam:ListAttachedRolePolicies failed (the answer could not be read: @aws-sdk XML parse error: expected ">" not found.); run the check again; if it persists, check the AWS endpoint settings [${id}]`,
    ])
  })

  it('asserts nothing about what it could not read', async () => {
    const run = await liveFixture(id, 'fires')
    expect(run.result.findings.filter((finding) => finding.ruleId.startsWith('live-') && finding.ruleId !== id)).toEqual([])
  })

  it('stays silent when every read succeeds', async () => {
    expect(await liveRuleLines(id, 'silent')).toEqual([])
  })
})
