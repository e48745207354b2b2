import { createHash, randomUUID } from 'node:crypto'
import { serialize } from 'node:v8'
import { placeInUnit, type DeployUnit } from '../../model/facts.js'
import type { SourceFinding } from '../../model/finding.js'
import type { ObjectNode, TreeNode } from '../../model/tree.js'
import { readKubernetesObjects, type BuiltObject } from '../kubernetes/index.js'
import { get, objectNode, set } from '../shared/tree-edit.js'
import type { RepositoryFiles } from '../shared/repository-files.js'
import {
  appendResult,
  dropRepeats,
  emptyResult,
  type Source,
  type SourceContext,
  type SourceFile,
  type SourceResult,
  type SourceUnits,
} from '../source.js'
import { commentSuppressions } from '../shared/suppressions.js'
import { chartLocation, join, readCharts, type Chart } from './charts.js'
import { truthy, valueOf } from './evaluate.js'
import { detectStandardHelpers } from './helpers.js'
import { releaseObjects } from './release-objects.js'
import { findReleases, unknownRelease, type Release } from './releases.js'
import { renderRelease } from './render.js'
import { mergeValues, parseValues } from './values.js'
import { errorText } from '../../model/error-text.js'
import { getOrCreate } from '../../collections.js'
import { valueOrExpression } from '../../model/value.js'
import { roleArnOnNoServiceAccount } from './annotation-without-service-account.js'
import { roleArnsUnread } from './unread-values.js'

/**
 * Helm charts of the repository as sources of the effective ServiceAccounts and workloads: one
 * set of objects per release (from the config file, Argo CD Applications, Flux HelmReleases), or
 * one with a symbolic release for a chart nobody installs. The chart's templates are consumed.
 */
export const helmSource: Source = {
  name: 'helm',
  kinds: ['helm-chart'],
  read(files, context) {
    const units = helmUnits(files, context)
    return units.merge(units.ids.map((id) => units.read(id)))
  },
  units: helmUnits,
}

/** What the releases of one chart (that is no subchart) read. */
interface ChartPart {
  result: SourceResult
  /** Values files the releases read, in the order they were first read. */
  consumed: string[]
}

/**
 * The charts with no parent, each a unit with its releases. What the unit reads beyond the
 * charts and release declarations found first (its values files) goes through the context;
 * those are in its id, as a digest of the chart (templates, helpers, subcharts) and its releases.
 */
function helmUnits(files: readonly SourceFile[], context: SourceContext): SourceUnits<ChartPart> {
  const repository = context.repository
  const { charts, findings } = readCharts(files, context.files, repository)
  const discovery = findReleases(charts, context.config.helm.releases, context.files, configPath(context))
  const releasesByChart = new Map<Chart, Release[]>()
  for (const release of discovery.releases) getOrCreate(releasesByChart, release.chart, () => []).push(release)
  const releasesOf = (chart: Chart): Release[] => releasesByChart.get(chart) ?? [unknownRelease(chart)]
  const units = new Map<string, Chart>()
  for (const chart of charts) {
    if (chart.parent) continue
    units.set(`${chart.directory}\0${chartDigest(chart, releasesOf(chart)) ?? randomUUID()}`, chart)
  }
  return {
    ids: [...units.keys()],
    read(id) {
      const part: ChartPart = { result: emptyResult(), consumed: [] }
      const chart = units.get(id)
      if (!chart) return part
      const consumed = new Set<string>()
      for (const release of releasesOf(chart)) {
        try {
          appendResult(part.result, releaseResult(release, repository, context, consumed))
        } catch (error) {
          part.result.findings.push({
            ruleId: 'parse-error',
            location: release.declaredAt,
            message: `Cannot read the chart ${chart.directory} for this release: ${errorText(error)}`,
          })
        }
      }
      part.consumed = [...consumed]
      return part
    },
    merge(parts) {
      const result = emptyResult()
      result.findings.push(...findings, ...discovery.findings)
      const consumed = new Set<string>(files.map((file) => file.path))
      let next = 0
      for (const chart of charts) {
        for (const template of chart.templates) consumed.add(template.path)
        if (chart.valuesFile) consumed.add(chart.valuesFile)
        if (chart.parent) continue
        const part = parts[next++]
        if (!part) continue
        appendResult(result, part.result)
        for (const path of part.consumed) consumed.add(path)
      }
      for (const path of consumed) {
        const text = repository.text(path)
        if (text !== undefined) result.suppressions.push(...commentSuppressions(path, text, ['#']))
      }
      dropRepeats(result)
      result.consumedFiles = [...consumed]
      return result
    },
  }
}

/** A digest of a chart and its releases as found (undefined if they cannot be serialised: the unit then gets an id no cache entry has). */
function chartDigest(chart: Chart, releases: readonly Release[]): string | undefined {
  try {
    return createHash('sha256').update(serialize({ chart, releases })).digest('base64url')
  } catch {
    return undefined
  }
}

/**
 * The objects of a release another source declares (a Terraform `helm_release` of a chart in the
 * repository), read like the releases this source finds.
 */
export function chartReleaseResult(release: Release, context: SourceContext): SourceResult {
  const result = releaseResult(release, context.repository, context, new Set())
  // What the templates themselves hold is reported once, by this source's own reading of the chart.
  const templates = new Set(release.chart.templates.map((template) => template.path))
  result.findings = result.findings.filter((finding) => !templates.has(finding.location.path))
  return result
}

