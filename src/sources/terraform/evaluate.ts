import type { Location } from '../../model/location.js'
import type { Expr, ForExpr, Step, TemplateExpr, TemplatePart } from './ast.js'
import { EvalError } from './errors.js'
import { callFunction, type FunctionContext } from './functions.js'
import { printExpr, printSteps } from './print.js'
import {
  boolValue,
  containsUnknown,
  expressionOf,
  iterate,
  toNumber,
  nullValue,
  numberValue,
  objectValue,
  printValue,
  scalarString,
  singleRef,
  stringValue,
  tupleValue,
  unknownRef,
  unknownTemplate,
  type HclValue,
  type ObjectEntryValue,
  type TextOrigin,
  type UnknownPart,
  type UnknownValue,
} from './values.js'

export { EvalError }

/** The evaluation ran out of steps or depth: the value becomes unknown. */
class RunawayError extends Error {}

export type Bindings = ReadonlyMap<string, HclValue>
export const NO_BINDINGS: Bindings = new Map()

export interface Resolved {
  value: HclValue
  /** How many of the traversal's steps the resolution used (e.g. 1 for `var.x`, 2 for `module.m.out`). */
  consumed: number
}

export interface FileText {
  text: string
  /** Repository-relative path. */
  path: string
}

/** What the module instance provides: names outside the local bindings, files, templates. */
export interface Environment {
  /** Expression prefix of references in this module instance: '' for a root module, `module.app.` in a child. */
  readonly prefix: string
  resolve(root: string, steps: readonly Step[], location: Location, bindings: Bindings): Resolved
  /** A file of the repository, relative to the module directory (`file`, `templatefile`). */
  readFile(path: string): FileText | undefined
  /** Parses a template file's text (`templatefile`). */
  parseTemplate(text: string, path: string): TemplateExpr | undefined
}

/** Steps and depth shared by all module instances of one scan, so a pathological configuration cannot run away. */
export class Budget {
  constructor(public remaining: number) {}
}

const MAX_DEPTH = 150
const MAX_STRING = 1_000_000

/**
 * Evaluates HCL expressions as far as they can be known without running Terraform. Never throws
 * from `evaluate`: an error or an exhausted budget yields an unknown value named after what was written.
 */
export class Evaluator {
  private depth = 0

  constructor(
    readonly environment: Environment,
    private readonly budget: Budget,
  ) {}

  evaluate(expr: Expr, bindings: Bindings = NO_BINDINGS): HclValue {
    try {
      return this.evaluateOrThrow(expr, bindings)
    } catch (error) {
      if (error instanceof EvalError || error instanceof RunawayError) return this.unknownExpr(expr)
      throw error
    }
  }

  /** Evaluates, letting Terraform errors through (for `try`, and for callers that tell errors apart). */
  evaluateOrThrow(expr: Expr, bindings: Bindings): HclValue {
    if (this.budget.remaining-- <= 0) throw new RunawayError('evaluation budget exhausted')
    if (this.depth >= MAX_DEPTH) throw new RunawayError('expression too deep')
    this.depth++
    try {
      return this.dispatch(expr, bindings)
    } finally {
      this.depth--
    }
  }

  /** An unknown named after the expression as written, in this module instance. */
  unknownExpr(expr: Expr): UnknownValue {
    return unknownRef(`${this.environment.prefix}${printExpr(expr)}`, expr.location)
  }

  private dispatch(expr: Expr, bindings: Bindings): HclValue {
    switch (expr.kind) {
      case 'literal':
        if (typeof expr.value === 'string')
          return stringValue(
            expr.value,
            expr.location,
            expr.textLocation ? { location: expr.textLocation, lineAligned: expr.lineAligned ?? false } : undefined,
          )
        if (typeof expr.value === 'number') return numberValue(expr.value, expr.location)
        if (typeof expr.value === 'boolean') return boolValue(expr.value, expr.location)
        return nullValue(expr.location)
      case 'template':
        return this.template(expr, bindings)
      case 'tuple':
        return tupleValue(
          expr.items.map((item) => this.evaluateOrThrow(item, bindings)),
          expr.location,
        )
      case 'object':
        return this.object(expr, bindings)
      case 'variable': {
        const bound = bindings.get(expr.name)
        if (bound) return bound
        return this.resolveTraversal(expr.name, [], expr.location, bindings)
      }
      case 'access': {
        if (expr.target.kind === 'variable' && !bindings.has(expr.target.name))
          return this.resolveTraversal(expr.target.name, expr.steps, expr.location, bindings)
        const value = this.applySteps(this.evaluateOrThrow(expr.target, bindings), expr.steps, bindings, expr.location)
        return value.kind === 'unknown' && value.location !== expr.location
          ? { ...value, location: expr.location }
          : value
      }
      case 'call':
        return this.call(expr, bindings)
      case 'for':
        return this.forExpression(expr, bindings)
      case 'conditional':
        return this.conditional(expr, bindings)
      case 'unary':
        return this.unary(expr.operator, this.evaluateOrThrow(expr.operand, bindings), expr.location)
      case 'binary':
        return this.binary(expr.operator, expr.left, expr.right, bindings, expr.location)
      case 'invalid':
        throw new EvalError('invalid expression')
    }
  }

