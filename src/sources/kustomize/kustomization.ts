import nodePath from 'node:path'
import type { SourceFinding } from '../../model/finding.js'
import type { Location } from '../../model/location.js'
import type { ObjectEntry, ObjectNode, ScalarNode, TreeNode } from '../../model/tree.js'
import { parseYamlTree } from '../shared/yaml-tree.js'
import { get, lastEntry, textOf } from '../shared/tree-edit.js'

/** A string of the kustomization with where it is written. */
export interface Written {
  value: string
  location: Location
}

/** What `patches[].target` / `patchesJson6902[].target` selects (name and namespace are regular expressions). */
export interface Selector {
  group?: string
  version?: string
  kind?: string
  name?: string
  namespace?: string
  labelSelector?: string
  annotationSelector?: string
}

export interface PatchSpec {
  field: 'patches' | 'patchesStrategicMerge' | 'patchesJson6902'
  /** The list item that declares the patch. */
  location: Location
  /** `path:` (or a patchesStrategicMerge file): the repository-relative patch file. */
  file?: Written
  /** `patch:` (or an inline patchesStrategicMerge item): the text and the node holding it. */
  inline?: ScalarNode
  target?: Selector
  /** Where `target:` is written. */
  targetLocation?: Location
  allowNameChange: boolean
}

export interface Kustomization {
  path: string
  directory: string
  kind: 'Kustomization' | 'Component'
  resources: Written[]
  components: Written[]
  namespace?: ScalarNode
  namePrefix?: ScalarNode
  nameSuffix?: ScalarNode
  commonAnnotations: ObjectEntry[]
  /** commonLabels and `labels` entries; `templates` when they also go into pod templates. */
  labels: { entries: ObjectEntry[]; templates: boolean }[]
  patches: PatchSpec[]
  /** Fields irsa-guard does not evaluate natively and that may change names, namespaces or annotations. */
  unevaluated: Written[]
  /** `replacements` that may write into metadata.annotations (or that live in files irsa-guard does not read). */
  replacesAnnotations: boolean
  findings: SourceFinding[]
}

/** Build steps that can rename, move or annotate objects and that the native build does not run. */
const UNEVALUATED_FIELDS = [
  'replacements',
  'vars',
  'transformers',
  'generators',
  'helmCharts',
  'helmChartInflationGenerator',
  'configurations',
] as const

/** The file names kubectl and kustomize look for in a directory, in their order. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const

export function parseKustomization(path: string, text: string): Kustomization {
  const directory = nodePath.posix.dirname(path)
  const kustomization = emptyKustomization(path, directory, [])
  const tree = parseYamlTree(path, text, { version: '1.2' })
  kustomization.findings.push(...tree.findings)
  const root = tree.documents.find((document) => document.root !== undefined)?.root
  if (!root) return kustomization
  if (root.kind !== 'object') {
    kustomization.findings.push(
      problem(root.location, `${path} is not a kustomization (a mapping of fields such as resources and patches)`),
    )
    return kustomization
  }
  if (textOf(get(root, 'kind')) === 'Component') kustomization.kind = 'Component'
  kustomization.resources = [...strings(root, 'bases', kustomization), ...strings(root, 'resources', kustomization)]
  kustomization.components = strings(root, 'components', kustomization)
  for (const field of ['namespace', 'namePrefix', 'nameSuffix'] as const) {
    const node = get(root, field)
    if (node?.kind === 'scalar' && textOf(node) !== undefined && textOf(node) !== '') kustomization[field] = node
  }
  const annotations = get(root, 'commonAnnotations')
  if (annotations?.kind === 'object') kustomization.commonAnnotations = annotations.entries
  const commonLabels = get(root, 'commonLabels')
  if (commonLabels?.kind === 'object') kustomization.labels.push({ entries: commonLabels.entries, templates: true })
  for (const item of list(get(root, 'labels'))) {
    const pairs = get(item, 'pairs')
    if (pairs?.kind !== 'object') continue
    const templates =
      textOf(get(item, 'includeTemplates')) === 'true' || textOf(get(item, 'includeSelectors')) === 'true'
    kustomization.labels.push({ entries: pairs.entries, templates })
  }
  readPatches(root, kustomization)
  kustomization.replacesAnnotations = list(get(root, 'replacements')).some(mayReplaceAnnotations)
  for (const field of UNEVALUATED_FIELDS) {
    const entry = lastEntry(root, field)
    if (entry && !isEmpty(entry.value)) kustomization.unevaluated.push({ value: field, location: entry.keyLocation })
  }
  return kustomization
}

/** A kustomization with the given resources and nothing else. */
function emptyKustomization(path: string, directory: string, resources: Written[]): Kustomization {
  return {
    path,
    directory,
    kind: 'Kustomization',
    resources,
    components: [],
    commonAnnotations: [],
    labels: [],
    patches: [],
    unevaluated: [],
    replacesAnnotations: false,
    findings: [],
  }
}

