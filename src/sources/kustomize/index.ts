import { placeInUnit } from '../../model/facts.js'
import { fileLocation, formatLocation, type Location } from '../../model/location.js'
import type { Suppression } from '../../model/suppression.js'
import { readKubernetesFile, readKubernetesObjects, type BuiltObject } from '../kubernetes/index.js'
import { pathsLookedUpByName } from '../kubernetes/manifest-sniff.js'
import {
  appendResult,
  dropRepeats,
  emptyResult,
  type Source,
  type SourceContext,
  type SourceFile,
  type SourceParts,
  type SourceResult,
  type SourceUnits,
} from '../source.js'
import { commentSuppressions } from '../shared/suppressions.js'
import { KustomizeBuilder, type Build } from './build.js'
import { findFluxKustomizations, FLUX_GROUP, substitute, unmatchedTargetFindings } from './flux.js'
import { buildGroups, rootsOfPart } from './groups.js'
import { KUSTOMIZATION_FILE_NAMES } from './kustomization.js'
import { locateRendered } from '../shared/locate-rendered.js'
import { renderKustomization } from '../shared/run-renderer.js'
import type { RepositoryFiles } from '../shared/repository-files.js'
import { errorText } from '../../model/error-text.js'

/** Below this many kustomization files, one thread builds them all. */
const PART_MIN_KUSTOMIZATIONS = 40
/** Parts per thread: the builds differ in size. */
const PARTS_PER_THREAD = 1

/**
 * Kustomize builds as sources of the effective ServiceAccounts and workloads. Every
 * kustomization that no other kustomization builds on is a build; its objects are reported as
 * built (namespace, prefixes, patches applied), and the files it reads are consumed: the plain
 * Kubernetes source does not report them again on their own. Many builds are made in parts, on
 * several threads (see rootsOfPart); reading whole is merging the one part.
 */
export const kustomizeSource: Source = {
  name: 'kustomize',
  kinds: ['kustomization'],
  read(files, context) {
    return mergeKustomizeParts([readKustomizePart(files, context, 0, 1)], context)
  },
  parts: kustomizeParts(),
  units(files, context): SourceUnits<KustomizePart> {
    const paths = files.map((file) => file.path)
    const planner = new KustomizeBuilder(context.repository, { sniff: sniffs(context) })
    // Flux builds decide the build roots: a repository with them is one unit.
    if (findFluxKustomizations(context.files, context.repository, planner).length > 0)
      return {
        ids: ['whole'],
        read: () => readKustomizePart(files, context, 0, 1),
        merge: (parts) => mergeKustomizeParts(parts, context),
      }
    const roots = buildRoots(paths, planner)
    const rootIndex = new Map(roots.map((root, index) => [root, index]))
    // A unit per group of builds that load a common resource file (see rootsOfPart), and one for the kustomization files read.
    const groups = buildGroups(roots, (root) => planner.loadsOf(root)).map((group) =>
      group.map((index) => roots[index] ?? ''),
    )
    return {
      ids: ['inputs', ...groups.map((group) => `roots\0${group.join('\0')}`)],
      read: (id) =>
        id === 'inputs'
          ? { inputs: paths, flux: [], runs: [], files: [] }
          : readKustomizeRoots(id.split('\0').slice(1), context, rootIndex),
      adopt: (_id, part) => ({
        ...part,
        runs: part.runs.map((run) => ({ ...run, root: rootIndex.get(run.path) ?? run.root })),
      }),
      merge: (parts) => mergeKustomizeParts(parts, context),
    }
  },
}

function kustomizeParts(): SourceParts<KustomizePart> {
  return {
    count(files, threads, context) {
      // Every part makes the Flux builds (they decide the build roots): a repository with them is read whole.
      if (threads <= 1 || files.length < PART_MIN_KUSTOMIZATIONS || mayHoldFluxKustomizations(context.files)) return 1
      return Math.min(threads * PARTS_PER_THREAD, Math.ceil(files.length / PART_MIN_KUSTOMIZATIONS))
    },
    read: readKustomizePart,
    merge: mergeKustomizeParts,
  }
}

/** What one part built: plain data, sent between threads. */
export interface KustomizePart {
  /** The kustomization files read (part 0's; the others leave it empty). */
  inputs: string[]
  /** The Flux builds (part 0's; every part makes them). */
  flux: BuildRun[]
  /** The builds of the part's roots, with each root's place among all roots. */
  runs: (BuildRun & { root: number })[]
  /** The own findings of the files its builds read. */
  files: FileEntry[]
}

