import nodePath from 'node:path'
import { outputTemplateVariables } from './template-variables.js'
import { emptyFacts, placeInUnit, terraformUnit, type Facts } from '../../model/facts.js'
import type { SourceFinding } from '../../model/finding.js'
import type { Suppression } from '../../model/suppression.js'
import { formatLocation, type Location } from '../../model/location.js'
import { appendResult, textLength, type SourceContext, type SourceFile, type SourceResult } from '../source.js'
import { commentSuppressions } from '../shared/suppressions.js'
import { parseJsonTree } from '../shared/json-tree.js'
import { widenSuppressionsToBlocks } from './block-suppressions.js'
import type { HclFile, Step, TemplateExpr } from './ast.js'
import type { CalledModule, FactSink, LocalCharts } from './context.js'
import { readCharts, type Chart } from '../helm/charts.js'
import { chartReleaseResult } from '../helm/index.js'
import { treeToValue } from './documents.js'
import { Budget, Evaluator, type Environment, type FileText, type Resolved } from './evaluate.js'
import type { HclParser } from './loader.js'
import { ModuleInstance, type ModuleCallRequest, type ModuleSource, type Program } from './module.js'
import { parseHclFile } from './parse.js'
import { filterModule, parseBlanked, type BlankedFile } from './block-filter.js'
import { registryModule } from './registry/index.js'
import { undeclaredResourceReferences } from './undeclared-references.js'
import { creatorText } from '../shared/creator-text.js'
import { objectValue, printValue, unknownRef, type HclValue } from './values.js'
import { errorText } from '../../model/error-text.js'
import { joinRolePolicies } from './resources/role-policies.js'

/** Evaluation steps for a whole scan; generous for real configurations, small enough to stop a pathological one. */
const EVALUATION_BUDGET = 5_000_000
/** Local module calls nested deeper are not followed (real configurations nest 3 to 5 deep). */
const MAX_MODULE_DEPTH = 32
/** Module instances one root module may create (calls × count/for_each, at every level); fan-out at every level must not multiply without end. */
const MAX_MODULE_INSTANCES = 5_000
const HCL_COMMENT_MARKERS = ['#', '//', '/*'] as const

/**
 * A Terraform scan: every directory of `.tf` files is a module; those no other scanned module
 * calls with a local `source` are root modules, evaluated with their `terraform.tfvars` and
 * `*.auto.tfvars`; local calls instantiate the called directory with the call's arguments.
 */
export class TerraformProgram implements Program {
  /** Steps left to the root module being evaluated (each root, and each directory's variable files, get their own). */
  budget = new Budget(EVALUATION_BUDGET)
  /** Module instances the root module being evaluated has created. */
  private moduleInstances = 0
  private readonly notedCalls = new Set<string>()
  /** Parsed modules, with their own syntax findings, until let go. */
  private readonly modules = new Map<string, { source: ModuleSource; findings: SourceFinding[] }>()
  private readonly scanned: ReadonlyMap<string, SourceFile>
  private readonly diskTexts = new Map<string, FileText | undefined>()
  private readonly byDir: ReadonlyMap<string, SourceFile[]>
  private templateCounter = 0
  private charts: Map<string, Chart> | undefined

  /** The scan's charts, read on the first `helm_release` that names a directory. */
  readonly localCharts: LocalCharts = {
    chart: (directory) => {
      if (!this.charts) {
        const chartFiles = this.context.files.filter((file) => file.kind === 'helm-chart')
        const { charts } = readCharts(chartFiles, this.context.files, this.context.repository)
        this.charts = new Map(charts.map((chart) => [chart.directory, chart]))
      }
      return this.charts.get(directory)
    },
    release: (release) => chartReleaseResult(release, this.context),
  }

  /** `index`: the files by path and directory, when the caller already built it for these files (terraformIndex). */
  constructor(
    private readonly parser: HclParser,
    files: readonly SourceFile[],
    private readonly context: SourceContext,
    index: TerraformIndex = terraformIndex(files, context),
  ) {
    this.scanned = index.scanned
    this.byDir = index.byDir
  }

  run(): SourceResult {
    return mergeTerraformParts([this.runPart(0, 1)])
  }

