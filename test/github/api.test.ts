import { listChangedFiles } from '../../src/github/changed-files.js'
import { ANNOTATIONS_PER_REQUEST, publishCheckRun } from '../../src/github/check-run.js'
import { createGitHubClient, DEFAULT_RETRY, describeApiError, isPermissionError } from '../../src/github/client.js'
import { COMMENT_MARKER, upsertStickyComment } from '../../src/github/comment.js'
import { problemsNotice, publishToGitHub } from '../../src/github/publish.js'
import { selectFindings } from '../../src/github/select.js'
import type { CheckAnnotation } from '../../src/report/check-run.js'
import { scan } from '../helpers.js'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { FakeGitHub, OWNER, READ_ONLY_TOKEN, REPO, WRITE_TOKEN } from './fake-github.js'
import { writeTrustEditRepository } from './repos.js'

const repository = { owner: OWNER, repo: REPO }

function annotations(count: number): CheckAnnotation[] {
  return Array.from({ length: count }, (_, index) => ({
    path: `iam/role-${index + 1}-trust.json`,
    start_line: 12,
    end_line: 12,
    start_column: 90,
    end_column: 90,
    annotation_level: index % 3 === 0 ? 'failure' : index % 3 === 1 ? 'warning' : 'notice',
    title: 'trust-denies-service-account',
    message: `finding ${index + 1}`,
  }))
}

const content = (count: number) => ({
  name: 'irsa-guard',
  headSha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
  title: `${count} findings`,
  summary: '## irsa-guard',
  conclusion: 'failure' as const,
  annotations: annotations(count),
})

