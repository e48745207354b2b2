import type { Finding } from '../model/finding.js'
import { checkRunSummary, checkRunTitle, toCheckAnnotation } from '../report/check-run.js'
import { countByLevel } from '../report/counts.js'
import { CheckRunIncompleteError, publishCheckRun, type PublishedCheckRun } from './check-run.js'
import { describeApiError, isPermissionError, type GitHubClient } from './client.js'
import { COMMENT_BODY_LIMIT, upsertStickyComment, type CommentOutcome } from './comment.js'
import type { GitHubContext } from './context.js'

export const CHECK_RUN_NAME = 'irsa-guard'

export interface PublishRequest {
  client: GitHubClient
  github: GitHubContext
  findings: readonly Finding[]
  conclusion: 'success' | 'failure'
  /** The job summary's markdown, cut to fit the check run. */
  summary: string
  /** The sticky comment's body, when `comment: true`. */
  commentBody?: string
  /** The account the token comments as; only its marked comment is updated. */
  commentAuthor?: string
  /** Ids of the security rules, marked in annotation titles. */
  securityRules?: ReadonlySet<string>
}

export interface Published {
  checkRun?: PublishedCheckRun
  comment?: CommentOutcome
  /** Why a surface could not be published, one phrase each, for the one notice of the step. */
  problems: string[]
}

/**
 * The check run with every annotation, in the order of `findings` (the first batches of 50 are the
 * ones that make it when a later request fails), and the sticky comment; failures become problems, never errors.
 */
export async function publishToGitHub(request: PublishRequest): Promise<Published> {
  const { client, github } = request
  const repository = { owner: github.owner, repo: github.repo }
  const published: Published = { problems: [] }

  if (!github.headSha) {
    published.problems.push('no check run: GITHUB_SHA is not set')
  } else {
    try {
      published.checkRun = await publishCheckRun(client, repository, {
        name: CHECK_RUN_NAME,
        headSha: github.headSha,
        title: checkRunTitle(countByLevel(request.findings)),
        summary: checkRunSummary(request.summary, github.runUrl),
        conclusion: request.conclusion,
        annotations: request.findings.map((finding) => toCheckAnnotation(finding, request.securityRules)),
        ...(github.runUrl ? { detailsUrl: github.runUrl } : {}),
      })
    } catch (error) {
      if (error instanceof CheckRunIncompleteError) {
        published.problems.push(
          `the ${CHECK_RUN_NAME} check run holds only ${error.annotated} of ${request.findings.length} annotations (${describeApiError(error.reason)})`,
        )
      } else {
        published.problems.push(
          `no check run could be created (${describeApiError(error)}${isPermissionError(error) ? '; it needs `permissions: checks: write`' : ''})`,
        )
      }
    }
  }

  // Outside pull requests (a push, a schedule) there is nothing to comment on.
  if (request.commentBody !== undefined && github.pullRequest) {
    try {
      const body = request.commentBody.slice(0, COMMENT_BODY_LIMIT)
      published.comment = await upsertStickyComment(
        client,
        repository,
        github.pullRequest.number,
        body,
        request.findings.length > 0,
        request.commentAuthor,
      )
    } catch (error) {
      published.problems.push(
        `the pull request comment could not be written (${describeApiError(error)}${isPermissionError(error) ? '; it needs `permissions: pull-requests: write`' : ''})`,
      )
    }
  }
  return published
}

/** The one notice of a step whose GitHub surfaces fell short; fork pull requests get a read-only token. */
export function problemsNotice(problems: readonly string[], github: GitHubContext | undefined): string | undefined {
  if (problems.length === 0) return undefined
  const denied = problems.some((problem) => problem.includes('permissions:'))
  const fork = denied && github?.pullRequest ? ' (a pull request from a fork gets a read-only token)' : ''
  return `irsa-guard could not publish to GitHub${fork}: ${problems.join('; ')}`
}
