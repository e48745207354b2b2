import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { CheckResult } from '../../../src/check.js'
import { loadConfig, parseConfig } from '../../../src/config-file.js'
import type { Config } from '../../../src/config.js'
import type { ServiceAccount } from '../../../src/model/facts.js'
import type { Value } from '../../../src/model/value.js'
import { fixture, linesOf, scan } from '../../helpers.js'
import { removeTempRepos, tempRepo } from '../../discover/temp-repo.js'

afterAll(removeTempRepos)

const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'
const at = (path: string, line: number, column: number) => ({ path, line, column })

/** Scans a repository with its own .irsa-guard.yml, as the CLI does. */
async function scanRepository(root: string, overrides: Partial<Config> = {}): Promise<CheckResult> {
  const config = await loadConfig({ root, cwd: root })
  return scan(root, { ...config, ...overrides })
}

function shown(value: Value): string {
  return value.kind === 'known' ? value.value : `\${${value.expression}}`
}

function identities(result: CheckResult): string[] {
  return result.graph.facts.serviceAccounts.map(
    (sa: ServiceAccount) => `${sa.source} ${shown(sa.namespace)}/${shown(sa.name)}`,
  )
}

/** The chart `helm create orders` writes, cut to what IRSA needs (from the release-name fixture). */
function ordersChart(changes: Record<string, string> = {}): Record<string, string> {
  const base = fixture('helm', 'release-name', 'fires', 'charts', 'orders')
  const files: Record<string, string> = {}
  for (const name of [
    'Chart.yaml',
    'values.yaml',
    'templates/_helpers.tpl',
    'templates/serviceaccount.yaml',
    'templates/deployment.yaml',
  ]) {
    files[`charts/orders/${name}`] = readFileSync(`${base}/${name}`, 'utf8')
  }
  return { ...files, ...changes }
}

const release = (values = '', extra = '') =>
  `helm:\n  releases:\n    - chart: charts/orders\n      name: shop\n      namespace: shop\n${values}${extra}`

describe('Helm: a chart installed under a release name', () => {
  it('names the ServiceAccount <release>-<chart> (or the release when it holds the chart name) and reports the trust that names the chart, at the release name', async () => {
    const result = await scanRepository(fixture('helm', 'release-name', 'fires'))
    expect(linesOf(result)).toEqual([
      `.irsa-guard.yml:4:13: error: ServiceAccount shop/shop-orders (deploy/orders-prod.yaml:4) would be refused by role orders's trust (iam/orders-trust.json:12): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:shop:orders", not "system:serviceaccount:shop:shop-orders"; change the sub value to "system:serviceaccount:shop:shop-orders" or rename the ServiceAccount to orders (the ServiceAccount's name shop-orders is set here, not in charts/orders/templates/serviceaccount.yaml:5) [trust-denies-service-account]`,
      `argocd/orders-staging.yaml:13:20: error: ServiceAccount shop-staging/staging-orders (charts/orders/values-staging.yaml:3) would be refused by role orders-staging's trust (iam/orders-staging-trust.json:12): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:shop-staging:orders", not "system:serviceaccount:shop-staging:staging-orders"; change the sub value to "system:serviceaccount:shop-staging:staging-orders" or rename the ServiceAccount to orders (the ServiceAccount's name staging-orders is set here, not in charts/orders/templates/serviceaccount.yaml:5) [trust-denies-service-account]`,
    ])
  })

  it('reads each release with its own values, namespace and name, and the workload joins its ServiceAccount', async () => {
    const result = await scanRepository(fixture('helm', 'release-name', 'fires'))
    expect(identities(result)).toEqual(['helm shop/shop-orders', 'helm shop-staging/staging-orders'])
    const [prod, staging] = result.graph.facts.serviceAccounts
    expect(prod!.namespace).toEqual({ kind: 'known', value: 'shop', location: at('.irsa-guard.yml', 5, 18) })
    expect(prod!.roleArn).toEqual({
      kind: 'known',
      value: 'arn:aws:iam::406214073512:role/orders',
      location: at('deploy/orders-prod.yaml', 4, 33),
    })
    expect(staging!.namespace).toEqual({
      kind: 'known',
      value: 'shop-staging',
      location: at('argocd/orders-staging.yaml', 18, 16),
    })
    expect(staging!.roleArn).toEqual({
      kind: 'known',
      value: 'arn:aws:iam::406214073512:role/orders-staging',
      location: at('charts/orders/values-staging.yaml', 3, 33),
    })
    for (const workload of result.graph.facts.workloads)
      expect(result.graph.serviceAccountsOf(workload)).toHaveLength(1)
  })

  it('is clean when the trusts name the ServiceAccounts the releases create', async () => {
    expect(linesOf(await scanRepository(fixture('helm', 'release-name', 'clean')))).toEqual([])
  })
})

