import type { Location } from '../../model/location.js'
import type { ObjectNode, ScalarNode, TreeNode } from '../../model/tree.js'
import { symbolic } from '../../model/value.js'
import { get, stringNode, textOf } from '../shared/tree-edit.js'

/**
 * The value of a template pipeline, for the small set of functions charts use around names,
 * namespaces and annotations. Anything else is `unknown`: irsa-guard does not render Go
 * templates, it reads what the standard chart shapes need.
 */
export type Evaluated = { kind: 'value'; node: TreeNode } | { kind: 'absent' } | { kind: 'unknown'; why: string }

export const ABSENT: Evaluated = { kind: 'absent' }

export function unknown(why: string): Evaluated {
  return { kind: 'unknown', why }
}

export function valueOf(node: TreeNode | undefined): Evaluated {
  return node ? { kind: 'value', node } : ABSENT
}

/** A named template (`include "x.fullname" .`) the chart defines in a shape irsa-guard knows. */
export type HelperEvaluator = (name: string, context: Evaluated, at: Location) => Evaluated | undefined

export interface Scope {
  /** `$`: { Values, Release: { Name, Namespace }, Chart: { Name } }. */
  root: ObjectNode
  dot: Evaluated
  variables: ReadonlyMap<string, Evaluated>
  helper: HelperEvaluator
  /** Where the action is written: the location of what it makes up. */
  at: Location
  /** Number nodes of the values that the pipeline turned into text (Helm prints large numbers in scientific notation). */
  printedNumbers: TreeNode[]
}

export function evaluate(pipeline: string, scope: Scope): Evaluated {
  const tokens = tokenize(pipeline)
  if (!tokens) return unknown(pipeline)
  const commands = splitTopLevel(tokens, '|')
  let result: Evaluated | undefined
  for (const command of commands) {
    if (command.length === 0) return unknown(pipeline)
    result = runCommand(command, scope, result)
    if (result.kind === 'unknown') return result
  }
  return result ?? unknown(pipeline)
}

/** Go template truthiness: false, 0, nil, "", empty maps and lists are false; undefined when unknown. */
export function truthy(value: Evaluated): boolean | undefined {
  if (value.kind === 'absent') return false
  if (value.kind === 'unknown') return undefined
  const node = value.node
  if (node.kind === 'object') return node.entries.length > 0
  if (node.kind === 'array') return node.items.length > 0
  if (node.value.kind === 'symbolic') return undefined
  if (node.type === 'null') return false
  const text = node.value.value
  if (node.type === 'boolean') return /^(true|yes|on|y)$/i.test(text)
  if (node.type === 'number') return Number(text.replace(/_/g, '')) !== 0
  return text !== ''
}

/**
 * How a value prints in a template: Helm reads every values number as a float64, and Go prints
 * a float64 of a million or more in scientific notation (`4.06214073512e+11`).
 */
export function printed(value: Evaluated, scope: Pick<Scope, 'printedNumbers'>): string | undefined {
  if (value.kind === 'absent') return ''
  if (value.kind === 'unknown' || value.node.kind !== 'scalar' || value.node.value.kind !== 'known') return undefined
  const node = value.node
  const text = node.value.kind === 'known' ? node.value.value : ''
  if (node.type === 'null') return ''
  if (node.type === 'boolean') return /^(true|yes|on|y)$/i.test(text) ? 'true' : 'false'
  if (node.type === 'number') {
    scope.printedNumbers.push(node)
    return goFloat(text)
  }
  return text
}

/** Go's `%v` of the float64 a YAML number becomes. */
export function goFloat(text: string): string {
  const plain = text.replace(/_/g, '')
  // YAML 1.1 octal (0755), as Helm's YAML reader takes it.
  const number = /^[-+]?0[0-7]+$/.test(plain) ? parseInt(plain, 8) : Number(plain)
  if (!Number.isFinite(number)) return text
  const exponent = number === 0 ? 0 : Math.floor(Math.log10(Math.abs(number)))
  // strconv's shortest %g: the exponent form below 1e-4 and from 1e6 on.
  if (exponent < -4 || exponent >= 6) {
    const [mantissa, power] = number.toExponential().split('e') as [string, string]
    const sign = power.startsWith('-') ? '-' : '+'
    const digits = power.replace(/^[+-]/, '')
    return `${mantissa}e${sign}${digits.padStart(2, '0')}`
  }
  return String(number)
}

