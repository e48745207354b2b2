import type { Location } from './location.js'
import { known, type Value } from './value.js'

/**
 * A located JSON-like tree: what YAML, JSON, HCL object expressions and plan JSON all reduce to
 * before a format-independent reader (Kubernetes objects, policy documents) walks it. Object
 * entries keep duplicates and source order, so grammar rules can see them.
 */
export type TreeNode = ObjectNode | ArrayNode | ScalarNode

export interface ObjectNode {
  kind: 'object'
  location: Location
  entries: ObjectEntry[]
  /** Last line of the node's text, where the source knows it (object-wide suppressions). */
  endLine?: number | undefined
}

export interface ObjectEntry {
  key: string
  keyLocation: Location
  /**
   * The key as a Value when it is not a plain literal (an HCL `"${local.issuer}:sub" = …` key is
   * symbolic); absent means `known(key, keyLocation)`.
   */
  keyValue?: Value
  value: TreeNode
}

export interface ArrayNode {
  kind: 'array'
  location: Location
  items: TreeNode[]
  /** Last line of the node's text, where the source knows it. */
  endLine?: number | undefined
}

export interface ScalarNode {
  kind: 'scalar'
  location: Location
  /** Strings, numbers and booleans as their known text; null as `known("")` with `isNull`; unknowns as symbolic. */
  value: Value
  type: 'string' | 'number' | 'boolean' | 'null' | 'unknown'
}

/** A scalar whose value is known text. */
export function scalarNode(location: Location, text: string, type: ScalarNode['type']): ScalarNode {
  return { kind: 'scalar', location, value: known(text, location), type }
}

/** The first entry with this key (exact case), or undefined. */
export function entry(node: TreeNode | undefined, key: string): ObjectEntry | undefined {
  if (node?.kind !== 'object') return undefined
  return node.entries.find((candidate) => candidate.key === key)
}

export function child(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return entry(node, key)?.value
}

export function childAt(node: TreeNode | undefined, path: readonly (string | number)[]): TreeNode | undefined {
  let current = node
  for (const step of path) {
    if (current === undefined) return undefined
    current =
      typeof step === 'number' ? (current.kind === 'array' ? current.items[step] : undefined) : child(current, step)
  }
  return current
}

/** A scalar's known text, or undefined for anything else. */
export function scalarText(node: TreeNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value.kind === 'known' && node.type !== 'null' ? node.value.value : undefined
}
