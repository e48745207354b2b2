import type { ArrayNode, ObjectNode, TreeNode } from '../../model/tree.js'
import { cloneTree, get, isNull, remove, set, textOf } from '../shared/tree-edit.js'

/**
 * The merge keys of the lists a strategic merge patch merges item by item (the pod spec's; the
 * rest are replaced whole), by field name.
 */
const MERGE_KEYS: ReadonlyMap<string, string> = new Map([
  ['containers', 'name'],
  ['initContainers', 'name'],
  ['ephemeralContainers', 'name'],
  ['env', 'name'],
  ['volumes', 'name'],
  ['volumeMounts', 'mountPath'],
  ['imagePullSecrets', 'name'],
  ['ports', 'containerPort'],
  ['hostAliases', 'ip'],
])

/** Applies a strategic merge patch to `target` in place: maps merge, `null` deletes, `$patch: delete|replace`, pod-spec lists merge by key. */
export function applyStrategicMerge(target: ObjectNode, patch: ObjectNode): void {
  for (const item of effectiveEntries(patch)) {
    if (item.key.startsWith('$')) continue
    const patchValue = item.value
    if (isNull(patchValue)) {
      remove(target, item.key)
      continue
    }
    if (patchValue.kind === 'object') {
      const directive = textOf(get(patchValue, '$patch'))
      if (directive === 'delete') {
        remove(target, item.key)
        continue
      }
      const current = get(target, item.key)
      if (directive === 'replace' || current?.kind !== 'object') {
        set(target, item.key, withoutDirectives(patchValue), item.keyLocation)
        continue
      }
      applyStrategicMerge(current, patchValue)
      continue
    }
    if (patchValue.kind === 'array') {
      const current = get(target, item.key)
      const mergeKey = MERGE_KEYS.get(item.key)
      if (mergeKey && current?.kind === 'array') mergeList(current, patchValue, mergeKey)
      else set(target, item.key, withoutDirectives(patchValue), item.keyLocation)
      continue
    }
    set(target, item.key, cloneTree(patchValue), item.keyLocation)
  }
}

function mergeList(target: ArrayNode, patch: ArrayNode, mergeKey: string): void {
  for (const item of patch.items) {
    if (item.kind !== 'object') continue
    const key = textOf(get(item, mergeKey))
    const index =
      key === undefined ? -1 : target.items.findIndex((candidate) => textOf(get(candidate, mergeKey)) === key)
    if (textOf(get(item, '$patch')) === 'delete') {
      if (index !== -1) target.items.splice(index, 1)
      continue
    }
    const existing = index === -1 ? undefined : target.items[index]
    if (existing?.kind === 'object') applyStrategicMerge(existing, item)
    else target.items.push(withoutDirectives(item))
  }
}

/** Later duplicates win, as in the rest of the reading. */
function effectiveEntries(node: ObjectNode): ObjectNode['entries'] {
  const byKey = new Map<string, ObjectNode['entries'][number]>()
  for (const item of node.entries) {
    byKey.delete(item.key)
    byKey.set(item.key, item)
  }
  return [...byKey.values()]
}

function withoutDirectives<T extends TreeNode>(node: T): T {
  const copy = cloneTree(node)
  strip(copy)
  return copy
}

function strip(node: TreeNode): void {
  if (node.kind === 'array') for (const item of node.items) strip(item)
  if (node.kind !== 'object') return
  node.entries = node.entries.filter((item) => !item.key.startsWith('$'))
  for (const item of node.entries) strip(item.value)
}

/** One RFC 6902 operation as written in a patch. */
export interface JsonPatchOperation {
  node: ObjectNode
  op: string
  path: string
  from?: string
  value?: TreeNode
}

/** Reads the operations of a JSON 6902 patch; undefined when the document is not a list of operations. */
export function jsonPatchOperations(root: TreeNode | undefined): JsonPatchOperation[] | undefined {
  if (root?.kind !== 'array') return undefined
  const operations: JsonPatchOperation[] = []
  for (const item of root.items) {
    if (item.kind !== 'object') return undefined
    const op = textOf(get(item, 'op'))
    const path = textOf(get(item, 'path'))
    if (op === undefined || path === undefined) return undefined
    const operation: JsonPatchOperation = { node: item, op, path }
    const from = textOf(get(item, 'from'))
    if (from !== undefined) operation.from = from
    const value = get(item, 'value')
    if (value) operation.value = value
    operations.push(operation)
  }
  return operations
}

