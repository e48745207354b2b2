import type { SourceFinding } from '../../model/finding.js'
import type { Suppression } from '../../model/suppression.js'
import { formatLocation, type Location } from '../../model/location.js'
import type { ObjectEntry, ObjectNode, ScalarNode } from '../../model/tree.js'
import { symbolic } from '../../model/value.js'
import { parseKubernetesFile, type BuiltObject } from '../kubernetes/index.js'
import { keyMayMatter } from '../kubernetes/manifest-sniff.js'
import { parseYamlTree } from '../shared/yaml-tree.js'
import { memoizedParse } from '../shared/parse-memo.js'
import {
  KUSTOMIZATION_FILE_NAMES,
  parseKustomization,
  type Kustomization,
  type PatchSpec,
  type Selector,
  type Written,
} from './kustomization.js'
import { applyJsonPatchOperation, applyStrategicMerge, jsonPatchOperations } from './patch.js'
import { isUnreadable, resolveReference, type RepositoryFiles } from '../shared/repository-files.js'
import {
  blockScalarMover,
  cloneTree,
  ensureObject,
  get,
  getPath,
  relocateTree,
  set,
  stringNode,
  textOf,
} from '../shared/tree-edit.js'
import { CLUSTER_SCOPED_KINDS } from '../../model/kubernetes.js'

/** An object of a build, with the names and namespaces it has had (patches and references match any of them, as in kustomize). */
export interface Resource extends BuiltObject {
  names: string[]
  namespaces: string[]
}

export interface Build {
  kustomization: Kustomization
  resources: Resource[]
  /** Every file the build read: kustomizations, resources, patches. */
  files: Set<string>
  findings: SourceFinding[]
  /** False when part of the build could not be read (a remote base, a missing file): misses are then not reported, and it is not rendered. */
  complete: boolean
  /** Fields of its kustomizations that the native build does not evaluate. */
  unevaluated: Written[]
  /** Some kustomization of the build has `replacements` that may write annotations. */
  replacesAnnotations: boolean
  /** Every document of its resource files was read, not only those that look relevant (see manifest-sniff.ts). */
  everyDocument: boolean
  /** Some resource file had documents left unread. */
  skippedDocuments: boolean
  /** A skipped document could have changed the outcome: the build must be made again with every document. */
  needsEveryDocument: boolean
  /** Patches with a `target` that selected no object (kustomize accepts them silently). */
  unmatchedTargets: PatchSpec[]
}

/** Kinds namePrefix and nameSuffix leave alone. */
const UNPREFIXED_KINDS = new Set(['Namespace', 'CustomResourceDefinition'])

/**
 * Where kustomize's name-reference transformer rewrites a ServiceAccount's name (its built-in
 * namereference config): not ReplicaSet, not the deprecated `serviceAccount` field, not custom resources.
 */
export const SERVICE_ACCOUNT_REFERENCES: ReadonlyMap<string, readonly string[]> = new Map([
  ['Pod', ['spec', 'serviceAccountName']],
  ['Deployment', ['spec', 'template', 'spec', 'serviceAccountName']],
  ['StatefulSet', ['spec', 'template', 'spec', 'serviceAccountName']],
  ['DaemonSet', ['spec', 'template', 'spec', 'serviceAccountName']],
  ['Job', ['spec', 'template', 'spec', 'serviceAccountName']],
  ['ReplicationController', ['spec', 'template', 'spec', 'serviceAccountName']],
  ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'serviceAccountName']],
])

/** The metadata of the pod templates (and a CronJob's job template) that commonAnnotations and commonLabels also set. */
const TEMPLATE_METADATA_PATHS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  ['Deployment', [['spec', 'template', 'metadata']]],
  ['StatefulSet', [['spec', 'template', 'metadata']]],
  ['DaemonSet', [['spec', 'template', 'metadata']]],
  ['ReplicaSet', [['spec', 'template', 'metadata']]],
  ['Job', [['spec', 'template', 'metadata']]],
  ['ReplicationController', [['spec', 'template', 'metadata']]],
  [
    'CronJob',
    [
      ['spec', 'jobTemplate', 'metadata'],
      ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
    ],
  ],
])