describe('Helm: a Flux HelmRelease', () => {
  it('names the release <targetNamespace>-<name> as Flux does', async () => {
    expect(linesOf(await scanRepository(fixture('helm', 'flux', 'fires')))).toEqual([
      `clusters/prod/orders.yaml:4:9: error: ServiceAccount shop/shop-orders (clusters/prod/orders.yaml:19) would be refused by role orders's trust (iam/orders-trust.json:12): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:shop:orders", not "system:serviceaccount:shop:shop-orders"; change the sub value to "system:serviceaccount:shop:shop-orders" or rename the ServiceAccount to orders (the ServiceAccount's name shop-orders is set here, not in charts/orders/templates/serviceaccount.yaml:5) [trust-denies-service-account]`,
    ])
  })

  it('is clean with spec.releaseName set to the chart name', async () => {
    const result = await scanRepository(fixture('helm', 'flux', 'clean'))
    expect(linesOf(result)).toEqual([])
    expect(identities(result)).toEqual(['helm shop/orders'])
  })
})

describe('Helm: numeric account IDs in values', () => {
  it('flags an unquoted account ID a template prints into an ARN, on the values line', async () => {
    const result = await scanRepository(fixture('helm', 'numeric-account', 'fires'))
    expect(linesOf(result)).toEqual([
      'charts/payments/values.yaml:9:15: error: awsAccountId in charts/payments/values.yaml is the unquoted number 406214073512: Helm reads values numbers as floats, so {{ .Values.awsAccountId }} prints "4.06214073512e+11" in the role ARN at charts/payments/templates/serviceaccount.yaml:9, which STS rejects ("Request ARN is invalid"); quote it (awsAccountId: "406214073512") [role-arn-invalid]',
    ])
    // The annotation is not checked further: what Helm renders is no ARN.
    expect(result.graph.facts.serviceAccounts[0]!.roleArn).toEqual({
      kind: 'symbolic',
      expression: 'helm:arn:aws:iam::{{ .Values.awsAccountId }}:role/{{ .Values.serviceAccount.roleName }}',
      location: at('charts/payments/templates/serviceaccount.yaml', 9, 33),
    })
  })

  it('is clean with the account ID quoted, and the composed ARN is checked against its trust', async () => {
    const result = await scanRepository(fixture('helm', 'numeric-account', 'clean'))
    expect(linesOf(result)).toEqual([])
    expect(result.graph.facts.serviceAccounts[0]!.roleArn).toEqual({
      kind: 'known',
      value: 'arn:aws:iam::406214073512:role/payments',
      location: at('charts/payments/templates/serviceaccount.yaml', 9, 33),
    })
    expect(result.graph.rolesOf(result.graph.facts.serviceAccounts[0]!).map((link) => link.role.location.path)).toEqual(
      ['iam/payments-trust.json'],
    )
  })
})

describe('Helm: a chart no release names', () => {
  it('is read with a symbolic release name and namespace: no false alarm', async () => {
    const result = await scanRepository(fixture('helm', 'unknown-release'))
    expect(linesOf(result)).toEqual([])
    expect(identities(result)).toEqual(['helm ${helm-release-namespace:charts/orders}/${helm-fullname:charts/orders}'])
    expect(result.graph.serviceAccountsOf(result.graph.facts.workloads[0]!)).toHaveLength(1)
  })
})

