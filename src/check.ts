import { hash } from 'node:crypto'
import { ConfigError, defaultConfig, ignoreEntryExpired, utcToday, type Config, type IgnoreEntry } from './config.js'
import { chainCoverage, type ChainCoverage } from './coverage.js'
import { discover, type DirectoryListings } from './discover/discover.js'
import { compilePathGlob } from './discover/patterns.js'
import { Graph } from './graph.js'
import { emptyFacts, mergeFacts, type Facts } from './model/facts.js'
import { levelRank, type Finding, type FindingDraft, type Level, type SourceFinding } from './model/finding.js'
import type { Suppression } from './model/suppression.js'
import { allRules } from './rules/index.js'
import type { Rule, RuleContext, RuleMeta, ScanSummary } from './rules/rule.js'
import {
  defaultWorkerCount,
  readPreparedSources,
  readSources,
  readSourcesInParallel,
  readSourcesWithWorkers,
  startSourceWorkers,
  workerCountFor,
  type FileOrigins,
  type SourceRunOptions,
  type SourceRun,
  type SourceWorkers,
} from './run-sources.js'
import { candidateReader, readCandidatesShared } from './shared-reading.js'
import { readSourcesCached, type CacheStatistics } from './cache/cached-sources.js'
import { mergeSameResources } from './merge-same-resources.js'
import { collationRanks } from './text/collation.js'
import { ownString, StringPool } from './text/own-string.js'
import type { SourceFile } from './sources/source.js'

export { prepareSources } from './run-sources.js'

export interface CheckOptions {
  /** Absolute path of the repository root; every reported path is relative to it. */
  root: string
  config?: Config
  /** Facts from elsewhere (live AWS) joined into the same graph. */
  extraFacts?: Partial<Facts>
  /** Extra rules to run (the live rules), besides the offline catalogue. */
  extraRules?: readonly Rule[]
  /**
   * Worker threads that read files alongside this one: 0 reads everything on this thread.
   * Default: the IRSA_GUARD_WORKERS environment variable (used when the scan has enough text to
   * repay them), else none (see defaultWorkerCount). The findings are the same either way.
   */
  workers?: number
  /**
   * true lets the sources skip, by a cheap look at the text, the manifest documents no rule can
   * report on (see SourceContext.sniff), checking only their syntax with a faster parser: the
   * findings are the same. Default: on, unless the IRSA_GUARD_SNIFF environment variable is 0.
   */
  sniff?: boolean
  /**
   * true lets the Terraform source blank, before parsing, the bodies of the `resource` and `data`
   * blocks nothing reads (see SourceContext.hclFilter): the findings are the same. Default: on,
   * unless the IRSA_GUARD_HCL_FILTER environment variable is 0.
   */
  hclFilter?: boolean
  /**
   * false parses every Terraform file with tree-sitter, without the fast parser of the subset of
   * HCL most files are written in (see SourceContext.hclFast): the findings are the same. Default:
   * on, unless the IRSA_GUARD_HCL_FAST environment variable is 0.
   */
  hclFast?: boolean
  /**
   * false parses every YAML text with the yaml package alone, without the fast parser of the
   * block subset most manifests are written in (see useYamlFastPath): the findings are the same.
   * Default: on, unless the IRSA_GUARD_YAML_FAST environment variable is 0.
   */
  yamlFast?: boolean
  /**
   * Every include glob of the config must match a file (they came from the CLI's PATHs or the
   * action's `paths`): one that matches none is a ConfigError naming it, before anything is read.
   */
  includeMustMatch?: boolean
  /**
   * A directory the caller chose (never one the scanned repository names) for the fact cache:
   * what each source read is kept there and read again only for the files that changed (see
   * readSourcesCached); the findings are the same. The sources then run on this thread (worker
   * threads only read and classify files during discovery).
   */
  cacheDirectory?: string
  /** Told when each phase starts, for progress and timings (the engine itself keeps no time). */
  onPhase?: (phase: ScanPhase) => void
}

/** A phase of check(), as it starts. */
export type ScanPhase =
  | { name: 'discover' }
  | { name: 'read'; files: number; filesPerKind: ReadonlyMap<string, number>; workers: number }
  | { name: 'analyse' }
  | { name: 'done' }

