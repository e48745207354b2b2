import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseActionInputs } from '../../src/action/inputs.js'
import { runAction, type ActionLog } from '../../src/action/run.js'
import { createGitHubClient } from '../../src/github/client.js'
import type { GitHubContext } from '../../src/github/context.js'
import { addedLines } from '../../src/github/review.js'
import { replaceScalarInLine, suggestionBlock } from '../../src/report/suggestions.js'
import { FakeGitHub, OWNER, READ_ONLY_TOKEN, REPO, WRITE_TOKEN } from './fake-github.js'
import { HEAD_SHA } from './run-action.js'

const FILE = 'k8s/service-accounts.yaml'
const PULL = 12
const NEXT_SHA = '7fd1a60b01f91b314f59955a4e4d4e80d8edf11d'
const DOCS = 'https://github.com/irsa-guard/irsa-guard/blob/main/docs/rules'

function serviceAccount(name: string, annotation: string): string {
  return `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: shop\n  annotations:\n    ${annotation}\n`
}

/** Four ServiceAccounts of 7 lines each; the annotation lines are 7, 15, 23 and 31. */
function manifests({ note = 'note', typoFixed = false } = {}): string {
  return [
    // A value from the pull request: a mention, Markdown emphasis, and a comment holding a run of four backticks.
    serviceAccount(
      'trailing',
      `eks.amazonaws.com/role-arn: "arn:aws:iam::345678901234:role/@octocat_x " # ${note} \`\`\`\` \`x\` @octocat`,
    ),
    serviceAccount(
      'typo',
      `${typoFixed ? 'eks.amazonaws.com' : 'eks.amazon.com'}/role-arn: arn:aws:iam::345678901234:role/typo`,
    ),
    serviceAccount('no-name', 'eks.amazonaws.com/role-arn: arn:aws:iam::345678901234:role/team/'),
    serviceAccount('untouched', 'eks.amazonaws.com/role-arn: arn:aws:iam::45678901234:role/untouched'),
  ].join('---\n')
}

/** A diff of the file in one hunk, adding the lines numbered in `added` and keeping the others. */
function patchAdding(text: string, added: ReadonlySet<number>): string {
  const lines = text.replace(/\n$/, '').split('\n')
  const kept = lines.filter((_, index) => !added.has(index + 1)).length
  return [
    `@@ -1,${kept} +1,${lines.length} @@`,
    ...lines.map((line, index) => `${added.has(index + 1) ? '+' : ' '}${line}`),
  ].join('\n')
}

/** Every line but the fourth ServiceAccount's. */
const ADDED = new Set(Array.from({ length: 24 }, (_, index) => index + 1))

function silentLog(): { log: ActionLog; entries: string[] } {
  const entries: string[] = []
  const log: ActionLog = {
    info: (text) => entries.push(`info ${text}`),
    lines: () => undefined,
    startGroup: () => undefined,
    endGroup: () => undefined,
    notice: (text) => entries.push(`notice ${text}`),
    warning: (text) => entries.push(`warning ${text}`),
    error: (text) => entries.push(`error ${text}`),
  }
  return { log, entries }
}

function context(apiUrl: string, headSha: string): GitHubContext {
  return {
    apiUrl,
    serverUrl: 'https://github.com',
    owner: OWNER,
    repo: REPO,
    eventName: 'pull_request',
    headSha,
    pullRequest: { number: PULL, headSha },
  }
}

const marker = (ruleId: string) =>
  new RegExp(`^<!-- irsa-guard-review rule=${ruleId} fingerprint=[0-9a-f]{32} digest=[0-9a-f]{16} -->\n`)
const footer = (sha: string) =>
  `\n\n<sub>irsa-guard at [${sha.slice(0, 7)}](https://github.com/${OWNER}/${REPO}/commit/${sha})</sub>`

