import type { CheckResult } from '../../../src/check.js'
import { parseConfig } from '../../../src/config-file.js'
import { classify, looksRelevantByName } from '../../../src/discover/classify.js'
import { fixture, linesOf, scan } from '../../helpers.js'
import { removeTempRepos, tempRepo } from '../../discover/temp-repo.js'

afterAll(removeTempRepos)

const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'
const at = (path: string, line: number, column: number) => ({ path, line, column })

function serviceAccounts(result: CheckResult): string[] {
  return result.graph.facts.serviceAccounts.map((sa) => `${sa.source} ${shown(sa.namespace)}/${shown(sa.name)}`)
}

function shown(value: { kind: 'known'; value: string } | { kind: 'symbolic'; expression: string }): string {
  return value.kind === 'known' ? value.value : `\${${value.expression}}`
}

const serviceAccount = (name: string, extra = '') =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n${extra}`

describe('Kustomize: an overlay that sets the namespace', () => {
  it('reports the trust written for the base namespace on the overlay namespace line', async () => {
    const result = await scan(fixture('kustomize', 'namespace-overlay', 'fires'))
    expect(linesOf(result)).toEqual([
      `overlays/prod/kustomization.yaml:3:12: error: ServiceAccount shop-prod/orders (base/service-account.yaml:6) would be refused by role orders's trust (iam/orders-trust.json:12): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:shop:orders", not "system:serviceaccount:shop-prod:orders"; change the sub value to "system:serviceaccount:shop-prod:orders" or move the ServiceAccount to namespace shop (the ServiceAccount's namespace shop-prod is set here, not in base/service-account.yaml:4) [trust-denies-service-account]`,
    ])
    expect(result.findings[0]!.related).toEqual([
      { location: at('iam/orders-trust.json', 12, 87), message: "role orders's trust" },
      { location: at('base/service-account.yaml', 6, 33), message: 'ServiceAccount shop-prod/orders' },
    ])
  })

  it('yields each overlay its own objects and never the base on its own', async () => {
    const result = await scan(fixture('kustomize', 'namespace-overlay', 'fires'))
    expect(serviceAccounts(result)).toEqual(['kustomize shop/orders', 'kustomize shop-prod/orders'])
    const prod = result.graph.facts.serviceAccounts[1]!
    expect(prod.namespace).toEqual({
      kind: 'known',
      value: 'shop-prod',
      location: at('overlays/prod/kustomization.yaml', 3, 12),
    })
    expect(prod.name).toEqual({ kind: 'known', value: 'orders', location: at('base/service-account.yaml', 4, 9) })
    expect(prod.location).toEqual(at('base/service-account.yaml', 4, 3))
    const workloads = result.graph.facts.workloads.map(
      (workload) => `${shown(workload.namespace)}/${shown(workload.name)} as ${shown(workload.serviceAccountName!)}`,
    )
    expect(workloads).toEqual(['shop/orders as orders', 'shop-prod/orders as orders'])
    // labels and commonAnnotations reach the object and its pod template
    const deployment = result.graph.facts.objects.find(
      (object) => object.kind === 'Deployment' && shown(object.namespace) === 'shop-prod',
    )!
    expect(
      deployment.annotations.map((annotation) => [
        annotation.key,
        annotation.where,
        annotation.keyLocation.path,
        annotation.keyLocation.line,
      ]),
    ).toEqual([
      ['shop.example.com/environment', 'annotations', 'overlays/prod/kustomization.yaml', 7],
      ['app.kubernetes.io/part-of', 'labels', 'base/kustomization.yaml', 6],
      ['shop.example.com/environment', 'template-annotations', 'overlays/prod/kustomization.yaml', 7],
      ['app', 'template-labels', 'base/deployment.yaml', 13],
      ['app.kubernetes.io/part-of', 'template-labels', 'base/kustomization.yaml', 6],
    ])
  })

  it('is clean once the trust names the overlay namespace too', async () => {
    expect(linesOf(await scan(fixture('kustomize', 'namespace-overlay', 'clean')))).toEqual([])
  })
})

describe('Kustomize: a namePrefix overlay', () => {
  it('reports the trust on the namePrefix line, and the Rollout whose serviceAccountName kustomize does not rewrite', async () => {
    const result = await scan(fixture('kustomize', 'name-prefix', 'fires'))
    expect(linesOf(result)).toEqual([
      `overlays/prod/kustomization.yaml:4:13: error: ServiceAccount shop/prod-orders (base/service-account.yaml:6) would be refused by role orders's trust (iam/orders-trust.json:12): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:shop:orders", not "system:serviceaccount:shop:prod-orders"; change the sub value to "system:serviceaccount:shop:prod-orders" or rename the ServiceAccount to orders (the ServiceAccount's name prod-orders is set here, not in base/service-account.yaml:4) [trust-denies-service-account]`,
      `base/rollout.yaml:14:27: warning: Rollout shop/prod-orders-canary runs as ServiceAccount "orders", which no scanned file defines in namespace shop; the pods are refused until it exists: did you mean "prod-orders" (base/service-account.yaml:4)? Make spec.serviceAccountName and the ServiceAccount's name agree [workload-service-account-missing]`,
    ])
  })

  it('rewrites serviceAccountName of a Deployment to the prefixed name, located where the prefix is set', async () => {
    const result = await scan(fixture('kustomize', 'name-prefix', 'fires'))
    const deployment = result.graph.facts.workloads.find((workload) => workload.kind === 'Deployment')!
    expect(deployment.serviceAccountName).toEqual({
      kind: 'known',
      value: 'prod-orders',
      location: at('overlays/prod/kustomization.yaml', 4, 13),
    })
    expect(result.graph.serviceAccountsOf(deployment).map((sa) => shown(sa.name))).toEqual(['prod-orders'])
  })

  it('is clean with the prefixed name in the trust and a patch for the Rollout', async () => {
    const result = await scan(fixture('kustomize', 'name-prefix', 'clean'))
    expect(linesOf(result)).toEqual([])
    const rollout = result.graph.facts.workloads.find((workload) => workload.kind === 'Rollout')!
    expect(rollout.serviceAccountName).toEqual({
      kind: 'known',
      value: 'prod-orders',
      location: at('overlays/prod/kustomization.yaml', 16, 16),
    })
  })
})

