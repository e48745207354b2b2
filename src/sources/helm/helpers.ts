import type { Location } from '../../model/location.js'
import type { ObjectNode, TreeNode } from '../../model/tree.js'
import { get, stringNode, textOf } from '../shared/tree-edit.js'
import { printed, symbolicNode, truthy, unknown, valueOf, type Evaluated, type HelperEvaluator } from './evaluate.js'
import { parseTemplate } from './go-template.js'

/** The named templates `helm create` writes into `_helpers.tpl`, recognised by their exact bodies. */
export type StandardHelper = 'name' | 'fullname' | 'serviceAccountName'

const TRUNCATE = '| trunc 63 | trimSuffix "-"'

function standardBodies(prefix: string): Record<StandardHelper, string[]> {
  return {
    name: [`default .Chart.Name .Values.nameOverride ${TRUNCATE}`],
    fullname: [
      'if .Values.fullnameOverride',
      `.Values.fullnameOverride ${TRUNCATE}`,
      'else',
      '$name := default .Chart.Name .Values.nameOverride',
      'if contains $name .Release.Name',
      `.Release.Name ${TRUNCATE}`,
      'else',
      `printf "%s-%s" .Release.Name $name ${TRUNCATE}`,
      'end',
      'end',
    ],
    serviceAccountName: [
      'if .Values.serviceAccount.create',
      `default (include "${prefix}.fullname" .) .Values.serviceAccount.name`,
      'else',
      'default "default" .Values.serviceAccount.name',
      'end',
    ],
  }
}

/**
 * The chart's named templates that are exactly `helm create`'s name helpers (whitespace, trim
 * markers and comments aside). Any other body, even a near copy, is not evaluated: names it
 * makes stay symbolic.
 */
export function detectStandardHelpers(texts: readonly string[]): Map<string, StandardHelper> {
  const found = new Map<string, StandardHelper>()
  for (const text of texts) {
    for (const [name, body] of defines(text)) {
      const prefix = name.slice(0, name.lastIndexOf('.'))
      const role = name.slice(name.lastIndexOf('.') + 1) as StandardHelper
      const expected = standardBodies(prefix)[role]
      if (expected && expected.length === body.length && expected.every((action, index) => action === body[index]))
        found.set(name, role)
    }
  }
  // serviceAccountName is standard only together with the fullname it includes.
  for (const [name, role] of found) {
    if (role === 'serviceAccountName' && found.get(`${name.slice(0, name.lastIndexOf('.'))}.fullname`) !== 'fullname')
      found.delete(name)
  }
  return found
}

/** `define "name"` bodies as normalised actions; undefined bodies (text between actions) are left out. */
function defines(text: string): Map<string, string[]> {
  const skeleton = parseTemplate(text)
  const result = new Map<string, string[]>()
  const actions = skeleton.actions.filter((action) => !action.text.startsWith('/*'))
  for (let index = 0; index < actions.length; index += 1) {
    const opening = /^define\s+"([^"]+)"$/.exec(normalise(actions[index]!.text))
    if (!opening) continue
    const body: string[] = []
    let depth = 0
    let clean = true
    let previous = actions[index]!
    let closed = false
    for (let next = index + 1; next < actions.length; next += 1) {
      const action = actions[next]!
      if (
        text
          .slice(previous.to, action.from)
          .replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, '')
          .trim() !== ''
      )
        clean = false
      previous = action
      const normalised = normalise(action.text)
      const word = /^\w+/.exec(normalised)?.[0]
      if (word === 'end' && depth === 0) {
        closed = true
        index = next
        break
      }
      if (word === 'if' || word === 'with' || word === 'range' || word === 'define' || word === 'block') depth += 1
      if (word === 'end') depth -= 1
      body.push(normalised)
    }
    if (closed && clean) result.set(opening[1]!, body)
  }
  return result
}

