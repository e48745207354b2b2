import type { Level, SourceFinding } from './model/finding.js'
import type { Location } from './model/location.js'

export type RuleSetting = Level | 'off'

export interface ClusterConfig {
  name: string
  account?: string
  region?: string
  /** `https://oidc.eks.<region>.amazonaws.com/id/<ID>` */
  issuer?: string
  /** Where the config file defines it, when the file lies inside the repository. */
  location?: Location
}

/** Binds a plain trust-policy JSON file to the role it belongs to. */
export interface RoleBinding {
  /** Repository-relative path of the trust policy file. */
  file: string
  name: string
  account?: string
  path?: string
  /** Where the config file defines it, when the file lies inside the repository. */
  location?: Location
}

export interface HelmRelease {
  chart: string
  name: string
  namespace: string
  values: string[]
  /** Where the config file gives the release's name and namespace, when the file lies inside the repository. */
  nameLocation?: Location
  namespaceLocation?: Location
}

/**
 * An `ignore:` entry of the config file: findings of `rules` in files matching `paths` are not reported,
 * for files that cannot hold an `irsa-guard:ignore` comment (JSON). After `expires` (YYYY-MM-DD, the last
 * day it applies) it suppresses nothing and is itself reported (suppression-expired).
 */
export interface IgnoreEntry {
  rules: string[]
  /** Globs relative to the repository root. */
  paths: string[]
  reason: string
  expires?: string
  /** Where the config file writes the entry. */
  location: Location
}

/** Today's date in UTC, YYYY-MM-DD. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/** An entry past its `expires` day suppresses nothing (YYYY-MM-DD strings compare as dates). */
export function ignoreEntryExpired(entry: IgnoreEntry, today = utcToday()): boolean {
  return entry.expires !== undefined && today > entry.expires
}

/** How Kustomize builds are read: by irsa-guard itself, or rendered with `kubectl kustomize` (locations still from the native build). */
export type KustomizeMode = 'native' | 'render'

export interface Config {
  /** Globs, relative to the root, of what to scan. */
  include: string[]
  exclude: string[]
  rules: Record<string, RuleSetting>
  clusters: ClusterConfig[]
  roles: RoleBinding[]
  /** `render`: also render each chart release with `helm template` when helm is on the PATH. */
  helm: { releases: HelmRelease[]; render?: boolean }
  /** Absent means `native`. */
  kustomize?: KustomizeMode
  /** Files larger than this are skipped with a note. */
  maxFileBytes: number
  /** Directory names skipped wherever they are: test inputs, not what is deployed (DEFAULT_FIXTURE_DIRECTORIES); empty scans them. */
  fixtureDirectories: string[]
  /** The config file's `ignore:` entries. */
  ignore: IgnoreEntry[]
  /** What the config file asked for and was refused (settings only the workflow or the user may give), reported with the findings. */
  findings?: SourceFinding[]
}

/**
 * Settings that run a program or lift a resource limit: they come from the action's inputs or
 * the CLI's flags, never from a config file inside the scanned tree (which a pull request
 * controls). Such a file may turn rendering off and lower the limit, nothing more.
 */
export interface TrustedSettings {
  /** `helm template` of each release (action input helm-render, CLI --helm-render). */
  helmRender: boolean
  /** `kubectl kustomize` of each build (action input kustomize-render, CLI --kustomize-render). */
  kustomizeRender: boolean
  /** The largest file read, in bytes (action input max-file-bytes, CLI --max-file-bytes); 0 means no limit. */
  maxFileBytes: number
}

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024

export function defaultTrustedSettings(): TrustedSettings {
  return { helmRender: false, kustomizeRender: false, maxFileBytes: DEFAULT_MAX_FILE_BYTES }
}
/**
 * Trees of test inputs, by the conventions of the ecosystems IRSA repositories are written in:
 * Go's `testdata` (the go tool ignores it: `go help packages`), Jest's `__fixtures__`,
 * `__snapshots__` and `__mocks__`, and `fixtures` (RSpec, pytest, Jest, Kubernetes' own
 * test/fixtures). What they hold is recorded output or deliberately broken input, never applied.
 */
export const DEFAULT_FIXTURE_DIRECTORIES: readonly string[] = [
  'testdata',
  '__fixtures__',
  '__snapshots__',
  '__mocks__',
  'fixtures',
]

export function defaultConfig(): Config {
  return {
    include: ['**/*'],
    exclude: [],
    rules: {},
    clusters: [],
    roles: [],
    helm: { releases: [] },
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    fixtureDirectories: [...DEFAULT_FIXTURE_DIRECTORIES],
    ignore: [],
  }
}

/** A wrong config or input: the adapters print its message on one line and exit 2. */
export class ConfigError extends Error {
  override name = 'ConfigError'
  /** One line each (a config file's problems); a line may itself hold a newline taken from the file, which printers escape. */
  readonly problems: readonly string[]

  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems
    super(list.join('\n'))
    this.problems = list
  }
}
