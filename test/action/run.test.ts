import { readdirSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseActionInputs, type ActionOptions } from '../../src/action/inputs.js'
import { runAction, type ActionLog, type AnnotationProperties } from '../../src/action/run.js'
import { ConfigError, DEFAULT_MAX_FILE_BYTES } from '../../src/config.js'
import { createGitHubClient } from '../../src/github/client.js'
import type { GitHubContext } from '../../src/github/context.js'
import { FakeGitHub, OWNER, READ_ONLY_TOKEN, REPO, WRITE_TOKEN } from '../github/fake-github.js'
import { TRUST_EDIT_MESSAGES, writeRepositoryWithFindings, writeTrustEditRepository } from '../github/repos.js'
import { HEAD_SHA } from '../github/run-action.js'

/** An input reader over a map, as the runner passes INPUT_<NAME> (unset is empty). */
function inputs(values: Record<string, string> = {}): (name: string) => string {
  return (name) => values[name] ?? ''
}

function options(workspace: string, values: Record<string, string> = {}): ActionOptions {
  return parseActionInputs(inputs(values), { GITHUB_WORKSPACE: workspace })
}

/** Every call of the log, one line each: `kind [properties] text`. */
function recordingLog(): { log: ActionLog; entries: string[] } {
  const entries: string[] = []
  const show = (properties?: AnnotationProperties) =>
    properties
      ? ` [${Object.entries(properties)
          .map(([key, value]) => `${key}=${value}`)
          .join(' ')}]`
      : ''
  const log: ActionLog = {
    info: (text) => entries.push(`info ${text}`),
    lines: (lines) => entries.push(...lines.map((line) => `line ${line}`)),
    startGroup: (name) => entries.push(`group ${name}`),
    endGroup: () => entries.push('endgroup'),
    notice: (text, properties) => entries.push(`notice${show(properties)} ${text}`),
    warning: (text, properties) => entries.push(`warning${show(properties)} ${text}`),
    error: (text, properties) => entries.push(`error${show(properties)} ${text}`),
  }
  return { log, entries }
}

function pullRequestContext(apiUrl: string, number: number): GitHubContext {
  return {
    apiUrl,
    serverUrl: 'https://github.com',
    owner: OWNER,
    repo: REPO,
    eventName: 'pull_request',
    headSha: HEAD_SHA,
    pullRequest: { number, headSha: HEAD_SHA },
    runUrl: `https://github.com/${OWNER}/${REPO}/actions/runs/42`,
  }
}

describe('the action inputs', () => {
  it('parses unset inputs to the defaults of action.yml', () => {
    const parsed = parseActionInputs(inputs(), { GITHUB_WORKSPACE: '/home/runner/work/repo' })
    expect(parsed).toEqual({
      workspace: '/home/runner/work/repo',
      paths: ['.'],
      exclude: [],
      scanFixtures: false,
      failOn: 'error',
      githubToken: '',
      onlyChanged: false,
      comment: false,
      trusted: { helmRender: false, kustomizeRender: false, maxFileBytes: DEFAULT_MAX_FILE_BYTES },
      commentAuthor: 'github-actions[bot]',
      review: false,
      live: {
        mode: 'off',
        region: 'us-east-1',
        roleSessionName: 'irsa-guard',
        clusters: [],
        accountRoles: new Map(),
        timeoutSeconds: 60,
      },
    })
  })

  it('parses lists, booleans as YAML spells them, a byte count and the optional files', () => {
    const parsed = parseActionInputs(
      inputs({
        paths: 'k8s/**\niam, charts',
        exclude: 'k8s/legacy/**',
        'scan-fixtures': 'True',
        'fail-on': 'warning',
        comment: 'TRUE',
        'max-file-bytes': ' 0 ',
        config: 'ci/irsa.yml',
        'sarif-file': 'out.sarif',
        'baseline-file': 'base.json',
        'aws-region': '',
      }),
      { GITHUB_WORKSPACE: '/w', AWS_REGION: 'eu-west-1' },
    )
    expect(parsed).toMatchObject({
      paths: ['k8s/**', 'iam', 'charts'],
      exclude: ['k8s/legacy/**'],
      scanFixtures: true,
      failOn: 'warning',
      comment: true,
      onlyChanged: false,
      trusted: { helmRender: false, kustomizeRender: false, maxFileBytes: 0 },
      config: 'ci/irsa.yml',
      sarifFile: 'out.sarif',
      baselineFile: 'base.json',
      live: { mode: 'off', region: 'eu-west-1' },
    })
  })

  it.each([
    [{ 'fail-on': 'critical' }, 'input fail-on must be one of error, warning, note, never (got "critical")'],
    [{ comment: 'yes' }, 'input comment must be true or false (got "yes")'],
    [{ 'only-changed': '1' }, 'input only-changed must be true or false (got "1")'],
    [{ 'max-file-bytes': '2MB' }, 'input max-file-bytes must be a whole number of bytes (got "2MB")'],
    [{ 'max-file-bytes': '-1' }, 'input max-file-bytes must be a whole number of bytes (got "-1")'],
    [{ cache: 'yes' }, 'input cache must be true or false (got "yes")'],
  ])('refuses %j with a usage error naming the input', (values, message) => {
    expect(() => parseActionInputs(inputs(values), { GITHUB_WORKSPACE: '/w' })).toThrow(new ConfigError(message))
  })
})

