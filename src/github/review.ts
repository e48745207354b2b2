import { createHash } from 'node:crypto'
import type { Finding, Level } from '../model/finding.js'
import { escapeMarkdown } from '../report/escape.js'
import { replaceScalarInLine, suggestionBlock } from '../report/suggestions.js'
import { docsUrl } from '../rules/rule.js'
import type { GitHubClient } from './client.js'

/** At most this many findings get a review comment per run; the job summary says when more were left out. */
export const REVIEW_COMMENT_CAP = 20

/** Starts every review comment irsa-guard writes; hidden in the rendered comment. */
const MARKER = /^<!-- irsa-guard-review rule=([a-z0-9-]+) fingerprint=([0-9a-f]{32}) digest=([0-9a-f]{16}|fixed) -->/

const LEVEL_ICON: Record<Level, string> = { error: '❌', warning: '⚠️', note: 'ℹ️' }

export interface ReviewRequest {
  client: GitHubClient
  repository: { owner: string; repo: string }
  serverUrl: string
  pullNumber: number
  /** The pull request's head: comments are made on it and link to it. */
  headSha: string
  /** The findings reported, most important first. */
  findings: readonly Finding[]
  /** The account the token comments as: only its marked review comments are edited. */
  author: string
  /** The workspace's text of a scanned file, or undefined when it cannot be read. */
  readWorkspaceFile(path: string): Promise<string | undefined>
}

export interface ReviewOutcome {
  created: number
  updated: number
  fixed: number
  unchanged: number
  /** Findings on changed lines left without a review comment by the cap. */
  capped: number
}

interface OwnComment {
  id: number
  fingerprint: string
  digest: string
}

/**
 * Review comments on the lines the pull request adds, one per finding, with a suggestion where the fix
 * is a replacement of that line. A later run leaves a comment whose finding and text are unchanged,
 * edits one whose text changed, and marks one whose finding is gone "fixed in <head>". Only comments by
 * `author` carrying the marker are touched. A finding's line is commented only when the head commit
 * has the same text there as the workspace scanned (a merge commit may have shifted it).
 */
export async function publishReviewComments(request: ReviewRequest): Promise<ReviewOutcome> {
  const { client, repository, pullNumber, headSha } = request
  const outcome: ReviewOutcome = { created: 0, updated: 0, fixed: 0, unchanged: 0, capped: 0 }
  const added = await addedLinesByFile(client, repository, pullNumber)
  const existing = await ownReviewComments(client, repository, pullNumber, request.author)
  const commitLink = `[${headSha.slice(0, 7)}](${request.serverUrl}/${repository.owner}/${repository.repo}/commit/${headSha})`

  const onChangedLines = request.findings.filter((finding) =>
    added.get(finding.location.path)?.has(finding.location.line),
  )
  const headLines = new Map<string, Promise<(string | undefined)[] | undefined>>()
  const wanted = new Set<string>()
  const newComments: { path: string; line: number; side: 'RIGHT'; body: string }[] = []
  for (const finding of onChangedLines) {
    if (wanted.has(finding.fingerprint)) continue
    if (wanted.size === REVIEW_COMMENT_CAP) {
      outcome.capped++
      continue
    }
    const { path, line } = finding.location
    if (!headLines.has(path)) headLines.set(path, sameLinesAtHead(request, path))
    const lineText = (await headLines.get(path))?.[line - 1]
    if (lineText === undefined) continue
    wanted.add(finding.fingerprint)
    const suggested = finding.replacement
      ? replaceScalarInLine(lineText, finding.location.column, finding.replacement)
      : undefined
    const content = findingContent(finding, suggested)
    const digest = createHash('sha256').update(content).digest('hex').slice(0, 16)
    const body = `<!-- irsa-guard-review rule=${finding.ruleId} fingerprint=${finding.fingerprint} digest=${digest} -->\n${content}\n\n<sub>irsa-guard at ${commitLink}</sub>`
    const own = existing.get(finding.fingerprint)
    if (!own) {
      newComments.push({ path, line, side: 'RIGHT', body })
    } else if (own.digest !== digest) {
      await client.rest.pulls.updateReviewComment({ ...repository, comment_id: own.id, body })
      outcome.updated++
    } else {
      outcome.unchanged++
    }
  }

  if (newComments.length > 0) {
    // One review for all new comments: one notification, and one request (GitHub spaces content-creating requests seconds apart).
    const body = `irsa-guard: ${newComments.length === 1 ? '1 finding' : `${newComments.length} findings`} on lines this pull request adds, at ${commitLink}.`
    await client.rest.pulls.createReview({
      ...repository,
      pull_number: pullNumber,
      commit_id: headSha,
      event: 'COMMENT',
      body,
      comments: newComments,
    })
    outcome.created = newComments.length
  }

  const stillReported = new Set(request.findings.map((finding) => finding.fingerprint))
  for (const [fingerprint, own] of existing) {
    if (own.digest === 'fixed' || stillReported.has(fingerprint)) continue
    // GitHub resolves review threads only through GraphQL; the comment is edited instead, and its suggestion removed.
    const body = `<!-- irsa-guard-review rule=${own.ruleId} fingerprint=${fingerprint} digest=fixed -->\n✅ Fixed in ${commitLink}: irsa-guard no longer reports [\`${own.ruleId}\`](${docsUrl(own.ruleId)}) here.`
    await client.rest.pulls.updateReviewComment({ ...repository, comment_id: own.id, body })
    outcome.fixed++
  }
  return outcome
}