  /** The module directories in scan order: the units `runDirectories` reads. */
  directories(): string[] {
    return [...this.byDir.keys()]
  }

  /**
   * Reads the directories of one part (`part` of `count`, see `terraformPartDirectories`): their
   * syntax findings and suppressions, and the facts of each of them as a root module, with the
   * directories they call. A directory is evaluated as soon as it is parsed, unless a module
   * parsed before calls it, and its syntax tree is then let go (a later caller parses it again):
   * only called modules stay in memory. The modules a part calls are parsed without their
   * findings (their own part reports those). `mergeTerraformParts` keeps the roots no part calls.
   */
  runPart(part: number, count: number): TerraformPart {
    return this.runDirectories(
      new Set(
        terraformPartDirectories(
          [...this.byDir].map(([dir, files]) => ({ dir, size: textLength(files) })),
          count,
        )[part] ?? [],
      ),
    )
  }

  /** `runPart` over the directories given (`mergeTerraformParts` of the parts of disjoint sets covering every directory, in scan order, is `run`). */
  runDirectories(owned: ReadonlySet<string>): TerraformPart {
    const findings: SourceFinding[] = []
    const suppressions: Suppression[] = []
    const called = new Set<string>()
    const calls: LocalModuleCall[] = []
    const roots: TerraformRootResult[] = []
    for (const [dir, files] of this.byDir) {
      if (!owned.has(dir)) continue
      const fileSuppressions = files.flatMap((file) => commentSuppressions(file.path, file.text, HCL_COMMENT_MARKERS))
      const loaded = this.loadModule(dir)
      if (loaded) widenSuppressionsToBlocks(fileSuppressions, loaded.source.files)
      suppressions.push(...fileSuppressions)
      if (!loaded) continue
      for (const finding of loaded.findings) findings.push(finding)
      for (const call of this.calledBy(loaded.source)) {
        called.add(call.to)
        calls.push(call)
      }
      if (called.has(dir)) continue
      roots.push(this.evaluateRoot(loaded.source))
      this.modules.delete(dir)
    }
    const consumable = (path: string): boolean => {
      const kind = this.scanned.get(path)?.kind
      return kind !== undefined && kind !== 'terraform' && kind !== 'terraform-vars'
    }
    for (const root of roots) root.documentFiles = root.documentFiles.filter(consumable)
    return { findings, suppressions, called: [...called], calls, roots }
  }

  /** One root module's facts; one that cannot be evaluated is a finding of its own, and the other roots are still read. */
  private evaluateRoot(source: ModuleSource): TerraformRootResult {
    const sink = emptySink()
    this.budget = new Budget(EVALUATION_BUDGET)
    this.moduleInstances = 0
    this.notedCalls.clear()
    try {
      const root = new ModuleInstance(this, source, '', source.dir, undefined, 0)
      root.collectFacts(sink)
      joinRolePolicies(sink)
      placeInUnit(sink.facts, terraformUnit(source.dir))
      const variables = outputTemplateVariables(root, source.dir, terraformUnit(source.dir))
      if (variables.length > 0) sink.facts.templateVariables = variables
    } catch (error) {
      const first = source.files[0]?.path ?? source.dir
      const finding: SourceFinding = {
        ruleId: 'parse-error',
        location: { path: first, line: 1, column: 1 },
        message: `Cannot evaluate the Terraform module in ${source.dir}: ${errorText(error)}; nothing in it was checked`,
        key: `terraform-evaluation ${source.dir}`,
      }
      return { dir: source.dir, facts: emptyFacts(), findings: [finding], documentFiles: [] }
    }
    return { dir: source.dir, facts: sink.facts, findings: sink.findings, documentFiles: [...sink.documentFiles] }
  }