/** A file's syntax findings and comment suppressions, and how much of it a build parsed. */
interface FileEntry {
  path: string
  parsed: 'every-document' | 'some-documents' | 'not-parsed'
  findings: SourceResult['findings']
  suppressions: Suppression[]
}

const PARSED_RANK: Record<FileEntry['parsed'], number> = { 'not-parsed': 0, 'some-documents': 1, 'every-document': 2 }

function sniffs(context: SourceContext): boolean {
  // A rendered build is located by the native one, object by object: it needs them all.
  return context.sniff === true && context.config.kustomize !== 'render'
}

function readKustomizePart(
  files: readonly SourceFile[],
  context: SourceContext,
  part: number,
  count: number,
): KustomizePart {
  const repository = context.repository
  const sniff = sniffs(context)
  const builder = new KustomizeBuilder(repository, { sniff })
  // A kustomization a Flux Kustomization deploys is built as Flux builds it, not on its own.
  const flux = fluxBuilds(builder, repository, context)
  const fluxFiles = new Set(flux.flatMap((run) => [...run.files]))
  const roots = buildRoots(
    files.map((file) => file.path),
    builder,
  ).filter((path) => !fluxFiles.has(path))
  builder.plan(roots)
  const owned = count === 1 ? [...roots.keys()] : rootsOfPart(roots, (root) => builder.loadsOf(root), part, count)
  const runs = owned.map((root) => ({ ...runBuild(roots[root] ?? '', builder, repository, context, false), root }))
  const read = new Set<string>()
  for (const run of [...(part === 0 ? flux : []), ...runs]) for (const file of run.files) read.add(file)
  return {
    inputs: part === 0 ? files.map((file) => file.path) : [],
    flux: part === 0 ? flux : [],
    runs,
    files: [...read].map((path) => fileEntry(path, repository, builder, sniff)),
  }
}

/** The builds of these roots (a group of them, see buildGroups) with a builder of their own, as readKustomizePart makes them. */
function readKustomizeRoots(
  roots: readonly string[],
  context: SourceContext,
  rootIndex: ReadonlyMap<string, number>,
): KustomizePart {
  const repository = context.repository
  const sniff = sniffs(context)
  const builder = new KustomizeBuilder(repository, { sniff })
  builder.plan(roots)
  const runs = roots.map((root) => ({
    ...runBuild(root, builder, repository, context, false),
    root: rootIndex.get(root) ?? 0,
  }))
  const read = new Set<string>()
  for (const run of runs) for (const file of run.files) read.add(file)
  return { inputs: [], flux: [], runs, files: [...read].map((path) => fileEntry(path, repository, builder, sniff)) }
}

/**
 * The parts' builds in root order, the builds that must be made again from every document made
 * again, and the files' own findings once each, as reading all builds at once gives them.
 */
function mergeKustomizeParts(parts: readonly KustomizePart[], context: SourceContext): SourceResult {
  const result = emptyResult()
  const repository = context.repository
  const sniff = sniffs(context)
  const flux = parts[0]?.flux ?? []
  const runs: BuildRun[] = parts.flatMap((part) => part.runs).sort((a, b) => a.root - b.root)
  // A file some build parsed whole reports the findings of every document.
  const entries = new Map<string, FileEntry>()
  const keep = (entry: FileEntry): void => {
    const known = entries.get(entry.path)
    if (!known || PARSED_RANK[entry.parsed] > PARSED_RANK[known.parsed]) entries.set(entry.path, entry)
  }
  for (const part of parts) for (const entry of part.files) keep(entry)
  if (sniff) {
    const builder = new KustomizeBuilder(repository, { sniff })
    for (const index of rebuildWhereLookedUpByName(runs, builder, repository, context))
      for (const path of runs[index]?.files ?? [])
        if (builder.parsedManifest(path)) keep(fileEntry(path, repository, builder, sniff))
  }
  const consumed = new Set<string>()
  for (const run of [...flux, ...runs]) {
    for (const file of run.files) consumed.add(file)
    appendResult(result, run.result)
  }
  for (const part of parts) for (const path of part.inputs) consumed.add(path)
  for (const path of consumed) {
    const entry = entries.get(path) ?? fileEntry(path, repository, undefined, sniff)
    result.findings.push(...entry.findings)
    result.suppressions.push(...entry.suppressions)
  }
  result.findings = oneNotePerMissingPath(result.findings)
  dropRepeats(result)
  result.consumedFiles = [...consumed]
  return result
}

/** Whether some Kubernetes file may declare a Flux Kustomization (a cheap look at the text). */
function mayHoldFluxKustomizations(files: readonly SourceFile[]): boolean {
  return files.some((file) => file.kind === 'kubernetes' && file.text.includes(FLUX_GROUP))
}

