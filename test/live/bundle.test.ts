import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { commands } from '../action/run-bundle.js'
import { fixture } from '../helpers.js'
import { e2eAccounts, E2E_INPUTS } from './e2e-world.js'
import { DIST_BUNDLE, runBundle, type BundleRun } from './run-bundle.js'
import { FakeAws } from './servers/index.js'

const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9'
const EDGE_ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/C4D5E6F708192A3B4C5D6E7F8091A2B3'
const NO_TOKEN =
  "role-to-assume needs the workflow's OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: the job needs `permissions: id-token: write`"

describe('the committed bundle dist/index.js with live confirmation, against fake AWS endpoints', () => {
  let workspace: string
  const servers: FakeAws[] = []

  async function accounts(broken: boolean): Promise<FakeAws> {
    const aws = await new FakeAws(e2eAccounts(broken)).start()
    servers.push(aws)
    return aws
  }

  /** The bundle with the runner's token endpoint and the SDK's endpoint settings pointing at the fake servers. */
  function run(
    aws: FakeAws,
    inputs: Record<string, string>,
    env: Record<string, string> = {},
    bundle = DIST_BUNDLE,
  ): Promise<BundleRun> {
    return runBundle(
      workspace,
      { ...E2E_INPUTS, ...inputs },
      { ...aws.endpointEnv(), ...aws.tokenEnv(), ...env },
      bundle,
    )
  }

  beforeEach(async () => {
    workspace = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-workspace-'))
    await cp(fixture('live', 'e2e'), workspace, { recursive: true })
  })

  afterEach(async () => {
    for (const aws of servers.splice(0)) await aws.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  it('with live: required, reports drift, a missing provider, a provider without sts.amazonaws.com, a deleted role and a role without permissions', async () => {
    const aws = await accounts(true)
    const result = await run(aws, { live: 'required', 'fail-on': 'error' })
    expect(result.code).toBe(1)
    expect(commands(result.stdout, 'error')).toEqual([
      [
        'title=live-oidc-provider-missing,file=iam/data-loader-trust.json,line=7,col=22',
        `role data-loader's trust (iam/data-loader-trust.json:7) names the OIDC provider of issuer ${ISSUER}, which does not exist in account 111122224444 (iam:ListOpenIDConnectProviders: the account has no OIDC provider), so STS refuses every token with "No OpenIDConnect provider found in your account"; create the provider for https://${ISSUER} with client ID sts.amazonaws.com in account 111122224444`,
      ],
      [
        'title=live-oidc-provider-audience-missing,file=iam/edge-cache-trust.json,line=7,col=22',
        `the OIDC provider of issuer ${EDGE_ISSUER} in account 406214073512 (iam:GetOpenIDConnectProvider) lists client IDs "sts.amazon.com", not "sts.amazonaws.com", the audience of the tokens of ServiceAccount edge/cache (k8s/edge.yaml:7), so STS refuses its tokens with "Incorrect token audience"; add "sts.amazonaws.com" to the provider's client IDs`,
      ],
      [
        'title=live-role-missing,file=k8s/reports.yaml,line=7,col=33',
        "ServiceAccount reports/exporter (k8s/reports.yaml:7) names role reports-exporter in account 406214073512, which does not exist (iam:GetRole: NoSuchEntity), so STS refuses its token; apply the repository's definition (iam/reports-exporter-trust.json:1), or point the annotation at a role that exists",
      ],
      ['', 'irsa-guard found 3 errors, 2 warnings, 0 notes: 3 findings at or above fail-on error'],
    ])
    expect(commands(result.stdout, 'warning')).toEqual([
      [
        'title=live-trust-drift,file=iam/payments-api-trust.json,line=12,col=90',
        `the deployed trust of role payments-api in account 406214073512 (iam:GetRole) differs in effect from the repository's (iam/payments-api-trust.json:1): it accepts any ServiceAccount in namespace payments, which the repository's refuses; deployed only: StringLike sub "system:serviceaccount:payments:*"; repository only: StringEquals sub "system:serviceaccount:payments:api"; apply the repository's trust to the role, or bring the repository in line with what is deployed`,
      ],
      [
        'title=live-role-without-permissions,file=k8s/search.yaml,line=7,col=33',
        'role search-indexer in account 406214073512 has no permission policy, attached or inline (iam:ListAttachedRolePolicies, iam:ListRolePolicies): ServiceAccount search/indexer (k8s/search.yaml:7) can assume it, but every AWS call it makes is denied; attach the policy the workload needs',
      ],
    ])
    expect(result.outputs).toMatchObject({
      errors: '3',
      warnings: '2',
      notes: '0',
      'sarif-file': '',
      conclusion: 'failure',
    })
    expect(result.summary).toContain('live-trust-drift')
    expect(result.stderr).toBe('')
  })

  it('passes the same repository when the accounts match it', async () => {
    const aws = await accounts(false)
    const result = await run(aws, { live: 'required' })
    expect(result.code).toBe(0)
    expect(commands(result.stdout, 'error')).toEqual([])
    expect(commands(result.stdout, 'warning')).toEqual([])
    expect(result.stdout).toMatch(
      /^irsa-guard live: 5 roles, 3 OIDC providers, 2 clusters read in \d+ AWS calls \(\d+(\.\d)?s\) with role arn:aws:iam::406214073512:role\/irsa-guard-auditor assumed with the workflow's OIDC token; 0 could not be confirmed$/m,
    )
    expect(result.outputs).toMatchObject({
      errors: '0',
      warnings: '0',
      notes: '0',
      'sarif-file': '',
      conclusion: 'success',
    })
    // Read once each: 5 roles, providers listed once per account, 3 providers, 2 clusters.
    expect(aws.iam.calls('GetRole')).toHaveLength(5)
    expect(aws.iam.calls('ListOpenIDConnectProviders')).toHaveLength(2)
    expect(aws.iam.calls('GetOpenIDConnectProvider')).toHaveLength(3)
    expect(
      aws.eks
        .calls('DescribeCluster')
        .map((request) => `${request.params.name} ${request.region}`)
        .sort(),
    ).toEqual(['edge eu-west-1', 'prod eu-central-1'])
  })

  it('prints no token or credential anywhere (only in the ::add-mask:: commands that hide them)', async () => {
    const aws = await accounts(true)
    const result = await run(aws, { live: 'required', 'sarif-file': 'irsa-guard.sarif' })
    const secrets = [...aws.state.secrets(), aws.requestToken]
    // The OIDC token, and key id, secret and session token of both auditor sessions.
    expect(secrets).toHaveLength(1 + 3 * 2 + 1)
    const printed = [
      ...result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')),
      result.stderr,
      result.summary,
      JSON.stringify(result.outputs),
      await readFile(path.join(workspace, 'irsa-guard.sarif'), 'utf8'),
    ].join('\n')
    expect(secrets.filter((secret) => printed.includes(secret))).toEqual([])
    const masked = new Set(
      result.stdout
        .split('\n')
        .flatMap((line) => (line.startsWith('::add-mask::') ? [line.slice('::add-mask::'.length)] : [])),
    )
    expect(secrets.filter((secret) => !masked.has(secret))).toEqual([aws.requestToken])
  })

  describe('when AWS misbehaves: a throttling burst, AccessDenied, a 500, a response slower than its timeout, malformed XML', () => {
    async function misbehaving(): Promise<FakeAws> {
      const aws = await accounts(false)
      const forRole = (name: string) => (request: { params: Record<string, string> }) =>
        request.params.RoleName === name
      aws.iam.fault({ times: 2, fault: { kind: 'error', status: 400, code: 'Throttling', message: 'Rate exceeded' } })
      aws.iam.fault({
        action: 'GetRole',
        when: forRole('search-indexer'),
        fault: { kind: 'error', status: 403, code: 'AccessDenied', message: 'not authorized to perform: iam:GetRole' },
      })
      aws.iam.fault({
        action: 'ListAttachedRolePolicies',
        when: forRole('payments-api'),
        fault: { kind: 'delay', ms: 30_000 },
      })
      aws.iam.fault({
        action: 'GetOpenIDConnectProvider',
        when: (request) => request.params.OpenIDConnectProviderArn!.endsWith(EDGE_ISSUER),
        fault: { kind: 'malformed' },
      })
      aws.eks.fault({
        when: (request) => request.params.name === 'edge',
        fault: { kind: 'error', status: 500, code: 'ServerException', message: 'Internal failure' },
      })
      return aws
    }

    const NOTES = [
      `iam/edge-cache-trust.json:7:22 OIDC provider ${EDGE_ISSUER} in account 406214073512 could not be confirmed live: iam:GetOpenIDConnectProvider failed (the answer could not be read`,
      "k8s/data.yaml:7:33 cluster edge in account 406214073512, eu-west-1 could not be confirmed live: eks:DescribeCluster failed (ServerException: Internal failure (HTTP 500 after the SDK's retries))",
      'k8s/payments.yaml:7:33 the permission policies of role payments-api in account 406214073512 could not be confirmed live: iam:ListAttachedRolePolicies failed (timed out after 10s)',
      'k8s/search.yaml:7:33 role search-indexer in account 406214073512 could not be confirmed live: iam:GetRole failed (AccessDenied: not authorized to perform: iam:GetRole)',
    ]
    const notes = (result: BundleRun) =>
      commands(result.stdout, 'notice')
        .filter(([properties]) => properties.startsWith('title=live-check-incomplete,'))
        .map(
          ([properties, message]) =>
            `${/file=([^,]+),line=(\d+),col=(\d+)/.exec(properties)!.slice(1).join(':')} ${message}`,
        )

    it('live: auto notes each gap, asserts nothing else, passes, and ends within the budget', async () => {
      const result = await run(await misbehaving(), { live: 'auto', 'live-timeout-seconds': '30' })
      expect(result.code).toBe(0)
      const found = notes(result)
      expect(found).toHaveLength(NOTES.length)
      NOTES.forEach((note, index) => expect(found[index]!.startsWith(note)).toBe(true))
      expect(commands(result.stdout, 'error')).toEqual([])
      expect(result.outputs).toMatchObject({ errors: '0', warnings: '0', notes: '4', conclusion: 'success' })
      expect(result.elapsedMs).toBeLessThan(30_000)
    })

    it('live: required fails the step on the same gaps', async () => {
      const result = await run(await misbehaving(), { live: 'required', 'live-timeout-seconds': '30' })
      expect(result.code).toBe(1)
      expect(notes(result)).toHaveLength(NOTES.length)
      expect(commands(result.stdout, 'error')).toEqual([
        [
          '',
          'live: required, but live confirmation is incomplete: 4 things could not be confirmed (see the live-check-incomplete findings)',
        ],
      ])
      expect(result.outputs).toMatchObject({ errors: '0', notes: '4', conclusion: 'failure' })
    })
  })

  it('without `permissions: id-token: write`, live: auto checks the repository only with one notice (here a fork’s pull request), live: required fails saying so', async () => {
    const aws = await accounts(false)
    const event = path.join(workspace, '..', `${path.basename(workspace)}-event.json`)
    await cp(fixture('live', 'fork-pull-request-event.json'), event)
    const noToken = { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' }
    const auto = await run(
      aws,
      { live: 'auto' },
      { ...noToken, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event },
    )
    expect(auto.code).toBe(0)
    expect(commands(auto.stdout, 'notice')).toEqual([
      [
        'title=irsa-guard live',
        `live confirmation skipped, checked the repository only: ${NO_TOKEN} (pull requests from forks get no OIDC token, whatever the permissions say)`,
      ],
    ])
    expect(auto.outputs.conclusion).toBe('success')

    const required = await run(aws, { live: 'required' }, noToken)
    expect(required.code).toBe(1)
    expect(commands(required.stdout, 'error')).toEqual([
      ['', `live: required, but live confirmation could not run: ${NO_TOKEN}`],
    ])
    expect(aws.requestCount()).toBe(0)
    await rm(event)
  })

  it('with live: off, makes no network call and never loads the AWS SDK', async () => {
    const aws = await accounts(true)
    // The SDK lives in chunks the bundle imports only for live confirmation; without them, live: off still runs.
    const trimmed = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-dist-'))
    await cp(path.dirname(DIST_BUNDLE), trimmed, { recursive: true })
    const chunks = (await readdir(trimmed)).filter((name) => /^\d+\.index\.js$/.test(name))
    const sdkChunks = []
    for (const chunk of chunks)
      if ((await readFile(path.join(trimmed, chunk), 'utf8')).includes('AssumeRoleWithWebIdentityCommand'))
        sdkChunks.push(chunk)
    expect(sdkChunks.length).toBeGreaterThan(0)
    expect(await readFile(DIST_BUNDLE, 'utf8')).not.toContain('AssumeRoleWithWebIdentityCommand')
    for (const chunk of sdkChunks) await rm(path.join(trimmed, chunk))

    const off = await run(aws, { live: 'off' }, {}, path.join(trimmed, 'index.js'))
    expect(off.code).toBe(0)
    expect(off.stdout).toContain('irsa-guard found 0 errors, 0 warnings, 0 notes in 10 IRSA-relevant files')
    expect(aws.requestCount()).toBe(0)

    const live = await run(aws, { live: 'auto' }, {}, path.join(trimmed, 'index.js'))
    expect(live.code).toBe(1)
    expect(commands(live.stdout, 'error')[0]?.[1]).toMatch(/^irsa-guard: internal error: Cannot find module/)
    await rm(trimmed, { recursive: true })
  })
})