  /** A directory's `.tf` and variable files parsed, with their syntax findings; undefined when it has no `.tf` file. Kept until let go. */
  private loadModule(dir: string): { source: ModuleSource; findings: SourceFinding[] } | undefined {
    const cached = this.modules.get(dir)
    if (cached) return cached
    const files = this.byDir.get(dir) ?? []
    const tf = files.filter((file) => file.kind === 'terraform').sort((a, b) => a.path.localeCompare(b.path))
    if (tf.length === 0) return undefined
    const findings: SourceFinding[] = []
    const filtered = this.context.hclFilter ? filterModule(tf) : undefined
    const parsed = tf.map((file, index) => this.parseFile(file, findings, filtered?.[index]))
    if (parsed.every((file) => !file.error) && this.readWhole(dir, tf))
      for (const finding of undeclaredResourceReferences(parsed)) findings.push(finding)
    this.budget = new Budget(EVALUATION_BUDGET)
    const variableValues = this.variableValues(
      files.filter((file) => file.kind === 'terraform-vars'),
      findings,
    )
    const loaded = { source: { dir, files: parsed, variableValues }, findings }
    this.modules.set(dir, loaded)
    return loaded
  }

  /** A module a module calls: parsed (once more, if it was let go) with findings its own part reports. */
  private moduleSource(dir: string): ModuleSource | undefined {
    const existing = this.modules.get(dir)
    if (existing || !this.byDir.has(dir)) return existing?.source
    const budget = this.budget
    const loaded = this.loadModule(dir)
    this.budget = budget
    return loaded?.source
  }

  callModule(call: ModuleCallRequest): CalledModule {
    if (call.source.startsWith('./') || call.source.startsWith('../')) {
      const dir = nodePath.posix.normalize(nodePath.posix.join(call.callerDir, call.source)).replace(/\/$/, '')
      const source = this.moduleSource(dir)
      if (!source) return new OpaqueModule(call)
      const name = call.prefix.slice(0, -1)
      if (call.chain.includes(dir)) {
        const cycle = [...call.chain.slice(call.chain.indexOf(dir)), dir].join(' → ')
        return this.notFollowed(
          call,
          'cycle',
          `${name} calls ${dir}, which is already being evaluated above it (${cycle}): Terraform rejects a module cycle, and this call was not evaluated`,
        )
      }
      if (call.depth > MAX_MODULE_DEPTH) {
        return this.notFollowed(
          call,
          'depth',
          `${name} calls ${dir} more than ${MAX_MODULE_DEPTH} module calls below the root module ${call.rootDir}: it was not evaluated, nor anything it calls`,
        )
      }
      if (++this.moduleInstances > MAX_MODULE_INSTANCES) {
        return this.notFollowed(
          call,
          'instances',
          `the root module ${call.rootDir} creates more than ${MAX_MODULE_INSTANCES} module instances: ${name} and the instances after it were not evaluated`,
        )
      }
      return new ModuleInstance(
        this,
        source,
        call.prefix,
        call.rootDir,
        call.view,
        call.depth,
        call.chain,
        call.awsRegion,
        call.awsAccount,
      )
    }
    return registryModule(call) ?? new OpaqueModule(call)
  }

  /** A module call not followed, reported once per reason and module block (and once for the instance limit) in each root module. */
  private notFollowed(call: ModuleCallRequest, reason: 'cycle' | 'depth' | 'instances', message: string): OpaqueModule {
    const key =
      reason === 'instances'
        ? `terraform-module-instances ${call.rootDir}`
        : `terraform-module-${reason} ${formatLocation(call.location)}`
    if (this.notedCalls.has(key)) return new OpaqueModule(call)
    this.notedCalls.add(key)
    return new OpaqueModule(call, { ruleId: 'parse-error', level: 'note', location: call.location, message, key })
  }

  readFile(repositoryPath: string): FileText | undefined {
    const scanned = this.scanned.get(repositoryPath)
    if (scanned !== undefined) return { path: repositoryPath, text: scanned.text }
    if (this.diskTexts.has(repositoryPath)) return this.diskTexts.get(repositoryPath)
    const text = this.readFromDisk(repositoryPath)
    this.diskTexts.set(repositoryPath, text)
    return text
  }

