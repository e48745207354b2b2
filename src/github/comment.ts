import type { GitHubClient } from './client.js'

/** Hidden in the rendered comment; how a later run finds the comment to update. */
export const COMMENT_MARKER = '<!-- irsa-guard -->'

/**
 * Who writes the comment with the workflow's GITHUB_TOKEN; with another token the `comment-author`
 * input names its account (a personal access token's login, or `<app-slug>[bot]` for a GitHub App).
 */
export const DEFAULT_COMMENT_AUTHOR = 'github-actions[bot]'

/** GitHub refuses comment bodies longer than this. */
export const COMMENT_BODY_LIMIT = 65_536

export type CommentOutcome = { action: 'created' | 'updated'; id: number; url: string } | { action: 'skipped' }

/**
 * Keeps one comment per pull request: the first comment carrying the marker and written by `author`
 * (the account the token posts as) is updated in place; a marked comment by anyone else is left
 * alone, since anyone may paste the marker. A new one is created only when none exists and
 * `createIfMissing` (a clean pull request gets no new comment).
 */
export async function upsertStickyComment(
  client: GitHubClient,
  { owner, repo }: { owner: string; repo: string },
  issueNumber: number,
  body: string,
  createIfMissing: boolean,
  author: string = DEFAULT_COMMENT_AUTHOR,
): Promise<CommentOutcome> {
  const repository = { owner, repo }
  const marked = body.startsWith(COMMENT_MARKER) ? body : `${COMMENT_MARKER}\n${body}`
  const existing = await findOwnMarkedComment(client, repository, issueNumber, author)
  if (existing) {
    const updated = await client.rest.issues.updateComment({ ...repository, comment_id: existing, body: marked })
    return { action: 'updated', id: updated.data.id, url: updated.data.html_url }
  }
  if (!createIfMissing) return { action: 'skipped' }
  const created = await client.rest.issues.createComment({ ...repository, issue_number: issueNumber, body: marked })
  return { action: 'created', id: created.data.id, url: created.data.html_url }
}

async function findOwnMarkedComment(
  client: GitHubClient,
  repository: { owner: string; repo: string },
  issueNumber: number,
  author: string,
): Promise<number | undefined> {
  // GitHub logins are case-insensitive.
  const login = author.toLowerCase()
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    ...repository,
    issue_number: issueNumber,
    per_page: 100,
  })
  for await (const page of pages) {
    const found = page.data.find(
      (comment) => comment.user?.login.toLowerCase() === login && comment.body?.includes(COMMENT_MARKER),
    )
    if (found) return found.id
  }
  return undefined
}
