import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { deserialize, serialize } from 'node:v8'
import type { Config } from '../config.js'
import type { DirectoryListings } from '../discover/discover.js'
import { prepareSources, type SourceRunOptions } from '../run-sources.js'
import { filesOfKinds, groupByKind, inputOf, mergeResults, type SourceRun } from '../source-inputs.js'
import { allSources } from '../sources/index.js'
import { type RepositoryFiles } from '../sources/shared/repository-files.js'
import { installParseMemo, removeParseMemo, type ParseMemo } from '../sources/shared/parse-memo.js'
import {
  sourceContext,
  type Source,
  type SourceContext,
  type SourceFile,
  type SourceResult,
} from '../sources/source.js'
import { VERSION } from '../version.js'
import { FactStore, sha256 } from './fact-store.js'
import { observationsHold, RecordingRepositoryFiles, recordingFiles, TextReads } from './recording-repository.js'

/** How a cached run went: entries used again, and entries read afresh, in all and per source. */
export interface CacheStatistics {
  hits: number
  misses: number
  bySource: Record<string, { hits: number; misses: number }>
}

/**
 * The sources as `readSources` runs them, with results kept in a FactStore between runs.
 *
 * A per-file source's result for one file depends on the file's path and text, the config and
 * the sniff setting only: it is keyed by those. Any other source (Terraform, Kustomize, Helm,
 * AWS profiles, IAM JSON, plans) may look at every scanned file: it is cached by unit when it has
 * units (a Terraform module directory, a group of Kustomize builds; see SourceUnits), else as one
 * unit. A unit's entry is keyed by the scan's list of files (paths and kinds) and the source's
 * input, and used again only while every scanned file whose text it read has the same content and
 * each question it asked about the disk beyond them has the same answer (RecordingRepositoryFiles).
 * So a changed file re-reads the units that read it; a file added, removed or renamed re-reads
 * every unit.
 *
 * `listings` (discovery's directory listings) spare the checks and the units the disk questions
 * the walk already answered (see RepositoryFiles).
 *
 * Content ids are hashes of the text the sources read. Git's blob ids would need git to vouch
 * that a checked-out file still matches its index entry, and git answers that by running what the
 * repository's own .git/config names (core.fsmonitor, clean filters); the texts are in memory
 * anyway, since classification reads every file.
 */