export interface CheckResult {
  findings: Finding[]
  /** Every rule that ran (for SARIF `tool.driver.rules`). */
  rules: RuleMeta[]
  graph: Graph
  scan: ScanSummary
  /** Which chains were verified, and why the others could not be (never changes a finding). */
  coverage: ChainCoverage
  /** With a cacheDirectory: how many cache entries were used again and how many were read afresh. */
  cache?: CacheStatistics
}

/** The engine: discover → sources → graph → rules → findings. Knows nothing of GitHub or AWS. */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const config = options.config ?? defaultConfig()
  const sourceOptions = {
    config,
    root: options.root,
    sniff: options.sniff ?? sniffFromEnvironment(),
    hclFilter: options.hclFilter ?? hclFilterFromEnvironment(),
    hclFast: options.hclFast ?? process.env['IRSA_GUARD_HCL_FAST']?.trim() !== '0',
    yamlFast: options.yamlFast ?? process.env['IRSA_GUARD_YAML_FAST']?.trim() !== '0',
  }
  const requestedWorkers = options.workers ?? workersFromEnvironment()
  // With a cache too: the workers then read and classify a share of the files during the walk (and are ended after it).
  const early = new EarlyWorkers(requestedWorkers, sourceOptions)
  try {
    options.onPhase?.({ name: 'discover' })
    const scanned = await readRepository(options.root, config, early, options.cacheDirectory !== undefined)
    if (options.includeMustMatch && scanned.unmatchedIncludes.length > 0)
      throw new UnmatchedPathsError(scanned.unmatchedIncludes)
    const workers = options.cacheDirectory !== undefined ? 0 : workerCountFor(scanned.files, requestedWorkers)
    options.onPhase?.({ name: 'read', files: scanned.files.length, filesPerKind: filesPerKind(scanned.files), workers })
    early.stopStarting()
    const started = workers > 0 ? early.workers : undefined
    // Started early for a scan that turned out too small to repay them, or for a cached run (its sources run on this thread).
    if (!started) early.workers?.close()
    const cached =
      options.cacheDirectory !== undefined
        ? await readSourcesCached(scanned.files, sourceOptions, options.cacheDirectory, scanned.listings)
        : undefined
    const runs =
      cached?.runs ??
      (started
        ? (await readSourcesWithWorkers(scanned.files, sourceOptions, started, scanned.origins)).runs
        : workers > 0
          ? (await readSourcesInParallel(scanned.files, sourceOptions, workers)).runs
          : await readSources(scanned.files, sourceOptions))
    // The workers' memory is given back before the analysis.
    early.workers?.close()
    // And the texts: the rules read only what the sources made of them.
    for (const file of scanned.files) file.text = ''
    return finishCheck(runs, scanned, config, options, cached?.statistics)
  } finally {
    early.workers?.close()
  }
}

/** After reading: the rules over what the sources read. */
function finishCheck(
  runs: readonly SourceRun[],
  scanned: ScannedRepository,
  config: Config,
  options: CheckOptions,
  cache: CacheStatistics | undefined,
): CheckResult {
  options.onPhase?.({ name: 'analyse' })
  const result = analyseRuns(runs, scanned.files, scanned.filesSeen, config, {
    ...options,
    discoveryFindings: scanned.findings,
  })
  options.onPhase?.({ name: 'done' })
  return cache ? { ...result, cache } : result
}

/** Discovered candidates from which check() starts worker threads by default, before it knows how much text they hold (see EarlyWorkers). */
const EARLY_WORKER_CANDIDATES = 1000

/**
 * The worker threads check() starts while discovery walks, so that they load (the bundle, a
 * parser) during the walk and read their share of the candidates: at once when a number was asked
 * for, else (defaultWorkerCount, today none) once the walk has found EARLY_WORKER_CANDIDATES candidates. They
 * read sources only when workerCountFor, on the texts read, says so; else they are ended.
 */
class EarlyWorkers implements DiscoveryWorkers {
  workers: SourceWorkers | undefined
  private closed = false

