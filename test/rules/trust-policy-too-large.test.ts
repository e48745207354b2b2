import { ruleLines } from '../helpers.js'

const RULE = 'trust-policy-too-large'

describe(RULE, () => {
  it('warns above the default quota and errs above the maximum', async () => {
    expect(await ruleLines(RULE, 'fires')).toEqual([
      'iam/emr-virtual-clusters-trust.json:1:1: error: The trust policy is 4542 characters without whitespace, above the maximum quota of 4096, so IAM rejects it in every account ("LimitExceeded: Cannot exceed quota for ACLSizePerRole"); shorten it (446 too many: merge subjects of one provider into one statement, use fewer ServiceAccounts per role) or split the ServiceAccounts across roles [trust-policy-too-large]',
      'iam/kubeflow-profiles-trust.json:1:1: warning: The trust policy is 2289 characters without whitespace, above IAM\'s default quota of 2048, so IAM rejects it ("LimitExceeded: Cannot exceed quota for ACLSizePerRole: 2048") unless the account\'s quota was raised (to at most 4096); shorten it (241 too many: merge subjects of one provider into one statement, use fewer ServiceAccounts per role) or split the ServiceAccounts across roles [trust-policy-too-large]',
    ])
  })

  it('stays silent on correct trust policies', async () => {
    expect(await ruleLines(RULE, 'silent')).toEqual([])
  })
})