/** A path many kustomizations list (every overlay of a base that is not there): one note, at the first place that lists it. */
function oneNotePerMissingPath(findings: SourceResult['findings']): SourceResult['findings'] {
  const byPath = new Map<string, SourceResult['findings']>()
  for (const finding of findings) {
    if (!finding.key?.startsWith('kustomize-missing:')) continue
    const list = byPath.get(finding.key) ?? []
    list.push(finding)
    byPath.set(finding.key, list)
  }
  const kept = new Map<string, SourceResult['findings'][number]>()
  for (const [key, list] of byPath) {
    const places = [...new Map(list.map((finding) => [formatLocation(finding.location), finding])).values()].sort(
      (a, b) => compareLocations(a.location, b.location),
    )
    const first = places[0]!
    const others = places.length - 1
    kept.set(
      key,
      others === 0
        ? first
        : {
            ...first,
            message: `${first.message}; ${others} other ${others === 1 ? 'place lists' : 'places list'} it too`,
          },
    )
  }
  const result: SourceResult['findings'] = []
  for (const finding of findings) {
    const key = finding.key
    if (!key?.startsWith('kustomize-missing:')) result.push(finding)
    else if (kept.has(key)) {
      result.push(kept.get(key)!)
      kept.delete(key)
    }
  }
  return result
}

function compareLocations(a: Location, b: Location): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column
}

/** The Flux Kustomizations' builds of their spec.path, each in its own deploy unit. */
function fluxBuilds(builder: KustomizeBuilder, repository: RepositoryFiles, context: SourceContext): BuildRun[] {
  const runs: BuildRun[] = []
  for (const flux of findFluxKustomizations(context.files, repository, builder)) {
    const run: BuildRun = {
      path: flux.kustomization.path,
      result: emptyResult(),
      files: new Set(),
      skippedDocuments: false,
    }
    try {
      const build = builder.buildFrom(flux.kustomization)
      substitute(build, flux)
      // The Flux object's own file is read on its own, unless the build loads it as a manifest.
      if (!build.resources.some((resource) => resource.path === flux.kustomization.path))
        build.files.delete(flux.kustomization.path)
      run.files = build.files
      run.result = buildResult(build, repository, context, flux.unit)
      run.result.findings.push(...unmatchedTargetFindings(build, flux))
    } catch (error) {
      run.result.findings.push({
        ruleId: 'parse-error',
        location: fileLocation(flux.kustomization.path),
        message: `Cannot build ${flux.unit}: ${errorText(error)}`,
      })
    }
    runs.push(run)
  }
  return runs
}

interface BuildRun {
  path: string
  result: SourceResult
  files: ReadonlySet<string>
  skippedDocuments: boolean
}

function runBuild(
  path: string,
  builder: KustomizeBuilder,
  repository: RepositoryFiles,
  context: SourceContext,
  everyDocument: boolean,
): BuildRun {
  const run: BuildRun = { path, result: emptyResult(), files: new Set(), skippedDocuments: false }
  try {
    const build = everyDocument ? builder.build(path, true) : builder.build(path)
    if (!build) return run
    run.files = build.files
    run.skippedDocuments = build.skippedDocuments
    run.result = buildResult(build, repository, context)
  } catch (error) {
    run.result = emptyResult()
    run.result.findings.push({
      ruleId: 'parse-error',
      location: fileLocation(path),
      message: `Cannot build ${path}: ${errorText(error)}`,
    })
  }
  return run
}

/**
 * A rule looks up some objects by kind, file, name and namespace (see pathsLookedUpByName); a
 * document some build left unread could be the one it finds first, so each build that left a
 * document unread in one of those files (or in a kustomization that may locate such an object)
 * is made again from every document. The indexes of the runs made again.
 */
function rebuildWhereLookedUpByName(
  runs: BuildRun[],
  builder: KustomizeBuilder,
  repository: RepositoryFiles,
  context: SourceContext,
): number[] {
  const lookedUp = new Set<string>()
  for (const run of runs) for (const path of pathsLookedUpByName(run.result.facts)) lookedUp.add(path)
  if (lookedUp.size === 0) return []
  const rebuilt: number[] = []
  for (const [index, run] of runs.entries()) {
    if (!run.skippedDocuments || ![...run.files].some((file) => lookedUp.has(file))) continue
    const again = runBuild(run.path, builder, repository, context, true)
    runs[index] = { ...again, files: new Set([...run.files, ...again.files]) }
    rebuilt.push(index)
  }
  return rebuilt
}