  constructor(
    private readonly requested: number | undefined,
    private readonly options: SourceRunOptions,
  ) {
    if (requested !== undefined) this.start()
  }

  /** Told of each candidate the walk finds. */
  onCandidate(count: number): void {
    if (count === EARLY_WORKER_CANDIDATES && this.requested === undefined) this.start()
  }

  /** No worker starts after this (the reading is done). */
  stopStarting(): void {
    this.closed = true
  }

  private start(): void {
    if (this.closed || this.workers) return
    const count = this.requested ?? defaultWorkerCount()
    this.workers = startSourceWorkers(Math.max(0, Math.floor(count)), this.options)
  }
}

/** PATHs (CLI) or `paths` (action) of which one or more match no file: a usage error. */
export class UnmatchedPathsError extends ConfigError {
  override name = 'UnmatchedPathsError'
  constructor(readonly patterns: readonly string[]) {
    super(
      `${patterns.map((pattern) => JSON.stringify(pattern)).join(', ')} ${patterns.length === 1 ? 'matches' : 'match'} no file to scan ` +
        '(git-ignored and excluded files, and node_modules, vendor and test fixture directories, do not count)',
    )
  }
}

function filesPerKind(files: readonly SourceFile[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const file of files) counts.set(file.kind, (counts.get(file.kind) ?? 0) + 1)
  return counts
}

export interface ScannedRepository {
  /** The files some source may read, with their kinds, in path order. */
  files: SourceFile[]
  /** Notes about files that were not read. */
  findings: SourceFinding[]
  filesSeen: number
  /** The include globs that match no file. */
  unmatchedIncludes: string[]
  /** Where each file's text was read, when worker threads read some of them. */
  origins?: FileOrigins
  /** What the walk listed, when asked for (keepListings). */
  listings?: DirectoryListings
}

/** Worker threads that read a share of the discovered files: `workers` once started; `onCandidate` is told of each candidate the walk finds (and may start them). */
export interface DiscoveryWorkers {
  readonly workers: SourceWorkers | undefined
  onCandidate?(count: number): void
}

/**
 * Discovers, reads and classifies the files of a repository; with `early`, worker threads (started
 * before or during the walk) read and classify a share of the candidates: the same files, kinds,
 * texts and notes, in the same order.
 */
export async function readRepository(
  root: string,
  config: Config,
  early?: DiscoveryWorkers,
  keepListings = false,
): Promise<ScannedRepository> {
  const discovery = await discover(root, {
    keepListings,
    include: config.include,
    exclude: config.exclude,
    maxFileBytes: config.maxFileBytes,
    skipDirectories: config.fixtureDirectories,
    ...(early?.onCandidate ? { onCandidate: (count: number) => early.onCandidate?.(count) } : {}),
  })
  const workers = early?.workers?.handles ?? []
  const { reads, readBy } = await readCandidatesShared(discovery.candidates, config.maxFileBytes, workers)
  const findings = [...discovery.findings]
  const files: SourceFile[] = []
  const candidates: number[] = []
  for (const [index, candidate] of discovery.candidates.entries()) {
    const read = reads[index]
    if (read?.kind === undefined) {
      if (read?.finding) findings.push(read.finding)
      continue
    }
    files.push({ path: candidate.path, kind: read.kind, text: read.text })
    candidates.push(index)
  }
  return {
    files,
    findings,
    filesSeen: discovery.candidates.length,
    unmatchedIncludes: discovery.unmatchedIncludes,
    ...(discovery.listings ? { listings: discovery.listings } : {}),
    ...(workers.length > 0
      ? {
          origins: {
            candidates: Int32Array.from(candidates),
            readBy: (candidate: number) => candidateReader(readBy, candidate),
          },
        }
      : {}),
  }
}

function workersFromEnvironment(): number | undefined {
  const value = process.env['IRSA_GUARD_WORKERS']
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined
}

function sniffFromEnvironment(): boolean {
  return process.env['IRSA_GUARD_SNIFF']?.trim() !== '0'
}

function hclFilterFromEnvironment(): boolean {
  return process.env['IRSA_GUARD_HCL_FILTER']?.trim() !== '0'
}

