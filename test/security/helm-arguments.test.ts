import { symlinkSync } from 'node:fs'
import path from 'node:path'
import { runActionBundle } from '../action/run-bundle.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'
import { fakeHelm, runCliBundle } from './attack.js'

afterAll(removeTempRepos)

const CHART = {
  'charts/orders/Chart.yaml': 'apiVersion: v2\nname: orders\nversion: 0.1.0\n',
  'charts/orders/values.yaml': 'serviceAccount:\n  name: orders\n',
  'charts/orders/templates/sa.yaml':
    'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{ .Values.serviceAccount.name }}\n  namespace: {{ .Release.Namespace }}\n',
  'deploy/orders-values.yaml': 'serviceAccount:\n  name: orders\n',
}

/** The finding lines the action prints in its log group. */
function findingLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^[^:\s]+:\d+:\d+: (error|warning|note): /.test(line))
}

/** Runs the action bundle with the fake helm first on the PATH, as a workflow whose runner has helm. */
function runActionWithHelm(workspace: string, helmDirectory: string, inputs: Record<string, string>) {
  const saved = process.env.PATH
  process.env.PATH = [helmDirectory, saved].join(path.delimiter)
  try {
    return runActionBundle(workspace, { 'fail-on': 'never', ...inputs })
  } finally {
    process.env.PATH = saved
  }
}

