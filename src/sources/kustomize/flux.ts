import nodePath from 'node:path'
import type { SourceFinding } from '../../model/finding.js'
import type { Location } from '../../model/location.js'
import type { ObjectNode, ScalarNode, TreeNode } from '../../model/tree.js'
import type { SourceFile } from '../source.js'
import { parseYamlTree } from '../shared/yaml-tree.js'
import { describeSelector, type Build, type KustomizeBuilder } from './build.js'
import { kustomizationFromSpec, type Kustomization, type Written } from './kustomization.js'
import type { RepositoryFiles } from '../shared/repository-files.js'
import { get, textOf } from '../shared/tree-edit.js'

/**
 * A Flux `Kustomization` (kustomize.toolkit.fluxcd.io v1, v1beta2) whose source is this
 * repository: kustomize-controller builds `spec.path` with the object's patches and
 * targetNamespace, then substitutes `${VAR}` from `spec.postBuild`.
 * Semantics from fluxcd/kustomize-controller v1.4 docs/spec/v1/kustomizations.md and
 * fluxcd/pkg kustomize/kustomize_generator.go (a path without a kustomization.yaml gets one
 * listing every .yaml/.yml file below it, and each subdirectory that has its own kustomization)
 * and kustomize/kustomize_varsub.go (substituteFrom in order, then substitute; objects annotated
 * or labelled `kustomize.toolkit.fluxcd.io/substitute: disabled` are left alone).
 */
export interface FluxKustomization {
  /** The file and the object's name: its deploy unit. */
  unit: string
  kustomization: Kustomization
  /** False when a YAML file below a path without a kustomization was not read (excluded, too large, not a manifest irsa-guard recognised). */
  listedEveryFile: boolean
  /** `${VAR}` values known for certain, and whether a variable not among them may still be set (a Secret, a ConfigMap not in the scan). */
  variables: Map<string, string>
  variablesComplete: boolean
}

export const FLUX_GROUP = 'kustomize.toolkit.fluxcd.io/'
const DISABLED = 'kustomize.toolkit.fluxcd.io/substitute'

function isYamlManifest(file: SourceFile): boolean {
  return file.kind === 'kubernetes' && /\.(ya?ml)$/i.test(file.path)
}

/**
 * The Flux Kustomizations of the scan whose `spec.path` is a directory of this repository. Only a
 * GitRepository named flux-system (the repository `flux bootstrap` syncs, this one) is taken as
 * this repository: a path in any other source is in a repository irsa-guard cannot see.
 */
export function findFluxKustomizations(
  files: readonly SourceFile[],
  repository: RepositoryFiles,
  builder: KustomizeBuilder,
): FluxKustomization[] {
  const result: FluxKustomization[] = []
  const objects = fluxAndConfigMaps(files)
  for (const { path, root } of objects.kustomizations) {
    const spec = get(root, 'spec')
    if (spec?.kind !== 'object') continue
    const sourceRef = get(spec, 'sourceRef')
    if (textOf(get(sourceRef, 'kind')) !== 'GitRepository' || textOf(get(sourceRef, 'name')) !== 'flux-system') continue
    const written = textOf(get(spec, 'path')) ?? '.'
    const directory = nodePath.posix.normalize(written.replace(/^\/+/, '') || '.').replace(/\/+$/, '') || '.'
    if (directory.startsWith('..') || !repository.isDirectory(directory)) continue
    const pathNode = get(spec, 'path') ?? spec
    const generated = builder.kustomizationIn(directory)
      ? { resources: [{ value: directory, location: pathNode.location }], complete: true }
      : generatedResources(directory, pathNode.location, repository, builder)
    const namespace = get(spec, 'targetNamespace')
    const kustomization = kustomizationFromSpec(
      path,
      spec,
      generated.resources,
      namespace?.kind === 'scalar' ? namespace : undefined,
    )
    const name = textOf(get(get(root, 'metadata'), 'name')) ?? '?'
    const namespaceOfObject = textOf(get(get(root, 'metadata'), 'namespace'))
    const { variables, complete } = postBuildVariables(get(spec, 'postBuild'), namespaceOfObject, objects.configMaps)
    result.push({
      unit: `flux ${path}#${name}`,
      kustomization,
      listedEveryFile: generated.complete,
      variables,
      variablesComplete: complete,
    })
  }
  return result
}

/** The Flux Kustomizations and ConfigMaps of the scan's manifests. */
function fluxAndConfigMaps(files: readonly SourceFile[]): {
  kustomizations: { path: string; root: ObjectNode }[]
  configMaps: { name: string; namespace: string | undefined; data: TreeNode | undefined }[]
} {
  const kustomizations: { path: string; root: ObjectNode }[] = []
  const configMaps: { name: string; namespace: string | undefined; data: TreeNode | undefined }[] = []
  // The ConfigMaps matter only to a Flux Kustomization's substitutions: without one, none is parsed.
  if (!files.some((file) => isYamlManifest(file) && file.text.includes(FLUX_GROUP)))
    return { kustomizations, configMaps }
  for (const file of files) {
    if (!isYamlManifest(file)) continue
    const flux = file.text.includes(FLUX_GROUP)
    if (!flux && !/kind:\s*ConfigMap/.test(file.text)) continue
    const tree = parseYamlTree(file.path, file.text, { version: '1.2' })
    for (const document of tree.documents) {
      const root = document.root
      if (root?.kind !== 'object') continue
      const kind = textOf(get(root, 'kind'))
      if (kind === 'Kustomization' && (textOf(get(root, 'apiVersion')) ?? '').startsWith(FLUX_GROUP))
        kustomizations.push({ path: file.path, root })
      const name = textOf(get(get(root, 'metadata'), 'name'))
      if (kind === 'ConfigMap' && name !== undefined)
        configMaps.push({ name, namespace: textOf(get(get(root, 'metadata'), 'namespace')), data: get(root, 'data') })
    }
  }
  return { kustomizations, configMaps }
}

