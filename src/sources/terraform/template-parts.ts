import type { Location } from '../../model/location.js'
import type { Expr, TemplatePart } from './ast.js'

export interface MarkedPart {
  part: TemplatePart
  stripBefore?: boolean
  stripAfter?: boolean
}

export function templateOrLiteral(
  parts: TemplatePart[],
  location: Location,
  textLocation: Location,
  lineAligned: boolean,
): Expr {
  if (parts.every((part) => part.kind === 'text')) {
    return {
      kind: 'literal',
      value: parts.map((part) => (part as { text: string }).text).join(''),
      location,
      textLocation,
      lineAligned,
    }
  }
  return { kind: 'template', parts, location, textLocation, lineAligned }
}

/** `${~ x ~}` and `%{~ … ~}` remove the whitespace on that side of them. */
export function applyStripMarkers(parts: MarkedPart[]): TemplatePart[] {
  for (let index = 0; index < parts.length; index++) {
    const marked = parts[index]!
    const before = parts[index - 1]?.part
    const after = parts[index + 1]?.part
    if (marked.stripBefore && before?.kind === 'text') before.text = before.text.trimEnd()
    if (marked.stripAfter && after?.kind === 'text') after.text = after.text.trimStart()
  }
  return parts.map((marked) => marked.part).filter((part) => part.kind !== 'text' || part.text !== '')
}