type AnalyseOptions = Pick<CheckOptions, 'extraFacts' | 'extraRules'> & {
  discoveryFindings?: readonly SourceFinding[]
  root?: string
}

/** Everything after reading files, on this thread (`prepareSources` must have run): for callers that already hold file texts. */
export function analyse(
  files: readonly SourceFile[],
  filesSeen: number,
  config: Config,
  options: AnalyseOptions = {},
): CheckResult {
  return analyseRuns(
    readPreparedSources(files, options.root === undefined ? { config } : { config, root: options.root }),
    files,
    filesSeen,
    config,
    options,
  )
}

/** Facts of the sources → graph → rules → findings. */
function analyseRuns(
  runs: readonly SourceRun[],
  files: readonly SourceFile[],
  filesSeen: number,
  config: Config,
  options: AnalyseOptions,
): CheckResult {
  const facts = emptyFacts()
  const suppressions: Suppression[] = []
  for (const { result } of runs) {
    mergeFacts(facts, result.facts)
    for (const suppression of result.suppressions) suppressions.push(suppression)
  }
  if (options.extraFacts) mergeFacts(facts, options.extraFacts)

  const graph = new Graph(mergeSameResources(facts))
  const scan: ScanSummary = {
    relevantFiles: files.filter((file) => file.kind !== 'script').length + scriptsWithFacts(runs),
    filesSeen,
    include: config.include,
  }
  const ruleContext: RuleContext = { config, scan, suppressions }
  const rules = [...allRules, ...(options.extraRules ?? [])]
  const findings = new FindingCollector(config, rules, suppressions)
  for (const finding of config.findings ?? []) findings.add(finding)
  for (const finding of options.discoveryFindings ?? []) findings.add(finding)
  for (const { result } of runs) for (const finding of result.findings) findings.add(finding)
  for (const rule of rules) {
    if (config.rules[rule.meta.id] === 'off') continue
    for (const draft of rule.check(graph, ruleContext)) findings.add({ ...draft, ruleId: rule.meta.id })
  }
  const result = findings.done()
  const ruleMetas = rules.filter((rule) => config.rules[rule.meta.id] !== 'off').map((rule) => rule.meta)
  return { findings: result, rules: ruleMetas, graph, scan, coverage: chainCoverage(graph, config) }
}

type FindingDraftWithRule = FindingDraft & { ruleId: string }

/**
 * The findings of a scan, made from the drafts as the sources and rules give them (so that the
 * drafts are not all held at once): rule settings, suppressions and ignore entries applied, the
 * level and fingerprint set, and the second of two findings of one rule with one message on one
 * line dropped.
 */
class FindingCollector {
  private readonly findings: Finding[] = []
  /** The findings so far by message (held once: the findings' own strings). */
  private readonly byMessage = new Map<string, Finding | Finding[]>()
  private readonly metaById: Map<string, RuleMeta>
  private readonly suppressing: Map<string, Suppression[]>
  private readonly ignoring: { ignores(finding: FindingDraftWithRule): boolean }[]
  /** A related location's message ("role …", "ServiceAccount …") is often the same in many findings: held once. */
  private readonly relatedMessages = new StringPool()

  constructor(
    private readonly config: Config,
    rules: readonly Rule[],
    suppressions: readonly Suppression[],
  ) {
    this.metaById = new Map(rules.map((rule) => [rule.meta.id, rule.meta]))
    this.suppressing = suppressionsByPath(suppressions)
    this.ignoring = activeIgnoreEntries(config.ignore ?? [])
  }

