import type { Location } from '../../model/location.js'
import { decodeText, encodeJson, encodeYaml } from './documents.js'
import { EvalError } from './errors.js'
import type { Evaluator } from './evaluate.js'
import {
  boolValue,
  containsUnknown,
  iterate,
  toNumber,
  nullValue,
  numberText,
  numberValue,
  objectValue,
  printValue,
  scalarString,
  stringValue,
  tupleValue,
  unknownRef,
  unknownTemplate,
  type HclValue,
  type ObjectEntryValue,
  type UnknownPart,
  type UnknownValue,
} from './values.js'

export interface FunctionContext {
  location: Location
  evaluator: Evaluator
}

type Builtin = (args: HclValue[], context: FunctionContext) => HclValue

/**
 * Terraform's built-in functions that IAM and Kubernetes code uses, on known values. An unknown
 * argument makes the result unknown (named `f(args)`), except where the result can still be told:
 * `replace`/`trimprefix` removing `https://` or a provider ARN's `arn:…:oidc-provider/` from a
 * reference known to have that shape, `format`/`join` building text around references.
 */
export function callFunction(name: string, args: HclValue[], context: FunctionContext): HclValue {
  const builtin = BUILTINS[name]
  if (!builtin) return generic(name, args, context)
  return builtin(args, context)
}

function generic(name: string, args: HclValue[], context: FunctionContext): UnknownValue {
  return unknownRef(`${name}(${args.map((arg) => printValue(arg)).join(', ')})`, context.location)
}

/** The function on known arguments; unknown (named after the call) when any argument is unknown. */
function onKnown(name: string, body: Builtin): Builtin {
  return (args, context) => (args.some(containsUnknown) ? generic(name, args, context) : body(args, context))
}

function text(value: HclValue | undefined, what: string): string {
  const result = value === undefined ? undefined : scalarString(value)
  if (result === undefined) throw new EvalError(`${what} must be a string`)
  return result
}

function list(value: HclValue | undefined, what: string): HclValue[] {
  if (value?.kind === 'tuple') return value.items
  if (value?.kind === 'object') return value.entries.map((entry) => entry.value)
  throw new EvalError(`${what} must be a list`)
}

function arity(args: HclValue[], count: number, name: string): void {
  if (args.length < count) throw new EvalError(`${name}() takes ${count} arguments`)
}

/** `trimprefix`/`trimsuffix`: a known affix cut from the string, or from the known text of an unknown one. */
function trimAffix(name: string, affix: string, trim: (input: string, cut: string) => string): Builtin {
  return (args, context) => {
    arity(args, 2, name)
    const [subject, affixValue] = args as [HclValue, HclValue]
    if (affixValue.kind === 'unknown') return generic(name, args, context)
    const cut = text(affixValue, affix)
    const apply = (input: string): string => trim(input, cut)
    if (subject.kind === 'unknown') return rewriteUnknown(subject, apply, name, args, context)
    return stringValue(apply(text(subject, `${name} string`)), context.location)
  }
}