describe('review comments (review: true) through the real Octokit client', () => {
  let github: FakeGitHub
  let workspace: string
  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    workspace = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-review-'))
  })
  afterEach(async () => {
    await github.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  /** The pull request's head `sha` holds `headText` (by default the `text` the workspace checks out). */
  async function push(sha: string, text: string, added: ReadonlySet<number> = ADDED, headText = text) {
    await mkdir(path.join(workspace, 'k8s'), { recursive: true })
    await writeFile(path.join(workspace, FILE), text)
    github.contents.set(`${sha}:${FILE}`, headText)
    github.pullRequestFiles.set(PULL, [{ filename: FILE, status: 'added', patch: patchAdding(text, added) }])
    github.calls.length = 0
    const { log, entries } = silentLog()
    const options = parseActionInputs(
      (name) => ({ 'github-token': WRITE_TOKEN, review: 'true', 'fail-on': 'never' })[name] ?? '',
      { GITHUB_WORKSPACE: workspace },
    )
    const outcome = await runAction(options, {
      log,
      github: context(github.url, sha),
      client: createGitHubClient(WRITE_TOKEN, github.url),
    })
    expect(github.violations).toEqual([])
    return { outcome, entries, calls: github.calls.map((call) => `${call.method} ${call.operationId} ${call.status}`) }
  }

  it('comments each finding on an added line once, edits a changed one, marks a fixed one, and leaves the rest', async () => {
    // Someone pasted irsa-guard's marker: never edited, never taken for irsa-guard's own.
    github.reviewComments.set(PULL, [
      {
        id: 1,
        user: 'mallory',
        path: FILE,
        line: 7,
        commit_id: HEAD_SHA,
        body: '<!-- irsa-guard-review rule=role-arn-invalid fingerprint=00000000000000000000000000000000 digest=fixed -->',
      },
    ])
    const first = await push(HEAD_SHA, manifests())
    expect(first.calls).toEqual([
      'POST checks/create 201',
      'GET pulls/list-files 200',
      'GET pulls/list-review-comments 200',
      'GET repos/get-content 200',
      'POST pulls/create-review 200',
    ])
    expect(github.callsOf('pulls/create-review')[0]!.body).toMatchObject({
      commit_id: HEAD_SHA,
      event: 'COMMENT',
      body: `irsa-guard: 3 findings on lines this pull request adds, at [${HEAD_SHA.slice(0, 7)}](https://github.com/${OWNER}/${REPO}/commit/${HEAD_SHA}).`,
    })
    expect(github.callsOf('repos/get-content')[0]!.query).toEqual({ ref: HEAD_SHA })
    const created = (github.callsOf('pulls/create-review')[0]!.body as { comments: Record<string, unknown>[] }).comments
    expect(created.map(({ path, line, side }) => ({ path, line, side }))).toEqual(
      [7, 15, 23].map((line) => ({ path: FILE, line, side: 'RIGHT' })),
    )
    const [trailing, typo, noName] = created.map((body) => String(body.body))
    expect(trailing).toMatch(marker('role-arn-invalid'))
    // The message is escaped Markdown; the suggestion is the line itself, fenced with more backticks than it holds.
    expect(trailing!.replace(marker('role-arn-invalid'), '')).toBe(
      `❌ **[\`role-arn-invalid\`](${DOCS}/role-arn-invalid.md)** eks.amazonaws.com/role-arn of ServiceAccount shop/trailing is not a valid IAM role ARN: "arn:aws:iam::345678901234:role/@\u200doctocat\\_x " has leading or trailing whitespace, so STS answers "Request ARN is invalid"; write "arn:aws:iam::345678901234:role/@\u200doctocat\\_x"\n\n` +
        '`````suggestion\n' +
        '    eks.amazonaws.com/role-arn: "arn:aws:iam::345678901234:role/@octocat_x" # note ```` `x` @octocat\n' +
        '`````' +
        footer(HEAD_SHA),
    )
    expect(typo!.replace(marker('annotation-key-typo'), '')).toBe(
      `❌ **[\`annotation-key-typo\`](${DOCS}/annotation-key-typo.md)** annotation "eks.amazon.com/role-arn" on ServiceAccount shop/typo is a misspelling of eks.amazonaws.com/role-arn, the only key the EKS webhook reads; write it as eks.amazonaws.com/role-arn\n\n` +
        '```suggestion\n    eks.amazonaws.com/role-arn: arn:aws:iam::345678901234:role/typo\n```' +
        footer(HEAD_SHA),
    )
    // No replacement irsa-guard can know: a comment without a suggestion.
    expect(noName!.replace(marker('role-arn-invalid'), '')).toBe(
      `❌ **[\`role-arn-invalid\`](${DOCS}/role-arn-invalid.md)** eks.amazonaws.com/role-arn of ServiceAccount shop/no-name is not a valid IAM role ARN: "arn:aws:iam::345678901234:role/team/" has no role name after "role/", so STS answers "Request ARN is invalid"; write arn:\\<partition\\>:iam::\\<12-digit account\\>:role/\\<name\\>` +
        footer(HEAD_SHA),
    )
    expect(first.entries).toContain(
      'info irsa-guard review comments: 3 created, 0 updated, 0 marked fixed, 0 unchanged',
    )

    // The same findings again: nothing is written.
    const second = await push(HEAD_SHA, manifests())
    expect(second.calls).toEqual([
      'POST checks/create 201',
      'GET pulls/list-files 200',
      'GET pulls/list-review-comments 200',
      'GET repos/get-content 200',
    ])
    expect(second.entries).toContain(
      'info irsa-guard review comments: 0 created, 0 updated, 0 marked fixed, 3 unchanged',
    )

    // The next push changes the line of one finding (so its suggestion) and fixes the typo.
    const third = await push(NEXT_SHA, manifests({ note: 'owner: shop', typoFixed: true }))
    expect(third.calls).toEqual([
      'POST checks/create 201',
      'GET pulls/list-files 200',
      'GET pulls/list-review-comments 200',
      'GET repos/get-content 200',
      'PATCH pulls/update-review-comment 200',
      'PATCH pulls/update-review-comment 200',
    ])
    const stored = github.reviewComments.get(PULL)!
    expect(stored).toHaveLength(4)
    const updates = github
      .callsOf('pulls/update-review-comment')
      .map((call) => ({ id: Number(call.path.split('/').at(-1)), body: String((call.body as { body: unknown }).body) }))
    expect(updates[0]!.id).toBe(stored[1]!.id)
    expect(updates[0]!.body).toMatch(marker('role-arn-invalid'))
    expect(updates[0]!.body).toContain(
      '`````suggestion\n    eks.amazonaws.com/role-arn: "arn:aws:iam::345678901234:role/@octocat_x" # owner: shop ````',
    )
    expect(updates[0]!.body.endsWith(footer(NEXT_SHA))).toBe(true)
    expect(updates[1]).toEqual({
      id: stored[2]!.id,
      body: `<!-- irsa-guard-review rule=annotation-key-typo fingerprint=${/fingerprint=([0-9a-f]{32})/.exec(typo!)![1]} digest=fixed -->\n✅ Fixed in [${NEXT_SHA.slice(0, 7)}](https://github.com/${OWNER}/${REPO}/commit/${NEXT_SHA}): irsa-guard no longer reports [\`annotation-key-typo\`](${DOCS}/annotation-key-typo.md) here.`,
    })
    expect(stored[0]!.body).toBe(
      '<!-- irsa-guard-review rule=role-arn-invalid fingerprint=00000000000000000000000000000000 digest=fixed -->',
    )
    expect(third.entries).toContain(
      'info irsa-guard review comments: 0 created, 1 updated, 1 marked fixed, 1 unchanged',
    )

    // A fixed comment is not marked again.
    const fourth = await push(NEXT_SHA, manifests({ note: 'owner: shop', typoFixed: true }))
    expect(fourth.calls).toEqual([
      'POST checks/create 201',
      'GET pulls/list-files 200',
      'GET pulls/list-review-comments 200',
      'GET repos/get-content 200',
    ])
  })

  it('comments nothing on a line the head commit has different from the workspace (a merge commit)', async () => {
    const text = manifests()
    await push(HEAD_SHA, text, ADDED, text.replace('role/team/', 'role/team-x/'))
    expect(
      (github.callsOf('pulls/create-review')[0]!.body as { comments: { line: number }[] }).comments.map(
        (comment) => comment.line,
      ),
    ).toEqual([7, 15])
  })

  it('writes at most 20 review comments and says so in the job summary', async () => {
    const text = Array.from({ length: 23 }, (_, index) =>
      serviceAccount(`sa-${index}`, `eks.amazonaws.com/role-arn: arn:aws:iam::345678901234:role/team-${index}/`),
    ).join('---\n')
    const all = new Set(Array.from({ length: text.split('\n').length }, (_, index) => index + 1))
    const run = await push(HEAD_SHA, text, all)
    expect((github.callsOf('pulls/create-review')[0]!.body as { comments: unknown[] }).comments).toHaveLength(20)
    expect(run.outcome.summary).toContain(
      '\n_3 more findings on lines this pull request adds got no review comment (irsa-guard writes at most 20 a run)._\n',
    )
  })

  it('goes on with a notice when the token may not write review comments', async () => {
    const text = manifests()
    await mkdir(path.join(workspace, 'k8s'), { recursive: true })
    await writeFile(path.join(workspace, FILE), text)
    github.contents.set(`${HEAD_SHA}:${FILE}`, text)
    github.pullRequestFiles.set(PULL, [{ filename: FILE, status: 'added', patch: patchAdding(text, ADDED) }])
    const { log, entries } = silentLog()
    const options = parseActionInputs(
      (name) => ({ 'github-token': READ_ONLY_TOKEN, review: 'true', 'fail-on': 'never' })[name] ?? '',
      { GITHUB_WORKSPACE: workspace },
    )
    const outcome = await runAction(options, {
      log,
      github: context(github.url, HEAD_SHA),
      client: createGitHubClient(READ_ONLY_TOKEN, github.url),
    })
    expect(github.calls.map((call) => `${call.method} ${call.operationId} ${call.status}`)).toEqual([
      'POST checks/create 403',
      'GET pulls/list-files 200',
      'GET pulls/list-review-comments 200',
      'GET repos/get-content 200',
      'POST pulls/create-review 403',
    ])
    expect(entries.find((entry) => entry.startsWith('notice '))).toBe(
      'notice irsa-guard could not publish to GitHub (a pull request from a fork gets a read-only token): no check run could be created (403 Resource not accessible by integration; it needs `permissions: checks: write`); review comments could not be written (403 Resource not accessible by integration; they need `permissions: pull-requests: write`). ' +
        'Findings are annotated on this step instead, where GitHub shows at most 10 per level',
    )
    expect(outcome.failures).toEqual([])
  })
})

