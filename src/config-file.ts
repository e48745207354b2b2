import { firstLine } from './text/first-line.js'
import { lstat } from 'node:fs/promises'
import { editDistance } from './text/edit-distance.js'
import path from 'node:path'
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml'
import {
  ConfigError,
  type IgnoreEntry,
  defaultConfig,
  defaultTrustedSettings,
  type ClusterConfig,
  type Config,
  type HelmRelease,
  type KustomizeMode,
  type RoleBinding,
  type RuleSetting,
  type TrustedSettings,
} from './config.js'
import { confinementFor, describeNotRead, readFileBytes } from './discover/file-bytes.js'
import type { SourceFinding } from './model/finding.js'
import type { Location } from './model/location.js'
import { parseEksIssuerHostPath } from './iam/arn.js'
import { allRules } from './rules/index.js'
import { liveRules } from './rules/live-rules.js'

/** Looked up at the repository root, in this order, when no config file is named. */
export const CONFIG_FILE_NAMES = ['.irsa-guard.yml', '.irsa-guard.yaml'] as const

const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'note', 'off']
const TOP_LEVEL_KEYS = [
  'include',
  'exclude',
  'rules',
  'clusters',
  'roles',
  'helm',
  'kustomize',
  'maxFileBytes',
  'fixtureDirectories',
  'ignore',
] as const
const CLUSTER_KEYS = ['name', 'account', 'region', 'issuer'] as const
const ROLE_KEYS = ['file', 'name', 'account', 'path'] as const
const HELM_KEYS = ['releases', 'render'] as const
const KUSTOMIZE_MODES: readonly KustomizeMode[] = ['native', 'render']
const RELEASE_KEYS = ['chart', 'name', 'namespace', 'values'] as const
const IGNORE_KEYS = ['rule', 'path', 'reason', 'expires'] as const

const ACCOUNT = /^\d{12}$/
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
/** A config file is small; a larger one is refused before it is read. */
const MAX_CONFIG_BYTES = 1024 * 1024

/** The settings a config file may ask for but not grant (see TrustedSettings), and where it asks. */
type RequestedSetting = 'helm.render' | 'kustomize' | 'maxFileBytes'

export interface ConfigTextOptions {
  /** How the file is named in error messages (as the user gave it, or relative to the working directory). */
  displayPath: string
  /** Repository-relative path of the file, when it lies inside the repository: used for the locations of clusters and roles. */
  repositoryPath?: string
  /** Rule ids the `rules:` section may name; defaults to every registered rule. */
  knownRuleIds?: readonly string[]
}

/** The config file at the repository root, if there is one. */
export async function findConfigFile(root: string): Promise<string | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(root, name)
    // lstat: a link by that name is the config file too, and is refused when read if it leaves the root or is no file.
    const info = await lstat(candidate).catch(() => undefined)
    if (info && !info.isDirectory()) return candidate
  }
  return undefined
}

/**
 * Reads a config file through readFileBytes: inside `within` once links are resolved (a link out
 * of the repository is refused, never followed: its target's text is never shown), a regular
 * file, at most MAX_CONFIG_BYTES. Any problem is a ConfigError naming the file, never its bytes.
 */
function readConfigText(absolutePath: string, displayPath: string, within: string | undefined): string {
  const read = readFileBytes(absolutePath, { within, limit: MAX_CONFIG_BYTES })
  if (read.ok) return read.bytes.toString('utf8')
  const reason =
    read.why === 'missing'
      ? 'no such file'
      : read.why === 'not-a-file'
        ? 'it is not a regular file'
        : read.why === 'too-large'
          ? `it is larger than ${MAX_CONFIG_BYTES} bytes`
          : read.code === 'EACCES'
            ? 'permission denied'
            : describeNotRead(read.why, read.code)
  throw new ConfigError(`${displayPath}: cannot read config file: ${reason}`)
}