const BUILTINS: Record<string, Builtin> = {
  replace: (args, context) => {
    arity(args, 3, 'replace')
    const [subject, search, replacement] = args as [HclValue, HclValue, HclValue]
    if (search.kind === 'unknown' || replacement.kind === 'unknown') return generic('replace', args, context)
    const apply = (input: string): string =>
      replaceText(input, text(search, 'replace substring'), text(replacement, 'replace replacement'))
    if (subject.kind === 'unknown') return rewriteUnknown(subject, apply, 'replace', args, context)
    return stringValue(apply(text(subject, 'replace string')), context.location)
  },
  trimprefix: trimAffix('trimprefix', 'prefix', (input, cut) =>
    input.startsWith(cut) ? input.slice(cut.length) : input,
  ),
  trimsuffix: trimAffix('trimsuffix', 'suffix', (input, cut) =>
    cut !== '' && input.endsWith(cut) ? input.slice(0, -cut.length) : input,
  ),
  trimspace: onKnown('trimspace', (args, context) =>
    stringValue(text(args[0], 'trimspace string').trim(), context.location),
  ),
  trim: onKnown('trim', (args, context) => {
    const cut = new Set(text(args[1], 'trim characters'))
    let value = text(args[0], 'trim string')
    while (value.length > 0 && cut.has(value[0]!)) value = value.slice(1)
    while (value.length > 0 && cut.has(value[value.length - 1]!)) value = value.slice(0, -1)
    return stringValue(value, context.location)
  }),
  lower: onKnown('lower', (args, context) =>
    stringValue(text(args[0], 'lower string').toLowerCase(), context.location),
  ),
  upper: onKnown('upper', (args, context) =>
    stringValue(text(args[0], 'upper string').toUpperCase(), context.location),
  ),
  title: onKnown('title', (args, context) =>
    stringValue(
      text(args[0], 'title string').replace(/\b\w/g, (c) => c.toUpperCase()),
      context.location,
    ),
  ),
  substr: onKnown('substr', (args, context) => {
    const value = [...text(args[0], 'substr string')]
    const offset = toNumber(args[1]!)
    const length = toNumber(args[2]!)
    const start = offset < 0 ? value.length + offset : offset
    return stringValue(value.slice(start, length < 0 ? undefined : start + length).join(''), context.location)
  }),
  startswith: onKnown('startswith', (args, context) =>
    boolValue(text(args[0], 'string').startsWith(text(args[1], 'prefix')), context.location),
  ),
  endswith: onKnown('endswith', (args, context) =>
    boolValue(text(args[0], 'string').endsWith(text(args[1], 'suffix')), context.location),
  ),
  format: (args, context) => {
    if (args[0]?.kind !== 'string') return generic('format', args, context)
    return formatText(args[0].value, args.slice(1), context)
  },
  join: (args, context) => {
    arity(args, 2, 'join')
    const separator = args[0]!
    if (separator.kind === 'unknown' || args.slice(1).some((arg) => arg.kind === 'unknown'))
      return generic('join', args, context)
    const items = args.slice(1).flatMap((arg) => list(arg, 'join list'))
    const parts: UnknownPart[] = []
    items.forEach((item, index) => {
      if (index > 0) parts.push({ text: text(separator, 'join separator') })
      if (item.kind === 'unknown') parts.push(...item.parts)
      else parts.push({ text: text(item, 'join element') })
    })
    return partsValue(parts, context.location)
  },
  split: onKnown('split', (args, context) => {
    const separator = text(args[0], 'split separator')
    const value = text(args[1], 'split string')
    return tupleValue(
      value.split(separator).map((piece) => stringValue(piece, context.location)),
      context.location,
    )
  }),
  concat: (args, context) => {
    if (args.some((arg) => arg.kind === 'unknown')) return generic('concat', args, context)
    return tupleValue(
      args.flatMap((arg) => list(arg, 'concat argument')),
      context.location,
    )
  },
  merge: (args, context) => {
    if (args.some((arg) => arg.kind === 'unknown')) return generic('merge', args, context)
    const entries: ObjectEntryValue[] = []
    for (const arg of args) {
      if (arg.kind === 'null') continue
      if (arg.kind !== 'object') throw new EvalError('merge() takes maps or objects')
      for (const entry of arg.entries) {
        const existing = entries.findIndex((other) => other.key === entry.key && !other.keyValue && !entry.keyValue)
        if (existing >= 0) entries.splice(existing, 1)
        entries.push(entry)
      }
    }
    return objectValue(entries, context.location)
  },
  lookup: (args, context) => {
    arity(args, 2, 'lookup')
    const [map, key, fallback] = args as [HclValue, HclValue, HclValue | undefined]
    if (map.kind === 'unknown' || key.kind === 'unknown') return generic('lookup', args, context)
    if (map.kind !== 'object') throw new EvalError('lookup() takes a map')
    const wanted = text(key, 'lookup key')
    const found = [...map.entries].reverse().find((entry) => entry.key === wanted && !entry.keyValue)
    if (found) return found.value
    if (map.entries.some((entry) => entry.keyValue)) return generic('lookup', args, context)
    if (fallback) return fallback
    throw new EvalError(`lookup() found no key "${wanted}"`)
  },
  element: (args, context) => {
    arity(args, 2, 'element')
    if (args[0]!.kind === 'unknown' || args[1]!.kind === 'unknown') return generic('element', args, context)
    const items = list(args[0], 'element list')
    if (items.length === 0) throw new EvalError('element() of an empty list')
    const position = toNumber(args[1]!)
    return items[((position % items.length) + items.length) % items.length]!
  },
  length: (args, context) => {
    const value = args[0]
    if (!value || value.kind === 'unknown') return generic('length', args, context)
    if (value.kind === 'string') return numberValue([...value.value].length, context.location)
    return numberValue(list(value, 'length argument').length, context.location)
  },
  keys: (args, context) => {
    const value = args[0]
    if (value?.kind !== 'object')
      return value?.kind === 'unknown' ? generic('keys', args, context) : fail('keys() takes a map')
    if (value.entries.some((entry) => entry.keyValue)) return generic('keys', args, context)
    return tupleValue(
      [...value.entries]
        .sort((a, b) => a.key.localeCompare(b.key))
        .map((entry) => stringValue(entry.key, entry.keyLocation)),
      context.location,
    )
  },
  values: (args, context) => {
    const value = args[0]
    if (value?.kind !== 'object')
      return value?.kind === 'unknown' ? generic('values', args, context) : fail('values() takes a map')
    return tupleValue(
      [...value.entries].sort((a, b) => a.key.localeCompare(b.key)).map((entry) => entry.value),
      context.location,
    )
  },
  contains: onKnown('contains', (args, context) =>
    boolValue(
      list(args[0], 'contains list').some((item) => printValue(item) === printValue(args[1]!)),
      context.location,
    ),
  ),
  distinct: onKnown('distinct', (args, context) =>
    tupleValue(dedupe(list(args[0], 'distinct list')), context.location),
  ),
  compact: onKnown('compact', (args, context) =>
    tupleValue(
      list(args[0], 'compact list').filter(
        (item) => item.kind !== 'null' && !(item.kind === 'string' && item.value === ''),
      ),
      context.location,
    ),
  ),
  flatten: (args, context) => {
    const value = args[0]
    if (!value || value.kind === 'unknown') return generic('flatten', args, context)
    const out: HclValue[] = []
    const visit = (item: HclValue, depth: number): void => {
      if (depth > 50) throw new EvalError('flatten() too deep')
      if (item.kind === 'tuple') item.items.forEach((inner) => visit(inner, depth + 1))
      else out.push(item)
    }
    visit(value, 0)
    if (out.some((item) => item.kind === 'unknown')) return generic('flatten', args, context)
    return tupleValue(out, context.location)
  },
  coalesce: (args, context) => {
    for (const arg of args) {
      if (arg.kind === 'unknown') return generic('coalesce', args, context)
      if (arg.kind === 'null' || (arg.kind === 'string' && arg.value === '')) continue
      return arg
    }
    throw new EvalError('coalesce() found no non-null argument')
  },
  coalescelist: (args, context) => {
    for (const arg of args) {
      if (arg.kind === 'unknown') return generic('coalescelist', args, context)
      if (list(arg, 'coalescelist argument').length > 0) return arg
    }
    throw new EvalError('coalescelist() found no non-empty list')
  },
  one: (args, context) => {
    const value = args[0]
    if (!value || value.kind === 'unknown') return generic('one', args, context)
    if (value.kind === 'null') return value
    const items = list(value, 'one() argument')
    if (items.length === 0) return nullValue(context.location)
    if (items.length === 1) return items[0]!
    throw new EvalError('one() of more than one element')
  },
  tolist: (args) =>
    args[0]?.kind === 'unknown' ? args[0] : tupleValue(list(args[0], 'tolist argument'), args[0]!.location),
  toset: (args, context) => {
    const value = args[0]
    if (!value || value.kind === 'unknown') return value ?? generic('toset', args, context)
    const items = dedupe(list(value, 'toset argument'))
    if (items.every((item) => item.kind === 'string'))
      items.sort((a, b) => ((a as { value: string }).value < (b as { value: string }).value ? -1 : 1))
    return tupleValue(items, value.location)
  },
  tomap: (args) => (args[0]?.kind === 'object' || args[0]?.kind === 'unknown' ? args[0] : fail('tomap() takes a map')),
  tostring: (args, context) => {
    const value = args[0]
    if (!value || value.kind === 'unknown' || value.kind === 'null') return value ?? generic('tostring', args, context)
    return stringValue(text(value, 'tostring argument'), value.location)
  },
  tonumber: (args, context) => {
    const value = args[0]
    if (!value || value.kind === 'unknown' || value.kind === 'null') return value ?? generic('tonumber', args, context)
    return numberValue(toNumber(value), value.location)
  },
  tobool: (args, context) => {
    const value = args[0]
    if (!value || value.kind === 'unknown' || value.kind === 'null' || value.kind === 'bool')
      return value ?? generic('tobool', args, context)
    if (value.kind === 'string' && (value.value === 'true' || value.value === 'false'))
      return boolValue(value.value === 'true', value.location)
    throw new EvalError('tobool() of a non-bool')
  },
  jsonencode: (args, context) => encodeJson(args[0] ?? nullValue(context.location), context.location),
  yamlencode: (args, context) => encodeYaml(args[0] ?? nullValue(context.location), context.location),
  jsondecode: (args, context) => decode(args, context, 'json'),
  yamldecode: (args, context) => decode(args, context, 'yaml'),
  file: (args, context) => {
    const path = args[0]
    if (path?.kind !== 'string') return generic('file', args, context)
    const file = context.evaluator.environment.readFile(path.value)
    if (!file) return generic('file', args, context)
    const start = { path: file.path, line: 1, column: 1 }
    return stringValue(file.text, start, { location: start, lineAligned: true, wholeFile: true })
  },
  templatefile: (args, context) => {
    const path = args[0]
    const variables = args[1] ?? objectValue([], context.location)
    if (path?.kind !== 'string' || variables.kind === 'unknown') return generic('templatefile', args, context)
    const file = context.evaluator.environment.readFile(path.value)
    const template = file ? context.evaluator.environment.parseTemplate(file.text, file.path) : undefined
    if (!file || !template) return generic('templatefile', args, context)
    const bindings = new Map(iterate(variables).map(([key, value]) => [scalarString(key) ?? '', value]))
    const parts: UnknownPart[] = []
    const aligned = { value: true }
    context.evaluator.templateParts(template.parts, bindings, parts, aligned)
    const start = { path: file.path, line: 1, column: 1 }
    return context.evaluator.templateResult(parts, start, {
      location: start,
      lineAligned: aligned.value,
      wholeFile: true,
    })
  },
}

