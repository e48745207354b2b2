import { firstLine } from './text/first-line.js'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { check } from './check.js'
import { ConfigError, DEFAULT_MAX_FILE_BYTES } from './config.js'
import { loadConfig } from './config-file.js'
import { formatBaseline, partitionByBaseline, readBaseline } from './github/baseline.js'
import { includeGlobsFor, isGlob } from './paths.js'
import { countByLevel, FAIL_ON_VALUES, findingsAtOrAbove, formatCounts, isFailOn, plural, type FailOn } from './report/counts.js'
import { escapeWorkflowCommandsInJson, escapeWorkflowCommandText } from './report/escape.js'
import { formatCoverage, formatUnresolvedLine } from './report/coverage.js'
import { formatReport, isReportFormat, REPORT_FORMATS, type ReportFormat } from './report/index.js'
import { VERSION } from './version.js'
import { OutputRefused, writeOutputFile } from './write-output.js'

export interface CliIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  /** Directory that PATHs, --config and --output are relative to. */
  cwd: string
}

export const EXIT_OK = 0
export const EXIT_FINDINGS = 1
export const EXIT_USAGE = 2

export const HELP = `Usage: irsa-guard [PATH...] [options]

Checks EKS IAM Roles for Service Accounts (IRSA): joins each Kubernetes ServiceAccount's
eks.amazonaws.com/role-arn annotation to the IAM role's trust policy and reports every
broken or unsafe link at its file and line.

PATH      One directory: the repository root to scan (default: the working directory).
          A file, a glob or several PATHs: scanned inside the working directory, which is
          then the root (reported paths are relative to it).

Options:
  --format text|json|sarif|markdown   report format (default: text)
  --output FILE                       write the report to FILE instead of standard output
  --fail-on error|warning|note|never  lowest level that makes the exit code 1 (default: error)
  --config FILE                       config file (default: .irsa-guard.yml at the root, if any)
  --exclude GLOB                      skip matching files; repeatable
  --scan-fixtures                     also scan test fixture directories (testdata, fixtures, …),
                                      which are skipped by default
  --baseline FILE                     accept the findings FILE lists (neither reported nor failing)
  --write-baseline FILE               write every current finding to FILE as a baseline and exit 0
  --helm-render                       also render each Helm release with helm template (helm on the PATH)
  --kustomize-render                  build each kustomization with kubectl kustomize (kubectl on the PATH)
  --max-file-bytes N                  largest file read, in bytes (default: ${DEFAULT_MAX_FILE_BYTES}; 0: no limit);
                                      a config file in the scanned tree may lower it, never raise it
      continue
    }
  -v, --verbose                       after the summary, list each unresolved chain and why
  -h, --help                          show this help
  --version                           show the version

The summary on standard error says how many chains (annotated ServiceAccount, Pod Identity
association or role with an EKS trust → role trust) were verified; the others are unresolved
(a role outside the scan, a value known only at deploy time, a module not read), which never
changes the exit code.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or config error.

A config file inside the scanned tree cannot turn rendering on or raise --max-file-bytes; the
flags can. See docs/security.md.
`

interface CliOptions {
  paths: string[]
  format: ReportFormat
  output?: string
  failOn: FailOn
  config?: string
  exclude: string[]
  baseline?: string
  writeBaseline?: string
  helmRender: boolean
  kustomizeRender: boolean
  maxFileBytes: number
  scanFixtures: boolean
  verbose: boolean
  help: boolean
  version: boolean
}

class UsageError extends Error {
  constructor(
    message: string,
    readonly hintHelp = true,
  ) {
    super(message)
  }
}

/** The CLI: argv → check → report; returns the exit code and never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
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
    const target = await resolveTarget(options.paths, io.cwd)
    const trusted = { helmRender: options.helmRender, kustomizeRender: options.kustomizeRender, maxFileBytes: options.maxFileBytes }
    const config = await loadConfig({ root: target.root, cwd: io.cwd, trusted, ...(options.config ? { configFile: options.config } : {}) })
    if (target.include) config.include = target.include
    config.exclude = [...config.exclude, ...options.exclude]
    if (options.scanFixtures) config.fixtureDirectories = []

    const checked = await check({ root: target.root, config })
    if (options.writeBaseline) {
      await writeReport(path.resolve(io.cwd, options.writeBaseline), formatBaseline(checked.findings), options.writeBaseline, target.root)
      io.stderr.write(`irsa-guard: baseline of ${plural(checked.findings.length, 'finding')} written to ${options.writeBaseline}\n`)
      return EXIT_OK
    }
    const baseline = options.baseline ? await readBaseline(path.resolve(io.cwd, options.baseline), options.baseline, target.root) : undefined
    const result = baseline ? { ...checked, findings: partitionByBaseline(checked.findings, baseline).reported } : checked
    const report = formatReport(options.format, result)
    let written = ''
    if (options.output) {
      await writeReport(path.resolve(io.cwd, options.output), report, options.output, target.root)
      written = `; ${options.format} report written to ${options.output}`
    } else {
      io.stdout.write(printable(options.format, report))
    }
    const failing = findingsAtOrAbove(result.findings, options.failOn)
    const unresolved = result.coverage.unresolved
    const hint = unresolved.length === 0 ? '' : `, ${unresolved.length} unresolved${options.verbose ? '' : ' (--verbose says why)'}`
    io.stderr.write(
      `irsa-guard: ${formatCounts(countByLevel(result.findings))} in ${plural(result.scan.relevantFiles, 'IRSA-relevant file')}; ${formatCoverage(result.coverage)}${hint}${written}` +
        (failing.length > 0 ? ` (failing: ${plural(failing.length, 'finding')} at or above ${options.failOn})` : '') +
        '\n',
    )
    if (options.verbose) for (const chain of unresolved) io.stderr.write(`  unresolved: ${escapeWorkflowCommandText(formatUnresolvedLine(chain))}\n`)
    return failing.length > 0 ? EXIT_FINDINGS : EXIT_OK
  } catch (error) {
    io.stderr.write(`${describeError(error)}\n`)
    return EXIT_USAGE
  }
}

/**
 * A report as printed on standard output, which a workflow's log reads for workflow commands: text
 * lines are escaped by the text reporter; `##[` inside JSON strings becomes `##\u005b` (the same
 * JSON); Markdown is escaped line by line.
 */