function runCommand(command: Token[], scope: Scope, piped: Evaluated | undefined): Evaluated {
  const [head, ...rest] = command
  if (!head) return unknown('empty command')
  if (head.kind !== 'identifier') {
    if (rest.length > 0 || piped) return unknown('arguments to a value')
    return operand(head, scope)
  }
  const args = rest.map((token) => operand(token, scope))
  if (piped) args.push(piped)
  return call(head.text, args, scope)
}

function operand(token: Token, scope: Scope): Evaluated {
  switch (token.kind) {
    case 'string':
      return { kind: 'value', node: stringNode(token.text, scope.at) }
    case 'number':
      return literal(token.text, 'number', scope.at)
    case 'group':
      return evaluateTokens(token.tokens, scope)
    case 'field':
      return field(token.text, scope)
    case 'identifier':
      if (token.text === 'true' || token.text === 'false') {
        return literal(token.text, 'boolean', scope.at)
      }
      if (token.text === 'nil') return ABSENT
      return call(token.text, [], scope)
    default:
      return unknown('|')
  }
}

function evaluateTokens(tokens: Token[], scope: Scope): Evaluated {
  let result: Evaluated | undefined
  for (const command of splitTopLevel(tokens, '|')) {
    result = runCommand(command, scope, result)
    if (result.kind === 'unknown') return result
  }
  return result ?? unknown('empty group')
}

/** `.a.b`, `$.a.b`, `$var.a`, `.` */
function field(text: string, scope: Scope): Evaluated {
  let base: Evaluated
  let path: string
  if (text.startsWith('$')) {
    const name = /^\$\w*/.exec(text)![0]
    base =
      name === '$' ? { kind: 'value', node: scope.root } : (scope.variables.get(name) ?? unknown(`variable ${name}`))
    path = text.slice(name.length)
  } else {
    base = scope.dot
    path = text
  }
  const keys = path.split('.').filter((key) => key !== '')
  let current = base
  for (const key of keys) {
    if (current.kind !== 'value') return current.kind === 'absent' ? ABSENT : current
    if (current.node.kind !== 'object')
      return current.node.kind === 'scalar' && current.node.value.kind === 'symbolic' ? unknown(text) : ABSENT
    current = valueOf(get(current.node, key))
  }
  return current
}

function call(name: string, args: Evaluated[], scope: Scope): Evaluated {
  const known = (value: string, location: Location = scope.at): Evaluated => ({
    kind: 'value',
    node: stringNode(value, location),
  })
  const locationOf = (value: Evaluated | undefined): Location =>
    value?.kind === 'value' ? value.node.location : scope.at
  const texts = (): string[] | undefined => {
    const result: string[] = []
    for (const arg of args) {
      const text = printed(arg, scope)
      if (text === undefined) return undefined
      result.push(text)
    }
    return result
  }
  switch (name) {
    case 'include':
    case 'template': {
      const helperName = args[0]?.kind === 'value' ? textOf(args[0].node) : undefined
      if (helperName === undefined || args.length !== 2) return unknown(name)
      return scope.helper(helperName, args[1]!, scope.at) ?? unknown(`${name} "${helperName}"`)
    }
    case 'default': {
      if (args.length !== 2) return unknown('default')
      const value = args[1]!
      const isTrue = truthy(value)
      if (isTrue === undefined) return unknown('default')
      return isTrue ? value : args[0]!
    }
    case 'quote':
    case 'squote':
    case 'toString': {
      const values = texts()
      if (!values) return unknown(name)
      return known(values.join(' '), locationOf(args[0]))
    }
    case 'toYaml':
    case 'nindent':
    case 'indent':
    case 'required':
      return args.length === 0 ? unknown(name) : args[args.length - 1]!
    case 'trunc': {
      const count = Number(textOf(args[0]?.kind === 'value' ? args[0].node : undefined))
      const value = args[1] ? printed(args[1], scope) : undefined
      if (value === undefined || !Number.isInteger(count)) return unknown('trunc')
      return known(count >= 0 ? value.slice(0, count) : value.slice(count), locationOf(args[1]))
    }
    case 'trimSuffix':
    case 'trimPrefix': {
      const values = texts()
      if (!values || values.length !== 2) return unknown(name)
      const [affix, value] = values as [string, string]
      if (name === 'trimSuffix')
        return known(value.endsWith(affix) ? value.slice(0, value.length - affix.length) : value, locationOf(args[1]))
      return known(value.startsWith(affix) ? value.slice(affix.length) : value, locationOf(args[1]))
    }
    case 'lower':
    case 'upper':
    case 'trim': {
      const values = texts()
      if (!values || values.length !== 1) return unknown(name)
      const value = values[0]!
      return known(
        name === 'lower' ? value.toLowerCase() : name === 'upper' ? value.toUpperCase() : value.trim(),
        locationOf(args[0]),
      )
    }
    case 'not': {
      const isTrue = args.length === 1 ? truthy(args[0]!) : undefined
      return isTrue === undefined ? unknown('not') : boolean(!isTrue, scope.at)
    }
    case 'and':
    case 'or': {
      if (args.length < 2) return unknown(name)
      for (const arg of args) {
        const isTrue = truthy(arg)
        if (isTrue === undefined) return unknown(name)
        if (name === 'and' && !isTrue) return arg
        if (name === 'or' && isTrue) return arg
      }
      return args[args.length - 1]!
    }
    case 'eq':
    case 'ne': {
      const values = texts()
      if (!values || values.length < 2) return unknown(name)
      const equal = values.slice(1).some((value) => value === values[0])
      return boolean(name === 'eq' ? equal : !equal, scope.at)
    }
    default:
      return unknown(name)
  }
}