/**
 * A kustomization made from fields of another object (a Flux Kustomization's spec): its
 * `patches` (and the deprecated `patchesStrategicMerge` / `patchesJson6902`), over these resources.
 */
export function kustomizationFromSpec(
  path: string,
  spec: ObjectNode,
  resources: Written[],
  namespace: ScalarNode | undefined,
): Kustomization {
  const kustomization = emptyKustomization(path, '.', resources)
  if (namespace && textOf(namespace) !== undefined && textOf(namespace) !== '') kustomization.namespace = namespace
  readPatches(spec, kustomization)
  return kustomization
}

function readPatches(root: ObjectNode, kustomization: Kustomization): void {
  const resolve = (reference: string): string =>
    nodePath.posix.normalize(nodePath.posix.join(kustomization.directory, reference))
  for (const item of list(get(root, 'patchesStrategicMerge'))) {
    const text = item.kind === 'scalar' ? textOf(item) : undefined
    if (item.kind !== 'scalar' || text === undefined) continue
    // An item is a file name, or (since kustomize 3) the patch itself.
    const inline = text.includes('\n') || /^\s*(apiVersion|kind)\s*:/m.test(text)
    kustomization.patches.push(
      inline
        ? { field: 'patchesStrategicMerge', location: item.location, inline: item, allowNameChange: false }
        : {
            field: 'patchesStrategicMerge',
            location: item.location,
            file: { value: resolve(text), location: item.location },
            allowNameChange: false,
          },
    )
  }
  for (const field of ['patches', 'patchesJson6902'] as const) {
    for (const item of list(get(root, field))) {
      if (item.kind !== 'object') continue
      const spec: PatchSpec = {
        field,
        location: item.location,
        allowNameChange: textOf(get(get(item, 'options'), 'allowNameChange')) === 'true',
      }
      const file = get(item, 'path')
      const fileName = textOf(file)
      if (file && fileName !== undefined) spec.file = { value: resolve(fileName), location: file.location }
      const patch = get(item, 'patch')
      if (patch?.kind === 'scalar' && textOf(patch) !== undefined) spec.inline = patch
      const target = get(item, 'target')
      if (target?.kind === 'object') {
        spec.target = selector(target)
        spec.targetLocation =
          item.kind === 'object'
            ? (item.entries.find((entry) => entry.key === 'target')?.keyLocation ?? target.location)
            : target.location
      }
      if (!spec.file && !spec.inline) {
        kustomization.findings.push(
          problem(item.location, `This ${field} entry has neither path nor patch; kustomize rejects it`),
        )
        continue
      }
      kustomization.patches.push(spec)
    }
  }
}

/** A replacement whose targets' fieldPaths reach into annotations; one kept in a file (`path:`) may do anything. */
function mayReplaceAnnotations(replacement: TreeNode): boolean {
  if (get(replacement, 'path') !== undefined) return true
  return list(get(replacement, 'targets')).some((target) =>
    list(get(target, 'fieldPaths')).some((path) => /annotations/.test(textOf(path) ?? '')),
  )
}

function selector(node: ObjectNode): Selector {
  const result: Selector = {}
  for (const key of ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'] as const) {
    const value = textOf(get(node, key))
    if (value !== undefined) result[key] = value
  }
  return result
}

function strings(root: ObjectNode, field: string, kustomization: Kustomization): Written[] {
  const result: Written[] = []
  for (const item of list(get(root, field))) {
    const value = textOf(item)
    if (value === undefined || value.trim() === '') {
      kustomization.findings.push(problem(item.location, `An item of ${field} is not a path or URL`))
      continue
    }
    result.push({ value: value.trim(), location: item.location })
  }
  return result
}

function list(node: TreeNode | undefined): TreeNode[] {
  return node?.kind === 'array' ? node.items : []
}

function isEmpty(node: TreeNode): boolean {
  if (node.kind === 'array') return node.items.length === 0
  if (node.kind === 'object') return node.entries.length === 0
  return node.type === 'null'
}

function problem(location: Location, message: string): SourceFinding {
  return { ruleId: 'parse-error', location, message }
}
