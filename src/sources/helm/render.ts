import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import nodePath from 'node:path'
import { stringify } from 'yaml'
import { describeNotRead } from '../../discover/file-bytes.js'
import type { SourceFinding } from '../../model/finding.js'
import type { Location } from '../../model/location.js'
import type { TreeNode } from '../../model/tree.js'
import type { BuiltObject } from '../kubernetes/index.js'
import { locateRendered } from '../shared/locate-rendered.js'
import { runRenderer, type ScratchDirectories } from '../shared/run-renderer.js'
import type { RepositoryFiles } from '../shared/repository-files.js'
import { textOf } from '../shared/tree-edit.js'
import type { SourceContext } from '../source.js'
import { chartLocation } from './charts.js'
import type { Release } from './releases.js'

export interface RenderedRelease {
  objects?: BuiltObject[]
  note?: SourceFinding
}

/** helm v3.x pkg/chartutil/validate_name.go (ValidateReleaseName): this pattern, at most 53 characters. */
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const MAX_RELEASE_NAME = 53
/** A namespace is a DNS-1123 label. */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/
/** What a chart copied for helm may hold. */
const MAX_CHART_FILES = 5000
const MAX_CHART_BYTES = 64 * 1024 * 1024
const MAX_CHART_DEPTH = 32

/**
 * `helm template` of one release (helm-render): run on a copy of the chart and of the values
 * files in a scratch directory, made through the one reader of repository files (no link out of
 * the repository, regular files only, size-capped), so helm sees nothing else of the disk. The
 * release name and namespace must be what helm and Kubernetes accept (so neither can be an
 * option), and come after `--`; every other argument is a path irsa-guard made. No repositories,
 * no plugins, no post-renderer, no cluster, no network. Rendered values are located by the native
 * reading of the same release. A value refused is a located warning, and the native reading stands.
 */
