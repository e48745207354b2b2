import type { SourceFinding } from '../../model/finding.js'
import { ROLE_ARN_ANNOTATION } from '../../model/kubernetes.js'
import type { ObjectEntry, ObjectNode, TreeNode } from '../../model/tree.js'
import type { Chart } from './charts.js'

/** `.Values` passed on whole (`toYaml .Values`, `include "x" .Values`, `$.Values | …`): any key may be read. */
const WHOLE_VALUES = /\.Values(?![.\w])/

/**
 * A role-arn annotation the release sets under a top-level values key that no template or helper
 * of the chart reads: templates reach values only through `.Values.<key>` (or `index .Values
 * "<key>"`), so when neither appears and `.Values` is never passed on whole, the annotation is
 * certainly never rendered (catalogue F11; the chart uses `rbac.serviceAccount`, say, where the
 * release sets `serviceAccount`). A key a subchart receives, or `global`, is the subcharts' to read.
 */
export function roleArnsUnread(
  chart: Chart,
  values: ObjectNode,
  label: string,
  own: ReadonlySet<string>,
): SourceFinding[] {
  // A library chart not in the repository (`include "common.serviceAccount" .`) may read any key.
  if (!dependenciesPresent(chart)) return []
  const texts = chartTexts(chart)
  if (texts.some((text) => WHOLE_VALUES.test(text))) return []
  const passedOn = new Set(['global', ...chart.subcharts.map((subchart) => subchart.name)])
  for (const dependency of chart.dependencies) passedOn.add(dependency.alias ?? dependency.name)
  const findings: SourceFinding[] = []
  for (const top of values.entries) {
    if (passedOn.has(top.key) || texts.some((text) => readsKey(text, top.key))) continue
    for (const { path, entry } of roleArnEntries(top, [top.key], 0)) {
      // The chart's own defaults are not the release's choice.
      if (own.has(entry.keyLocation.path)) continue
      const written = path.map((key) => key.replace(/\./g, '\\.')).join('.')
      findings.push({
        ruleId: 'helm-value-path-unused',
        level: 'error',
        location: entry.keyLocation,
        message: `The ${label} sets the role-arn annotation at ${written}, but no template of ${chart.directory} reads .Values.${top.key}, so the annotation is never rendered and the pods get no role; set it under the values path the chart's ServiceAccount template reads`,
        key: `${label} value:${written}`,
      })
    }
  }
  return findings
}

/** `.Values.<key>` (`$.Values.<key>` too), or the key quoted (`index .Values "<key>"`, `dig "<key>"`). */
function readsKey(text: string, key: string): boolean {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  if (new RegExp(`\\.Values\\.${escaped}(?!\\w)`).test(text)) return true
  return ['"', '`'].some((quote) => text.includes(`${quote}${key}${quote}`))
}

function dependenciesPresent(chart: Chart): boolean {
  return chart.dependencies.every((dependency) =>
    chart.subcharts.some((subchart) => subchart.name === dependency.name && dependenciesPresent(subchart)),
  )
}

/** Templates and helpers of the chart and of the subcharts it holds (a helper there may be given `.`). */
function chartTexts(chart: Chart, depth = 0): string[] {
  const own = [...chart.templates.map((template) => template.text), ...chart.helperTexts]
  return depth > 8 ? own : [...own, ...chart.subcharts.flatMap((subchart) => chartTexts(subchart, depth + 1))]
}

function roleArnEntries(
  entry: ObjectEntry,
  path: readonly string[],
  depth: number,
): { path: string[]; entry: ObjectEntry }[] {
  const node: TreeNode = entry.value
  if (node.kind !== 'object' || depth > 16) return []
  return node.entries.flatMap((child) => {
    const next = [...path, child.key]
    if (child.key === ROLE_ARN_ANNOTATION && path[path.length - 1] === 'annotations' && child.value.kind === 'scalar')
      return [{ path: next, entry: child }]
    return roleArnEntries(child, next, depth + 1)
  })
}