/** A reference kustomize fetches over the network (a URL, a git repository): never fetched here. */
export function isRemoteReference(reference: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(reference) ||
    /^git@/.test(reference) ||
    /^(github\.com|gitlab\.com|bitbucket\.org)[/:]/.test(reference) ||
    /\?(ref|version|submodules|timeout)=/.test(reference) ||
    /\.git(\/\/|$)/.test(reference)
  )
}

/** A resource file's own findings and comment suppressions: reported once, however many builds use it. */
export interface ManifestFindings {
  findings: SourceFinding[]
  suppressions: Suppression[]
}

/**
 * A resource file as parsed for the builds that load it. Its objects are kept (and cloned for
 * each build) only while a planned load of the file remains; the last load takes them as they are.
 */
interface ParsedManifest extends ManifestFindings {
  /** False when only the documents that look relevant were parsed. */
  everyDocument: boolean
  objects: BuiltObject[] | undefined
}

/** What a build will read, found before reading its resources. */
interface BuildPlan {
  /** Its resource files, once per load. */
  loads: string[]
  /** A kustomization of it patches or annotates every object, so it reads every document. */
  everyDocument: boolean
}

type Target = { kind: 'file' | 'directory'; path: string } | { kind: 'remote' | 'outside' | 'missing' }

export interface KustomizeBuilderOptions {
  /** Leave unparsed the resource documents no rule can care about, where the build allows (default false). */
  sniff?: boolean
}

/**
 * Builds kustomizations the way `kustomize build` does, for what IRSA depends on: resources
 * (files, directories, nested kustomizations), components, patches (strategic merge and JSON
 * 6902, with targets), namespace, namePrefix/nameSuffix with the ServiceAccount name references
 * kustomize rewrites, commonAnnotations and labels. Transformers run in kustomize's order.
 */
export class KustomizeBuilder {
  private readonly kustomizations = new Map<string, Kustomization>()
  private readonly manifests = new Map<string, ParsedManifest | string>()
  private readonly plans = new Map<string, BuildPlan>()
  /** Loads of each resource file that the planned builds have still to make. */
  private readonly loadsLeft = new Map<string, number>()
  /** Resource files some planned build reads whole: every build then uses that one parse. */
  private readonly wholeFiles = new Set<string>()
  private readonly sniff: boolean

  constructor(
    private readonly files: RepositoryFiles,
    options: KustomizeBuilderOptions = {},
  ) {
    this.sniff = options.sniff === true
  }

  /**
   * Plans the builds of these kustomizations before any is made: how often each resource file is
   * loaded (so that its trees are dropped after the last load) and which files some build reads
   * whole. Optional: a build that was not planned is still made right.
   */
  plan(paths: readonly string[]): void {
    for (const path of paths) {
      const plan = this.planOf(path)
      for (const load of plan.loads) {
        this.loadsLeft.set(load, (this.loadsLeft.get(load) ?? 0) + 1)
        if (plan.everyDocument || !this.sniff) this.wholeFiles.add(load)
      }
    }
  }

  /** The kustomizations and resource files `build` accumulates, followed the same way without reading the resources. */
  private planOf(path: string): BuildPlan {
    const cached = this.plans.get(path)
    if (cached) return cached
    const plan: BuildPlan = { loads: [], everyDocument: false }
    this.plans.set(path, plan)
    const visit = (kustomization: Kustomization, stack: readonly string[]): void => {
      if (readsEveryObject(kustomization)) plan.everyDocument = true
      for (const reference of kustomization.resources) {
        const target = this.resolve(kustomization, reference)
        if (target.kind === 'file' && this.withinRoot(kustomization, target.path)) plan.loads.push(target.path)
        if (target.kind !== 'directory') continue
        const sub = this.nestedQuietly(target.path, stack)
        if (sub && sub.kind !== 'Component') visit(sub, [...stack, sub.path])
      }
      for (const reference of kustomization.components) {
        const target = this.resolve(kustomization, reference)
        const sub = target.kind === 'directory' ? this.nestedQuietly(target.path, stack) : undefined
        if (sub) visit(sub, [...stack, sub.path])
      }
    }
    const root = this.kustomization(path)
    if (root) visit(root, [path])
    return plan
  }

