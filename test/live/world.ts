import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { AwsState } from './servers/index.js'

export const ACCOUNT = '406214073512'
export const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9'
export const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}`

export interface Workload {
  namespace: string
  name: string
  role: string
  account?: string
}

/** The trust policy that accepts exactly these ServiceAccounts' tokens. */
export function trustFor(
  serviceAccounts: readonly { namespace: string; name: string }[],
  account = ACCOUNT,
  issuer = ISSUER,
): Record<string, unknown> {
  const subjects = serviceAccounts.map((sa) => `system:serviceaccount:${sa.namespace}:${sa.name}`)
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${account}:oidc-provider/${issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${issuer}:sub`]: subjects.length === 1 ? subjects[0] : subjects,
            [`${issuer}:aud`]: 'sts.amazonaws.com',
          },
        },
      },
    ],
  }
}

/** A repository with a ServiceAccount per workload and each role's trust policy file (iam/<role>-trust.json). */
export async function writeRepository(workloads: readonly Workload[], root?: string): Promise<string> {
  const directory = root ?? (await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-live-repo-')))
  await mkdir(path.join(directory, 'k8s'), { recursive: true })
  await mkdir(path.join(directory, 'iam'), { recursive: true })
  for (const workload of workloads) {
    const account = workload.account ?? ACCOUNT
    await writeFile(
      path.join(directory, 'k8s', `${workload.namespace}-${workload.name}.yaml`),
      [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        `  name: ${workload.name}`,
        `  namespace: ${workload.namespace}`,
        '  annotations:',
        `    eks.amazonaws.com/role-arn: arn:aws:iam::${account}:role/${workload.role}`,
        '',
      ].join('\n'),
    )
  }
  for (const [role, users] of byRole(workloads)) {
    await writeFile(
      path.join(directory, 'iam', `${role}-trust.json`),
      JSON.stringify(trustFor(users, users[0]!.account ?? ACCOUNT), null, 2) + '\n',
    )
  }
  return directory
}

/** The account state that matches the repository: every role with its trust and a policy, the provider, the cluster. */
export function matchingState(state: AwsState, workloads: readonly Workload[]): AwsState {
  for (const [role, users] of byRole(workloads)) {
    const account = users[0]!.account ?? ACCOUNT
    state.roles.push({
      account,
      name: role,
      path: '/',
      trust: trustFor(users, account),
      attachedPolicies: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      inlinePolicies: [],
    })
    if (!state.providers.some((provider) => provider.account === account))
      state.providers.push({ account, url: ISSUER, clientIds: ['sts.amazonaws.com'] })
  }
  state.clusters.push({ account: ACCOUNT, region: 'eu-central-1', name: 'prod', issuer: `https://${ISSUER}` })
  return state
}

function byRole(workloads: readonly Workload[]): Map<string, Workload[]> {
  const roles = new Map<string, Workload[]>()
  for (const workload of workloads) roles.set(workload.role, [...(roles.get(workload.role) ?? []), workload])
  return roles
}
