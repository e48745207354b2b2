import { partitionOfRegion } from '../../iam/arn.js'
import { normaliseTemplate, templateOf, type TemplatePart } from '../../iam/template.js'
import type { Location } from '../../model/location.js'
import {
  child,
  scalarText,
  type ObjectEntry,
  type ObjectNode,
  type ScalarNode,
  type TreeNode,
} from '../../model/tree.js'
import { known, symbolic, valueOrExpression } from '../../model/value.js'
import { parseJsonTree } from '../shared/json-tree.js'

/**
 * CloudFormation's intrinsic functions, evaluated as far as the template tells: parameters'
 * defaults, mappings, conditions on known values, `AWS::Partition` and `AWS::URLSuffix`. What is
 * known only at deploy time (the account, the region, resource attributes, imports, parameters
 * without a default) becomes a hole of a symbolic value, so that rules treat it as unknown.
 */

/** The short form of each function in YAML templates (`!Sub x` is `{"Fn::Sub": x}`). */
export const SHORT_TAGS: Readonly<Record<string, string>> = Object.fromEntries<string>([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...[
    'Base64',
    'Cidr',
    'FindInMap',
    'GetAtt',
    'GetAZs',
    'ImportValue',
    'Join',
    'Select',
    'Split',
    'Sub',
    'Transform',
    'And',
    'Equals',
    'If',
    'Not',
    'Or',
    'Length',
    'ToJsonString',
    'ForEach',
  ].map((name): [string, string] => [`!${name}`, `Fn::${name}`]),
])

export interface TemplateResource {
  logicalId: string
  type: string
  node: ObjectNode
  properties?: ObjectNode
  keyLocation: Location
}

export interface TemplateScope {
  /** Repository-relative path of the template: logical IDs are unique only within it. */
  path: string
  parameters: Map<string, ObjectNode>
  resources: Map<string, TemplateResource>
  mappings?: ObjectNode
  conditions?: ObjectNode
  /** `AWS::Partition` when the template tells (undefined: unknown). */
  partition?: string
}

/** The reference a resource's return value (`Ref`) or attribute (`Fn::GetAtt`) becomes: `cfn:<path>#<LogicalId>[.<Attribute>]`. */
export function resourceReference(scope: Pick<TemplateScope, 'path'>, logicalId: string, attribute?: string): string {
  return `cfn:${scope.path}#${logicalId}${attribute !== undefined ? `.${attribute}` : ''}`
}

export function exportReference(name: string): string {
  return `cfn-export:${name}`
}

const MAX_DEPTH = 40
const HOLE_OPEN = '\uE000'
const HOLE_CLOSE = '\uE001'

type Parts = TemplatePart[]

/** Whether an object is an intrinsic function call: one key, `Ref` or `Fn::…`. */
export function isIntrinsic(node: TreeNode): boolean {
  return (
    node.kind === 'object' &&
    node.entries.length === 1 &&
    (node.entries[0]!.key === 'Ref' || node.entries[0]!.key.startsWith('Fn::'))
  )
}

export class IntrinsicEvaluator {
  private depth = 0

  constructor(private readonly scope: TemplateScope) {}

  /** The node with every intrinsic function evaluated; undefined for `AWS::NoValue` (the property is absent). */
  evaluate(node: TreeNode): TreeNode | undefined {
    if (this.depth > MAX_DEPTH) return hole('Fn::(too deep)', node.location)
    this.depth += 1
    try {
      if (node.kind === 'scalar') return node
      if (node.kind === 'array') {
        const items = node.items.flatMap((item) => this.evaluate(item) ?? [])
        return { ...node, items }
      }
      if (isIntrinsic(node)) return this.call(node)
      const entries: ObjectEntry[] = []
      for (const item of node.entries) {
        const value = this.evaluate(item.value)
        if (value) entries.push({ ...item, value })
      }
      return { ...node, entries }
    } finally {
      this.depth -= 1
    }
  }

  /** A condition of the `Conditions` section: true, false, or undefined when it depends on deploy-time values. */
  condition(name: string): boolean | undefined {
    const definition = child(this.scope.conditions, name)
    if (!definition || this.depth > MAX_DEPTH) return undefined
    this.depth += 1
    try {
      return this.conditionValue(definition)
    } finally {
      this.depth -= 1
    }
  }