describe('Kustomize: patches and components', () => {
  it('points at the patch that sets the value', async () => {
    expect(linesOf(await scan(fixture('kustomize', 'patches', 'fires')))).toEqual([
      `overlays/prod/role-arn.yaml:6:33: error: eks.amazonaws.com/role-arn of ServiceAccount billing/invoices is not a valid IAM role ARN: "arn:aws:iam::40621407351:role/invoices-export-prod" has the account "40621407351", which is not 12 digits (a leading zero lost?), so STS answers "Request ARN is invalid"; write arn:<partition>:iam::<12-digit account>:role/<name> [role-arn-invalid]`,
      `overlays/prod/cronjob-service-account.yaml:3:10: warning: CronJob billing/invoices-export runs as ServiceAccount "invoices-exporter", which no scanned file defines in namespace billing; the pods are refused until it exists: did you mean "invoices" (base/service-account.yaml:4)? Make spec.serviceAccountName and the ServiceAccount's name agree [workload-service-account-missing]`,
    ])
  })

  it('is clean once the patches are corrected', async () => {
    const result = await scan(fixture('kustomize', 'patches', 'clean'))
    expect(linesOf(result)).toEqual([])
    expect(result.graph.facts.serviceAccounts.map((sa) => sa.roleArn)).toEqual([
      {
        kind: 'known',
        value: 'arn:aws:iam::406214073512:role/invoices-export-prod',
        location: at('overlays/prod/role-arn.yaml', 6, 33),
      },
    ])
  })
})

describe('Kustomize: remote bases', () => {
  it('skips them with a note, and leaves names they may define unknown', async () => {
    const result = await scan(fixture('kustomize', 'remote-base'))
    expect(linesOf(result)).toEqual([
      'overlays/prod/kustomization.yaml:7:5: note: Skipped the remote base https://github.com/example-org/platform-irsa//service-accounts/log-shipper?ref=v1.4.0: irsa-guard never fetches remote bases, so the objects it adds (and the names and namespaces it sets) are not checked; vendor it into the repository to check them [parse-error]',
    ])
    expect(result.graph.facts.workloads.map((workload) => workload.serviceAccountName)).toEqual([
      { kind: 'symbolic', expression: 'kustomize-reference:log-shipper', location: at('base/deployment.yaml', 15, 27) },
    ])
  })
})