describe('the action run, given options and the real Octokit client against a local GitHub API', () => {
  let github: FakeGitHub
  let workspace: string
  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    workspace = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-run-'))
  })
  afterEach(async () => {
    await github.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  it('publishes one check run and the comment, links the pull request head, and fails on the errors', async () => {
    await writeTrustEditRepository(workspace)
    const { log, entries } = recordingLog()
    const context = pullRequestContext(github.url, 7)
    const outcome = await runAction(options(workspace, { 'github-token': WRITE_TOKEN, comment: 'true' }), {
      log,
      github: context,
      client: createGitHubClient(WRITE_TOKEN, github.url),
    })

    expect(github.violations).toEqual([])
    expect(github.calls.map((call) => `${call.method} ${call.operationId} ${call.status}`)).toEqual([
      'POST checks/create 201',
      'GET issues/list-comments 200',
      'POST issues/create-comment 201',
    ])
    const [checkRun] = github.checkRuns
    expect(checkRun).toMatchObject({
      head_sha: HEAD_SHA,
      conclusion: 'failure',
      title: '3 findings: 3 errors, 0 warnings, 0 notes',
    })
    expect(checkRun!.annotations.map((annotation) => annotation.message)).toEqual([
      TRUST_EDIT_MESSAGES.api,
      TRUST_EDIT_MESSAGES.indexer,
      TRUST_EDIT_MESSAGES.worker,
    ])
    const [comment] = github.comments.get(7)!
    expect(outcome).toEqual({
      outputs: {
        errors: '3',
        warnings: '0',
        notes: '0',
        'sarif-file': '',
        'accepted-by-baseline': '0',
        'outside-changed-files': '0',
        'check-run-url': `https://github.com/${OWNER}/${REPO}/runs/${checkRun!.id}`,
        'comment-url': `https://github.com/${OWNER}/${REPO}/pull/7#issuecomment-${comment!.id}`,
        conclusion: 'failure',
        verified: '3',
        // Role payments-worker: no ServiceAccount names it.
        unresolved: '1',
      },
      summary: expect.stringMatching(/^## irsa-guard\n/),
      failures: ['irsa-guard found 3 errors, 0 warnings, 0 notes: 3 findings at or above fail-on error'],
    })
    // Links point at the pull request's head commit, which stays, not at the merge commit GITHUB_SHA.
    expect(outcome.summary).toContain(
      `(https://github.com/${OWNER}/${REPO}/blob/${HEAD_SHA}/iam/payments-api-trust.json#L12)`,
    )
    expect(comment!.body).toContain(
      `(https://github.com/${OWNER}/${REPO}/blob/${HEAD_SHA}/iam/payments-api-trust.json#L12)`,
    )
    expect(entries.filter((entry) => !entry.startsWith('line '))).toEqual([
      'group irsa-guard findings (3)',
      'endgroup',
      'info irsa-guard verified 3 of 4 chains, 1 unresolved',
      'group irsa-guard unresolved chains (1)',
      'endgroup',
      `info irsa-guard check run with 3 annotations: https://github.com/${OWNER}/${REPO}/runs/${checkRun!.id}`,
      `info irsa-guard pull request comment created: https://github.com/${OWNER}/${REPO}/pull/7#issuecomment-${comment!.id}`,
    ])
  })

  it('annotates the step, capped per level, when the token may not create a check run', async () => {
    await writeRepositoryWithFindings(workspace, { error: 11, warning: 1, note: 0 })
    const { log, entries } = recordingLog()
    const outcome = await runAction(options(workspace, { 'github-token': READ_ONLY_TOKEN, 'fail-on': 'never' }), {
      log,
      github: pullRequestContext(github.url, 8),
      client: createGitHubClient(READ_ONLY_TOKEN, github.url),
    })
    expect(github.calls.map((call) => `${call.method} ${call.operationId} ${call.status}`)).toEqual([
      'POST checks/create 403',
    ])
    const annotations = entries.filter((entry) => /^(error|warning|notice) \[title=[^ ]+ file=/.test(entry))
    expect(annotations.map((entry) => entry.split(' ').slice(0, 3).join(' '))).toEqual([
      ...[1, 10, 11, 2, 3, 4, 5, 6, 7, 8].map(
        (index) => `error [title=trust-denies-service-account file=iam/app-${index}-trust.json`,
      ),
      'warning [title=workload-service-account-missing file=k8s/all.yaml',
    ])
    expect(entries.at(-2)).toBe(
      'notice [title=irsa-guard] irsa-guard could not publish to GitHub (a pull request from a fork gets a read-only token): no check run could be created (403 Resource not accessible by integration; it needs `permissions: checks: write`). ' +
        'Findings are annotated on this step instead, where GitHub shows at most 10 per level; 1 more finding not shown as annotations (1 error, 0 warnings, 0 notes): see the job summary',
    )
    expect(entries.at(-1)).toBe(
      'info irsa-guard found 11 errors, 1 warning, 0 notes in 12 IRSA-relevant files; nothing at or above fail-on never',
    )
    expect(outcome.failures).toEqual([])
    expect(outcome.outputs).toMatchObject({ errors: '11', warnings: '1', conclusion: 'success', 'check-run-url': '' })
  })

  it('with cache: true, keeps the fact cache in RUNNER_TEMP and reports as without it', async () => {
    await writeRepositoryWithFindings(workspace, { error: 3, warning: 1, note: 0 })
    const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-runner-temp-'))
    const workspaceEntries = readdirSync(workspace, { recursive: true })
    const run = async (values: Record<string, string>, env: Record<string, string> = {}) => {
      const { log, entries } = recordingLog()
      const outcome = await runAction(
        parseActionInputs(inputs({ 'github-token': READ_ONLY_TOKEN, ...values }), {
          GITHUB_WORKSPACE: workspace,
          ...env,
        }),
        { log, github: pullRequestContext(github.url, 9), client: createGitHubClient(READ_ONLY_TOKEN, github.url) },
      )
      return { outcome, entries }
    }
    try {
      const plain = await run({})
      const filled = await run({ cache: 'true' }, { RUNNER_TEMP: runnerTemp })
      const warm = await run({ cache: 'true' }, { RUNNER_TEMP: runnerTemp })
      expect(filled).toEqual(plain)
      expect(warm).toEqual(plain)
      expect(plain.outcome.outputs).toMatchObject({ errors: '3', warnings: '1' })
      expect(readdirSync(path.join(runnerTemp, 'irsa-guard-cache'))).toEqual(['irsa-guard-facts.bin'])
      expect(readdirSync(workspace, { recursive: true })).toEqual(workspaceEntries)
    } finally {
      await rm(runnerTemp, { recursive: true, force: true })
    }
  })

  it('ends a bad config file as a failure naming it, with no API call', async () => {
    await writeFile(path.join(workspace, '.irsa-guard.yml'), 'rules: [\n')
    const { log, entries } = recordingLog()
    const outcome = await runAction(options(workspace, { 'github-token': WRITE_TOKEN }), {
      log,
      github: pullRequestContext(github.url, 9),
      client: createGitHubClient(WRITE_TOKEN, github.url),
    })
    expect(outcome).toEqual({
      outputs: { conclusion: 'failure' },
      failures: [expect.stringMatching(/^\.irsa-guard\.yml/)],
    })
    expect(entries).toEqual([])
    expect(github.calls).toEqual([])
  })
})