/** Applies one operation in place; returns why it cannot apply (kustomize then fails the build), or undefined. */
export function applyJsonPatchOperation(target: ObjectNode, operation: JsonPatchOperation): string | undefined {
  const path = parsePointer(operation.path)
  if (!path) return `"${operation.path}" is not a JSON pointer`
  switch (operation.op) {
    case 'add':
    case 'replace': {
      if (!operation.value) return `the ${operation.op} operation has no value`
      return put(target, path, cloneTree(operation.value), operation.op === 'replace')
    }
    case 'remove':
      return take(target, path) ? undefined : `nothing at ${operation.path} to remove`
    case 'move':
    case 'copy': {
      const from = operation.from === undefined ? undefined : parsePointer(operation.from)
      if (!from) return `the ${operation.op} operation has no valid "from"`
      const source = operation.op === 'move' ? take(target, from) : lookup(target, from)
      if (!source) return `nothing at ${operation.from} to ${operation.op}`
      return put(target, path, cloneTree(source), false)
    }
    case 'test': {
      const current = lookup(target, path)
      const expected = operation.value
      if (!current || !expected || !sameTree(current, expected)) return `test of ${operation.path} fails`
      return undefined
    }
    default:
      return `unknown operation "${operation.op}"`
  }
}

function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) return undefined
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function lookup(node: TreeNode, path: readonly string[]): TreeNode | undefined {
  let current: TreeNode | undefined = node
  for (const key of path) {
    if (current?.kind === 'object') current = get(current, key)
    else if (current?.kind === 'array' && /^\d+$/.test(key)) current = current.items[Number(key)]
    else return undefined
  }
  return current
}

function put(target: ObjectNode, path: readonly string[], value: TreeNode, mustExist: boolean): string | undefined {
  if (path.length === 0) return 'cannot replace the whole object'
  const parent = lookup(target, path.slice(0, -1))
  const key = path[path.length - 1]!
  if (parent?.kind === 'object') {
    if (mustExist && !get(parent, key)) return `nothing at /${path.join('/')} to replace`
    set(parent, key, value, value.location)
    return undefined
  }
  if (parent?.kind === 'array') {
    const index = key === '-' ? parent.items.length : /^\d+$/.test(key) ? Number(key) : -1
    if (index < 0 || index > parent.items.length || (mustExist && index >= parent.items.length))
      return `no index ${key} in /${path.slice(0, -1).join('/')}`
    if (mustExist) parent.items[index] = value
    else parent.items.splice(index, 0, value)
    return undefined
  }
  return `no object at /${path.slice(0, -1).join('/')}`
}

function take(target: ObjectNode, path: readonly string[]): TreeNode | undefined {
  if (path.length === 0) return undefined
  const parent = lookup(target, path.slice(0, -1))
  const key = path[path.length - 1]!
  if (parent?.kind === 'object') {
    const value = get(parent, key)
    if (value) remove(parent, key)
    return value
  }
  if (parent?.kind === 'array' && /^\d+$/.test(key) && Number(key) < parent.items.length)
    return parent.items.splice(Number(key), 1)[0]
  return undefined
}

function sameTree(a: TreeNode, b: TreeNode): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'scalar' && b.kind === 'scalar') return textOf(a) === textOf(b) && a.type === b.type
  if (a.kind === 'array' && b.kind === 'array')
    return a.items.length === b.items.length && a.items.every((item, index) => sameTree(item, b.items[index]!))
  if (a.kind === 'object' && b.kind === 'object') {
    const left = effectiveEntries(a)
    const right = new Map(effectiveEntries(b).map((item) => [item.key, item.value]))
    return (
      left.length === right.size &&
      left.every((item) => right.has(item.key) && sameTree(item.value, right.get(item.key)!))
    )
  }
  return false
}