describe('Helm: which chart owns a template', () => {
  it("gives a template to the deepest chart whose templates/ holds it: a subchart under charts/ (at any depth), the chart at the root, a chart inside another chart's templates/, not a templates directory of no chart", async () => {
    const result = await scanRepository(fixture('helm', 'nested-charts'))
    expect(
      result.graph.facts.serviceAccounts.map(
        (sa) =>
          `${sa.source} ${shown(sa.namespace)}/${shown(sa.name)} ${sa.roleArn && shown(sa.roleArn)} (${sa.location.path}:${sa.location.line}; role ARN from ${sa.roleArn?.location.path}:${sa.roleArn?.location.line})`,
      ),
    ).toEqual([
      'helm ${helm-release-namespace:.}/platform-extra arn:aws:iam::406214073512:role/platform (templates/extra/templates/serviceaccount.yaml:4; role ARN from values.yaml:1)',
      'helm ${helm-release-namespace:.}/platform arn:aws:iam::406214073512:role/platform (templates/serviceaccount.yaml:4; role ARN from values.yaml:1)',
      'helm ${helm-release-namespace:.}/orders arn:aws:iam::406214073512:role/orders (charts/orders/templates/serviceaccount.yaml:4; role ARN from charts/orders/values.yaml:1)',
      'helm ${helm-release-namespace:.}/cache arn:aws:iam::406214073512:role/cache (charts/orders/charts/cache/templates/serviceaccount.yaml:4; role ARN from charts/orders/charts/cache/values.yaml:1)',
      'helm ${helm-release-namespace:templates/bundled}/bundled arn:aws:iam::406214073512:role/bundled (templates/bundled/templates/serviceaccount.yaml:4; role ARN from templates/bundled/values.yaml:1)',
      'kubernetes ops/reports arn:aws:iam::406214073512:role/reports (deploy/templates/serviceaccount.yaml:4; role ARN from deploy/templates/serviceaccount.yaml:7)',
    ])
    expect(linesOf(result)).toEqual([])
  })
})

describe('Helm: values the release does not set come from outside the scan', () => {
  const chart = {
    'charts/backup/Chart.yaml': 'apiVersion: v2\nname: backup\nversion: 0.1.0\n',
    'charts/backup/values.yaml': [
      'serviceAccount:',
      '  annotations:',
      '    eks.amazonaws.com/role-arn: ""  # Overridden in ../app-config (Argo CD).',
      'mirror: {}',
      '',
    ].join('\n'),
    'charts/backup/templates/serviceaccount.yaml': [
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      '  name: backup',
      '  {{- with .Values.serviceAccount.annotations }}',
      '  annotations:',
      '    {{- toYaml . | nindent 4 }}',
      '  {{- end }}',
      '---',
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      '  name: mirror-sync',
      '  annotations:',
      '    eks.amazonaws.com/role-arn: {{ .Values.mirror.iamRoleArn }}',
      '---',
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      '  name: release-assumer',
      '  annotations:',
      '    eks.amazonaws.com/role-arn: arn:aws:iam::{{ .Values.awsAccountId }}:role/release-assumer',
      '---',
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      '  name: quoted',
      '  annotations:',
      '    eks.amazonaws.com/role-arn: {{ .Values.quoted.roleArn | quote }}',
      '',
    ].join('\n'),
  }

  it('keeps an empty default of the chart, an absent value and ARN text made with one symbolic: no placeholder, no invalid ARN', async () => {
    const result = await scanRepository(tempRepo(chart))
    expect(linesOf(result).filter((line) => !line.includes(': note: '))).toEqual([])
    expect(
      result.graph.facts.serviceAccounts.map(
        (sa) =>
          `${shown(sa.name)} ${sa.roleArn && shown(sa.roleArn)} @${sa.roleArn?.location.path}:${sa.roleArn?.location.line}`,
      ),
    ).toEqual([
      'backup ${helm-value-not-set(eks.amazonaws.com/role-arn)} @charts/backup/values.yaml:3',
      'mirror-sync ${helm-value-not-set(eks.amazonaws.com/role-arn)} @charts/backup/templates/serviceaccount.yaml:15',
      'release-assumer ${helm-value-not-set(eks.amazonaws.com/role-arn)} @charts/backup/templates/serviceaccount.yaml:22',
      'quoted ${helm-value-not-set(eks.amazonaws.com/role-arn)} @charts/backup/templates/serviceaccount.yaml:29',
    ])
  })

  it('still reports an empty value a release sets, and a placeholder a release gives', async () => {
    const result = await scanRepository(
      tempRepo({
        ...chart,
        'deploy/backup-prod.yaml':
          'serviceAccount:\n  annotations:\n    eks.amazonaws.com/role-arn: ""\nawsAccountId: "123456789012"\n',
        '.irsa-guard.yml': release('      values: [deploy/backup-prod.yaml]\n').replace(
          /charts\/orders/g,
          'charts/backup',
        ),
      }),
    )
    expect(linesOf(result)).toEqual([
      'charts/backup/templates/serviceaccount.yaml:22:33: warning: eks.amazonaws.com/role-arn "arn:aws:iam::123456789012:role/release-assumer" of ServiceAccount shop/release-assumer holds 123456789012, an example account ID from the AWS documentation: STS finds no such role of yours and answers AccessDenied; replace 123456789012 with the 12-digit ID of the account the role is in [role-arn-placeholder]',
      'deploy/backup-prod.yaml:3:33: warning: eks.amazonaws.com/role-arn of ServiceAccount shop/backup holds nothing (the value is empty): the webhook injects no role and the pods fall back to the node role; set the role ARN or remove the annotation [role-arn-placeholder]',
    ])
  })
})

