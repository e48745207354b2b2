import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { writeHeapSnapshot } from 'node:v8'
import { check, type ScanPhase } from './check.js'
import { HELP, parseArguments, UsageError, type CliFormat, type CliOptions } from './cli-arguments.js'
import { ConfigError } from './config.js'
import { CONFIG_FILE_NAMES, loadConfig } from './config-file.js'
import { formatBaseline, partitionByBaseline, readBaseline } from './github/baseline.js'
import type { Finding } from './model/finding.js'
import { findRepositoryRoot, includeGlobsFor, isGlob } from './paths.js'
import { countByLevel, findingsAtOrAbove, formatCounts, plural } from './report/counts.js'
import { formatCoverage, formatUnresolvedLine } from './report/coverage.js'
import { escapeWorkflowCommandsInJson, escapeWorkflowCommandText } from './report/escape.js'
import { githubChunks } from './report/github.js'
import { formatReport, reportChunks } from './report/index.js'
import { formatTerminal } from './report/terminal.js'
import { ProgressLine } from './terminal/progress.js'
import { COLOURS, PLAIN, wantsColour, type Style } from './terminal/style.js'
import { VERSION } from './version.js'
import { firstLine } from './text/first-line.js'
import { inBatches, OutputRefused, writeOutputFile } from './write-output.js'
import { errorText } from './model/error-text.js'

export { HELP, parseArguments } from './cli-arguments.js'

/** Where the CLI writes; `isTTY` and `columns` as on Node's tty.WriteStream. */
export interface CliStream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

export interface CliIo {
  stdout: CliStream
  stderr: CliStream
  /** Directory that PATHs, --config and --output are relative to. */
  cwd: string
  /** The environment (NO_COLOR, FORCE_COLOR, COLUMNS, TERM); default: none of them set. */
  env?: Readonly<Record<string, string | undefined>>
}

export const EXIT_OK = 0
export const EXIT_FINDINGS = 1
export const EXIT_USAGE = 2