describe('Kustomize: the build', () => {
  const trust = (subject: string) =>
    JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: `arn:aws:iam::406214073512:oidc-provider/${ISSUER}` },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { [`${ISSUER}:sub`]: subject, [`${ISSUER}:aud`]: 'sts.amazonaws.com' } },
          },
        ],
      },
      null,
      2,
    )
  const annotated = serviceAccount(
    'app',
    '  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::406214073512:role/app\n',
  )

  it('locates values of an inline patch on the kustomization lines that hold them', async () => {
    const root = tempRepo({
      'k/sa.yaml': annotated,
      'k/kustomization.yaml': [
        'namespace: web',
        'resources: [sa.yaml]',
        'patchesStrategicMerge:',
        '  - |-',
        '    apiVersion: v1',
        '    kind: ServiceAccount',
        '    metadata:',
        '      name: app',
        '      annotations:',
        '        eks.amazonaws.com/role-arn: arn:aws:iam::406214073512:role/web-app',
        '',
      ].join('\n'),
    })
    const result = await scan(root)
    expect(result.graph.facts.serviceAccounts.map((sa) => sa.roleArn)).toEqual([
      { kind: 'known', value: 'arn:aws:iam::406214073512:role/web-app', location: at('k/kustomization.yaml', 10, 37) },
    ])
  })

  it('reports what makes kustomize build fail, where it is written', async () => {
    const root = tempRepo({
      'shared/sa.yaml': annotated,
      'r/kustomization.yaml': 'resources:\n  - ../a\n',
      'a/kustomization.yaml': 'resources:\n  - missing.yaml\n  - ../shared/sa.yaml\n  - ../b\n',
      'b/kustomization.yaml': 'resources:\n  - ../a\n',
      'c/kustomization.yaml':
        'resources:\n  - sa.yaml\npatches:\n  - patch: |-\n      apiVersion: v1\n      kind: ServiceAccount\n      metadata:\n        name: nobody\n',
      'c/sa.yaml': annotated,
    })
    expect(linesOf(await scan(root), 'parse-error')).toEqual([
      'a/kustomization.yaml:3:5: warning: kustomize refuses to load shared/sa.yaml: files must be in or below a/ (a directory with its own kustomization may be anywhere) [parse-error]',
      'b/kustomization.yaml:2:5: warning: ../a makes a cycle (r/kustomization.yaml → a/kustomization.yaml → b/kustomization.yaml → a/kustomization.yaml), which kustomize rejects [parse-error]',
      'c/kustomization.yaml:4:5: warning: No resource of the build matches the patch for ServiceAccount nobody (kustomize build fails) [parse-error]',
      'a/kustomization.yaml:2:5: note: missing.yaml does not exist (kustomize build fails), so the objects it would add are not checked [parse-error]',
    ])
  })

  it('notes a missing path once however many overlays build it, and says when git ignores it', async () => {
    const overlay = (name: string) => `resources: [../../base, ../../generated/crds, sa-${name}.yaml]\n`
    const sa = (name: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: apps\n`
    const root = tempRepo({
      '.gitignore': 'generated/\n',
      'base/kustomization.yaml': 'resources: [../vendor/upstream]\n',
      'overlays/dev/kustomization.yaml': `${overlay('dev')}patches: [{path: role-patch.yaml}]\n`,
      'overlays/dev/sa-dev.yaml': sa('dev'),
      'overlays/prod/kustomization.yaml': overlay('prod'),
      'overlays/prod/sa-prod.yaml': sa('prod'),
      'overlays/test/kustomization.yaml': overlay('test'),
      'overlays/test/sa-test.yaml': sa('test'),
    })
    const result = await scan(root)
    expect(linesOf(result, 'parse-error')).toEqual([
      'base/kustomization.yaml:1:13: note: ../vendor/upstream does not exist (kustomize build fails), so the objects it would add are not checked [parse-error]',
      'overlays/dev/kustomization.yaml:1:25: note: ../../generated/crds does not exist here and git ignores generated/crds (a setup step clones or generates it?), so the objects it would add are not checked; 2 other places list it too [parse-error]',
      'overlays/dev/kustomization.yaml:2:18: note: The patch overlays/dev/role-patch.yaml does not exist (kustomize build fails), so what it changes is not checked [parse-error]',
    ])
    expect(result.graph.facts.serviceAccounts).toHaveLength(3)
  })

  it('notes the fields it does not evaluate', async () => {
    const root = tempRepo({
      'k/sa.yaml': annotated,
      'k/kustomization.yaml': 'resources: [sa.yaml]\nreplacements:\n  - path: replacements.yaml\n',
    })
    expect(linesOf(await scan(root), 'parse-error')).toEqual([
      'k/kustomization.yaml:2:1: note: irsa-guard does not evaluate the kustomize field replacements, so names, namespaces and annotations it sets are not seen; set the kustomize-render input (CLI: --kustomize-render) to build with kubectl [parse-error]',
    ])
  })

  it('builds a kustomization no other one uses, and leaves files outside every build to the Kubernetes source', async () => {
    const root = tempRepo({
      'apps/kustomization.yaml': 'namespace: web\nnamePrefix: web-\nresources: [sa.yaml]\n',
      'apps/sa.yaml': annotated,
      'other/sa.yaml': serviceAccount('other', '  namespace: ops\n'),
      'iam/app.json': trust('system:serviceaccount:web:app'),
    })
    const result = await scan(root)
    expect(serviceAccounts(result)).toEqual(['kustomize web/web-app', 'kubernetes ops/other'])
    expect(linesOf(result, 'trust-denies-service-account').map((line) => line.split(': error:')[0])).toEqual([
      'apps/kustomization.yaml:2:13',
    ])
  })

  it('honours an irsa-guard:ignore comment on the overlay line a finding points at', async () => {
    const files = {
      'base/kustomization.yaml': 'resources: [sa.yaml]\n',
      'base/sa.yaml': annotated,
      'prod/kustomization.yaml': 'namespace: prod\nresources: [../base]\n',
      'iam/app.json': trust('system:serviceaccount:default:app'),
    }
    expect(
      linesOf(await scan(tempRepo(files)), 'trust-denies-service-account').map((line) => line.split(': error:')[0]),
    ).toEqual(['prod/kustomization.yaml:1:12'])
    const ignored = {
      ...files,
      'prod/kustomization.yaml': `# irsa-guard:ignore trust-denies-service-account the trust is widened in the infra repository first\n${files['prod/kustomization.yaml']}`,
    }
    expect(linesOf(await scan(tempRepo(ignored)), 'trust-denies-service-account')).toEqual([])
  })
})