describe('Helm: names and values', () => {
  it('uses fullnameOverride, serviceAccount.name and nameOverride as the standard helpers do, located where they are set', async () => {
    const cases: [string, string][] = [
      ['fullnameOverride: orders-api\n', 'orders-api @ values.yaml:1'],
      ['nameOverride: api\n', 'shop-api @ .irsa-guard.yml:4'],
      ['serviceAccount:\n  name: orders-runner\n', 'orders-runner @ values.yaml:2'],
      [`fullnameOverride: ${'x'.repeat(62)}-suffix\n`, `${'x'.repeat(62)} @ values.yaml:1`],
    ]
    for (const [values, expected] of cases) {
      const root = tempRepo({
        ...ordersChart(),
        'values.yaml': values,
        '.irsa-guard.yml': release('      values: [values.yaml]\n'),
      })
      const result = await scanRepository(root)
      expect(
        result.graph.facts.serviceAccounts.map(
          (sa) => `${shown(sa.name)} @ ${sa.name.location.path}:${sa.name.location.line}`,
        ),
      ).toEqual([expected])
    }
  })

  it('creates no ServiceAccount when serviceAccount.create is false, and the workload runs as the named one', async () => {
    const root = tempRepo({
      ...ordersChart(),
      'values.yaml': 'serviceAccount:\n  create: false\n  name: shared-runner\n',
      '.irsa-guard.yml': release('      values: [values.yaml]\n'),
    })
    const result = await scanRepository(root)
    expect(result.graph.facts.serviceAccounts).toEqual([])
    expect(result.graph.facts.workloads.map((workload) => shown(workload.serviceAccountName!))).toEqual([
      'shared-runner',
    ])
  })

  it('leaves names symbolic when _helpers.tpl is not exactly the standard one', async () => {
    const helpers = readFileSync(
      fixture('helm', 'release-name', 'fires', 'charts', 'orders', 'templates', '_helpers.tpl'),
      'utf8',
    ).replace('printf "%s-%s" .Release.Name $name', 'printf "%s-%s-svc" .Release.Name $name')
    const root = tempRepo({
      ...ordersChart({ 'charts/orders/templates/_helpers.tpl': helpers }),
      '.irsa-guard.yml': release(),
    })
    const result = await scanRepository(root)
    expect(identities(result)).toEqual(['helm shop/${helm:{{ include "orders.serviceAccountName" . }}}'])
  })

  it('does not read a value chosen by an if/else inside the line', async () => {
    const deployment = readFileSync(
      fixture('helm', 'release-name', 'fires', 'charts', 'orders', 'templates', 'deployment.yaml'),
      'utf8',
    ).replace(
      'serviceAccountName: {{ include "orders.serviceAccountName" . }}',
      'serviceAccountName: {{ if .Values.runner }}{{ .Values.runner }}{{ else }}orders-default{{ end }}',
    )
    const root = tempRepo({
      ...ordersChart({ 'charts/orders/templates/deployment.yaml': deployment }),
      '.irsa-guard.yml': release(),
    })
    const result = await scanRepository(root)
    expect(result.graph.facts.workloads.map((workload) => shown(workload.serviceAccountName!))).toEqual([
      '${helm:{{ if .Values.runner }}{{ .Values.runner }}{{ else }}orders-default{{ end }}}',
    ])
  })

  it('reads annotations written with a range over a values map', async () => {
    const template = [
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      '  name: {{ include "orders.serviceAccountName" . }}',
      '  {{- with .Values.serviceAccount.annotations }}',
      '  annotations:',
      '    {{- range $key, $value := . }}',
      '    {{ $key }}: {{ $value | quote }}',
      '    {{- end }}',
      '  {{- end }}',
      '',
    ].join('\n')
    const root = tempRepo({
      ...ordersChart({ 'charts/orders/templates/serviceaccount.yaml': template }),
      'values.yaml':
        'serviceAccount:\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::406214073512:role/orders\n',
      '.irsa-guard.yml': release('      values: [values.yaml]\n'),
    })
    const result = await scanRepository(root)
    expect(result.graph.facts.serviceAccounts.map((sa) => sa.roleArn)).toEqual([
      { kind: 'known', value: 'arn:aws:iam::406214073512:role/orders', location: at('values.yaml', 3, 33) },
    ])
  })

  it('takes Argo CD inline values (values, valuesObject, parameters) after the value files, located in the Application', async () => {
    const application = (helm: string) =>
      `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: orders\nspec:\n  source:\n    repoURL: https://github.com/example-org/shop.git\n    path: charts/orders\n    helm:\n${helm}  destination:\n    namespace: shop\n`
    const cases: [string, string][] = [
      ['      values: |\n        serviceAccount:\n          name: from-values\n', 'from-values @ app.yaml:12:17'],
      ['      valuesObject:\n        serviceAccount:\n          name: from-object\n', 'from-object @ app.yaml:12:17'],
      [
        '      parameters:\n        - name: serviceAccount.name\n          value: from-parameter\n',
        'from-parameter @ app.yaml:12:18',
      ],
    ]
    for (const [helm, expected] of cases) {
      const root = tempRepo({ ...ordersChart(), 'app.yaml': application(helm) })
      const result = await scanRepository(root)
      expect(
        result.graph.facts.serviceAccounts.map(
          (sa) => `${shown(sa.name)} @ ${sa.name.location.path}:${sa.name.location.line}:${sa.name.location.column}`,
        ),
      ).toEqual([expected])
    }
  })

  it('reads an enabled subchart with its values from the parent', async () => {
    const subchart = Object.fromEntries(
      Object.entries(ordersChart()).map(([path, text]) => [
        path.replace('charts/orders/', 'charts/shop/charts/orders/'),
        text,
      ]),
    )
    const root = tempRepo({
      ...subchart,
      'charts/shop/Chart.yaml':
        'apiVersion: v2\nname: shop\nversion: 1.0.0\ndependencies:\n  - name: orders\n    version: 0.3.0\n    alias: api\n    condition: api.enabled\n',
      'charts/shop/values.yaml': 'api:\n  enabled: true\n  serviceAccount:\n    name: shop-api\n',
      '.irsa-guard.yml': 'helm:\n  releases:\n    - chart: charts/shop\n      name: prod\n      namespace: shop\n',
    })
    const result = await scanRepository(root)
    expect(
      result.graph.facts.serviceAccounts.map(
        (sa) => `${shown(sa.namespace)}/${shown(sa.name)} @ ${sa.name.location.path}:${sa.name.location.line}`,
      ),
    ).toEqual(['shop/shop-api @ charts/shop/values.yaml:4'])
    const disabled = await scanRepository(
      tempRepo({
        ...subchart,
        'charts/shop/Chart.yaml': readFileSync(`${root}/charts/shop/Chart.yaml`, 'utf8'),
        'charts/shop/values.yaml': 'api:\n  enabled: false\n',
        '.irsa-guard.yml': readFileSync(`${root}/.irsa-guard.yml`, 'utf8'),
      }),
    )
    expect(disabled.graph.facts.serviceAccounts).toEqual([])
  })
})

