import nodePath from 'node:path'
import type { HelmRelease } from '../../config.js'
import type { SourceFinding } from '../../model/finding.js'
import type { Location } from '../../model/location.js'
import type { ObjectNode, TreeNode } from '../../model/tree.js'
import { blockScalarMover, get, getPath, relocateTree, stringNode, textOf } from '../shared/tree-edit.js'
import type { SourceFile } from '../source.js'
import { parseYamlTree } from '../shared/yaml-tree.js'
import { chartDirectory, chartLocation, join, type Chart } from './charts.js'
import { symbolicNode } from './evaluate.js'
import { setValuesPath, splitValuesPath } from './values.js'

/** A values file a release names, and where it names it. */
export interface ValuesReference {
  path: string
  location: Location
}

/** One installation of a chart: its name, namespace and values, and where each is written. */
export interface Release {
  chart: Chart
  /** Known (located where the release is declared) or symbolic (a chart with no known release). */
  name: TreeNode
  namespace: TreeNode
  valueFiles: ValuesReference[]
  /** Inline values, after the files, in order. */
  inline: ObjectNode[]
  /** Flux `valuesFiles`: they replace the chart's own values.yaml. */
  replacesChartValues: boolean
  /** Where the release is declared (config entry, Argo CD Application, Flux HelmRelease, Terraform helm_release). */
  declaredAt: Location
  via: 'config' | 'argocd' | 'flux' | 'terraform' | 'none'
}

export interface ReleaseDiscovery {
  releases: Release[]
  findings: SourceFinding[]
  /** Files that declare releases (kept for the Kubernetes source: they are objects too). */
}

/** Releases from the config file and from Argo CD Applications and Flux HelmReleases that point at a chart of the repository. */
export function findReleases(
  charts: readonly Chart[],
  configured: readonly HelmRelease[],
  files: readonly SourceFile[],
  configPath: string | undefined,
): ReleaseDiscovery {
  const byDirectory = new Map(charts.map((chart) => [chart.directory, chart]))
  const result: ReleaseDiscovery = { releases: [], findings: [] }
  configured.forEach((entry, index) => {
    const chart = byDirectory.get(chartDirectory(entry.chart))
    const at = entry.nameLocation ?? (configPath ? { path: configPath, line: 1, column: 1 } : undefined)
    if (!chart) {
      if (at)
        result.findings.push({
          ruleId: 'parse-error',
          location: at,
          message: `helm.releases[${index}] names the chart ${entry.chart}, but the scan has no Chart.yaml there; nothing of this release was checked`,
          key: `helm-release-chart:${entry.chart}`,
        })
      return
    }
    const fallback = chartLocation(chart)
    result.releases.push({
      chart,
      name: stringNode(entry.name, entry.nameLocation ?? fallback),
      namespace: stringNode(entry.namespace, entry.namespaceLocation ?? fallback),
      valueFiles: entry.values.map((path) => ({ path, location: at ?? fallback })),
      inline: [],
      replacesChartValues: false,
      declaredAt: at ?? fallback,
      via: 'config',
    })
  })
  for (const file of files) {
    if (file.kind !== 'kubernetes' || !/argoproj\.io|helm\.toolkit\.fluxcd\.io/.test(file.text)) continue
    const tree = parseYamlTree(file.path, file.text, { version: '1.1' })
    for (const document of tree.documents) {
      const root = document.root
      if (root?.kind !== 'object') continue
      const apiVersion = textOf(get(root, 'apiVersion')) ?? ''
      const kind = textOf(get(root, 'kind'))
      if (apiVersion.startsWith('argoproj.io/') && kind === 'Application') argoRelease(root, file, byDirectory, result)
      if (apiVersion.startsWith('helm.toolkit.fluxcd.io/') && kind === 'HelmRelease')
        fluxRelease(root, byDirectory, result)
    }
  }
  return result
}

