import type { Config } from '../config.js'
import type { Graph } from '../graph.js'
import { parseOidcProviderArn, parseRoleArn } from '../iam/arn.js'
import type { Role } from '../model/facts.js'
import type { LiveClusterLookup, LiveObservations, LiveProviderLookup, LiveRoleLookup } from '../model/live.js'
import type { Location } from '../model/location.js'
import { known } from '../model/value.js'
import { namedProviders } from '../rules/helpers/live.js'
import { parseJsonTree } from '../sources/shared/json-tree.js'
import { readPolicyDocument } from '../sources/shared/policy-document.js'
import { VERSION } from '../version.js'
import { AwsReader, type Outcome } from './aws.js'
import { Budget } from './budget.js'
import {
  accountCredentials,
  baseCredentials,
  CredentialsUnavailable,
  type AwsCredentials,
  type CredentialOptions,
} from './credentials.js'
import { describeFailure, type FailureKind } from './errors.js'
import type { LiveSettings } from './inputs.js'
import { planLive, type ProviderToRead } from './plan.js'

export interface ConfirmOptions {
  settings: LiveSettings
  config: Config
  env: NodeJS.ProcessEnv
  /** Masks a secret in the workflow log (core.setSecret). */
  mask: (secret: string) => void
}

export type LiveOutcome =
  | {
      ran: true
      observations: LiveObservations
      /** AWS calls sent (the SDK's retries not counted). */
      calls: number
      elapsedMs: number
      /** Whose credentials: "role … assumed with the workflow's OIDC token". */
      credentials: string
    }
  | { ran: false; reason: string }

/**
 * Reads from AWS what the repository's IRSA chain relies on: every role a ServiceAccount names
 * (iam:GetRole, its permission policies), every OIDC provider the trusts name (in the role's
 * account) and the issuer of each cluster of the `clusters` input. Never throws; what cannot
 * be read becomes a gap. `ran: false` when no credentials could be had at all.
 */
export async function confirmLive(graph: Graph, options: ConfirmOptions): Promise<LiveOutcome> {
  const started = Date.now()
  const { settings } = options
  const mode = settings.mode === 'required' ? 'required' : 'auto'
  const plan = planLive(graph, settings, options.config)
  const observations: LiveObservations = { mode, roles: [], providers: [], clusters: [], gaps: [] }
  const [firstRole] = plan.roles
  if (!firstRole) return { ran: true, observations, calls: 0, elapsedMs: 0, credentials: 'none (nothing to confirm)' }

  const budget = new Budget(settings.timeoutSeconds * 1000)
  const clientConfig = (region: string) => ({
    region,
    maxAttempts: 3,
    retryMode: 'adaptive',
    customUserAgent: `irsa-guard/${VERSION}`,
    requestHandler: { connectionTimeout: Math.min(5_000, budget.perCallMs), requestTimeout: budget.perCallMs },
  })
  const credentialOptions: CredentialOptions = { settings, env: options.env, budget, mask: options.mask, clientConfig }

  let base
  try {
    base = await baseCredentials(credentialOptions)
  } catch (error) {
    const reason =
      error instanceof CredentialsUnavailable
        ? error.message
        : `could not get AWS credentials: ${describeFailure(error).text}`
    return { ran: false, reason }
  }
  observations.auditorAccount = base.account

  const accountCredentialsMemo = new Map<string, Promise<Outcome<AwsCredentials>>>()
  const credentialsFor = (account: string): Promise<Outcome<AwsCredentials>> => {
    if (account === base.account) return Promise.resolve({ ok: true, value: base.credentials })
    const roleArn = settings.accountRoles.get(account)
    if (!roleArn) {
      return Promise.resolve({
        ok: false,
        call: 'sts:AssumeRole',
        kind: 'unconfigured',
        text: `no credentials for account ${account}: the auditor role is in account ${base.account}, and account-roles names none for ${account}`,
      })
    }
    let pending = accountCredentialsMemo.get(account)
    if (!pending) {
      pending = accountCredentials(roleArn, base.credentials, credentialOptions).then(
        (value): Outcome<AwsCredentials> => ({ ok: true, value }),
        (error: unknown): Outcome<AwsCredentials> => {
          const failure = describeFailure(error)
          return { ok: false, call: 'sts:AssumeRole', kind: failure.kind, text: `${roleArn}: ${failure.text}` }
        },
      )
      accountCredentialsMemo.set(account, pending)
    }
    return pending
  }

  const reader = new AwsReader({ budget, credentialsFor, clientConfig, region: settings.region })
  try {
    const gap = (
      location: Location,
      subject: string,
      failure: { call: string; kind: FailureKind; text: string },
      key: string,
    ): void => {
      observations.gaps.push({
        location,
        subject,
        call: failure.call,
        reason: failure.text,
        remedy: remedyFor(failure, settings),
        key,
      })
    }

    const rolesRead = readRoles(reader, plan.roles, base.account, gap)
    const clustersRead = Promise.all(
      plan.clusters.map(async (cluster): Promise<LiveClusterLookup> => {
        const account = cluster.account ?? base.account
        const outcome = await reader.describeCluster(account, cluster.region, cluster.name)
        const lookup: LiveClusterLookup = {
          name: cluster.name,
          region: cluster.region,
          account,
          state: 'unknown',
          ...(cluster.location ? { location: cluster.location } : {}),
        }
        const subject = `cluster ${cluster.name} in account ${account}, ${cluster.region}`
        if (outcome.ok) {
          lookup.state = 'found'
          const location: Location = cluster.location ?? firstRole.location
          lookup.cluster = {
            source: 'live',
            location,
            name: known(cluster.name, location),
            region: known(cluster.region, location),
            account: known(account, location),
            ...(outcome.value.issuer ? { issuer: known(outcome.value.issuer, location) } : {}),
          }
        } else {
          // A cluster the input names but AWS does not know cannot be compared: a gap, like a denied call.
          gap(
            cluster.location ?? firstRole.location,
            subject,
            outcome,
            `cluster:${account}/${cluster.region}/${cluster.name}`,
          )
        }
        return lookup
      }),
    )
    observations.roles = await rolesRead
    observations.providers = await readProviders(
      reader,
      providersToRead(plan.providers, observations.roles, plan.roles),
      gap,
    )
    observations.clusters = await clustersRead
  } finally {
    reader.destroy()
  }
  return {
    ran: true,
    observations,
    calls: reader.calls,
    elapsedMs: Date.now() - started,
    credentials: base.description,
  }
}

