import { symlinkSync } from 'node:fs'
import path from 'node:path'
import { linesOf, scan } from '../helpers.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'

/*
 * A source reads a file discovery did not hand it (here a Terraform `file()` target with a name
 * discovery does not classify) through the repository reader of its context: the same file read
 * as a regular file gives its finding; linked from outside the repository it is not read at all.
 */

afterAll(removeTempRepos)

const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'
const TRUST = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${ISSUER}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${ISSUER}:sub`]: 'system:serviceaccount:payments:*',
            [`${ISSUER}:aud`]: 'sts.amazonaws.com',
          },
        },
      },
    ],
  },
  null,
  2,
)
const MAIN_TF = [
  'resource "aws_iam_role" "payments" {',
  '  name               = "payments"',
  '  assume_role_policy = file("${path.module}/trust.tpl")',
  '}',
  '',
].join('\n')

describe('files a source reads beyond the discovered ones', () => {
  it('a regular file inside the repository is read', async () => {
    const root = tempRepo({ 'infra/main.tf': MAIN_TF, 'infra/trust.tpl': TRUST })
    expect(linesOf(await scan(root), 'sub-wildcard-needs-stringlike')).toEqual([
      `infra/trust.tpl:12:87: error: StringEquals on "${ISSUER}:sub" in Statement[0] compares "system:serviceaccount:payments:*" literally, so no token matches; use StringLike for wildcards, or name the ServiceAccount [sub-wildcard-needs-stringlike]`,
    ])
  })

  it('the same file linked from outside the repository is not read, and nothing of it is reported', async () => {
    const outside = tempRepo({ 'trust.tpl': TRUST })
    const root = tempRepo({ 'infra/main.tf': MAIN_TF })
    symlinkSync(path.join(outside, 'trust.tpl'), path.join(root, 'infra', 'trust.tpl'))
    const result = await scan(root)
    expect(linesOf(result, 'sub-wildcard-needs-stringlike')).toEqual([])
    expect(result.findings.filter((finding) => finding.message.includes(outside))).toEqual([])
  })

  it('a `..` path out of the repository is not read', async () => {
    const outside = tempRepo({ 'trust.tpl': TRUST })
    const root = tempRepo({
      'infra/main.tf': MAIN_TF.replace('${path.module}/trust.tpl', `../../${path.basename(outside)}/trust.tpl`),
    })
    expect(linesOf(await scan(root), 'sub-wildcard-needs-stringlike')).toEqual([])
  })
})
