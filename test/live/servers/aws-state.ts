import { randomBytes } from 'node:crypto'
import { parse } from 'yaml'

export interface FakeRole {
  account: string
  name: string
  path: string
  /** The trust policy: an object (sent as minified JSON) or the exact text IAM holds. */
  trust: unknown
  attachedPolicies: string[]
  inlinePolicies: string[]
}

export interface FakeProvider {
  account: string
  /** Host and path, as IAM stores it (no scheme). */
  url: string
  clientIds: string[]
}

export interface FakeCluster {
  account: string
  region: string
  name: string
  issuer: string
}

export interface IssuedCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  account: string
  /** The role the credentials are a session of; undefined for long-term keys. */
  roleArn?: string
}

/**
 * The state of the fake AWS accounts the servers answer from, shared by the IAM, STS and EKS
 * servers: which roles, providers and clusters exist where, and which credentials belong to
 * which account (IAM and EKS act in the account of the caller's access key, as AWS does).
 */
export class AwsState {
  roles: FakeRole[] = []
  providers: FakeProvider[] = []
  clusters: FakeCluster[] = []
  /** Roles STS lets the workflow's OIDC token assume (AssumeRoleWithWebIdentity). */
  webIdentityRoles = new Set<string>()
  /** Roles STS lets any known caller assume with sts:AssumeRole (the per-account auditor roles). */
  assumableRoles = new Set<string>()
  /** GitHub OIDC tokens the runner endpoint issued, which STS accepts. */
  readonly issuedIdTokens = new Set<string>()
  readonly credentials = new Map<string, IssuedCredentials>()

  /** Long-term keys for an account (what the SDK's default chain finds in AWS_ACCESS_KEY_ID, say). */
  addAccessKey(account: string): IssuedCredentials {
    return this.issue(account, undefined, 'AKIA')
  }

  issue(account: string, roleArn: string | undefined, prefix = 'ASIA'): IssuedCredentials {
    const issued: IssuedCredentials = {
      accessKeyId: prefix + randomBytes(8).toString('hex').toUpperCase(),
      secretAccessKey: randomBytes(30).toString('base64url'),
      account,
      ...(prefix === 'ASIA' ? { sessionToken: 'FwoGZXIvYXdzE' + randomBytes(48).toString('base64url') } : {}),
      ...(roleArn ? { roleArn } : {}),
    }
    this.credentials.set(issued.accessKeyId, issued)
    return issued
  }

  accountOf(accessKeyId: string | undefined): string | undefined {
    return accessKeyId === undefined ? undefined : this.credentials.get(accessKeyId)?.account
  }

  role(account: string, name: string): FakeRole | undefined {
    return this.roles.find((role) => role.account === account && role.name.toLowerCase() === name.toLowerCase())
  }

  /** Every secret value handed out: credentials and tokens (for the test that nothing prints them). */
  secrets(): string[] {
    const values: string[] = [...this.issuedIdTokens]
    for (const issued of this.credentials.values()) {
      values.push(issued.accessKeyId, issued.secretAccessKey)
      if (issued.sessionToken) values.push(issued.sessionToken)
    }
    return values
  }
}

interface StateFile {
  accounts?: Record<
    string,
    {
      roles?: { name: string; path?: string; trust: unknown; attached?: string[]; inline?: string[] }[]
      oidcProviders?: { url: string; clientIds?: string[] }[]
      clusters?: { name: string; region: string; issuer: string }[]
    }
  >
}

/**
 * Reads a fixture's `aws-state.yaml`: `accounts: {<account>: {roles, oidcProviders, clusters}}`,
 * a role's `trust` being the policy as a YAML map (or a string, sent as it is).
 */
export function loadAwsState(text: string, into = new AwsState()): AwsState {
  const file = (parse(text) ?? {}) as StateFile
  for (const [account, contents] of Object.entries(file.accounts ?? {})) {
    const id = account.padStart(12, '0')
    for (const role of contents.roles ?? []) {
      into.roles.push({
        account: id,
        name: role.name,
        path: role.path ?? '/',
        trust: role.trust,
        attachedPolicies: role.attached ?? [],
        inlinePolicies: role.inline ?? [],
      })
    }
    for (const provider of contents.oidcProviders ?? [])
      into.providers.push({ account: id, url: provider.url, clientIds: provider.clientIds ?? ['sts.amazonaws.com'] })
    for (const cluster of contents.clusters ?? []) into.clusters.push({ account: id, ...cluster })
  }
  return into
}
