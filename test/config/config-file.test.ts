import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, defaultConfig } from '../../src/config.js'
import { loadConfig, nearest, parseConfig } from '../../src/config-file.js'
import { fixture } from '../helpers.js'

const knownRuleIds = ['role-not-found', 'trust-denies-service-account', 'sub-condition-broad']

function parse(text: string) {
  return parseConfig(text, { displayPath: '.irsa-guard.yml', repositoryPath: '.irsa-guard.yml', knownRuleIds })
}

function errorOf(text: string): string {
  try {
    parse(text)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

describe('config file', () => {
  it('reads every key', () => {
    const config = parse(`# irsa-guard settings
include:
  - k8s/**
  - iam/**
exclude: k8s/legacy/**
rules:
  role-not-found: off
  sub-condition-broad: error
clusters:
  - name: prod
    account: "349127586034"
    region: eu-central-1
    issuer: https://oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9
roles:
  - file: ./iam/app.json
    name: app-reader
    account: "349127586034"
    path: /service/
helm:
  releases:
    - chart: charts/app
      name: app
      namespace: payments
      values: [charts/app/values-prod.yaml]
maxFileBytes: 1048576
fixtureDirectories: [testdata, e2e-recordings]
ignore:
  - rule: role-not-found
    path: iam/legacy/*.json
    reason: the legacy roles live in the platform account
  - rule: [sub-condition-broad, trust-denies-service-account]
    path: [iam/batch-trust.json, "iam/jobs/**"]
    reason: batch namespaces are provisioned by the platform team
    expires: 2027-03-31
`)
    expect(config).toEqual({
      include: ['k8s/**', 'iam/**'],
      exclude: ['k8s/legacy/**'],
      rules: { 'role-not-found': 'off', 'sub-condition-broad': 'error' },
      clusters: [
        {
          name: 'prod',
          account: '349127586034',
          region: 'eu-central-1',
          issuer: 'https://oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9',
          location: { path: '.irsa-guard.yml', line: 10, column: 5 },
        },
      ],
      roles: [
        {
          file: 'iam/app.json',
          name: 'app-reader',
          account: '349127586034',
          path: '/service/',
          location: { path: '.irsa-guard.yml', line: 15, column: 5 },
        },
      ],
      helm: {
        releases: [
          {
            chart: 'charts/app',
            name: 'app',
            namespace: 'payments',
            values: ['charts/app/values-prod.yaml'],
            nameLocation: { path: '.irsa-guard.yml', line: 22, column: 13 },
            namespaceLocation: { path: '.irsa-guard.yml', line: 23, column: 18 },
          },
        ],
      },
      maxFileBytes: 1048576,
      fixtureDirectories: ['testdata', 'e2e-recordings'],
      ignore: [
        {
          rules: ['role-not-found'],
          paths: ['iam/legacy/*.json'],
          reason: 'the legacy roles live in the platform account',
          location: { path: '.irsa-guard.yml', line: 28, column: 5 },
        },
        {
          rules: ['sub-condition-broad', 'trust-denies-service-account'],
          paths: ['iam/batch-trust.json', 'iam/jobs/**'],
          reason: 'batch namespaces are provisioned by the platform team',
          expires: '2027-03-31',
          location: { path: '.irsa-guard.yml', line: 31, column: 5 },
        },
      ],
    })
  })

  it('shows every problem of the file at once, one line each, in file order', () => {
    expect(
      errorOf(`include: 3
rules:
  role-not-fuond: off
  sub-condition-broad: fatal
clusters:
  - name: prod
    region: europe
    account: "1234"
  - region: eu-west-1
roles:
  - file: iam/a.json
    name: "app reader"
    path: service
ignore:
  - rule: role-not-foud
    path: iam/*.json
  - rule: role-not-found
    path: iam/x.json
    reason: legacy
    expires: 31/12/2026
maxFileBytes: -1
`).split('\n'),
    ).toEqual([
      '.irsa-guard.yml:1: include: must be a list (got 3)',
      '.irsa-guard.yml:3: rules.role-not-fuond: unknown rule id (did you mean "role-not-found"?)',
      '.irsa-guard.yml:4: rules.sub-condition-broad: must be one of error, warning, note, off (got "fatal")',
      '.irsa-guard.yml:7: clusters[0].region: "europe" is not an AWS region (like us-east-1)',
      '.irsa-guard.yml:8: clusters[0].account: "1234" is not an AWS account id (12 digits; quote it)',
      '.irsa-guard.yml:9: clusters[1]: missing required key "name"',
      '.irsa-guard.yml:12: roles[0].name: "app reader" is not an IAM role name (1-64 of A-Z a-z 0-9 +=,.@_-)',
      '.irsa-guard.yml:13: roles[0].path: "service" must start and end with / (like /service-roles/)',
      '.irsa-guard.yml:15: ignore[0].rule: unknown rule id (did you mean "role-not-found"?)',
      '.irsa-guard.yml:15: ignore[0]: missing required key "reason" (say why the findings are accepted)',
      '.irsa-guard.yml:20: ignore[1].expires: must be a date YYYY-MM-DD (got "31/12/2026")',
      '.irsa-guard.yml:21: maxFileBytes: must be a positive whole number of bytes (got -1)',
    ])
  })

  it('shows every YAML syntax error at once', () => {
    expect(
      errorOf(
        'rules:\n  role-not-found: off\n  role-not-found: error\nclusters:\n  - name: a\n  - name: a\n    name: b\n',
      ).split('\n'),
    ).toEqual([
      '.irsa-guard.yml:3: invalid YAML: Map keys must be unique',
      '.irsa-guard.yml:7: invalid YAML: Map keys must be unique',
    ])
  })

  it('is the default config when empty or only comments', () => {
    expect(parse('')).toEqual(defaultConfig())
    expect(parse('# nothing yet\n')).toEqual(defaultConfig())
  })

  it('accepts false for off and an unquoted account, keeping its leading zero', () => {
    const config = parse('rules:\n  role-not-found: false\nclusters:\n  - name: dev\n    account: 012345678901\n')
    expect(config.rules).toEqual({ 'role-not-found': 'off' })
    expect(config.clusters[0]!.account).toBe('012345678901')
  })

  describe('errors: one line with file, line, key and the fix', () => {
    it.each([
      [
        'rules:\n  role-not-found: error\n  role-not-fuond: off\n',
        '.irsa-guard.yml:3: rules.role-not-fuond: unknown rule id (did you mean "role-not-found"?)',
      ],
      [
        'rules:\n  role-not-found: fatal\n',
        '.irsa-guard.yml:2: rules.role-not-found: must be one of error, warning, note, off (got "fatal")',
      ],
      [
        'rules:\n  role-not-found:\n',
        '.irsa-guard.yml:2: rules.role-not-found: must be one of error, warning, note, off (got nothing)',
      ],
      ['rules: [role-not-found]\n', '.irsa-guard.yml:1: rules: must be a mapping (got a list)'],
      ['exlude:\n  - docs/**\n', '.irsa-guard.yml:1: exlude: unknown key (did you mean "exclude"?)'],
      ['include: 3\n', '.irsa-guard.yml:1: include: must be a list (got 3)'],
      ['exclude:\n  - docs/**\n  - ""\n', '.irsa-guard.yml:3: exclude[1]: must be a non-empty string (got "")'],
      ['- a\n- b\n', '.irsa-guard.yml:1: (top level): must be a mapping (got a list)'],
      ['clusters:\n  - region: eu-west-1\n', '.irsa-guard.yml:2: clusters[0]: missing required key "name"'],
      [
        'clusters:\n  - name: prod\n    account: "34912758603"\n',
        '.irsa-guard.yml:3: clusters[0].account: "34912758603" is not an AWS account id (12 digits; quote it)',
      ],
      [
        'clusters:\n  - name: prod\n    region: europe\n',
        '.irsa-guard.yml:3: clusters[0].region: "europe" is not an AWS region (like us-east-1)',
      ],
      [
        'clusters:\n  - name: prod\n    issuer: oidc.eks.eu-west-1.amazonaws.com/id/ABC\n',
        '.irsa-guard.yml:3: clusters[0].issuer: "oidc.eks.eu-west-1.amazonaws.com/id/ABC" is not an EKS issuer (https://oidc.eks.<region>.amazonaws.com/id/<ID>)',
      ],
      [
        'clusters:\n  - name: prod\n    region: eu-west-1\n    issuer: https://oidc.eks.us-east-1.amazonaws.com/id/ABC\n',
        ".irsa-guard.yml:4: clusters[0].issuer: the issuer's region us-east-1 is not the cluster's region eu-west-1",
      ],
      [
        'clusters:\n  - name: prod\n    isuer: x\n',
        '.irsa-guard.yml:3: clusters[0].isuer: unknown key (did you mean "issuer"?)',
      ],
      ['roles:\n  - file: iam/a.json\n', '.irsa-guard.yml:2: roles[0]: missing required key "name"'],
      [
        'roles:\n  - file: iam/a.json\n    name: "app reader"\n',
        '.irsa-guard.yml:3: roles[0].name: "app reader" is not an IAM role name (1-64 of A-Z a-z 0-9 +=,.@_-)',
      ],
      [
        'roles:\n  - file: iam/a.json\n    name: app\n    path: service\n',
        '.irsa-guard.yml:4: roles[0].path: "service" must start and end with / (like /service-roles/)',
      ],
      [
        'helm:\n  releases:\n    - chart: charts/app\n      name: app\n      namespace: Payments\n',
        '.irsa-guard.yml:5: helm.releases[0].namespace: "Payments" is not a Kubernetes namespace name (lower-case DNS label)',
      ],
      ['helm:\n  release: []\n', '.irsa-guard.yml:2: helm.release: unknown key (did you mean "releases"?)'],
      ['kustomize: helm\n', '.irsa-guard.yml:1: kustomize: must be one of native, render (got "helm")'],
      ['helm:\n  render: yes\n', '.irsa-guard.yml:2: helm.render: must be true or false (got "yes")'],
      [
        'fixtureDirectories: [test/data]\n',
        '.irsa-guard.yml:1: fixtureDirectories[0]: "test/data" is not a directory name (no slashes or globs; use exclude for paths)',
      ],
      ['maxFileBytes: -1\n', '.irsa-guard.yml:1: maxFileBytes: must be a positive whole number of bytes (got -1)'],
      [
        'include:\n  - k8s/**\n exclude: []\n',
        '.irsa-guard.yml:3: invalid YAML: All mapping items must start at the same column',
      ],
      [
        'rules:\n  role-not-found: off\n  role-not-found: error\n',
        '.irsa-guard.yml:3: invalid YAML: Map keys must be unique',
      ],
      [
        'ignore:\n  - path: iam/a.json\n    reason: legacy\n',
        '.irsa-guard.yml:2: ignore[0]: missing required key "rule"',
      ],
      [
        'ignore:\n  - rule: role-not-found\n    reason: legacy\n',
        '.irsa-guard.yml:2: ignore[0]: missing required key "path"',
      ],
      [
        'ignore:\n  - rule: role-not-found\n    path: iam/a.json\n    reason: ""\n',
        '.irsa-guard.yml:4: ignore[0].reason: must be a non-empty string (got "")',
      ],
      [
        'ignore:\n  - rule: role-not-found\n    path: iam/a.json\n    reason: r\n    expires: 2026-02-30\n',
        '.irsa-guard.yml:5: ignore[0].expires: must be a date YYYY-MM-DD (got "2026-02-30")',
      ],
      [
        'ignore:\n  - rule: role-not-found\n    paths: iam/a.json\n    reason: r\n',
        '.irsa-guard.yml:2: ignore[0]: missing required key "path"\n.irsa-guard.yml:3: ignore[0].paths: unknown key (did you mean "path"?)',
      ],
      ['ignore: {rule: role-not-found}\n', '.irsa-guard.yml:1: ignore: must be a list (got a mapping)'],
    ])('%j', (text, message) => {
      expect(errorOf(text)).toBe(message)
    })
  })

  it('checks rule ids against the registered rules by default', () => {
    const message = (() => {
      try {
        parseConfig('rules:\n  trust-denies-serviceaccount: off\n', { displayPath: 'ci/irsa.yml' })
      } catch (error) {
        return (error as Error).message
      }
      return 'no error'
    })()
    expect(message).toBe(
      'ci/irsa.yml:2: rules.trust-denies-serviceaccount: unknown rule id (did you mean "trust-denies-service-account"?)',
    )
  })

  it('finds the nearest name', () => {
    expect(nearest('foo-bar', knownRuleIds)).toBe('role-not-found')
    expect(nearest('x', [])).toBeUndefined()
  })

  describe('loadConfig', () => {
    let root: string
    beforeEach(async () => {
      root = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-config-'))
    })
    afterEach(async () => {
      await rm(root, { recursive: true, force: true })
    })

    it('uses .irsa-guard.yml at the root, and defaults without one', async () => {
      expect(await loadConfig({ root, cwd: root })).toEqual(defaultConfig())
      await writeFile(path.join(root, '.irsa-guard.yml'), 'exclude: [vendor/**]\n')
      expect((await loadConfig({ root, cwd: root })).exclude).toEqual(['vendor/**'])
    })

    it('names the file relative to the working directory in errors', async () => {
      await expect(loadConfig({ root: fixture('repos', 'bad-config'), cwd: fixture('repos') })).rejects.toThrow(
        new ConfigError(
          'bad-config/.irsa-guard.yml:5: rules.role-not-fuond: unknown rule id (did you mean "role-not-found"?)',
        ),
      )
    })

    it('requires a config file that was named', async () => {
      await expect(loadConfig({ root, cwd: root, configFile: 'missing.yml' })).rejects.toThrow(
        new ConfigError('missing.yml: cannot read config file: no such file'),
      )
    })

    it('gives locations only to a config file inside the repository', async () => {
      const outside = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-outside-'))
      try {
        await writeFile(path.join(outside, 'irsa.yml'), 'clusters:\n  - name: prod\n')
        const config = await loadConfig({ root, cwd: outside, configFile: 'irsa.yml' })
        expect(config.clusters).toEqual([{ name: 'prod' }])
        await writeFile(path.join(root, '.irsa-guard.yml'), 'clusters:\n  - name: prod\n')
        expect((await loadConfig({ root, cwd: root })).clusters).toEqual([
          { name: 'prod', location: { path: '.irsa-guard.yml', line: 2, column: 5 } },
        ])
      } finally {
        await rm(outside, { recursive: true, force: true })
      }
    })
  })
})