describe('defect 1: repository values never reach helm as options', () => {
  it('does not run helm when only the repository config asks for it, and says so at its line', () => {
    const helm = fakeHelm()
    const workspace = tempRepo({
      ...CHART,
      '.irsa-guard.yml':
        'helm:\n  render: true\n  releases:\n    - chart: charts/orders\n      name: orders\n      namespace: web\n',
    })
    const run = runActionWithHelm(workspace, helm.directory, {})
    expect(helm.calls()).toEqual([])
    expect(findingLines(run.stdout)).toEqual([
      '.irsa-guard.yml:2:11: warning: helm.render: true is ignored: a config file in the scanned repository cannot make irsa-guard run helm; set the action input helm-render (CLI: --helm-render) to render charts [parse-error]',
    ])
  })

  it('never passes a release name from the config that helm would read as an option (--post-renderer)', () => {
    const helm = fakeHelm()
    const workspace = tempRepo({
      ...CHART,
      '.irsa-guard.yml':
        'helm:\n  render: true\n  releases:\n    - chart: charts/orders\n      name: "--post-renderer=/bin/sh"\n      namespace: web\n',
    })
    const run = runActionWithHelm(workspace, helm.directory, { 'helm-render': 'true' })
    expect(helm.calls()).toEqual([])
    expect(findingLines(run.stdout)).toEqual([
      '.irsa-guard.yml:5:13: warning: Did not render the release of charts/orders with helm (helm-render): the release name "--post-renderer=/bin/sh" is not a Helm release name (lower-case letters, digits, - and ., at most 53 characters); the native reading was used [parse-error]',
    ])
  })

  it('never passes a release name from an Argo CD Application that helm would read as an option (--set-file)', () => {
    const helm = fakeHelm()
    const workspace = tempRepo({
      ...CHART,
      '.irsa-guard.yml': 'helm:\n  render: true\n',
      'argocd/orders.yaml': [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata:',
        '  name: orders',
        'spec:',
        '  destination:',
        '    namespace: web',
        '  source:',
        '    path: charts/orders',
        '    helm:',
        '      releaseName: --set-file=x=/etc/passwd',
        '',
      ].join('\n'),
    })
    const run = runActionWithHelm(workspace, helm.directory, { 'helm-render': 'true' })
    expect(helm.calls()).toEqual([])
    expect(findingLines(run.stdout)).toEqual([
      'argocd/orders.yaml:11:20: warning: Did not render the release of charts/orders with helm (helm-render): the release name "--set-file=x=/etc/passwd" is not a Helm release name (lower-case letters, digits, - and ., at most 53 characters); the native reading was used [parse-error]',
    ])
  })

  it('never passes a Flux HelmRelease namespace that is no namespace', () => {
    const helm = fakeHelm()
    const workspace = tempRepo({
      ...CHART,
      '.irsa-guard.yml': 'helm:\n  render: true\n',
      'flux/orders.yaml': [
        'apiVersion: helm.toolkit.fluxcd.io/v2',
        'kind: HelmRelease',
        'metadata:',
        '  name: orders',
        '  namespace: flux-system',
        'spec:',
        '  releaseName: orders',
        '  targetNamespace: "--kubeconfig=/etc/shadow"',
        '  chart:',
        '    spec:',
        '      chart: charts/orders',
        '      sourceRef: {kind: GitRepository, name: self}',
        '',
      ].join('\n'),
    })
    const run = runActionWithHelm(workspace, helm.directory, { 'helm-render': 'true' })
    expect(helm.calls()).toEqual([])
    expect(findingLines(run.stdout)).toEqual([
      'flux/orders.yaml:8:20: error: ServiceAccount namespace "--kubeconfig=/etc/shadow" is not a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters: the API server refuses the ServiceAccount, so no pod runs as it; rename it, the same in the trust policy [service-account-name-invalid]',
      'flux/orders.yaml:8:20: warning: Did not render the release of charts/orders with helm (helm-render): the namespace "--kubeconfig=/etc/shadow" is not a Kubernetes namespace name (a lower-case DNS label); the native reading was used [parse-error]',
    ])
  })

  it('runs helm on copies it made, with every flag before -- and the name and chart after it, plugins off and no PATH', () => {
    const helm = fakeHelm()
    const workspace = tempRepo({
      ...CHART,
      '.irsa-guard.yml':
        'helm:\n  releases:\n    - chart: charts/orders\n      name: orders\n      namespace: web\n      values: [deploy/orders-values.yaml]\n',
    })
    const run = runActionWithHelm(workspace, helm.directory, { 'helm-render': 'true' })
    const scratch = (argument: string) => argument.replace(/^.*\/irsa-guard-helm-[^/]+\//, '<scratch>/')
    expect(helm.calls().map((call) => call.map(scratch))).toEqual([
      [
        'template',
        '--namespace',
        'web',
        '--skip-tests',
        '--values',
        '<scratch>/values-0.yaml',
        '--',
        'orders',
        '<scratch>/chart',
      ],
    ])
    expect(helm.calls()[0]!.every((argument) => !argument.startsWith(workspace))).toBe(true)
    expect(helm.environments()).toEqual([
      'PATH=<scratch>/empty HOME=<scratch> HTTPS_PROXY=http://127.0.0.1:9 HELM_NO_PLUGINS=1 HELM_PLUGINS=<scratch>/empty GITHUB_TOKEN=',
    ])
    expect(findingLines(run.stdout)).toEqual([])
  })

  it('does not give helm a chart that holds a link out of the repository, and says which file', () => {
    const helm = fakeHelm()
    const workspace = tempRepo({
      ...CHART,
      '.irsa-guard.yml': 'helm:\n  releases:\n    - chart: charts/orders\n      name: orders\n      namespace: web\n',
    })
    symlinkSync('/etc/passwd', path.join(workspace, 'charts/orders/templates/passwd.yaml'))
    const run = runActionWithHelm(workspace, helm.directory, { 'helm-render': 'true' })
    expect(helm.calls()).toEqual([])
    expect(findingLines(run.stdout)).toEqual([
      "charts/orders/Chart.yaml:2:7: warning: Did not render the release of charts/orders with helm (helm-render): the chart's file templates/passwd.yaml was not read: it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root; the native reading was used [parse-error]",
      'charts/orders/templates/passwd.yaml:1:1: note: Skipped charts/orders/templates/passwd.yaml: it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root; copy the file in, or scan its own directory [parse-error]',
    ])
  })

  it('the CLI renders only with --helm-render, never because the scanned config says so', () => {
    const helm = fakeHelm()
    const root = tempRepo({
      ...CHART,
      '.irsa-guard.yml':
        'helm:\n  render: true\n  releases:\n    - chart: charts/orders\n      name: orders\n      namespace: web\n',
    })
    const withoutFlag = runCliBundle(['.', '--fail-on', 'never'], root, {
      PATH: [helm.directory, process.env.PATH].join(path.delimiter),
    })
    expect(helm.calls()).toEqual([])
    expect(withoutFlag.stdout).toContain('.irsa-guard.yml:2:11: warning: helm.render: true is ignored')
    runCliBundle(['.', '--fail-on', 'never', '--helm-render'], root, {
      PATH: [helm.directory, process.env.PATH].join(path.delimiter),
    })
    expect(helm.calls()).toHaveLength(1)
  })
})
