import { EVENT_ID, parseEvents } from 'js-yaml'

/**
 * Whether the yaml package would read `text` (a YAML stream irsa-guard does not need the contents
 * of) without a finding, decided by js-yaml's event parser, which checks the syntax about ten
 * times faster because it builds no document. False means "not vouched for": the caller then
 * parses the text with the yaml package, which says what is wrong and where.
 *
 * js-yaml (5.x, MIT, nodeca/js-yaml) and the yaml package (2.x, as parseYamlTree calls it) agree
 * on which streams are well-formed except where this function answers false without asking it:
 * - a carriage return not followed by a line feed: a line break for js-yaml, not for the yaml
 *   lexer (`a: 1\rb: 2` is one broken line there);
 * - an alias or a tag: the yaml package resolves them while building the tree (alias limits,
 *   tag resolution), which an event stream does not do;
 * - nesting deeper than MAX_EVENT_DEPTH: parseYamlTree stops at its own depth limit.
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
  for (const event of events) {
    if (event.type === EVENT_ID.ALIAS) return false
    if (event.type !== EVENT_ID.DOCUMENT && event.type !== EVENT_ID.POP && event.tagStart >= 0) return false
  }
  return true
}

const LONE_CARRIAGE_RETURN = /\r(?!\n)/
/** Below parseYamlTree's MAX_DEPTH (200), which also counts scalars and alias expansions. */
const MAX_EVENT_DEPTH = 100