  private nestedQuietly(directory: string, stack: readonly string[]): Kustomization | undefined {
    const file = this.kustomizationIn(directory)
    return file && !stack.includes(file) ? this.kustomization(file) : undefined
  }

  kustomization(path: string): Kustomization | undefined {
    const cached = this.kustomizations.get(path)
    if (cached) return cached
    const text = this.files.text(path)
    if (text === undefined) return undefined
    const parsed = memoizedParse('kustomization', path, text, () => parseKustomization(path, text))
    this.kustomizations.set(path, parsed)
    return parsed
  }

  /** The kustomization file of a directory, as kustomize looks for it. */
  kustomizationIn(directory: string): string | undefined {
    for (const name of KUSTOMIZATION_FILE_NAMES) {
      const candidate = directory === '.' ? name : `${directory}/${name}`
      if (this.files.isFile(candidate)) return candidate
    }
    return undefined
  }

  /** The kustomizations a kustomization builds on (resources and components that are directories). */
  referencedKustomizations(kustomization: Kustomization): string[] {
    const referenced: string[] = []
    for (const reference of [...kustomization.resources, ...kustomization.components]) {
      if (isRemoteReference(reference.value)) continue
      const path = resolveReference(kustomization.directory, reference.value)
      if (this.files.discovered(path) || this.files.outside(path) || !this.files.isDirectory(path)) continue
      const file = this.kustomizationIn(path)
      if (file) referenced.push(file)
    }
    return referenced
  }

  /**
   * Builds a kustomization. Unless `everyDocument`, and when the builder sniffs, the resource
   * documents no rule can care about are left out as long as nothing in the build can depend on
   * them; when something does, the build is made again from every document.
   */
  build(path: string, everyDocument = !this.sniff || this.planOf(path).everyDocument): Build | undefined {
    const kustomization = this.kustomization(path)
    if (!kustomization) return undefined
    return this.make(kustomization, everyDocument)
  }

  /** Builds a kustomization that is not a file (one made from a Flux Kustomization), from every document. */
  buildFrom(kustomization: Kustomization): Build {
    return this.make(kustomization, true)
  }

  private make(kustomization: Kustomization, everyDocument: boolean): Build {
    const path = kustomization.path
    const build: Build = {
      kustomization,
      resources: [],
      files: new Set([path]),
      findings: [],
      complete: true,
      unevaluated: [],
      replacesAnnotations: false,
      everyDocument,
      skippedDocuments: false,
      needsEveryDocument: false,
      unmatchedTargets: [],
    }
    build.resources = this.accumulate(kustomization, [path], build, [])
    this.fixServiceAccountReferences(build)
    return build.needsEveryDocument && !everyDocument ? this.make(kustomization, true) : build
  }

  private accumulate(
    kustomization: Kustomization,
    stack: readonly string[],
    build: Build,
    inherited: Resource[],
  ): Resource[] {
    build.files.add(kustomization.path)
    build.findings.push(...kustomization.findings)
    build.unevaluated.push(...kustomization.unevaluated)
    if (kustomization.replacesAnnotations) build.replacesAnnotations = true
    if (kustomization.findings.length > 0) build.complete = false
    if (readsEveryObject(kustomization) && !build.everyDocument) build.needsEveryDocument = true
    let resources = [...inherited]
    for (const reference of kustomization.resources)
      resources.push(...this.resource(kustomization, reference, stack, build))
    for (const reference of kustomization.components)
      resources = this.component(kustomization, reference, stack, build, resources)
    this.transform(kustomization, resources, build)
    return resources
  }

  private resource(
    kustomization: Kustomization,
    reference: Written,
    stack: readonly string[],
    build: Build,
  ): Resource[] {
    const target = this.reach(kustomization, reference, build)
    if (!target) return []
    if (target.kind === 'directory') {
      const sub = this.nested(target.path, reference, stack, build)
      if (!sub) return []
      if (sub.kind === 'Component') {
        this.fail(
          build,
          reference.location,
          `${reference.value} is a kustomize Component; list it under components, not resources (kustomize rejects it)`,
        )
        return []
      }
      return this.accumulate(sub, [...stack, sub.path], build, [])
    }
    if (!this.withinRoot(kustomization, target.path)) {
      this.fail(
        build,
        reference.location,
        `kustomize refuses to load ${target.path}: files must be in or below ${describeDirectory(kustomization.directory)} (a directory with its own kustomization may be anywhere)`,
      )
      return []
    }
    return this.load(target.path, reference.location, build)
  }

