import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { CheckResult } from '../../../src/check.js'
import { fixture, linesOf, scan } from '../../helpers.js'
import { removeTempRepos, tempRepo } from '../../discover/temp-repo.js'

afterAll(removeTempRepos)

/** `kustomize: render` needs kubectl (or kustomize) on the PATH; without one these tests are skipped. */
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0
const describeWithKubectl = hasKubectl ? describe : describe.skip

/** Every fixture repository under __fixtures__/kustomize (a directory holding a kustomization somewhere below it, but none of its own parents). */
function kustomizeFixtures(): string[] {
  const roots: string[] = []
  const visit = (directory: string): void => {
    const entries = readdirSync(directory, { withFileTypes: true })
    if (entries.some((entry) => entry.isDirectory() && ['base', 'overlays', 'components'].includes(entry.name))) {
      roots.push(directory)
      return
    }
    for (const entry of entries) if (entry.isDirectory()) visit(path.join(directory, entry.name))
  }
  visit(fixture('kustomize'))
  return roots.map((root) => path.relative(fixture('kustomize'), root).split(path.sep).join('/')).sort()
}

/** Everything a reader sees of a finding. */
function outcome(result: CheckResult): unknown[] {
  return result.findings.map((finding) => ({
    line: linesOf({ ...result, findings: [finding] })[0],
    related: finding.related,
    fingerprint: finding.fingerprint,
  }))
}

describe('the Kustomize fixtures', () => {
  it('are all compared below', () => {
    expect(kustomizeFixtures()).toEqual([
      'name-prefix/clean',
      'name-prefix/fires',
      'namespace-overlay/clean',
      'namespace-overlay/fires',
      'patches/clean',
      'patches/fires',
      'remote-base',
    ])
    expect(existsSync(fixture('kustomize', 'remote-base', 'overlays', 'prod', 'kustomization.yaml'))).toBe(true)
  })
})

describeWithKubectl('kustomize: render (kubectl kustomize)', () => {
  it.each(kustomizeFixtures())('gives the same findings as the native build on %s', async (name) => {
    const root = fixture('kustomize', name)
    const native = await scan(root, { kustomize: 'native' })
    const rendered = await scan(root, { kustomize: 'render' })
    expect(outcome(rendered)).toEqual(outcome(native))
    // kubectl writes map keys sorted: compare annotations as sets.
    const sorted = (result: CheckResult) =>
      result.graph.facts.serviceAccounts.map((sa) => ({
        ...sa,
        annotations: [...sa.annotations].sort((a, b) => a.key.localeCompare(b.key)),
      }))
    expect(sorted(rendered)).toEqual(sorted(native))
    expect(rendered.graph.facts.workloads).toEqual(native.graph.facts.workloads)
  })

  it('sees what only kustomize evaluates (replacements), located by the native build', async () => {
    const files = {
      'app/kustomization.yaml': [
        'namespace: web',
        'resources: [sa.yaml, settings.yaml]',
        'replacements:',
        '  - source: {kind: ConfigMap, name: settings, fieldPath: data.role}',
        '    targets:',
        '      - select: {kind: ServiceAccount, name: app}',
        '        fieldPaths:',
        '          - metadata.annotations.[eks.amazonaws.com/role-arn]',
        '',
      ].join('\n'),
      'app/sa.yaml':
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  annotations:\n    eks.amazonaws.com/role-arn: placeholder\n',
      'app/settings.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  role: arn:aws:iam::406214073512:role/web-app\n',
    }
    const native = await scan(tempRepo(files), { kustomize: 'native' })
    // The native build does not run the replacement, which writes this annotation: the value is whatever it writes.
    expect(native.graph.facts.serviceAccounts.map((sa) => sa.roleArn)).toEqual([
      {
        kind: 'symbolic',
        expression: 'kustomize-replacement(placeholder)',
        location: { path: 'app/sa.yaml', line: 6, column: 33 },
      },
    ])
    expect(linesOf(native, 'parse-error')).toEqual([
      'app/kustomization.yaml:3:1: note: irsa-guard does not evaluate the kustomize field replacements, so names, namespaces and annotations it sets are not seen; set the kustomize-render input (CLI: --kustomize-render) to build with kubectl [parse-error]',
    ])
    const rendered = await scan(tempRepo(files), { kustomize: 'render' })
    // The value kubectl built, at the place the native build knows for that field.
    expect(rendered.graph.facts.serviceAccounts.map((sa) => sa.roleArn)).toEqual([
      {
        kind: 'known',
        value: 'arn:aws:iam::406214073512:role/web-app',
        location: { path: 'app/sa.yaml', line: 6, column: 33 },
      },
    ])
    expect(linesOf(rendered, 'parse-error')).toEqual([])
  })

  it('never runs a kubectl of the scanned repository, even when the PATH names its directory', async () => {
    const root = tempRepo({
      'bin/kubectl': '#!/bin/sh\ntouch "$(dirname "$0")/../ran"\nexit 1\n',
      'app/kustomization.yaml': 'namespace: web\nresources: [sa.yaml]\n',
      'app/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n',
    })
    chmodSync(path.join(root, 'bin', 'kubectl'), 0o755)
    const saved = process.env.PATH
    process.env.PATH = [path.join(root, 'bin'), 'bin', saved].join(path.delimiter)
    try {
      const result = await scan(root, { kustomize: 'render' })
      expect(linesOf(result)).toEqual([])
      expect(
        result.graph.facts.serviceAccounts.map((sa) => sa.namespace.kind === 'known' && sa.namespace.value),
      ).toEqual(['web'])
    } finally {
      process.env.PATH = saved
    }
    expect(existsSync(path.join(root, 'ran'))).toBe(false)
  })

  it('reports a build kubectl refuses and keeps the native objects', async () => {
    const root = tempRepo({
      'app/kustomization.yaml':
        'resources: [sa.yaml]\nhelmCharts:\n  - name: orders\n    repo: https://charts.example.com\n',
      'app/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  namespace: web\n',
    })
    const result = await scan(root, { kustomize: 'render' })
    expect(
      linesOf(result, 'parse-error').map((line) =>
        line.replace(/kubectl failed: .*; the native/, 'kubectl failed: …; the native'),
      ),
    ).toEqual([
      'app/kustomization.yaml:1:1: warning: Cannot render app/kustomization.yaml: kubectl failed: …; the native build was used [parse-error]',
      'app/kustomization.yaml:2:1: note: irsa-guard does not evaluate the kustomize field helmCharts, so names, namespaces and annotations it sets are not seen; set the kustomize-render input (CLI: --kustomize-render) to build with kubectl [parse-error]',
    ])
    expect(
      result.graph.facts.serviceAccounts.map((sa) => `${sa.source} ${sa.name.kind === 'known' ? sa.name.value : ''}`),
    ).toEqual(['kustomize app'])
  })
})
