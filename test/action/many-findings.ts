import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9'
const ACCOUNT = '349127586034'

/**
 * Writes a repository with `count` findings of each level: trust policies naming another
 * namespace (errors), Deployments running as undefined ServiceAccounts (warnings) and
 * ServiceAccounts naming roles no file defines (role-not-found, lowered to note in the config).
 */
export async function writeManyFindingsRepository(root: string, count: number): Promise<void> {
  await mkdir(path.join(root, 'k8s'), { recursive: true })
  await mkdir(path.join(root, 'iam'), { recursive: true })
  await writeFile(path.join(root, '.irsa-guard.yml'), 'rules:\n  role-not-found: note\n')
  const documents: string[] = []
  for (let index = 1; index <= count; index++) {
    documents.push(serviceAccount(`team${index}`, 'app', `app-${index}`))
    documents.push(deployment(`team${index}`, `web-${index}`, `missing-${index}`))
    documents.push(serviceAccount(`team${index}`, 'ghost', `ghost-${index}`))
    await writeFile(path.join(root, 'iam', `app-${index}-trust.json`), trust(`other${index}`, 'app'))
  }
  await writeFile(path.join(root, 'k8s', 'all.yaml'), documents.join('---\n'))
}

function serviceAccount(namespace: string, name: string, role: string): string {
  return `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
  namespace: ${namespace}
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::${ACCOUNT}:role/${role}
`
}

function deployment(namespace: string, name: string, serviceAccountName: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  template:
    spec:
      serviceAccountName: ${serviceAccountName}
      containers:
        - name: web
          image: ghcr.io/example/web:1.0.0
`
}

function trust(namespace: string, name: string): string {
  return `${JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              [`${ISSUER}:sub`]: `system:serviceaccount:${namespace}:${name}`,
              [`${ISSUER}:aud`]: 'sts.amazonaws.com',
            },
          },
        },
      ],
    },
    null,
    2,
  )}\n`
}
