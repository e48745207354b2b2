import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents, type ScalarEvent } from 'js-yaml'

/**
 * Whether the yaml package would read `text` (a YAML stream irsa-guard does not need the contents
 * of) without a finding, decided by js-yaml's event parser, which checks the syntax several times
 * faster because it builds no document. False means "not vouched for": the caller then parses the
 * text with the yaml package, which says what is wrong and where.
 *
 * js-yaml (5.x, MIT, nodeca/js-yaml) and the yaml package (2.x, as parseYamlTree calls it) agree
 * on which streams are well-formed except where this function answers false without asking it:
 * - a carriage return not followed by a line feed: a line break for js-yaml, not for the yaml
 *   lexer (`a: 1\rb: 2` is one broken line there);
 * - an alias or a tag: the yaml package resolves them while building the tree (alias limits,
 *   tag resolution), which an event stream does not do;
 * - nesting deeper than MAX_EVENT_DEPTH: parseYamlTree stops at its own depth limit;
 * - a mapping key that is not a scalar, or two keys of one mapping with the same text: the
 *   Kubernetes reader reports duplicate keys (keys compared as parseYamlTree's keyText writes
 *   them: the scalar's string, '' for a YAML 1.1 null).
 * Everything js-yaml rejects that the yaml package accepts (a control character, a duplicate
 * anchor in one node) only sends the text to the yaml package, which then reports nothing.
 */
export function fastYamlAccepts(text: string): boolean {
  if (LONE_CARRIAGE_RETURN.test(text)) return false
  let events: ReturnType<typeof parseEvents>
  try {
    events = parseEvents(text, { maxDepth: MAX_EVENT_DEPTH })
  } catch {
    return false
  }
  /** Per open document, sequence or mapping: the keys seen so far when it is a mapping. */
  const open: (Set<string> | undefined)[] = []
  /** Whether the next node of the innermost mapping is a key. */
  const atKey: boolean[] = []
  for (const event of events) {
    if (event.type === EVENT_ID.POP) {
      open.pop()
      atKey.pop()
      continue
    }
    if (event.type === EVENT_ID.ALIAS) return false
    if (event.type === EVENT_ID.DOCUMENT) {
      open.push(undefined)
      atKey.push(false)
      continue
    }
    if (event.tagStart >= 0) return false
    const keys = open.at(-1)
    if (keys) {
      const isKey = atKey[atKey.length - 1] === true
      atKey[atKey.length - 1] = !isKey
      if (isKey) {
        if (event.type !== EVENT_ID.SCALAR) return false
        const key = keyText(text, event)
        if (key !== MERGE_KEY || event.style !== SCALAR_STYLE.PLAIN) {
          if (keys.has(key)) return false
          keys.add(key)
        }
      }
    }
    if (event.type === EVENT_ID.MAPPING) {
      open.push(new Set())
      atKey.push(true)
    } else if (event.type === EVENT_ID.SEQUENCE) {
      open.push(undefined)
      atKey.push(false)
    }
  }
  return true
}

function keyText(text: string, scalar: ScalarEvent): string {
  if (scalar.valueStart < 0) return ''
  const value = getScalarValue(text, scalar)
  return scalar.style === SCALAR_STYLE.PLAIN && YAML_1_1_NULL.test(value) ? '' : value
}

const LONE_CARRIAGE_RETURN = /\r(?!\n)/
/** Below parseYamlTree's MAX_DEPTH (200), which also counts scalars and alias expansions. */
const MAX_EVENT_DEPTH = 100
const YAML_1_1_NULL = /^(?:~|null|Null|NULL|)$/
/** A plain `<<` is a YAML 1.1 merge key: several in one mapping are not duplicates. */
const MERGE_KEY = '<<'