  parseTemplate(text: string, path: string): TemplateExpr | undefined {
    let delimiter = `IRSA_GUARD_TEMPLATE_${this.templateCounter++}`
    while (text.includes(delimiter)) delimiter += '_'
    const wrapped = `t = <<${delimiter}\n${text}${text.endsWith('\n') ? '' : '\n'}${delimiter}\n`
    const file = parseHclFile(this.parser, path, wrapped, { lineOffset: -1, fast: this.context.hclFast !== false })
    const expression = file.body.attributes[0]?.expression
    if (!expression) return undefined
    const start: Location = { path, line: 1, column: 1 }
    if (expression.kind === 'template') return trimAddedNewline(expression, text)
    if (expression.kind === 'literal' && typeof expression.value === 'string') {
      const value = text.endsWith('\n') ? expression.value : expression.value.replace(/\n$/, '')
      return {
        kind: 'template',
        parts: [{ kind: 'text', text: value, location: start }],
        location: start,
        textLocation: start,
        lineAligned: true,
      }
    }
    return undefined
  }

  /** `blanked`: the file's text with bodies nothing reads blanked, parsed instead when it parses as the scan expected. */
  private parseFile(file: SourceFile, findings: SourceFinding[], blanked?: BlankedFile): HclFile {
    let parsed: HclFile
    try {
      const fast = this.context.hclFast !== false
      parsed =
        (blanked && parseBlanked(this.parser, file, blanked, fast)) ??
        parseHclFile(this.parser, file.path, file.text, { fast })
    } catch (error) {
      // This file only: the module's other files, and the other modules, are still read.
      findings.push({
        ruleId: 'parse-error',
        location: { path: file.path, line: 1, column: 1 },
        message: `Cannot read ${file.path}: ${errorText(error)}; nothing in this file was read`,
        key: `hcl-internal ${file.path}`,
      })
      return { path: file.path, text: file.text, body: { attributes: [], blocks: [] } }
    }
    if (parsed.error) {
      findings.push({
        ruleId: 'parse-error',
        location: parsed.error.location,
        message: `Cannot parse ${file.path}: ${parsed.error.message}; what parsed around it was still read`,
        key: `hcl-syntax ${file.path}`,
      })
    }
    return parsed
  }

  /** `terraform.tfvars`, then `*.auto.tfvars` in name order (later files win); JSON variants too. */
  private variableValues(files: SourceFile[], findings: SourceFinding[]): Map<string, HclValue> {
    const values = new Map<string, HclValue>()
    const name = (file: SourceFile): string => nodePath.posix.basename(file.path)
    const loaded = files
      .filter((file) => /^terraform\.tfvars(\.json)?$/.test(name(file)) || /\.auto\.tfvars(\.json)?$/.test(name(file)))
      .sort((a, b) =>
        /^terraform\.tfvars/.test(name(a))
          ? -1
          : /^terraform\.tfvars/.test(name(b))
            ? 1
            : name(a).localeCompare(name(b)),
      )
    const evaluator = new Evaluator(CONSTANT_ENVIRONMENT, this.budget)
    for (const file of loaded) {
      if (file.path.endsWith('.json')) {
        const parsed = parseJsonTree(file.path, file.text)
        if (!parsed.ok) {
          findings.push({
            ruleId: 'parse-error',
            location: parsed.location,
            message: `Cannot parse ${file.path}: ${parsed.message}`,
            key: `tfvars-json ${file.path}`,
          })
          continue
        }
        const value = treeToValue(parsed.root)
        if (value.kind === 'object') for (const entry of value.entries) values.set(entry.key, entry.value)
        continue
      }
      const parsed = this.parseFile(file, findings)
      for (const item of parsed.body.attributes) values.set(item.name, evaluator.evaluate(item.expression))
    }
    return values
  }

  /** The calls with a local source this module makes (the directories they call are not root modules). */
  private calledBy(source: ModuleSource): LocalModuleCall[] {
    const called: LocalModuleCall[] = []
    for (const file of source.files) {
      for (const block of file.body.blocks) {
        if (block.type !== 'module') continue
        const expression = block.body.attributes.find((item) => item.name === 'source')?.expression
        if (expression?.kind !== 'literal' || typeof expression.value !== 'string') continue
        if (!expression.value.startsWith('./') && !expression.value.startsWith('../')) continue
        const target = nodePath.posix.normalize(nodePath.posix.join(source.dir, expression.value)).replace(/\/$/, '')
        if (target !== source.dir)
          called.push({ from: source.dir, to: target, name: block.labels[0] ?? '', location: block.location })
      }
    }
    return called
  }