function printable(format: ReportFormat, report: string): string {
  if (format === 'json' || format === 'sarif') return escapeWorkflowCommandsInJson(report)
  if (format === 'markdown') return report.split('\n').map(escapeWorkflowCommandText).join('\n')
  return report
}

function describeError(error: unknown): string {
  const message = escapeWorkflowCommandText(firstLine(error instanceof Error ? error.message : String(error)))
  if (error instanceof ConfigError) return `irsa-guard: ${message}`
  if (error instanceof UsageError) return `irsa-guard: ${message}${error.hintHelp ? ' (see irsa-guard --help)' : ''}`
  return `irsa-guard: internal error: ${message}`
}

const VALUE_OPTIONS = ['--format', '--output', '--fail-on', '--config', '--exclude', '--baseline', '--write-baseline', '--max-file-bytes'] as const
type ValueOption = (typeof VALUE_OPTIONS)[number]

export function parseArguments(argv: readonly string[]): CliOptions {
  const options: CliOptions = { paths: [], format: 'text', failOn: 'error', exclude: [], helmRender: false, kustomizeRender: false, maxFileBytes: DEFAULT_MAX_FILE_BYTES, scanFixtures: false, verbose: false, help: false, version: false }
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!
    if (argument === '--') {
      options.paths.push(...argv.slice(index + 1))
      break
    }
    if (argument === '-h' || argument === '--help') {
      options.help = true
      continue
    }
    if (argument === '--version') {
      options.version = true
      continue
    }
    if (argument === '--helm-render') {
      options.helmRender = true
      continue
    }
    if (argument === '--kustomize-render') {
      options.kustomizeRender = true
      continue
    }
    if (argument === '--scan-fixtures') {
      options.scanFixtures = true
      continue
    }
    if (argument === '-v' || argument === '--verbose') {
      options.verbose = true
      continue
    }
    if (!argument.startsWith('-') || argument === '-') {
      options.paths.push(argument)
      continue
    }
    const equals = argument.indexOf('=')
    const name = equals > 0 ? argument.slice(0, equals) : argument
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) throw new UsageError(`unknown option ${name}`)
    let value: string | undefined
    if (equals > 0) {
      value = argument.slice(equals + 1)
    } else {
      value = argv[index + 1]
      if (value === undefined || (value.startsWith('-') && value !== '-')) throw new UsageError(`${name} needs a value`)
      index++
    }
    if (value === '') throw new UsageError(`${name} needs a value`)
    applyOption(options, name as ValueOption, value)
  }
  return options
}

function applyOption(options: CliOptions, name: ValueOption, value: string): void {
  switch (name) {
    case '--format':
      if (!isReportFormat(value)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')} (got "${value}")`)
      options.format = value
      return
    case '--fail-on':
      if (!isFailOn(value)) throw new UsageError(`--fail-on must be one of ${FAIL_ON_VALUES.join(', ')} (got "${value}")`)
      options.failOn = value
      return
    case '--output':
      options.output = value
      return
    case '--config':
      options.config = value
      return
    case '--exclude':
      options.exclude.push(value)
      return
    case '--baseline':
      options.baseline = value
      return
    case '--write-baseline':
      options.writeBaseline = value
      return
    case '--max-file-bytes':
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`--max-file-bytes must be a whole number of bytes (got "${value}")`)
      options.maxFileBytes = Number(value)
      return
  }
}

interface Target {
  root: string
  /** Include globs relative to the root; undefined keeps the config's. */
  include?: string[]
}

/** One directory is the root; otherwise the working directory is the root and the PATHs become include globs. */
export async function resolveTarget(paths: readonly string[], cwd: string): Promise<Target> {
  if (paths.length === 0) return { root: cwd }
  const [first] = paths
  if (paths.length === 1 && first !== undefined && !isGlob(first)) {
    const only = path.resolve(cwd, first)
    const info = await stat(only).catch(() => undefined)
    if (!info) throw new UsageError(`no such file or directory: ${first}`, false)
    if (info.isDirectory()) return { root: only }
  }
  const include = await includeGlobsFor(paths, cwd)
  return include ? { root: cwd, include } : { root: cwd }
}

/** Writes a report where the user said; inside the scanned tree, never through a link planted there. */
async function writeReport(absolutePath: string, report: string, shownPath: string, root: string): Promise<void> {
  try {
    await writeOutputFile(absolutePath, report, shownPath, { noLinksBelow: root })
  } catch (error) {
    if (error instanceof OutputRefused) throw new UsageError(error.message, false)
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new UsageError(`cannot write ${shownPath}: ${code}`, false)
  }
}
