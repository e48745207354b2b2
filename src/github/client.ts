import { firstLine } from '../text/first-line.js'
import { getOctokit } from '@actions/github'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface RetryPolicy {
  /** Retries of one request after a rate-limit answer. */
  maxRetries: number
  /** Longer waits are not worth it in a CI step: the request fails instead. */
  maxWaitSeconds: number
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, maxWaitSeconds: 60 }

/**
 * The Octokit client of @actions/github for `baseUrl` (GITHUB_API_URL). That client does not retry,
 * so a request answered with a rate limit (403 or 429 with `retry-after`, or an exhausted primary
 * limit that resets soon) is retried after the time GitHub asks for, a bounded number of times.
 */
export function createGitHubClient(token: string, baseUrl: string, retry: RetryPolicy = DEFAULT_RETRY): GitHubClient {
  const client = getOctokit(token, { baseUrl })
  client.hook.wrap('request', async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options)
      } catch (error) {
        const wait = rateLimitWaitSeconds(error)
        if (wait === undefined || attempt >= retry.maxRetries || wait > retry.maxWaitSeconds) throw error
        await new Promise((resolve) => setTimeout(resolve, wait * 1000))
      }
    }
  })
  return client
}

interface ErrorWithResponse {
  status?: number
  message?: string
  response?: { headers?: Record<string, string | number | undefined> }
}

/** Seconds GitHub asks to wait before the request may be repeated, or undefined when the error is not a rate limit. */
export function rateLimitWaitSeconds(error: unknown, now = Date.now()): number | undefined {
  const { status, response } = (error ?? {}) as ErrorWithResponse
  if (status !== 403 && status !== 429) return undefined
  const headers = response?.headers ?? {}
  const retryAfter = headers['retry-after']
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds) && seconds >= 0) return seconds
    const date = Date.parse(String(retryAfter))
    return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000))
  }
  if (String(headers['x-ratelimit-remaining']) === '0' && headers['x-ratelimit-reset'] !== undefined) {
    return Math.max(0, Number(headers['x-ratelimit-reset']) - Math.floor(now / 1000))
  }
  return undefined
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
  const { status, message } = (error ?? {}) as ErrorWithResponse
  return (status === 403 || status === 404) && rateLimitWaitSeconds(error) === undefined && !/rate limit/i.test(message ?? '')
}