  private call(node: ObjectNode): TreeNode | undefined {
    const { key, value: argument } = node.entries[0]!
    const location = node.location
    switch (key) {
      case 'Ref':
        return this.ref(scalarText(argument), location)
      case 'Fn::GetAtt':
        return this.getAtt(argument, location)
      case 'Fn::Sub':
        return this.sub(argument, location)
      case 'Fn::Join':
        return this.join(argument, location)
      case 'Fn::Select':
        return this.select(argument, location)
      case 'Fn::Split':
        return this.split(argument, location)
      case 'Fn::If':
        return this.if(argument, location)
      case 'Fn::FindInMap':
        return this.findInMap(argument, location)
      case 'Fn::ImportValue': {
        const name = this.text(argument)
        return hole(name !== undefined ? exportReference(name) : `Fn::ImportValue(${summary(argument)})`, location)
      }
      default:
        return hole(`${key}(${summary(argument)})`, location)
    }
  }

  private ref(name: string | undefined, location: Location): TreeNode | undefined {
    if (name === undefined) return hole('Ref(?)', location)
    if (name === 'AWS::NoValue') return undefined
    if (name === 'AWS::Partition')
      return this.scope.partition ? text(this.scope.partition, location) : hole(name, location)
    if (name === 'AWS::URLSuffix') {
      if (!this.scope.partition) return hole(name, location)
      return text(this.scope.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com', location)
    }
    if (name.startsWith('AWS::')) return hole(name, location)
    const parameter = this.scope.parameters.get(name)
    if (parameter) {
      const fallback = child(parameter, 'Default')
      if (!fallback || fallback.kind !== 'scalar' || fallback.value.kind !== 'known' || fallback.type === 'null')
        return hole(`Ref(${name})`, location)
      const type = scalarText(child(parameter, 'Type')) ?? 'String'
      if (/^(CommaDelimitedList|List<)/.test(type)) {
        return {
          kind: 'array',
          location,
          items: fallback.value.value.split(',').map((item) => text(item.trim(), fallback.location)),
        }
      }
      return {
        kind: 'scalar',
        location: fallback.location,
        value: known(fallback.value.value, fallback.location),
        type: 'string',
      }
    }
    if (this.scope.resources.has(name)) return hole(resourceReference(this.scope, name), location)
    return hole(`Ref(${name})`, location)
  }

  private getAtt(argument: TreeNode, location: Location): TreeNode {
    let logicalId: string | undefined
    let attribute: string | undefined
    const whole = scalarText(argument)
    if (whole !== undefined) {
      const dot = whole.indexOf('.')
      logicalId = dot < 0 ? whole : whole.slice(0, dot)
      attribute = dot < 0 ? undefined : whole.slice(dot + 1)
    } else if (argument.kind === 'array') {
      logicalId = scalarText(argument.items[0])
      attribute = argument.items[1] ? this.text(argument.items[1]) : undefined
    }
    if (logicalId === undefined || attribute === undefined) return hole(`Fn::GetAtt(${summary(argument)})`, location)
    const resource = this.scope.resources.get(logicalId)
    // CDK's CfnJson: a JSON document whose keys are tokens, resolved by a custom resource at deploy time.
    if (resource?.type === 'Custom::AWSCDKCfnJson' && attribute === 'Value') {
      const value = child(resource.properties, 'Value')
      const evaluated = value ? this.evaluate(value) : undefined
      const document =
        evaluated?.kind === 'scalar' ? parseJsonWithHoles(this.scope.path, evaluated, location) : evaluated
      if (document) return document
    }
    return hole(resourceReference(this.scope, logicalId, attribute), location)
  }

  private sub(argument: TreeNode, location: Location): TreeNode {
    let template: ScalarNode | undefined
    let variables: TreeNode | undefined
    if (argument.kind === 'scalar') template = argument
    else if (argument.kind === 'array' && argument.items[0]?.kind === 'scalar') {
      template = argument.items[0]
      variables = argument.items[1]
    }
    const source = template ? scalarText(template) : undefined
    if (template === undefined || source === undefined) return hole(`Fn::Sub(${summary(argument)})`, location)
    const parts: Parts = []
    let index = 0
    while (index < source.length) {
      const start = source.indexOf('${', index)
      if (start < 0) break
      const end = source.indexOf('}', start + 2)
      if (end < 0) break
      parts.push({ text: source.slice(index, start) })
      const name = source.slice(start + 2, end).trim()
      if (name.startsWith('!')) parts.push({ text: `\${${name.slice(1)}}` })
      else parts.push(...this.variable(name, variables, template.location))
      index = end + 1
    }
    parts.push({ text: source.slice(index) })
    const result = stringNode(parts, location)
    // A substitution that is fully known reads as the string it was written as.
    return result.value.kind === 'known'
      ? { ...result, location: template.location, value: known(result.value.value, template.location) }
      : result
  }

  private variable(name: string, variables: TreeNode | undefined, location: Location): Parts {
    const given = child(variables, name)
    if (given) return this.partsOf(this.evaluate(given), `Fn::Sub(${name})`)
    const dot = name.indexOf('.')
    if (dot > 0 && !name.startsWith('AWS::')) {
      const logicalId = name.slice(0, dot)
      const attribute: TreeNode = {
        kind: 'array',
        location,
        items: [text(logicalId, location), text(name.slice(dot + 1), location)],
      }
      return this.partsOf(this.getAtt(attribute, location), name)
    }
    return this.partsOf(this.ref(name, location), name)
  }

  private join(argument: TreeNode, location: Location): TreeNode {
    if (argument.kind !== 'array' || argument.items.length !== 2)
      return hole(`Fn::Join(${summary(argument)})`, location)
    const delimiter = this.text(argument.items[0]!)
    const list = this.evaluate(argument.items[1]!)
    if (delimiter === undefined || list?.kind !== 'array') return hole(`Fn::Join(${summary(argument)})`, location)
    const parts: Parts = []
    list.items.forEach((item, index) => {
      if (index > 0) parts.push({ text: delimiter })
      parts.push(...this.partsOf(item, 'Fn::Join(item)'))
    })
    return stringNode(parts, location)
  }

  private select(argument: TreeNode, location: Location): TreeNode | undefined {
    if (argument.kind !== 'array' || argument.items.length !== 2)
      return hole(`Fn::Select(${summary(argument)})`, location)
    const index = Number(this.text(argument.items[0]!))
    const list = this.evaluate(argument.items[1]!)
    if (Number.isInteger(index) && list?.kind === 'array' && index >= 0 && index < list.items.length)
      return list.items[index]
    // CDK's issuer of a provider known only at deploy time: Select(1, Split(":oidc-provider/", <provider ARN>)).
    const split = argument.items[1]!
    if (
      index === 1 &&
      isIntrinsic(split) &&
      split.kind === 'object' &&
      split.entries[0]!.key === 'Fn::Split' &&
      split.entries[0]!.value.kind === 'array'
    ) {
      const [delimiter, source] = split.entries[0]!.value.items
      const provider = source ? this.evaluate(source) : undefined
      if (
        delimiter &&
        this.text(delimiter) === ':oidc-provider/' &&
        provider?.kind === 'scalar' &&
        provider.value.kind === 'symbolic'
      ) {
        return hole(`issuer(${provider.value.expression})`, location)
      }
    }
    return hole(`Fn::Select(${summary(argument)})`, location)
  }

  private split(argument: TreeNode, location: Location): TreeNode {
    if (argument.kind !== 'array' || argument.items.length !== 2)
      return hole(`Fn::Split(${summary(argument)})`, location)
    const delimiter = this.text(argument.items[0]!)
    const source = this.evaluate(argument.items[1]!)
    const whole = source?.kind === 'scalar' && source.value.kind === 'known' ? source.value.value : undefined
    if (delimiter === undefined || delimiter === '' || whole === undefined)
      return hole(`Fn::Split(${summary(argument)})`, location)
    return { kind: 'array', location, items: whole.split(delimiter).map((item) => text(item, source!.location)) }
  }

  private if(argument: TreeNode, location: Location): TreeNode | undefined {
    if (argument.kind !== 'array' || argument.items.length !== 3) return hole(`Fn::If(${summary(argument)})`, location)
    const name = scalarText(argument.items[0])
    const decided = name !== undefined ? this.condition(name) : undefined
    if (decided === true) return this.evaluate(argument.items[1]!)
    if (decided === false) return this.evaluate(argument.items[2]!)
    const whenTrue = this.evaluate(argument.items[1]!)
    const whenFalse = this.evaluate(argument.items[2]!)
    const same = (a: TreeNode | undefined, b: TreeNode | undefined): boolean =>
      a?.kind === 'scalar' &&
      b?.kind === 'scalar' &&
      a.value.kind === 'known' &&
      b.value.kind === 'known' &&
      a.value.value === b.value.value
    if (same(whenTrue, whenFalse)) return whenTrue
    return hole(`Fn::If(${name ?? '?'})`, location)
  }

  private findInMap(argument: TreeNode, location: Location): TreeNode | undefined {
    if (argument.kind === 'array' && argument.items.length >= 3) {
      const [map, top, second] = argument.items.slice(0, 3).map((item) => this.text(item))
      const found =
        map !== undefined && top !== undefined && second !== undefined
          ? child(child(child(this.scope.mappings, map), top), second)
          : undefined
      if (found) return this.evaluate(found)
    }
    return hole(`Fn::FindInMap(${summary(argument)})`, location)
  }

  private conditionValue(node: TreeNode): boolean | undefined {
    if (node.kind === 'scalar') {
      const value = scalarText(node)
      return value === 'true' ? true : value === 'false' ? false : undefined
    }
    if (node.kind !== 'object' || node.entries.length !== 1) return undefined
    const { key, value } = node.entries[0]!
    const items = value.kind === 'array' ? value.items : []
    switch (key) {
      case 'Condition': {
        const name = scalarText(value)
        return name !== undefined ? this.condition(name) : undefined
      }
      case 'Fn::Equals': {
        if (items.length !== 2) return undefined
        const [a, b] = items.map((item) => this.text(item))
        return a !== undefined && b !== undefined ? a === b : undefined
      }
      case 'Fn::Not': {
        const inner = items[0] ? this.conditionValue(items[0]) : undefined
        return inner === undefined ? undefined : !inner
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const values = items.map((item) => this.conditionValue(item))
        const decisive = key === 'Fn::And' ? false : true
        if (values.includes(decisive)) return decisive
        return values.includes(undefined) ? undefined : !decisive
      }
      default:
        return undefined
    }
  }

  /** A node's known text after evaluation, or undefined. */
  private text(node: TreeNode): string | undefined {
    const evaluated = this.evaluate(node)
    return evaluated?.kind === 'scalar' && evaluated.value.kind === 'known' && evaluated.type !== 'null'
      ? evaluated.value.value
      : undefined
  }

  private partsOf(node: TreeNode | undefined, what: string): Parts {
    if (node === undefined) return []
    if (node.kind === 'scalar') return [...templateOf(node.value)]
    return [{ hole: what }]
  }
}

/** A string built of known text and deploy-time holes: known when it has no hole. */
export function stringNode(parts: readonly TemplatePart[], location: Location): ScalarNode {
  const normalised = normalise(parts)
  if (normalised.every((part) => 'text' in part)) return text(normalised.map((part) => part.text).join(''), location)
  return { kind: 'scalar', location, value: symbolic(expressionOf(normalised), location), type: 'unknown' }
}

/**
 * A JSON document held in a string with holes (a whole-document `Fn::Sub`, CDK's CfnJson): parsed
 * with each hole kept as a hole of the string, key or value it falls in. undefined when it is not
 * JSON (a hole outside any string, or a bare reference).
 */
export function parseJsonWithHoles(path: string, node: ScalarNode, location: Location): TreeNode | undefined {
  const template = templateOf(node.value)
  const holes: string[] = []
  const source = template
    .map((part) => ('text' in part ? part.text : `${HOLE_OPEN}${holes.push(part.hole) - 1}${HOLE_CLOSE}`))
    .join('')
  if (!/^\s*[[{]/.test(source)) return undefined
  const parsed = parseJsonTree(path, source, { fixedLocation: location })
  if (!parsed.ok) return undefined
  return holes.length === 0 ? parsed.root : restoreHoles(parsed.root, holes)
}

function restoreHoles(node: TreeNode, holes: readonly string[]): TreeNode {
  if (node.kind === 'array') return { ...node, items: node.items.map((item) => restoreHoles(item, holes)) }
  if (node.kind === 'object') {
    return {
      ...node,
      entries: node.entries.map((item) => {
        const value = restoreHoles(item.value, holes)
        const key = withHoles(item.key, holes)
        if (!key) return { ...item, value }
        return { ...item, key: expressionOf(key), keyValue: symbolic(expressionOf(key), item.keyLocation), value }
      }),
    }
  }
  if (node.value.kind !== 'known') return node
  const parts = withHoles(node.value.value, holes)
  return parts ? stringNode(parts, node.location) : node
}

/** The parts of a text with hole markers; undefined when it has none. */
function withHoles(value: string, holes: readonly string[]): Parts | undefined {
  if (!value.includes(HOLE_OPEN)) return undefined
  const parts: Parts = []
  const pattern = new RegExp(`${HOLE_OPEN}(\\d+)${HOLE_CLOSE}`, 'g')
  let last = 0
  for (const match of value.matchAll(pattern)) {
    parts.push({ text: value.slice(last, match.index) }, { hole: holes[Number(match[1])] ?? '?' })
    last = match.index + match[0].length
  }
  parts.push({ text: value.slice(last) })
  return normalise(parts)
}

/** `text${hole}text`; a lone hole is its bare expression (a reference, as Terraform's sources write them). */
function expressionOf(parts: readonly TemplatePart[]): string {
  const normalised = normalise(parts)
  if (normalised.length === 1 && 'hole' in normalised[0]!) return normalised[0].hole
  return normalised.map((part) => ('text' in part ? part.text : `\${${part.hole}}`)).join('')
}

/** The parts joined as iam/template.ts does, braces dropped from each hole's expression. */
function normalise(parts: readonly TemplatePart[]): Parts {
  return normaliseTemplate(parts, (hole) => hole.replace(/[{}]/g, ''))
}

function text(value: string, location: Location): ScalarNode {
  return { kind: 'scalar', location, value: known(value, location), type: 'string' }
}

function hole(expression: string, location: Location): ScalarNode {
  return { kind: 'scalar', location, value: symbolic(expression.replace(/[{}]/g, ''), location), type: 'unknown' }
}

/** A short, brace-free rendering of a function's argument for the hole it becomes. */
function summary(node: TreeNode): string {
  const rendered = render(node, 0)
  return rendered.length > 80 ? `${rendered.slice(0, 77)}...` : rendered
}

function render(node: TreeNode, depth: number): string {
  if (depth > 4) return '...'
  if (node.kind === 'scalar') return valueOrExpression(node.value).replace(/\$\{|[{}]/g, '')
  if (node.kind === 'array') return node.items.map((item) => render(item, depth + 1)).join(',')
  return node.entries.map((item) => `${item.key}:${render(item.value, depth + 1)}`).join(',')
}

/**
 * `AWS::Partition` as the template tells it: the one partition that the regions and ARNs written in
 * it belong to; `aws` when they name none; unknown when they disagree.
 */
export function templatePartition(root: TreeNode): string | undefined {
  const found = new Set<string>()
  const visit = (node: TreeNode, depth: number): void => {
    if (depth > 60) return
    if (node.kind === 'array') node.items.forEach((item) => visit(item, depth + 1))
    else if (node.kind === 'object') {
      for (const item of node.entries) {
        note(item.key)
        visit(item.value, depth + 1)
      }
    } else if (node.value.kind === 'known') note(node.value.value)
  }
  const note = (value: string): void => {
    for (const match of value.matchAll(/oidc\.eks\.([a-z0-9-]+)\.amazonaws\.com/g))
      found.add(partitionOfRegion(match[1]!))
    for (const match of value.matchAll(/\barn:(aws(?:-[a-z-]+)?):/g)) found.add(match[1]!)
  }
  visit(root, 0)
  if (found.size === 0) return 'aws'
  return found.size === 1 ? [...found][0] : undefined
}
