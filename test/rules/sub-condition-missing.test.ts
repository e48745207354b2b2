import { ruleLines } from '../helpers.js'

const RULE = 'sub-condition-missing'
const ISSUER = 'oidc.eks.ap-southeast-2.amazonaws.com/id/3F2E1D0C9B8A79685746352413F2E1D0'
const ADD = `add "StringEquals": {"${ISSUER}:sub": "system:serviceaccount:<namespace>:<name>"}`

describe(RULE, () => {
  it('reports Allow statements that accept a token of a ServiceAccount no one defined, proposing the subjects of the ServiceAccounts that use the role', async () => {
    expect(await ruleLines(RULE, 'fires')).toEqual([
      `iam/ebs-csi-trust.json:10:7: error: Statement[0] of role ebs-csi accepts a token of any ServiceAccount in any namespace: it has no ":sub" condition; add "StringEquals": {"${ISSUER}:sub": "system:serviceaccount:kube-system:ebs-csi-controller-sa"} [${RULE}]`,
      `iam/platform-trust.json:11:7: error: statement "EverythingButKubeSystem" of role platform accepts a token of any ServiceAccount in any namespace: its only ":sub" condition, StringNotLike, excludes subjects instead of naming them; ${ADD} [${RULE}]`,
      `iam/shared-tools-trust.json:4:5: error: statement "AccountAWebIdentity" of role shared-tools accepts a token of any ServiceAccount in any namespace: it has no Condition; ${ADD} [${RULE}]`,
    ])
  })

  it('stays silent when each statement names its ServiceAccounts or a Deny keeps others out', async () => {
    expect(await ruleLines(RULE, 'silent')).toEqual([])
  })
})