describe('Helm: what cannot be read', () => {
  it('reports a release whose chart or values file is not in the repository, at the config entry', async () => {
    const root = tempRepo({
      ...ordersChart(),
      '.irsa-guard.yml': `${release('      values: [deploy/missing.yaml]\n')}    - chart: charts/payments\n      name: payments\n      namespace: payments\n`,
    })
    expect(linesOf(await scanRepository(root), 'parse-error')).toEqual([
      '.irsa-guard.yml:4:13: warning: The values file deploy/missing.yaml of the release of charts/orders cannot be read (missing, or outside the repository); helm would fail, and values it sets are not seen [parse-error]',
      '.irsa-guard.yml:8:13: warning: helm.releases[1] names the chart charts/payments, but the scan has no Chart.yaml there; nothing of this release was checked [parse-error]',
    ])
  })

  it('notes Flux valuesFrom and Argo CD $ref value files it does not follow', async () => {
    const root = tempRepo({
      ...ordersChart(),
      'flux.yaml':
        'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: orders\n  namespace: shop\nspec:\n  chart:\n    spec:\n      chart: ./charts/orders\n      sourceRef:\n        kind: GitRepository\n        name: shop\n  valuesFrom:\n    - kind: ConfigMap\n      name: orders-values\n',
      'argo.yaml':
        'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: orders\nspec:\n  sources:\n    - path: charts/orders\n      repoURL: https://github.com/example-org/shop.git\n      helm:\n        valueFiles:\n          - $values/orders/prod.yaml\n  destination:\n    namespace: shop\n',
    })
    expect(linesOf(await scanRepository(root), 'parse-error')).toEqual([
      'argo.yaml:11:13: note: Skipped the values file $values/orders/prod.yaml: it comes from another source of the Application (a $ref), which irsa-guard does not fetch; values it sets are not seen [parse-error]',
      'flux.yaml:14:5: note: The HelmRelease takes values from ConfigMaps or Secrets (valuesFrom), which irsa-guard does not read; its ServiceAccount names and annotations are not checked [parse-error]',
    ])
  })

  it('does not let the Kubernetes source read a chart template on its own', async () => {
    const root = tempRepo({
      ...ordersChart({
        'charts/orders/templates/static.yaml':
          'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: static-runner\n',
      }),
      '.irsa-guard.yml': release(),
    })
    expect(identities(await scanRepository(root))).toEqual(['helm shop/shop-orders', 'helm shop/static-runner'])
  })
})

