import type { SourceFinding } from '../../model/finding.js'
import { formatLocation, type Location } from '../../model/location.js'
import type { ArrayNode, ObjectEntry, ObjectNode, ScalarNode, TreeNode } from '../../model/tree.js'
import type { BuiltObject } from '../kubernetes/index.js'
import { cloneTree, ensureObject, get, objectNode, set, stringNode, textOf } from '../shared/tree-edit.js'
import { parseYamlTree } from '../shared/yaml-tree.js'
import {
  evaluate,
  goFloat,
  printed,
  symbolicNode,
  truthy,
  unknown,
  valueOf,
  type Evaluated,
  type Scope,
} from './evaluate.js'
import { parseTemplate, within, before, type Block, type Position, type Skeleton } from './go-template.js'
import { helperEvaluator, type ChartContext } from './helpers.js'
import { CLUSTER_SCOPED_KINDS } from '../../model/kubernetes.js'

export interface TemplateFile {
  path: string
  text: string
}

export interface ReleaseObjects {
  objects: BuiltObject[]
  findings: SourceFinding[]
}

interface Status {
  /** undefined: depends on something irsa-guard cannot evaluate. */
  active: boolean | undefined
  dot: Evaluated
  variables: Map<string, Evaluated>
  /** The innermost `range` the position is in. */
  range?: Block
}

/**
 * The objects a chart's templates produce for one release, read without rendering: blocks on
 * values are decided, placeholders replaced by the values, `toYaml` fragments inserted. What
 * depends on anything else is left out (a block) or symbolic (a value).
 */
export function releaseObjects(templates: readonly TemplateFile[], chart: ChartContext): ReleaseObjects {
  const result: ReleaseObjects = { objects: [], findings: [] }
  for (const template of templates) new TemplateReader(template, chart, result).read()
  return result
}

class TemplateReader {
  private readonly skeleton: Skeleton
  private readonly root: ObjectNode
  private readonly fragmentsByEntry = new Map<ObjectEntry, TreeNode[]>()
  private readonly lines: string[]
  /** Values made from a value the release does not set (absent, or an empty default of the chart). */
  private readonly unset = new WeakSet<TreeNode>()

  constructor(
    private readonly template: TemplateFile,
    private readonly chart: ChartContext,
    private readonly result: ReleaseObjects,
  ) {
    this.skeleton = parseTemplate(template.text)
    this.lines = template.text.split('\n')
    const at: Location = { path: template.path, line: 1, column: 1 }
    this.root = objectNode(at)
    set(this.root, 'Values', chart.values)
    const release = objectNode(at)
    set(release, 'Name', chart.release.name)
    set(release, 'Namespace', chart.release.namespace)
    set(this.root, 'Release', release)
    const chartNode = objectNode(at)
    set(chartNode, 'Name', stringNode(chart.chartName, chart.chartNameLocation))
    set(this.root, 'Chart', chartNode)
  }

  read(): void {
    if (this.skeleton.unbalanced) return
    const tree = parseYamlTree(this.template.path, this.skeleton.text, { version: '1.1' })
    for (const document of tree.documents) {
      const root = document.root
      if (root?.kind !== 'object') continue
      const first = root.entries[0]
      if (!first || this.status(first.keyLocation).active !== true) continue
      this.placeFragments(root)
      const built = this.object(root)
      if (textOf(get(built, 'kind')) === undefined) continue
      this.unsetAnnotations(built)
      this.defaultNamespace(built)
      this.result.objects.push({
        root: built,
        path: this.template.path,
        fromLine: document.location.line,
        toLine: document.endLine,
      })
    }
  }

  /** Where a standalone `toYaml` (or `include`) action's output goes: under the closest key before it with less indentation. */
  private placeFragments(root: ObjectNode): void {
    const entries: ObjectEntry[] = []
    const collect = (node: TreeNode): void => {
      if (node.kind === 'object') {
        for (const item of node.entries) {
          entries.push(item)
          collect(item.value)
        }
      }
      if (node.kind === 'array') for (const item of node.items) collect(item)
    }
    collect(root)
    const end = root.endLine ?? Number.MAX_SAFE_INTEGER
    for (const fragment of this.skeleton.fragments) {
      if (fragment.action.start.line < root.location.line || fragment.action.start.line > end + 1) continue
      const status = this.status(fragment.action.start)
      if (status.active !== true) continue
      let target: ObjectEntry | undefined
      for (const entry of entries) {
        if (entry.keyLocation.column - 1 >= fragment.indent || !before(entry.keyLocation, fragment.action.start))
          continue
        if (!target || before(target.keyLocation, entry.keyLocation)) target = entry
      }
      if (!target) continue
      const value = this.evaluate(fragment.action.text, status, fragment.action.start)
      if (value.kind !== 'value' || value.node.kind === 'scalar') continue
      const list = this.fragmentsByEntry.get(target) ?? []
      list.push(value.node)
      this.fragmentsByEntry.set(target, list)
    }
  }

