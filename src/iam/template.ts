import type { Value } from '../model/value.js'

/**
 * A string with unknown holes: `system:serviceaccount:${var.namespace}:app`. A known value is one
 * text part; a symbolic value is split at its `${…}` interpolations, and a bare reference
 * (`module.eks.oidc_provider_arn`) is one hole. Parts are normalised: no empty text, no two texts
 * in a row.
 */
export type TemplatePart = { text: string } | { hole: string }
export type Template = readonly TemplatePart[]

/** What a request may carry: a literal, a source value, or a template built from values. */
export type RequestValue = string | Value | Template

export function templateOf(value: RequestValue): Template {
  if (typeof value === 'string') return text(value)
  if (Array.isArray(value)) return normaliseTemplate(value as Template)
  const single = value as Value
  return single.kind === 'known' ? text(single.value) : parseExpression(single.expression)
}

export function text(value: string): Template {
  return value === '' ? [] : [{ text: value }]
}

export function hole(expression: string): Template {
  return [{ hole: expression }]
}

export function concat(...pieces: RequestValue[]): Template {
  return normaliseTemplate(pieces.flatMap((piece) => templateOf(piece)))
}

export function hasHoles(template: Template): boolean {
  return template.some((part) => 'hole' in part)
}

/** The literal text of a template without holes, else undefined. */
export function knownText(template: Template): string | undefined {
  return hasHoles(template) ? undefined : template.map((part) => (part as { text: string }).text).join('')
}

/** Structurally the same template (same text, same hole expressions); `fold` ignores the case of the text. */
export function sameTemplate(a: Template, b: Template, fold = false): boolean {
  if (a.length !== b.length) return false
  return a.every((part, index) => {
    const other = b[index]!
    if ('hole' in part) return 'hole' in other && other.hole === part.hole
    return 'text' in other && (fold ? other.text.toLowerCase() === part.text.toLowerCase() : other.text === part.text)
  })
}

export function lowerCase(template: Template): Template {
  return template.map((part) => ('text' in part ? { text: part.text.toLowerCase() } : part))
}

/** For messages: `"system:serviceaccount:prod:app"` or `"system:serviceaccount:${var.ns}:app"`. */
export function describeTemplate(template: Template): string {
  return `"${template.map((part) => ('text' in part ? part.text : `\${${part.hole}}`)).join('')}"`
}

/** Without quotes, for keys: `oidc.eks.…/id/X:sub`, `${module.eks.oidc_provider}:sub`. */
export function templateText(template: Template): string {
  return template.map((part) => ('text' in part ? part.text : `\${${part.hole}}`)).join('')
}

/** Splits at `${…}` (brace-balanced); an expression with no interpolation is a bare reference. */
function parseExpression(expression: string): Template {
  if (!expression.includes('${')) return hole(expression)
  const parts: TemplatePart[] = []
  let index = 0
  while (index < expression.length) {
    const start = expression.indexOf('${', index)
    if (start < 0) break
    const end = closingBrace(expression, start + 2)
    if (end < 0) break
    parts.push({ text: expression.slice(index, start) }, { hole: expression.slice(start + 2, end).trim() })
    index = end + 1
  }
  parts.push({ text: expression.slice(index) })
  return normaliseTemplate(parts)
}

function closingBrace(expression: string, from: number): number {
  let depth = 1
  for (let index = from; index < expression.length; index++) {
    if (expression[index] === '{') depth++
    else if (expression[index] === '}' && --depth === 0) return index
  }
  return -1
}

/** Adjacent texts joined, empty ones dropped, each hole's expression passed through `holeText`. */
export function normaliseTemplate(
  parts: Template,
  holeText: (hole: string) => string = (hole) => hole,
): TemplatePart[] {
  const result: TemplatePart[] = []
  for (const part of parts) {
    if ('text' in part) {
      if (part.text === '') continue
      const last = result.at(-1)
      if (last && 'text' in last) result[result.length - 1] = { text: last.text + part.text }
      else result.push({ text: part.text })
    } else {
      result.push({ hole: holeText(part.hole) })
    }
  }
  return result
}
