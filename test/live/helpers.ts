import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { check, type CheckResult } from '../../src/check.js'
import { loadConfig } from '../../src/config-file.js'
import { confirmLive, type LiveOutcome } from '../../src/live/confirm.js'
import { parseLiveInputs, type LiveInputText } from '../../src/live/inputs.js'
import { liveRules } from '../../src/rules/live-rules.js'
import { fixture, linesOf } from '../helpers.js'
import { AUDITOR_ROLE, FakeAws, type FaultRule } from './servers/index.js'

export { AUDITOR_ROLE, FakeAws }

/** The account the fixtures' auditor credentials are for. */
export const AUDITOR_ACCOUNT = '406214073512'

export const NO_LIVE_INPUTS: LiveInputText = {
  live: 'off',
  'aws-region': '',
  'role-to-assume': '',
  'role-session-name': '',
  clusters: '',
  'account-roles': '',
  'live-timeout-seconds': '',
}

/** Sets environment variables for the duration of `work` (the SDK and @actions/core read process.env). */
export async function withEnv<T>(values: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
  const saved = new Map(Object.keys(values).map((key) => [key, process.env[key]]))
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  try {
    return await work()
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

/** Environment with nothing of the machine's own AWS set-up or runner token. */
export const CLEAN_AWS_ENV: Record<string, string | undefined> = {
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/irsa-guard-test/credentials',
  AWS_CONFIG_FILE: '/nonexistent/irsa-guard-test/config',
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_ENDPOINT_URL: undefined,
  AWS_ROLE_ARN: undefined,
  AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
  ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
  GITHUB_EVENT_NAME: undefined,
  GITHUB_EVENT_PATH: undefined,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
}

export interface LiveRun {
  result: CheckResult
  outcome: LiveOutcome
  /** Every value handed to the mask (core.setSecret in the action). */
  masked: string[]
}

/**
 * What the action's live step does, in process: the offline check, live confirmation with the
 * real SDK clients against the fake servers, then the check again with the live facts and rules.
 */
export async function liveCheck(
  root: string,
  aws: FakeAws,
  inputs: Partial<LiveInputText>,
  env: Record<string, string | undefined> = {},
): Promise<LiveRun> {
  return withEnv({ ...CLEAN_AWS_ENV, ...aws.endpointEnv(), ...env }, async () => {
    const config = await loadConfig({ root, cwd: root })
    const settings = parseLiveInputs({ ...NO_LIVE_INPUTS, live: 'required', ...inputs })
    const offline = await check({ root, config })
    const masked: string[] = []
    const outcome = await confirmLive(offline.graph, {
      settings,
      config,
      env: process.env,
      mask: (secret) => masked.push(secret),
    })
    const result = outcome.ran
      ? await check({ root, config, extraFacts: { live: [outcome.observations] }, extraRules: liveRules })
      : offline
    return { result, outcome, masked }
  })
}

interface FixtureLiveSettings {
  clusters?: string
  'account-roles'?: string
  'aws-region'?: string
  'live-timeout-seconds'?: string
}

/** A fault of a fixture's `aws-state.yaml`: on the requests of one action (with these parameters), an error or a malformed answer. */
interface FixtureFault {
  service?: string
  action?: string
  params?: Record<string, string>
  error?: { status: number; code: string; message: string }
  malformed?: boolean
}

function faultRule(fault: FixtureFault): FaultRule {
  return {
    ...(fault.service ? { service: fault.service } : {}),
    ...(fault.action ? { action: fault.action } : {}),
    when: (request) => Object.entries(fault.params ?? {}).every(([name, value]) => request.params[name] === value),
    fault: fault.error ? { kind: 'error', ...fault.error } : { kind: 'malformed' },
  }
}

/**
 * Runs a live rule's fixture: the repository tree of __fixtures__/rules/<id>/<variant>/ against
 * fake AWS servers holding its `aws-state.yaml` (whose `live:` key holds inputs such as
 * `clusters`), with long-term keys of the auditor account as the SDK's default credentials.
 */
export async function liveFixture(ruleId: string, variant: string): Promise<LiveRun & { aws: FakeAws }> {
  const root = fixture('rules', ruleId, variant)
  const text = readFileSync(path.join(root, 'aws-state.yaml'), 'utf8')
  const file = (parse(text) ?? {}) as { live?: FixtureLiveSettings; faults?: FixtureFault[] }
  const inputs = file.live ?? {}
  const aws = await FakeAws.fromYaml(text).start()
  for (const fault of file.faults ?? []) for (const server of aws.servers()) server.fault(faultRule(fault))
  try {
    const keys = aws.state.addAccessKey(AUDITOR_ACCOUNT)
    for (const line of (inputs['account-roles'] ?? '').split('\n')) {
      const roleArn = line.split('=')[1]?.trim()
      if (roleArn) aws.state.assumableRoles.add(roleArn)
    }
    const run = await liveCheck(
      root,
      aws,
      { 'aws-region': 'eu-central-1', ...inputs },
      { AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey },
    )
    return { ...run, aws }
  } finally {
    await aws.stop()
  }
}

/** A live rule's findings on its fixture, as `path:line:col: level: message [rule-id]`. */
export async function liveRuleLines(ruleId: string, variant: string): Promise<string[]> {
  const run = await liveFixture(ruleId, variant)
  if (!run.outcome.ran) throw new Error(`live confirmation did not run: ${run.outcome.reason}`)
  return linesOf(run.result, ruleId)
}