/** Reads and validates a config file; any problem is a ConfigError with one line naming the file and line. */
export async function loadConfigFile(
  absolutePath: string,
  options: ConfigTextOptions & { within?: string },
): Promise<Config> {
  return parseConfig(readConfigText(absolutePath, options.displayPath, options.within), options)
}

/** Validates the text of a `.irsa-guard.yml`; an empty file is the default config. */
export function parseConfig(text: string, options: ConfigTextOptions): Config {
  return parseConfigDocument(text, options).config
}

/** The config, and where the file asks for each setting only the workflow or the user may grant. */
function parseConfigDocument(
  text: string,
  options: ConfigTextOptions,
): { config: Config; requested: Map<RequestedSetting, Location> } {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true })
  const reader = new ConfigReader(text, document, lineCounter, options)
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const line = error.linePos?.[0].line ?? 1
      const reason = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '')
      return `${options.displayPath}:${line}: invalid YAML: ${reason}`
    })
    throw new ConfigError([...new Set(problems)])
  }
  const config = reader.read()
  return { config, requested: reader.requested }
}

/** Thrown by ConfigReader.fail once the problem is recorded: the value is abandoned and reading goes on with the next. */
class Abandoned extends Error {}

/** Reads the whole file and records every problem; `read` then throws one ConfigError with a line per problem. */
class ConfigReader {
  private readonly knownRuleIds: readonly string[]
  private readonly problems: { line: number; text: string }[] = []
  readonly requested = new Map<RequestedSetting, Location>()

  constructor(
    private readonly text: string,
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
    private readonly options: ConfigTextOptions,
  ) {
    this.knownRuleIds = options.knownRuleIds ?? [...allRules, ...liveRules].map((rule) => rule.meta.id)
  }

  read(): Config {
    const config = defaultConfig()
    this.attempt(() => this.readInto(config))
    if (this.problems.length > 0) {
      const inFileOrder = [...this.problems].sort((a, b) => a.line - b.line).map((problem) => problem.text)
      throw new ConfigError([...new Set(inFileOrder)])
    }
    return config
  }

