import type { Location } from '../../model/location.js'
import { attribute, blocks, type Attribute, type Block, type Expr } from './ast.js'
import { printExpr } from './print.js'
import type { Bindings, Evaluator } from './evaluate.js'
import {
  iterate,
  numberValue,
  objectValue,
  printValue,
  scalarString,
  stringValue,
  tupleValue,
  unknownRef,
  type HclValue,
  type ObjectEntryValue,
  type ObjectValue,
} from './values.js'

/** One instance of a block with `count` or `for_each`: its key and the names it binds. */
export interface BlockInstance {
  /** `[0]`, `["app"]`, or '' for a block without count/for_each. */
  keyText: string
  key?: HclValue
  bindings: Bindings
  /** count/for_each is unknown: this one instance stands for all of them. */
  unknownExpansion?: boolean
  /** With unknownExpansion: when the instances exist, for messages (`if var.create_role`, `for_each = var.roles`). */
  condition?: string
}

/** `if C` for `count = C ? 1 : 0` (and `C ? 0 : 1`, negated), else the argument as written. */
function expansionCondition(name: 'count' | 'for_each', expression: Expr): string {
  if (name === 'count' && expression.kind === 'conditional') {
    const then = expression.then.kind === 'literal' ? expression.then.value : undefined
    const otherwise = expression.otherwise.kind === 'literal' ? expression.otherwise.value : undefined
    if (otherwise === 0 && typeof then === 'number' && then > 0) return `if ${printExpr(expression.condition)}`
    if (then === 0 && typeof otherwise === 'number' && otherwise > 0) return `if !(${printExpr(expression.condition)})`
  }
  return `${name} = ${printExpr(expression)}`
}

const MAX_INSTANCES = 500

/**
 * The instances `count` or `for_each` make of a block (a module call, a resource, a data source).
 * A count or for_each that comes to nothing through a variable `readsUnsetInput` says may be set
 * otherwise at apply time (its default is not necessarily what is applied) is read as unknown: one
 * instance that may exist, under that condition.
 */
export function expandInstances(
  block: Block,
  evaluator: Evaluator,
  bindings: Bindings,
  readsUnsetInput: (expressionText: string) => boolean = () => false,
): BlockInstance[] {
  const count = attribute(block.body, 'count')
  const forEach = attribute(block.body, 'for_each')
  const mayBeMore = (expression: Expr): boolean => readsUnsetInput(printExpr(expression))
  if (count) {
    const value = evaluator.evaluate(count.expression, bindings)
    if (
      value.kind === 'number' &&
      Number.isInteger(value.value) &&
      value.value >= 0 &&
      !(value.value === 0 && mayBeMore(count.expression))
    ) {
      return Array.from({ length: Math.min(value.value, MAX_INSTANCES) }, (_, index) => ({
        keyText: `[${index}]`,
        key: numberValue(index, count.location),
        bindings: bind(
          bindings,
          'count',
          objectValue(
            [{ key: 'index', keyLocation: count.location, value: numberValue(index, count.location) }],
            count.location,
          ),
        ),
      }))
    }
    const index = unknownRef(`${evaluator.environment.prefix}count.index`, count.location)
    return [
      {
        keyText: '[count.index]',
        bindings: bind(
          bindings,
          'count',
          objectValue([{ key: 'index', keyLocation: count.location, value: index }], count.location),
        ),
        unknownExpansion: true,
        condition: expansionCondition('count', count.expression),
      },
    ]
  }
  if (forEach) {
    const value = evaluator.evaluate(forEach.expression, bindings)
    if (value.kind === 'tuple' || value.kind === 'object') {
      const known =
        value.kind === 'object'
          ? !value.entries.some((entry) => entry.keyValue)
          : value.items.every((item) => scalarString(item) !== undefined)
      const empty = value.kind === 'object' ? value.entries.length === 0 : value.items.length === 0
      if (known && !(empty && mayBeMore(forEach.expression))) {
        return eachPairs(value)
          .slice(0, MAX_INSTANCES)
          .map(([key, item]) => ({
            keyText: `[${JSON.stringify(key.value)}]`,
            key,
            bindings: bind(bindings, 'each', eachObject(key, item, forEach.location)),
          }))
      }
    }
    const prefix = evaluator.environment.prefix
    const each = eachObject(
      unknownRef(`${prefix}each.key`, forEach.location),
      unknownRef(`${prefix}each.value`, forEach.location),
      forEach.location,
    )
    return [
      {
        keyText: '[each.key]',
        bindings: bind(bindings, 'each', each),
        unknownExpansion: true,
        condition: expansionCondition('for_each', forEach.expression),
      },
    ]
  }
  return [{ keyText: '', bindings }]
}

/** for_each pairs: a set's elements are both key and value; a map's keys and values. */
function eachPairs(value: HclValue): [{ kind: 'string'; value: string; location: Location }, HclValue][] {
  if (value.kind === 'object')
    return value.entries.map((entry) => [stringValue(entry.key, entry.keyLocation), entry.value])
  return iterate(value).map(([, item]) => [stringValue(scalarString(item)!, item.location), item])
}

