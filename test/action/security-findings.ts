import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { serviceAccount, trust, writeRepositoryWithFindings } from '../github/repos.js'

const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9'
const ACCOUNT = '349127586034'

/**
 * writeRepositoryWithFindings (12 errors, 12 warnings) plus, in `zz-shared/` (last by path), two
 * security findings: role ci-runner's trust has no sub condition (sub-condition-missing, error)
 * and role tenants' trust admits every ServiceAccount of namespace tenants (sub-condition-broad, warning).
 */
export async function writeRepositoryWithSecurityFindingsLast(root: string): Promise<void> {
  await writeRepositoryWithFindings(root, { error: 12, warning: 12, note: 0 })
  await mkdir(path.join(root, 'zz-shared'), { recursive: true })
  await writeFile(
    path.join(root, 'zz-shared', 'service-accounts.yaml'),
    [serviceAccount('ci', 'runner', 'ci-runner'), serviceAccount('tenants', 'portal', 'tenants')].join('---\n'),
  )
  const federated = { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}` }
  const ciRunner = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: federated,
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' } },
      },
    ],
  }
  await writeFile(path.join(root, 'zz-shared', 'ci-runner-trust.json'), `${JSON.stringify(ciRunner, null, 2)}\n`)
  await writeFile(
    path.join(root, 'zz-shared', 'tenants-trust.json'),
    trust('system:serviceaccount:tenants:*').replace('"StringEquals"', '"StringLike"'),
  )
}
