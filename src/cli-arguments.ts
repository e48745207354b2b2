import { parseArgs } from 'node:util'
import { DEFAULT_MAX_FILE_BYTES } from './config.js'
import { FAIL_ON_VALUES, isFailOn, type FailOn } from './report/counts.js'
import { REPORT_FORMATS } from './report/index.js'
import { editDistance } from './text/edit-distance.js'

/** The report formats of the CLI: the engine's, and workflow-command lines for CI log parsers. */
export const CLI_FORMATS = [...REPORT_FORMATS, 'github'] as const
export type CliFormat = (typeof CLI_FORMATS)[number]

export const HELP = `Usage: irsa-guard [PATH...] [options]

Checks EKS IAM Roles for Service Accounts (IRSA): joins each Kubernetes ServiceAccount's
eks.amazonaws.com/role-arn annotation to the IAM role's trust policy and reports every
broken or unsafe link at its file and line.

PATH      Directories, files or globs to scan (default: the working directory). Reported
          paths are relative to the repository root (the nearest directory above with a .git
          entry, else the working directory), and its .irsa-guard.yml is the config, whatever
          PATH is scanned. A PATH that matches no file is a usage error.

Options:
  --format text|json|sarif|markdown|github
                                      report format (default: text); github prints workflow
                                      commands (::error file=…,line=…::…) for CI log parsers
  --output FILE                       write the report to FILE instead of standard output
  --fail-on error|warning|note|never  lowest level that makes the exit code 1 (default: error)
  --config FILE                       config file (default: .irsa-guard.yml at the repository root)
  --exclude GLOB                      skip matching files; repeatable
  --scan-fixtures                     also scan test fixture directories (testdata, fixtures, …),
                                      which are skipped by default
  --baseline FILE                     accept the findings FILE lists (neither reported nor failing)
  --write-baseline FILE               write every current finding to FILE as a baseline and exit 0
  --helm-render                       also render each Helm release with helm template (helm on the PATH)
  --kustomize-render                  build each kustomization with kubectl kustomize (kubectl on the PATH)
  --max-file-bytes N                  largest file read, in bytes (default: ${DEFAULT_MAX_FILE_BYTES}; 0: no limit);
                                      a config file in the scanned tree may lower it, never raise it
  --cache DIR                         keep what the sources yielded in DIR and use it again for what
                                      did not change (the findings are those of a full run)
  -q, --quiet                         print only findings and errors (no summary)
  -v, --verbose                       after the summary, the time of each phase, the files read per
                                      kind, and each unresolved chain and why
  --debug                             --verbose, and how the root, config and files were chosen
  --color, --no-color                 colour the terminal output or not (default: on a terminal,
                                      unless NO_COLOR is set; FORCE_COLOR=1 forces it)
  -h, --help                          show this help
  --version                           show the version

On a terminal, the text report groups findings by file, wraps messages to its width and
shows an EKS issuer as eks:REGION/ID; piped or redirected, it prints one finding per line
(path:line:column: level: message [rule-id]) with every value in full.

The summary on standard error says how many chains (annotated ServiceAccount, Pod Identity
association or role with an EKS trust → role trust) were verified; the others are unresolved
(a role outside the scan, a value known only at deploy time, a module not read), which never
changes the exit code.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or config error.

A config file inside the scanned tree cannot turn rendering on or raise --max-file-bytes; the
flags can. See docs/security.md.
`

export interface CliOptions {
  paths: string[]
  format: CliFormat
  output?: string
  failOn: FailOn
  config?: string
  exclude: string[]
  baseline?: string
  writeBaseline?: string
  helmRender: boolean
  kustomizeRender: boolean
  maxFileBytes: number
  /** --cache DIR: the fact cache's directory. */
  cache?: string
  scanFixtures: boolean
  quiet: boolean
  verbose: boolean
  debug: boolean
  /** undefined: decided by the terminal and the environment. */
  color?: boolean
  help: boolean
  version: boolean
}

/** A mistake on the command line: exit code 2, one line, and a pointer to --help. */
export class UsageError extends Error {
  override name = 'UsageError'
  constructor(
    message: string,
    readonly hintHelp = true,
  ) {
    super(message)
  }
}

