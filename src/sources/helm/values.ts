import type { SourceFinding } from '../../model/finding.js'
import type { ObjectNode, TreeNode } from '../../model/tree.js'
import { cloneTree, get, isNull, objectNode, set } from '../shared/tree-edit.js'
import { parseYamlTree } from '../shared/yaml-tree.js'

/** A values document as Helm reads it (YAML 1.1, like the sigs.k8s.io/yaml Helm uses), or its first problem. */
export function parseValues(path: string, text: string): { root: ObjectNode; findings: SourceFinding[] } {
  const tree = parseYamlTree(path, text, { version: '1.1' })
  const root = tree.documents[0]?.root
  if (root?.kind === 'object') return { root, findings: tree.findings }
  return { root: objectNode({ path, line: 1, column: 1 }), findings: tree.findings }
}

/**
 * Helm's coalescing of values: maps merge key by key, anything else is replaced, and `null`
 * removes a key. Each leaf keeps the location of the file that set it.
 */
export function mergeValues(base: ObjectNode, override: ObjectNode): ObjectNode {
  const merged = cloneTree(base)
  mergeInto(merged, override)
  return merged
}

function mergeInto(target: ObjectNode, override: ObjectNode): void {
  for (const item of override.entries) {
    if (isNull(item.value)) {
      target.entries = target.entries.filter((existing) => existing.key !== item.key)
      continue
    }
    const current = get(target, item.key)
    if (item.value.kind === 'object' && current?.kind === 'object') {
      mergeInto(current, item.value)
      continue
    }
    set(target, item.key, cloneTree(item.value), item.keyLocation)
  }
}

/** `a.b.c` (with `\.` for a dot inside a key, as in `--set` and Argo CD parameters) as keys. */
export function splitValuesPath(path: string): string[] {
  const keys: string[] = []
  let current = ''
  for (let index = 0; index < path.length; index += 1) {
    const character = path[index]!
    if (character === '\\' && path[index + 1] === '.') {
      current += '.'
      index += 1
    } else if (character === '.') {
      keys.push(current)
      current = ''
    } else {
      current += character
    }
  }
  keys.push(current)
  return keys
}

/** Sets a dotted path (an Argo CD parameter) to a node, creating maps on the way. */
export function setValuesPath(root: ObjectNode, keys: readonly string[], value: TreeNode): void {
  let current = root
  for (const key of keys.slice(0, -1)) {
    const next = get(current, key)
    if (next?.kind === 'object') {
      current = next
      continue
    }
    const created = objectNode(value.location)
    set(current, key, created, value.location)
    current = created
  }
  set(current, keys[keys.length - 1]!, value, value.location)
}