  private node(node: TreeNode): TreeNode | undefined {
    if (node.kind === 'object') return this.object(node)
    if (node.kind === 'array') return this.array(node)
    return this.scalar(node)
  }

  private object(node: ObjectNode): ObjectNode {
    const built: ObjectNode = { kind: 'object', location: node.location, entries: [] }
    if (node.endLine !== undefined) built.endLine = node.endLine
    const expanded = new Set<Block>()
    for (const item of node.entries) {
      const status = this.status(item.keyLocation)
      if (status.range && !expanded.has(status.range)) {
        expanded.add(status.range)
        built.entries.push(...this.rangeEntries(status.range, node))
        continue
      }
      if (status.active !== true || status.range) continue
      const key = this.key(item)
      if (key === undefined) continue
      let value = this.node(item.value) ?? stringNode('', item.keyLocation)
      for (const fragment of this.fragmentsByEntry.get(item) ?? []) value = merge(value, fragment)
      built.entries.push({ key, keyLocation: item.keyLocation, value })
    }
    return built
  }

  private array(node: ArrayNode): ArrayNode {
    const built: ArrayNode = { kind: 'array', location: node.location, items: [] }
    if (node.endLine !== undefined) built.endLine = node.endLine
    for (const item of node.items) {
      if (this.status(item.location).active !== true) continue
      const value = this.node(item)
      if (value) built.items.push(value)
    }
    return built
  }

  /**
   * `{{- range $key, $value := <map> }}` with one `{{ $key }}: {{ $value }}` line, the other common
   * way to write annotations: the map's entries. Any other range body is not read.
   */
  private rangeEntries(range: Block, node: ObjectNode): ObjectEntry[] {
    const branch = range.branches[0]!
    const inside = node.entries.filter((item) => within(item.keyLocation, branch))
    const [keyVariable, valueVariable] = range.variables ?? []
    if (inside.length !== 1 || !keyVariable || !valueVariable) return []
    const line = inside[0]!
    const keyAction = this.skeleton.placeholders.get(line.key.trim())
    const valuePlaceholder = line.value.kind === 'scalar' ? textOf(line.value) : undefined
    const valueAction =
      valuePlaceholder === undefined ? undefined : this.skeleton.placeholders.get(valuePlaceholder.trim())
    if (keyAction?.text !== keyVariable || !valueAction) return []
    const quoted = new RegExp(`^\\${valueVariable}(\\s*\\|\\s*(quote|toString))?$`).exec(valueAction.text)
    if (!quoted) return []
    const outer = this.status(range.start)
    if (outer.active !== true) return []
    const map = this.evaluate(branch.expression ?? '', outer, range.start)
    if (map.kind !== 'value' || map.node.kind !== 'object') return []
    return map.node.entries.map((entry) => {
      if (!quoted[2]) return { key: entry.key, keyLocation: entry.keyLocation, value: cloneTree(entry.value) }
      const text = printed(valueOf(entry.value), this.chart)
      return {
        key: entry.key,
        keyLocation: entry.keyLocation,
        value:
          text === undefined
            ? symbolicNode(`helm:${entry.key}`, entry.value.location)
            : stringNode(text, entry.value.location),
      }
    })
  }

  private key(item: ObjectEntry): string | undefined {
    if (!item.key.includes('__h')) return item.key
    const value = this.substitute(item.key, item.keyLocation)
    return value.kind === 'scalar' ? textOf(value) : undefined
  }

  private scalar(node: ScalarNode): TreeNode | undefined {
    const text = textOf(node)
    if (this.skeleton.inlineControlLines.has(node.location.line))
      return symbolicNode(`helm:${this.sourceOf(node.location, text ?? '')}`, node.location)
    if (text === undefined || !text.includes('__h')) return node
    return this.substitute(text, node.location)
  }

