import { UNRESOLVED_REASON_IDS, type ChainCoverage } from '../../src/coverage.js'
import { fixture, scan } from '../helpers.js'

async function coverageOf(...parts: string[]): Promise<ChainCoverage> {
  return (await scan(fixture(...parts))).coverage
}

const ROLE = 'arn:aws:iam::349127586034:role/orders-reader'

describe('chain coverage: verified', () => {
  it('counts a correct chain as verified', async () => {
    expect(await coverageOf('repos', 'clean')).toEqual({ verified: 1, total: 1, unresolved: [] })
  })

  it('counts a broken chain as verified too: the token was evaluated against the trust, and refused', async () => {
    const result = await scan(fixture('repos', 'broken'))
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['trust-denies-service-account'])
    expect(result.coverage).toEqual({ verified: 1, total: 1, unresolved: [] })
  })

  it('counts a Pod Identity association whose role trust was evaluated; one whose role is elsewhere is unresolved', async () => {
    expect(await coverageOf('chain-coverage', 'pod-identity')).toEqual({
      verified: 1,
      total: 2,
      unresolved: [
        {
          kind: 'pod-identity',
          location: { path: 'infra/main.tf', line: 20, column: 1 },
          serviceAccount: 'monitoring/exporter',
          role: 'arn:aws:iam::349127586034:role/shop-exporter',
          reason: 'role-outside-scan',
        },
      ],
    })
  })
})