function normalise(action: string): string {
  return action.replace(/\s+/g, ' ').trim()
}

export interface ReleaseIdentity {
  /** Known release name, or symbolic for a chart without a known release. */
  name: TreeNode
  namespace: TreeNode
}

/** What the standard helpers read. */
export interface ChartContext {
  chartName: string
  chartNameLocation: Location
  values: ObjectNode
  release: ReleaseIdentity
  helpers: ReadonlyMap<string, StandardHelper>
  /** Where numbers printed as text are collected (for the scientific-notation check). */
  printedNumbers: TreeNode[]
  /** Names the chart's path (for symbolic names). */
  label: string
  /** The values.yaml files of the chart and its subcharts: their empty strings mean "not set here", supplied at install. */
  defaultValuesFiles?: ReadonlySet<string>
}

/** Evaluates `include "<chart>.fullname" .` and friends the way the `helm create` bodies do. */
export function helperEvaluator(chart: ChartContext): HelperEvaluator {
  return (name, context, at) => {
    const role = chart.helpers.get(name)
    if (!role) return undefined
    // The standard templates are included with the top-level context.
    if (context.kind !== 'value' || context.node.kind !== 'object' || get(context.node, 'Values') === undefined)
      return unknown(`include "${name}"`)
    switch (role) {
      case 'name':
        return chartName(chart)
      case 'fullname':
        return fullname(chart, at)
      case 'serviceAccountName':
        return serviceAccountName(chart, at)
    }
  }
}

function chartName(chart: ChartContext): Evaluated {
  const override = valueOf(get(chart.values, 'nameOverride'))
  const overridden = truthy(override)
  if (overridden === undefined) return unknown('nameOverride')
  if (overridden) return truncated(override, chart)
  return { kind: 'value', node: stringNode(chart.chartName, chart.chartNameLocation) }
}

function fullname(chart: ChartContext, at: Location): Evaluated {
  const override = valueOf(get(chart.values, 'fullnameOverride'))
  const overridden = truthy(override)
  if (overridden === undefined) return unknown('fullnameOverride')
  if (overridden) return truncated(override, chart)
  const name = chartName(chart)
  const nameText = name.kind === 'value' ? textOf(name.node) : undefined
  const release = chart.release.name
  const releaseText = textOf(release)
  if (nameText === undefined) return unknown('nameOverride')
  if (releaseText === undefined) {
    return { kind: 'value', node: symbolicNode(`helm-fullname:${chart.label}`, release.location ?? at) }
  }
  const text = releaseText.includes(nameText) ? releaseText : `${releaseText}-${nameText}`
  return { kind: 'value', node: stringNode(trimDash(text.slice(0, 63)), release.location) }
}

function serviceAccountName(chart: ChartContext, at: Location): Evaluated {
  const serviceAccount = get(chart.values, 'serviceAccount')
  const create = valueOf(get(serviceAccount, 'create'))
  const name = valueOf(get(serviceAccount, 'name'))
  const creates = truthy(create)
  const named = truthy(name)
  if (creates === undefined || named === undefined) return unknown('serviceAccount')
  if (named) {
    const text = printed(name, chart)
    return text === undefined
      ? unknown('serviceAccount.name')
      : { kind: 'value', node: stringNode(text, (name as Extract<Evaluated, { kind: 'value' }>).node.location) }
  }
  if (creates) return fullname(chart, at)
  return { kind: 'value', node: stringNode('default', create.kind === 'value' ? create.node.location : at) }
}

function truncated(value: Evaluated, chart: ChartContext): Evaluated {
  const text = printed(value, chart)
  if (text === undefined || value.kind !== 'value') return unknown('name')
  return { kind: 'value', node: stringNode(trimDash(text.slice(0, 63)), value.node.location) }
}

/** sprig's trimSuffix "-": one dash. */
function trimDash(text: string): string {
  return text.endsWith('-') ? text.slice(0, -1) : text
}