/**
 * What Flux's generated kustomization.yaml lists: the manifests below the path, and subdirectories
 * with their own kustomization. Only discovered manifests are listed (an excluded file stays
 * excluded); any other YAML file below the path makes the build incomplete, since it may hold objects.
 */
function generatedResources(
  directory: string,
  location: Location,
  repository: RepositoryFiles,
  builder: KustomizeBuilder,
): { resources: Written[]; complete: boolean } {
  const resources: Written[] = []
  let complete = true
  const walk = (current: string): void => {
    for (const entry of repository.list(current).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = current === '.' ? entry.name : `${current}/${entry.name}`
      if (entry.directory) {
        if (builder.kustomizationIn(path)) resources.push({ value: path, location })
        else walk(path)
      } else if (/\.ya?ml$/i.test(entry.name)) {
        if (repository.discovered(path)?.kind === 'kubernetes') resources.push({ value: path, location })
        else if (repository.discovered(path) === undefined) complete = false
      }
    }
  }
  walk(directory)
  return { resources, complete }
}

/** substituteFrom in order, then substitute over them; a Secret or a ConfigMap not in the scan leaves the set incomplete. */
function postBuildVariables(
  postBuild: TreeNode | undefined,
  namespace: string | undefined,
  configMaps: readonly { name: string; namespace: string | undefined; data: TreeNode | undefined }[],
): { variables: Map<string, string>; complete: boolean } {
  const variables = new Map<string, string>()
  let complete = true
  const from = get(postBuild, 'substituteFrom')
  for (const reference of from?.kind === 'array' ? from.items : []) {
    const name = textOf(get(reference, 'name'))
    const candidates =
      textOf(get(reference, 'kind')) === 'ConfigMap' && name !== undefined
        ? configMaps.filter(
            (map) =>
              map.name === name &&
              (map.namespace === undefined || namespace === undefined || map.namespace === namespace),
          )
        : []
    if (candidates.length !== 1) {
      complete = false
      continue
    }
    const data = candidates[0]!.data
    for (const entry of data?.kind === 'object' ? data.entries : []) {
      const value =
        entry.value.kind === 'scalar' && entry.value.value.kind === 'known' ? entry.value.value.value : undefined
      if (value === undefined) complete = false
      else variables.set(entry.key, value)
    }
  }
  const substitute = get(postBuild, 'substitute')
  for (const entry of substitute?.kind === 'object' ? substitute.entries : []) {
    const value =
      entry.value.kind === 'scalar' && entry.value.value.kind === 'known' ? entry.value.value.value : undefined
    if (value === undefined) variables.delete(entry.key)
    else variables.set(entry.key, value)
  }
  return { variables, complete }
}

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[=-])([^}]*))?\}/g

/**
 * Replaces `${VAR}` in the string values of the built objects. A variable whose value is not
 * known for certain stays as written (the Kubernetes reader takes it as symbolic).
 */
export function substitute(build: Build, flux: FluxKustomization): void {
  if (flux.variables.size === 0 && !flux.variablesComplete) return
  for (const resource of build.resources) {
    const metadata = get(resource.root, 'metadata')
    if (
      textOf(get(get(metadata, 'annotations'), DISABLED)) === 'disabled' ||
      textOf(get(get(metadata, 'labels'), DISABLED)) === 'disabled'
    )
      continue
    visit(resource.root, (node) => {
      const text = node.value.kind === 'known' ? node.value.value : undefined
      if (text === undefined || node.type !== 'string' || !text.includes('${')) return
      const replaced = text.replace(
        VARIABLE,
        (written, name: string, operator: string | undefined, fallback: string | undefined) => {
          const value = flux.variables.get(name)
          if (value !== undefined && !(operator?.startsWith(':') && value === '')) return value
          if (operator !== undefined && flux.variablesComplete) return fallback ?? ''
          return written
        },
      )
      if (replaced !== text) node.value = { ...node.value, value: replaced } as ScalarNode['value']
    })
  }
}

function visit(node: TreeNode, onScalar: (node: ScalarNode) => void): void {
  if (node.kind === 'scalar') onScalar(node)
  else if (node.kind === 'array') for (const item of node.items) visit(item, onScalar)
  else for (const entry of node.entries) visit(entry.value, onScalar)
}

/** A `target` of the Flux object's patches that selected nothing in a build that read all of spec.path. */
export function unmatchedTargetFindings(build: Build, flux: FluxKustomization): SourceFinding[] {
  if (!build.complete || !flux.listedEveryFile) return []
  return build.unmatchedTargets
    .filter((spec) => flux.kustomization.patches.includes(spec))
    .map((spec) => ({
      ruleId: 'flux-patch-target-unmatched',
      location: spec.targetLocation ?? spec.location,
      message: `This patch's target (${describeSelector(spec.target!)}) selects no object that ${flux.unit.slice('flux '.length)} builds, so the patch changes nothing`,
    }))
}