type GapReporter = (
  location: Location,
  subject: string,
  failure: { call: string; kind: FailureKind; text: string },
  key: string,
) => void

async function readRoles(
  reader: AwsReader,
  roles: { account?: string; name: string; location: Location }[],
  auditorAccount: string,
  gap: GapReporter,
): Promise<LiveRoleLookup[]> {
  const unique = new Map<string, { account: string; name: string; location: Location }>()
  for (const role of roles) {
    const account = role.account ?? auditorAccount
    const key = `${account}/${role.name.toLowerCase()}`
    if (!unique.has(key)) unique.set(key, { account, name: role.name, location: role.location })
  }
  return Promise.all(
    [...unique.values()].map(async ({ account, name, location }): Promise<LiveRoleLookup> => {
      const subject = `role ${name} in account ${account}`
      const key = `role:${account}/${name.toLowerCase()}`
      const lookup: LiveRoleLookup = { account, name, state: 'unknown' }
      const answer = await reader.getRole(account, name)
      if (!answer.ok) {
        if (answer.kind === 'missing') lookup.state = 'missing'
        else gap(location, subject, answer, key)
        return lookup
      }
      lookup.state = 'found'
      lookup.role = deployedRoleFact(answer.value, account, location, (reason) =>
        gap(location, subject, { call: 'iam:GetRole', kind: 'malformed', text: reason }, key),
      )
      const [attached, inline] = await Promise.all([
        reader.countAttachedPolicies(account, name),
        reader.countInlinePolicies(account, name),
      ])
      if (attached.ok && inline.ok) lookup.permissionPolicyCount = attached.value + inline.value
      // One policy is enough to know that the role grants something.
      else if (attached.ok && attached.value > 0) lookup.permissionPolicyCount = attached.value
      else if (inline.ok && inline.value > 0) lookup.permissionPolicyCount = inline.value
      else
        for (const failed of [attached, inline])
          if (!failed.ok) gap(location, `the permission policies of ${subject}`, failed, `${key}:${failed.call}`)
      return lookup
    }),
  )
}

