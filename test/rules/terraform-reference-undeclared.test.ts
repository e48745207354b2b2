import { ruleLines } from '../helpers.js'

const id = 'terraform-reference-undeclared'

describe(id, () => {
  it('reports references to resources the module does not declare, in annotations and trust policies of fully read modules', async () => {
    expect(await ruleLines(id, 'fires')).toEqual([
      `irsa/role.tf:6:22: error: data.aws_iam_policy_document.trust refers to iam_openid_connect_provider.eks, but this module declares no resource "iam_openid_connect_provider" "eks": terraform plan fails with "Reference to undeclared resource"; did you mean aws_iam_openid_connect_provider.eks? [${id}]`,
      `irsa/service-account.tf:6:38: error: kubernetes_service_account.exporter refers to iam_role.exporter, but this module declares no resource "iam_role" "exporter": terraform plan fails with "Reference to undeclared resource"; did you mean aws_iam_role.exporter? [${id}]`,
    ])
  })

  it('stays silent on declared resources, variables, locals and for-expression names', async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })
})