  private component(
    kustomization: Kustomization,
    reference: Written,
    stack: readonly string[],
    build: Build,
    resources: Resource[],
  ): Resource[] {
    const target = this.reach(kustomization, reference, build)
    if (!target) return resources
    if (target.kind !== 'directory') {
      this.fail(
        build,
        reference.location,
        `${reference.value} is not a directory with a kustomization (components must be)`,
      )
      return resources
    }
    const sub = this.nested(target.path, reference, stack, build)
    if (!sub) return resources
    return this.accumulate(sub, [...stack, sub.path], build, resources)
  }

  /** Where a resource or component reference leads. */
  private resolve(kustomization: Kustomization, reference: Written): Target {
    if (isRemoteReference(reference.value)) return { kind: 'remote' }
    const path = resolveReference(kustomization.directory, reference.value)
    if (this.files.outside(path)) return { kind: 'outside' }
    if (this.files.discovered(path)) return { kind: 'file', path }
    if (this.files.isDirectory(path)) return { kind: 'directory', path }
    if (this.files.isFile(path)) return { kind: 'file', path }
    return { kind: 'missing' }
  }

  /** Where a resource or component reference leads, or undefined after reporting why it is not followed. */
  private reach(
    kustomization: Kustomization,
    reference: Written,
    build: Build,
  ): { kind: 'file' | 'directory'; path: string } | undefined {
    const target = this.resolve(kustomization, reference)
    if (target.kind === 'file' || target.kind === 'directory') return target
    if (target.kind === 'remote') {
      build.complete = false
      build.findings.push({
        ruleId: 'parse-error',
        level: 'note',
        location: reference.location,
        message: `Skipped the remote base ${reference.value}: irsa-guard never fetches remote bases, so the objects it adds (and the names and namespaces it sets) are not checked; vendor it into the repository to check them`,
        key: `kustomize-remote:${reference.value}`,
      })
      return undefined
    }
    if (target.kind === 'outside') {
      build.complete = false
      build.findings.push({
        ruleId: 'parse-error',
        level: 'note',
        location: reference.location,
        message: `Skipped ${reference.value}: it is outside the scanned repository, and irsa-guard never reads outside it`,
        key: `kustomize-outside:${reference.value}`,
      })
      return undefined
    }
    this.missing(
      build,
      reference.location,
      reference.value,
      resolveReference(kustomization.directory, reference.value),
      'the objects it would add are',
    )
    return undefined
  }

  /**
   * A path a kustomization lists that is not there: a note, since nothing IRSA is wrong in what
   * is here, and a path git ignores is cloned or generated by a setup step. One per path
   * (the source merges the notes of every overlay that lists it).
   */
  private missing(build: Build, location: Location, written: string, path: string, what: string): void {
    build.complete = false
    const ignored = this.files.ignoredByGit(path, !/\.(ya?ml|json)$/i.test(path))
    build.findings.push({
      ruleId: 'parse-error',
      level: 'note',
      location,
      message: ignored
        ? `${written} does not exist here and git ignores ${path} (a setup step clones or generates it?), so ${what} not checked`
        : `${written} does not exist (kustomize build fails), so ${what} not checked`,
      key: `kustomize-missing:${path}`,
    })
  }

  private nested(
    directory: string,
    reference: Written,
    stack: readonly string[],
    build: Build,
  ): Kustomization | undefined {
    const file = this.kustomizationIn(directory)
    if (!file) {
      this.fail(
        build,
        reference.location,
        `${reference.value} is a directory without a kustomization.yaml (kustomize build fails)`,
      )
      return undefined
    }
    if (stack.includes(file)) {
      this.fail(
        build,
        reference.location,
        `${reference.value} makes a cycle (${[...stack, file].join(' → ')}), which kustomize rejects`,
      )
      return undefined
    }
    return this.kustomization(file)
  }

