import type { Config } from '../config.js'
import type { FileKind } from '../discover/classify.js'
import type { Facts } from '../model/facts.js'
import type { SourceFinding } from '../model/finding.js'
import type { Suppression } from '../model/suppression.js'
import { RepositoryFiles } from './shared/repository-files.js'
import { useYamlFastPath } from './shared/yaml-tree.js'

/** A discovered file with its text already read and its kind decided. */
export interface SourceFile {
  /** Repository-relative, `/`-separated. */
  path: string
  kind: FileKind
  text: string
  /** The text's length, when known without reading the text (a worker thread reads a file's text when first asked for it). */
  readonly textLength?: number
}

export interface SourceResult {
  facts: Partial<Facts>
  findings: SourceFinding[]
  suppressions: Suppression[]
  /**
   * Repository-relative paths of files this source has read on behalf of the sources registered
   * after it (the resources and patches of a Kustomize build, a chart's templates): the engine
   * does not pass them to those sources, so their objects are reported once, as built.
   */
  consumedFiles?: string[]
}

export interface SourceContext {
  config: Config
  /** Every file of the scan, by kind (scripts too), for sources that bind to other files. */
  files: readonly SourceFile[]
  /** Absolute path of the scanned root, when known. */
  root?: string
  /**
   * The one reader of repository files for sources: the scanned files, and (when the root is
   * known) any other file below the root a source names (a patch, a values file, a `file()`
   * template, a chart to copy), with discovery's checks: never outside the root, links out of it
   * refused, regular files only, at most `max-file-bytes`.
   */
  repository: RepositoryFiles
  /**
   * Set to true to let a source skip, by a cheap look at its text, a part that no rule can report
   * on and that no other part depends on (a manifest document with nothing IRSA touches), checking
   * only its syntax with a faster parser: the findings are the same. check() sets it by default.
   */
  sniff?: boolean
  /**
   * Set to true to let the Terraform source blank, before parsing, the bodies of the `resource` and
   * `data` blocks nothing reads (terraform/block-filter.ts): the findings are the same. check()
   * sets it by default.
   */
  hclFilter?: boolean
  /**
   * false makes the Terraform source parse every file with tree-sitter, without trying its fast
   * parser first (terraform/fast-parse.ts): the findings are the same. Default: on.
   */
  hclFast?: boolean
}

/**
 * One input format. It receives every file of the kinds it declares at once (Terraform needs a
 * module directory together; most sources just loop). It never throws on bad input: it reports a
 * located finding (`parse-error`, or a grammar rule id) and returns what it could read.
 */
export interface Source {
  name: string
  kinds: readonly FileKind[]
  /** Asynchronous set-up before `read` (loading a parser); the engine awaits it only when the scan has files of the source's kinds. */
  prepare?(files: readonly SourceFile[]): Promise<void>
  read(files: readonly SourceFile[], context: SourceContext): SourceResult
  /**
   * Set when reading files one by one and appending the results (appendResult) gives the result
   * of reading them all at once: the engine may then split the files over worker threads.
   */
  perFile?: boolean
  /** Set when the source can also read its files in parts, on several threads (see SourceParts). */
  parts?: SourceParts<unknown>
  /** Set when the input can also be read unit by unit, for the fact cache (see SourceUnits). */
  units?(files: readonly SourceFile[], context: SourceContext): SourceUnits<unknown>
}

/**
 * A source read in `count` parts: each part receives the source's whole input and reads the
 * share it owns (a part may look at the rest, say the modules its modules call); `merge` of every
 * part's result, in part order (on the thread that scheduled them, with its context), is exactly
 * what `read` returns. Parts cross between threads, so
 * they are plain data.
 */
export interface SourceParts<Part> {
  /** How many parts to read these files in, for this many threads; 1 means reading them whole. */
  count(files: readonly SourceFile[], threads: number, context: SourceContext): number
  read(files: readonly SourceFile[], context: SourceContext, part: number, count: number): Part
  merge(parts: readonly Part[], context: SourceContext): SourceResult
}

/**
 * A source's input as units read one by one (a Terraform module directory, a group of Kustomize
 * builds, a chart with its releases), so that a cache can keep each unit's part: `merge` of every
 * unit's part, in `ids` order, is exactly what the source's `read` returns. A unit's part depends
 * only on its id and on what `read` asks of the context while it runs (file texts, the repository
 * reader): what was read to find the units is either in the id or read again by `read`.
 */
export interface SourceUnits<Part> {
  ids: string[]
  read(id: string): Part
  /** A part an earlier run read for this unit, fitted to this run (where it refers to the other units). */
  adopt?(id: string, part: Part): Part
  merge(parts: readonly Part[]): SourceResult
}

export interface SourceContextOptions {
  config: Config
  files: readonly SourceFile[]
  root?: string
  sniff?: boolean
  hclFilter?: boolean
  hclFast?: boolean
  /** false: parseYamlTree without its fast parser (see useYamlFastPath; default true). */
  yamlFast?: boolean
  /** The repository reader to use (default: a new one over `files` and `root`). */
  repository?: RepositoryFiles
}

/** The context every source of one scan reads with (one per thread: the repository reader caches). */
export function sourceContext(options: SourceContextOptions): SourceContext {
  useYamlFastPath(options.yamlFast !== false)
  const context: SourceContext = {
    config: options.config,
    files: options.files,
    sniff: options.sniff === true,
    hclFilter: options.hclFilter === true,
    hclFast: options.hclFast !== false,
    repository: options.repository ?? new RepositoryFiles(options.files, options.root, options.config.maxFileBytes),
  }
  if (options.root !== undefined) context.root = options.root
  return context
}

export function emptyResult(): SourceResult {
  return { facts: {}, findings: [], suppressions: [] }
}

/** A Source that reads each file on its own. */
export function perFileSource(
  name: string,
  kinds: readonly FileKind[],
  readFile: (file: SourceFile, context: SourceContext) => SourceResult,
): Source {
  return {
    name,
    kinds,
    perFile: true,
    read(files, context) {
      const result = emptyResult()
      for (const file of files) appendResult(result, readFile(file, context))
      return result
    },
  }
}

/** How much text the files hold, in UTF-16 code units. */
export function textLength(files: readonly SourceFile[]): number {
  let length = 0
  for (const file of files) length += file.textLength ?? file.text.length
  return length
}

/** Drops the findings and suppressions equal to an earlier one (a file several builds or releases read reports once). */
export function dropRepeats(result: SourceResult): void {
  result.findings = firstOfEach(result.findings)
  result.suppressions = firstOfEach(result.suppressions)
}

function firstOfEach<T>(items: readonly T[]): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = JSON.stringify(item)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function appendResult(into: SourceResult, from: SourceResult): void {
  for (const key of Object.keys(from.facts) as (keyof Facts)[]) {
    const items = from.facts[key]
    if (!items) continue
    const existing = (into.facts[key] ?? []) as unknown[]
    for (const item of items) existing.push(item)
    ;(into.facts as Record<string, unknown[]>)[key] = existing
  }
  for (const finding of from.findings) into.findings.push(finding)
  for (const suppression of from.suppressions) into.suppressions.push(suppression)
}
