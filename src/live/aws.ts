import { DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks'
import {
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListOpenIDConnectProvidersCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam'
import { limiter, withTimeout, type Budget } from './budget.js'
import type { AwsCredentials } from './credentials.js'
import { describeFailure, type CallFailure } from './errors.js'

export type Outcome<T> = { ok: true; value: T } | ({ ok: false; call: string } & CallFailure)

export interface DeployedRole {
  arn: string
  name: string
  path: string
  /** The trust policy, URL-decoded. */
  trustPolicy?: string
}

export interface DeployedProvider {
  url: string
  clientIds: string[]
}

export interface DeployedCluster {
  arn?: string
  issuer?: string
}

/** At most this many pages of one listing. */
const MAX_PAGES = 50

export interface ReaderOptions {
  budget: Budget
  /** Credentials for an account, or a failure (no auditor role for it, AssumeRole denied). */
  credentialsFor: (account: string) => Promise<Outcome<AwsCredentials>>
  clientConfig: (region: string) => Record<string, unknown>
  /** Region of the IAM client (IAM is global; the region picks the partition). */
  region: string
  concurrency?: number
}

/**
 * The reads of live confirmation, each made once (the same question asked twice shares one
 * call), a few at a time, each with a timeout from the budget; the SDK retries throttling and
 * server errors itself (adaptive mode). Never throws: every answer is an Outcome.
 */
export class AwsReader {
  /** Calls sent (not counting the SDK's retries). */
  calls = 0
  private readonly memo = new Map<string, Promise<Outcome<unknown>>>()
  private readonly iamClients = new Map<string, IAMClient>()
  private readonly eksClients = new Map<string, EKSClient>()
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>

  constructor(private readonly options: ReaderOptions) {
    this.limit = limiter(options.concurrency ?? 4)
  }

  getRole(account: string, name: string): Promise<Outcome<DeployedRole>> {
    return this.iam(account, `GetRole ${name.toLowerCase()}`, 'iam:GetRole', async (client, abortSignal) => {
      const { Role: role } = await client.send(new GetRoleCommand({ RoleName: name }), { abortSignal })
      if (!role?.Arn || !role.RoleName) throw new MalformedAnswer('iam:GetRole returned no role')
      const document = role.AssumeRolePolicyDocument
      return {
        arn: role.Arn,
        name: role.RoleName,
        path: role.Path ?? '/',
        ...(document !== undefined ? { trustPolicy: decodePolicy(document) } : {}),
      }
    })
  }

  /** The number of managed policies attached to a role (every page). */
  countAttachedPolicies(account: string, name: string): Promise<Outcome<number>> {
    return this.paginate(account, name, 'iam:ListAttachedRolePolicies', async (client, Marker, abortSignal) => {
      const page = await client.send(
        new ListAttachedRolePoliciesCommand({ RoleName: name, ...(Marker ? { Marker } : {}) }),
        { abortSignal },
      )
      if (!page.AttachedPolicies)
        throw new MalformedAnswer('iam:ListAttachedRolePolicies returned no AttachedPolicies list')
      return { count: page.AttachedPolicies.length, next: page.IsTruncated ? page.Marker : undefined }
    })
  }

  /** The number of inline policies of a role (every page). */
  countInlinePolicies(account: string, name: string): Promise<Outcome<number>> {
    return this.paginate(account, name, 'iam:ListRolePolicies', async (client, Marker, abortSignal) => {
      const page = await client.send(new ListRolePoliciesCommand({ RoleName: name, ...(Marker ? { Marker } : {}) }), {
        abortSignal,
      })
      if (!page.PolicyNames) throw new MalformedAnswer('iam:ListRolePolicies returned no PolicyNames list')
      return { count: page.PolicyNames.length, next: page.IsTruncated ? page.Marker : undefined }
    })
  }

  listOidcProviders(account: string): Promise<Outcome<string[]>> {
    return this.iam(
      account,
      'ListOpenIDConnectProviders',
      'iam:ListOpenIDConnectProviders',
      async (client, abortSignal) => {
        const answer = await client.send(new ListOpenIDConnectProvidersCommand({}), { abortSignal })
        if (!answer.OpenIDConnectProviderList)
          throw new MalformedAnswer('iam:ListOpenIDConnectProviders returned no OpenIDConnectProviderList')
        return answer.OpenIDConnectProviderList.flatMap((entry) => (entry.Arn ? [entry.Arn] : []))
      },
    )
  }

  getOidcProvider(account: string, arn: string): Promise<Outcome<DeployedProvider>> {
    return this.iam(
      account,
      `GetOpenIDConnectProvider ${arn}`,
      'iam:GetOpenIDConnectProvider',
      async (client, abortSignal) => {
        const answer = await client.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }), {
          abortSignal,
        })
        if (answer.Url === undefined) throw new MalformedAnswer('iam:GetOpenIDConnectProvider returned no Url')
        return { url: answer.Url, clientIds: answer.ClientIDList ?? [] }
      },
    )
  }

  describeCluster(account: string, region: string, name: string): Promise<Outcome<DeployedCluster>> {
    return this.run(
      `${account} ${region} DescribeCluster ${name}`,
      'eks:DescribeCluster',
      account,
      async (credentials, abortSignal) => {
        const client = this.client(
          this.eksClients,
          `${account} ${region}`,
          () => new EKSClient({ ...this.options.clientConfig(region), credentials }),
        )
        const { cluster } = await client.send(new DescribeClusterCommand({ name }), { abortSignal })
        if (!cluster) throw new MalformedAnswer('eks:DescribeCluster returned no cluster')
        return {
          ...(cluster.arn ? { arn: cluster.arn } : {}),
          ...(cluster.identity?.oidc?.issuer ? { issuer: cluster.identity.oidc.issuer } : {}),
        }
      },
    )
  }

  destroy(): void {
    for (const client of [...this.iamClients.values(), ...this.eksClients.values()]) client.destroy()
  }

  private iam<T>(
    account: string,
    what: string,
    call: string,
    send: (client: IAMClient, abortSignal: AbortSignal) => Promise<T>,
  ): Promise<Outcome<T>> {
    return this.run(`${account} ${what}`, call, account, (credentials, abortSignal) => {
      const client = this.client(
        this.iamClients,
        account,
        () => new IAMClient({ ...this.options.clientConfig(this.options.region), credentials }),
      )
      return send(client, abortSignal)
    })
  }

  private paginate(
    account: string,
    roleName: string,
    call: string,
    fetchPage: (
      client: IAMClient,
      marker: string | undefined,
      abortSignal: AbortSignal,
    ) => Promise<{ count: number; next: string | undefined }>,
  ): Promise<Outcome<number>> {
    return this.memoised(`${account} ${call} ${roleName.toLowerCase()}`, async () => {
      let total = 0
      let marker: string | undefined
      for (let page = 0; page < MAX_PAGES; page++) {
        const outcome = await this.iam(
          account,
          `${call} ${roleName.toLowerCase()} ${marker ?? ''}`,
          call,
          (client, abortSignal) => fetchPage(client, marker, abortSignal),
        )
        if (!outcome.ok) return outcome
        total += outcome.value.count
        if (!outcome.value.next) return { ok: true, value: total }
        marker = outcome.value.next
      }
      return { ok: false, call, kind: 'failed', text: `more than ${MAX_PAGES} pages` }
    })
  }

  private run<T>(
    key: string,
    call: string,
    account: string,
    send: (credentials: AwsCredentials, abortSignal: AbortSignal) => Promise<T>,
  ): Promise<Outcome<T>> {
    return this.memoised(key, async () => {
      const credentials = await this.options.credentialsFor(account)
      // Not attempted for want of credentials: the read it was for is what failed; else the sts:AssumeRole that did.
      if (!credentials.ok) return credentials.kind === 'unconfigured' ? { ...credentials, call } : credentials
      return this.limit(async (): Promise<Outcome<T>> => {
        this.calls++
        try {
          return {
            ok: true,
            value: await withTimeout(this.options.budget, (abortSignal) => send(credentials.value, abortSignal)),
          }
        } catch (error) {
          if (error instanceof MalformedAnswer) return { ok: false, call, kind: 'malformed', text: error.message }
          return { ok: false, call, ...describeFailure(error) }
        }
      })
    })
  }

  private memoised<T>(key: string, compute: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
    let pending = this.memo.get(key) as Promise<Outcome<T>> | undefined
    if (!pending) {
      pending = compute()
      this.memo.set(key, pending)
    }
    return pending
  }

  private client<C>(cache: Map<string, C>, key: string, create: () => C): C {
    let client = cache.get(key)
    if (!client) {
      client = create()
      cache.set(key, client)
    }
    return client
  }
}

class MalformedAnswer extends Error {}

/** GetRole returns the trust policy URL-encoded (RFC 3986); a document that is not is kept as it is. */
export function decodePolicy(document: string): string {
  try {
    return decodeURIComponent(document)
  } catch {
    return document
  }
}