/** The finding as Markdown: level, rule, message (escaped), and the suggestion when there is one. */
function findingContent(finding: Finding, suggestedLine: string | undefined): string {
  const text = `${LEVEL_ICON[finding.level]} **[\`${finding.ruleId}\`](${docsUrl(finding.ruleId)})** ${escapeMarkdown(finding.message)}`
  return suggestedLine === undefined ? text : `${text}\n\n${suggestionBlock(suggestedLine)}`
}

/** The head commit's lines of `path` when the workspace's file has the same lines, else undefined. */
async function sameLinesAtHead(request: ReviewRequest, path: string): Promise<(string | undefined)[] | undefined> {
  const workspace = await request.readWorkspaceFile(path)
  if (workspace === undefined) return undefined
  let head: string
  try {
    const response = await request.client.rest.repos.getContent({ ...request.repository, path, ref: request.headSha })
    const file = response.data
    if (Array.isArray(file) || file.type !== 'file' || !('content' in file) || file.encoding !== 'base64')
      return undefined
    head = Buffer.from(file.content, 'base64').toString('utf8')
  } catch {
    return undefined
  }
  const headLines = splitLines(head)
  const workspaceLines = splitLines(workspace)
  // A line that differs is never commented.
  return headLines.map((line, index) => (line === workspaceLines[index] ? line : undefined))
}

function splitLines(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\r$/, ''))
}

/** The lines each changed file has on the right side of the pull request's diff because the pull request adds them. */
async function addedLinesByFile(
  client: GitHubClient,
  repository: { owner: string; repo: string },
  pullNumber: number,
): Promise<Map<string, Set<number>>> {
  const files = await client.paginate(client.rest.pulls.listFiles, {
    ...repository,
    pull_number: pullNumber,
    per_page: 100,
  })
  const byFile = new Map<string, Set<number>>()
  // A file without a patch (binary, or a diff too large for GitHub to show) gets no review comment.
  for (const file of files) if (file.patch) byFile.set(file.filename, addedLines(file.patch))
  return byFile
}

/** The right-side line numbers of a unified diff's added (`+`) lines. */
export function addedLines(patch: string): Set<number> {
  const lines = new Set<number>()
  let right = 0
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text)
    if (hunk) right = Number(hunk[1])
    else if (right === 0) continue
    else if (text.startsWith('+')) lines.add(right++)
    else if (text.startsWith(' ')) right++
  }
  return lines
}

/** irsa-guard's own review comments by fingerprint (the first of each): by `author` and starting with the marker. */
async function ownReviewComments(
  client: GitHubClient,
  repository: { owner: string; repo: string },
  pullNumber: number,
  author: string,
): Promise<Map<string, OwnComment & { ruleId: string }>> {
  const login = author.toLowerCase()
  const own = new Map<string, OwnComment & { ruleId: string }>()
  const comments = await client.paginate(client.rest.pulls.listReviewComments, {
    ...repository,
    pull_number: pullNumber,
    per_page: 100,
  })
  for (const comment of comments) {
    if (comment.user?.login.toLowerCase() !== login) continue
    const marker = MARKER.exec(comment.body)
    if (!marker || own.has(marker[2]!)) continue
    own.set(marker[2]!, { id: comment.id, ruleId: marker[1]!, fingerprint: marker[2]!, digest: marker[3]! })
  }
  return own
}
