import { readFileSync } from 'node:fs'
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
  type Credentials,
  type STSClientConfig,
} from '@aws-sdk/client-sts'
import { parseRoleArn } from '../iam/arn.js'
import { withTimeout, type Budget } from './budget.js'
import { describeFailure } from './errors.js'
import type { LiveSettings } from './inputs.js'
import { errorText } from '../model/error-text.js'

export interface AwsCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  expiration?: Date
}

/** The audience GitHub's OIDC token is requested for: what AWS STS expects. */
export const STS_AUDIENCE = 'sts.amazonaws.com'

/** Live confirmation cannot start: no credentials could be had. The message says why and what to change. */
export class CredentialsUnavailable extends Error {
  override name = 'CredentialsUnavailable'
}

export interface CredentialOptions {
  settings: LiveSettings
  env: NodeJS.ProcessEnv
  budget: Budget
  /** Masks a secret in the workflow log (core.setSecret); called before anything can print it. */
  mask: (secret: string) => void
  clientConfig: (region: string) => STSClientConfig
}

export interface BaseCredentials {
  credentials: AwsCredentials
  /** The account the credentials act in. */
  account: string
  /** For the log: "role arn:… assumed with the workflow's OIDC token". */
  description: string
}

/**
 * The auditor's credentials: with `role-to-assume`, the workflow's GitHub OIDC token (audience
 * sts.amazonaws.com) exchanged with STS AssumeRoleWithWebIdentity; without it, the SDK's default
 * chain (environment, shared files, container or instance role). Every secret is masked first.
 */
export async function baseCredentials(options: CredentialOptions): Promise<BaseCredentials> {
  const { settings, env, budget, mask } = options
  const sts = new STSClient(options.clientConfig(settings.region))
  try {
    if (settings.roleToAssume) {
      const token = await webIdentityToken(env, budget)
      mask(token)
      let answer
      try {
        answer = await withTimeout(budget, (abortSignal) =>
          sts.send(
            new AssumeRoleWithWebIdentityCommand({
              RoleArn: settings.roleToAssume,
              RoleSessionName: settings.roleSessionName,
              WebIdentityToken: token,
              DurationSeconds: 900,
            }),
            { abortSignal },
          ),
        )
      } catch (error) {
        throw new CredentialsUnavailable(
          `sts:AssumeRoleWithWebIdentity for ${settings.roleToAssume} failed: ${describeFailure(error).text}`,
        )
      }
      const credentials = fromSts(answer.Credentials, mask)
      if (!credentials)
        throw new CredentialsUnavailable(
          `sts:AssumeRoleWithWebIdentity for ${settings.roleToAssume} returned no credentials`,
        )
      const account =
        /^arn:[^:]+:sts::(\d{12}):/.exec(answer.AssumedRoleUser?.Arn ?? '')?.[1] ??
        parseRoleArn(settings.roleToAssume)!.account
      return {
        credentials,
        account,
        description: `role ${settings.roleToAssume} assumed with the workflow's OIDC token`,
      }
    }

    let credentials: AwsCredentials
    try {
      credentials = await withTimeout(budget, () => sts.config.credentials())
    } catch (error) {
      throw new CredentialsUnavailable(
        `no AWS credentials found (${describeFailure(error).text}): set role-to-assume (with \`permissions: id-token: write\`), or run aws-actions/configure-aws-credentials before this step`,
      )
    }
    maskCredentials(credentials, mask)
    const caller = new STSClient({ ...options.clientConfig(settings.region), credentials })
    try {
      const identity = await withTimeout(budget, (abortSignal) =>
        caller.send(new GetCallerIdentityCommand({}), { abortSignal }),
      )
      if (!identity.Account) throw new Error('sts:GetCallerIdentity returned no account')
      return {
        credentials,
        account: identity.Account,
        description: `the SDK's default credentials (${identity.Arn ?? identity.Account})`,
      }
    } catch (error) {
      throw new CredentialsUnavailable(
        `sts:GetCallerIdentity with the SDK's default credentials failed: ${describeFailure(error).text}`,
      )
    } finally {
      caller.destroy()
    }
  } finally {
    sts.destroy()
  }
}

/** Credentials in another account: the account's auditor role (account-roles), assumed with sts:AssumeRole. */
export async function accountCredentials(
  roleArn: string,
  base: AwsCredentials,
  options: CredentialOptions,
): Promise<AwsCredentials> {
  const sts = new STSClient({ ...options.clientConfig(options.settings.region), credentials: base })
  try {
    const answer = await withTimeout(options.budget, (abortSignal) =>
      sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: options.settings.roleSessionName,
          DurationSeconds: 900,
        }),
        { abortSignal },
      ),
    )
    const credentials = fromSts(answer.Credentials, options.mask)
    if (!credentials) throw new Error(`sts:AssumeRole for ${roleArn} returned no credentials`)
    return credentials
  } finally {
    sts.destroy()
  }
}

async function webIdentityToken(env: NodeJS.ProcessEnv, budget: Budget): Promise<string> {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    const fork = isForkPullRequest(env)
      ? ' (pull requests from forks get no OIDC token, whatever the permissions say)'
      : ''
    throw new CredentialsUnavailable(
      `role-to-assume needs the workflow's OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: the job needs \`permissions: id-token: write\`${fork}`,
    )
  }
  const url = `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(STS_AUDIENCE)}`
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  try {
    // The request of @actions/core's getIDToken (GET with the bearer request token, `{"value": …}`), but
    // aborted with the budget: an endpoint that never answers must not keep a socket (and the process) alive.
    return await withTimeout(budget, async (signal) => {
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
        signal,
      })
      const body = await response.text()
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim())
      const value = parseTokenAnswer(body)
      if (!value) throw new Error('the answer has no "value" with the token')
      return value
    })
  } catch (error) {
    throw new CredentialsUnavailable(`could not get the workflow's OIDC token: ${oneLine(error)}`)
  }
}

function parseTokenAnswer(body: string): string | undefined {
  try {
    const value = (JSON.parse(body) as { value?: unknown } | null)?.value
    return typeof value === 'string' && value !== '' ? value : undefined
  } catch {
    return undefined
  }
}

function oneLine(error: unknown): string {
  const message = errorText(error)
  return message.replace(/\s+/g, ' ').trim()
}

/** A pull request whose head is in another repository (a fork): GitHub gives its workflows no OIDC token. */
export function isForkPullRequest(env: NodeJS.ProcessEnv): boolean {
  if (!env.GITHUB_EVENT_NAME?.startsWith('pull_request') || !env.GITHUB_EVENT_PATH) return false
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: {
        head?: { repo?: { fork?: boolean; full_name?: string } }
        base?: { repo?: { full_name?: string } }
      }
    }
    const head = event.pull_request?.head?.repo
    return (
      head?.fork === true ||
      (head?.full_name !== undefined && head.full_name !== event.pull_request?.base?.repo?.full_name)
    )
  } catch {
    return false
  }
}

function fromSts(credentials: Credentials | undefined, mask: (secret: string) => void): AwsCredentials | undefined {
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) return undefined
  const result: AwsCredentials = {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    ...(credentials.SessionToken ? { sessionToken: credentials.SessionToken } : {}),
    ...(credentials.Expiration ? { expiration: credentials.Expiration } : {}),
  }
  maskCredentials(result, mask)
  return result
}

function maskCredentials(credentials: AwsCredentials, mask: (secret: string) => void): void {
  mask(credentials.accessKeyId)
  mask(credentials.secretAccessKey)
  if (credentials.sessionToken) mask(credentials.sessionToken)
}
