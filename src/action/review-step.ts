import path from 'node:path'
import { confinementFor, readFileBytes } from '../discover/file-bytes.js'
import { describeApiError, isPermissionError, type GitHubClient } from '../github/client.js'
import type { GitHubContext } from '../github/context.js'
import { publishReviewComments, REVIEW_COMMENT_CAP } from '../github/review.js'
import type { Finding } from '../model/finding.js'
import { plural } from '../report/counts.js'
import type { ActionLog } from './run.js'

/** A scanned file is read again for its lines; the scan's own limit is far below this. */
const MAX_REVIEWED_FILE_BYTES = 64 * 1024 * 1024

export interface ReviewStepOutcome {
  /** Why no review comments (or not all) could be written, for the step's one notice. */
  problems: string[]
  /** A line for the job summary, when the cap left findings without a review comment. */
  summaryNote: string
}

/** The `review: true` input: review comments on the pull request's added lines; outside pull requests, nothing. */
export async function runReviewStep(
  { workspace, commentAuthor }: { workspace: string; commentAuthor: string },
  log: ActionLog,
  client: GitHubClient | undefined,
  github: GitHubContext | undefined,
  findings: readonly Finding[],
): Promise<ReviewStepOutcome> {
  if (!client) return { problems: ['the review input needs the github-token input'], summaryNote: '' }
  const pullRequest = github?.pullRequest
  if (!github || !pullRequest) {
    log.info('irsa-guard review: not a pull_request event, no review comments')
    return { problems: [], summaryNote: '' }
  }
  const headSha = pullRequest.headSha ?? github.headSha
  if (!headSha) return { problems: ['no review comments: the pull request head commit is not known'], summaryNote: '' }
  try {
    const outcome = await publishReviewComments({
      client,
      repository: { owner: github.owner, repo: github.repo },
      serverUrl: github.serverUrl,
      pullNumber: pullRequest.number,
      headSha,
      findings,
      author: commentAuthor,
      readWorkspaceFile: async (relative) => {
        const absolute = path.resolve(workspace, relative)
        const within = confinementFor(absolute, workspace)
        if (within === undefined) return undefined
        const read = readFileBytes(absolute, { within, limit: MAX_REVIEWED_FILE_BYTES })
        return read.ok ? read.bytes.toString('utf8') : undefined
      },
    })
    log.info(
      `irsa-guard review comments: ${outcome.created} created, ${outcome.updated} updated, ${outcome.fixed} marked fixed, ${outcome.unchanged} unchanged`,
    )
    const summaryNote =
      outcome.capped > 0
        ? `\n_${plural(outcome.capped, 'more finding')} on lines this pull request adds got no review comment (irsa-guard writes at most ${REVIEW_COMMENT_CAP} a run)._\n`
        : ''
    return { problems: [], summaryNote }
  } catch (error) {
    return {
      problems: [
        `review comments could not be written (${describeApiError(error)}${isPermissionError(error) ? '; they need `permissions: pull-requests: write`' : ''})`,
      ],
      summaryNote: '',
    }
  }
}
