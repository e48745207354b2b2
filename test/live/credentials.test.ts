import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { linesOf } from '../helpers.js'
import { AUDITOR_ACCOUNT, AUDITOR_ROLE, FakeAws, liveCheck } from './helpers.js'
import { AwsState } from './servers/index.js'
import { matchingState, writeRepository, type Workload } from './world.js'

const WORKLOADS: Workload[] = [{ namespace: 'payments', name: 'api', role: 'payments-api' }]
const NO_TOKEN_MESSAGE =
  "role-to-assume needs the workflow's OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: the job needs `permissions: id-token: write`"

describe('live credentials', () => {
  let root: string
  let aws: FakeAws

  async function start(workloads = WORKLOADS): Promise<void> {
    root = await writeRepository(workloads)
    aws = await new FakeAws(matchingState(new AwsState(), workloads)).start()
  }

  afterEach(async () => {
    await aws?.stop()
    if (root) await rm(root, { recursive: true, force: true })
  })

  it('exchanges the workflow’s OIDC token (audience sts.amazonaws.com) for the auditor role and masks every secret', async () => {
    await start()
    const run = await liveCheck(
      root,
      aws,
      { 'role-to-assume': AUDITOR_ROLE, 'role-session-name': 'pr-1234' },
      aws.tokenEnv(),
    )
    expect(run.outcome.ran && run.outcome.credentials).toBe(
      `role ${AUDITOR_ROLE} assumed with the workflow's OIDC token`,
    )
    expect(run.result.findings).toEqual([])

    const [tokenRequest, ...more] = aws.token.requests
    expect(more).toEqual([])
    expect(tokenRequest!.params).toEqual({ 'api-version': '2.0', audience: 'sts.amazonaws.com' })
    expect(tokenRequest!.headers.authorization).toBe(`Bearer ${aws.requestToken}`)

    const [token] = aws.state.issuedIdTokens
    const [assume, ...others] = aws.sts.requests
    expect(others).toEqual([])
    expect(assume!.action).toBe('AssumeRoleWithWebIdentity')
    expect(assume!.params).toMatchObject({
      RoleArn: AUDITOR_ROLE,
      RoleSessionName: 'pr-1234',
      WebIdentityToken: token,
      DurationSeconds: '900',
    })
    expect(assume!.headers.authorization).toBeUndefined()

    const session = [...aws.state.credentials.values()].find((issued) => issued.roleArn === AUDITOR_ROLE)!
    expect(new Set(aws.iam.requests.map((request) => request.accessKeyId))).toEqual(new Set([session.accessKeyId]))
    expect(run.masked).toEqual([token, session.accessKeyId, session.secretAccessKey, session.sessionToken])
  })

  it('says that `permissions: id-token: write` is required when the runner offers no token, and calls nothing', async () => {
    await start()
    const run = await liveCheck(root, aws, { 'role-to-assume': AUDITOR_ROLE })
    expect(run.outcome).toEqual({ ran: false, reason: NO_TOKEN_MESSAGE })
    expect(aws.requestCount()).toBe(0)
  })

  it('tells a pull request from a fork that it gets no OIDC token', async () => {
    await start()
    const event = path.join(await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-event-')), 'event.json')
    await writeFile(
      event,
      JSON.stringify({
        pull_request: {
          head: { repo: { full_name: 'someone/platform', fork: true } },
          base: { repo: { full_name: 'acme/platform' } },
        },
      }),
    )
    const run = await liveCheck(
      root,
      aws,
      { 'role-to-assume': AUDITOR_ROLE },
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event },
    )
    expect(run.outcome).toEqual({
      ran: false,
      reason: `${NO_TOKEN_MESSAGE} (pull requests from forks get no OIDC token, whatever the permissions say)`,
    })
    await rm(path.dirname(event), { recursive: true })
  })

  it('reports STS refusing the auditor role', async () => {
    await start()
    aws.state.webIdentityRoles.clear()
    const run = await liveCheck(root, aws, { 'role-to-assume': AUDITOR_ROLE }, aws.tokenEnv())
    expect(run.outcome).toEqual({
      ran: false,
      reason: `sts:AssumeRoleWithWebIdentity for ${AUDITOR_ROLE} failed: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity`,
    })
  })

  it('without role-to-assume, uses the SDK’s default chain and asks STS whose credentials they are', async () => {
    await start()
    const keys = aws.state.addAccessKey(AUDITOR_ACCOUNT)
    const run = await liveCheck(
      root,
      aws,
      {},
      { AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey },
    )
    expect(run.outcome.ran && run.outcome.credentials).toBe(
      "the SDK's default credentials (arn:aws:iam::406214073512:user/ci)",
    )
    expect(aws.sts.requests.map((request) => [request.action, request.accessKeyId])).toEqual([
      ['GetCallerIdentity', keys.accessKeyId],
    ])
    expect(run.masked).toEqual([keys.accessKeyId, keys.secretAccessKey])
    expect(aws.token.requests).toEqual([])
  })

  it('without any credentials, does not run and says how to provide them', async () => {
    await start()
    const run = await liveCheck(root, aws, {})
    expect(run.outcome.ran).toBe(false)
    expect(!run.outcome.ran && run.outcome.reason).toMatch(
      /^no AWS credentials found \(.+\): set role-to-assume \(with `permissions: id-token: write`\), or run aws-actions\/configure-aws-credentials before this step$/,
    )
    expect(aws.requestCount()).toBe(0)
  })

  it('assumes the auditor role of another account (account-roles) for what lives there, and notes an account it has no role for', async () => {
    await start([
      { namespace: 'payments', name: 'api', role: 'payments-api' },
      { namespace: 'data', name: 'loader', role: 'data-loader', account: '111122224444' },
      { namespace: 'ml', name: 'trainer', role: 'ml-trainer', account: '999988887777' },
      { namespace: 'web', name: 'frontend', role: 'web-frontend', account: '555566667777' },
    ])
    const dataAuditor = 'arn:aws:iam::111122224444:role/irsa-guard-auditor'
    // Its trust does not let the main auditor role in.
    const webAuditor = 'arn:aws:iam::555566667777:role/irsa-guard-auditor'
    aws.state.assumableRoles.add(dataAuditor)
    const run = await liveCheck(
      root,
      aws,
      { 'role-to-assume': AUDITOR_ROLE, 'account-roles': `111122224444=${dataAuditor}\n555566667777=${webAuditor}` },
      aws.tokenEnv(),
    )
    expect(aws.sts.requests.map((request) => [request.action, request.params.RoleArn]).sort()).toEqual([
      ['AssumeRole', dataAuditor],
      ['AssumeRole', webAuditor],
      ['AssumeRoleWithWebIdentity', AUDITOR_ROLE],
    ])
    const dataSession = [...aws.state.credentials.values()].find((issued) => issued.roleArn === dataAuditor)!
    expect(
      aws.iam
        .calls('GetRole')
        .map((request) => [request.params.RoleName, aws.state.accountOf(request.accessKeyId)])
        .sort(),
    ).toEqual([
      ['data-loader', '111122224444'],
      ['payments-api', '406214073512'],
    ])
    expect(run.masked).toEqual(
      expect.arrayContaining([dataSession.accessKeyId, dataSession.secretAccessKey, dataSession.sessionToken]),
    )
    const unconfigured =
      '(no credentials for account 999988887777: the auditor role is in account 406214073512, and account-roles names none for 999988887777); add "<account>=<auditor role ARN>" for that account to account-roles [live-check-incomplete]'
    const denied = `sts:AssumeRole failed (${webAuditor}: AccessDenied: User is not authorized to perform: sts:AssumeRole on resource: ${webAuditor}); let the auditor role assume the account's role: its trust policy must name the auditor role, whose policy must allow sts:AssumeRole on it [live-check-incomplete]`
    expect(linesOf(run.result)).toEqual([
      `iam/ml-trainer-trust.json:7:22: note: OIDC provider oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9 in account 999988887777 could not be confirmed live: iam:ListOpenIDConnectProviders failed ${unconfigured}`,
      `iam/web-frontend-trust.json:7:22: note: OIDC provider oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9 in account 555566667777 could not be confirmed live: ${denied}`,
      `k8s/ml-trainer.yaml:7:33: note: role ml-trainer in account 999988887777 could not be confirmed live: iam:GetRole failed ${unconfigured}`,
      `k8s/web-frontend.yaml:7:33: note: role web-frontend in account 555566667777 could not be confirmed live: ${denied}`,
    ])
    // Denied once: the failed sts:AssumeRole is not asked again for the account's other reads.
    expect(aws.sts.calls('AssumeRole').filter((request) => request.params.RoleArn === webAuditor)).toHaveLength(1)
  })

  it('honours AWS_ENDPOINT_URL, with the service-specific settings taking precedence', async () => {
    await start()
    const keys = aws.state.addAccessKey(AUDITOR_ACCOUNT)
    const run = await liveCheck(
      root,
      aws,
      {},
      {
        AWS_ACCESS_KEY_ID: keys.accessKeyId,
        AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
        AWS_ENDPOINT_URL: aws.iam.url,
        AWS_ENDPOINT_URL_IAM: undefined,
      },
    )
    expect(run.result.findings).toEqual([])
    expect(aws.iam.calls('GetRole')).toHaveLength(1)
    expect(aws.sts.calls('GetCallerIdentity')).toHaveLength(1)
  })
})
