import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import nodePath from 'node:path'
import { stringify } from 'yaml'
import type { SourceFinding } from '../../model/finding.js'
import type { ObjectNode, TreeNode } from '../../model/tree.js'
import type { BuiltObject } from '../kubernetes.js'
import { locateRendered } from '../kustomize/locate-rendered.js'
import { runRenderer } from '../kustomize/render.js'
import type { RepositoryFiles } from '../kustomize/repository-files.js'
import { textOf } from '../kustomize/tree-edit.js'
import type { SourceContext } from '../source.js'
import { chartLocation } from './charts.js'
import type { Release } from './releases.js'

export interface RenderedRelease {
  objects?: BuiltObject[]
  note?: SourceFinding
}

/**
 * `helm template` of one release (helm: render): the chart directory of the repository, the
 * release's values files and inline values; no repositories, no plugins, no cluster. Rendered
 * values are located by the native reading of the same release.
 */
export function renderRelease(release: Release, repository: RepositoryFiles, context: SourceContext, native: readonly BuiltObject[]): RenderedRelease {
  const name = textOf(release.name)
  const namespace = textOf(release.namespace)
  const chartDirectory = repository.absolute(release.chart.directory)
  const location = chartLocation(release.chart)
  // Flux's valuesFiles replace the chart's values.yaml, which helm template cannot express.
  if (name === undefined || namespace === undefined || !chartDirectory || context.root === undefined || release.replacesChartValues) return {}
  const scratch = mkdtempSync(nodePath.join(tmpdir(), 'irsa-guard-helm-'))
  try {
    const args = ['template', name, chartDirectory, '--namespace', namespace, '--skip-tests']
    for (const file of release.valueFiles) {
      const absolute = repository.absolute(file.path)
      if (!absolute) return {}
      args.push('--values', absolute)
    }
    release.inline.forEach((values, index) => {
      const file = nodePath.join(scratch, `inline-${index}.yaml`)
      writeFileSync(file, stringify(plain(values)))
      args.push('--values', file)
    })
    const outcome = runRenderer('helm', args, context.root)
    if (!outcome.ok) {
      return {
        note: {
          ruleId: 'parse-error',
          level: outcome.missingTool ? 'note' : 'warning',
          location,
          message: `Cannot render the release ${name} of ${release.chart.directory} (helm: render): ${outcome.reason}; the native reading was used`,
          key: `helm-render:${release.chart.directory}:${name}`,
        },
      }
    }
    return { objects: locateRendered(outcome.text, native, location) }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** A located tree as plain data, for a values file helm reads. */
function plain(node: TreeNode): unknown {
  if (node.kind === 'object') return Object.fromEntries((node as ObjectNode).entries.map((item) => [item.key, plain(item.value)]))
  if (node.kind === 'array') return node.items.map(plain)
  if (node.type === 'null') return null
  const text = textOf(node)
  if (text === undefined) return null
  if (node.type === 'number') return Number(text)
  if (node.type === 'boolean') return /^(true|yes|on|y)$/i.test(text)
  return text
}