describe('Kustomize and Helm files', () => {
  it.each([
    ['overlays/prod/kustomization.yaml', 'resources: [../../base]\n', 'kustomization'],
    ['overlays/prod/kustomization.yml', 'namespace: prod\n', 'kustomization'],
    ['base/Kustomization', 'resources: [sa.yaml]\n', 'kustomization'],
    [
      'clusters/prod/kustomization.yaml',
      'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n',
      'kubernetes',
    ],
    ['charts/orders/Chart.yaml', 'apiVersion: v2\nname: orders\n', 'helm-chart'],
    ['charts/orders/templates/_helpers.tpl', '{{- define "orders.name" -}}\n', 'helm-template'],
  ])('classifies %s as %s', (path, text, kind) => {
    expect(looksRelevantByName(path)).toBe(true)
    expect(classify(path, text)).toBe(kind)
  })
})

describe('Kustomize: config', () => {
  it('reads kustomize: native|render and rejects anything else', () => {
    expect(parseConfig('kustomize: render\n', { displayPath: '.irsa-guard.yml' }).kustomize).toBe('render')
    expect(parseConfig('kustomize: native\n', { displayPath: '.irsa-guard.yml' }).kustomize).toBe('native')
    expect(parseConfig('', { displayPath: '.irsa-guard.yml' }).kustomize).toBeUndefined()
    expect(() => parseConfig('kustomize: kubectl\n', { displayPath: '.irsa-guard.yml' })).toThrow(
      '.irsa-guard.yml:1: kustomize: must be one of native, render (got "kubectl")',
    )
  })
})