  private resolveTraversal(root: string, steps: readonly Step[], location: Location, bindings: Bindings): HclValue {
    const resolved = this.environment.resolve(root, steps, location, bindings)
    const value = this.applySteps(resolved.value, steps.slice(resolved.consumed), bindings, location)
    // A value known only at apply time is best shown where it is referenced.
    return value.kind === 'unknown' && value.location !== location ? { ...value, location } : value
  }

  applySteps(value: HclValue, steps: readonly Step[], bindings: Bindings, location: Location): HclValue {
    let current = value
    for (let index = 0; index < steps.length; index++) {
      const step = steps[index]!
      if (step.kind === 'attr') current = this.attribute(current, step.name)
      else if (step.kind === 'index') current = this.index(current, this.evaluateOrThrow(step.key, bindings))
      else {
        current = this.splat(current, step.steps, bindings, location)
      }
    }
    return current
  }

  attribute(value: HclValue, name: string): HclValue {
    if (value.kind === 'unknown') return extendRef(value, `.${name}`)
    if (value.kind === 'object') {
      for (let index = value.entries.length - 1; index >= 0; index--) {
        const entry = value.entries[index]!
        if (entry.key === name && !entry.keyValue) return entry.value
      }
      if (value.openRef !== undefined) return unknownRef(`${value.openRef}.${name}`, value.location)
      if (value.entries.some((entry) => entry.keyValue))
        return unknownRef(`${printValue(value)}.${name}`, value.location)
      throw new EvalError(`no attribute "${name}"`)
    }
    throw new EvalError(`cannot read attribute "${name}" of a ${value.kind}`)
  }

  index(value: HclValue, key: HclValue): HclValue {
    if (key.kind === 'unknown') {
      if (value.kind === 'unknown') return extendRef(value, `[${printValue(key)}]`)
      return unknownRef(`${printValue(value)}[${printValue(key)}]`, value.location)
    }
    if (value.kind === 'unknown') return extendRef(value, `[${printValue(key)}]`)
    if (value.kind === 'tuple') {
      const position =
        key.kind === 'number'
          ? key.value
          : key.kind === 'string' && /^\d+$/.test(key.value)
            ? Number(key.value)
            : Number.NaN
      const item = Number.isInteger(position) ? value.items[position] : undefined
      if (!item) throw new EvalError(`index ${printValue(key)} out of range`)
      return item
    }
    if (value.kind === 'object') {
      const text = scalarString(key)
      if (text === undefined) throw new EvalError('invalid key')
      return this.attribute(value, text)
    }
    throw new EvalError(`cannot index a ${value.kind}`)
  }

  private splat(value: HclValue, steps: readonly Step[], bindings: Bindings, location: Location): HclValue {
    if (value.kind === 'unknown') return extendRef(value, `[*]${printSteps(steps)}`)
    if (value.kind === 'null') return tupleValue([], value.location)
    const items = value.kind === 'tuple' ? value.items : [value]
    return tupleValue(
      items.map((item) => this.applySteps(item, steps, bindings, location)),
      value.location,
    )
  }

  private template(expr: TemplateExpr, bindings: Bindings): HclValue {
    const only = expr.parts.length === 1 ? expr.parts[0] : undefined
    if (only?.kind === 'interpolation') return this.evaluateOrThrow(only.expression, bindings)
    const parts: UnknownPart[] = []
    const aligned = { value: expr.lineAligned }
    this.templateParts(expr.parts, bindings, parts, aligned)
    return this.templateResult(parts, expr.location, { location: expr.textLocation, lineAligned: aligned.value })
  }

