import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { FakeGitHub, WRITE_TOKEN } from '../github/fake-github.js'
import { runActionBundleAsync } from '../github/run-action.js'
import { fixture } from '../helpers.js'

const MARKER = '<!-- irsa-guard -->'
const PERSONAL_TOKEN = 'github_pat_deployer000000000000000000000'

describe('the sticky comment is the marked comment irsa-guard itself wrote', () => {
  let github: FakeGitHub
  let workspace: string
  beforeEach(async () => {
    github = new FakeGitHub()
    await github.start()
    workspace = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-workspace-'))
    await cp(fixture('repos', 'broken'), workspace, { recursive: true })
  })
  afterEach(async () => {
    await github.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  it('leaves marked comments by a person and by another app alone, and updates only its own', async () => {
    const planted = `${MARKER}\n## irsa-guard ✅ no IRSA findings\n\nEverything is fine, merge away.`
    const byPerson = github.addComment(4, planted, 'mallory')
    const byOtherApp = github.addComment(4, planted, 'helpful-app[bot]')
    const runner = { apiUrl: github.url, pullRequest: 4 }

    const first = await runActionBundleAsync(workspace, { 'github-token': WRITE_TOKEN, comment: 'true' }, runner)
    const second = await runActionBundleAsync(workspace, { 'github-token': WRITE_TOKEN, comment: 'true' }, runner)

    expect(github.violations).toEqual([])
    const comments = github.comments.get(4)!
    expect(comments.map((comment) => [comment.user, comment.body === planted])).toEqual([
      ['mallory', true],
      ['helpful-app[bot]', true],
      ['github-actions[bot]', false],
    ])
    const own = comments[2]!
    expect(own.body.split('\n').slice(0, 2)).toEqual([MARKER, '## irsa-guard: 1 error, 0 warnings, 0 notes'])
    expect(github.callsOf('issues/update-comment').map((call) => call.path)).toEqual([
      `/repos/octo-org/payments-platform/issues/comments/${own.id}`,
    ])
    expect(
      github
        .callsOf('issues/update-comment')
        .map((call) => call.path)
        .join(),
    ).not.toMatch(new RegExp(`/(${byPerson}|${byOtherApp})$`))
    expect(first.outputs['comment-url']).toBe(
      `https://github.com/octo-org/payments-platform/pull/4#issuecomment-${own.id}`,
    )
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
    expect(second.stdout).toContain(`irsa-guard pull request comment updated: ${first.outputs['comment-url']}`)
  })

  it('with another token, comment-author names the account whose marked comment is kept', async () => {
    github.tokens.set(PERSONAL_TOKEN, { checks: 'write', pullRequests: 'write' })
    github.logins.set(PERSONAL_TOKEN, 'octo-deployer')
    const fromGitHubToken = github.addComment(
      6,
      `${MARKER}\nan earlier run with the workflow's token`,
      'github-actions[bot]',
    )
    const runner = { apiUrl: github.url, pullRequest: 6 }

    const inputs = { 'github-token': PERSONAL_TOKEN, comment: 'true', 'comment-author': 'Octo-Deployer' }
    const first = await runActionBundleAsync(workspace, inputs, runner)
    const second = await runActionBundleAsync(workspace, inputs, runner)

    const comments = github.comments.get(6)!
    expect(comments.map((comment) => [comment.id === fromGitHubToken, comment.user])).toEqual([
      [true, 'github-actions[bot]'],
      [false, 'octo-deployer'],
    ])
    expect(comments[0]!.body).toBe(`${MARKER}\nan earlier run with the workflow's token`)
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
    expect(github.callsOf('issues/update-comment')).toHaveLength(1)
  })
})