describe('chain coverage: unresolved, with the reason', () => {
  const serviceAccountChain = (path: string, line: number, column: number, role: string) => ({
    kind: 'service-account',
    location: { path, line, column },
    serviceAccount: 'shop/orders',
    role,
  })

  it.each([
    ['role-outside-scan', { ...serviceAccountChain('k8s/orders.yaml', 7, 33, ROLE), reason: 'role-outside-scan' }],
    [
      'role-arn-invalid',
      {
        ...serviceAccountChain('k8s/orders.yaml', 7, 33, 'arn:aws:iam::349127586034:user/orders-reader'),
        reason: 'role-arn-invalid',
      },
    ],
    [
      'role-arn-placeholder',
      {
        ...serviceAccountChain('k8s/orders.yaml', 7, 33, 'arn:aws:iam::111122223333:role/orders-reader'),
        reason: 'role-arn-placeholder',
        detail: '111122223333, an example account ID from the AWS documentation',
      },
    ],
    [
      'deploy-time-value',
      {
        ...serviceAccountChain('k8s/orders.yaml', 7, 33, '${ORDERS_ROLE_ARN}'),
        reason: 'deploy-time-value',
        detail: '${ORDERS_ROLE_ARN}',
      },
    ],
    [
      'helm-value-unset',
      {
        ...serviceAccountChain('charts/orders/templates/serviceaccount.yaml', 7, 33, ''),
        reason: 'helm-value-unset',
        detail: 'not set in the scanned values',
      },
    ],
    [
      'terraform-variable',
      {
        ...serviceAccountChain('infra/main.tf', 11, 38, '${var.orders_role_arn}'),
        reason: 'terraform-variable',
        detail: '${var.orders_role_arn}',
      },
    ],
    [
      'other-stack-output',
      {
        ...serviceAccountChain('infra/main.tf', 15, 38, '${data.terraform_remote_state.iam.outputs.orders_role_arn}'),
        reason: 'other-stack-output',
        detail: '${data.terraform_remote_state.iam.outputs.orders_role_arn}',
      },
    ],
    [
      'unresolved-reference',
      {
        ...serviceAccountChain('infra/main.tf', 12, 38, '${iam_role.orders.arn}'),
        reason: 'unresolved-reference',
        detail: '${iam_role.orders.arn}',
      },
    ],
    [
      'trust-policy-unknown',
      {
        ...serviceAccountChain('infra/main.tf', 16, 38, '${aws_iam_role.orders.arn}'),
        reason: 'trust-policy-unknown',
        detail: 'role orders-reader: ${var.orders_trust_policy}',
      },
    ],
    [
      'trust-outcome-unknown',
      {
        ...serviceAccountChain('infra/main.tf', 29, 38, '${aws_iam_role.orders.arn}'),
        reason: 'trust-outcome-unknown',
        detail: 'role orders-reader, infra/main.tf:8',
      },
    ],
    [
      'service-account-unknown',
      {
        ...serviceAccountChain('k8s/orders.yaml', 7, 33, ROLE),
        serviceAccount: 'orders',
        reason: 'service-account-unknown',
        detail: 'namespace set by whoever applies the manifest (none is written)',
      },
    ],
    [
      'trusts-undefined-service-account',
      {
        kind: 'role',
        location: { path: 'iam/invoices-trust.json', line: 1, column: 1 },
        role: 'invoices',
        reason: 'trusts-undefined-service-account',
        detail: 'system:serviceaccount:shop:invoices',
      },
    ],
    [
      'not-named-by-its-service-account',
      {
        kind: 'role',
        location: { path: 'iam/orders-reader-trust.json', line: 1, column: 1 },
        role: 'orders-reader',
        reason: 'not-named-by-its-service-account',
        detail: 'shop/orders at k8s/orders.yaml:4 is not annotated',
      },
    ],
    [
      'trust-subject-unknown',
      {
        kind: 'role',
        location: { path: 'iam/shop-any-trust.json', line: 1, column: 1 },
        role: 'shop-any',
        reason: 'trust-subject-unknown',
        detail: 'sub system:serviceaccount:shop:*',
      },
    ],
  ])('%s', async (reason, chain) => {
    expect(await coverageOf('chain-coverage', reason)).toEqual({ verified: 0, total: 1, unresolved: [chain] })
  })

  it('remote-module: a role ARN from a module that is not read names its source; a call that sets up IRSA on its own is a chain', async () => {
    expect(await coverageOf('chain-coverage', 'remote-module')).toEqual({
      verified: 0,
      total: 2,
      unresolved: [
        {
          ...serviceAccountChain('infra/main.tf', 13, 38, '${module.orders_irsa.iam_role_arn}'),
          reason: 'remote-module',
          detail:
            '${module.orders_irsa.iam_role_arn} from source "git::https://git.example.com/platform/irsa.git?ref=v2.0.0"',
        },
        {
          kind: 'module',
          location: { path: 'infra/main.tf', line: 19, column: 1 },
          module: 'module.queue_addon',
          reason: 'remote-module',
          detail: 'source "example-org/irsa-addon/aws" 1.1.1, with IRSA arguments set_irsa_names, oidc_providers',
        },
      ],
    })
  })

  it('unknown-chart: a Helm release of a chart whose ServiceAccount name is not known; its role is that chain, not one of its own', async () => {
    expect(await coverageOf('chain-coverage', 'unknown-chart')).toEqual({
      verified: 0,
      total: 1,
      unresolved: [
        {
          kind: 'chart',
          location: { path: 'infra/main.tf', line: 26, column: 5 },
          role: '${aws_iam_role.queue.arn}',
          reason: 'unknown-chart',
          detail: 'chart "queue-controller" (helm_release.queue)',
        },
      ],
    })
  })

  it('service-account-unknown for a role: the ServiceAccount it trusts may be one whose namespace is given at apply time', async () => {
    expect(await coverageOf('chain-coverage', 'role-trusts-partly-named')).toEqual({
      verified: 0,
      total: 1,
      unresolved: [
        {
          kind: 'role',
          location: { path: 'iam/reports-trust.json', line: 1, column: 1 },
          role: 'reports',
          reason: 'service-account-unknown',
          detail: 'system:serviceaccount:shop:reports may be reports at k8s/reports.yaml:5',
        },
      ],
    })
  })

  it('counts a chain read in several Kustomize builds once', async () => {
    expect(await coverageOf('chain-coverage', 'kustomize-builds')).toEqual({
      verified: 0,
      total: 1,
      unresolved: [
        {
          ...serviceAccountChain('base/serviceaccount.yaml', 7, 33, '${ORDERS_ROLE_ARN}'),
          reason: 'deploy-time-value',
          detail: '${ORDERS_ROLE_ARN}',
        },
      ],
    })
  })

  it('says which root a chain of a module called from several roots is unresolved in', async () => {
    const chain = (role: string, root: string) => ({
      kind: 'role',
      location: { path: 'modules/app/main.tf', line: 5, column: 1 },
      role,
      reason: 'trusts-undefined-service-account',
      detail: `system:serviceaccount:shop:reports; as called from ${root}`,
    })
    expect(await coverageOf('chain-coverage', 'two-roots')).toEqual({
      verified: 0,
      total: 2,
      unresolved: [chain('reports-dev', 'envs/dev'), chain('reports-prod', 'envs/prod')],
    })
  })

  it('has a fixture for every reason', () => {
    const covered = [
      'role-outside-scan',
      'role-arn-invalid',
      'role-arn-placeholder',
      'deploy-time-value',
      'helm-value-unset',
      'terraform-variable',
      'remote-module',
      'other-stack-output',
      'unresolved-reference',
      'service-account-unknown',
      'trust-policy-unknown',
      'trust-outcome-unknown',
      'trusts-undefined-service-account',
      'not-named-by-its-service-account',
      'trust-subject-unknown',
      'unknown-chart',
    ]
    expect([...UNRESOLVED_REASON_IDS].sort()).toEqual([...covered].sort())
  })
})
