import { fixture, linesOf, scan } from '../helpers.js'
import { removeTempRepos, tempRepo, writeRepoFile } from '../discover/temp-repo.js'

afterAll(removeTempRepos)

describe('workload-runs-as-default', () => {
  it('stays silent on a set name, an annotated default ServiceAccount, a ServiceAccount another workload uses or defined elsewhere', async () => {
    const result = await scan(fixture('rules', 'workload-runs-as-default', 'silent'))
    expect(linesOf(result, 'workload-runs-as-default')).toEqual([])
    expect(result.graph.facts.workloads.filter((workload) => workload.serviceAccountName === undefined).length).toBe(4)
  })
})

describe('workload-runs-as-default on remote chart releases', () => {
  it('reads the near misses, so their silence is not for want of a release', async () => {
    const result = await scan(fixture('rules', 'workload-runs-as-default', 'remote-silent'))
    expect(linesOf(result, 'workload-runs-as-default')).toEqual([])
    expect(result.graph.facts.releasesRunningAsDefault?.map((release) => release.label)).toEqual([
      'Argo CD Application cost-analyzer',
    ])
  })

  it('reads malformed Applications and HelmReleases: a located finding for values that are not YAML, no stack trace', async () => {
    const root = tempRepo()
    writeRepoFile(
      root,
      'apps.yaml',
      [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata: {name: broken-values}',
        'spec:',
        '  source:',
        '    chart: external-dns',
        '    helm:',
        '      values: "serviceAccount: [create: false"',
        '      parameters: {name: serviceAccount.create}',
        '  sources: external-dns',
        '---',
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata: {name: list-values}',
        'spec:',
        '  source:',
        '    chart: [external-dns]',
        '    helm: {valuesObject: [1, 2]}',
        '---',
        'apiVersion: helm.toolkit.fluxcd.io/v2',
        'kind: HelmRelease',
        'metadata: {name: odd}',
        'spec:',
        '  chart: {spec: {chart: karpenter, sourceRef: {kind: HelmRepository}}}',
        '  values:',
        '    serviceAccount: {create: false, annotations: [eks.amazonaws.com/role-arn]}',
        '',
      ].join('\n'),
    )
    const result = await scan(root)
    expect(linesOf(result)).toEqual([
      'apps.yaml:8:15: warning: Cannot parse YAML: Flow sequence in block collection must be sufficiently indented and end with a ] [parse-error]',
    ])
  })
})