  /** Renders template parts (also `templatefile`'s) into text and holes. */
  templateParts(
    templateParts: readonly TemplatePart[],
    bindings: Bindings,
    out: UnknownPart[],
    aligned: { value: boolean },
  ): void {
    for (const part of templateParts) {
      if (part.kind === 'text') {
        out.push({ text: part.text })
        continue
      }
      if (part.kind === 'interpolation') {
        const value = this.evaluateOrThrow(part.expression, bindings)
        if (value.kind === 'unknown') {
          out.push(...value.parts)
          continue
        }
        const text = scalarString(value)
        if (text === undefined) throw new EvalError(`cannot interpolate a ${value.kind}`)
        if (text.includes('\n')) aligned.value = false
        out.push({ text })
        continue
      }
      if (part.kind === 'if') {
        const condition = this.evaluateOrThrow(part.condition, bindings)
        if (condition.kind === 'bool')
          this.templateParts(condition.value ? part.then : part.otherwise, bindings, out, aligned)
        else if (condition.kind === 'unknown')
          out.push({ ref: `${this.environment.prefix}%{if ${printValue(condition)}}` })
        else throw new EvalError('template condition is not a bool')
        continue
      }
      const collection = this.evaluateOrThrow(part.collection, bindings)
      if (collection.kind === 'unknown') {
        out.push({ ref: `${this.environment.prefix}%{for ${part.valueName} in ${printValue(collection)}}` })
        continue
      }
      for (const [key, item] of iterate(collection)) {
        const inner = new Map(bindings)
        if (part.keyName) inner.set(part.keyName, key)
        inner.set(part.valueName, item)
        this.templateParts(part.body, inner, out, aligned)
      }
    }
  }

  templateResult(parts: UnknownPart[], location: Location, origin: TextOrigin): HclValue {
    if (parts.every((part) => 'text' in part)) {
      const text = parts.map((part) => part.text).join('')
      if (text.length > MAX_STRING) throw new RunawayError('string too long')
      return stringValue(text, location, origin)
    }
    return { ...unknownTemplate(parts, location), origin }
  }

  private object(expr: Extract<Expr, { kind: 'object' }>, bindings: Bindings): HclValue {
    const entries: ObjectEntryValue[] = []
    for (const item of expr.items) {
      const value = this.evaluateOrThrow(item.value, bindings)
      if (item.keyName !== undefined) {
        entries.push({ key: item.keyName, keyLocation: item.keyLocation, value })
        continue
      }
      const key = this.evaluateOrThrow(item.key, bindings)
      if (key.kind === 'unknown') {
        entries.push({ key: expressionOf(key), keyLocation: item.keyLocation, keyValue: key, value })
        continue
      }
      const text = scalarString(key)
      if (text === undefined) throw new EvalError('object key is not a string')
      entries.push({ key: text, keyLocation: item.keyLocation, value })
    }
    return objectValue(entries, expr.location)
  }

  private call(expr: Extract<Expr, { kind: 'call' }>, bindings: Bindings): HclValue {
    if (expr.name === 'try') {
      for (const arg of expr.args) {
        try {
          return this.evaluateOrThrow(arg, bindings)
        } catch (error) {
          if (!(error instanceof EvalError)) throw error
        }
      }
      throw new EvalError('no argument of try() could be evaluated')
    }
    if (expr.name === 'can') {
      const arg = expr.args[0]
      if (!arg) throw new EvalError('can() takes one argument')
      try {
        const value = this.evaluateOrThrow(arg, bindings)
        return containsUnknown(value)
          ? unknownRef(`${this.environment.prefix}${printExpr(expr)}`, expr.location)
          : boolValue(true, expr.location)
      } catch (error) {
        if (error instanceof EvalError) return boolValue(false, expr.location)
        throw error
      }
    }
    let args = expr.args.map((arg) => this.evaluateOrThrow(arg, bindings))
    if (expr.expandLast && args.length > 0) {
      const last = args[args.length - 1]!
      if (last.kind === 'unknown') return unknownRef(`${this.environment.prefix}${printExpr(expr)}`, expr.location)
      if (last.kind !== 'tuple') throw new EvalError('cannot expand a non-list argument')
      args = [...args.slice(0, -1), ...last.items]
    }
    const context: FunctionContext = { location: expr.location, evaluator: this }
    return callFunction(expr.name, args, context)
  }

  private forExpression(expr: ForExpr, bindings: Bindings): HclValue {
    const collection = this.evaluateOrThrow(expr.collection, bindings)
    if (collection.kind === 'unknown') return this.unknownExpr(expr)
    if (collection.kind !== 'tuple' && collection.kind !== 'object')
      throw new EvalError('for expression over a non-collection')
    const items: HclValue[] = []
    const entries: ObjectEntryValue[] = []
    const groups = new Map<string, HclValue[]>()
    for (const [key, value] of iterate(collection)) {
      const inner = new Map(bindings)
      if (expr.keyName) inner.set(expr.keyName, key)
      inner.set(expr.valueName, value)
      if (expr.condition) {
        const keep = this.evaluateOrThrow(expr.condition, inner)
        if (keep.kind === 'unknown') return this.unknownExpr(expr)
        if (keep.kind !== 'bool') throw new EvalError('for condition is not a bool')
        if (!keep.value) continue
      }
      const result = this.evaluateOrThrow(expr.valueExpr, inner)
      if (!expr.keyExpr) {
        items.push(result)
        continue
      }
      const keyValue = this.evaluateOrThrow(expr.keyExpr, inner)
      if (keyValue.kind === 'unknown') return this.unknownExpr(expr)
      const keyText = scalarString(keyValue)
      if (keyText === undefined) throw new EvalError('for key is not a string')
      if (expr.grouping) {
        const group = groups.get(keyText)
        if (group) group.push(result)
        else {
          groups.set(keyText, [result])
          entries.push({ key: keyText, keyLocation: keyValue.location, value: result })
        }
      } else {
        entries.push({ key: keyText, keyLocation: keyValue.location, value: result })
      }
    }
    if (!expr.keyExpr) return tupleValue(items, expr.location)
    if (expr.grouping)
      return objectValue(
        entries.map((entry) => ({ ...entry, value: tupleValue(groups.get(entry.key)!, entry.value.location) })),
        expr.location,
      )
    return objectValue(entries, expr.location)
  }