/** The CLI: argv → check → report; returns the exit code and never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? {}
  let progress: ProgressLine | undefined
  try {
    const options = parseArguments(argv)
    if (options.help) {
      io.stdout.write(HELP)
      return EXIT_OK
    }
    if (options.version) {
      io.stdout.write(`irsa-guard ${VERSION}\n`)
      return EXIT_OK
    }
    const stderrStyle = wantsColour(options.color, env, io.stderr.isTTY === true) ? COLOURS : PLAIN
    const debug = (line: string): void => {
      if (options.debug) io.stderr.write(`irsa-guard: debug: ${escapeWorkflowCommandText(line)}\n`)
    }
    const memory = (when: string): void => {
      const wanted = env['IRSA_GUARD_DEBUG_MEMORY']
      if (!wanted) return
      io.stderr.write(`irsa-guard: memory ${when}: ${describeMemory()}\n`)
      if (wanted === 'snapshot')
        io.stderr.write(
          `irsa-guard: heap snapshot ${when}: ${writeHeapSnapshot(path.join(os.tmpdir(), `irsa-guard-${process.pid}-${when.replace(/ /g, '-')}.heapsnapshot`))}\n`,
        )
    }
    const target = await resolveTarget(options.paths, io.cwd)
    debug(`repository root ${target.root} (${target.rootFoundBy})`)
    debug(`include ${target.include ? target.include.join(', ') : "(the config's)"}`)
    const trusted = {
      helmRender: options.helmRender,
      kustomizeRender: options.kustomizeRender,
      maxFileBytes: options.maxFileBytes,
    }
    const config = await loadConfig({
      root: target.root,
      cwd: io.cwd,
      trusted,
      ...(options.config ? { configFile: options.config } : {}),
    })
    if (!options.quiet)
      for (const line of unreadConfigNotes(target, options))
        io.stderr.write(`irsa-guard: ${escapeWorkflowCommandText(line)}\n`)
    if (target.include) config.include = target.include
    config.exclude = [...config.exclude, ...options.exclude]
    if (options.scanFixtures) config.fixtureDirectories = []
    debug(
      `config ${options.config ?? configAtRoot(target.root) ?? '(none)'}; exclude ${config.exclude.join(', ') || '(none)'}; fixture directories ${config.fixtureDirectories.join(', ') || '(scanned)'}`,
    )

    if (!options.quiet && io.stderr.isTTY === true) {
      progress = new ProgressLine(io.stderr)
      progress.start()
    }
    const phases = new PhaseClock()
    const checked = await check({
      root: target.root,
      config,
      includeMustMatch: target.include !== undefined,
      ...(options.cache !== undefined ? { cacheDirectory: path.resolve(io.cwd, options.cache) } : {}),
      onPhase: (phase) => {
        memory(`before ${phase.name}`)
        phases.enter(phase)
        if (phase.name !== 'done') progress?.update(describePhase(phase))
        debug(
          `phase ${phase.name}${phase.name === 'read' ? `: ${plural(phase.files, 'file')}, ${plural(phase.workers, 'worker thread')}` : ''}`,
        )
      },
    })
    progress?.stop()
    progress = undefined
    if (checked.cache) {
      const bySource = Object.entries(checked.cache.bySource)
        .map(([name, counts]) => `${name} ${counts.hits}/${counts.hits + counts.misses}`)
        .join(', ')
      debug(`cache: ${checked.cache.hits} results used again, ${checked.cache.misses} read afresh (${bySource})`)
    }

    if (options.writeBaseline) {
      await writeReport(
        path.resolve(io.cwd, options.writeBaseline),
        formatBaseline(checked.findings),
        options.writeBaseline,
        target.root,
      )
      if (!options.quiet)
        io.stderr.write(
          `irsa-guard: baseline of ${plural(checked.findings.length, 'finding')} written to ${options.writeBaseline}\n`,
        )
      return EXIT_OK
    }
    const baseline = options.baseline
      ? await readBaseline(path.resolve(io.cwd, options.baseline), options.baseline, target.root)
      : undefined
    const result = baseline
      ? { ...checked, findings: partitionByBaseline(checked.findings, baseline).reported }
      : checked
    let written = ''
    if (options.output) {
      await writeReport(
        path.resolve(io.cwd, options.output),
        formatForFile(options.format, result),
        options.output,
        target.root,
      )
      written = `; ${options.format} report written to ${options.output}`
    } else {
      for (const batch of formatForStdout(options, result, io, env)) io.stdout.write(batch)
    }
    memory('after the report')
    const failing = findingsAtOrAbove(result.findings, options.failOn)
    if (options.quiet) return failing.length > 0 ? EXIT_FINDINGS : EXIT_OK
    const unresolved = result.coverage.unresolved
    const hint =
      unresolved.length === 0
        ? ''
        : `, ${unresolved.length} unresolved${options.verbose ? '' : ' (--verbose says why)'}`
    io.stderr.write(
      `irsa-guard: ${formatCounts(countByLevel(result.findings))} in ${plural(result.scan.relevantFiles, 'IRSA-relevant file')}; ${formatCoverage(result.coverage)}${hint}${written}` +
        (failing.length > 0
          ? stderrStyle.error(` (failing: ${plural(failing.length, 'finding')} at or above ${options.failOn})`)
          : '') +
        '\n',
    )
    if (options.verbose) {
      io.stderr.write(`irsa-guard: ${phases.describe()}\n`)
      io.stderr.write(`irsa-guard: files read per kind: ${phases.describeKinds()}\n`)
      for (const chain of unresolved)
        io.stderr.write(`  unresolved: ${escapeWorkflowCommandText(formatUnresolvedLine(chain))}\n`)
    }
    return failing.length > 0 ? EXIT_FINDINGS : EXIT_OK
  } catch (error) {
    progress?.stop()
    io.stderr.write(`${describeError(error)}\n`)
    return EXIT_USAGE
  }
}

type CheckedResult = Parameters<typeof formatReport>[1]

/** A report for --output: exactly the format's text, in pieces. */
function formatForFile(format: CliFormat, result: CheckedResult): Iterable<string> {
  return format === 'github' ? githubChunks(result.findings) : reportChunks(format, result)
}