function releaseResult(
  release: Release,
  repository: RepositoryFiles,
  context: SourceContext,
  consumed: Set<string>,
): SourceResult {
  const result = emptyResult()
  const values = releaseValues(release, repository, result.findings, consumed)
  const native = chartObjects(release.chart, values, release, repository, result.findings)
  let objects: BuiltObject[] = native
  if (context.config.helm.render && release.via !== 'none') {
    const rendered = renderRelease(release, repository, context, native)
    if (rendered.objects) objects = rendered.objects
    if (rendered.note) result.findings.push(rendered.note)
  }
  const read = readKubernetesObjects(objects, 'helm', (path) => repository.text(path))
  // A chart nobody installs is read with its own defaults, which a release outside the scan may override.
  const unannotated =
    release.via === 'none' ? undefined : roleArnOnNoServiceAccount(values, read.facts, releaseLabel(release))
  if (unannotated) result.findings.push(unannotated)
  // Helm 2 charts list their dependencies in requirements.yaml, which the chart reading does not follow.
  if (release.via !== 'none' && !repository.isFile(join(release.chart.directory, 'requirements.yaml')))
    result.findings.push(
      ...roleArnsUnread(release.chart, values, releaseLabel(release), defaultValuesFiles(release.chart)),
    )
  placeInUnit(read.facts, helmUnit(release))
  appendResult(result, read)
  return result
}

/** The chart's and its enabled subcharts' objects for this release and these values. */
function chartObjects(
  chart: Chart,
  values: ObjectNode,
  release: Release,
  repository: RepositoryFiles,
  findings: SourceFinding[],
): BuiltObject[] {
  const printedNumbers: TreeNode[] = []
  const built = releaseObjects(chart.templates, {
    chartName: chart.name,
    chartNameLocation: chart.nameLocation,
    values,
    release: { name: release.name, namespace: release.namespace },
    helpers: detectStandardHelpers(chart.helperTexts),
    printedNumbers,
    label: chart.directory,
    defaultValuesFiles: defaultValuesFiles(chart),
  })
  findings.push(...built.findings)
  const objects = [...built.objects]
  for (const subchart of chart.subcharts) {
    const dependency = chart.dependencies.find((candidate) => candidate.name === subchart.name)
    const key = dependency?.alias ?? subchart.name
    if (dependency?.condition && truthy(valueOf(lookup(values, dependency.condition))) === false) continue
    const ownText = subchart.valuesFile ? repository.text(subchart.valuesFile) : undefined
    const own =
      subchart.valuesFile && ownText !== undefined
        ? parseValues(subchart.valuesFile, ownText).root
        : objectNode(chartLocation(subchart))
    let subValues = own
    const fromParent = get(values, key)
    if (fromParent?.kind === 'object') subValues = mergeValues(subValues, fromParent)
    const global = get(values, 'global')
    if (global?.kind === 'object') {
      const withGlobal = objectNode(subValues.location)
      set(withGlobal, 'global', global)
      subValues = mergeValues(subValues, withGlobal)
    }
    objects.push(...chartObjects(subchart, subValues, release, repository, findings))
  }
  return objects
}

/** The chart's values.yaml, then the release's files in order, then its inline values. */
export function releaseValues(
  release: Release,
  repository: RepositoryFiles,
  findings: SourceFinding[],
  consumed: Set<string>,
): ObjectNode {
  const chart = release.chart
  let values: ObjectNode = objectNode(chartLocation(chart))
  const files = release.replacesChartValues
    ? release.valueFiles
    : [...(chart.valuesFile ? [{ path: chart.valuesFile, location: chartLocation(chart) }] : []), ...release.valueFiles]
  for (const file of files) {
    const text = repository.text(file.path)
    if (text === undefined) {
      findings.push({
        ruleId: 'parse-error',
        location: file.location,
        message: `The values file ${file.path} of the release of ${chart.directory} cannot be read (missing, or outside the repository); helm would fail, and values it sets are not seen`,
        key: `helm-values-missing:${file.path}`,
      })
      continue
    }
    consumed.add(file.path)
    const parsed = parseValues(file.path, text)
    findings.push(...parsed.findings)
    values = mergeValues(values, parsed.root)
  }
  for (const inline of release.inline) values = mergeValues(values, inline)
  return values
}

/** The chart's own values.yaml and those of its subcharts, at any depth. */
function defaultValuesFiles(chart: Chart, into = new Set<string>()): Set<string> {
  if (chart.valuesFile) into.add(chart.valuesFile)
  for (const subchart of chart.subcharts) defaultValuesFiles(subchart, into)
  return into
}

function lookup(values: ObjectNode, path: string): TreeNode | undefined {
  let current: TreeNode | undefined = values
  for (const key of path.split('.')) current = get(current, key)
  return current
}

function configPath(context: SourceContext): string | undefined {
  const location = context.config.helm.releases.find((release) => release.nameLocation)?.nameLocation
  return location?.path
}

/** `release shop of charts/orders` */
function releaseLabel(release: Release): string {
  const name = release.name.kind === 'scalar' ? valueOrExpression(release.name.value) : '(unnamed)'
  return `release ${name} of ${release.chart.directory}`
}

/** One release of a chart is a unit: where it is declared, or the chart itself when nothing installs it. */
function helmUnit(release: Release): DeployUnit {
  const declared =
    release.via === 'none'
      ? ''
      : ` release ${release.declaredAt.path}:${release.declaredAt.line}:${release.declaredAt.column}`
  return `helm ${release.chart.directory}${declared}`
}
