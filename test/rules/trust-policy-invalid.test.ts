import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

const RULE = 'trust-policy-invalid'

describe(RULE, () => {
  it('reports every grammar error IAM rejects, on the element to change', async () => {
    expect(await ruleLines(RULE, 'fires')).toEqual([
      'iam/billing-trust.json:4:5: error: Statement "OnlyConditions" has no "Effect", so IAM rejects the policy (MalformedPolicyDocument); add "Effect": "Allow" [trust-policy-invalid]',
      'iam/billing-trust.json:4:5: error: Statement "OnlyConditions" has no "Principal", which every trust-policy statement needs, so IAM rejects the policy (MalformedPolicyDocument); add "Principal": {"Federated": "<OIDC provider ARN>"} [trust-policy-invalid]',
      'iam/billing-trust.json:4:5: error: Statement "OnlyConditions" has no "Action", so IAM rejects the policy (MalformedPolicyDocument); add "Action": "sts:AssumeRoleWithWebIdentity" [trust-policy-invalid]',
      'iam/billing-trust.json:17:7: error: Statement[1] has both "Principal" and "NotPrincipal", so IAM rejects the policy (MalformedPolicyDocument); keep only "Principal" [trust-policy-invalid]',
      'iam/billing-trust.json:21:7: error: Statement[1] has both "Action" and "NotAction", so IAM rejects the policy (MalformedPolicyDocument); keep only "Action" [trust-policy-invalid]',
      'iam/billing-trust.json:22:7: error: Unknown key "Conditon" in Statement[1] (a trust-policy statement has only "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Condition"), so IAM rejects the policy (MalformedPolicyDocument); write "Condition" [trust-policy-invalid]',
      'iam/create-role-input.json:3:31: error: The trust policy has no "Statement", so IAM rejects the policy (MalformedPolicyDocument); add "Statement": [{"Effect": "Allow", "Principal": {...}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {...}}] [trust-policy-invalid]',
      'iam/create-role-input.json:5:5: error: Unknown top-level key "Statment" (a policy has only "Version", "Id", "Statement"), so IAM rejects the policy (MalformedPolicyDocument); write "Statement" [trust-policy-invalid]',
      'iam/orders-trust.json:2:14: error: Version "2012-10-18" is not a policy language version (only "2012-10-17" and "2008-10-17" exist), so IAM rejects the policy (MalformedPolicyDocument); write "Version": "2012-10-17" [trust-policy-invalid]',
      'iam/orders-trust.json:3:3: error: Unknown top-level key "Comment" (a policy has only "Version", "Id", "Statement"), so IAM rejects the policy (MalformedPolicyDocument); remove it [trust-policy-invalid]',
      'iam/orders-trust.json:6:17: error: "Effect": "allow" in Statement[0] is neither "Allow" nor "Deny" (case-sensitive), so IAM rejects the policy (MalformedPolicyDocument); write "Effect": "Allow" [trust-policy-invalid]',
      'iam/orders-trust.json:8:9: error: Principal type "federated" in Statement[0] is not one IAM knows ("AWS", "Federated", "Service", "CanonicalUser", case-sensitive), so IAM rejects the policy (MalformedPolicyDocument); write "Federated" [trust-policy-invalid]',
      'iam/orders-trust.json:11:7: error: Statement[0] has a "Resource" element, which trust policies prohibit, so IAM rejects the policy ("Has prohibited field Resource"); remove it (the role is the resource) [trust-policy-invalid]',
      'iam/orders-trust.json:13:9: error: Condition operator "stringEquals" in Statement[0] is not an IAM operator, so IAM rejects the policy ("Invalid Condition type : stringEquals"); write "StringEquals" [trust-policy-invalid]',
      'iam/orders-trust.json:16:9: error: Condition operator "ForAnyValues:StringLike" in Statement[0] is not an IAM operator, so IAM rejects the policy ("Invalid Condition type : ForAnyValues:StringLike"); write "ForAnyValue:StringLike" [trust-policy-invalid]',
      'iam/orders-trust.json:19:9: error: Condition operator "NullIfExists" in Statement[0] is not an IAM operator, so IAM rejects the policy ("Invalid Condition type : NullIfExists"); write "Null" ("Null" takes no "IfExists") [trust-policy-invalid]',
      'iam/webhook-readme-trust.json:11:26: error: Statement[0].Condition.__doc_comment in iam/webhook-readme-trust.json is the string "scope the role to the service account..."; an operator takes an object of condition keys such as {"<issuer>:sub": "system:serviceaccount:<namespace>:<name>"} [trust-policy-invalid]',
      'iam/webhook-readme-trust.json:15:9: error: Duplicate key "__doc_comment" in Statement[0].Condition of iam/webhook-readme-trust.json (first at iam/webhook-readme-trust.json:11): JSON readers keep only one of them, so the policy differs from what it looks like; merge or remove the duplicate [trust-policy-invalid]',
      'iam/webhook-readme-trust.json:15:26: error: Statement[0].Condition.__doc_comment in iam/webhook-readme-trust.json is the string "scope the role to an entire namespace..."; an operator takes an object of condition keys such as {"<issuer>:sub": "system:serviceaccount:<namespace>:<name>"} [trust-policy-invalid]',
      'pod-identity/main.tf:9:17: error: "Effect": "allow" in Statement[0] is neither "Allow" nor "Deny" (case-sensitive), so IAM rejects the policy (MalformedPolicyDocument); write "Effect": "Allow" [trust-policy-invalid]',
    ])
  })

  it('stays silent on correct trust policies', async () => {
    expect(await ruleLines(RULE, 'silent')).toEqual([])
  })

  it('judges only trusts IRSA or Pod Identity touches: a service role, another identity provider and a policy template are silent', async () => {
    const result = await scan(fixture('rules', RULE, 'silent', 'not-irsa'))
    expect(linesOf(result)).toEqual([
      'bucket-policy.json:4:5: note: bucket-policy.json is a template (%{ for index, reader in readers ~}), not JSON: it is judged where a templatefile() call of a scanned Terraform file renders it, not on its own [parse-error]',
    ])
    expect(result.graph.facts.roles.map((role) => role.label)).toEqual(['aws_iam_role.backup', 'role github-actions (github-actions-trust.json)'])
  })
})
