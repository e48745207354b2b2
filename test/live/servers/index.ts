import { randomBytes } from 'node:crypto'
import { AwsState, loadAwsState } from './aws-state.js'
import { eksServer } from './eks.js'
import type { FakeServer } from './http.js'
import { iamServer } from './iam.js'
import { stsServer } from './sts.js'
import { tokenServer } from './token.js'

export { AwsState, loadAwsState } from './aws-state.js'
export type { FaultRule, RecordedRequest } from './http.js'

/** The auditor role the workflow's token assumes in the fake world. */
export const AUDITOR_ROLE = 'arn:aws:iam::406214073512:role/irsa-guard-auditor'

/** The four fake endpoints (IAM, STS, EKS, the runner's token endpoint) over one shared AWS state. */
export class FakeAws {
  readonly state: AwsState
  readonly iam: FakeServer
  readonly sts: FakeServer
  readonly eks: FakeServer
  readonly token: FakeServer
  /** The runner's ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  readonly requestToken = 'runner-' + randomBytes(24).toString('hex')

  constructor(state = new AwsState(), options: { pageSize?: number } = {}) {
    this.state = state
    this.iam = iamServer(state, options)
    this.sts = stsServer(state)
    this.eks = eksServer(state)
    this.token = tokenServer(state, this.requestToken)
    state.webIdentityRoles.add(AUDITOR_ROLE)
  }

  static fromYaml(text: string, options: { pageSize?: number } = {}): FakeAws {
    return new FakeAws(loadAwsState(text), options)
  }

  async start(): Promise<this> {
    await Promise.all([this.iam.start(), this.sts.start(), this.eks.start(), this.token.start()])
    return this
  }

  async stop(): Promise<void> {
    await Promise.all([this.iam.stop(), this.sts.stop(), this.eks.stop(), this.token.stop()])
  }

  servers(): FakeServer[] {
    return [this.iam, this.sts, this.eks, this.token]
  }

  requestCount(): number {
    return this.servers().reduce((sum, server) => sum + server.requests.length, 0)
  }

  /** The SDK's service endpoint settings, pointing at the fake servers. */
  endpointEnv(): Record<string, string> {
    return {
      AWS_ENDPOINT_URL_IAM: this.iam.url,
      AWS_ENDPOINT_URL_STS: this.sts.url,
      AWS_ENDPOINT_URL_EKS: this.eks.url,
    }
  }

  /** What the runner sets with `permissions: id-token: write`. */
  tokenEnv(): Record<string, string> {
    return {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${this.token.url}/_apis/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.requestToken,
    }
  }
}
