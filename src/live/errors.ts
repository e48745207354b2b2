import { firstLine } from '../text/first-line.js'
import { OutOfTime } from './budget.js'

/** Why an AWS call gave no answer, in the terms a finding uses. */
export type FailureKind =
  | 'missing'
  | 'denied'
  | 'throttled'
  | 'timeout'
  | 'server'
  | 'malformed'
  | 'unreachable'
  | 'failed'
  /** Not attempted: nothing configures credentials for the account. */
  | 'unconfigured'

export interface CallFailure {
  kind: FailureKind
  /** One line: `AccessDenied: User … is not authorized to perform: iam:GetRole`, `timed out after 5s`. */
  text: string
}

const MISSING = new Set(['NoSuchEntity', 'NoSuchEntityException', 'ResourceNotFoundException'])
const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
])
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
])
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
])

/** Sorts an error thrown by an SDK client (after its own retries) or by the budget. */
export function describeFailure(error: unknown): CallFailure {
  if (error instanceof OutOfTime) return { kind: 'timeout', text: error.message }
  const value = (error ?? {}) as {
    name?: string
    Code?: string
    code?: string
    message?: string
    $metadata?: { httpStatusCode?: number }
    $response?: unknown
  }
  const code = value.Code ?? value.name ?? 'Error'
  const message = shortLine(value.message ?? String(error))
  const status = value.$metadata?.httpStatusCode
  if (code === 'AbortError' || code === 'TimeoutError') return { kind: 'timeout', text: 'timed out' }
  if (MISSING.has(code)) return { kind: 'missing', text: `${code}: ${message}` }
  if (DENIED.has(code) || status === 403) return { kind: 'denied', text: `${code}: ${message}` }
  if (THROTTLED.has(code) || status === 429)
    return { kind: 'throttled', text: `${code}: ${message} (still throttled after the SDK's retries)` }
  if (/Deserialization error|XML parse error/i.test(value.message ?? '') || code === 'SyntaxError') {
    return { kind: 'malformed', text: `the answer could not be read: ${message}` }
  }
  if (status !== undefined && status >= 500)
    return { kind: 'server', text: `${code}: ${message} (HTTP ${status} after the SDK's retries)` }
  const network =
    value.code !== undefined && UNREACHABLE.has(value.code)
      ? value.code
      : [...UNREACHABLE].find((each) => message.includes(each))
  if (network) return { kind: 'unreachable', text: `${network}: ${message}` }
  return { kind: 'failed', text: `${code}: ${message}` }
}

/** The first line, cut to 240 characters. */
function shortLine(text: string): string {
  const line = firstLine(text).trim()
  return line.length > 240 ? `${line.slice(0, 237)}...` : line
}