  /** Every `.tf` and `.tf.json` file of the directory on disk is one the scan read (none excluded, too large or unread JSON). */
  private readWhole(dir: string, read: readonly SourceFile[]): boolean {
    if (!this.context.root) return false
    const entries = this.context.repository.entriesOnDisk(dir)
    if (!entries) return false
    const names = new Set(read.map((file) => nodePath.posix.basename(file.path)))
    return entries.every((entry) => !/\.tf(\.json)?$/i.test(entry.name) || (entry.isFile() && names.has(entry.name)))
  }

  /** A repository file the scan did not read (a template, a values file), through the context's repository reader. */
  private readFromDisk(repositoryPath: string): FileText | undefined {
    const text = this.context.repository.text(repositoryPath)
    return text === undefined ? undefined : { path: repositoryPath, text }
  }
}

/** A scan's files by path (every scanned file, the Terraform ones last) and its Terraform files by directory, in scan order. */
export interface TerraformIndex {
  scanned: ReadonlyMap<string, SourceFile>
  byDir: ReadonlyMap<string, SourceFile[]>
}

export function terraformIndex(files: readonly SourceFile[], context: SourceContext): TerraformIndex {
  const scanned = new Map<string, SourceFile>()
  const byDir = new Map<string, SourceFile[]>()
  for (const file of context.files) scanned.set(file.path, file)
  for (const file of files) {
    scanned.set(file.path, file)
    const dir = nodePath.posix.dirname(file.path)
    const list = byDir.get(dir)
    if (list) list.push(file)
    else byDir.set(dir, [file])
  }
  return { scanned, byDir }
}

/** What one part of a Terraform scan read (plain data: it crosses from worker threads). */
export interface TerraformPart {
  /** Syntax findings of the part's files, in scan order. */
  findings: SourceFinding[]
  suppressions: Suppression[]
  /** Directories the part's modules call: not root modules, whichever part evaluated them as roots. */
  called: string[]
  calls: LocalModuleCall[]
  /** Each directory of the part that no module of the part calls, evaluated as a root module. */
  roots: TerraformRootResult[]
}

export interface LocalModuleCall {
  from: string
  to: string
  /** The module block's label. */
  name: string
  location: Location
}

export interface TerraformRootResult {
  dir: string
  facts: Facts
  findings: SourceFinding[]
  /** Scanned non-Terraform files its resources read with file(). */
  documentFiles: string[]
}

/** The result of reading all parts at once: syntax findings first, then the root modules in scan order. */
export function mergeTerraformParts(parts: readonly TerraformPart[]): SourceResult {
  const called = new Set(parts.flatMap((part) => part.called))
  const result: SourceResult = { facts: emptyFacts(), findings: [], suppressions: [] }
  const consumed = new Set<string>()
  for (const part of parts) {
    for (const finding of part.findings) result.findings.push(finding)
    for (const suppression of part.suppressions) result.suppressions.push(suppression)
  }
  for (const part of parts) {
    for (const root of part.roots) {
      if (called.has(root.dir)) continue
      appendResult(result, { facts: root.facts, findings: root.findings, suppressions: [] })
      for (const path of root.documentFiles) consumed.add(path)
    }
  }
  for (const finding of unrootedCycles(parts)) result.findings.push(finding)
  // A scanned trust policy or manifest that a resource reads with file() is that resource's: other sources skip it.
  if (consumed.size > 0) result.consumedFiles = [...consumed].sort()
  return result
}

/**
 * Directories that call each other (a module cycle) with no root module above them are evaluated
 * by no one: each of their calls inside the cycle is reported, so that they are not passed over silently.
 */
