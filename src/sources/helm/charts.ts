import nodePath from 'node:path'
import { memoizedParse } from '../shared/parse-memo.js'
import type { SourceFinding } from '../../model/finding.js'
import { fileLocation, type Location } from '../../model/location.js'
import type { ObjectNode } from '../../model/tree.js'
import { get, textOf } from '../shared/tree-edit.js'
import type { RepositoryFiles } from '../shared/repository-files.js'
import type { SourceFile } from '../source.js'
import { parseYamlTree } from '../shared/yaml-tree.js'
import type { TemplateFile } from './release-objects.js'

export interface Dependency {
  name: string
  alias?: string
  condition?: string
}

export interface Chart {
  directory: string
  chartFile: string
  name: string
  nameLocation: Location
  templates: TemplateFile[]
  helperTexts: string[]
  /** `values.yaml` (or `.yml`) of the chart, when it has one. */
  valuesFile?: string
  dependencies: Dependency[]
  /** The chart whose `charts/` directory holds this one. */
  parent?: Chart
  subcharts: Chart[]
}

const TEMPLATE_NAME = /\.(ya?ml|json)$/i
const HELPER_NAME = /\.tpl$/i

/** The charts of the scan (a directory with Chart.yaml), with their templates and subcharts. */
export function readCharts(
  chartFiles: readonly SourceFile[],
  files: readonly SourceFile[],
  repository: RepositoryFiles,
): { charts: Chart[]; findings: SourceFinding[] } {
  const findings: SourceFinding[] = []
  const charts: Chart[] = []
  for (const file of chartFiles) {
    const chartFile = memoizedParse('helm-chart-file', file.path, file.text, () => parseChartFile(file))
    findings.push(...chartFile.findings)
    if (!chartFile.chart) continue
    const { name, nameLocation } = chartFile.chart
    const directory = nodePath.posix.dirname(file.path)
    const valuesFile = ['values.yaml', 'values.yml']
      .map((base) => join(directory, base))
      .find((path) => repository.isFile(path))
    const chart: Chart = {
      directory,
      chartFile: file.path,
      name,
      nameLocation,
      templates: [],
      helperTexts: [],
      dependencies: chartFile.chart.dependencies,
      subcharts: [],
    }
    if (valuesFile) chart.valuesFile = valuesFile
    charts.push(chart)
  }
  const byDirectory = new Map<string, Chart>()
  for (const chart of charts) if (!byDirectory.has(chart.directory)) byDirectory.set(chart.directory, chart)
  for (const file of files) {
    if (file.kind !== 'helm-template' && file.kind !== 'kubernetes') continue
    const chart = owningChart(file.path, byDirectory)
    if (!chart) continue
    if (HELPER_NAME.test(file.path)) chart.helperTexts.push(file.text)
    else if (TEMPLATE_NAME.test(file.path)) chart.templates.push({ path: file.path, text: file.text })
  }
  for (const chart of charts) {
    const parentDirectory =
      /^(.*)\/charts\/[^/]+$/.exec(chart.directory)?.[1] ??
      (chart.directory.startsWith('charts/') && chart.directory.split('/').length === 2 ? '.' : undefined)
    const parent = parentDirectory === undefined ? undefined : byDirectory.get(parentDirectory)
    if (parent) {
      chart.parent = parent
      parent.subcharts.push(chart)
    }
  }
  return { charts, findings }
}

/** What a Chart.yaml says: its syntax findings, and the chart's name and dependencies when it names one. */
function parseChartFile(file: SourceFile): {
  findings: SourceFinding[]
  chart?: Pick<Chart, 'name' | 'nameLocation' | 'dependencies'>
} {
  const tree = parseYamlTree(file.path, file.text, { version: '1.1' })
  const root = tree.documents[0]?.root
  const nameNode = get(root, 'name')
  const name = textOf(nameNode)
  if (root?.kind !== 'object' || name === undefined || !nameNode) return { findings: tree.findings }
  return { findings: tree.findings, chart: { name, nameLocation: nameNode.location, dependencies: dependencies(root) } }
}

/**
 * The deepest chart whose `<directory>/templates/` holds the file (a subchart's templates are not
 * the parent's), looked up from the file's own path: each `templates` directory above it, deepest
 * first.
 */
function owningChart(path: string, byDirectory: ReadonlyMap<string, Chart>): Chart | undefined {
  for (let end = path.lastIndexOf('/'); end > 0; end = path.lastIndexOf('/', end - 1)) {
    const start = path.lastIndexOf('/', end - 1) + 1
    if (path.slice(start, end) !== 'templates') continue
    const chart = byDirectory.get(start === 0 ? '.' : path.slice(0, start - 1))
    if (chart) return chart
  }
  return undefined
}

function dependencies(root: ObjectNode): Dependency[] {
  const list = get(root, 'dependencies')
  if (list?.kind !== 'array') return []
  return list.items.flatMap((item) => {
    const name = textOf(get(item, 'name'))
    if (name === undefined) return []
    const dependency: Dependency = { name }
    const alias = textOf(get(item, 'alias'))
    const condition = textOf(get(item, 'condition'))
    if (alias !== undefined) dependency.alias = alias
    if (condition !== undefined) dependency.condition = condition
    return [dependency]
  })
}

export function join(directory: string, name: string): string {
  return directory === '.' ? name : `${directory}/${name}`
}

/** A chart directory as a release names it (`./charts/orders/`, `charts/orders/Chart.yaml`). */
export function chartDirectory(reference: string): string {
  let path = nodePath.posix.normalize(reference.replace(/\\/g, '/')).replace(/\/+$/, '')
  if (/(^|\/)Chart\.ya?ml$/.test(path)) path = nodePath.posix.dirname(path)
  return path === '' ? '.' : path
}

export function chartLocation(chart: Chart): Location {
  return chart.nameLocation ?? fileLocation(chart.chartFile)
}
