import fc from 'fast-check'
import { parseRoleArn } from '../../src/iam/arn.js'
import { roleArnProblem } from '../../src/rules/role-arn-invalid.js'
import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('role-arn-invalid', () => {
  it('reports every malformed role ARN variant on its annotation value', async () => {
    expect(await ruleLines('role-arn-invalid', 'fires')).toEqual([
      'k8s/service-accounts.yaml:7:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/block-scalar is not a valid IAM role ARN: "arn:aws:iam::345678901234:role/block-scalar\\n" ends with a line break (a YAML "|" block scalar keeps it; use a plain scalar or ">-"), so STS answers "Request ARN is invalid"; write "arn:aws:iam::345678901234:role/block-scalar" [role-arn-invalid]',
      'k8s/service-accounts.yaml:16:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/short-account is not a valid IAM role ARN: "arn:aws:iam::45678901234:role/short-account" has the account "45678901234", which is not 12 digits (a leading zero lost?), so STS answers "Request ARN is invalid"; write arn:<partition>:iam::<12-digit account>:role/<name> [role-arn-invalid]',
      'k8s/service-accounts.yaml:24:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/bad-partition is not a valid IAM role ARN: "arn:aws-gov:iam::345678901234:role/bad-partition" names the partition "aws-gov", which is not an AWS partition (aws, aws-cn, aws-us-gov, …), so STS answers "Request ARN is invalid"; write arn:<partition>:iam::<12-digit account>:role/<name> [role-arn-invalid]',
      'k8s/service-accounts.yaml:32:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/user-arn is not a valid IAM role ARN: "arn:aws:iam::345678901234:user/deployer" names a "user" resource, not "role/", so STS answers "Request ARN is invalid"; write arn:<partition>:iam::<12-digit account>:role/<name> [role-arn-invalid]',
      'k8s/service-accounts.yaml:40:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/bad-name is not a valid IAM role ARN: "arn:aws:iam::345678901234:role/orders#reader" has the role name "orders#reader" with characters IAM does not allow ("#"; allowed: letters, digits and _+=,.@-), so STS answers "Request ARN is invalid"; write arn:<partition>:iam::<12-digit account>:role/<name> [role-arn-invalid]',
      'k8s/service-accounts.yaml:48:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/long-name is not a valid IAM role ARN: "arn:aws:iam::345678901234:role/shop-orders-service-reader-role-for-the-production-cluster-eu-west-1" has a role name of 68 characters (IAM allows 64), so STS answers "Request ARN is invalid"; write arn:<partition>:iam::<12-digit account>:role/<name> [role-arn-invalid]',
      'k8s/service-accounts.yaml:56:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/quoted is not a valid IAM role ARN: "\\"arn:aws:iam::345678901234:role/quoted\\"" contains quote characters that become part of the ARN, so STS answers "Request ARN is invalid"; write "arn:aws:iam::345678901234:role/quoted" [role-arn-invalid]',
      'k8s/service-accounts.yaml:64:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/bare-name is not a valid IAM role ARN: "orders-reader" is a bare role name (only a self-hosted webhook started with --compose-role-arn expands it), so STS answers "Request ARN is invalid"; write "arn:aws:iam::<12-digit account>:role/orders-reader" [role-arn-invalid]',
      'k8s/service-accounts.yaml:72:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/trailing-space is not a valid IAM role ARN: "arn:aws:iam::345678901234:role/trailing-space " has leading or trailing whitespace, so STS answers "Request ARN is invalid"; write "arn:aws:iam::345678901234:role/trailing-space" [role-arn-invalid]',
      'k8s/service-accounts.yaml:80:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/extra-colons is not a valid IAM role ARN: "arn:aws:iam::::1234567890:role/example" has 8 ":"-separated fields instead of 6, so STS answers "Request ARN is invalid"; write arn:<partition>:iam::<12-digit account>:role/<name> [role-arn-invalid]',
      'k8s/service-accounts.yaml:88:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/session-arn is not a valid IAM role ARN: "arn:aws:sts::345678901234:assumed-role/orders/i-0abc" names the service "sts" instead of "iam" (an assumed-role session, not the role), so STS answers "Request ARN is invalid"; write arn:<partition>:iam::<12-digit account>:role/<name> [role-arn-invalid]',
      'k8s/service-accounts.yaml:96:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/float-account is not a valid IAM role ARN: "arn:aws:iam::3.45678901234e+11:role/float-account" has the account "3.45678901234e+11", which is not 12 digits (a number rendered in scientific notation: quote the account ID where it is templated), so STS answers "Request ARN is invalid"; write arn:<partition>:iam::<12-digit account>:role/<name> [role-arn-invalid]',
      'k8s/service-accounts.yaml:104:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/with-region is not a valid IAM role ARN: "arn:aws:iam:eu-west-1:345678901234:role/with-region" has the region "eu-west-1", but IAM ARNs have an empty region field (":iam::"), so STS answers "Request ARN is invalid"; write arn:<partition>:iam::<12-digit account>:role/<name> [role-arn-invalid]',
      'k8s/service-accounts.yaml:112:33: error: eks.amazonaws.com/role-arn of ServiceAccount shop/no-name is not a valid IAM role ARN: "arn:aws:iam::345678901234:role/team/" has no role name after "role/", so STS answers "Request ARN is invalid"; write arn:<partition>:iam::<12-digit account>:role/<name> [role-arn-invalid]',
    ])
  })

  it('stays silent on valid ARNs (paths, partitions, folded scalars, 64-character names) and on placeholders', async () => {
    const result = await scan(fixture('rules', 'role-arn-invalid', 'silent'))
    expect(linesOf(result, 'role-arn-invalid')).toEqual([])
    expect([result.graph.facts.serviceAccounts.length, result.graph.facts.workloads.length]).toEqual([9, 0])
  })

  it('leaves placeholders to role-arn-placeholder', async () => {
    expect(linesOf(await scan(fixture('rules', 'role-arn-placeholder', 'fires')), 'role-arn-invalid')).toEqual([])
  })

  it('is silenced by the config file', async () => {
    expect(await ruleLines('role-arn-invalid', 'fires', { rules: { 'role-arn-invalid': 'off' } })).toEqual([])
  })

  it('accepts exactly what parses as a role ARN', () => {
    const nameCharacter = fc.constantFrom(...'abcXYZ019_+=,.@-'.split(''))
    const validArn = fc
      .record({
        partition: fc.constantFrom('aws', 'aws-cn', 'aws-us-gov', 'aws-iso-b'),
        account: fc.stringMatching(/^\d{12}$/),
        path: fc.array(fc.stringMatching(/^[a-z0-9!~*-]{1,8}$/), { maxLength: 3 }),
        name: fc.array(nameCharacter, { minLength: 1, maxLength: 64 }).map((characters) => characters.join('')),
      })
      .map(({ partition, account, path, name }) => `arn:${partition}:iam::${account}:role/${path.map((segment) => `${segment}/`).join('')}${name}`)
    fc.assert(fc.property(validArn, (arn) => roleArnProblem(arn) === undefined && parseRoleArn(arn) !== undefined))
    const nearArn = fc.tuple(validArn, fc.nat(80), fc.constantFrom('', ' ', ':', '/', '#', '"', '\n', 'x', '1')).map(([arn, at, insert]) => arn.slice(0, at) + insert + arn.slice(at))
    fc.assert(fc.property(nearArn, (text) => roleArnProblem(text) !== undefined || parseRoleArn(text) !== undefined))
  })
})