describe('the GitHub API through the real Octokit client of @actions/github', () => {
  let github: FakeGitHub
  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
  })
  afterEach(async () => {
    await github.stop()
  })

  it('creates one check run and adds the annotations 50 per request, completing it on the last', async () => {
    const client = createGitHubClient(WRITE_TOKEN, github.url)
    const published = await publishCheckRun(client, repository, content(120))
    expect(github.violations).toEqual([])
    expect(
      github.calls.map((call) => [
        call.method,
        call.operationId,
        (call.body as { output?: { annotations?: unknown[] } }).output?.annotations?.length,
        call.status,
      ]),
    ).toEqual([
      ['POST', 'checks/create', 50, 201],
      ['PATCH', 'checks/update', 50, 200],
      ['PATCH', 'checks/update', 20, 200],
    ])
    expect((github.calls[0]!.body as { status: string }).status).toBe('in_progress')
    expect(github.calls[2]!.body).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(github.checkRuns).toHaveLength(1)
    expect(github.checkRuns[0]).toMatchObject({
      id: published.id,
      name: 'irsa-guard',
      status: 'completed',
      conclusion: 'failure',
    })
    expect(github.checkRuns[0]!.annotations.map((annotation) => annotation.message)).toEqual(
      annotations(120).map((annotation) => annotation.message),
    )
    expect(published.url).toBe(`https://github.com/${OWNER}/${REPO}/runs/${published.id}`)
    expect(ANNOTATIONS_PER_REQUEST).toBe(50)
  })

  it('completes a check run without annotations in one request', async () => {
    const client = createGitHubClient(WRITE_TOKEN, github.url)
    await publishCheckRun(client, repository, { ...content(0), conclusion: 'success' })
    expect(github.violations).toEqual([])
    expect(github.calls.map((call) => call.operationId)).toEqual(['checks/create'])
    expect(github.calls[0]!.body).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      output: { title: '0 findings', summary: '## irsa-guard' },
    })
    expect((github.calls[0]!.body as { output: object }).output).not.toHaveProperty('annotations')
  })

  it('refuses more than 50 annotations in one request, as GitHub does (the fake checks the OpenAPI schema)', async () => {
    const client = createGitHubClient(WRITE_TOKEN, github.url)
    await expect(
      client.rest.checks.create({
        ...repository,
        name: 'irsa-guard',
        head_sha: 'abc',
        output: { title: 't', summary: 's', annotations: annotations(51) },
      }),
    ).rejects.toMatchObject({ status: 422 })
    expect(github.violations).toEqual([
      `POST /repos/${OWNER}/${REPO}/check-runs: checks/create: request body does not match the schema: /output/annotations must NOT have more than 50 items`,
    ])
  })

  it('gets 403 with a read-only token, which is a permission error', async () => {
    const client = createGitHubClient(READ_ONLY_TOKEN, github.url)
    const error = await publishCheckRun(client, repository, content(3)).catch((caught: unknown) => caught)
    expect(isPermissionError(error)).toBe(true)
    expect(describeApiError(error)).toBe('403 Resource not accessible by integration')
    expect(github.checkRuns).toEqual([])
    expect(github.violations).toEqual([])
  })

  it('waits as long as retry-after says after a secondary rate limit, then succeeds', async () => {
    github.faults.push({ operationId: 'checks/create', times: 1, retryAfter: '1' })
    const client = createGitHubClient(WRITE_TOKEN, github.url)
    await publishCheckRun(client, repository, content(2))
    const creates = github.callsOf('checks/create')
    expect(creates.map((call) => call.status)).toEqual([403, 201])
    expect(creates[1]!.at - creates[0]!.at).toBeGreaterThanOrEqual(1000)
    expect(github.checkRuns).toHaveLength(1)
  })

  // One of Octokit's seconds is a millisecond here, so the retries are counted without waiting for them.
  const quickRetries = { ...DEFAULT_RETRY, retryAfterBaseValue: 1 }

  it('gives up after 3 retries, and at once when retry-after asks for longer than a step should wait', async () => {
    github.faults.push({ operationId: 'checks/create', times: 10, retryAfter: '2' })
    const client = createGitHubClient(WRITE_TOKEN, github.url, quickRetries)
    const error = await publishCheckRun(client, repository, content(2)).catch((caught: unknown) => caught)
    expect(github.callsOf('checks/create').map((call) => call.status)).toEqual([403, 403, 403, 403])
    expect(isPermissionError(error)).toBe(false)
    expect(describeApiError(error)).toBe(
      '403 You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    )

    github.faults.splice(0, 1, { operationId: 'pulls/list-files', times: 1, retryAfter: '3600' })
    github.pullRequestFiles.set(7, [{ filename: 'a.yaml', status: 'modified' }])
    await expect(listChangedFiles(client, repository, 7)).rejects.toMatchObject({ status: 403 })
    expect(github.callsOf('pulls/list-files')).toHaveLength(1)

    // A secondary rate limit without retry-after is not retried, and is not mistaken for a missing permission.
    github.faults.splice(0, 1, { operationId: 'issues/list-comments', times: 1 })
    const unannounced = await upsertStickyComment(client, repository, 7, 'body', true).catch(
      (caught: unknown) => caught,
    )
    expect([github.callsOf('issues/list-comments').length, isPermissionError(unannounced)]).toEqual([1, false])
  })

  it('repeats a request GitHub answers with a server error, backing off, at most 3 times', async () => {
    github.faults.push({ operationId: 'checks/create', times: 2, status: 502 })
    const client = createGitHubClient(WRITE_TOKEN, github.url, quickRetries)
    await publishCheckRun(client, repository, content(2))
    expect(github.callsOf('checks/create').map((call) => call.status)).toEqual([502, 502, 201])
    expect(github.checkRuns).toHaveLength(1)

    github.faults.push({ operationId: 'pulls/list-files', times: 10, status: 503 })
    github.pullRequestFiles.set(8, [{ filename: 'a.yaml', status: 'modified' }])
    const error = await listChangedFiles(client, repository, 8).catch((caught: unknown) => caught)
    expect(github.callsOf('pulls/list-files').map((call) => call.status)).toEqual([503, 503, 503, 503])
    expect(describeApiError(error)).toBe('503 Server Error')
    expect(isPermissionError(error)).toBe(false)
  })

  it('does not repeat a refusal for want of permission', async () => {
    const client = createGitHubClient(READ_ONLY_TOKEN, github.url, quickRetries)
    await expect(publishCheckRun(client, repository, content(1))).rejects.toMatchObject({ status: 403 })
    expect(github.callsOf('checks/create').map((call) => call.status)).toEqual([403])
  })

  it('reads every changed file of a pull request, 100 a page, with both names of a renamed file', async () => {
    const files = Array.from({ length: 250 }, (_, index) => ({
      filename: `k8s/app-${index + 1}.yaml`,
      status: 'modified',
    }))
    files[9] = {
      filename: 'iam/payments-api-trust.json',
      status: 'renamed',
      previous_filename: 'iam/payments-trust.json',
    } as (typeof files)[number]
    github.pullRequestFiles.set(42, files)
    const client = createGitHubClient(WRITE_TOKEN, github.url)
    const changed = await listChangedFiles(client, repository, 42)
    expect(github.violations).toEqual([])
    expect(github.callsOf('pulls/list-files').map((call) => call.query)).toEqual([
      { per_page: '100' },
      { per_page: '100', page: '2' },
      { per_page: '100', page: '3' },
    ])
    expect(changed.paths.size).toBe(251)
    expect(changed.paths.has('iam/payments-trust.json')).toBe(true)
    expect(changed.paths.has('k8s/app-250.yaml')).toBe(true)
    expect(changed.incomplete).toBe(false)
  })

  it('says when GitHub cut the list of changed files at 3,000', async () => {
    github.pullRequestFiles.set(
      43,
      Array.from({ length: 3200 }, (_, index) => ({ filename: `f${index}.yaml`, status: 'added' })),
    )
    const changed = await listChangedFiles(createGitHubClient(WRITE_TOKEN, github.url), repository, 43)
    expect([changed.paths.size, changed.incomplete]).toEqual([3000, true])
  })

  it('keeps one comment: found again by its marker on a later page and updated in place', async () => {
    github.addComments(5, 130)
    const client = createGitHubClient(WRITE_TOKEN, github.url)
    const first = await upsertStickyComment(client, repository, 5, '## irsa-guard: 1 error', true)
    github.addComments(5, 20)
    const second = await upsertStickyComment(client, repository, 5, '## irsa-guard ✅ no IRSA findings', true)
    expect(github.violations).toEqual([])
    expect(first).toMatchObject({ action: 'created' })
    expect(second).toEqual({ action: 'updated', id: (first as { id: number }).id, url: (first as { url: string }).url })
    const marked = github.comments.get(5)!.filter((comment) => comment.body.includes(COMMENT_MARKER))
    expect(marked).toEqual([
      {
        id: (first as { id: number }).id,
        body: `${COMMENT_MARKER}\n## irsa-guard ✅ no IRSA findings`,
        user: 'github-actions[bot]',
      },
    ])
    expect(github.calls.map((call) => `${call.method} ${call.operationId} ${call.query.page ?? '1'}`)).toEqual([
      'GET issues/list-comments 1',
      'GET issues/list-comments 2',
      'POST issues/create-comment 1',
      'GET issues/list-comments 1',
      'GET issues/list-comments 2',
      'PATCH issues/update-comment 1',
    ])
  })

  it('creates no comment on a clean pull request that has none', async () => {
    const outcome = await upsertStickyComment(
      createGitHubClient(WRITE_TOKEN, github.url),
      repository,
      6,
      'all clear',
      false,
    )
    expect(outcome).toEqual({ action: 'skipped' })
    expect(github.calls.map((call) => call.operationId)).toEqual(['issues/list-comments'])
  })

  it('turns a read-only token into problems for one notice, never an exception', async () => {
    const client = createGitHubClient(READ_ONLY_TOKEN, github.url)
    const context = {
      apiUrl: github.url,
      serverUrl: 'https://github.com',
      ...repository,
      eventName: 'pull_request',
      headSha: 'abc',
      pullRequest: { number: 9 },
    }
    const published = await publishToGitHub({
      client,
      github: context,
      findings: [],
      conclusion: 'success',
      summary: 'ok',
      commentBody: 'body',
    })
    expect(published.checkRun).toBeUndefined()
    expect(problemsNotice(published.problems, context)).toBe(
      'irsa-guard could not publish to GitHub (a pull request from a fork gets a read-only token): no check run could be created (403 Resource not accessible by integration; it needs `permissions: checks: write`)',
    )
    expect(github.violations).toEqual([])
  })

  it('selects, with only-changed, the findings of the files the pull request changes, from the runner context', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-select-'))
    await writeTrustEditRepository(root)
    const { findings } = await scan(root)
    github.pullRequestFiles.set(21, [{ filename: 'iam/payments-api-trust.json', status: 'modified' }])
    const context = {
      apiUrl: github.url,
      serverUrl: 'https://github.com',
      ...repository,
      eventName: 'pull_request',
      headSha: 'abc',
      pullRequest: { number: 21, headSha: 'abc' },
      runUrl: 'https://github.com/x',
    }
    const selection = await selectFindings(findings, {
      onlyChanged: true,
      client: createGitHubClient(READ_ONLY_TOKEN, github.url),
      github: context,
    })
    expect(github.violations).toEqual([])
    expect(selection.reported.map((finding) => `${finding.location.path}:${finding.location.line}`)).toEqual([
      'iam/payments-api-trust.json:12',
      'k8s/payments.yaml:15',
    ])
    expect(selection.outsideChanges?.map((finding) => finding.location.path)).toEqual(['iam/search-indexer-trust.json'])
    expect([selection.info, selection.warnings]).toEqual([
      ['only-changed: pull request #21 changes 1 file; 2 findings touching them reported, 1 elsewhere not reported'],
      [],
    ])
    await rm(root, { recursive: true, force: true })
  })
})