  private conditional(expr: Extract<Expr, { kind: 'conditional' }>, bindings: Bindings): HclValue {
    const condition = this.evaluateOrThrow(expr.condition, bindings)
    if (condition.kind === 'bool') return this.evaluateOrThrow(condition.value ? expr.then : expr.otherwise, bindings)
    if (condition.kind !== 'unknown') throw new EvalError('condition is not a bool')
    const then = this.evaluate(expr.then, bindings)
    const otherwise = this.evaluate(expr.otherwise, bindings)
    if (!containsUnknown(then) && !containsUnknown(otherwise) && printValue(then) === printValue(otherwise)) return then
    return unknownRef(`${printValue(condition)} ? ${printValue(then)} : ${printValue(otherwise)}`, expr.location)
  }

  private unary(operator: string, operand: HclValue, location: Location): HclValue {
    if (operand.kind === 'unknown') return unknownRef(`${operator}${printValue(operand)}`, location)
    if (operator === '!') {
      if (operand.kind !== 'bool') throw new EvalError('! of a non-bool')
      return boolValue(!operand.value, location)
    }
    return numberValue(-toNumber(operand), location)
  }

  private binary(operator: string, leftExpr: Expr, rightExpr: Expr, bindings: Bindings, location: Location): HclValue {
    const left = this.evaluateOrThrow(leftExpr, bindings)
    if (operator === '&&' || operator === '||') {
      if (left.kind === 'bool' && left.value === (operator === '||')) return boolValue(left.value, location)
      const right = this.evaluateOrThrow(rightExpr, bindings)
      if (right.kind === 'bool' && right.value === (operator === '||')) return boolValue(right.value, location)
      if (left.kind === 'unknown' || right.kind === 'unknown')
        return unknownRef(`${printValue(left)} ${operator} ${printValue(right)}`, location)
      if (left.kind !== 'bool' || right.kind !== 'bool') throw new EvalError(`${operator} of non-bools`)
      return boolValue(operator === '&&' ? left.value && right.value : left.value || right.value, location)
    }
    const right = this.evaluateOrThrow(rightExpr, bindings)
    if (containsUnknown(left) || containsUnknown(right))
      return unknownRef(`${printValue(left)} ${operator} ${printValue(right)}`, location)
    if (operator === '==' || operator === '!=') {
      const equal = left.kind === right.kind && printValue(left) === printValue(right)
      return boolValue(operator === '==' ? equal : !equal, location)
    }
    const a = toNumber(left)
    const b = toNumber(right)
    switch (operator) {
      case '+':
        return numberValue(a + b, location)
      case '-':
        return numberValue(a - b, location)
      case '*':
        return numberValue(a * b, location)
      case '/':
        if (b === 0) throw new EvalError('division by zero')
        return numberValue(a / b, location)
      case '%':
        if (b === 0) throw new EvalError('division by zero')
        return numberValue(a % b, location)
      case '<':
        return boolValue(a < b, location)
      case '<=':
        return boolValue(a <= b, location)
      case '>':
        return boolValue(a > b, location)
      case '>=':
        return boolValue(a >= b, location)
      default:
        throw new EvalError(`unknown operator ${operator}`)
    }
  }
}

/** `module.x.out` + `.arn` → `module.x.out.arn`; a template is parenthesised. */
export function extendRef(value: UnknownValue, suffix: string): UnknownValue {
  const ref = singleRef(value)
  if (!ref) return unknownRef(`(${printValue(value)})${suffix}`, value.location)
  // `certificates[0].sha1_fingerprint` is still what the data source fetched.
  const fetched = ref.fetchedCertificate
  return unknownRef(`${ref.ref}${suffix}`, value.location, fetched ? { fetchedCertificate: fetched } : {})
}
