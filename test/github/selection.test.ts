import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ConfigError } from '../../src/config.js'
import type { Finding } from '../../src/model/finding.js'
import { formatBaseline, parseBaseline, partitionByBaseline } from '../../src/github/baseline.js'
import { readGitHubContext } from '../../src/github/context.js'
import { selectFindings } from '../../src/github/select.js'
import { partitionByChangedFiles } from '../../src/report/changed.js'
import { formatFindingLine } from '../../src/report/text.js'
import { runCli } from '../cli/fake-io.js'
import { scan } from '../helpers.js'
import { serviceAccount, SUB, trust, TRUST_EDIT_MESSAGES, writeTrustEditRepository } from './repos.js'

const API_REFUSED = `iam/payments-api-trust.json:12:90: error: ${TRUST_EDIT_MESSAGES.api} [trust-denies-service-account]`
const INDEXER_REFUSED = `iam/search-indexer-trust.json:12:90: error: ${TRUST_EDIT_MESSAGES.indexer} [trust-denies-service-account]`
const WORKER_REFUSED = `k8s/payments.yaml:15:33: error: ${TRUST_EDIT_MESSAGES.worker} [trust-denies-service-account]`

const ORDERS_REFUSED = `iam/payments-worker-trust.json:12:90: error: ServiceAccount orders/api (k8s/orders.yaml:7) would be refused by role payments-worker's trust (iam/payments-worker-trust.json:12): StringEquals on ${SUB} allows "system:serviceaccount:payments:worker", not "system:serviceaccount:orders:api"; change the sub value to "system:serviceaccount:orders:api" [trust-denies-service-account]`

const lines = (findings: readonly Finding[]) => findings.map(formatFindingLine)

