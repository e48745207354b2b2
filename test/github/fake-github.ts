import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { OpenApiDescription } from './openapi.js'

export const OWNER = 'octo-org'
export const REPO = 'payments-platform'

/** What a token may do, as a workflow's `permissions:` grants it. */
export interface TokenPermissions {
  checks: 'read' | 'write'
  pullRequests: 'read' | 'write'
}

export const WRITE_TOKEN = 'ghs_write0000000000000000000000000000000'
export const READ_ONLY_TOKEN = 'ghs_readonly000000000000000000000000000'

export interface RecordedCall {
  method: string
  path: string
  query: Record<string, string>
  operationId?: string
  body?: unknown
  status: number
  at: number
  /** Why the request does not match GitHub's OpenAPI description. */
  violation?: string
}

export interface StoredCheckRun {
  id: number
  name: string
  head_sha: string
  status: string
  conclusion?: string
  details_url?: string
  title?: string
  summary?: string
  annotations: Record<string, unknown>[]
}

export interface StoredComment {
  id: number
  body: string
  user: string
}

export interface StoredReviewComment extends StoredComment {
  path: string
  line: number
  commit_id: string
}

/**
 * The next `times` requests of an operation are refused with a secondary rate limit asking to retry after
 * `retryAfter` seconds, or, with `status` 5xx, fail as a GitHub outage answers.
 */
export interface RateLimitFault {
  operationId: string
  times: number
  /** Without it, GitHub's advice is to wait a minute or more. */
  retryAfter?: string
  status?: 403 | 500 | 502 | 503
}

/**
 * A small GitHub REST API on 127.0.0.1 for the calls irsa-guard makes. Every request is checked
 * against GitHub's OpenAPI description (path template, method, parameters, JSON body); one that
 * does not match is answered 422 and recorded as a violation.
 */
export class FakeGitHub {
  readonly calls: RecordedCall[] = []
  readonly checkRuns: StoredCheckRun[] = []
  readonly comments = new Map<number, StoredComment[]>()
  readonly pullRequestFiles = new Map<
    number,
    { filename: string; status: string; previous_filename?: string; patch?: string }[]
  >()
  readonly reviewComments = new Map<number, StoredReviewComment[]>()
  /** File contents by `<ref>:<path>`, for repos/get-content. */
  readonly contents = new Map<string, string>()
  readonly faults: RateLimitFault[] = []
  readonly tokens = new Map<string, TokenPermissions>([
    [WRITE_TOKEN, { checks: 'write', pullRequests: 'write' }],
    [READ_ONLY_TOKEN, { checks: 'read', pullRequests: 'read' }],
  ])
  /** The account each token acts as; the workflow's GITHUB_TOKEN comments as github-actions[bot]. */
  readonly logins = new Map<string, string>([
    [WRITE_TOKEN, 'github-actions[bot]'],
    [READ_ONLY_TOKEN, 'github-actions[bot]'],
  ])
  private nextId = 4_100_000
  private server: Server | undefined

  constructor(private readonly description = sharedDescription()) {}