  private readInto(config: Config): void {
    const root = this.resolve(this.document.contents)
    if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) return
    const map = this.mapping(root, '')
    for (const pair of map.items) this.attempt(() => this.topLevel(config, pair))
  }

  private topLevel(config: Config, pair: Pair): void {
    const key = this.keyOf(pair, '', TOP_LEVEL_KEYS)
    const value = this.resolve(pair.value as Node | null)
    switch (key) {
      case 'include':
        config.include = this.globs(value, pair, 'include')
        break
      case 'exclude':
        config.exclude = this.globs(value, pair, 'exclude')
        break
      case 'rules':
        config.rules = this.rules(value, pair)
        break
      case 'clusters':
        config.clusters = this.each(this.list(value, pair, 'clusters'), (item, at) => this.cluster(item, at))
        break
      case 'roles':
        config.roles = this.each(this.list(value, pair, 'roles'), (item, at) => this.role(item, at))
        break
      case 'helm':
        config.helm = this.helm(value, pair)
        break
      case 'kustomize': {
        const mode = isScalar(value) && typeof value.value === 'string' ? value.value : undefined
        if (!mode || !(KUSTOMIZE_MODES as readonly string[]).includes(mode)) {
          this.fail(
            value ?? (pair.key as Node),
            'kustomize',
            `must be one of ${KUSTOMIZE_MODES.join(', ')} (got ${this.shown(value)})`,
          )
        }
        config.kustomize = mode as KustomizeMode
        this.request('kustomize', value!)
        break
      }
      case 'maxFileBytes':
        config.maxFileBytes = this.positiveInteger(value, pair, 'maxFileBytes')
        this.request('maxFileBytes', value!)
        break
      case 'fixtureDirectories':
        config.fixtureDirectories = this.each(this.list(value, pair, 'fixtureDirectories'), (item, at) =>
          this.directoryName(item, pair, at),
        )
        break
      case 'ignore':
        config.ignore = this.each(this.list(value, pair, 'ignore'), (item, at) => this.ignoreEntry(item, at))
        break
    }
  }

  /** An `ignore:` entry: rule id(s), path glob(s), a reason, and an optional last day. */
  private ignoreEntry(node: Node, at: string): IgnoreEntry {
    const fields = this.fields(node, at, IGNORE_KEYS)
    const rule = fields.get('rule')
    const rules = rule ? (this.attempt(() => this.globs(rule.value, rule.pair, `${at}.rule`)) ?? []) : []
    if (!rule) this.attempt(() => this.fail(node, at, 'missing required key "rule"'))
    rules.forEach((id, index) => {
      const ruleAt = isSeq(rule!.value) ? `${at}.rule[${index}]` : `${at}.rule`
      const ruleNode = isSeq(rule!.value) ? (rule!.value.items[index] as Node) : rule!.value
      if (id !== 'all' && !this.knownRuleIds.includes(id))
        this.attempt(() => this.fail(ruleNode, ruleAt, `unknown rule id${didYouMean(id, this.knownRuleIds)}`))
    })
    const pathField = fields.get('path')
    const paths = pathField ? (this.attempt(() => this.globs(pathField.value, pathField.pair, `${at}.path`)) ?? []) : []
    if (!pathField) this.attempt(() => this.fail(node, at, 'missing required key "path"'))
    const reason = this.attempt(() => {
      if (!fields.has('reason'))
        this.fail(node, at, 'missing required key "reason" (say why the findings are accepted)')
      return this.nonEmptyString(fields.get('reason')!.value, fields.get('reason')!.pair, `${at}.reason`)
    })
    const entry: IgnoreEntry = {
      rules,
      paths: paths.map((file) => this.repositoryRelative(file)),
      reason: reason ?? '',
      location: this.locationInFile(node),
    }
    const expires = fields.get('expires')
    if (expires) {
      const date = this.attempt(() => this.date(expires.value, `${at}.expires`))
      if (date) entry.expires = date
    }
    return entry
  }

  /** A calendar date written YYYY-MM-DD. */
  private date(node: Node, at: string): string {
    const text = isScalar(node)
      ? node.value instanceof Date
        ? node.value.toISOString().slice(0, 10)
        : String(node.value)
      : undefined
    const match = text === undefined ? null : DATE.exec(text)
    const valid =
      match &&
      new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === text
    if (!valid) this.fail(node, at, `must be a date YYYY-MM-DD (got ${this.shown(node)})`)
    return text
  }

  /** Each item read by `read`; an item with a problem is left out, and the next is read. */
  private each<T>(items: [Node, string][], read: (item: Node, at: string) => T): T[] {
    return items.flatMap(([item, at]) => {
      const value = this.attempt(() => read(item, at))
      return value === undefined ? [] : [value]
    })
  }

  /** The value `read` returns, or undefined when it failed (the problem is recorded). */
  private attempt<T>(read: () => T): T | undefined {
    try {
      return read()
    } catch (error) {
      if (error instanceof Abandoned) return undefined
      throw error
    }
  }

  private globs(node: Node | null, owner: Pair, at: string): string[] {
    if (isScalar(node) && typeof node.value === 'string') return [this.nonEmptyString(node, owner, at)]
    return this.each(this.list(node, owner, at), (item, itemAt) => this.nonEmptyString(item, owner, itemAt))
  }

  private rules(node: Node | null, owner: Pair): Record<string, RuleSetting> {
    const map = this.mapping(node, 'rules', owner)
    const rules: Record<string, RuleSetting> = {}
    for (const pair of map.items) {
      this.attempt(() => {
        const id = this.keyText(pair, 'rules')
        const at = `rules.${id}`
        if (!this.knownRuleIds.includes(id))
          this.fail(pair.key as Node, at, `unknown rule id${didYouMean(id, this.knownRuleIds)}`)
        const value = this.resolve(pair.value as Node | null)
        // `off` is a string in YAML 1.2, but people also write `false`.
        if (isScalar(value) && value.value === false) {
          rules[id] = 'off'
          return
        }
        const setting = isScalar(value) && typeof value.value === 'string' ? value.value : undefined
        if (!setting || !(RULE_SETTINGS as readonly string[]).includes(setting)) {
          this.fail(
            value ?? (pair.key as Node),
            at,
            `must be one of ${RULE_SETTINGS.join(', ')} (got ${this.shown(value)})`,
          )
        }
        rules[id] = setting as RuleSetting
      })
    }
    return rules
  }

  private cluster(node: Node, at: string): ClusterConfig {
    const fields = this.fields(node, at, CLUSTER_KEYS)
    const cluster: ClusterConfig = { name: this.attempt(() => this.requiredString(node, fields, 'name', at)) ?? '' }
    const account = fields.get('account')
    if (account) this.attempt(() => (cluster.account = this.account(account, `${at}.account`)))
    const region = fields.get('region')
    if (region) {
      this.attempt(() => {
        const text = this.nonEmptyString(region.value, region.pair, `${at}.region`)
        if (!REGION.test(text))
          this.fail(region.value, `${at}.region`, `"${text}" is not an AWS region (like us-east-1)`)
        cluster.region = text
      })
    }
    const issuer = fields.get('issuer')
    if (issuer)
      this.attempt(() => {
        const text = this.nonEmptyString(issuer.value, issuer.pair, `${at}.issuer`)
        const parsed = text.startsWith('https://') ? parseEksIssuerHostPath(text.slice('https://'.length)) : undefined
        if (!parsed) {
          this.fail(
            issuer.value,
            `${at}.issuer`,
            `"${text}" is not an EKS issuer (https://oidc.eks.<region>.amazonaws.com/id/<ID>)`,
          )
        }
        if (cluster.region && parsed.region !== cluster.region) {
          this.fail(
            issuer.value,
            `${at}.issuer`,
            `the issuer's region ${parsed.region} is not the cluster's region ${cluster.region}`,
          )
        }
        cluster.issuer = text
      })
    const location = this.locationOf(node)
    if (location) cluster.location = location
    return cluster
  }

  private role(node: Node, at: string): RoleBinding {
    const fields = this.fields(node, at, ROLE_KEYS)
    const role: RoleBinding = {
      file: this.repositoryRelative(this.attempt(() => this.requiredString(node, fields, 'file', at)) ?? ''),
      name: this.attempt(() => this.requiredString(node, fields, 'name', at)) ?? '',
    }
    if (fields.has('name') && role.name !== '' && !ROLE_NAME.test(role.name)) {
      this.attempt(() =>
        this.fail(
          fields.get('name')!.value,
          `${at}.name`,
          `"${role.name}" is not an IAM role name (1-64 of A-Z a-z 0-9 +=,.@_-)`,
        ),
      )
    }
    const account = fields.get('account')
    if (account) this.attempt(() => (role.account = this.account(account, `${at}.account`)))
    const rolePath = fields.get('path')
    if (rolePath) {
      this.attempt(() => {
        const text = this.nonEmptyString(rolePath.value, rolePath.pair, `${at}.path`)
        if (!text.startsWith('/') || !text.endsWith('/'))
          this.fail(rolePath.value, `${at}.path`, `"${text}" must start and end with / (like /service-roles/)`)
        role.path = text
      })
    }
    const location = this.locationOf(node)
    if (location) role.location = location
    return role
  }

  private helm(node: Node | null, owner: Pair): Config['helm'] {
    const map = this.mapping(node, 'helm', owner)
    const helm: Config['helm'] = { releases: [] }
    for (const pair of map.items) {
      this.attempt(() => {
        const key = this.keyOf(pair, 'helm', HELM_KEYS)
        const value = this.resolve(pair.value as Node | null)
        if (key === 'render') {
          if (!isScalar(value) || typeof value.value !== 'boolean')
            this.fail(value ?? (pair.key as Node), 'helm.render', `must be true or false (got ${this.shown(value)})`)
          helm.render = value.value
          this.request('helm.render', value)
          return
        }
        helm.releases = this.each(this.list(value, pair, 'helm.releases'), (item, at) => this.release(item, at))
      })
    }
    return helm
  }

  private release(node: Node, at: string): HelmRelease {
    const fields = this.fields(node, at, RELEASE_KEYS)
    const chart = this.attempt(() => this.requiredString(node, fields, 'chart', at))
    const name = this.attempt(() => this.requiredString(node, fields, 'name', at))
    const namespace = this.attempt(() => this.requiredString(node, fields, 'namespace', at))
    if (namespace !== undefined && !DNS_LABEL.test(namespace)) {
      this.attempt(() =>
        this.fail(
          fields.get('namespace')!.value,
          `${at}.namespace`,
          `"${namespace}" is not a Kubernetes namespace name (lower-case DNS label)`,
        ),
      )
    }
    const values = fields.get('values')
    const valueFiles = values ? (this.attempt(() => this.globs(values.value, values.pair, `${at}.values`)) ?? []) : []
    // Problems are recorded: the config is refused after the whole file is read.
    if (chart === undefined || name === undefined || namespace === undefined) throw new Abandoned()
    const release: HelmRelease = {
      chart: this.repositoryRelative(chart),
      name,
      namespace,
      values: valueFiles.map((file) => this.repositoryRelative(file)),
    }
    const nameLocation = this.locationOf(fields.get('name')!.value)
    const namespaceLocation = this.locationOf(fields.get('namespace')!.value)
    if (nameLocation) release.nameLocation = nameLocation
    if (namespaceLocation) release.namespaceLocation = namespaceLocation
    return release
  }

  private request(setting: RequestedSetting, node: Node): void {
    const { line, col } = this.lineCounter.linePos(node.range?.[0] ?? 0)
    this.requested.set(setting, { path: this.options.repositoryPath ?? this.options.displayPath, line, column: col })
  }

  // ---- generic readers ----

  private fields<K extends string>(node: Node, at: string, allowed: readonly K[]): Map<K, { pair: Pair; value: Node }> {
    const map = this.mapping(node, at)
    const fields = new Map<K, { pair: Pair; value: Node }>()
    for (const pair of map.items) {
      this.attempt(() => {
        const key = this.keyOf(pair, at, allowed)
        const value = this.resolve(pair.value as Node | null)
        if (value === null || (isScalar(value) && value.value === null))
          this.fail(pair.key as Node, `${at}.${key}`, 'has no value')
        fields.set(key, { pair, value })
      })
    }
    return fields
  }

  private requiredString<K extends string>(
    owner: Node,
    fields: Map<K, { pair: Pair; value: Node }>,
    key: K,
    at: string,
  ): string {
    const field = fields.get(key)
    if (!field) this.fail(owner, at, `missing required key "${key}"`)
    return this.nonEmptyString(field.value, field.pair, `${at}.${key}`)
  }

  private account(field: { pair: Pair; value: Node }, at: string): string {
    // An unquoted account is a YAML number; its source text keeps any leading zero.
    const raw = isScalar(field.value) && typeof field.value.value === 'number' ? this.source(field.value) : undefined
    const text = raw ?? this.nonEmptyString(field.value, field.pair, at)
    if (!ACCOUNT.test(text)) this.fail(field.value, at, `"${text}" is not an AWS account id (12 digits; quote it)`)
    return text
  }

  private positiveInteger(node: Node | null, owner: Pair, at: string): number {
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isSafeInteger(node.value) || node.value <= 0) {
      this.fail(node ?? (owner.key as Node), at, `must be a positive whole number of bytes (got ${this.shown(node)})`)
    }
    return node.value
  }

  private directoryName(node: Node, owner: Pair, at: string): string {
    const name = this.nonEmptyString(node, owner, at)
    if (/[/\\*?[\]{}]/.test(name) || name === '.' || name === '..')
      this.fail(node, at, `"${name}" is not a directory name (no slashes or globs; use exclude for paths)`)
    return name
  }

  private nonEmptyString(node: Node | null, owner: Pair, at: string): string {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      this.fail(node ?? (owner.key as Node), at, `must be a non-empty string (got ${this.shown(node)})`)
    }
    return node.value
  }

  private list(node: Node | null, owner: Pair, at: string): [Node, string][] {
    if (!isSeq(node)) this.fail(node ?? (owner.key as Node), at, `must be a list (got ${this.shown(node)})`)
    return node.items.flatMap((item, index): [Node, string][] => {
      const resolved = this.resolve(item as Node | null)
      const itemAt = `${at}[${index}]`
      if (resolved === null) return this.attempt(() => this.fail(node, itemAt, 'is empty')) ?? []
      return [[resolved, itemAt]]
    })
  }

  private mapping(node: Node | null, at: string, owner?: Pair): YAMLMap {
    if (!isMap(node)) {
      const where = node ?? (owner?.key as Node | undefined) ?? null
      this.fail(where, at || '(top level)', `must be a mapping (got ${this.shown(node)})`)
    }
    return node
  }

  private keyOf<K extends string>(pair: Pair, at: string, allowed: readonly K[]): K {
    const key = this.keyText(pair, at)
    if (!(allowed as readonly string[]).includes(key))
      this.fail(pair.key as Node, join(at, key), `unknown key${didYouMean(key, allowed)}`)
    return key as K
  }

  private keyText(pair: Pair, at: string): string {
    const key = pair.key as Node | null
    if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number'))
      this.fail(key, at || '(top level)', 'keys must be plain strings')
    return String(key.value)
  }

  private resolve(node: Node | null | undefined): Node | null {
    if (node === null || node === undefined) return null
    return isAlias(node) ? ((node.resolve(this.document) as Node | undefined) ?? null) : node
  }

  private repositoryRelative(file: string): string {
    return file.replace(/\\/g, '/').replace(/^\.\//, '')
  }

  private locationOf(node: Node): ClusterConfig['location'] {
    if (this.options.repositoryPath === undefined) return undefined
    const { line, col } = this.lineCounter.linePos(node.range?.[0] ?? 0)
    return { path: this.options.repositoryPath, line, column: col }
  }

  /** Where `node` is in the config file: repository-relative when the file is in the repository, else as named. */
  private locationInFile(node: Node): Location {
    const { line, col } = this.lineCounter.linePos(node.range?.[0] ?? 0)
    return { path: this.options.repositoryPath ?? this.options.displayPath, line, column: col }
  }

  private source(node: Node): string | undefined {
    return node.range ? this.text.slice(node.range[0], node.range[1]).trim() : undefined
  }

  private shown(node: Node | null): string {
    if (node === null || (isScalar(node) && node.value === null)) return 'nothing'
    if (isMap(node)) return 'a mapping'
    if (isSeq(node)) return 'a list'
    if (isScalar(node)) return typeof node.value === 'string' ? `"${node.value}"` : String(node.value)
    return 'something else'
  }

  private fail(node: Node | null, at: string, message: string): never {
    const offset = node?.range?.[0] ?? 0
    const { line } = this.lineCounter.linePos(offset)
    this.problems.push({ line, text: `${this.options.displayPath}:${line}: ${at}: ${message}` })
    throw new Abandoned()
  }
}

