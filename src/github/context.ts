import { readFileSync } from 'node:fs'

/** What the runner tells a step about the repository, the event and the API (from the environment and the event file). */
export interface GitHubContext {
  apiUrl: string
  serverUrl: string
  owner: string
  repo: string
  eventName: string
  /** The commit results belong to: the pull request's head on pull_request events (GITHUB_SHA is then a merge commit), else GITHUB_SHA. */
  headSha?: string
  pullRequest?: { number: number; headSha?: string }
  /** The workflow run's page, where the job summary is shown. */
  runUrl?: string
}

type Environment = Record<string, string | undefined>

/** The context of this run, or undefined outside GitHub Actions (no GITHUB_REPOSITORY). Never throws. */
export function readGitHubContext(env: Environment = process.env): GitHubContext | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) return undefined
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '')
  const context: GitHubContext = {
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, ''),
    serverUrl,
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME ?? '',
  }
  if (env.GITHUB_SHA) context.headSha = env.GITHUB_SHA
  if (env.GITHUB_RUN_ID) context.runUrl = `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
  const pullRequest = readEventPayload(env.GITHUB_EVENT_PATH)?.pull_request
  const number = pullRequest?.number
  if (pullRequest && typeof number === 'number' && Number.isInteger(number)) {
    const headSha = typeof pullRequest.head?.sha === 'string' ? pullRequest.head.sha : undefined
    context.pullRequest = headSha ? { number, headSha } : { number }
    if (headSha) context.headSha = headSha
  }
  return context
}

interface EventPayload {
  pull_request?: { number?: number; head?: { sha?: unknown } }
}

function readEventPayload(file: string | undefined): EventPayload | undefined {
  if (!file) return undefined
  try {
    const payload: unknown = JSON.parse(readFileSync(file, 'utf8'))
    return payload && typeof payload === 'object' ? payload : undefined
  } catch {
    return undefined
  }
}