/** `jsondecode`/`yamldecode`: of a known text, of text with `${}` holes (which stay references), or of an encoded value. */
function decode(args: HclValue[], context: FunctionContext, format: 'json' | 'yaml'): HclValue {
  const value = args[0]
  if (value?.kind === 'unknown' && value.document) return value.document
  if (value?.kind === 'string' || (value?.kind === 'unknown' && value.parts.some((part) => 'text' in part)))
    return decodeText(value, format)
  return generic(`${format}decode`, args, context)
}

function fail(message: string): never {
  throw new EvalError(message)
}

function dedupe(items: HclValue[]): HclValue[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = `${item.kind}:${printValue(item)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function partsValue(parts: UnknownPart[], location: Location): HclValue {
  if (parts.every((part) => 'text' in part)) return stringValue(parts.map((part) => part.text).join(''), location)
  return unknownTemplate(parts, location)
}

/** `replace` with Terraform's `/regex/` form (RE2, close enough to JavaScript's for what IAM code writes). */
function replaceText(input: string, search: string, replacement: string): string {
  if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
    const pattern = toJsRegex(search.slice(1, -1))
    const jsReplacement = replacement.replace(/\$\{(\w+)\}/g, (_, name: string) =>
      /^\d+$/.test(name) ? `$${name}` : `$<${name}>`,
    )
    return input.replace(pattern, jsReplacement)
  }
  return search === '' ? input : input.split(search).join(replacement)
}

function toJsRegex(source: string): RegExp {
  let flags = 'g'
  let body = source
  const inline = /^\(\?([ims]+)\)/.exec(body)
  if (inline) {
    if (inline[1]!.includes('i')) flags += 'i'
    if (inline[1]!.includes('m')) flags += 'm'
    if (inline[1]!.includes('s')) flags += 's'
    body = body.slice(inline[0].length)
  }
  try {
    return new RegExp(body.replace(/\(\?P</g, '(?<'), flags)
  } catch {
    throw new EvalError(`invalid regular expression /${source}/`)
  }
}

const SENTINEL = '\uE000'
const SAMPLE_PROVIDER_ARN_PREFIX = 'arn:aws:iam::000000000000:oidc-provider/'
const SAMPLE_HOST_PATH = 'oidc.eks.us-east-1.amazonaws.com/id/5C2F4A1B3D7E9F8A6B4C2D1E0F9A8B7C'

/**
 * A string function applied to references whose shape is known: each is replaced by a sample
 * (`https://` + hole for an issuer URL, a provider ARN prefix + hole for a provider ARN, a bare
 * hole for a host/path) and the function applied to the sample. When every hole comes out intact
 * and nothing of the samples' invented parts remains, the result is that text with the holes as
 * host/path references; anything else is an unknown named after the call.
 */