  /** A scalar written with actions in it: the value when it is one action, else the printed text. */
  private substitute(text: string, location: Location): TreeNode {
    const pattern = /__h\d+_+/g
    const whole = pattern.exec(text)
    pattern.lastIndex = 0
    if (whole && whole[0] === text) {
      const action = this.skeleton.placeholders.get(text)!
      const status = this.status(action.start)
      if (status.active === false) return stringNode('', location)
      const value = this.evaluate(action.text, status, action.start)
      if (value.kind === 'absent') {
        const absent: ScalarNode = {
          kind: 'scalar',
          location,
          value: { kind: 'known', value: '', location },
          type: 'null',
        }
        this.unset.add(absent)
        return absent
      }
      if (value.kind === 'unknown') return symbolicNode(`helm:{{ ${action.text} }}`, location)
      // `{{ .Values.x | quote }}` of an absent x: an empty text made in the template itself.
      if (
        value.node.kind === 'scalar' &&
        textOf(value.node) === '' &&
        /\.Values\b/.test(action.text) &&
        value.node.location.path === this.template.path
      )
        this.unset.add(value.node)
      return value.node.kind === 'scalar' ? value.node : cloneTree(value.node)
    }
    const numbers: { node: TreeNode; action: string }[] = []
    let composed = ''
    let last = 0
    let unknownPart = false
    let unsetPart = false
    for (const match of text.matchAll(pattern)) {
      composed += text.slice(last, match.index)
      last = match.index + match[0].length
      const action = this.skeleton.placeholders.get(match[0])
      const status = action ? this.status(action.start) : undefined
      const value = action && status ? this.evaluate(action.text, status, action.start) : unknown('?')
      const scope = { printedNumbers: [] as TreeNode[] }
      const part = printed(value, scope)
      for (const node of scope.printedNumbers) numbers.push({ node, action: action?.text ?? '' })
      if (value.kind === 'absent' || (value.kind === 'value' && this.isDefaultEmpty(value.node))) unsetPart = true
      if (part === undefined) unknownPart = true
      else composed += part
    }
    composed += text.slice(last)
    const source = this.sourceOf(location, text)
    const misprinted = numbers.filter((number) => isLargeNumber(number.node))
    if (/arn:/.test(composed) || /arn:/.test(source)) this.reportPrintedNumbers(misprinted, location)
    if (unknownPart || misprinted.length > 0) return symbolicNode(`helm:${source}`, location)
    const node = stringNode(composed, location)
    if (unsetPart) this.unset.add(node)
    return node
  }

  /** An empty string the chart's own values.yaml gives: a default that says "not set here", not "set to empty". */
  private isDefaultEmpty(node: TreeNode): boolean {
    if (node.kind !== 'scalar' || !this.chart.defaultValuesFiles?.has(node.location.path)) return false
    return node.type === 'null' || (node.value.kind === 'known' && node.value.value === '')
  }

  /**
   * Annotation values the release does not set (an absent value, an empty default of the chart,
   * or text made with one) come from outside the scan: an Argo CD Application, a values file of
   * another repository, `--set`. They are symbolic, never an empty or broken role ARN.
   */
  private unsetAnnotations(root: ObjectNode): void {
    const kind = textOf(get(root, 'kind'))
    const metadatas = [get(root, 'metadata'), get(get(get(root, 'spec'), 'template'), 'metadata')]
    if (kind === 'CronJob')
      metadatas.push(get(get(get(get(get(root, 'spec'), 'jobTemplate'), 'spec'), 'template'), 'metadata'))
    for (const metadata of metadatas) {
      const annotations = get(metadata, 'annotations')
      if (annotations?.kind !== 'object') continue
      for (const item of annotations.entries) {
        if (item.value.kind !== 'scalar' || !(this.unset.has(item.value) || this.isDefaultEmpty(item.value))) continue
        item.value = symbolicNode(`helm-value-not-set(${item.key})`, item.value.location)
      }
    }
  }

  /** E8: a values number Helm prints as a float (scientific notation, a lost leading zero) inside an ARN. */
  private reportPrintedNumbers(numbers: readonly { node: TreeNode; action: string }[], at: Location): void {
    for (const { node, action } of numbers) {
      const written = textOf(node)!
      const key = /^\.Values\.([\w.-]+)$/.exec(action)?.[1]?.split('.').pop()
      const what = key
        ? `${key} in ${node.location.path} is the unquoted number ${written}`
        : `${written} in ${node.location.path} is an unquoted number`
      this.result.findings.push({
        ruleId: 'role-arn-invalid',
        location: node.location,
        message: `${what}: Helm reads values numbers as floats, so {{ ${action} }} prints "${goFloat(written)}" in the role ARN at ${formatLocation(at)}, which STS rejects ("Request ARN is invalid"); quote it (${key ? `${key}: ` : ''}"${written}")`,
        key: `helm-numeric-account:${node.location.path}:${written}`,
      })
    }
  }