  /** kustomize's default load restrictor: files of a kustomization lie in or below its directory. */
  private withinRoot(kustomization: Kustomization, path: string): boolean {
    return kustomization.directory === '.' || path.startsWith(`${kustomization.directory}/`)
  }

  private fail(build: Build, location: Location, message: string): void {
    build.complete = false
    build.findings.push({ ruleId: 'parse-error', location, message })
  }

  private load(path: string, location: Location, build: Build): Resource[] {
    build.files.add(path)
    const manifest = this.parse(path, build.everyDocument || this.wholeFiles.has(path))
    if (typeof manifest === 'string') {
      this.fail(build, location, `Cannot read ${path}: ${manifest}`)
      return []
    }
    if (!manifest.everyDocument) build.skippedDocuments = true
    const left = (this.loadsLeft.get(path) ?? 0) - 1
    this.loadsLeft.set(path, left)
    const objects = manifest.objects!
    const last = left <= 0
    if (last) manifest.objects = undefined
    return objects.map((document) => {
      const root = last ? document.root : cloneTree(document.root)
      return {
        root,
        path,
        fromLine: document.fromLine,
        toLine: document.toLine,
        names: [nameOf(root)],
        namespaces: [namespaceOf(root)],
      }
    })
  }

  /**
   * The objects of a manifest (List items expanded): every document's, or only those that look
   * relevant. Parsed once for the builds that load it, and again only for a load past the
   * planned ones, or for one that needs every document after a parse of the relevant ones.
   */
  private parse(path: string, everyDocument: boolean): ParsedManifest | string {
    const cached = this.manifests.get(path)
    if (typeof cached === 'string') return cached
    if (cached?.objects && (cached.everyDocument || !everyDocument)) return cached
    const text = this.files.read(path)
    if (isUnreadable(text)) {
      const why =
        text === 'too-large'
          ? 'it is larger than maxFileBytes'
          : text === 'not-text'
            ? 'it is not text'
            : 'it cannot be read'
      this.manifests.set(path, why)
      return why
    }
    // Once every document was parsed, the file's findings are those of every document.
    const whole = everyDocument || cached?.everyDocument === true
    const manifest: ParsedManifest = parseKubernetesFile(
      { path, kind: 'kubernetes', text },
      { sniff: this.sniff && !whole },
    )
    this.manifests.set(path, manifest)
    return manifest
  }

  /** The findings and comment suppressions of a resource file a build read, if one did (`everyDocument`: of every document). */
  parsedManifest(path: string): (ManifestFindings & { everyDocument: boolean }) | undefined {
    const parsed = this.manifests.get(path)
    return typeof parsed === 'object' ? parsed : undefined
  }

  /** The resource files a build of this kustomization loads (see `plan`). */
  loadsOf(path: string): readonly string[] {
    return this.planOf(path).loads
  }

  private transform(kustomization: Kustomization, resources: Resource[], build: Build): void {
    for (const field of ['patchesStrategicMerge', 'patches'] as const) {
      for (const patch of kustomization.patches.filter((spec) => spec.field === field))
        this.patch(kustomization, patch, resources, build)
    }
    if (kustomization.namespace) setNamespace(resources, kustomization.namespace)
    if (kustomization.namePrefix || kustomization.nameSuffix)
      setNames(resources, kustomization.namePrefix, kustomization.nameSuffix)
    for (const labels of kustomization.labels) setMetadataMap(resources, 'labels', labels.entries, labels.templates)
    if (kustomization.commonAnnotations.length > 0)
      setMetadataMap(resources, 'annotations', kustomization.commonAnnotations, true)
    for (const patch of kustomization.patches.filter((spec) => spec.field === 'patchesJson6902'))
      this.patch(kustomization, patch, resources, build)
  }

