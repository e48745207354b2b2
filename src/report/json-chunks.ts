/**
 * `JSON.stringify(value, null, 2)` as a sequence of strings whose concatenation is exactly that text,
 * so that a large report is written piece by piece and never exists whole. Objects above `splitDepth`
 * and every array reached are written member by member; any other value is one `JSON.stringify` call,
 * its lines indented to its depth (a JSON text has line breaks only between tokens, never inside a
 * string). Every piece ends between two tokens, so a piece never splits a string.
 */
export function* jsonChunks(value: unknown, splitDepth: number, depth = 0): Generator<string> {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield whole(value, depth)
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]'
      return
    }
    const inner = `\n${INDENT.repeat(depth + 1)}`
    for (let index = 0; index < value.length; index += 1) {
      yield index === 0 ? `[${inner}` : `,${inner}`
      // JSON.stringify writes an element it cannot show as null.
      const element: unknown = value[index]
      yield* jsonChunks(isSkipped(element) ? null : element, splitDepth, depth + 1)
    }
    yield `\n${INDENT.repeat(depth)}]`
  } else if (depth >= splitDepth) {
    yield whole(value, depth)
  } else {
    const inner = `\n${INDENT.repeat(depth + 1)}`
    let first = true
    for (const [key, member] of Object.entries(value)) {
      if (isSkipped(member)) continue
      yield `${first ? '{' : ','}${inner}${JSON.stringify(key)}: `
      first = false
      yield* jsonChunks(member, splitDepth, depth + 1)
    }
    yield first ? '{}' : `\n${INDENT.repeat(depth)}}`
  }
}

const INDENT = '  '

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

function whole(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2)
  return depth === 0 ? text : text.replaceAll('\n', `\n${INDENT.repeat(depth)}`)
}
