import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9'
const ACCOUNT = '349127586034'

async function write(root: string, file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true })
  await writeFile(path.join(root, file), text)
}

export function serviceAccount(namespace: string, name: string, role: string): string {
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

/** A trust policy accepting one ServiceAccount (`system:serviceaccount:<namespace>:<name>`); the sub value is on line 12. */
export function trust(subject: string): string {
  return `${JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${ISSUER}:sub`]: subject, [`${ISSUER}:aud`]: 'sts.amazonaws.com' } },
        },
      ],
    },
    null,
    2,
  )}\n`
}

/**
 * A repository with exactly this many findings of each level: ServiceAccounts refused by their
 * role's trust (errors), Deployments naming a ServiceAccount their namespace lacks (warnings), and
 * ServiceAccounts naming roles no file defines (role-not-found, lowered to note by the config).
 * Needs errors ≥ warnings and errors ≥ notes (the warnings' namespaces need a ServiceAccount).
 */
export async function writeRepositoryWithFindings(
  root: string,
  counts: { error: number; warning: number; note: number },
): Promise<void> {
  await write(root, '.irsa-guard.yml', 'rules:\n  role-not-found: note\n')
  const documents: string[] = []
  for (let index = 1; index <= counts.error; index++) {
    documents.push(serviceAccount(`team${index}`, 'app', `app-${index}`))
    if (index <= counts.warning) documents.push(deployment(`team${index}`, `web-${index}`, `missing-${index}`))
    if (index <= counts.note) documents.push(serviceAccount(`team${index}`, 'ghost', `ghost-${index}`))
    await write(root, `iam/app-${index}-trust.json`, trust(`system:serviceaccount:other${index}:app`))
  }
  await write(root, 'k8s/all.yaml', documents.join('---\n'))
}

/**
 * Two IRSA chains and a document: role payments-api (shared by ServiceAccounts payments/api and
 * payments/worker) whose trust a pull request narrowed to billing:api, which breaks both (the
 * worker's finding sits on its annotation, naming payments-worker, whose trust accepts it); and
 * search/indexer, broken before, in files that pull request does not touch.
 */
export async function writeTrustEditRepository(root: string): Promise<void> {
  await write(
    root,
    'k8s/payments.yaml',
    [serviceAccount('payments', 'api', 'payments-api'), serviceAccount('payments', 'worker', 'payments-api')].join(
      '---\n',
    ),
  )
  await write(root, 'k8s/search.yaml', serviceAccount('search', 'indexer', 'search-indexer'))
  await write(root, 'iam/payments-api-trust.json', trust('system:serviceaccount:billing:api'))
  await write(root, 'iam/payments-worker-trust.json', trust('system:serviceaccount:payments:worker'))
  await write(root, 'iam/search-indexer-trust.json', trust('system:serviceaccount:search:crawler'))
  await write(root, 'docs/runbook.md', '# Runbook\n\nRotate the payments keys every quarter.\n')
}

/** The sub condition key every generated trust policy uses, quoted as messages quote it. */
export const SUB = `"${ISSUER}:sub"`

/** The messages of the three findings of writeTrustEditRepository. */
export const TRUST_EDIT_MESSAGES = {
  api: `ServiceAccount payments/api (k8s/payments.yaml:7) would be refused by role payments-api's trust (iam/payments-api-trust.json:12): StringEquals on ${SUB} allows "system:serviceaccount:billing:api", not "system:serviceaccount:payments:api"; change the sub value to "system:serviceaccount:payments:api" or move the ServiceAccount to namespace billing`,
  indexer: `ServiceAccount search/indexer (k8s/search.yaml:7) would be refused by role search-indexer's trust (iam/search-indexer-trust.json:12): StringEquals on ${SUB} allows "system:serviceaccount:search:crawler", not "system:serviceaccount:search:indexer"; change the sub value to "system:serviceaccount:search:indexer" or rename the ServiceAccount to crawler`,
  worker: `ServiceAccount payments/worker (k8s/payments.yaml:15) would be refused by role payments-api's trust (iam/payments-api-trust.json:12): StringEquals on ${SUB} allows "system:serviceaccount:billing:api", not "system:serviceaccount:payments:worker"; role payments-worker's trust (iam/payments-worker-trust.json:1) accepts it: point the annotation at role payments-worker, or change the sub value to "system:serviceaccount:payments:worker"`,
}