  private patch(kustomization: Kustomization, spec: PatchSpec, resources: Resource[], build: Build): void {
    const documents = this.patchDocuments(kustomization, spec, build)
    if (!documents) return
    for (const document of documents) {
      const operations = jsonPatchOperations(document)
      if (operations) {
        if (!spec.target) {
          this.fail(build, spec.location, 'A JSON 6902 patch needs a target (kustomize build fails)')
          continue
        }
        const targets = resources.filter((resource) => selects(spec.target!, resource))
        if (targets.length === 0) this.miss(build, spec, describeSelector(spec.target))
        for (const resource of targets) {
          for (const operation of operations) {
            const why = applyJsonPatchOperation(resource.root, operation)
            if (why) {
              this.fail(
                build,
                operation.node.location,
                `This JSON patch operation cannot apply to ${describeResource(resource)}: ${why} (kustomize build fails)`,
              )
              break
            }
          }
          remember(resource)
        }
        continue
      }
      if (document.kind !== 'object') continue
      if (spec.field === 'patchesJson6902') {
        this.fail(build, spec.location, 'A patchesJson6902 entry must hold a list of operations (op, path, value)')
        continue
      }
      const targets = spec.target
        ? resources.filter((resource) => selects(spec.target!, resource))
        : resources.filter((resource) => identifies(document, resource))
      if (targets.length === 0) this.miss(build, spec, describePatchId(document))
      for (const resource of targets) {
        const patch = cloneTree(document)
        keepIdentity(patch, spec)
        applyStrategicMerge(resource.root, patch)
        remember(resource)
      }
    }
  }

  private miss(build: Build, spec: PatchSpec, what: string): void {
    if (!build.complete) return
    if (spec.target) {
      // A selector may match nothing; kustomize accepts that.
      build.unmatchedTargets.push(spec)
      return
    }
    this.fail(build, spec.location, `No resource of the build matches the patch for ${what} (kustomize build fails)`)
  }

  /** The patch's documents, with locations in the file (or the kustomization) that holds them. */
  private patchDocuments(
    kustomization: Kustomization,
    spec: PatchSpec,
    build: Build,
  ): ObjectNode['entries'][number]['value'][] | undefined {
    if (spec.file) {
      const path = spec.file.value
      if (this.files.outside(path) || !this.withinRoot(kustomization, path)) {
        this.fail(
          build,
          spec.file.location,
          `kustomize refuses to load the patch ${path}: files must be in or below ${describeDirectory(kustomization.directory)}`,
        )
        return undefined
      }
      build.files.add(path)
      const text = this.files.read(path)
      if (text === 'missing') {
        this.missing(build, spec.file.location, `The patch ${path}`, path, 'what it changes is')
        return undefined
      }
      if (isUnreadable(text)) {
        this.fail(build, spec.file.location, `The patch ${path} cannot be read (kustomize build fails)`)
        return undefined
      }
      // The file's own syntax problems are reported with the other files the builds read.
      const tree = parseYamlTree(path, text, { version: '1.1' })
      return tree.documents.flatMap((document) => (document.root ? [document.root] : []))
    }
    const inline = spec.inline!
    const text = textOf(inline) ?? ''
    const tree = parseYamlTree(kustomization.path, text, { version: '1.1' })
    const move = blockScalarMover(this.files.text(kustomization.path) ?? '', inline)
    build.findings.push(...tree.findings.map((finding) => ({ ...finding, location: move(finding.location) })))
    return tree.documents.flatMap((document) => (document.root ? [relocateTree(document.root, move)] : []))
  }

  /** Rewrites ServiceAccount names in the workload fields kustomize's name-reference transformer covers. */
  private fixServiceAccountReferences(build: Build): void {
    const serviceAccounts = build.resources.filter((resource) => kindOf(resource.root) === 'ServiceAccount')
    const renamed = build.resources.some((resource) => resource.names.length > 1)
    for (const resource of build.resources) {
      const path = SERVICE_ACCOUNT_REFERENCES.get(kindOf(resource.root) ?? '')
      if (!path) continue
      const holder = getPath(resource.root, path.slice(0, -1))
      const field = path[path.length - 1]!
      const reference = get(holder, field)
      const name = textOf(reference)
      if (holder?.kind !== 'object' || reference?.kind !== 'scalar' || name === undefined) continue
      const namespace = effectiveNamespace(namespaceOf(resource.root))
      const candidates = serviceAccounts.filter(
        (sa) => effectiveNamespace(namespaceOf(sa.root)) === namespace && sa.names.includes(name),
      )
      if (candidates.length === 1) {
        const current = get(get(candidates[0]!.root, 'metadata'), 'name')
        if (current?.kind === 'scalar' && textOf(current) !== name)
          set(holder, field, stringNode(textOf(current)!, current.value.location))
        continue
      }
      // A base that was not read may define it, under a name this build changed.
      if (candidates.length === 0 && !build.complete && renamed) {
        set(holder, field, {
          ...reference,
          value: symbolic(`kustomize-reference:${name}`, reference.location),
          type: 'unknown',
        })
      } else if (candidates.length === 0 && !build.complete && build.skippedDocuments) {
        // Whether any object was renamed may depend on one that was not read.
        build.needsEveryDocument = true
      }
    }
  }
}