/** Argo CD: `spec.source` (or each of `spec.sources`) with a `path` in this repository. */
function argoRelease(
  root: ObjectNode,
  file: SourceFile,
  charts: ReadonlyMap<string, Chart>,
  result: ReleaseDiscovery,
): void {
  const spec = get(root, 'spec')
  const sources = [get(spec, 'source'), ...listItems(get(spec, 'sources'))].filter(
    (source): source is ObjectNode => source?.kind === 'object',
  )
  const nameNode = getPath(root, ['metadata', 'name'])
  for (const source of sources) {
    const path = textOf(get(source, 'path'))
    if (path === undefined || get(source, 'chart') !== undefined) continue
    const chart = charts.get(chartDirectory(path))
    if (!chart) continue
    const helm = get(source, 'helm')
    const name = nonEmpty(get(helm, 'releaseName')) ?? nonEmpty(nameNode)
    const namespace = nonEmpty(getPath(spec, ['destination', 'namespace']))
    const declaredAt = source.location
    const release = newRelease(chart, name, namespace, declaredAt, 'argocd')
    for (const item of listItems(get(helm, 'valueFiles'))) {
      const reference = textOf(item)
      if (reference === undefined) continue
      if (reference.startsWith('$')) {
        result.findings.push({
          ruleId: 'parse-error',
          level: 'note',
          location: item.location,
          message: `Skipped the values file ${reference}: it comes from another source of the Application (a $ref), which irsa-guard does not fetch; values it sets are not seen`,
          key: `helm-values-ref:${reference}`,
        })
        continue
      }
      release.valueFiles.push({
        path: nodePath.posix.normalize(join(chart.directory, reference)),
        location: item.location,
      })
    }
    const valuesObject = get(helm, 'valuesObject')
    const values = get(helm, 'values')
    if (valuesObject?.kind === 'object') release.inline.push(valuesObject)
    else if (values?.kind === 'object') release.inline.push(values)
    else if (values?.kind === 'scalar' && textOf(values) !== undefined) {
      const parsed = parseYamlTree(file.path, textOf(values)!, { version: '1.1' })
      const move = blockScalarMover(file.text, values)
      const inline = parsed.documents[0]?.root
      if (inline?.kind === 'object') release.inline.push(relocateTree(inline, move))
      result.findings.push(...parsed.findings.map((finding) => ({ ...finding, location: move(finding.location) })))
    }
    const parameters = listItems(get(helm, 'parameters'))
    if (parameters.length > 0) {
      const set: ObjectNode = { kind: 'object', location: declaredAt, entries: [] }
      for (const parameter of parameters) {
        const parameterName = textOf(get(parameter, 'name'))
        const value = get(parameter, 'value')
        if (parameterName === undefined || !value) continue
        setValuesPath(
          set,
          splitValuesPath(parameterName),
          value.kind === 'scalar' ? stringNode(textOf(value) ?? '', value.location) : value,
        )
      }
      release.inline.push(set)
    }
    result.releases.push(release)
  }
}

/** Flux: `spec.chart.spec.chart` as a path of a GitRepository (or Bucket) source. */
function fluxRelease(root: ObjectNode, charts: ReadonlyMap<string, Chart>, result: ReleaseDiscovery): void {
  const spec = get(root, 'spec')
  const chartSpec = getPath(spec, ['chart', 'spec'])
  const path = textOf(get(chartSpec, 'chart'))
  const sourceKind = textOf(getPath(chartSpec, ['sourceRef', 'kind']))
  if (path === undefined || (sourceKind !== undefined && sourceKind !== 'GitRepository' && sourceKind !== 'Bucket'))
    return
  const chart = charts.get(chartDirectory(path))
  if (!chart) return
  const declaredAt = get(chartSpec, 'chart')!.location
  const valuesFrom = get(spec, 'valuesFrom')
  if (valuesFrom && valuesFrom.kind === 'array' && valuesFrom.items.length > 0) {
    result.findings.push({
      ruleId: 'parse-error',
      level: 'note',
      location: valuesFrom.location,
      message: `The HelmRelease takes values from ConfigMaps or Secrets (valuesFrom), which irsa-guard does not read; its ServiceAccount names and annotations are not checked`,
      key: `helm-values-from:${declaredAt.path}`,
    })
    return
  }
  const metadataName = getPath(root, ['metadata', 'name'])
  const targetNamespace = nonEmpty(get(spec, 'targetNamespace'))
  const namespace = targetNamespace ?? nonEmpty(getPath(root, ['metadata', 'namespace']))
  let name = nonEmpty(get(spec, 'releaseName'))
  if (!name && metadataName && textOf(metadataName) !== undefined) {
    // Flux names a release [<targetNamespace>-]<name>.
    const text = targetNamespace ? `${textOf(targetNamespace)}-${textOf(metadataName)}` : textOf(metadataName)!
    name = stringNode(text, metadataName.location)
  }
  const release = newRelease(chart, name, namespace, declaredAt, 'flux')
  const valuesFiles = listItems(get(chartSpec, 'valuesFiles'))
  for (const item of valuesFiles) {
    const reference = textOf(item)
    if (reference !== undefined)
      release.valueFiles.push({ path: nodePath.posix.normalize(reference), location: item.location })
  }
  release.replacesChartValues = release.valueFiles.length > 0
  const values = get(spec, 'values')
  if (values?.kind === 'object') release.inline.push(values)
  result.releases.push(release)
}

/** A chart no release names: analysed with a symbolic release name and namespace, so nothing depending on them is asserted. */
export function unknownRelease(chart: Chart): Release {
  return newRelease(chart, undefined, undefined, chartLocation(chart), 'none')
}

/** A release without value files yet; a name or namespace not known is symbolic, named after the chart. */
function newRelease(
  chart: Chart,
  name: TreeNode | undefined,
  namespace: TreeNode | undefined,
  declaredAt: Location,
  via: Release['via'],
): Release {
  return {
    chart,
    name: name ?? symbolicNode(`helm-release-name:${chart.directory}`, declaredAt),
    namespace: namespace ?? symbolicNode(`helm-release-namespace:${chart.directory}`, declaredAt),
    valueFiles: [],
    inline: [],
    replacesChartValues: false,
    declaredAt,
    via,
  }
}

function listItems(node: TreeNode | undefined): TreeNode[] {
  return node?.kind === 'array' ? node.items : []
}

function nonEmpty(node: TreeNode | undefined): TreeNode | undefined {
  const text = textOf(node)
  return node && text !== undefined && text.trim() !== '' ? node : undefined
}