/** Kustomizations no other kustomization builds on (components are never built alone). */
function buildRoots(paths: readonly string[], builder: KustomizeBuilder): string[] {
  const referenced = new Set<string>()
  for (const path of paths) {
    const kustomization = builder.kustomization(path)
    // A kustomization that names itself is still a build (which then reports the cycle).
    if (kustomization)
      for (const file of builder.referencedKustomizations(kustomization)) if (file !== path) referenced.add(file)
  }
  return paths.filter((path) => !referenced.has(path) && builder.kustomization(path)?.kind === 'Kustomization')
}

function buildResult(
  build: Build,
  repository: RepositoryFiles,
  context: SourceContext,
  unit = `kustomize ${build.kustomization.directory}`,
): SourceResult {
  const result = emptyResult()
  result.findings.push(...build.findings)
  let objects: BuiltObject[] = build.resources
  // A Flux build is not a kustomization file kubectl could build.
  const rendered =
    context.config.kustomize === 'render' && !unit.startsWith('flux ') ? render(build, repository, context) : undefined
  if (rendered?.objects) objects = rendered.objects
  if (rendered?.note) result.findings.push(rendered.note)
  if (!rendered?.objects) {
    for (const field of build.unevaluated) {
      result.findings.push({
        ruleId: 'parse-error',
        level: 'note',
        location: field.location,
        message: `irsa-guard does not evaluate the kustomize field ${field.value}, so names, namespaces and annotations it sets are not seen; set the kustomize-render input (CLI: --kustomize-render) to build with kubectl`,
        key: `kustomize-unevaluated:${field.value}`,
      })
    }
  }
  // A rendered build has its vars and replacements applied already.
  const read = readKubernetesObjects(
    objects,
    'kustomize',
    (path) => repository.text(path),
    rendered?.objects
      ? {}
      : {
          // `$(VAR)` in an annotation is replaced only when a `configurations` varReference adds metadata/annotations: the default varReference fieldSpecs (kustomize api/konfig/builtinpluginconsts/varreference.go) hold container commands, args and env, not annotations.
          kustomizeVars:
            build.unevaluated.some((field) => field.value === 'vars') &&
            build.unevaluated.some((field) => field.value === 'configurations'),
          replacedAnnotations: build.replacesAnnotations,
        },
  )
  placeInUnit(read.facts, unit)
  appendResult(result, read)
  return result
}

type Rendered = { objects?: BuiltObject[]; note?: SourceResult['findings'][number] }

/** The build rendered by kubectl, located by the native build; undefined objects mean "use the native build". */
function render(build: Build, repository: RepositoryFiles, context: SourceContext): Rendered | undefined {
  // A build with remote or unreadable parts would make kubectl fetch or fail: the native build stands.
  if (!build.complete || context.root === undefined) return undefined
  const directory = repository.absolute(build.kustomization.directory)
  if (!directory) return undefined
  const outcome = renderKustomization(directory, context.root)
  const location = fileLocation(build.kustomization.path)
  if (!outcome.ok) {
    return {
      note: {
        ruleId: 'parse-error',
        level: outcome.missingTool ? 'note' : 'warning',
        location,
        message: outcome.missingTool
          ? `Cannot render ${build.kustomization.path} (kustomize-render): ${outcome.reason}; the native build was used`
          : `Cannot render ${build.kustomization.path}: ${outcome.reason}; the native build was used`,
        key: `kustomize-render:${build.kustomization.path}`,
      },
    }
  }
  return { objects: locateRendered(outcome.text, build.resources, location) }
}

/** A file's own syntax findings and comment suppressions, as the builder parsed it (or on its own when it did not). */
function fileEntry(
  path: string,
  repository: RepositoryFiles,
  builder: KustomizeBuilder | undefined,
  sniff: boolean,
): FileEntry {
  const parsed = builder?.parsedManifest(path)
  if (parsed)
    return {
      path,
      parsed: parsed.everyDocument ? 'every-document' : 'some-documents',
      findings: parsed.findings,
      suppressions: parsed.suppressions,
    }
  const entry: FileEntry = { path, parsed: 'not-parsed', findings: [], suppressions: [] }
  const text = repository.text(path)
  if (text === undefined) return entry
  if (
    KUSTOMIZATION_FILE_NAMES.includes(
      path.slice(path.lastIndexOf('/') + 1) as (typeof KUSTOMIZATION_FILE_NAMES)[number],
    )
  ) {
    entry.suppressions = commentSuppressions(path, text, ['#'])
    return entry
  }
  const read = readKubernetesFile({ path, kind: 'kubernetes', text }, { sniff })
  entry.findings = read.findings
  entry.suppressions = read.suppressions.filter((suppression: Suppression) => suppression.form === 'comment')
  return entry
}
