import { tempRepo, removeTempRepos } from '../discover/temp-repo.js'
import { linesOf, scan } from '../helpers.js'

// trust-denies-service-account's "another role accepts it instead": roles whose every Allow
// statement pins the sub to literal values are found by the ServiceAccount's subject, the others
// by its name; either way the first in scan order is named.

const home = '406214073512'
const provider = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'
const id = 'trust-denies-service-account'

function webIdentity(operator: string, subject: string): object {
  const audience = { [`${provider}:aud`]: 'sts.amazonaws.com' }
  const condition =
    operator === 'StringEquals'
      ? { StringEquals: { [`${provider}:sub`]: subject, ...audience } }
      : { [operator]: { [`${provider}:sub`]: subject }, StringEquals: audience }
  return {
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${home}:oidc-provider/${provider}` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: condition,
  }
}

function role(name: string, ...statements: object[]): string {
  const trust = { Version: '2012-10-17', Statement: statements }
  return `${JSON.stringify({ Role: { Path: '/', RoleName: name, Arn: `arn:aws:iam::${home}:role/${name}`, AssumeRolePolicyDocument: trust } }, null, 2)}\n`
}

const serviceAccount = `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  namespace: prod\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::${home}:role/annotated\n`

afterAll(removeTempRepos)

const refused = `k8s/app.yaml:7:33: error: ServiceAccount prod/app (k8s/app.yaml:7) would be refused by role annotated's trust (iam/01-annotated.json:17): StringEquals on "${provider}:sub" allows "system:serviceaccount:prod:billing", not "system:serviceaccount:prod:app"`
const fix = `change the sub value to "system:serviceaccount:prod:app" or rename the ServiceAccount to billing [${id}]`

async function findings(roles: Record<string, string>): Promise<string[]> {
  const files = {
    'iam/01-annotated.json': role('annotated', webIdentity('StringEquals', 'system:serviceaccount:prod:billing')),
    // The same name in other namespaces: pinned to other subjects.
    'iam/02-staging.json': role('staging-app', webIdentity('StringEquals', 'system:serviceaccount:staging:app')),
    'iam/03-dev.json': role('dev-app', webIdentity('StringEqualsIgnoreCase', 'system:serviceaccount:dev:app')),
    ...roles,
    'k8s/app.yaml': serviceAccount,
  }
  return linesOf(await scan(tempRepo(files)), id)
}

describe('the role that accepts a refused ServiceAccount instead', () => {
  it('is found by its subject when every Allow statement pins the sub: StringEquals', async () => {
    expect(
      await findings({
        'iam/04-meant.json': role('meant', webIdentity('StringEquals', 'system:serviceaccount:prod:app')),
        'iam/05-also.json': role('also', webIdentity('StringLike', 'system:serviceaccount:prod:app')),
      }),
    ).toEqual([
      `${refused}; role meant's trust (iam/04-meant.json:6) accepts it: point the annotation at role meant, or ${fix}`,
    ])
  })

  it('is found by its lower-cased subject under StringEqualsIgnoreCase, first in scan order', async () => {
    expect(
      await findings({
        'iam/04-mixed-case.json': role(
          'mixed-case',
          webIdentity('StringEqualsIgnoreCase', 'System:ServiceAccount:Prod:app'),
        ),
        'iam/05-exact.json': role('exact', webIdentity('StringEquals', 'system:serviceaccount:prod:app')),
      }),
    ).toEqual([
      `${refused}; role mixed-case's trust (iam/04-mixed-case.json:6) accepts it: point the annotation at role mixed-case, or ${fix}`,
    ])
  })

  it('is found by its name when a sub value has a wildcard, ahead of a pinned role read later', async () => {
    expect(
      await findings({
        'iam/04-wildcard.json': role('wildcard', webIdentity('StringLike', 'system:serviceaccount:prod:a?p')),
        'iam/05-exact.json': role('exact', webIdentity('StringEquals', 'system:serviceaccount:prod:app')),
      }),
    ).toEqual([
      `${refused}; role wildcard's trust (iam/04-wildcard.json:6) accepts it: point the annotation at role wildcard, or ${fix}`,
    ])
  })

  it('is found by its name when one of its Allow statements pins the sub and another does not', async () => {
    expect(
      await findings({
        'iam/04-two-statements.json': role(
          'two-statements',
          webIdentity('StringEquals', 'system:serviceaccount:staging:app'),
          webIdentity('StringEqualsIfExists', 'system:serviceaccount:prod:app'),
        ),
        'iam/05-exact.json': role('exact', webIdentity('StringEquals', 'system:serviceaccount:prod:app')),
      }),
    ).toEqual([
      `${refused}; role two-statements's trust (iam/04-two-statements.json:6) accepts it: point the annotation at role two-statements, or ${fix}`,
    ])
  })
})