  /** Base URL for GITHUB_API_URL. */
  url = ''

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => this.handle(request, Buffer.concat(chunks).toString('utf8'), response))
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  get violations(): string[] {
    return this.calls.flatMap((call) => (call.violation ? [`${call.method} ${call.path}: ${call.violation}`] : []))
  }

  callsOf(operationId: string): RecordedCall[] {
    return this.calls.filter((call) => call.operationId === operationId)
  }

  /** Comments on a pull request by other people, to push the marked one onto a later page. */
  addComments(pullNumber: number, count: number, user = 'reviewer'): void {
    const list = this.comments.get(pullNumber) ?? []
    for (let index = 0; index < count; index++) list.push({ id: this.nextId++, body: `Looks good ${index}`, user })
    this.comments.set(pullNumber, list)
  }

  /** One comment on a pull request by `user`; returns its id. */
  addComment(pullNumber: number, body: string, user: string): number {
    const comment: StoredComment = { id: this.nextId++, body, user }
    this.comments.set(pullNumber, [...(this.comments.get(pullNumber) ?? []), comment])
    return comment.id
  }

  private handle(request: IncomingMessage, rawBody: string, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', this.url)
    const call: RecordedCall = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      at: Date.now(),
    }
    this.calls.push(call)
    const reply = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      call.status = status
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
      response.end(JSON.stringify(data))
    }
    try {
      call.body = rawBody ? JSON.parse(rawBody) : undefined
    } catch {
      call.body = rawBody
    }

    const verdict = this.description.check(call.method, url, rawBody)
    if (verdict.operation) call.operationId = verdict.operation.operationId
    if (!verdict.ok) {
      call.violation = verdict.problem
      return reply(422, {
        message: 'Validation Failed',
        errors: [verdict.problem],
        documentation_url: 'https://docs.github.com/rest',
        status: '422',
      })
    }
    const token = /^(?:token|Bearer) (.+)$/i.exec(request.headers.authorization ?? '')?.[1]
    const permissions = token ? this.tokens.get(token) : undefined
    if (!permissions)
      return reply(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      })

    const fault = this.faults.find(
      (candidate) => candidate.operationId === verdict.operation.operationId && candidate.times > 0,
    )
    if (fault) {
      fault.times--
      if (fault.status !== undefined && fault.status >= 500)
        return reply(fault.status, { message: 'Server Error', status: String(fault.status) })
      return reply(
        403,
        {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: '403',
        },
        fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter },
      )
    }
    const { operationId, pathParameters } = verdict.operation
    if (pathParameters.owner !== OWNER || pathParameters.repo !== REPO)
      return reply(404, { message: 'Not Found', status: '404' })
    const body = (call.body ?? {}) as Record<string, unknown>
    const denied = (documentation: string) =>
      reply(403, {
        message: 'Resource not accessible by integration',
        documentation_url: `https://docs.github.com/rest/${documentation}`,
        status: '403',
      })

    switch (operationId) {
      case 'checks/create': {
        if (permissions.checks !== 'write') return denied('checks/runs#create-a-check-run')
        const output = (body.output ?? {}) as {
          title?: string
          summary?: string
          annotations?: Record<string, unknown>[]
        }
        const run: StoredCheckRun = {
          id: this.nextId++,
          name: String(body.name),
          head_sha: String(body.head_sha),
          status: body.conclusion ? 'completed' : String(body.status ?? 'queued'),
          annotations: [...(output.annotations ?? [])],
        }
        if (body.conclusion) run.conclusion = String(body.conclusion)
        if (body.details_url) run.details_url = String(body.details_url)
        if (output.title !== undefined) run.title = output.title
        if (output.summary !== undefined) run.summary = output.summary
        this.checkRuns.push(run)
        return reply(201, this.checkRunResponse(run))
      }
      case 'checks/update': {
        if (permissions.checks !== 'write') return denied('checks/runs#update-a-check-run')
        const run = this.checkRuns.find((candidate) => candidate.id === Number(pathParameters.check_run_id))
        if (!run) return reply(404, { message: 'Not Found', status: '404' })
        const output = (body.output ?? {}) as {
          title?: string
          summary?: string
          annotations?: Record<string, unknown>[]
        }
        run.annotations.push(...(output.annotations ?? []))
        if (output.title !== undefined) run.title = output.title
        if (output.summary !== undefined) run.summary = output.summary
        if (body.status) run.status = String(body.status)
        if (body.conclusion) {
          run.conclusion = String(body.conclusion)
          run.status = 'completed'
        }
        return reply(200, this.checkRunResponse(run))
      }
      case 'pulls/list-files': {
        const files = this.pullRequestFiles.get(Number(pathParameters.pull_number))
        if (!files) return reply(404, { message: 'Not Found', status: '404' })
        // GitHub lists at most 3,000 files of a pull request.
        const page = this.page(url, files.slice(0, 3000))
        return reply(
          200,
          page.items.map((file) => ({
            sha: 'bbcd538c8e72b8c175046e27cc8f907076331401',
            filename: file.filename,
            status: file.status,
            additions: 1,
            deletions: 1,
            changes: 2,
            blob_url: `https://github.com/${OWNER}/${REPO}/blob/head/${file.filename}`,
            raw_url: `https://github.com/${OWNER}/${REPO}/raw/head/${file.filename}`,
            contents_url: `${this.url}/repos/${OWNER}/${REPO}/contents/${file.filename}?ref=head`,
            ...(file.previous_filename ? { previous_filename: file.previous_filename } : {}),
            ...(file.patch !== undefined ? { patch: file.patch } : {}),
          })),
          page.headers,
        )
      }
      case 'issues/list-comments': {
        const comments = this.comments.get(Number(pathParameters.issue_number)) ?? []
        const page = this.page(url, comments)
        return reply(
          200,
          page.items.map((comment) => this.commentResponse(Number(pathParameters.issue_number), comment)),
          page.headers,
        )
      }
      case 'issues/create-comment': {
        if (permissions.pullRequests !== 'write') return denied('issues/comments#create-an-issue-comment')
        const number = Number(pathParameters.issue_number)
        const comment: StoredComment = {
          id: this.nextId++,
          body: String(body.body),
          user: this.logins.get(token!) ?? 'github-actions[bot]',
        }
        this.comments.set(number, [...(this.comments.get(number) ?? []), comment])
        return reply(201, this.commentResponse(number, comment))
      }
      case 'issues/update-comment': {
        if (permissions.pullRequests !== 'write') return denied('issues/comments#update-an-issue-comment')
        for (const [number, comments] of this.comments) {
          const comment = comments.find((candidate) => candidate.id === Number(pathParameters.comment_id))
          if (!comment) continue
          comment.body = String(body.body)
          return reply(200, this.commentResponse(number, comment))
        }
        return reply(404, { message: 'Not Found', status: '404' })
      }
      case 'pulls/list-review-comments': {
        const number = Number(pathParameters.pull_number)
        const page = this.page(url, this.reviewComments.get(number) ?? [])
        return reply(
          200,
          page.items.map((comment) => this.reviewCommentResponse(number, comment)),
          page.headers,
        )
      }
      case 'pulls/create-review-comment': {
        if (permissions.pullRequests !== 'write')
          return denied('pulls/comments#create-a-review-comment-for-a-pull-request')
        const number = Number(pathParameters.pull_number)
        const comment: StoredReviewComment = {
          id: this.nextId++,
          body: String(body.body),
          user: this.logins.get(token!) ?? 'github-actions[bot]',
          path: String(body.path),
          line: Number(body.line),
          commit_id: String(body.commit_id),
        }
        this.reviewComments.set(number, [...(this.reviewComments.get(number) ?? []), comment])
        return reply(201, this.reviewCommentResponse(number, comment))
      }
      case 'pulls/create-review': {
        if (permissions.pullRequests !== 'write') return denied('pulls/reviews#create-a-review-for-a-pull-request')
        const number = Number(pathParameters.pull_number)
        const user = this.logins.get(token!) ?? 'github-actions[bot]'
        const reviewId = this.nextId++
        const comments = ((body.comments ?? []) as { path: string; line?: number; body: string }[]).map((comment) => ({
          id: this.nextId++,
          body: comment.body,
          user,
          path: comment.path,
          line: Number(comment.line),
          commit_id: String(body.commit_id),
        }))
        this.reviewComments.set(number, [...(this.reviewComments.get(number) ?? []), ...comments])
        return reply(200, {
          id: reviewId,
          node_id: `PRR_${reviewId}`,
          user: { login: user, ...accountOf(user) },
          body: String(body.body ?? ''),
          state: 'COMMENTED',
          html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}#pullrequestreview-${reviewId}`,
          pull_request_url: `${this.url}/repos/${OWNER}/${REPO}/pulls/${number}`,
          commit_id: String(body.commit_id),
          author_association: 'NONE',
          _links: { html: { href: '' }, pull_request: { href: '' } },
        })
      }
      case 'pulls/update-review-comment': {
        if (permissions.pullRequests !== 'write')
          return denied('pulls/comments#update-a-review-comment-for-a-pull-request')
        for (const [number, comments] of this.reviewComments) {
          const comment = comments.find((candidate) => candidate.id === Number(pathParameters.comment_id))
          if (!comment) continue
          comment.body = String(body.body)
          return reply(200, this.reviewCommentResponse(number, comment))
        }
        return reply(404, { message: 'Not Found', status: '404' })
      }
      case 'repos/get-content': {
        const filePath = decodeURIComponent(pathParameters.path ?? '')
        const content = this.contents.get(`${url.searchParams.get('ref') ?? ''}:${filePath}`)
        if (content === undefined) return reply(404, { message: 'Not Found', status: '404' })
        return reply(200, {
          type: 'file',
          encoding: 'base64',
          size: Buffer.byteLength(content),
          name: filePath.split('/').at(-1),
          path: filePath,
          content: Buffer.from(content).toString('base64'),
          sha: 'a3b1c2d4e5f60718293a4b5c6d7e8f9012345678',
          url: `${this.url}/repos/${OWNER}/${REPO}/contents/${filePath}`,
          git_url: null,
          html_url: null,
          download_url: null,
          _links: { self: '', git: null, html: null },
        })
      }
      default:
        return reply(404, { message: 'Not Found', status: '404' })
    }
  }

  private reviewCommentResponse(pullNumber: number, comment: StoredReviewComment) {
    return {
      id: comment.id,
      node_id: `PRRC_${comment.id}`,
      url: `${this.url}/repos/${OWNER}/${REPO}/pulls/comments/${comment.id}`,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${pullNumber}#discussion_r${comment.id}`,
      pull_request_url: `${this.url}/repos/${OWNER}/${REPO}/pulls/${pullNumber}`,
      pull_request_review_id: comment.id + 1,
      diff_hunk: '@@ -1,1 +1,1 @@',
      path: comment.path,
      line: comment.line,
      side: 'RIGHT',
      commit_id: comment.commit_id,
      original_commit_id: comment.commit_id,
      body: comment.body,
      user: { login: comment.user, ...accountOf(comment.user) },
      created_at: '2025-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
      author_association: 'NONE',
    }
  }

  /** A page of a list, with GitHub's Link header (per_page defaults to 30, at most 100). */
  private page<T>(url: URL, items: readonly T[]): { items: T[]; headers: Record<string, string> } {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30))
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (target: number, rel: string) => {
      const next = new URL(url)
      next.searchParams.set('page', String(target))
      return `<${next.toString()}>; rel="${rel}"`
    }
    const links: string[] = []
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
    return {
      items: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {},
    }
  }

  private checkRunResponse(run: StoredCheckRun) {
    return {
      id: run.id,
      head_sha: run.head_sha,
      node_id: `CR_${run.id}`,
      external_id: '',
      url: `${this.url}/repos/${OWNER}/${REPO}/check-runs/${run.id}`,
      html_url: `https://github.com/${OWNER}/${REPO}/runs/${run.id}`,
      details_url: run.details_url ?? null,
      status: run.status,
      conclusion: run.conclusion ?? null,
      started_at: new Date().toISOString(),
      completed_at: run.conclusion ? new Date().toISOString() : null,
      output: {
        title: run.title ?? null,
        summary: run.summary ?? null,
        text: null,
        annotations_count: run.annotations.length,
        annotations_url: '',
      },
      name: run.name,
      check_suite: { id: 5 },
      app: null,
      pull_requests: [],
    }
  }

  private commentResponse(issueNumber: number, comment: StoredComment) {
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${this.url}/repos/${OWNER}/${REPO}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${issueNumber}#issuecomment-${comment.id}`,
      body: comment.body,
      user: { login: comment.user, ...accountOf(comment.user) },
      created_at: '2025-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
      issue_url: `${this.url}/repos/${OWNER}/${REPO}/issues/${issueNumber}`,
      author_association: 'NONE',
    }
  }
}

/** github-actions[bot] is GitHub's account 41898282; other accounts get ids of their own, bots by their `[bot]` suffix. */
function accountOf(login: string): { id: number; type: 'Bot' | 'User' } {
  if (login === 'github-actions[bot]') return { id: 41898282, type: 'Bot' }
  const id = 1_000_000 + [...login].reduce((sum, character) => (sum * 31 + character.charCodeAt(0)) % 9_000_000, 7)
  return { id, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
}

let description: OpenApiDescription | undefined

/** The OpenAPI description is loaded and compiled once per test file. */
function sharedDescription(): OpenApiDescription {
  description ??= new OpenApiDescription()
  return description
}
