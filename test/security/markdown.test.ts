import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { FakeGitHub, WRITE_TOKEN } from '../github/fake-github.js'
import { runActionBundleAsync, type ActionRun } from '../github/run-action.js'
import { repositoryRoot } from '../helpers.js'
import { markdownProblems, renderedText } from './markdown-check.js'
import { markdownPayload, writeAttackRepository } from './payloads.js'

/** Fields whose payload the summary shows: the chain table's names and the findings' messages. */
const SUMMARY_FIELDS = [
  'sa-name',
  'sa-namespace',
  'tf-sa-name',
  'tf-sa-namespace',
  'eksctl-name',
  'eksctl-namespace',
  'iam-sid',
  'iam-sub',
  'iam-federated',
  'iam-operator',
  'tf-sid',
  'cfn-sid',
  'tf-role-name',
  'eksctl-role',
]

describe('a repository whose names carry Markdown, in the job summary, the check run and the pull request comment', () => {
  let github: FakeGitHub
  let workspace: string
  let run: ActionRun
  beforeAll(async () => {
    github = new FakeGitHub()
    await github.start()
    workspace = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-attack-'))
    await writeAttackRepository(workspace)
    run = await runActionBundleAsync(
      workspace,
      { 'github-token': WRITE_TOKEN, comment: 'true' },
      { apiUrl: github.url, pullRequest: 9 },
    )
  }, 120_000)
  afterAll(async () => {
    await github.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  it('the job summary renders every name as text: no HTML, link, image, emphasis, heading, extra cell, mention or reference', () => {
    expect(run.code).toBe(1)
    expect(markdownProblems(run.summary, { strong: 2, details: 1 })).toEqual([])
    const text = renderedText(run.summary)
    for (const field of SUMMARY_FIELDS)
      expect([field, text.includes(markdownPayload(field).replace('\n', '\\n'))]).toEqual([field, true])
    // A file name becomes a link whose path is percent-encoded, parentheses included.
    expect(run.summary).toContain(
      '/iam/file-name%0A%3A%3Aerror%20file%3Dforged.yaml%3A%3Aforged%20file-name%0D%3A%3Aadd-mask%3A%3Apayments%0A%20%20%3A%3Astop-commands%3A%3Aforgedtoken%09%23%23%5Bwarning%5Dv1%20file-name%20%7C%20%3Cimg%20src%3Dx%20data-forged%3E%20%5Bforged-link%5D%28https%3A__forged.example%29',
    )
  })

  it('the check run summary is the same escaped Markdown', () => {
    expect(github.checkRuns).toHaveLength(1)
    expect(markdownProblems(github.checkRuns[0]!.summary!, { strong: 2, details: 1 })).toEqual([])
    expect(github.checkRuns[0]!.summary!.trimEnd()).toBe(run.summary.trimEnd())
  })

  it('the pull request comment renders every name as text', () => {
    const [comment] = github.comments.get(9)!
    // The comment is long enough to be cut to GitHub's limit: its notice is the one emphasis.
    expect(markdownProblems(comment!.body, { details: 2, strong: 1, comments: 1, em: 1 })).toEqual([])
    const text = renderedText(comment!.body)
    for (const field of ['sa-name', 'sa-namespace', 'iam-sid', 'tf-sa-name', 'eksctl-name'])
      expect([field, text.includes(markdownPayload(field).replace('\n', '\\n'))]).toEqual([field, true])
  })

  it('the CLI Markdown report renders every name as text', () => {
    const cli = spawnSync(
      process.execPath,
      [path.join(repositoryRoot, 'dist', 'cli', 'index.js'), '.', '--format', 'markdown'],
      { cwd: workspace, encoding: 'utf8', env: { PATH: process.env.PATH }, timeout: 60_000 },
    )
    expect(cli.status).toBe(1)
    expect(markdownProblems(cli.stdout, { strong: 2, details: 1 })).toEqual([])
  })
})
