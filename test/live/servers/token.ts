import { randomBytes } from 'node:crypto'
import type { AwsState } from './aws-state.js'
import { FakeServer, type RecordedRequest, type Reply, type ServiceProtocol } from './http.js'

/**
 * The runner's OIDC token endpoint (`ACTIONS_ID_TOKEN_REQUEST_URL`): a GET with the bearer
 * `ACTIONS_ID_TOKEN_REQUEST_TOKEN` and `&audience=…` answers `{"value": "<jwt>"}`.
 */
export function tokenServer(state: AwsState, requestToken: string): FakeServer {
  return new FakeServer(tokenProtocol(state, requestToken))
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function tokenProtocol(state: AwsState, requestToken: string): ServiceProtocol {
  const error = (status: number, code: string, message: string): Reply => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: `${code}: ${message}` }),
  })
  return {
    name: 'token',
    decode(request) {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1')
      return { action: 'token', params: Object.fromEntries(url.searchParams) }
    },
    error,
    malformed: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"count": 1}' }),
    answer(request: RecordedRequest): Reply {
      if (request.headers.authorization !== `Bearer ${requestToken}`)
        return error(401, 'Unauthorized', 'bad request token')
      const now = Math.floor(Date.now() / 1000)
      const jwt = [
        base64url({ typ: 'JWT', alg: 'RS256', kid: '38826b17' }),
        base64url({
          iss: 'https://token.actions.githubusercontent.com',
          aud: request.params.audience ?? 'https://github.com/acme',
          sub: 'repo:acme/platform:pull_request',
          repository: 'acme/platform',
          iat: now,
          exp: now + 300,
          jti: randomBytes(8).toString('hex'),
        }),
        randomBytes(64).toString('base64url'),
      ].join('.')
      state.issuedIdTokens.add(jwt)
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 1, value: jwt }),
      }
    },
  }
}