/**
 * A report as printed on standard output, which a workflow's log reads for workflow commands: text
 * lines are escaped by the text reporter (and, on a terminal, grouped by file and wrapped); `##[`
 * inside JSON strings becomes `##\u005b` (the same JSON); Markdown is escaped line by line; the
 * github format is workflow commands on purpose, their values escaped. Written in batches of
 * pieces (each batch ends between findings or JSON tokens), so a large report is never held whole.
 */
function formatForStdout(
  options: CliOptions,
  result: CheckedResult,
  io: CliIo,
  env: Readonly<Record<string, string | undefined>>,
): Iterable<string> {
  const format = options.format
  if (format === 'github') return inBatches(githubChunks(result.findings))
  // `##[` lies inside one JSON string, and a string never spans two batches.
  if (format === 'json' || format === 'sarif')
    return mapIterable(inBatches(reportChunks(format, result)), escapeWorkflowCommandsInJson)
  if (format === 'markdown') return [formatReport(format, result).split('\n').map(escapeWorkflowCommandText).join('\n')]
  const style = wantsColour(options.color, env, io.stdout.isTTY === true) ? COLOURS : PLAIN
  if (io.stdout.isTTY === true)
    return [formatTerminal(result.findings, { columns: terminalColumns(io.stdout, env), style })]
  return inBatches(style === PLAIN ? reportChunks(format, result) : colourLevels(result.findings, style))
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item)
}

/** The one-line format with the level coloured (FORCE_COLOR or --color through a pipe), a line at a time. */
function* colourLevels(findings: readonly Finding[], style: Style): Generator<string> {
  for (const finding of findings) {
    const { path: file, line, column } = finding.location
    const level =
      finding.level === 'error'
        ? style.error(finding.level)
        : finding.level === 'warning'
          ? style.warning(finding.level)
          : style.note(finding.level)
    yield `${escapeWorkflowCommandText(`${file}:${line}:${column}`)}: ${level}: ${escapeWorkflowCommandText(`${finding.message} [${finding.ruleId}]`)}\n`
  }
}

/** The terminal's width: the stream's, else COLUMNS, else 80. */
function terminalColumns(stream: CliStream, env: Readonly<Record<string, string | undefined>>): number {
  if (stream.columns !== undefined && stream.columns > 0) return stream.columns
  const fromEnv = Number(env['COLUMNS'])
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80
}

function describePhase(phase: Exclude<ScanPhase, { name: 'done' }>): string {
  if (phase.name === 'discover') return 'finding files'
  if (phase.name === 'read') return `reading ${plural(phase.files, 'file')}`
  return 'checking chains'
}

/** When each phase started, for --verbose. */
class PhaseClock {
  private readonly starts: { phase: ScanPhase; at: number }[] = []

  enter(phase: ScanPhase): void {
    this.starts.push({ phase, at: performance.now() })
  }

  describe(): string {
    const parts: string[] = []
    for (let index = 0; index + 1 < this.starts.length; index += 1) {
      const { phase, at } = this.starts[index]!
      const took = formatDuration(this.starts[index + 1]!.at - at)
      parts.push(
        phase.name === 'read'
          ? `read ${took} (${plural(phase.files, 'file')}, ${plural(phase.workers, 'worker thread')})`
          : `${phase.name} ${took}`,
      )
    }
    return `phases: ${parts.join(', ')}`
  }

  describeKinds(): string {
    const read = this.starts.find((start) => start.phase.name === 'read')?.phase
    if (read?.name !== 'read' || read.filesPerKind.size === 0) return 'none'
    return [...read.filesPerKind].map(([kind, count]) => `${kind} ${count}`).join(', ')
  }
}

/**
 * This process's memory (IRSA_GUARD_DEBUG_MEMORY=1, or =snapshot to write this thread's heap
 * snapshot to the temporary directory at each phase too): resident set (the worker threads' heaps
 * included) and this thread's heap; with `node --expose-gc`, after a full collection, so the heap
 * is what is still referenced.
 */