function rewriteUnknown(
  subject: UnknownValue,
  apply: (input: string) => string,
  name: string,
  args: HclValue[],
  context: FunctionContext,
): HclValue {
  const holes: string[] = []
  const hole = (ref: string): string => {
    holes.push(ref)
    return `${SENTINEL}${holes.length - 1}${SENTINEL}`
  }
  let sample = ''
  let realistic = ''
  for (const part of subject.parts) {
    let prefix = ''
    let ref: string
    if ('text' in part) {
      sample += part.text
      realistic += part.text
      continue
    }
    if (part.hostPath !== undefined) [prefix, ref] = ['https://', part.hostPath]
    else if (part.providerHostPath !== undefined) [prefix, ref] = [SAMPLE_PROVIDER_ARN_PREFIX, part.providerHostPath]
    else if (part.isHostPath) ref = part.ref
    else return generic(name, args, context)
    sample += prefix + hole(ref)
    realistic += prefix + SAMPLE_HOST_PATH
  }
  const result = apply(sample)
  const pieces = result.split(SENTINEL)
  if (result.includes('000000000000') || pieces.length !== holes.length * 2 + 1) return generic(name, args, context)
  // The function must treat a real host/path as it treated the hole: not reach into it.
  if (apply(realistic) !== pieces.map((piece, index) => (index % 2 === 0 ? piece : SAMPLE_HOST_PATH)).join(''))
    return generic(name, args, context)
  const parts: UnknownPart[] = []
  for (let index = 0; index < pieces.length; index++) {
    if (index % 2 === 0) parts.push({ text: pieces[index]! })
    else {
      const ref = holes[Number(pieces[index])]
      if (ref === undefined) return generic(name, args, context)
      parts.push({ ref, isHostPath: true })
    }
  }
  return unknownTemplate(parts, context.location)
}

