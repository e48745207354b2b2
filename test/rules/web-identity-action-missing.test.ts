import { ruleLines } from '../helpers.js'

const RULE = 'web-identity-action-missing'

describe(RULE, () => {
  it('reports OIDC statements that do not allow sts:AssumeRoleWithWebIdentity', async () => {
    expect(await ruleLines(RULE, 'fires')).toEqual([
      'iam/airflow-trust.json:9:7: error: Statement[0] trusts an OIDC provider (Federated at iam/airflow-trust.json:7) but its NotAction "sts:AssumeRole*" excludes "sts:AssumeRoleWithWebIdentity", the one action a ServiceAccount token calls, so STS refuses every token ("Not authorized to perform sts:AssumeRoleWithWebIdentity"); replace NotAction with "Action": "sts:AssumeRoleWithWebIdentity" [web-identity-action-missing]',
      'iam/spark-trust.json:9:7: error: Statement[0] trusts an OIDC provider (Federated at iam/spark-trust.json:7) but its Action allows only "sts:AssumeRole" and "sts:TagSession", not "sts:AssumeRoleWithWebIdentity", the one action a ServiceAccount token calls, so STS refuses every token ("Not authorized to perform sts:AssumeRoleWithWebIdentity"); write "Action": "sts:AssumeRoleWithWebIdentity" [web-identity-action-missing]',
      'iam/spark-trust.json:25:7: error: Statement[1] trusts an OIDC provider (Federated at iam/spark-trust.json:23) but its Action allows only "sts:AssumeRoleWithSAML", not "sts:AssumeRoleWithWebIdentity", the one action a ServiceAccount token calls, so STS refuses every token ("Not authorized to perform sts:AssumeRoleWithWebIdentity"); write "Action": "sts:AssumeRoleWithWebIdentity" [web-identity-action-missing]',
      'iam/spark-trust.json:38:7: error: Statement[2] trusts an OIDC provider (Federated at iam/spark-trust.json:36) but its Action allows only "sts:AssumeRoleWithWebIdentiy", not "sts:AssumeRoleWithWebIdentity", the one action a ServiceAccount token calls ("sts:AssumeRoleWithWebIdentiy" looks like a misspelling of it), so STS refuses every token ("Not authorized to perform sts:AssumeRoleWithWebIdentity"); write "Action": "sts:AssumeRoleWithWebIdentity" [web-identity-action-missing]',
      'iam/airflow-trust.json:22:7: warning: Statement[1] trusts an OIDC provider (Federated at iam/airflow-trust.json:20) and allows "sts:AssumeRoleWithWebIdentity" only through NotAction (every action but the ones listed); replace NotAction with "Action": "sts:AssumeRoleWithWebIdentity" [web-identity-action-missing]',
      'iam/airflow-trust.json:35:7: warning: Statement[2] trusts an OIDC provider (Federated at iam/airflow-trust.json:33) and allows "sts:AssumeRoleWithWebIdentity" only through the wildcard "sts:*", which names more than the one action a ServiceAccount token calls; write "Action": "sts:AssumeRoleWithWebIdentity" [web-identity-action-missing]',
    ])
  })

  it('stays silent on correct trust policies', async () => {
    expect(await ruleLines(RULE, 'silent')).toEqual([])
  })
})
