import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { commands } from '../action/run-bundle.js'
import { fixture } from '../helpers.js'
import { e2eAccounts, E2E_INPUTS } from '../live/e2e-world.js'
import { DIST_BUNDLE, runBundle, type BundleRun } from '../live/run-bundle.js'
import { FakeAws } from '../live/servers/index.js'

const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9'
const EDGE_ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/C4D5E6F708192A3B4C5D6E7F8091A2B3'
const BUDGET_SECONDS = 3
/** Start-up, the offline check and reporting around the live budget; a run still going after this is killed. */
const MARGIN_MS = 15_000

describe('live confirmation against endpoints that never answer or answer nonsense (the committed bundle)', () => {
  let workspace: string
  let aws: FakeAws

  function run(inputs: Record<string, string>): Promise<BundleRun> {
    return runBundle(
      workspace,
      { ...E2E_INPUTS, 'live-timeout-seconds': String(BUDGET_SECONDS), ...inputs },
      { ...aws.endpointEnv(), ...aws.tokenEnv() },
      DIST_BUNDLE,
      BUDGET_SECONDS * 1000 + MARGIN_MS,
    )
  }

  const findings = (result: BundleRun, kind: string, ruleId: string) =>
    commands(result.stdout, kind)
      .filter(([properties]) => properties.startsWith(`title=${ruleId},`))
      .map(([properties, message]) => `${/file=([^,]+),line=(\d+)/.exec(properties)!.slice(1).join(':')} ${message}`)

  beforeEach(async () => {
    workspace = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-workspace-'))
    await cp(fixture('live', 'e2e'), workspace, { recursive: true })
    aws = await new FakeAws(e2eAccounts(false)).start()
  })

  afterEach(async () => {
    await aws.stop()
    await rm(workspace, { recursive: true, force: true })
  })

  it('a GitHub token endpoint that takes the request and never answers: the step fails saying so and the process exits', async () => {
    aws.token.fault({ fault: { kind: 'silence' } })
    const result = await run({ live: 'required' })
    expect(result.code).toBe(1)
    expect(commands(result.stdout, 'error')).toEqual([
      [
        '',
        "live: required, but live confirmation could not run: could not get the workflow's OIDC token: timed out after 1s",
      ],
    ])
    expect(aws.token.calls('token')).toHaveLength(1)
    expect(aws.sts.requests).toEqual([])
  }, 60_000)

  it('with live: auto, the same endpoint: one notice, the repository checked, the process exits', async () => {
    aws.token.fault({ fault: { kind: 'silence' } })
    const result = await run({ live: 'auto' })
    expect(result.code).toBe(0)
    expect(commands(result.stdout, 'notice')).toEqual([
      [
        'title=irsa-guard live',
        "live confirmation skipped, checked the repository only: could not get the workflow's OIDC token: timed out after 1s",
      ],
    ])
    expect(result.outputs).toMatchObject({ errors: '0', conclusion: 'success' })
  }, 60_000)

  it('IAM that never answers GetRole: each role is an incomplete-check note and the process exits', async () => {
    aws.iam.fault({ action: 'GetRole', fault: { kind: 'silence' } })
    const result = await run({ live: 'auto' })
    expect(result.code).toBe(0)
    expect(findings(result, 'notice', 'live-check-incomplete').map((note) => note.replace(/ \(.*$/, ''))).toEqual([
      'k8s/data.yaml:7 role data-loader in account 111122224444 could not be confirmed live: iam:GetRole failed',
      'k8s/edge.yaml:7 role edge-cache in account 406214073512 could not be confirmed live: iam:GetRole failed',
      'k8s/payments.yaml:7 role payments-api in account 406214073512 could not be confirmed live: iam:GetRole failed',
      'k8s/reports.yaml:7 role reports-exporter in account 406214073512 could not be confirmed live: iam:GetRole failed',
      'k8s/search.yaml:7 role search-indexer in account 406214073512 could not be confirmed live: iam:GetRole failed',
    ])
    expect(commands(result.stdout, 'error')).toEqual([])
  }, 60_000)

  describe.each([
    [
      'an HTML page',
      {
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: '<html><body><h1>Service Temporarily Unavailable</h1></body></html>',
      },
    ],
    ['an empty body', { status: 200, headers: { 'content-type': 'text/xml' }, body: '' }],
  ])('IAM answering 200 with %s', (_, reply) => {
    it('to the OIDC provider reads: an incomplete-check note per provider, never "does not exist"', async () => {
      aws.iam.fault({ action: 'ListOpenIDConnectProviders', fault: { kind: 'reply', reply } })
      aws.iam.fault({ action: 'GetOpenIDConnectProvider', fault: { kind: 'reply', reply } })
      const result = await run({ live: 'auto' })
      expect(result.code).toBe(0)
      expect(findings(result, 'error', 'live-oidc-provider-missing')).toEqual([])
      expect(findings(result, 'notice', 'live-check-incomplete')).toEqual([
        `iam/data-loader-trust.json:7 OIDC provider ${ISSUER} in account 111122224444 could not be confirmed live: iam:ListOpenIDConnectProviders failed (iam:ListOpenIDConnectProviders returned no OpenIDConnectProviderList); run the check again; if it persists, check the AWS endpoint settings`,
        `iam/edge-cache-trust.json:7 OIDC provider ${EDGE_ISSUER} in account 406214073512 could not be confirmed live: iam:ListOpenIDConnectProviders failed (iam:ListOpenIDConnectProviders returned no OpenIDConnectProviderList); run the check again; if it persists, check the AWS endpoint settings`,
        `iam/payments-api-trust.json:7 OIDC provider ${ISSUER} in account 406214073512 could not be confirmed live: iam:ListOpenIDConnectProviders failed (iam:ListOpenIDConnectProviders returned no OpenIDConnectProviderList); run the check again; if it persists, check the AWS endpoint settings`,
      ])
      expect(result.outputs).toMatchObject({ errors: '0', conclusion: 'success' })
    }, 60_000)

    it('to the permission listings: an incomplete-check note, never "has no permission policy"', async () => {
      aws.iam.fault({ action: 'ListAttachedRolePolicies', fault: { kind: 'reply', reply } })
      const result = await run({ live: 'auto' })
      expect(findings(result, 'warning', 'live-role-without-permissions')).toEqual([])
      expect(
        findings(result, 'notice', 'live-check-incomplete').map((note) => note.replace(/; run the check again.*$/, '')),
      ).toEqual(
        [
          'data/loader data-loader 111122224444',
          'edge/cache edge-cache 406214073512',
          'payments/api payments-api 406214073512',
          'reports/exporter reports-exporter 406214073512',
          'search/indexer search-indexer 406214073512',
        ].map((entry) => {
          const [serviceAccount, role, account] = entry.split(' ')
          return `k8s/${serviceAccount!.split('/')[0]}.yaml:7 the permission policies of role ${role} in account ${account} could not be confirmed live: iam:ListAttachedRolePolicies failed (iam:ListAttachedRolePolicies returned no AttachedPolicies list)`
        }),
      )
    }, 60_000)
  })
})