function setNamespace(resources: readonly Resource[], namespace: ScalarNode): void {
  const value = textOf(namespace)!
  for (const resource of resources) {
    const kind = kindOf(resource.root)
    if (kind === 'Namespace') {
      set(ensureObject(resource.root, ['metadata'], namespace.location), 'name', stringNode(value, namespace.location))
    } else if (kind !== undefined && !CLUSTER_SCOPED_KINDS.has(kind)) {
      set(
        ensureObject(resource.root, ['metadata'], namespace.location),
        'namespace',
        stringNode(value, namespace.location),
      )
    }
    remember(resource)
  }
}

function setNames(
  resources: readonly Resource[],
  prefix: ScalarNode | undefined,
  suffix: ScalarNode | undefined,
): void {
  const location = (prefix ?? suffix)!.location
  for (const resource of resources) {
    const kind = kindOf(resource.root)
    if (kind === undefined || UNPREFIXED_KINDS.has(kind)) continue
    const metadata = get(resource.root, 'metadata')
    const name = textOf(get(metadata, 'name'))
    if (metadata?.kind !== 'object' || name === undefined) continue
    set(metadata, 'name', stringNode(`${textOf(prefix) ?? ''}${name}${textOf(suffix) ?? ''}`, location))
    remember(resource)
  }
}

/** commonAnnotations, commonLabels, `labels`: on every object, and (for workloads) on their pod templates. */
function setMetadataMap(
  resources: readonly Resource[],
  field: 'annotations' | 'labels',
  entries: readonly ObjectEntry[],
  templates: boolean,
): void {
  for (const resource of resources) {
    const kind = kindOf(resource.root)
    if (kind === undefined) continue
    const targets: (readonly string[])[] = [['metadata', field]]
    for (const path of templates ? (TEMPLATE_METADATA_PATHS.get(kind) ?? []) : []) {
      // Only into a pod template the object has.
      if (getPath(resource.root, path.slice(0, -1))?.kind === 'object') targets.push([...path, field])
    }
    for (const path of targets) {
      for (const entry of entries) {
        const map = ensureObject(resource.root, path, entry.keyLocation)
        set(map, entry.key, stringNode(textOf(entry.value) ?? '', entry.value.location), entry.keyLocation)
      }
    }
  }
}

/** Records a changed name or namespace in the resource's history. */
function remember(resource: Resource): void {
  const name = nameOf(resource.root)
  const namespace = namespaceOf(resource.root)
  if (!resource.names.includes(name)) resource.names.push(name)
  if (!resource.namespaces.includes(namespace)) resource.namespaces.push(namespace)
}

/** A strategic merge patch matched by its own id: the same kind (and group) under any name and namespace the object has had. */
function identifies(patch: ObjectNode, resource: Resource): boolean {
  const kind = textOf(get(patch, 'kind'))
  const name = textOf(get(get(patch, 'metadata'), 'name'))
  if (kind === undefined || name === undefined || kind !== kindOf(resource.root)) return false
  if (groupOf(textOf(get(patch, 'apiVersion'))) !== groupOf(textOf(get(resource.root, 'apiVersion')))) return false
  const namespace = effectiveNamespace(textOf(get(get(patch, 'metadata'), 'namespace')) ?? '')
  return (
    resource.names.includes(name) &&
    resource.namespaces.some((candidate) => effectiveNamespace(candidate) === namespace)
  )
}