describe('Helm: config', () => {
  it('reads helm.render and rejects a value that is not a boolean', () => {
    expect(parseConfig('helm:\n  render: true\n', { displayPath: '.irsa-guard.yml' }).helm).toEqual({
      releases: [],
      render: true,
    })
    expect(() => parseConfig('helm:\n  render: always\n', { displayPath: '.irsa-guard.yml' })).toThrow(
      '.irsa-guard.yml:2: helm.render: must be true or false (got "always")',
    )
  })

  it('keeps where each release names its name and namespace', () => {
    const config = parseConfig(release(), { displayPath: '.irsa-guard.yml', repositoryPath: '.irsa-guard.yml' })
    expect(config.helm.releases).toEqual([
      {
        chart: 'charts/orders',
        name: 'shop',
        namespace: 'shop',
        values: [],
        nameLocation: at('.irsa-guard.yml', 4, 13),
        namespaceLocation: at('.irsa-guard.yml', 5, 18),
      },
    ])
  })
})

/** `helm: render` needs helm on the PATH; without it this is skipped. */
const hasHelm = spawnSync('helm', ['version', '--short'], { encoding: 'utf8' }).status === 0
;(hasHelm ? describe : describe.skip)('helm: render (helm template)', () => {
  it.each(['release-name/fires', 'release-name/clean', 'numeric-account/clean'])(
    'gives the same findings as the native reading on %s',
    async (name) => {
      const root = fixture('helm', ...name.split('/'))
      const native = await scanRepository(root)
      const rendered = await scanRepository(root, {
        helm: { ...(await loadConfig({ root, cwd: root })).helm, render: true },
      })
      expect(linesOf(rendered)).toEqual(linesOf(native))
      expect(rendered.graph.facts.serviceAccounts).toEqual(native.graph.facts.serviceAccounts)
    },
  )
})
