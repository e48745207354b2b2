import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

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

describe(`${RULE}: providers named by reference`, () => {
  const ANY = 'add "StringEquals": {"<issuer host/path>:sub": "system:serviceaccount:<namespace>:<name>"}'
  const OPEN = 'accepts a token of any ServiceAccount in any namespace: it has no Condition'

  it('reports trusts of a provider resource or data source, an OIDC provider variable or local, an :oidc-provider/ ARN, CloudFormation GetAtt and Sub, and a role whose count the scan cannot resolve, with its condition', async () => {
    expect(await ruleLines(RULE, 'fires-references')).toEqual([
      `cfn/irsa.yaml:18:13: error: Statement[0] of role audit ${OPEN}; ${ANY} [${RULE}]`,
      `cfn/irsa.yaml:29:13: error: Statement[0] of role export ${OPEN}; ${ANY} [${RULE}]`,
      `infra/main.tf:44:18: error: Statement[0] of role ledger ${OPEN}; ${ANY} [${RULE}]`,
      `infra/main.tf:56:18: error: Statement[0] of role settlement ${OPEN}; ${ANY} [${RULE}]`,
      `infra/main.tf:68:18: error: Statement[0] of role billing ${OPEN}; ${ANY} [${RULE}]`,
      `infra/main.tf:80:18: error: Statement[0] of role refunds ${OPEN}; ${ANY} [${RULE}]`,
      `infra/main.tf:96:7: error: Statement[0] of role payouts accepts a token of any ServiceAccount in any namespace: it has no ":sub" condition; add "StringEquals": {"\${replace(aws_eks_cluster.main.identity[0].oidc[0].issuer, "https://", "")}:sub": "system:serviceaccount:<namespace>:<name>"} [${RULE}]`,
      `infra/main.tf:106:18: error: Statement[0] of role reports (if var.create_reports_role) ${OPEN}; ${ANY} [${RULE}]`,
    ])
  })

  it('stays silent on such trusts that name their ServiceAccounts, and on trusts of GitHub Actions or Terraform Cloud providers', async () => {
    expect(await ruleLines(RULE, 'silent-references')).toEqual([])
  })
})

describe(`${RULE}: a library module's role that exists only if its callers say so`, () => {
  const LIBRARY_ISSUER = ISSUER

  it('checks the role as one instance that may exist, and says under which condition', async () => {
    const result = await scan(fixture('rules', RULE, 'fires-library-module'))
    expect(linesOf(result, RULE)).toEqual([
      `modules/irsa-role/main.tf:18:18: error: Statement[0] of role irsa (if var.create_role) accepts a token of any ServiceAccount in any namespace: it has no Condition; add "StringEquals": {"${LIBRARY_ISSUER}:sub": "system:serviceaccount:<namespace>:<name>"} [${RULE}]`,
    ])
    expect(linesOf(result, 'sub-condition-broad')).toEqual([
      `modules/irsa-role/main.tf:35:118: error: StringLike on "${LIBRARY_ISSUER}:sub" in Statement[0] admits "system:serviceaccount:*:*": any ServiceAccount in any namespace can assume aws_iam_role.per_service_account[each.key] (for_each = var.service_accounts); name the ServiceAccount under StringEquals: "system:serviceaccount:<namespace>:<name>" [sub-condition-broad]`,
    ])
  })

  it('checks a root module\'s role that an input no scanned variable file sets switches off, with its condition', async () => {
    const result = await scan(fixture('rules', RULE, 'fires-root-inputs'))
    expect(linesOf(result, RULE)).toEqual([
      `modules/irsa-role/main.tf:23:18: error: Statement[0] of role irsa (if var.create_role) accepts a token of any ServiceAccount in any namespace: it has no Condition; add "StringEquals": {"${LIBRARY_ISSUER}:sub": "system:serviceaccount:<namespace>:<name>"} [${RULE}]`,
    ])
    expect(linesOf(result, 'sub-condition-broad')).toEqual([
      `modules/irsa-role/main.tf:40:118: error: StringLike on "${LIBRARY_ISSUER}:sub" in Statement[0] admits "system:serviceaccount:*:*": any ServiceAccount in any namespace can assume aws_iam_role.per_service_account[each.key] (for_each = var.service_accounts); name the ServiceAccount under StringEquals: "system:serviceaccount:<namespace>:<name>" [sub-condition-broad]`,
    ])
  })

  it('takes the value a scanned variable file gives a root module\'s input as applied', async () => {
    expect(linesOf(await scan(fixture('rules', RULE, 'silent-library-module')))).toEqual([])
  })
})
