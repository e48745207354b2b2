import { ConfigError } from '../config.js'
import { parseRoleArn } from '../iam/arn.js'
import type { LiveMode } from '../model/live.js'

export const LIVE_MODES = ['off', 'auto', 'required'] as const
export type LiveSetting = 'off' | LiveMode

export const DEFAULT_ROLE_SESSION_NAME = 'irsa-guard'
export const DEFAULT_LIVE_TIMEOUT_SECONDS = 60

/** The action inputs of live confirmation, as written. */
export interface LiveInputText {
  live: string
  'aws-region': string
  'role-to-assume': string
  'role-session-name': string
  clusters: string
  'account-roles': string
  'live-timeout-seconds': string
}

/** A cluster to describe: its name, and the account and region when the input gives them. */
export interface LiveClusterTarget {
  name: string
  region: string
  account?: string
}

export interface LiveSettings {
  mode: LiveSetting
  /** For STS and IAM, and clusters that name none: `aws-region`, else AWS_REGION / AWS_DEFAULT_REGION, else us-east-1. */
  region: string
  /** The auditor role assumed with the workflow's OIDC token; without it the SDK's default credential chain is used. */
  roleToAssume?: string
  roleSessionName: string
  clusters: LiveClusterTarget[]
  /** An auditor role per account, assumed (sts:AssumeRole) for what lives in that account. */
  accountRoles: Map<string, string>
  timeoutSeconds: number
}

const ACCOUNT = /^\d{12}$/
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/

/**
 * Validates the live inputs; a wrong one is a ConfigError naming the input (and line). With
 * `live: off` nothing else is read, so a half-configured workflow can switch live off.
 */
export function parseLiveInputs(text: LiveInputText, env: NodeJS.ProcessEnv = process.env): LiveSettings {
  const mode = (text.live.trim() || 'off') as LiveSetting
  if (!(LIVE_MODES as readonly string[]).includes(mode)) {
    throw new ConfigError(`input live must be one of ${LIVE_MODES.join(', ')} (got "${text.live.trim()}")`)
  }
  const inputRegion = text['aws-region'].trim()
  if (inputRegion !== '' && !REGION.test(inputRegion))
    throw new ConfigError(`input aws-region is not an AWS region (got "${inputRegion}")`)
  const region = inputRegion || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1'
  const settings: LiveSettings = {
    mode,
    region,
    roleSessionName: text['role-session-name'].trim() || DEFAULT_ROLE_SESSION_NAME,
    clusters: [],
    accountRoles: new Map(),
    timeoutSeconds: DEFAULT_LIVE_TIMEOUT_SECONDS,
  }
  if (mode === 'off') return settings

  const roleToAssume = text['role-to-assume'].trim()
  if (roleToAssume !== '') {
    if (!parseRoleArn(roleToAssume))
      throw new ConfigError(`input role-to-assume is not an IAM role ARN (got "${roleToAssume}")`)
    settings.roleToAssume = roleToAssume
  }
  if (!SESSION_NAME.test(settings.roleSessionName)) {
    throw new ConfigError(
      `input role-session-name must be 2 to 64 characters of letters, digits and _+=,.@- (got "${settings.roleSessionName}")`,
    )
  }
  const timeout = text['live-timeout-seconds'].trim()
  if (timeout !== '') {
    if (!/^\d+$/.test(timeout) || Number(timeout) < 1 || Number(timeout) > 3600) {
      throw new ConfigError(
        `input live-timeout-seconds must be a whole number of seconds from 1 to 3600 (got "${timeout}")`,
      )
    }
    settings.timeoutSeconds = Number(timeout)
  }
  settings.clusters = parseClusters(text.clusters, inputRegion || env.AWS_REGION || env.AWS_DEFAULT_REGION)
  settings.accountRoles = parseAccountRoles(text['account-roles'])
  return settings
}

function lines(text: string): { line: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((each, index) => ({ line: index + 1, text: each.trim() }))
    .filter((each) => each.text !== '' && !each.text.startsWith('#'))
}

function parseClusters(text: string, defaultRegion: string | undefined): LiveClusterTarget[] {
  const clusters: LiveClusterTarget[] = []
  for (const { line, text: entry } of lines(text)) {
    // Typed on the name, so that TypeScript knows code after a call is unreachable.
    const fail: (why: string) => never = (why) => {
      throw new ConfigError(`input clusters, line ${line} ("${entry}"): ${why}`)
    }
    const parts = entry.split(/\s+/)
    if (parts.length !== 1 && parts.length !== 3) fail('write "name" or "name account region"')
    const [name, account, region] = parts as [string, string?, string?]
    if (!CLUSTER_NAME.test(name)) fail('not an EKS cluster name')
    if (account !== undefined && !ACCOUNT.test(account)) fail('the account must be 12 digits')
    if (region !== undefined && !REGION.test(region)) fail('not an AWS region')
    const clusterRegion = region ?? defaultRegion
    if (clusterRegion === undefined) fail('no region: write "name account region", or set aws-region')
    clusters.push({ name, region: clusterRegion, ...(account !== undefined ? { account } : {}) })
  }
  return clusters
}

function parseAccountRoles(text: string): Map<string, string> {
  const roles = new Map<string, string>()
  for (const { line, text: entry } of lines(text)) {
    // Typed on the name, so that TypeScript knows code after a call is unreachable.
    const fail: (why: string) => never = (why) => {
      throw new ConfigError(`input account-roles, line ${line} ("${entry}"): ${why}`)
    }
    const equals = entry.indexOf('=')
    if (equals < 0) fail('write "account=role ARN"')
    const account = entry.slice(0, equals).trim()
    const roleArn = entry.slice(equals + 1).trim()
    if (!ACCOUNT.test(account)) fail('the account must be 12 digits')
    const arn = parseRoleArn(roleArn)
    if (!arn) fail('not an IAM role ARN')
    if (arn.account !== account) fail(`the role is in account ${arn.account}, not ${account}`)
    if (roles.has(account)) fail(`account ${account} is listed twice`)
    roles.set(account, roleArn)
  }
  return roles
}
