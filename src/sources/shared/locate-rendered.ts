import type { Location } from '../../model/location.js'
import type { ArrayNode, ObjectEntry, ObjectNode, ScalarNode, TreeNode } from '../../model/tree.js'
import { known } from '../../model/value.js'
import type { BuiltObject } from '../kubernetes/index.js'
import { parseYamlTree } from './yaml-tree.js'
import { get, lastEntry, textOf } from './tree-edit.js'

/**
 * Output of a tool that renders manifests (`kubectl kustomize`, `helm template`) has no source
 * locations. Its values are the truth; each value takes the location of the natively built value
 * at the same place when the two agree, and otherwise the location of the nearest natively built
 * node that holds it (or `fallback` for an object the native build does not know).
 */
export function locateRendered(text: string, native: readonly BuiltObject[], fallback: Location): BuiltObject[] {
  const byIdentity = new Map<string, BuiltObject>()
  for (const object of native) byIdentity.set(identity(object.root), object)
  const tree = parseYamlTree(fallback.path, text, { version: '1.1' })
  const located: BuiltObject[] = []
  for (const document of tree.documents) {
    if (document.root?.kind !== 'object' || textOf(get(document.root, 'kind')) === undefined) continue
    const counterpart = byIdentity.get(identity(document.root))
    const root = locateNode(document.root, counterpart?.root, counterpart?.root.location ?? fallback) as ObjectNode
    located.push(
      counterpart
        ? { root, path: counterpart.path, fromLine: counterpart.fromLine, toLine: counterpart.toLine }
        : { root, path: fallback.path, fromLine: fallback.line, toLine: fallback.line },
    )
  }
  return located
}

/** kind/namespace/name as rendered. */
export function identity(root: ObjectNode): string {
  const metadata = get(root, 'metadata')
  return `${textOf(get(root, 'kind')) ?? ''}/${textOf(get(metadata, 'namespace')) ?? ''}/${textOf(get(metadata, 'name')) ?? ''}`
}

function locateNode(rendered: TreeNode, native: TreeNode | undefined, holder: Location): TreeNode {
  if (rendered.kind === 'scalar') {
    if (
      native?.kind === 'scalar' &&
      textOf(native) === textOf(rendered) &&
      (native.type === 'null') === (rendered.type === 'null')
    )
      return native
    return relocatedScalar(rendered, native?.location ?? holder)
  }
  const location = native?.kind === rendered.kind ? native.location : holder
  if (rendered.kind === 'array') {
    const nativeItems = native?.kind === 'array' ? native.items : []
    const items = rendered.items.map((item, index) => {
      const counterpart = counterpartItem(item, index, nativeItems)
      return locateNode(item, counterpart, counterpart?.location ?? location)
    })
    const node: ArrayNode = { kind: 'array', location, items }
    if (native?.kind === 'array' && native.endLine !== undefined) node.endLine = native.endLine
    return node
  }
  const entries: ObjectEntry[] = rendered.entries.map((item) => {
    const counterpart = native?.kind === 'object' ? lastEntry(native, item.key) : undefined
    return {
      key: item.key,
      keyLocation: counterpart?.keyLocation ?? location,
      value: locateNode(item.value, counterpart?.value, counterpart?.keyLocation ?? location),
    }
  })
  const node: ObjectNode = { kind: 'object', location, entries }
  if (native?.kind === 'object' && native.endLine !== undefined) node.endLine = native.endLine
  return node
}

/** List items are matched by `name` (containers, env) when they have one, else by position. */
function counterpartItem(item: TreeNode, index: number, nativeItems: readonly TreeNode[]): TreeNode | undefined {
  const name = textOf(get(item, 'name'))
  if (name !== undefined) return nativeItems.find((candidate) => textOf(get(candidate, 'name')) === name)
  return nativeItems[index]
}

function relocatedScalar(node: ScalarNode, location: Location): ScalarNode {
  return {
    ...node,
    location,
    value: node.value.kind === 'known' ? known(node.value.value, location) : { ...node.value, location },
  }
}