/** The deployed role as a fact; its trust policy is parsed like a repository's, every node at `location` (the annotation). */
function deployedRoleFact(
  deployed: { arn: string; name: string; path: string; trustPolicy?: string },
  account: string,
  location: Location,
  unreadable: (reason: string) => void,
): Role {
  const partition = parseRoleArn(deployed.arn)?.partition ?? 'aws'
  const role: Role = {
    source: 'live',
    location,
    label: `role ${deployed.name} (deployed)`,
    name: known(deployed.name, location),
    path: known(deployed.path, location),
    account: known(account, location),
    partition,
    arn: known(deployed.arn, location),
    arnReferences: [],
  }
  if (deployed.trustPolicy === undefined) return role
  const tree = parseJsonTree(location.path, deployed.trustPolicy, { fixedLocation: location })
  if (!tree.ok) {
    unreadable(`the deployed trust policy is not JSON: ${tree.message}`)
    return role
  }
  role.trustPolicy = readPolicyDocument(tree.root, `deployed trust of role ${deployed.name}`).document
  return role
}

/** Providers the repository's trusts name, then those only the deployed trusts name (at the first annotation of their role). */
function providersToRead(
  fromRepository: ProviderToRead[],
  roles: LiveRoleLookup[],
  planned: { account?: string; name: string; location: Location }[],
): ProviderToRead[] {
  const providers = new Map(fromRepository.map((provider) => [provider.arn, provider]))
  for (const lookup of roles) {
    const deployed = lookup.role
    if (!deployed?.trustPolicy) continue
    const policy = deployed.trustPolicy
    const location =
      planned.find((role) => role.name.toLowerCase() === lookup.name.toLowerCase())?.location ?? deployed.location
    for (const provider of namedProviders(policy))
      if (!providers.has(provider.arn)) providers.set(provider.arn, { ...provider, location })
  }
  return [...providers.values()]
}

async function readProviders(
  reader: AwsReader,
  providers: ProviderToRead[],
  gap: GapReporter,
): Promise<LiveProviderLookup[]> {
  return Promise.all(
    providers.map(async (provider): Promise<LiveProviderLookup> => {
      const lookup: LiveProviderLookup = {
        arn: provider.arn,
        account: provider.account,
        issuerHostPath: provider.issuerHostPath,
        state: 'unknown',
      }
      const subject = `OIDC provider ${provider.issuerHostPath} in account ${provider.account}`
      const key = `provider:${provider.arn}`
      const listed = await reader.listOidcProviders(provider.account)
      if (listed.ok) {
        lookup.accountIssuers = listed.value.flatMap((arn) => parseOidcProviderArn(arn)?.issuerHostPath ?? [])
        if (!listed.value.includes(provider.arn)) {
          lookup.state = 'missing'
          return lookup
        }
      }
      // Listed, or the listing failed: GetOpenIDConnectProvider tells too (NoSuchEntity when missing).
      const answer = await reader.getOidcProvider(provider.account, provider.arn)
      if (answer.ok) {
        lookup.state = 'found'
        lookup.provider = {
          source: 'live',
          location: provider.location,
          arn: known(provider.arn, provider.location),
          url: known(answer.value.url, provider.location),
          clientIds: answer.value.clientIds.map((id) => known(id, provider.location)),
          arnReferences: [],
        }
      } else if (answer.kind === 'missing') {
        lookup.state = 'missing'
      } else {
        gap(provider.location, subject, listed.ok ? answer : listed, key)
      }
      return lookup
    }),
  )
}

function remedyFor(failure: { call: string; kind: FailureKind; text: string }, settings: LiveSettings): string {
  switch (failure.kind) {
    case 'denied':
      return failure.call === 'sts:AssumeRole'
        ? "let the auditor role assume the account's role: its trust policy must name the auditor role, whose policy must allow sts:AssumeRole on it"
        : `allow ${failure.call} to the auditor role (see the permission policy in the README)`
    case 'throttled':
      return 'run the check again later'
    case 'timeout':
      return `raise live-timeout-seconds (now ${settings.timeoutSeconds}), or check that the AWS endpoint is reachable`
    case 'unreachable':
      return 'check that the AWS endpoint is reachable from the runner (AWS_ENDPOINT_URL…, proxy), and run the check again'
    case 'missing':
      return 'correct the clusters input (name, account, region)'
    case 'unconfigured':
      return `add "<account>=<auditor role ARN>" for that account to account-roles`
    default:
      return 'run the check again; if it persists, check the AWS endpoint settings'
  }
}