function join(at: string, key: string): string {
  return at ? `${at}.${key}` : key
}

function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = nearest(word, candidates)
  return suggestion ? ` (did you mean "${suggestion}"?)` : ''
}

/** The candidate closest to `word` by edit distance (ties: the first), or undefined when there are none. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

export interface LoadConfigOptions {
  /** Absolute path of the repository root. */
  root: string
  /** Directory that relative `configFile` paths and error messages are relative to. */
  cwd: string
  /** The config file the user named (relative to `cwd`); without it, `.irsa-guard.yml` at the root if present. */
  configFile?: string
  knownRuleIds?: readonly string[]
  /** What the action's inputs or the CLI's flags grant; default: no rendering, the default size limit. */
  trusted?: TrustedSettings
}

/**
 * The config for a run: the named file (which must exist), else the root's `.irsa-guard.yml`,
 * else defaults; with the trusted settings applied. A config file inside the scanned root is
 * repository input: it may turn rendering off and lower maxFileBytes, but what it asks beyond
 * the trusted settings is ignored and reported as a warning at its line. A file outside the root
 * was named by the user or the workflow, and is followed.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  const trusted = options.trusted ?? defaultTrustedSettings()
  const absolutePath = options.configFile
    ? path.resolve(options.cwd, options.configFile)
    : await findConfigFile(options.root)
  if (!absolutePath) return withTrustedSettings(defaultConfig(), trusted)
  const displayPath = options.configFile ?? (toPosix(path.relative(options.cwd, absolutePath)) || absolutePath)
  const inRepository = toPosix(path.relative(options.root, absolutePath))
  const repositoryPath =
    inRepository === '..' || inRepository.startsWith('../') || path.isAbsolute(inRepository) ? undefined : inRepository
  // A file the user named outside the root is theirs; one inside it stays inside.
  const within = confinementFor(absolutePath, options.root)
  const textOptions: ConfigTextOptions = {
    displayPath,
    ...(repositoryPath !== undefined ? { repositoryPath } : {}),
    ...(options.knownRuleIds ? { knownRuleIds: options.knownRuleIds } : {}),
  }
  const { config, requested } = parseConfigDocument(readConfigText(absolutePath, displayPath, within), textOptions)
  if (within === undefined) {
    if (trusted.helmRender) config.helm.render = true
    if (trusted.kustomizeRender) config.kustomize = 'render'
    if (!requested.has('maxFileBytes')) config.maxFileBytes = trusted.maxFileBytes
    return config
  }
  const refused: SourceFinding[] = []
  const refuse = (setting: RequestedSetting, message: string): void => {
    const location = requested.get(setting)
    if (location)
      refused.push({ ruleId: 'parse-error', level: 'warning', location, message, key: `config-refused:${setting}` })
  }
  const render = config.helm.render
  if (render === true && !trusted.helmRender) {
    refuse(
      'helm.render',
      `helm.render: true is ignored: a config file in the scanned repository cannot make irsa-guard run helm; set the action input helm-render (CLI: --helm-render) to render charts`,
    )
  }
  config.helm.render = trusted.helmRender && render !== false
  if (config.kustomize === 'render' && !trusted.kustomizeRender) {
    refuse(
      'kustomize',
      `kustomize: render is ignored: a config file in the scanned repository cannot make irsa-guard run kubectl; set the action input kustomize-render (CLI: --kustomize-render) to render builds`,
    )
    config.kustomize = 'native'
  } else if (trusted.kustomizeRender && config.kustomize !== 'native') {
    config.kustomize = 'render'
  }
  if (requested.has('maxFileBytes') && trusted.maxFileBytes > 0 && config.maxFileBytes > trusted.maxFileBytes) {
    refuse(
      'maxFileBytes',
      `maxFileBytes: ${config.maxFileBytes} is ignored: a config file in the scanned repository may lower the size limit but not raise it above ${trusted.maxFileBytes} bytes; set the action input max-file-bytes (CLI: --max-file-bytes) to raise it`,
    )
    config.maxFileBytes = trusted.maxFileBytes
  } else if (!requested.has('maxFileBytes')) {
    config.maxFileBytes = trusted.maxFileBytes
  }
  if (refused.length > 0) config.findings = refused
  return config
}

/** The defaults with what the workflow or the user granted. */
function withTrustedSettings(config: Config, trusted: TrustedSettings): Config {
  if (trusted.helmRender) config.helm.render = true
  if (trusted.kustomizeRender) config.kustomize = 'render'
  config.maxFileBytes = trusted.maxFileBytes
  return config
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/')
}
