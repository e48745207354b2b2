import type { ReleaseRunningAsDefault, SourceKind } from '../../model/facts.js'
import { APPLY_NAMESPACE, ROLE_ARN_ANNOTATION } from '../../model/kubernetes.js'
import type { SourceFinding } from '../../model/finding.js'
import type { Location } from '../../model/location.js'
import type { ObjectNode, TreeNode } from '../../model/tree.js'
import { known, symbolic, type Value } from '../../model/value.js'
import { truthy, valueOf } from '../helm/evaluate.js'
import { mergeValues, parseValues, setValuesPath, splitValuesPath } from '../helm/values.js'
import { blockScalarMover, get, getPath, lastEntry, objectNode, relocateTree, textOf } from '../shared/tree-edit.js'
import { chartName, settingsRunningAsDefault } from '../terraform/resources/helm-charts.js'

/** A release of a remote chart: the chart's name and version as written, its values, where it goes. */
interface RemoteRelease {
  label: string
  chart: string
  version: string | undefined
  values: ObjectNode
  namespace: Value
}

/**
 * Argo CD Applications (`spec.source.chart`, each of `spec.sources`) and Flux HelmReleases (a chart
 * of a HelmRepository) that install a chart irsa-guard models, with values that turn a
 * ServiceAccount off, name none and annotate it with a role: the chart's pods then run as
 * `default` (settingsRunningAsDefault). Values irsa-guard does not see (value files of the chart's
 * repository, Flux `valuesFrom`, Argo CD `fileParameters`) may name it: such a release gives none.
 * A `helm.values` text that is not YAML is a located finding.
 */
export function remoteReleasesRunningAsDefault(
  node: ObjectNode,
  apiVersion: string,
  kind: string,
  source: SourceKind,
  fileText: (path: string) => string | undefined,
): { found: ReleaseRunningAsDefault[]; findings: SourceFinding[] } {
  const group = apiVersion.split('/')[0]
  const findings: SourceFinding[] = []
  const releases =
    group === 'argoproj.io' && kind === 'Application'
      ? argoReleases(node, fileText, findings)
      : group === 'helm.toolkit.fluxcd.io' && kind === 'HelmRelease'
        ? fluxReleases(node)
        : []
  const found: ReleaseRunningAsDefault[] = []
  for (const release of releases) {
    for (const spec of settingsRunningAsDefault(release.chart, release.version)) {
      const settings = getPath(release.values, spec.path)
      const create = get(settings, 'create')
      if (create?.kind !== 'scalar' || create.type === 'null' || truthy(valueOf(create)) !== false) continue
      const name = get(settings, 'name')
      if (name && !(name.kind === 'scalar' && (name.type === 'null' || textOf(name)?.trim() === ''))) continue
      const annotation = lastEntry(get(settings, 'annotations'), ROLE_ARN_ANNOTATION)
      if (annotation?.value.kind !== 'scalar' || annotation.value.type === 'null') continue
      const roleArn = annotation.value.value
      if (roleArn.kind === 'known' && roleArn.value.trim() === '') continue
      const override = spec.namespacePath ? textOf(getPath(release.values, spec.namespacePath)) : undefined
      found.push({
        source,
        label: release.label,
        chart: chartName(release.chart),
        path: spec.path.join('.'),
        namespace: override ? known(override, annotation.keyLocation) : release.namespace,
        roleArn,
        location: annotation.keyLocation,
      })
    }
  }
  return { found, findings }
}

