import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request a fake service received, after decoding. */
export interface RecordedRequest {
  service: string
  /** The operation: `GetRole`, `DescribeCluster`, `token`. */
  action: string
  params: Record<string, string>
  /** The access key id of the SigV4 Authorization header, when signed. */
  accessKeyId?: string
  /** The region of the SigV4 credential scope, when signed. */
  region?: string
  headers: http.IncomingHttpHeaders
}

export interface Reply {
  status: number
  headers?: Record<string, string>
  body: string
}

/** What a fault rule does to a matching request instead of (or before) answering it. */
export type Fault =
  | { kind: 'error'; status: number; code: string; message: string }
  | { kind: 'delay'; ms: number }
  | { kind: 'malformed' }
  /** This answer, whatever the protocol would say (a proxy's HTML page, an empty 200). */
  | { kind: 'reply'; reply: Reply }
  /** Takes the request and never answers (until the server stops). */
  | { kind: 'silence' }

export interface FaultRule {
  service?: string
  action?: string
  when?: (request: RecordedRequest) => boolean
  /** How many matching requests it applies to (default: all). */
  times?: number
  fault: Fault
}

export interface ServiceProtocol {
  name: string
  decode(request: http.IncomingMessage, body: string): { action: string; params: Record<string, string> }
  answer(request: RecordedRequest): Reply
  error(status: number, code: string, message: string): Reply
  /** A 200 answer whose body is cut short or not the protocol's format. */
  malformed(request: RecordedRequest): Reply
}

/** A fake AWS (or runner) endpoint on 127.0.0.1: records every request and applies fault rules first. */
export class FakeServer {
  readonly requests: RecordedRequest[] = []
  readonly faults: FaultRule[] = []
  /** The most requests it was answering at the same time. */
  maxInFlight = 0
  private inFlight = 0
  private readonly delays = new Set<() => void>()
  private readonly silenced = new Set<() => void>()
  private server?: http.Server
  url = ''

  constructor(private readonly protocol: ServiceProtocol) {}

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => {
      let body = ''
      request.setEncoding('utf8')
      request.on('data', (chunk: string) => (body += chunk))
      request.on('end', () => void this.serve(request, body, response))
    })
    // AWS endpoints keep idle connections open for minutes; Node's 5 s default would reset sockets the SDK reuses.
    this.server.keepAliveTimeout = 120_000
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.url
  }

  async stop(): Promise<void> {
    if (!this.server) return
    for (const release of this.delays) release()
    for (const release of this.silenced) release()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
  }

  fault(rule: FaultRule): this {
    this.faults.push(rule)
    return this
  }

  /** Requests of one action (all when none is named). */
  calls(action?: string): RecordedRequest[] {
    return this.requests.filter((request) => action === undefined || request.action === action)
  }

  private async serve(request: http.IncomingMessage, body: string, response: http.ServerResponse): Promise<void> {
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    try {
      await this.reply(request, body, response)
    } finally {
      this.inFlight--
    }
  }

  private async reply(request: http.IncomingMessage, body: string, response: http.ServerResponse): Promise<void> {
    let reply: Reply
    try {
      const { action, params } = this.protocol.decode(request, body)
      const signed = /Credential=([^/]+)\/\d{8}\/([^/]+)\//.exec(request.headers.authorization ?? '')
      const recorded: RecordedRequest = {
        service: this.protocol.name,
        action,
        params,
        headers: request.headers,
        ...(signed ? { accessKeyId: signed[1]!, region: signed[2]! } : {}),
      }
      this.requests.push(recorded)
      reply = await this.applyFaults(recorded)
    } catch (error) {
      reply = this.protocol.error(400, 'InvalidRequest', String(error))
    }
    if (response.destroyed) return
    response.writeHead(reply.status, { 'content-length': Buffer.byteLength(reply.body), ...reply.headers })
    response.end(reply.body)
  }

  private async applyFaults(request: RecordedRequest): Promise<Reply> {
    for (const rule of this.faults) {
      if (rule.service !== undefined && rule.service !== request.service) continue
      if (rule.action !== undefined && rule.action !== request.action) continue
      if (rule.when && !rule.when(request)) continue
      if (rule.times !== undefined) {
        if (rule.times <= 0) continue
        rule.times--
      }
      const fault = rule.fault
      if (fault.kind === 'delay') {
        await this.sleep(fault.ms)
        continue
      }
      if (fault.kind === 'malformed') return this.protocol.malformed(request)
      if (fault.kind === 'reply') return fault.reply
      if (fault.kind === 'silence') {
        await new Promise<void>((resolve) => this.silenced.add(resolve))
        return this.protocol.error(503, 'ServiceUnavailable', 'the server stopped')
      }
      return this.protocol.error(fault.status, fault.code, fault.message)
    }
    return this.protocol.answer(request)
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer)
        this.delays.delete(release)
        resolve()
      }
      const timer = setTimeout(release, ms)
      this.delays.add(release)
    })
  }
}

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** `<name>text</name>`, escaped. */
export function element(name: string, text: string | number | boolean): string {
  return `<${name}>${xmlEscape(String(text))}</${name}>`
}

/** `<name><member>…</member>…</name>`: how the Query protocol writes lists. */
export function members(name: string, items: readonly string[]): string {
  return `<${name}>${items.map((item) => `<member>${item}</member>`).join('')}</${name}>`
}

export function requestId(): string {
  return crypto.randomUUID()
}

/** The parameters of an AWS Query protocol request body (application/x-www-form-urlencoded). */
export function decodeQuery(body: string): { action: string; params: Record<string, string> } {
  const params = Object.fromEntries(new URLSearchParams(body))
  const { Action: action = '', ...rest } = params
  return { action, params: rest }
}
