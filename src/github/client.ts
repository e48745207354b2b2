import { firstLine } from '../text/first-line.js'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface RetryPolicy {
  /** Retries of one request after a rate limit or a server error (5xx). */
  maxRetries: number
  /** Longer waits are not worth it in a CI step: the request fails instead. */
  maxWaitSeconds: number
  /** Milliseconds in one of the plugins' seconds (Octokit's `retryAfterBaseValue`); tests shorten it. */
  retryAfterBaseValue: number
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, maxWaitSeconds: 60, retryAfterBaseValue: 1000 }

/**
 * The Octokit client of @actions/github for `baseUrl` (GITHUB_API_URL), with Octokit's throttling plugin
 * (waits as long as GitHub's `retry-after` or rate-limit reset asks, spaces writes) and retry plugin
 * (server errors, backing off 1, 4, 9 seconds), both bounded by `policy`.
 */
export function createGitHubClient(token: string, baseUrl: string, policy: RetryPolicy = DEFAULT_RETRY): GitHubClient {
  const retryWithin = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
    retryCount < policy.maxRetries && retryAfter <= policy.maxWaitSeconds
  return getOctokit(
    token,
    {
      baseUrl,
      throttle: {
        onRateLimit: retryWithin,
        onSecondaryRateLimit: retryWithin,
        // Without retry-after GitHub asks for a minute or more: the request fails instead of holding the step.
        fallbackSecondaryRateRetryAfter: Number.POSITIVE_INFINITY,
        retryAfterBaseValue: policy.retryAfterBaseValue,
      },
      // 429 is the throttling plugin's to wait for; the others are answers a repetition does not change.
      retry: {
        retries: policy.maxRetries,
        retryAfterBaseValue: policy.retryAfterBaseValue,
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
    },
    throttling,
    retry,
  )
}

interface ErrorWithResponse {
  status?: number
  message?: string
  response?: { headers?: Record<string, string | number | undefined> }
}

/** A refusal because of GitHub's primary or secondary rate limit. */
function isRateLimit(error: unknown): boolean {
  const { status, message, response } = (error ?? {}) as ErrorWithResponse
  if (status !== 403 && status !== 429) return false
  const headers = response?.headers ?? {}
  return (
    status === 429 ||
    /rate limit/i.test(message ?? '') ||
    headers['retry-after'] !== undefined ||
    String(headers['x-ratelimit-remaining']) === '0'
  )
}

/** One line about a failed API call: status and GitHub's message, with what a 403 usually means. */
export function describeApiError(error: unknown): string {
  const { status, message } = (error ?? {}) as ErrorWithResponse
  const text = firstLine(message ?? String(error)).replace(/ - https:\/\/docs\.github\.com\S*$/, '')
  if (status === undefined) return text
  return `${status} ${text}`
}

/** A refusal for want of permission (403, or 404 for a token that may not see the repository), not a rate limit. */
export function isPermissionError(error: unknown): boolean {
  const { status } = (error ?? {}) as ErrorWithResponse
  return (status === 403 || status === 404) && !isRateLimit(error)
}
