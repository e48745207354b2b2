import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { FakeGitHub, READ_ONLY_TOKEN, WRITE_TOKEN } from '../github/fake-github.js'
import { HEAD_SHA, MERGE_SHA, runActionBundleAsync } from '../github/run-action.js'
import { commands } from './run-bundle.js'
import { writeRepositoryWithSecurityFindingsLast } from './security-findings.js'

/** [title, file] of the step's annotations of one kind, in order. */
function annotated(stdout: string, kind: string): string[] {
  return commands(stdout, kind)
    .filter(([properties]) => properties.includes('file='))
    .map(([properties]) => /title=([^,]*),file=([^,]*)/.exec(properties)!.slice(1, 3).join(' '))
}

describe('the committed bundle puts security findings first wherever only some fit', () => {
  let github: FakeGitHub
  let workspace: string
  beforeAll(async () => {
    workspace = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-priority-'))
    await writeRepositoryWithSecurityFindingsLast(workspace)
  })
  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true })
  })
  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
  })
  afterEach(async () => {
    await github.stop()
  })

  it('on a read-only token (a fork), the 10 annotations per level start with the security rule, marked in the title', async () => {
    const run = await runActionBundleAsync(
      workspace,
      { 'github-token': READ_ONLY_TOKEN },
      { apiUrl: github.url, pullRequest: 5 },
    )
    const errors = annotated(run.stdout, 'error')
    const warnings = annotated(run.stdout, 'warning')
    expect(errors).toEqual([
      'sub-condition-missing (security) zz-shared/ci-runner-trust.json',
      ...[1, 10, 11, 12, 2, 3, 4, 5, 6].map((index) => `trust-denies-service-account iam/app-${index}-trust.json`),
    ])
    expect(warnings).toEqual([
      'sub-condition-broad (security) zz-shared/tenants-trust.json',
      ...Array(9).fill('workload-service-account-missing k8s/all.yaml'),
    ])
    expect(commands(run.stdout, 'notice').at(-1)![1]).toMatch(
      /; 6 more findings not shown as annotations \(3 errors, 3 warnings, 0 notes\): see the job summary$/,
    )
    expect(run.outputs).toMatchObject({ errors: '13', warnings: '13', conclusion: 'failure' })
  }, 120_000)

  it('with checks: write, the check run, the job summary and the comment list them first too', async () => {
    const run = await runActionBundleAsync(
      workspace,
      { 'github-token': WRITE_TOKEN, comment: 'true' },
      { apiUrl: github.url, pullRequest: 6 },
    )
    expect(github.violations).toEqual([])
    const annotations = github.checkRuns[0]!.annotations as { title: string; path: string; annotation_level: string }[]
    expect(annotations.slice(0, 2).map(({ title, path: file }) => `${title} ${file}`)).toEqual([
      'sub-condition-missing (security) zz-shared/ci-runner-trust.json',
      'trust-denies-service-account iam/app-1-trust.json',
    ])
    expect(annotations.slice(13, 15).map(({ title, path: file }) => `${title} ${file}`)).toEqual([
      'sub-condition-broad (security) zz-shared/tenants-trust.json',
      'workload-service-account-missing k8s/all.yaml',
    ])

    const headings = (markdown: string, prefix: string) =>
      markdown.split('\n').filter((line) => line.startsWith(prefix))
    expect(headings(run.summary, '#### ').map((line) => line.replace(/\]\([^)]*\)/, ']'))).toEqual([
      '#### [`sub-condition-missing`] · security · 1 error',
      '#### [`trust-denies-service-account`] · 12 errors',
      '#### [`sub-condition-broad`] · security · 1 warning',
      '#### [`workload-service-account-missing`] · 12 warnings',
    ])
    const comment = github.comments.get(6)![0]!.body
    expect(headings(comment, '### ').slice(0, 3)).toEqual([
      expect.stringMatching(/^### ❌ `ci\/runner` → `ci-runner`/),
      expect.stringMatching(/^### ❌ `team1\/app` → `app-1`/),
      expect.stringMatching(/^### ❌ `team10\/app` → `app-10`/),
    ])
    // Links go to the pull request's head commit, never to the merge commit GITHUB_SHA names.
    for (const markdown of [run.summary, comment]) {
      expect(markdown).toContain(`/blob/${HEAD_SHA}/zz-shared/ci-runner-trust.json#L`)
      expect(markdown).not.toContain(MERGE_SHA)
    }
    expect(comment).toContain(
      '- ❌ [`sub-condition-missing`](https://github.com/irsa-guard/irsa-guard/blob/main/docs/rules/sub-condition-missing.md) (security) ',
    )
  }, 120_000)
})