function selects(selector: Selector, resource: Resource): boolean {
  const apiVersion = textOf(get(resource.root, 'apiVersion')) ?? ''
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion
  if (selector.kind !== undefined && !matches(selector.kind, kindOf(resource.root) ?? '')) return false
  if (selector.group !== undefined && !matches(selector.group, groupOf(apiVersion))) return false
  if (selector.version !== undefined && !matches(selector.version, version)) return false
  if (selector.name !== undefined && !resource.names.some((name) => matches(selector.name!, name))) return false
  if (
    selector.namespace !== undefined &&
    !resource.namespaces.some((namespace) => matches(selector.namespace!, namespace))
  )
    return false
  if (
    selector.labelSelector !== undefined &&
    !labelsMatch(selector.labelSelector, get(get(resource.root, 'metadata'), 'labels'))
  )
    return false
  if (
    selector.annotationSelector !== undefined &&
    !labelsMatch(selector.annotationSelector, get(get(resource.root, 'metadata'), 'annotations'))
  )
    return false
  return true
}

/** kustomize matches selector fields as anchored regular expressions. */
function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value)
  } catch {
    return pattern === value
  }
}

/** `a=b,c!=d,e` label selectors (set-based `in`/`notin` are not read: they match nothing here). */
function labelsMatch(selector: string, labels: ObjectNode['entries'][number]['value'] | undefined): boolean {
  return selector.split(',').every((term) => {
    const clause = term.trim()
    if (clause === '') return true
    const negated = /^(.+?)\s*!=\s*(.*)$/.exec(clause)
    if (negated) return textOf(get(labels, negated[1]!)) !== negated[2]!.trim()
    const equal = /^(.+?)\s*==?\s*(.*)$/.exec(clause)
    if (equal) return textOf(get(labels, equal[1]!)) === equal[2]!.trim()
    if (clause.startsWith('!')) return get(labels, clause.slice(1).trim()) === undefined
    if (/\s(in|notin)\s/.test(clause)) return false
    return get(labels, clause) !== undefined
  })
}

/** A patch keeps the target's apiVersion, kind, name and namespace, unless it may rename it. */
function keepIdentity(patch: ObjectNode, spec: PatchSpec): void {
  patch.entries = patch.entries.filter((item) => item.key !== 'apiVersion' && item.key !== 'kind')
  const metadata = get(patch, 'metadata')
  if (metadata?.kind !== 'object') return
  const renames = spec.target !== undefined && spec.allowNameChange
  metadata.entries = metadata.entries.filter((item) => (item.key !== 'name' || renames) && item.key !== 'namespace')
}

/**
 * A kustomization whose outcome depends on every object of the build: a patch matches, fails on
 * or renames any of them, and an annotation or label key a rule reads (or a suppression) lands on
 * all of them. Namespaces, name prefixes and keys no rule reads leave irrelevant objects irrelevant.
 */
function readsEveryObject(kustomization: Kustomization): boolean {
  if (kustomization.patches.length > 0) return true
  const keys = [...kustomization.commonAnnotations, ...kustomization.labels.flatMap((labels) => labels.entries)]
  return keys.some((entry) => keyMayMatter(entry.key))
}

export function kindOf(root: ObjectNode): string | undefined {
  return textOf(get(root, 'kind'))
}

function nameOf(root: ObjectNode): string {
  return textOf(get(get(root, 'metadata'), 'name')) ?? ''
}

function namespaceOf(root: ObjectNode): string {
  return textOf(get(get(root, 'metadata'), 'namespace')) ?? ''
}

function effectiveNamespace(namespace: string): string {
  return namespace === '' ? 'default' : namespace
}

function groupOf(apiVersion: string | undefined): string {
  if (!apiVersion || !apiVersion.includes('/')) return ''
  return apiVersion.slice(0, apiVersion.indexOf('/'))
}

function describeResource(resource: Resource): string {
  return `${kindOf(resource.root) ?? 'object'} ${nameOf(resource.root)} (${formatLocation(resource.root.location)})`
}

export function describeSelector(selector: Selector): string {
  return Object.entries(selector)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ')
}

function describePatchId(patch: ObjectNode): string {
  const namespace = textOf(get(get(patch, 'metadata'), 'namespace'))
  return `${textOf(get(patch, 'kind')) ?? '?'} ${namespace ? `${namespace}/` : ''}${textOf(get(get(patch, 'metadata'), 'name')) ?? '?'}`
}

function describeDirectory(directory: string): string {
  return directory === '.' ? 'the repository root' : `${directory}/`
}
