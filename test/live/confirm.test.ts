import { rm } from 'node:fs/promises'
import { linesOf } from '../helpers.js'
import { AUDITOR_ACCOUNT, FakeAws, liveCheck, type LiveRun } from './helpers.js'
import { AwsState } from './servers/index.js'
import { ISSUER, matchingState, writeRepository, type Workload } from './world.js'

const WORKLOADS: Workload[] = [
  { namespace: 'payments', name: 'api', role: 'payments-api' },
  { namespace: 'payments', name: 'worker', role: 'payments-api' },
  { namespace: 'orders', name: 'reader', role: 'orders-reader' },
  { namespace: 'reports', name: 'exporter', role: 'reports-exporter' },
  { namespace: 'search', name: 'indexer', role: 'search-indexer' },
]

describe('live confirmation with the real SDK v3 clients against fake IAM, STS and EKS endpoints', () => {
  let root: string
  let aws: FakeAws

  async function confirm(
    workloads: Workload[],
    inputs: Record<string, string> = {},
    configure: (aws: FakeAws) => void = () => {},
  ): Promise<LiveRun> {
    root = await writeRepository(workloads)
    aws = await new FakeAws(matchingState(new AwsState(), workloads), { pageSize: 2 }).start()
    configure(aws)
    const keys = aws.state.addAccessKey(AUDITOR_ACCOUNT)
    return liveCheck(
      root,
      aws,
      { clusters: 'prod', 'aws-region': 'eu-central-1', ...inputs },
      { AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey },
    )
  }

  afterEach(async () => {
    await aws?.stop()
    if (root) await rm(root, { recursive: true, force: true })
  })

  it('confirms a matching account without a finding, reading each role, provider and cluster once', async () => {
    const run = await confirm(WORKLOADS)
    expect(run.outcome.ran).toBe(true)
    expect(run.result.findings).toEqual([])
    // payments/api and payments/worker share a role: one GetRole.
    expect(
      aws.iam
        .calls('GetRole')
        .map((request) => request.params.RoleName)
        .sort(),
    ).toEqual(['orders-reader', 'payments-api', 'reports-exporter', 'search-indexer'])
    expect(aws.iam.calls('ListOpenIDConnectProviders')).toHaveLength(1)
    expect(aws.iam.calls('GetOpenIDConnectProvider').map((request) => request.params.OpenIDConnectProviderArn)).toEqual(
      [`arn:aws:iam::406214073512:oidc-provider/${ISSUER}`],
    )
    expect(aws.eks.calls('DescribeCluster').map((request) => [request.params.name, request.region])).toEqual([
      ['prod', 'eu-central-1'],
    ])
    // Every IAM and EKS call is signed with the auditor's keys; STS only answered GetCallerIdentity.
    expect(
      new Set([...aws.iam.requests, ...aws.eks.requests].map((request) => aws.state.accountOf(request.accessKeyId))),
    ).toEqual(new Set(['406214073512']))
    expect(aws.sts.requests.map((request) => request.action)).toEqual(['GetCallerIdentity'])
    expect(aws.iam.requests.every((request) => String(request.headers['user-agent']).includes('irsa-guard/'))).toBe(
      true,
    )
  })

  it('follows IsTruncated/Marker through every page of the policy listings', async () => {
    const run = await confirm([{ namespace: 'ledger', name: 'writer', role: 'ledger-writer' }], {}, (aws) => {
      aws.state.roles[0]!.attachedPolicies = ['a', 'b', 'c', 'd', 'e'].map(
        (name) => `arn:aws:iam::406214073512:policy/ledger-${name}`,
      )
      aws.state.roles[0]!.inlinePolicies = ['ledger-inline-1', 'ledger-inline-2', 'ledger-inline-3']
    })
    const markers = (action: string) =>
      aws.iam
        .calls(action)
        .map((request) =>
          request.params.Marker === undefined ? 'first' : Buffer.from(request.params.Marker, 'base64').toString(),
        )
    expect(markers('ListAttachedRolePolicies')).toEqual(['first', '2', '4'])
    expect(markers('ListRolePolicies')).toEqual(['first', '2'])
    expect(
      run.outcome.ran && run.outcome.observations.roles.map((role) => [role.name, role.permissionPolicyCount]),
    ).toEqual([['ledger-writer', 8]])
  })

  it('keeps at most 4 calls in flight', async () => {
    const many = Array.from({ length: 10 }, (_, index): Workload => ({
      namespace: 'team',
      name: `app-${index}`,
      role: `app-${index}`,
    }))
    const run = await confirm(many, {}, (aws) =>
      aws.iam.fault({ action: 'GetRole', fault: { kind: 'delay', ms: 150 } }),
    )
    expect(run.result.findings).toEqual([])
    expect(aws.iam.calls('GetRole')).toHaveLength(10)
    expect(aws.iam.maxInFlight).toBe(4)
  })

  it('rides out a burst of throttling with the SDK’s adaptive retries', async () => {
    const run = await confirm(WORKLOADS, {}, (aws) =>
      aws.iam.fault({ times: 5, fault: { kind: 'error', status: 400, code: 'Throttling', message: 'Rate exceeded' } }),
    )
    expect(run.result.findings).toEqual([])
    // Each throttled request was sent again, with the same parameters.
    const distinct = new Set(aws.iam.requests.map((request) => JSON.stringify([request.action, request.params])))
    expect(aws.iam.requests.length - distinct.size).toBe(5)
  })

  it('turns each call that stays broken into one live-check-incomplete note, asserts nothing about it, and ends within the budget', async () => {
    const started = Date.now()
    const run = await confirm(WORKLOADS, { 'live-timeout-seconds': '9' }, (aws) => {
      const forRole = (name: string) => (request: { params: Record<string, string> }) =>
        request.params.RoleName === name
      aws.iam.fault({
        action: 'GetRole',
        when: forRole('payments-api'),
        fault: {
          kind: 'error',
          status: 500,
          code: 'ServiceFailure',
          message: 'Request processing has failed due to an unknown error.',
        },
      })
      aws.iam.fault({ action: 'GetRole', when: forRole('orders-reader'), fault: { kind: 'delay', ms: 30_000 } })
      for (const action of ['ListAttachedRolePolicies', 'ListRolePolicies']) {
        aws.iam.fault({
          action,
          when: forRole('reports-exporter'),
          fault: {
            kind: 'error',
            status: 403,
            code: 'AccessDenied',
            message: `User: arn:aws:iam::406214073512:user/ci is not authorized to perform: iam:${action}`,
          },
        })
      }
      // The listing fails; GetOpenIDConnectProvider still tells.
      aws.iam.fault({
        action: 'ListOpenIDConnectProviders',
        fault: { kind: 'error', status: 400, code: 'Throttling', message: 'Rate exceeded' },
      })
      aws.eks.fault({ fault: { kind: 'malformed' } })
    })
    const elapsed = Date.now() - started
    expect(linesOf(run.result)).toEqual([
      'k8s/orders-reader.yaml:7:33: note: cluster prod in account 406214073512, eu-central-1 could not be confirmed live: eks:DescribeCluster failed (the answer could not be read: Unterminated string in JSON at position 55); run the check again; if it persists, check the AWS endpoint settings [live-check-incomplete]',
      'k8s/orders-reader.yaml:7:33: note: role orders-reader in account 406214073512 could not be confirmed live: iam:GetRole failed (timed out after 3s); raise live-timeout-seconds (now 9), or check that the AWS endpoint is reachable [live-check-incomplete]',
      "k8s/payments-api.yaml:7:33: note: role payments-api in account 406214073512 could not be confirmed live: iam:GetRole failed (ServiceFailure: Request processing has failed due to an unknown error. (HTTP 500 after the SDK's retries)); run the check again; if it persists, check the AWS endpoint settings [live-check-incomplete]",
      'k8s/reports-exporter.yaml:7:33: note: the permission policies of role reports-exporter in account 406214073512 could not be confirmed live: iam:ListAttachedRolePolicies failed (AccessDenied: User: arn:aws:iam::406214073512:user/ci is not authorized to perform: iam:ListAttachedRolePolicies); allow iam:ListAttachedRolePolicies to the auditor role (see the permission policy in the README) [live-check-incomplete]',
      'k8s/reports-exporter.yaml:7:33: note: the permission policies of role reports-exporter in account 406214073512 could not be confirmed live: iam:ListRolePolicies failed (AccessDenied: User: arn:aws:iam::406214073512:user/ci is not authorized to perform: iam:ListRolePolicies); allow iam:ListRolePolicies to the auditor role (see the permission policy in the README) [live-check-incomplete]',
    ])
    // The SDK retried the 500 (3 attempts); AccessDenied is not retried.
    expect(aws.iam.calls('GetRole').filter((request) => request.params.RoleName === 'payments-api')).toHaveLength(3)
    expect(
      aws.iam.calls('ListRolePolicies').filter((request) => request.params.RoleName === 'reports-exporter'),
    ).toHaveLength(1)
    expect(elapsed).toBeLessThan(9_000)
  })

  it('stops at the budget: calls it had no time for are gaps too, and the run ends on time', async () => {
    const started = Date.now()
    const run = await confirm(WORKLOADS, { 'live-timeout-seconds': '2' }, (aws) => {
      aws.iam.fault({ action: 'GetRole', fault: { kind: 'delay', ms: 30_000 } })
      aws.eks.fault({ fault: { kind: 'delay', ms: 30_000 } })
    })
    const elapsed = Date.now() - started
    expect(elapsed).toBeLessThan(2_000 + 1_500)
    const notes = linesOf(run.result)
    expect(notes).toHaveLength(5)
    expect(
      notes.every((line) => line.includes('could not be confirmed live') && line.endsWith('[live-check-incomplete]')),
    ).toBe(true)
    expect(notes.filter((line) => line.includes(': iam:GetRole failed (timed out after 1s)'))).toHaveLength(4)
    expect(
      notes.filter((line) =>
        /: eks:DescribeCluster failed \((timed out after 1(\.0)?s|not attempted: the live-timeout-seconds budget was spent)\)/.test(
          line,
        ),
      ),
    ).toHaveLength(1)
  })
})