export function renderRelease(
  release: Release,
  repository: RepositoryFiles,
  context: SourceContext,
  native: readonly BuiltObject[],
): RenderedRelease {
  const name = textOf(release.name)
  const namespace = textOf(release.namespace)
  const chartDirectory = repository.absolute(release.chart.directory)
  const location = chartLocation(release.chart)
  // Flux's valuesFiles replace the chart's values.yaml, which helm template cannot express.
  if (
    name === undefined ||
    namespace === undefined ||
    !chartDirectory ||
    context.root === undefined ||
    release.replacesChartValues
  )
    return {}
  const refused = (at: Location, why: string): RenderedRelease => ({
    note: {
      ruleId: 'parse-error',
      level: 'warning',
      location: at,
      message: `Did not render the release of ${release.chart.directory} with helm (helm-render): ${why}; the native reading was used`,
      key: `helm-render-refused:${release.chart.directory}:${at.path}:${at.line}`,
    },
  })
  if (name.length > MAX_RELEASE_NAME || !RELEASE_NAME.test(name)) {
    return refused(
      release.name.location,
      `the release name ${JSON.stringify(name)} is not a Helm release name (lower-case letters, digits, - and ., at most ${MAX_RELEASE_NAME} characters)`,
    )
  }
  if (!NAMESPACE.test(namespace))
    return refused(
      release.namespace.location,
      `the namespace ${JSON.stringify(namespace)} is not a Kubernetes namespace name (a lower-case DNS label)`,
    )
  const scratch = mkdtempSync(nodePath.join(tmpdir(), 'irsa-guard-helm-'))
  try {
    const chartCopy = nodePath.join(scratch, 'chart')
    const staged = copyChart(repository, release.chart.directory, chartCopy)
    if (staged !== undefined) return refused(location, staged)
    const args = ['template', '--namespace', namespace, '--skip-tests']
    for (const [index, file] of release.valueFiles.entries()) {
      const text = repository.text(file.path)
      if (text === undefined) return refused(file.location, `the values file ${file.path} cannot be read`)
      const copy = nodePath.join(scratch, `values-${index}.yaml`)
      writeFileSync(copy, text)
      args.push('--values', copy)
    }
    release.inline.forEach((values, index) => {
      const file = nodePath.join(scratch, `inline-${index}.yaml`)
      writeFileSync(file, stringify(plain(values)))
      args.push('--values', file)
    })
    args.push('--', name, chartCopy)
    const outcome = runRenderer('helm', args, context.root, helmEnvironment)
    if (!outcome.ok) {
      return {
        note: {
          ruleId: 'parse-error',
          level: outcome.missingTool ? 'note' : 'warning',
          location,
          message: `Cannot render the release ${name} of ${release.chart.directory} (helm-render): ${outcome.reason}; the native reading was used`,
          key: `helm-render:${release.chart.directory}:${name}`,
        },
      }
    }
    return { objects: locateRendered(outcome.text, native, location) }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/**
 * Where helm looks for plugins, repositories, registries and its caches: all in the run's
 * scratch directory, plugins in an empty one and switched off (the environment table of helm
 * v3's `helm --help`: "HELM_NO_PLUGINS … Set HELM_NO_PLUGINS=1 to disable plugins").
 */
function helmEnvironment({ scratch, empty }: ScratchDirectories): Record<string, string> {
  return {
    HELM_NO_PLUGINS: '1',
    HELM_PLUGINS: empty,
    HELM_CONFIG_HOME: nodePath.join(scratch, 'helm-config'),
    HELM_CACHE_HOME: nodePath.join(scratch, 'helm-cache'),
    HELM_DATA_HOME: nodePath.join(scratch, 'helm-data'),
    HELM_REPOSITORY_CONFIG: nodePath.join(scratch, 'helm-config', 'repositories.yaml'),
    HELM_REPOSITORY_CACHE: nodePath.join(scratch, 'helm-cache', 'repository'),
    HELM_REGISTRY_CONFIG: nodePath.join(scratch, 'helm-config', 'registry.json'),
  }
}

/**
 * Copies a chart directory of the repository into `target`, every file through the repository
 * reader; why it cannot (a link out of the repository, something not a regular file, too many or
 * too large files), or undefined when copied.
 */
function copyChart(repository: RepositoryFiles, chartDirectory: string, target: string): string | undefined {
  const budget = { files: 0, bytes: 0 }
  const copy = (from: string, to: string, relative: string, depth: number): string | undefined => {
    if (depth > MAX_CHART_DEPTH) return `the chart nests directories deeper than ${MAX_CHART_DEPTH}`
    mkdirSync(to)
    const entries = repository.entriesOnDisk(from)
    if (!entries) return `the chart directory ${relative || '.'} cannot be listed`
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`
      if (entry.isDirectory()) {
        if (entry.name === '.git') continue
        const why = copy(nodePath.posix.join(from, entry.name), nodePath.join(to, entry.name), path, depth + 1)
        if (why !== undefined) return why
        continue
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) return `the chart holds ${path}, which is not a regular file`
      const read = repository.bytesOnDisk(nodePath.posix.join(from, entry.name))
      if (!read.ok)
        return `the chart's file ${path} was not read: ${read.why === 'too-large' ? 'it is larger than the size limit' : describeNotRead(read.why, read.code)}`
      budget.files += 1
      budget.bytes += read.bytes.length
      if (budget.files > MAX_CHART_FILES || budget.bytes > MAX_CHART_BYTES)
        return `the chart holds more than ${MAX_CHART_FILES} files or ${MAX_CHART_BYTES / (1024 * 1024)} MB`
      writeFileSync(nodePath.join(to, entry.name), read.bytes)
    }
    return undefined
  }
  return copy(chartDirectory, target, '', 0)
}

/** A located tree as plain data, for a values file helm reads. */
function plain(node: TreeNode): unknown {
  if (node.kind === 'object') return Object.fromEntries(node.entries.map((item) => [item.key, plain(item.value)]))
  if (node.kind === 'array') return node.items.map(plain)
  if (node.type === 'null') return null
  const text = textOf(node)
  if (text === undefined) return null
  if (node.type === 'number') return Number(text)
  if (node.type === 'boolean') return /^(true|yes|on|y)$/i.test(text)
  return text
}