function eachObject(key: HclValue, value: HclValue, location: Location): HclValue {
  return objectValue(
    [
      { key: 'key', keyLocation: location, value: key },
      { key: 'value', keyLocation: location, value },
    ],
    location,
  )
}

export function bind(bindings: Bindings, name: string, value: HclValue): Bindings {
  const next = new Map(bindings)
  next.set(name, value)
  return next
}

/**
 * A block seen through an evaluator and the names bound where it stands (each, count, a dynamic
 * block's iterator): its attributes evaluated on demand, its nested blocks with `dynamic` blocks
 * expanded.
 */
export class BlockView {
  constructor(
    readonly evaluator: Evaluator,
    readonly block: Block,
    readonly bindings: Bindings,
    /** A `dynamic` block whose for_each is unknown stands for any number of blocks like this one. */
    readonly unknownExpansion = false,
  ) {}

  get location(): Location {
    return this.block.location
  }

  attribute(name: string): Attribute | undefined {
    return attribute(this.block.body, name)
  }

  has(name: string): boolean {
    return this.attribute(name) !== undefined
  }

  /** The attribute's value, or undefined when it is not written. */
  value(name: string): HclValue | undefined {
    const found = this.attribute(name)
    return found ? this.evaluator.evaluate(found.expression, this.bindings) : undefined
  }

  /** Nested blocks of a type, static ones and `dynamic "<type>"` expansions, in source order. */
  blocks(type: string): BlockView[] {
    const views: { line: number; views: BlockView[] }[] = []
    for (const nested of blocks(this.block.body, type))
      views.push({ line: nested.location.line, views: [new BlockView(this.evaluator, nested, this.bindings)] })
    for (const dynamic of blocks(this.block.body, 'dynamic')) {
      if (dynamic.labels[0] !== type) continue
      views.push({ line: dynamic.location.line, views: this.expandDynamic(dynamic, type) })
    }
    return views.sort((a, b) => a.line - b.line).flatMap((entry) => entry.views)
  }

  private expandDynamic(dynamic: Block, type: string): BlockView[] {
    const content = blocks(dynamic.body, 'content')[0]
    if (!content) return []
    const iteratorName =
      scalarString(
        this.evaluator.evaluate(
          attribute(dynamic.body, 'iterator')?.expression ?? {
            kind: 'literal',
            value: type,
            location: dynamic.location,
          },
          this.bindings,
        ),
      ) ?? type
    const forEach = attribute(dynamic.body, 'for_each')
    const collection = forEach
      ? this.evaluator.evaluate(forEach.expression, this.bindings)
      : tupleValue([], dynamic.location)
    if (collection.kind !== 'tuple' && collection.kind !== 'object') {
      const location = forEach?.location ?? dynamic.location
      const iterator = objectValue(
        [
          { key: 'key', keyLocation: location, value: unknownRef(`${iteratorName}.key`, location) },
          { key: 'value', keyLocation: location, value: unknownRef(`${iteratorName}.value`, location) },
        ],
        location,
      )
      return [new BlockView(this.evaluator, content, bind(this.bindings, iteratorName, iterator), true)]
    }
    return iterate(collection)
      .slice(0, MAX_INSTANCES)
      .map(([key, value]) => {
        const iterator = objectValue(
          [
            { key: 'key', keyLocation: key.location, value: key },
            { key: 'value', keyLocation: value.location, value },
          ],
          value.location,
        )
        return new BlockView(this.evaluator, content, bind(this.bindings, iteratorName, iterator))
      })
  }

  /** The block as an object value (attributes evaluated, nested blocks as lists), for references into it. */
  toValue(depth = 0): ObjectValue {
    const entries: ObjectEntryValue[] = []
    for (const item of this.block.body.attributes)
      entries.push({
        key: item.name,
        keyLocation: item.location,
        value: this.evaluator.evaluate(item.expression, this.bindings),
      })
    if (depth < 20) {
      const types = new Set([
        ...this.block.body.blocks.filter((nested) => nested.type !== 'dynamic').map((nested) => nested.type),
        ...this.block.body.blocks.filter((nested) => nested.type === 'dynamic').map((nested) => nested.labels[0] ?? ''),
      ])
      for (const type of types) {
        if (type === '' || type === 'lifecycle' || type === 'provisioner' || type === 'connection') continue
        const views = this.blocks(type)
        const location = views[0]?.location ?? this.block.location
        entries.push({
          key: type,
          keyLocation: location,
          value: tupleValue(
            views.map((view) => view.toValue(depth + 1)),
            location,
          ),
        })
      }
    }
    return { ...objectValue(entries, this.block.location), endLine: this.block.endLine }
  }
}

/** `[0]` / `["key"]` for an instance key. */
export function keyTextOf(key: HclValue): string {
  return key.kind === 'number' ? `[${key.value}]` : `[${printValue(key)}]`
}
