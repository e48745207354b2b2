import type { Location } from '../../model/location.js'
import {
  scalarNode,
  type ArrayNode,
  type ObjectEntry,
  type ObjectNode,
  type ScalarNode,
  type TreeNode,
} from '../../model/tree.js'
import { known, symbolic } from '../../model/value.js'

/**
 * Small, mutating edits of located trees (the copies a Kustomize build or a Helm release owns).
 * A node set by an edit carries the location of what set it, so findings point there.
 */

export function cloneTree<T extends TreeNode>(node: T): T {
  if (node.kind === 'scalar') return { ...node, value: { ...node.value } }
  if (node.kind === 'array') return { ...node, items: node.items.map(cloneTree) }
  return { ...node, entries: node.entries.map((item) => ({ ...item, value: cloneTree(item.value) })) }
}

/** The same tree with every location moved by `move` (a block scalar's content parsed on its own). */
export function relocateTree<T extends TreeNode>(node: T, move: (location: Location) => Location): T {
  const location = move(node.location)
  const endLine =
    node.kind !== 'scalar' && node.endLine !== undefined
      ? move({ ...node.location, line: node.endLine }).line
      : undefined
  if (node.kind === 'scalar') {
    const value =
      node.value.kind === 'known'
        ? known(node.value.value, move(node.value.location))
        : symbolic(node.value.expression, move(node.value.location))
    return { ...node, location, value }
  }
  if (node.kind === 'array') {
    const moved: ArrayNode = { kind: 'array', location, items: node.items.map((item) => relocateTree(item, move)) }
    if (endLine !== undefined) moved.endLine = endLine
    return moved as T
  }
  const moved: ObjectNode = {
    kind: 'object',
    location,
    entries: node.entries.map((item) => ({
      key: item.key,
      keyLocation: move(item.keyLocation),
      value: relocateTree(item.value, move),
    })),
  }
  if (endLine !== undefined) moved.endLine = endLine
  return moved as T
}

export function stringNode(text: string, location: Location): ScalarNode {
  return scalarNode(location, text, 'string')
}

export function objectNode(location: Location): ObjectNode {
  return { kind: 'object', location, entries: [] }
}

/** The entry kubectl applies when a key is duplicated: the last. */
export function lastEntry(node: TreeNode | undefined, key: string): ObjectEntry | undefined {
  if (node?.kind !== 'object') return undefined
  for (let index = node.entries.length - 1; index >= 0; index -= 1)
    if (node.entries[index]!.key === key) return node.entries[index]
  return undefined
}

export function get(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return lastEntry(node, key)?.value
}

export function getPath(node: TreeNode | undefined, path: readonly string[]): TreeNode | undefined {
  let current = node
  for (const key of path) current = get(current, key)
  return current
}

/** A scalar's known text (numbers and booleans as written); undefined for null, symbolic and collections. */
export function textOf(node: TreeNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.type === 'null' || node.value.kind !== 'known') return undefined
  return node.value.value
}

export function isNull(node: TreeNode | undefined): boolean {
  return node?.kind === 'scalar' && node.type === 'null'
}

/** Sets `key` (replacing every duplicate); a new entry's key is located at `keyLocation`. */
export function set(node: ObjectNode, key: string, value: TreeNode, keyLocation: Location = value.location): void {
  const index = node.entries.findIndex((item) => item.key === key)
  if (index === -1) {
    node.entries.push({ key, keyLocation, value })
    return
  }
  node.entries[index] = { ...node.entries[index]!, value }
  node.entries = node.entries.filter((item, at) => at <= index || item.key !== key)
}

export function remove(node: ObjectNode, key: string): boolean {
  const before = node.entries.length
  node.entries = node.entries.filter((item) => item.key !== key)
  return node.entries.length !== before
}

/** The object at `path` below `node`, created (located at `location`) where missing or not an object. */
export function ensureObject(node: ObjectNode, path: readonly string[], location: Location): ObjectNode {
  let current = node
  for (const key of path) {
    const next = get(current, key)
    if (next?.kind === 'object') {
      current = next
      continue
    }
    const created = objectNode(location)
    set(current, key, created, location)
    current = created
  }
  return current
}

/** Maps locations inside a block scalar's content (parsed on its own) to the lines of the file that holds it. */
export function blockScalarMover(text: string, node: ScalarNode): (location: Location) => Location {
  const lines = text.split('\n')
  const header = lines[node.location.line - 1] ?? ''
  const indicator = header.slice(node.location.column - 1)
  if (!/^[|>]/.test(indicator)) return () => node.location
  let indent = 0
  for (let index = node.location.line; index < lines.length; index += 1) {
    const line = lines[index]!
    if (line.trim() === '') continue
    indent = line.length - line.trimStart().length
    break
  }
  return (location) => ({
    ...location,
    path: node.location.path,
    line: node.location.line + location.line,
    column: location.column + indent,
  })
}