function unrootedCycles(parts: readonly TerraformPart[]): SourceFinding[] {
  const calls = parts.flatMap((part) => part.calls)
  const called = new Set(calls.map((call) => call.to))
  const reached = new Set(parts.flatMap((part) => part.roots.map((root) => root.dir)).filter((dir) => !called.has(dir)))
  const callsFrom = new Map<string, LocalModuleCall[]>()
  for (const call of calls) callsFrom.set(call.from, [...(callsFrom.get(call.from) ?? []), call])
  const queue = [...reached]
  while (queue.length > 0) {
    for (const call of callsFrom.get(queue.pop()!) ?? []) {
      if (!reached.has(call.to)) {
        reached.add(call.to)
        queue.push(call.to)
      }
    }
  }
  return calls
    .filter((call) => !reached.has(call.from) && !reached.has(call.to) && callsFrom.has(call.to))
    .map((call) => ({
      ruleId: 'parse-error',
      level: 'note' as const,
      location: call.location,
      message: `module.${call.name} in ${call.from} calls ${call.to}, and no root module calls either: they call each other (a module cycle), which Terraform rejects, so nothing in them was checked`,
      key: `terraform-module-cycle ${call.from} module.${call.name}`,
    }))
}

/** The module directories (in scan order) of each of `count` parts: consecutive runs of about equal text. */
export function terraformPartDirectories(dirs: readonly { dir: string; size: number }[], count: number): string[][] {
  const total = dirs.reduce((sum, each) => sum + each.size, 0)
  const parts: string[][] = Array.from({ length: Math.max(1, count) }, () => [])
  let before = 0
  for (const { dir, size } of dirs) {
    const index = Math.min(parts.length - 1, Math.floor(((before + size / 2) * parts.length) / Math.max(total, 1)))
    parts[index]!.push(dir)
    before += size
  }
  return parts
}

function emptySink(): FactSink {
  return { facts: emptyFacts(), findings: [], suppressions: [], documentFiles: new Set() }
}

/** Argument names of a module call that set up IRSA (`oidc_provider_arn`, `set_irsa_names`, `service_account_name`). */
const IRSA_ARGUMENT = /oidc|irsa|service_account|pod_identity/i

/**
 * A module whose source is not in the scan: each output is a reference `module.<name>.<output>`.
 * The call is recorded so that the coverage can say what was not read.
 */
class OpaqueModule implements CalledModule {
  private readonly prefix: string

  constructor(
    private readonly call: ModuleCallRequest,
    /** Why a module in the scan is not evaluated here. */
    private readonly notFollowed?: SourceFinding,
  ) {
    this.prefix = call.prefix
  }

  output(name: string, location: Location): HclValue {
    return unknownRef(`${this.prefix}${name}`, location)
  }

  outputsObject(location: Location): HclValue {
    return { ...objectValue([], location), openRef: this.prefix.replace(/\.$/, '') }
  }

  collectFacts(sink: FactSink): void {
    if (this.notFollowed) sink.findings.push(this.notFollowed)
    const block = this.call.view.block
    const irsaArguments = block.body.attributes.map((item) => item.name).filter((name) => IRSA_ARGUMENT.test(name))
    sink.facts.unreadModules.push({
      source: 'terraform',
      location: block.location,
      prefix: this.prefix,
      moduleSource: this.call.source,
      ...(this.call.version !== undefined ? { version: this.call.version } : {}),
      irsaArguments,
      terraform: { root: this.call.rootDir, address: this.prefix.replace(/\.$/, '') },
    })
    const label = this.prefix.replace(/\.$/, '')
    const view = this.call.view
    ;(sink.facts.serviceAccountCreators ??= []).push({
      source: 'terraform',
      label,
      location: view.location,
      text: creatorText(printValue(view.toValue())),
      terraform: { root: this.call.rootDir, address: label },
    })
  }
}

/** Variable files hold constants: any reference in one is unknown. */
const CONSTANT_ENVIRONMENT: Environment = {
  prefix: '',
  resolve(root: string, _steps: readonly Step[], location: Location): Resolved {
    return { value: unknownRef(root, location), consumed: 0 }
  },
  readFile: () => undefined,
  parseTemplate: () => undefined,
}

/** The wrapper heredoc ends the text with a newline the file may not have. */
function trimAddedNewline(template: TemplateExpr, text: string): TemplateExpr {
  if (text.endsWith('\n')) return template
  const last = template.parts[template.parts.length - 1]
  if (last?.kind !== 'text' || !last.text.endsWith('\n')) return template
  return { ...template, parts: [...template.parts.slice(0, -1), { ...last, text: last.text.slice(0, -1) }] }
}