describe('suggested lines', () => {
  it('replaces the scalar in the style the line writes it, and only where the line shows it', () => {
    const replacement = { from: 'arn:aws:iam::1:role/a ', to: 'arn:aws:iam::1:role/a' }
    expect(replaceScalarInLine(`  k: 'arn:aws:iam::1:role/a ' # c`, 6, replacement)).toBe(
      `  k: 'arn:aws:iam::1:role/a' # c`,
    )
    expect(replaceScalarInLine('  k: "arn:aws:iam::1:role/a "', 6, replacement)).toBe('  k: "arn:aws:iam::1:role/a"')
    expect(replaceScalarInLine('  k: |', 6, replacement)).toBeUndefined()
    expect(
      replaceScalarInLine('  eks.amazon.com/role-arn: x', 3, {
        from: 'eks.amazon.com/role-arn',
        to: 'eks.amazonaws.com/role-arn',
      }),
    ).toBe('  eks.amazonaws.com/role-arn: x')
    // A plain scalar that runs on is not the one parsed.
    expect(
      replaceScalarInLine('  eks.amazon.com/role-arnx: x', 3, {
        from: 'eks.amazon.com/role-arn',
        to: 'eks.amazonaws.com/role-arn',
      }),
    ).toBeUndefined()
    // Text that could hide or reorder characters is never suggested.
    expect(replaceScalarInLine('  k: "a " # \u202e', 6, { from: 'a ', to: 'a' })).toBeUndefined()
    // HCL would read ${ as a template.
    expect(replaceScalarInLine('  k = "a "', 7, { from: 'a ', to: '${a}' })).toBeUndefined()
  })

  it('fences a suggestion with more backticks than the line holds in a row', () => {
    expect(suggestionBlock('a')).toBe('```suggestion\na\n```')
    expect(suggestionBlock('a ``` b')).toBe('````suggestion\na ``` b\n````')
  })

  it('reads the added lines of a diff on its right side', () => {
    expect(
      [
        ...addedLines('@@ -1,3 +1,4 @@\n a\n-b\n+c\n+d\n e\n@@ -10,2 +11,2 @@\n x\n+y\n\\ No newline at end of file'),
      ].sort((a, b) => a - b),
    ).toEqual([2, 3, 12])
  })
})