function boolean(value: boolean, location: Location): Evaluated {
  return literal(String(value), 'boolean', location)
}

function literal(text: string, type: 'number' | 'boolean', location: Location): Evaluated {
  return { kind: 'value', node: { kind: 'scalar', location, value: { kind: 'known', value: text, location }, type } }
}

/** A value that only exists when the chart is installed (the release name of an unknown release). */
export function symbolicNode(expression: string, location: Location): ScalarNode {
  return { kind: 'scalar', location, value: symbolic(expression, location), type: 'unknown' }
}

type Token =
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'field'; text: string }
  | { kind: 'identifier'; text: string }
  | { kind: 'group'; tokens: Token[] }
  | { kind: 'pipe' }

type Piece = Token | { kind: 'close' }

function tokenize(text: string): Token[] | undefined {
  const pieces: Piece[] = []
  let index = 0
  while (index < text.length) {
    const character = text[index]!
    if (/\s/.test(character)) {
      index += 1
      continue
    }
    if (character === '"') {
      let value = ''
      index += 1
      while (index < text.length && text[index] !== '"') {
        if (text[index] === '\\' && index + 1 < text.length) {
          const next = text[index + 1]!
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next
          index += 2
        } else {
          value += text.charAt(index)
          index += 1
        }
      }
      if (index >= text.length) return undefined
      index += 1
      pieces.push({ kind: 'string', text: value })
      continue
    }
    if (character === '`') {
      const end = text.indexOf('`', index + 1)
      if (end === -1) return undefined
      pieces.push({ kind: 'string', text: text.slice(index + 1, end) })
      index = end + 1
      continue
    }
    if (character === '|') {
      pieces.push({ kind: 'pipe' })
      index += 1
      continue
    }
    if (character === '(') {
      pieces.push({ kind: 'group', tokens: [] })
      index += 1
      continue
    }
    if (character === ')') {
      pieces.push({ kind: 'close' })
      index += 1
      continue
    }
    const word = /^[^\s|()"`]+/.exec(text.slice(index))![0]
    index += word.length
    if (/^-?\d/.test(word)) pieces.push({ kind: 'number', text: word })
    else if (word.startsWith('.') || word.startsWith('$')) pieces.push({ kind: 'field', text: word })
    else if (/^[A-Za-z_]\w*$/.test(word)) pieces.push({ kind: 'identifier', text: word })
    else return undefined
  }
  return nest(pieces)
}

/** Turns `( … )` into group tokens. */
function nest(pieces: Piece[]): Token[] | undefined {
  const stack: Token[][] = [[]]
  const groups: Extract<Token, { kind: 'group' }>[] = []
  for (const piece of pieces) {
    if (piece.kind === 'group') {
      const group: Extract<Token, { kind: 'group' }> = { kind: 'group', tokens: [] }
      stack[stack.length - 1]!.push(group)
      groups.push(group)
      stack.push(group.tokens)
    } else if (piece.kind === 'close') {
      if (stack.length === 1) return undefined
      stack.pop()
      groups.pop()
    } else {
      stack[stack.length - 1]!.push(piece)
    }
  }
  return stack.length === 1 ? stack[0] : undefined
}

function splitTopLevel(tokens: Token[], separator: '|'): Token[][] {
  const commands: Token[][] = [[]]
  for (const token of tokens) {
    if (token.kind === 'pipe' && separator === '|') commands.push([])
    else commands[commands.length - 1]!.push(token)
  }
  return commands
}