function describeMemory(): string {
  ;(globalThis as { gc?: () => void }).gc?.()
  const usage = process.memoryUsage()
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
  return `rss ${mb(usage.rss)}, heap used ${mb(usage.heapUsed)} of ${mb(usage.heapTotal)}, external ${mb(usage.external)}`
}

function formatDuration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`
}

function describeError(error: unknown): string {
  const text = errorText(error)
  // A config file's problems are all shown, one line each.
  if (error instanceof ConfigError)
    return error.problems.map((problem) => `irsa-guard: ${escapeWorkflowCommandText(problem)}`).join('\n')
  const message = escapeWorkflowCommandText(firstLine(text))
  if (error instanceof UsageError) return `irsa-guard: ${message}${error.hintHelp ? ' (see irsa-guard --help)' : ''}`
  return `irsa-guard: internal error: ${message}`
}

interface Target {
  /** The repository root: every reported path is relative to it, and its config is the scan's. */
  root: string
  rootFoundBy: string
  /** Include globs relative to the root; undefined keeps the config's. */
  include?: string[]
  /** The directory scanned when it is one directory below the root (its own config is not read). */
  directory?: string
}

/**
 * The root is the repository the PATHs are in (found by walking up for `.git`, from the one
 * directory or file given, else from the working directory), else the working directory (or the
 * one directory given, when it lies outside the working directory); the PATHs become include globs
 * relative to it.
 */
export async function resolveTarget(paths: readonly string[], cwd: string): Promise<Target> {
  const given = paths.filter((entry) => entry.trim() !== '')
  let start = cwd
  const [only] = given
  if (given.length === 1 && only !== undefined && !isGlob(only)) {
    const resolved = path.resolve(cwd, only)
    const info = await stat(resolved).catch(() => undefined)
    if (!info) throw new UsageError(`no such file or directory: ${only}`, false)
    start = info.isDirectory() ? resolved : path.dirname(resolved)
  }
  const repository = findRepositoryRoot(start)
  const root = repository ?? (isWithin(cwd, start) ? cwd : start)
  const rootFoundBy = repository
    ? 'the nearest directory with a .git entry'
    : root === cwd
      ? 'no .git above: the working directory'
      : 'no .git above: the directory given'
  const include = await includeGlobsFor(given.length > 0 ? given : ['.'], root, cwd)
  const directory = include && given.length <= 1 && start !== root ? start : undefined
  return { root, rootFoundBy, ...(include ? { include } : {}), ...(directory ? { directory } : {}) }
}

function isWithin(directory: string, file: string): boolean {
  const relative = path.relative(directory, file)
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
}

function configAtRoot(root: string): string | undefined {
  return CONFIG_FILE_NAMES.find((name) => existsSync(path.join(root, name)))
}

/** A config file in the scanned directory below the root is not read: say so, once. */
function unreadConfigNotes(target: Target, options: CliOptions): string[] {
  if (options.config || !target.directory) return []
  const name = CONFIG_FILE_NAMES.find((candidate) => existsSync(path.join(target.directory!, candidate)))
  if (!name) return []
  const shown = path.relative(target.root, path.join(target.directory, name)).split(path.sep).join('/')
  const rootConfig = configAtRoot(target.root)
  return [
    `${shown} is not read: the config is the repository root's (${rootConfig ?? 'none there'}); name it with --config ${shown} to use it (its paths are relative to the repository root)`,
  ]
}

/** Writes a report where the user said; inside the scanned tree, never through a link planted there. */
async function writeReport(
  absolutePath: string,
  report: string | Iterable<string>,
  shownPath: string,
  root: string,
): Promise<void> {
  try {
    await writeOutputFile(absolutePath, report, shownPath, { noLinksBelow: root })
  } catch (error) {
    if (error instanceof OutputRefused) throw new UsageError(error.message, false)
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new UsageError(`cannot write ${shownPath}: ${code}`, false)
  }
}