const FORMAT_VERB = /%([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([sdvqtfeEgGxXbo%])/g

/** `format` with Terraform's common verbs; an unknown argument under %s/%v becomes a hole in the text. */
function formatText(pattern: string, args: HclValue[], context: FunctionContext): HclValue {
  const parts: UnknownPart[] = []
  let next = 0
  let last = 0
  for (const match of pattern.matchAll(FORMAT_VERB)) {
    parts.push({ text: pattern.slice(last, match.index) })
    last = match.index + match[0].length
    const [, flags = '', width, precision, verb] = match
    if (verb === '%') {
      parts.push({ text: '%' })
      continue
    }
    const arg = args[next++]
    if (!arg) throw new EvalError('format() has too few arguments')
    if (arg.kind === 'unknown') {
      if ((verb === 's' || verb === 'v') && !width && !precision) parts.push(...arg.parts)
      else return generic('format', [stringValue(pattern, context.location), ...args], context)
      continue
    }
    parts.push({ text: pad(formatOne(verb!, arg, precision), flags, width) })
  }
  parts.push({ text: pattern.slice(last) })
  return partsValue(parts, context.location)
}

function formatOne(verb: string, arg: HclValue, precision: string | undefined): string {
  switch (verb) {
    case 's':
    case 'v':
      return scalarString(arg) ?? (arg.kind === 'null' ? 'null' : printValue(arg))
    case 'q':
      return JSON.stringify(text(arg, 'format %q argument'))
    case 'd':
      return numberText(Math.trunc(toNumber(arg)))
    case 't':
      if (arg.kind !== 'bool') throw new EvalError('format %t of a non-bool')
      return arg.value ? 'true' : 'false'
    case 'f':
    case 'e':
    case 'E':
    case 'g':
    case 'G': {
      const value = toNumber(arg)
      if (verb === 'f') return value.toFixed(precision === undefined ? 6 : Number(precision))
      if (verb === 'e' || verb === 'E') {
        const out = value.toExponential(precision === undefined ? 6 : Number(precision))
        return verb === 'E' ? out.toUpperCase() : out
      }
      return numberText(value)
    }
    case 'x':
    case 'X': {
      const value =
        arg.kind === 'string' ? Buffer.from(arg.value).toString('hex') : Math.trunc(toNumber(arg)).toString(16)
      return verb === 'X' ? value.toUpperCase() : value
    }
    case 'b':
      return Math.trunc(toNumber(arg)).toString(2)
    case 'o':
      return Math.trunc(toNumber(arg)).toString(8)
    default:
      throw new EvalError(`format verb %${verb}`)
  }
}

function pad(value: string, flags: string, width: string | undefined): string {
  if (!width || width === '*') return value
  const size = Number(width)
  if (value.length >= size) return value
  if (flags.includes('-')) return value.padEnd(size, ' ')
  return value.padStart(size, flags.includes('0') ? '0' : ' ')
}