export async function readSourcesCached(
  files: readonly SourceFile[],
  options: SourceRunOptions,
  directory: string,
  listings?: DirectoryListings,
): Promise<{ runs: SourceRun[]; statistics: CacheStatistics }> {
  const sniff = options.sniff === true
  const store = FactStore.open(directory, scopeOf(options.config, sniff))
  const ids = new Map(files.map((file) => [file.path, contentId(file.text)]))
  const fileList = sha256(files.map((file) => `${file.path}\0${file.kind}`).join('\0'))
  const textReads = new TextReads()
  const recorded = recordingFiles(files, textReads)
  const repository = new RecordingRepositoryFiles(recorded, options.root, options.config.maxFileBytes, listings)
  const context: SourceContext = sourceContext({ ...options, files: recorded, repository })
  // Stored units are checked with the same reader (it records nothing between recordings), so each disk question is asked once.
  const current = repository
  const answers = new Map<string, string>()
  const byKind = groupByKind(recorded)
  const consumed = new Set<string>()
  const prepared = new Set<Source>()
  const prepare = async (source: Source): Promise<void> => {
    if (prepared.has(source)) return
    prepared.add(source)
    await prepareSources(filesOfKinds(files, source.kinds))
  }
  const statistics: CacheStatistics = { hits: 0, misses: 0, bySource: {} }
  const count = (source: Source, hit: boolean): void => {
    const counts = (statistics.bySource[source.name] ??= { hits: 0, misses: 0 })
    counts[hit ? 'hits' : 'misses'] += 1
    statistics[hit ? 'hits' : 'misses'] += 1
  }
  const readsId = (paths: readonly string[]): string => sha256(paths.map((path) => ids.get(path) ?? '').join('\0'))
  /** A unit's stored part when it still holds, else undefined. */
  const storedPart = (key: string): unknown => {
    const entry = store.get(key)
    if (!entry || !('part' in entry)) return undefined
    if (entry.reads.some((path) => !ids.has(path)) || readsId(entry.reads) !== entry.readsId) return undefined
    if (!observationsHold(entry.observations, current, answers)) return undefined
    store.keep(key)
    return entry.part
  }
  /** Reads a unit, recording what it reads, and stores it unless it reached beyond the repository reader. */
  const readUnit = (key: string, read: () => unknown): unknown => {
    textReads.paths = new Set()
    const observations = repository.record(true)
    try {
      const part = read()
      const reads = [...textReads.paths].sort()
      if (!repository.escaped) store.set(key, { part, reads, readsId: readsId(reads), observations })
      return part
    } finally {
      textReads.paths = undefined
      repository.record(false)
    }
  }
  // Files parsed on their own (kustomizations, Chart.yaml files) are kept by path and content id: a
  // copy of the stored result stands for the parse (while this function runs; see memoizedParse).
  const memo: ParseMemo = {
    parse<T>(kind: string, path: string, text: string, parse: () => T): T {
      const key = `parse\0${kind}\0${path}\0${contentId(text)}`
      const entry = store.get(key)
      if (entry && 'parsed' in entry) {
        store.keep(key)
        return entry.parsed as T
      }
      const parsed = parse()
      try {
        store.set(key, { parsed })
        // A copy as a later run gets it: the Helm source digests its charts with v8.serialize, which
        // tells a fresh array from a decoded one (and the unit ids would differ from run to run).
        return deserialize(serialize(parsed)) as T
      } catch {
        // Not plain data (v8.serialize refused it): parsed again next time.
        return parsed
      }
    },
  }
  installParseMemo(memo)
  try {
    return { runs: await runSources(), statistics }
  } finally {
    removeParseMemo(memo)
    try {
      if (store.dirty) store.save()
    } catch {
      // A cache that cannot be written costs the next run time, never a finding.
    }
  }

  async function runSources(): Promise<SourceRun[]> {
    const runs: SourceRun[] = []
    for (const source of allSources) {
      const input = inputOf(source, byKind, consumed)
      if (input.length === 0) continue
      let result: SourceResult
      if (source.perFile) {
        const results: SourceResult[] = []
        for (const file of input) {
          const key = `file\0${source.name}\0${file.path}\0${ids.get(file.path)}`
          const entry = store.get(key)
          let fileResult = entry && 'result' in entry ? entry.result : undefined
          count(source, fileResult !== undefined)
          if (fileResult) store.keep(key)
          else {
            await prepare(source)
            const guarded = new GuardedContext(context)
            fileResult = source.read([file], guarded)
            if (!guarded.lookedBeyondFile) store.set(key, { result: fileResult })
          }
          results.push(fileResult)
        }
        result = mergeResults(results)
      } else {
        const prefix = `unit\0${source.name}\0${fileList}\0${sha256(input.map((file) => file.path).join('\0'))}\0`
        const units = source.units?.(input, context)
        const unitIds = units?.ids ?? ['whole']
        const parts = unitIds.map((id) => storedPart(prefix + id))
        for (const part of parts) count(source, part !== undefined)
        if (parts.includes(undefined)) await prepare(source)
        const fresh = parts.map((part, index) => {
          const id = unitIds[index] ?? ''
          if (part === undefined)
            return readUnit(prefix + id, () => (units ? units.read(id) : source.read(input, context)))
          return units?.adopt ? units.adopt(id, part) : part
        })
        result = units ? units.merge(fresh) : (fresh[0] as SourceResult)
      }
      runs.push({ source, result })
      for (const path of result.consumedFiles ?? []) consumed.add(path)
    }
    return runs
  }
}

/** What every entry depends on besides the files: irsa-guard itself (its version and its very code) and the effective config. */
function scopeOf(config: Config, sniff: boolean): string {
  return sha256(stableJson({ version: VERSION, build: buildId(), config, sniff }))
}

let build: string | undefined

/** A digest of the script this code runs from (the bundle, or this module unbundled), so that a changed build never reads another's entries. */
function buildId(): string {
  if (build === undefined) {
    try {
      build = sha256(readFileSync(fileURLToPath(import.meta.url)))
    } catch {
      build = 'unknown'
    }
  }
  return build
}

/**
 * The context a per-file source reads one file with: it notes when the source looks at other
 * files (the scan's file list, the repository reader), whose result then depends on more than
 * the file and is not stored.
 */
class GuardedContext implements SourceContext {
  lookedBeyondFile = false
  readonly config: Config
  readonly sniff?: boolean
  readonly root?: string

  constructor(private readonly inner: SourceContext) {
    this.config = inner.config
    if (inner.sniff !== undefined) this.sniff = inner.sniff
    if (inner.root !== undefined) this.root = inner.root
  }

  get files(): readonly SourceFile[] {
    this.lookedBeyondFile = true
    return this.inner.files
  }

  get repository(): RepositoryFiles {
    this.lookedBeyondFile = true
    return this.inner.repository
  }
}

function contentId(text: string): string {
  return createHash('sha1').update(text).digest('base64url')
}

/** JSON with object keys sorted, so that equal configs give equal text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  )
}
