import { linesOf, scan } from '../helpers.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'

afterAll(removeTempRepos)

const ISSUER = 'oidc.eks.us-west-2.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789'

/** A role whose trust puts a wildcard under StringEquals: one finding, on line 9, that must survive whatever else the repository holds. */
const ROLE_TF = `resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::629184035571:oidc-provider/${ISSUER}" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringEquals = { "${ISSUER}:sub" = "system:serviceaccount:*:app", "${ISSUER}:aud" = "sts.amazonaws.com" } }
    }]
  })
}
`
const ROLE_FINDING = `infra/main.tf:9:115: error: StringEquals on "${ISSUER}:sub" in Statement[0] compares "system:serviceaccount:*:app" literally, so no token matches; use StringLike for wildcards, or name the ServiceAccount [sub-wildcard-needs-stringlike]`

describe('input-controlled nesting is bounded and stays in its file', () => {
  it.each([
    ['2,000 unary minus signs', `${'-'.repeat(2_000)}1`, 'other/deep.tf:2:406'],
    ['2,000 negations', `${'!'.repeat(2_000)}true`, 'other/deep.tf:2:406'],
    ['a sum of 10,000 terms', `1${' + 1'.repeat(10_000)}`, 'other/deep.tf:2:7'],
    ['10,000 nested parentheses', `${'('.repeat(10_000)}1${')'.repeat(10_000)}`, 'other/deep.tf:2:406'],
    ['10,000 nested calls', `${'tostring('.repeat(10_000)}1${')'.repeat(10_000)}`, 'other/deep.tf:2:3598'],
  ])('%s in one .tf file: a located parse-error there, and every other Terraform finding is kept', async (_, expression, where) => {
    const result = await scan(tempRepo({ 'infra/main.tf': ROLE_TF, 'other/deep.tf': `locals {\n  x = ${expression}\n}\n` }))
    expect(linesOf(result, 'parse-error')).toEqual([
      `${where}: warning: Cannot parse other/deep.tf: nesting deeper than 400 levels here, not read; what parsed around it was still read [parse-error]`,
    ])
    expect(linesOf(result, 'sub-wildcard-needs-stringlike')).toEqual([ROLE_FINDING])
  })

  it('the same file in the module that defines the role: the role is still read', async () => {
    const result = await scan(tempRepo({ 'infra/main.tf': ROLE_TF, 'infra/deep.tf': `locals {\n  x = ${'-'.repeat(2_000)}1\n}\n` }))
    expect(linesOf(result, 'parse-error')).toEqual([
      'infra/deep.tf:2:406: warning: Cannot parse infra/deep.tf: nesting deeper than 400 levels here, not read; what parsed around it was still read [parse-error]',
    ])
    expect(linesOf(result, 'sub-wildcard-needs-stringlike')).toEqual([ROLE_FINDING])
  })
})