  /** The template text of a scalar, as written (for symbolic values and messages). */
  private sourceOf(location: Location, fallback: string): string {
    const line = this.lines[location.line - 1]
    if (line === undefined) return fallback
    // From the start of the value: a block action before it (`{{ if … }}`) is blank in the skeleton.
    const firstAction = line.indexOf('{{')
    const limit = firstAction === -1 ? location.column - 1 : Math.min(location.column - 1, firstAction)
    const separator = Math.max(line.lastIndexOf(': ', limit), line.lastIndexOf('- ', limit))
    const start = separator === -1 ? location.column - 1 : Math.min(separator + 2, location.column - 1)
    return line
      .slice(start)
      .trim()
      .replace(/^["']|["']$/g, '')
  }

  private evaluate(pipeline: string, status: Status, at: Position): Evaluated {
    const scope: Scope = {
      root: this.root,
      dot: status.dot,
      variables: status.variables,
      helper: helperEvaluator(this.chart),
      at: { path: this.template.path, line: at.line, column: at.column },
      printedNumbers: this.chart.printedNumbers,
    }
    return evaluate(pipeline, scope)
  }

  /** Whether a position of the template is rendered, and what `.` is there. */
  private status(position: Position): Status {
    const enclosing = this.skeleton.blocks
      .filter((block) => before(block.start, position) && before(position, block.end))
      .sort((a, b) => (before(a.start, b.start) ? -1 : 1))
    let status: Status = { active: true, dot: { kind: 'value', node: this.root }, variables: new Map() }
    for (const block of enclosing) {
      status = this.inBlock(block, position, status)
      if (status.active === false) return status
    }
    return status
  }

  private inBlock(block: Block, position: Position, outer: Status): Status {
    const index = block.branches.findIndex((branch) => within(position, branch))
    if (index === -1) return { ...outer, active: false }
    if (block.kind === 'define' || block.kind === 'block') return { ...outer, active: false }
    const evaluateAt = (expression: string): Evaluated => this.evaluate(expression, outer, block.start)
    if (block.kind === 'range') return { ...outer, active: undefined, range: block }
    let anyUnknown = false
    for (let earlier = 0; earlier < index; earlier += 1) {
      const expression = block.branches[earlier]!.expression
      const isTrue = expression === undefined ? true : truthy(evaluateAt(expression))
      if (isTrue === true) return { ...outer, active: false }
      if (isTrue === undefined) anyUnknown = true
    }
    const branch = block.branches[index]!
    if (branch.expression === undefined) return { ...outer, active: anyUnknown ? undefined : outer.active }
    const value = evaluateAt(branch.expression)
    const isTrue = truthy(value)
    if (isTrue === false) return { ...outer, active: false }
    const active = anyUnknown || isTrue === undefined ? undefined : outer.active
    return block.kind === 'with' && index === 0 ? { ...outer, active, dot: value } : { ...outer, active }
  }

  /** Objects without a namespace go to the release's. */
  private defaultNamespace(root: ObjectNode): void {
    const kind = textOf(get(root, 'kind'))
    if (kind === undefined || CLUSTER_SCOPED_KINDS.has(kind)) return
    const metadata = ensureObject(root, ['metadata'], root.location)
    const namespace = get(metadata, 'namespace')
    if (namespace && !(namespace.kind === 'scalar' && namespace.type === 'null')) return
    set(metadata, 'namespace', this.chart.release.namespace, this.chart.release.namespace.location)
  }
}

/** A fragment's output added to what the template writes under the same key. */
function merge(value: TreeNode, fragment: TreeNode): TreeNode {
  const copy = cloneTree(fragment)
  if (value.kind === 'scalar' && (value.type === 'null' || textOf(value) === '')) return copy
  if (value.kind === 'object' && copy.kind === 'object')
    return { ...value, entries: [...value.entries, ...copy.entries] }
  if (value.kind === 'array' && copy.kind === 'array') return { ...value, items: [...value.items, ...copy.items] }
  return value
}

/** A number Helm prints differently from how it is written: a million or more, or a leading zero. */
function isLargeNumber(node: TreeNode): boolean {
  const text = textOf(node)
  if (node.kind !== 'scalar' || node.type !== 'number' || text === undefined) return false
  return goFloat(text) !== text
}