const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string' },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  exclude: { type: 'string', multiple: true },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'max-file-bytes': { type: 'string' },
  cache: { type: 'string' },
  'helm-render': { type: 'boolean' },
  'kustomize-render': { type: 'boolean' },
  'scan-fixtures': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
  debug: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const

type OptionName = keyof typeof OPTIONS
type ValueOptionName = {
  [Name in OptionName]: (typeof OPTIONS)[Name]['type'] extends 'string' ? Name : never
}[OptionName]
type FlagName = Exclude<OptionName, ValueOptionName>

function takesValue(name: OptionName): name is ValueOptionName {
  return OPTIONS[name].type === 'string'
}

/**
 * The command line as options: util.parseArgs splits it (`--name value`, `--name=value`, `-v`,
 * `--` before PATHs that start with `-`), and each option is checked here so that every mistake
 * gets one line naming the option (with the nearest known option for an unknown one).
 */
export function parseArguments(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    paths: [],
    format: 'text',
    failOn: 'error',
    exclude: [],
    helmRender: false,
    kustomizeRender: false,
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    scanFixtures: false,
    quiet: false,
    verbose: false,
    debug: false,
    help: false,
    version: false,
  }
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  for (const token of tokens) {
    if (token.kind === 'positional') options.paths.push(token.value)
    if (token.kind !== 'option') continue
    if (!Object.hasOwn(OPTIONS, token.name))
      throw new UsageError(`unknown option ${token.rawName}${suggestionFor(token.rawName)}`)
    const name = token.name as OptionName
    if (!takesValue(name)) {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`)
      applyFlag(options, name)
      continue
    }
    const value = token.value
    // `--config --format` is a forgotten value, not a config file named --format; `-` is a value.
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-') && value !== '-'))
      throw new UsageError(`--${name} needs a value`)
    applyValue(options, name, value)
  }
  if (options.quiet && (options.verbose || options.debug))
    throw new UsageError(`--quiet cannot be combined with --${options.debug ? 'debug' : 'verbose'}`)
  return options
}

/** ` (did you mean --format?)` for `--formt`: the known long option nearest by edit distance, when near enough. */
function suggestionFor(rawName: string): string {
  if (!rawName.startsWith('--')) return ''
  const given = rawName.slice(2).split('=')[0]!.toLowerCase()
  let best: { name: string; distance: number } | undefined
  for (const name of Object.keys(OPTIONS)) {
    const distance = editDistance(given, name)
    if (best === undefined || distance < best.distance) best = { name, distance }
  }
  return best !== undefined && best.distance <= Math.max(1, Math.floor(given.length / 3))
    ? ` (did you mean --${best.name}?)`
    : ''
}

function applyFlag(options: CliOptions, name: FlagName): void {
  if (name === 'helm-render') options.helmRender = true
  else if (name === 'kustomize-render') options.kustomizeRender = true
  else if (name === 'scan-fixtures') options.scanFixtures = true
  else if (name === 'quiet') options.quiet = true
  else if (name === 'verbose') options.verbose = true
  else if (name === 'debug') options.debug = options.verbose = true
  else if (name === 'color') options.color = true
  else if (name === 'no-color') options.color = false
  else if (name === 'help') options.help = true
  else if (name === 'version') options.version = true
}

function applyValue(options: CliOptions, name: ValueOptionName, value: string): void {
  switch (name) {
    case 'format':
      if (!(CLI_FORMATS as readonly string[]).includes(value))
        throw new UsageError(`--format must be one of ${CLI_FORMATS.join(', ')} (got "${value}")`)
      options.format = value as CliFormat
      return
    case 'fail-on':
      if (!isFailOn(value))
        throw new UsageError(`--fail-on must be one of ${FAIL_ON_VALUES.join(', ')} (got "${value}")`)
      options.failOn = value
      return
    case 'output':
      options.output = value
      return
    case 'config':
      options.config = value
      return
    case 'exclude':
      options.exclude.push(value)
      return
    case 'baseline':
      options.baseline = value
      return
    case 'write-baseline':
      options.writeBaseline = value
      return
    case 'max-file-bytes':
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
        throw new UsageError(`--max-file-bytes must be a whole number of bytes (got "${value}")`)
      options.maxFileBytes = Number(value)
      return
    case 'cache':
      options.cache = value
      return
  }
}
