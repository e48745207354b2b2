import { readFileSync } from 'node:fs'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { FakeGitHub, OWNER, READ_ONLY_TOKEN, REPO, WRITE_TOKEN } from '../github/fake-github.js'
import { TRUST_EDIT_MESSAGES, writeRepositoryWithFindings, writeTrustEditRepository } from '../github/repos.js'
import { HEAD_SHA, runActionBundleAsync } from '../github/run-action.js'
import { formatBaseline } from '../../src/github/baseline.js'
import { fixture, repositoryRoot, scan } from '../helpers.js'
import { commands } from './run-bundle.js'

const MARKER = '<!-- irsa-guard -->'
const RUN_URL = `https://github.com/${OWNER}/${REPO}/actions/runs/9876543210`

type Annotations = { annotations?: { annotation_level: string; path: string; message: string }[] }

/** Workflow-command annotations on a file, as [kind, properties] in order. */
function located(stdout: string): string[] {
  return stdout
    .split('\n')
    .flatMap((line) => /^::(error|warning|notice) (title=[^:]*file=[^:]*)::/.exec(line)?.[1] ?? [])
}

describe('the committed bundle dist/index.js on GitHub, against an API that checks every request against the OpenAPI description', () => {
  let github: FakeGitHub
  let workspace: string
  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    workspace = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-workspace-'))
  })
  afterEach(async () => {
    await github.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  it('puts all 1,000 findings into one check run, 50 annotations per request', async () => {
    await writeRepositoryWithFindings(workspace, { error: 400, warning: 300, note: 300 })
    const run = await runActionBundleAsync(
      workspace,
      { 'github-token': WRITE_TOKEN, 'fail-on': 'error' },
      { apiUrl: github.url, pullRequest: 3 },
    )

    expect(github.violations).toEqual([])
    expect(github.calls.map((call) => `${call.method} ${call.operationId} ${call.status}`)).toEqual([
      'POST checks/create 201',
      ...Array(19).fill('PATCH checks/update 200'),
    ])
    const perRequest = github.calls.map(
      (call) => ((call.body as { output?: Annotations }).output?.annotations ?? []).length,
    )
    expect(perRequest).toEqual(Array(20).fill(50))
    expect(github.checkRuns).toHaveLength(1)
    const [checkRun] = github.checkRuns
    expect(checkRun).toMatchObject({
      name: 'irsa-guard',
      head_sha: HEAD_SHA,
      status: 'completed',
      conclusion: 'failure',
      details_url: RUN_URL,
      title: '1000 findings: 400 errors, 300 warnings, 300 notes',
    })
    const levels = checkRun!.annotations.map((annotation) => annotation.annotation_level)
    expect([
      levels.filter((level) => level === 'failure').length,
      levels.filter((level) => level === 'warning').length,
      levels.filter((level) => level === 'notice').length,
    ]).toEqual([400, 300, 300])
    expect(
      new Set(
        checkRun!.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}:${annotation.message}`),
      ).size,
    ).toBe(1000)
    expect(checkRun!.summary!.length).toBeLessThanOrEqual(65_535)
    expect(checkRun!.summary).toContain('**IRSA chains: verified 400 of 700 chains**, 300 unresolved')

    // The step: failed on fail-on as always, no capped workflow-command annotations, one line pointing at the check run.
    expect(run.code).toBe(1)
    expect(located(run.stdout)).toEqual([])
    expect(run.stdout).toContain(
      `irsa-guard check run with 1000 annotations: https://github.com/${OWNER}/${REPO}/runs/${checkRun!.id}`,
    )
    expect(run.outputs).toEqual({
      errors: '400',
      warnings: '300',
      notes: '300',
      'sarif-file': '',
      'accepted-by-baseline': '0',
      'outside-changed-files': '0',
      'check-run-url': `https://github.com/${OWNER}/${REPO}/runs/${checkRun!.id}`,
      'comment-url': '',
      conclusion: 'failure',
      verified: '400',
      unresolved: '300',
    })
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024)
    expect(run.stderr).toBe('')
  }, 180_000)

  it('updates the same pull request comment on the next run, and says when everything is fixed', async () => {
    await cp(fixture('repos', 'broken'), workspace, { recursive: true })
    github.addComments(12, 120)
    const inputs = { 'github-token': WRITE_TOKEN, comment: 'true' }
    const first = await runActionBundleAsync(workspace, inputs, { apiUrl: github.url, pullRequest: 12 })
    const created = github.comments.get(12)!.filter((comment) => comment.body.includes(MARKER))
    expect(created).toHaveLength(1)
    expect(created[0]!.body.split('\n').slice(0, 2)).toEqual([MARKER, '## irsa-guard: 1 error, 0 warnings, 0 notes'])
    expect(created[0]!.body).toContain('### ❌ `payments/api` → `payments-api` → cluster `0A1B2C3D…`')
    expect(first.outputs['comment-url']).toBe(
      `https://github.com/${OWNER}/${REPO}/pull/12#issuecomment-${created[0]!.id}`,
    )
    expect(first.code).toBe(1)

    // The pull request fixes the trust; the second run rewrites the comment in place.
    await cp(fixture('repos', 'clean'), workspace, { recursive: true })
    const callsBefore = github.calls.length
    const second = await runActionBundleAsync(workspace, inputs, { apiUrl: github.url, pullRequest: 12 })
    expect(github.violations).toEqual([])
    expect(
      github.calls
        .slice(callsBefore)
        .map((call) => `${call.method} ${call.operationId} ${call.query.page ?? '1'} ${call.status}`),
    ).toEqual([
      'POST checks/create 1 201',
      'GET issues/list-comments 1 200',
      'GET issues/list-comments 2 200',
      'PATCH issues/update-comment 1 200',
    ])
    const marked = github.comments.get(12)!.filter((comment) => comment.body.includes(MARKER))
    expect(marked.map((comment) => comment.id)).toEqual([created[0]!.id])
    expect(marked[0]!.body.split('\n').slice(0, 4)).toEqual([
      MARKER,
      '## irsa-guard ✅ no IRSA findings',
      '',
      'Every finding is fixed for 6dcb09b: 2 IRSA-relevant files checked, 1 ServiceAccount with a role.',
    ])
    expect(github.comments.get(12)).toHaveLength(121)
    expect(second.code).toBe(0)
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
  }, 120_000)

  it('falls back to capped annotations with one notice on a read-only token, and the step ends as without a token', async () => {
    await writeRepositoryWithFindings(workspace, { error: 12, warning: 12, note: 12 })
    const readOnly = await runActionBundleAsync(
      workspace,
      { 'github-token': READ_ONLY_TOKEN, comment: 'true' },
      { apiUrl: github.url, pullRequest: 40 },
    )
    const withoutToken = await runActionBundleAsync(
      workspace,
      { 'github-token': '' },
      { apiUrl: github.url, pullRequest: 40 },
    )

    expect(github.violations).toEqual([])
    expect(github.checkRuns).toEqual([])
    expect(github.calls.map((call) => `${call.method} ${call.operationId} ${call.status}`)).toEqual([
      'POST checks/create 403',
      'GET issues/list-comments 200',
      'POST issues/create-comment 403',
    ])
    const notice =
      'irsa-guard could not publish to GitHub (a pull request from a fork gets a read-only token): ' +
      'no check run could be created (403 Resource not accessible by integration; it needs `permissions: checks: write`); ' +
      'the pull request comment could not be written (403 Resource not accessible by integration; it needs `permissions: pull-requests: write`). ' +
      'Findings are annotated on this step instead, where GitHub shows at most 10 per level; ' +
      '6 more findings not shown as annotations (2 errors, 2 warnings, 2 notes): see the job summary'
    expect(commands(readOnly.stdout, 'notice').filter(([properties]) => !properties.includes('file='))).toEqual([
      ['title=irsa-guard', notice],
    ])
    // docs/github.md shows this notice as the example of the fallback
    expect(readFileSync(path.join(repositoryRoot, 'docs', 'github.md'), 'utf8')).toContain(`\n${notice}\n`)
    expect(located(readOnly.stdout)).toEqual([
      ...Array(10).fill('error'),
      ...Array(10).fill('warning'),
      ...Array(10).fill('notice'),
    ])
    expect(located(readOnly.stdout)).toEqual(located(withoutToken.stdout))
    expect(readOnly.code).toBe(1)
    expect([readOnly.code, readOnly.outputs]).toEqual([withoutToken.code, withoutToken.outputs])
    expect(readOnly.outputs).toMatchObject({
      errors: '12',
      warnings: '12',
      notes: '12',
      'check-run-url': '',
      'comment-url': '',
      conclusion: 'failure',
    })
    expect(readOnly.stderr).toBe('')
  }, 120_000)

  it('with only-changed, reports the ServiceAccounts a trust edit breaks, and nothing for an unrelated edit', async () => {
    await writeTrustEditRepository(workspace)
    github.pullRequestFiles.set(21, [{ filename: 'iam/payments-api-trust.json', status: 'modified' }])
    github.pullRequestFiles.set(22, [{ filename: 'docs/runbook.md', status: 'modified' }])
    // GitHub asks for a second's pause first: the bundle waits and asks again.
    github.faults.push({ operationId: 'pulls/list-files', times: 1, retryAfter: '1' })
    const inputs = { 'github-token': WRITE_TOKEN, 'only-changed': 'true', 'fail-on': 'error' }

    const trustEdit = await runActionBundleAsync(workspace, inputs, { apiUrl: github.url, pullRequest: 21 })
    expect(github.calls.map((call) => `${call.method} ${call.operationId} ${call.status}`)).toEqual([
      'GET pulls/list-files 403',
      'GET pulls/list-files 200',
      'POST checks/create 201',
    ])
    expect(github.calls[1]!.at - github.calls[0]!.at).toBeGreaterThanOrEqual(1000)
    expect(
      github.checkRuns[0]!.annotations.map(({ path: file, start_line: line, annotation_level: level, message }) => ({
        file,
        line,
        level,
        message,
      })),
    ).toEqual([
      { file: 'iam/payments-api-trust.json', line: 12, level: 'failure', message: TRUST_EDIT_MESSAGES.api },
      // On the unchanged ServiceAccount: reported because its related location is the edited trust.
      { file: 'k8s/payments.yaml', line: 15, level: 'failure', message: TRUST_EDIT_MESSAGES.worker },
    ])
    expect(github.checkRuns[0]).toMatchObject({
      conclusion: 'failure',
      title: '2 findings: 2 errors, 0 warnings, 0 notes',
    })
    expect(trustEdit.code).toBe(1)
    expect(trustEdit.outputs).toMatchObject({ errors: '2', 'outside-changed-files': '1', conclusion: 'failure' })
    expect(trustEdit.stdout).toContain(
      'only-changed: pull request #21 changes 1 file; 2 findings touching them reported, 1 elsewhere not reported',
    )
    expect(trustEdit.summary).toContain(
      '_1 finding in files this pull request does not touch not reported (only-changed)._',
    )

    const unrelated = await runActionBundleAsync(workspace, inputs, { apiUrl: github.url, pullRequest: 22 })
    expect(github.violations).toEqual([])
    expect(github.checkRuns[1]).toMatchObject({ conclusion: 'success', title: 'No IRSA findings', annotations: [] })
    expect(unrelated.code).toBe(0)
    expect(unrelated.outputs).toMatchObject({
      errors: '0',
      warnings: '0',
      notes: '0',
      'outside-changed-files': '3',
      conclusion: 'success',
    })
    expect(unrelated.stdout).not.toMatch(/^::error/m)
  }, 120_000)

  it('accepts the findings of a baseline file and explains a missing one in one line', async () => {
    await writeTrustEditRepository(workspace)
    const accepted = (await scan(workspace)).findings.filter(
      (finding) => finding.location.path === 'iam/search-indexer-trust.json',
    )
    await writeFile(path.join(workspace, '.irsa-guard-baseline.json'), formatBaseline(accepted))
    const run = await runActionBundleAsync(
      workspace,
      { 'github-token': '', 'baseline-file': '.irsa-guard-baseline.json' },
      { apiUrl: github.url },
    )
    expect(run.outputs).toMatchObject({ errors: '2', 'accepted-by-baseline': '1', conclusion: 'failure' })
    expect(run.summary).toContain('_1 finding accepted by the baseline file not shown._')
    expect(run.stdout).not.toContain('search-indexer')

    const missing = await runActionBundleAsync(
      workspace,
      { 'github-token': '', 'baseline-file': 'nope.json' },
      { apiUrl: github.url },
    )
    expect(commands(missing.stdout, 'error')).toEqual([['', 'nope.json: cannot read baseline file: no such file']])
    expect([missing.code, missing.outputs.conclusion, missing.stderr]).toEqual([1, 'failure', ''])
    expect(github.calls).toEqual([])
  }, 120_000)
})