  add(draft: FindingDraftWithRule): void {
    const setting = this.config.rules[draft.ruleId]
    if (setting === 'off') return
    if (isSuppressed(draft, this.suppressing)) return
    if (this.ignoring.some((entry) => entry.ignores(draft))) return
    const level: Level = setting ?? draft.level ?? this.metaById.get(draft.ruleId)?.level ?? 'warning'
    const finding: Finding = {
      ruleId: draft.ruleId,
      level,
      // Copies: a message is built of many pieces, which V8 keeps as a tree of concatenations.
      message: ownString(draft.message),
      location: draft.location,
      related: (draft.related ?? []).map((related) => ({
        location: related.location,
        message: this.relatedMessages.get(related.message),
      })),
      fingerprint: fingerprint(draft),
      ...(draft.replacement ? { replacement: draft.replacement } : {}),
    }
    const earlier = this.byMessage.get(finding.message)
    if (earlier === undefined) this.byMessage.set(finding.message, finding)
    else {
      const same = (other: Finding): boolean =>
        other.ruleId === finding.ruleId &&
        other.location.path === finding.location.path &&
        other.location.line === finding.location.line
      if (Array.isArray(earlier) ? earlier.some(same) : same(earlier)) return
      this.byMessage.set(finding.message, Array.isArray(earlier) ? [...earlier, finding] : [earlier, finding])
    }
    this.findings.push(finding)
  }

  /** The findings, in report order. */
  done(): Finding[] {
    this.byMessage.clear()
    sortFindings(this.findings)
    return this.findings
  }
}

/** Suppressions that have a reason, by the path they are in. */
function suppressionsByPath(suppressions: readonly Suppression[]): Map<string, Suppression[]> {
  const byPath = new Map<string, Suppression[]>()
  for (const suppression of suppressions) {
    if (suppression.reason === undefined) continue
    const list = byPath.get(suppression.location.path)
    if (list) list.push(suppression)
    else byPath.set(suppression.location.path, [suppression])
  }
  return byPath
}

function isSuppressed(
  finding: FindingDraftWithRule,
  suppressions: ReadonlyMap<string, readonly Suppression[]>,
): boolean {
  return (suppressions.get(finding.location.path) ?? []).some(
    (suppression) =>
      finding.location.line >= suppression.fromLine &&
      finding.location.line <= suppression.toLine &&
      (suppression.ruleIds.includes(finding.ruleId) || suppression.ruleIds.includes('all')),
  )
}

/** The config file's `ignore:` entries that have not expired, with their path globs compiled. */
function activeIgnoreEntries(entries: readonly IgnoreEntry[]): { ignores(finding: FindingDraftWithRule): boolean }[] {
  const today = utcToday()
  return entries
    .filter((entry) => !ignoreEntryExpired(entry, today))
    .map((entry) => {
      const globs = entry.paths.map(compilePathGlob)
      return {
        ignores: (finding) =>
          (entry.rules.includes(finding.ruleId) || entry.rules.includes('all')) &&
          globs.some((matches) => matches(finding.location.path)),
      }
    })
}

/** Stable across unrelated edits: rule, file and what the finding is about, never the line. */
function fingerprint(finding: FindingDraftWithRule): string {
  // The first 16 bytes in hex, written as a string of their own (a slice of the whole digest's hex would keep it).
  return hash(
    'sha256',
    `${finding.ruleId}\0${finding.location.path}\0${finding.key ?? finding.message}`,
    'buffer',
  ).toString('hex', 0, 16)
}

/** Sorts as compareFindings does, collating each distinct path and rule id once. */
function sortFindings(findings: Finding[]): void {
  const paths = collationRanks(findings.map((finding) => finding.location.path))
  const ruleIds = collationRanks(findings.map((finding) => finding.ruleId))
  const rank = (ranks: ReadonlyMap<string, number>, text: string): number => ranks.get(text) ?? 0
  findings.sort(
    (a, b) =>
      levelRank(b.level) - levelRank(a.level) ||
      rank(paths, a.location.path) - rank(paths, b.location.path) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      rank(ruleIds, a.ruleId) - rank(ruleIds, b.ruleId),
  )
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    levelRank(b.level) - levelRank(a.level) ||
    a.location.path.localeCompare(b.location.path) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    a.ruleId.localeCompare(b.ruleId)
  )
}

/** Scripts count as IRSA-relevant files when a command in them creates a ServiceAccount or a role (most only hold other commands). */
function scriptsWithFacts(runs: readonly SourceRun[]): number {
  const paths = new Set<string>()
  for (const { source, result } of runs) {
    if (!source.kinds.includes('script')) continue
    for (const fact of [...(result.facts.serviceAccounts ?? []), ...(result.facts.roles ?? [])])
      paths.add(fact.location.path)
  }
  return paths.size
}