/** Argo CD: `helm.values` (text or map), then `helm.valuesObject`, then `helm.parameters` (argo-cd docs, "Helm": parameters > valuesObject > values > valueFiles). */
function argoReleases(
  root: ObjectNode,
  fileText: (path: string) => string | undefined,
  findings: SourceFinding[],
): RemoteRelease[] {
  const spec = get(root, 'spec')
  const name = textOf(getPath(root, ['metadata', 'name']))
  const destination = getPath(spec, ['destination', 'namespace'])
  const namespace = namespaceValue(destination, root.location)
  const releases: RemoteRelease[] = []
  for (const source of [get(spec, 'source'), ...items(get(spec, 'sources'))]) {
    const chart = textOf(get(source, 'chart'))
    if (source?.kind !== 'object' || !chart || templated(chart)) continue
    const helm = get(source, 'helm')
    if (items(get(helm, 'valueFiles')).length > 0 || get(helm, 'fileParameters') !== undefined) continue
    const layers: ObjectNode[] = []
    const values = get(helm, 'values')
    if (values?.kind === 'object') layers.push(values)
    else if (values?.kind === 'scalar' && values.type !== 'null') {
      const text = textOf(values)
      if (text === undefined) continue
      const parsed = parseValues(values.location.path, text)
      const holder = fileText(values.location.path)
      const move = holder === undefined ? (): Location => values.location : blockScalarMover(holder, values)
      if (parsed.findings.length > 0) {
        findings.push(...parsed.findings.map((finding) => ({ ...finding, location: move(finding.location) })))
        continue
      }
      layers.push(relocateTree(parsed.root, move))
    }
    const valuesObject = get(helm, 'valuesObject')
    if (valuesObject?.kind === 'object') layers.push(valuesObject)
    const parameters = items(get(helm, 'parameters'))
    if (parameters.length > 0) {
      const set = objectNode(source.location)
      for (const parameter of parameters) {
        const path = textOf(get(parameter, 'name'))
        const value = get(parameter, 'value')
        if (path === undefined || value?.kind !== 'scalar') continue
        // Without forceString, Argo CD passes `--set`, which reads true and false as booleans.
        const forced = textOf(get(parameter, 'forceString')) === 'true'
        const text = textOf(value)
        const typed = !forced && (text === 'true' || text === 'false') ? { ...value, type: 'boolean' as const } : value
        setValuesPath(set, splitValuesPath(path), typed)
      }
      layers.push(set)
    }
    const release = textOf(get(helm, 'releaseName')) ?? name
    releases.push({
      label: `Argo CD Application ${name ?? release ?? chart}`,
      chart,
      version: textOf(get(source, 'targetRevision')),
      values: layers.reduce((merged, layer) => mergeValues(merged, layer), objectNode(source.location)),
      namespace,
    })
  }
  return releases
}

/** Flux: `spec.chart.spec.chart` of a HelmRepository, with `spec.values` only. */
function fluxReleases(root: ObjectNode): RemoteRelease[] {
  const spec = get(root, 'spec')
  const chartSpec = getPath(spec, ['chart', 'spec'])
  const chart = textOf(get(chartSpec, 'chart'))
  if (!chart || templated(chart) || textOf(getPath(chartSpec, ['sourceRef', 'kind'])) !== 'HelmRepository') return []
  if (items(get(spec, 'valuesFrom')).length > 0 || items(get(chartSpec, 'valuesFiles')).length > 0) return []
  if (get(chartSpec, 'valuesFile') !== undefined) return []
  const values = get(spec, 'values')
  if (values?.kind !== 'object') return []
  const target = get(spec, 'targetNamespace')
  return [
    {
      label: `Flux HelmRelease ${textOf(getPath(root, ['metadata', 'name'])) ?? chart}`,
      chart,
      version: textOf(get(chartSpec, 'version')),
      values,
      namespace: namespaceValue(textOf(target) ? target : getPath(root, ['metadata', 'namespace']), root.location),
    },
  ]
}

/** Known, or where it is applied when absent or templated. */
function namespaceValue(node: TreeNode | undefined, fallback: Location): Value {
  const text = textOf(node)
  if (node && text && !templated(text)) return known(text, node.location)
  return symbolic(APPLY_NAMESPACE, node?.location ?? fallback)
}

function templated(text: string): boolean {
  return /\{\{|\$\{/.test(text)
}

function items(node: TreeNode | undefined): TreeNode[] {
  return node?.kind === 'array' ? node.items : []
}