describe('diff-aware selection and the baseline', () => {
  let root: string
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-selection-'))
    await writeTrustEditRepository(root)
  })
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('keeps the findings whose primary or related location is in a changed file', async () => {
    const { findings } = await scan(root)
    expect(lines(findings)).toEqual([API_REFUSED, INDEXER_REFUSED, WORKER_REFUSED])

    const trustEdit = partitionByChangedFiles(findings, new Set(['iam/payments-api-trust.json']))
    // payments/worker's finding is on its unchanged annotation; its related location is the edited trust.
    expect(lines(trustEdit.reported)).toEqual([API_REFUSED, WORKER_REFUSED])
    expect(trustEdit.reported[1]!.related.map((related) => related.location.path)).toEqual([
      'iam/payments-api-trust.json',
      'iam/payments-worker-trust.json',
    ])
    expect(lines(trustEdit.outside)).toEqual([INDEXER_REFUSED])

    const unrelated = partitionByChangedFiles(findings, new Set(['docs/runbook.md']))
    expect([unrelated.reported, unrelated.outside.length]).toEqual([[], 3])
  })

  it('accepts baseline findings by fingerprint, also after their lines move', async () => {
    const before = await scan(root)
    const baseline = parseBaseline(
      formatBaseline(before.findings.filter((finding) => finding.location.path.startsWith('iam/search'))),
      'baseline.json',
    )
    await writeFile(
      path.join(root, 'iam/search-indexer-trust.json'),
      `\n\n${trust('system:serviceaccount:search:crawler')}`,
    )
    const after = await scan(root)
    expect(
      after.findings.find((finding) => finding.location.path === 'iam/search-indexer-trust.json')?.location.line,
    ).toBe(14)
    const { reported, accepted } = partitionByBaseline(after.findings, baseline)
    expect(lines(reported)).toEqual([API_REFUSED, WORKER_REFUSED])
    expect(accepted.map((finding) => finding.location.path)).toEqual(['iam/search-indexer-trust.json'])
  })

  it('explains a baseline it cannot use in one line', () => {
    const attempt = (text: string) => {
      try {
        parseBaseline(text, '.irsa-guard-baseline.json')
        return 'parsed'
      } catch (error) {
        return [(error as Error).constructor === ConfigError, (error as Error).message]
      }
    }
    expect(attempt('{')).toEqual([true, '.irsa-guard-baseline.json: baseline is not valid JSON'])
    expect(attempt('[]')).toEqual([
      true,
      '.irsa-guard-baseline.json: not an irsa-guard baseline (expected {"version": 1, "findings": [...]}; write one with irsa-guard --write-baseline)',
    ])
    expect(attempt('{"version": 1, "findings": [{"ruleId": "x"}]}')).toEqual([
      true,
      '.irsa-guard-baseline.json: findings[0] has no fingerprint',
    ])
  })

  it('writes a baseline from the CLI that a later run accepts, and still reports a new finding', async () => {
    const write = await runCli(['.', '--write-baseline', 'ci/irsa-baseline.json'], root)
    expect(write).toEqual({
      code: 0,
      stdout: '',
      stderr: 'irsa-guard: baseline of 3 findings written to ci/irsa-baseline.json\n',
    })
    const saved = JSON.parse(await readFile(path.join(root, 'ci/irsa-baseline.json'), 'utf8'))
    expect(saved.version).toBe(1)
    expect(saved.findings.map((entry: { ruleId: string; path: string }) => `${entry.ruleId} ${entry.path}`)).toEqual([
      'trust-denies-service-account iam/payments-api-trust.json',
      'trust-denies-service-account iam/search-indexer-trust.json',
      'trust-denies-service-account k8s/payments.yaml',
    ])
    expect(await runCli(['.', '--baseline', 'ci/irsa-baseline.json'], root)).toEqual({
      code: 0,
      stdout: '',
      stderr:
        'irsa-guard: 0 errors, 0 warnings, 0 notes in 5 IRSA-relevant files; verified 3 of 4 chains, 1 unresolved (--verbose says why)\n',
    })

    await writeFile(path.join(root, 'k8s/orders.yaml'), serviceAccount('orders', 'api', 'payments-worker'))
    const later = await runCli(['.', '--baseline', 'ci/irsa-baseline.json'], root)
    expect(later).toEqual({
      code: 1,
      stdout: `${ORDERS_REFUSED}\n`,
      stderr:
        'irsa-guard: 1 error, 0 warnings, 0 notes in 6 IRSA-relevant files; verified 4 of 4 chains (failing: 1 finding at or above error)\n',
    })
    expect(await runCli(['.', '--baseline', 'missing.json'], root)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'irsa-guard: missing.json: cannot read baseline file: no such file\n',
    })
  })

  it('reports everything, saying why, when only-changed cannot apply', async () => {
    const { findings } = await scan(root)
    const push = await selectFindings(findings, {
      onlyChanged: true,
      github: { apiUrl: '', serverUrl: '', owner: 'o', repo: 'r', eventName: 'push' },
    })
    expect([push.reported.length, push.outsideChanges, push.info, push.warnings]).toEqual([
      3,
      undefined,
      ['only-changed applies to pull_request events; this is a push event, so every finding is reported'],
      [],
    ])
    const noToken = await selectFindings(findings, {
      onlyChanged: true,
      github: {
        apiUrl: '',
        serverUrl: '',
        owner: 'o',
        repo: 'r',
        eventName: 'pull_request',
        pullRequest: { number: 3 },
      },
    })
    expect([noToken.reported.length, noToken.warnings]).toEqual([
      3,
      [
        'only-changed needs the github-token input to list the files the pull request changes; every finding is reported',
      ],
    ])
  })
})

describe('the GitHub context', () => {
  it('takes the pull request and its head commit from the event file', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-event-'))
    const event = path.join(directory, 'event.json')
    await writeFile(event, JSON.stringify({ pull_request: { number: 17, head: { sha: 'aaaa111' } } }))
    expect(
      readGitHubContext({
        GITHUB_REPOSITORY: 'acme/infra',
        GITHUB_SHA: 'merge222',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_RUN_ID: '55',
        GITHUB_API_URL: 'http://127.0.0.1:9/',
      }),
    ).toEqual({
      apiUrl: 'http://127.0.0.1:9',
      serverUrl: 'https://github.com',
      owner: 'acme',
      repo: 'infra',
      eventName: 'pull_request',
      headSha: 'aaaa111',
      pullRequest: { number: 17, headSha: 'aaaa111' },
      runUrl: 'https://github.com/acme/infra/actions/runs/55',
    })
    await writeFile(event, '{not json')
    expect(
      readGitHubContext({
        GITHUB_REPOSITORY: 'acme/infra',
        GITHUB_SHA: 'abc',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: event,
      }),
    ).toEqual({
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
      owner: 'acme',
      repo: 'infra',
      eventName: 'push',
      headSha: 'abc',
    })
    expect(readGitHubContext({})).toBeUndefined()
    await rm(directory, { recursive: true, force: true })
  })
})
