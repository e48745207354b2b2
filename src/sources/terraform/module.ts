import nodePath from 'node:path'
import type { Location } from '../../model/location.js'
import { UNIT_FACT_KINDS } from '../../model/facts.js'
import { parseRoleArn } from '../../iam/arn.js'
import { attribute, type Attribute, type Block, type HclFile, type Step, type TemplateExpr } from './ast.js'
import { BlockView, expandInstances, keyTextOf, type BlockInstance } from './block-view.js'
import { computedAttribute } from './computed.js'
import type { CalledModule, FactSink, LocalCharts, ResourceContext } from './context.js'
import { EvalError } from './errors.js'
import {
  type Budget,
  Evaluator,
  NO_BINDINGS,
  type Bindings,
  type Environment,
  type FileText,
  type Resolved,
} from './evaluate.js'
import { markPrivateNetworks, type NetworkScope, type ScopedModuleCall, type ScopedView } from './network.js'
import { policyDocumentJson } from './resources/policy-document.js'
import { readDataSource, readResource } from './resources/index.js'
import { linksUnderCondition } from './resources/role-policies.js'
import {
  objectValue,
  printValue,
  stringValue,
  tupleValue,
  unknownRef,
  type HclValue,
  type ObjectEntryValue,
} from './values.js'
import { errorText } from '../../model/error-text.js'

/** A directory of `.tf` files (a module) and, for a root module, its variable files' values. */
export interface ModuleSource {
  /** Repository-relative directory, `.` for the repository root. */
  dir: string
  files: HclFile[]
  variableValues: Map<string, HclValue>
}

/** What module instances share: the scan's modules, files, budget, and how to call a module. */
export interface Program {
  readonly budget: Budget
  readFile(repositoryPath: string): FileText | undefined
  parseTemplate(text: string, path: string): TemplateExpr | undefined
  callModule(call: ModuleCallRequest): CalledModule
  readonly localCharts?: LocalCharts
}

export interface ModuleCallRequest {
  source: string
  version?: string
  callerDir: string
  rootDir: string
  /** The module block, with the names bound for this instance (each, count). */
  view: BlockView
  /** `module.app.`, `module.app["x"].` */
  prefix: string
  depth: number
  /** The module block: where a call that is not followed is reported. */
  location: Location
  /** The directories of the module instances from the root down to the caller. */
  chain: readonly string[]
  /** The region of the default `aws` provider the module inherits, when a literal says it. */
  awsRegion?: AwsRegion
  /** The account the default `aws` provider the module inherits is confined to or assumes a role in. */
  awsAccount?: AwsAccount
}

/** A `region = "…"` literal of a `provider "aws"` block. */
export interface AwsRegion {
  value: string
  location: Location
}

/** The account of a `provider "aws"` block: its one `allowed_account_ids` entry, or its `assume_role` role's. */
export interface AwsAccount {
  value: string
  location: Location
}

interface ModuleCallInstances {
  expanded: boolean
  instances: { instance: BlockInstance; module: CalledModule }[]
}

/**
 * One instance of a module: its variables (from the caller's arguments, or the root's variable
 * files), locals, resources, data sources, calls and outputs, evaluated on demand and once.
 * References to what exists only at apply time become unknowns named with this instance's prefix.
 */
export class ModuleInstance implements Environment, CalledModule {
  readonly evaluator: Evaluator
  private readonly variables = new Map<string, Block>()
  private readonly locals = new Map<string, Attribute>()
  private readonly outputs = new Map<string, Block>()
  private readonly resources = new Map<string, Block>()
  private readonly dataSources = new Map<string, Block>()
  private readonly moduleCalls = new Map<string, Block>()
  private readonly cache = new Map<string, HclValue>()
  private readonly pending = new Set<string>()
  private readonly instanceCache = new Map<Block, BlockInstance[]>()
  private readonly callCache = new Map<string, ModuleCallInstances>()
  /**
   * Whether an expression reads a variable whose default may not be what is applied. In a module
   * nothing in the scan calls, with no variable files, backend or provider configuration (a library
   * module, whose callers elsewhere set its variables), any variable. In a root module, a variable no
   * scanned variable file sets: `-var`, `TF_VAR_…` or a variable file outside the scan (often
   * git-ignored) supplies it at apply time. A module a caller in the scan calls gets its values from that call.
   */
  private readonly readsUnsetInput: (expressionText: string) => boolean
  /** The region of the default `aws` provider, when a literal says it (here, or in the module's callers). */
  private readonly awsRegion: AwsRegion | undefined
  private awsAccountRead: { account: AwsAccount | undefined } | undefined

  constructor(
    private readonly program: Program,
    readonly source: ModuleSource,
    readonly prefix: string,
    private readonly rootDir: string,
    private readonly caller: BlockView | undefined,
    private readonly depth: number,
    /** The directories of the instances that called this one, from the root down. */
    private readonly callers: readonly string[] = [],
    inheritedRegion?: AwsRegion,
    private readonly inheritedAccount?: AwsAccount,
  ) {
    this.evaluator = new Evaluator(this, program.budget)
    this.awsRegion = defaultAwsRegion(source.files) ?? inheritedRegion
    for (const file of source.files) {
      for (const block of file.body.blocks) {
        const [first, second] = block.labels
        if (block.type === 'variable' && first !== undefined) this.variables.set(first, block)
        else if (block.type === 'locals') for (const item of block.body.attributes) this.locals.set(item.name, item)
        else if (block.type === 'output' && first !== undefined) this.outputs.set(first, block)
        else if (block.type === 'resource' && first !== undefined && second !== undefined)
          this.resources.set(`${first}.${second}`, block)
        else if (block.type === 'data' && first !== undefined && second !== undefined)
          this.dataSources.set(`${first}.${second}`, block)
        else if (block.type === 'module' && first !== undefined) this.moduleCalls.set(first, block)
      }
    }
    if (caller !== undefined) this.readsUnsetInput = () => false
    else if (source.variableValues.size === 0 && !source.files.some(configuresDeployment))
      this.readsUnsetInput = (text) => /\bvar\./.test(text)
    else
      this.readsUnsetInput = (text) =>
        [...text.matchAll(/\bvar\.([A-Za-z_][\w-]*)/g)].some((match) => !source.variableValues.has(match[1]!))
  }

  // Environment

  resolve(root: string, steps: readonly Step[], location: Location, bindings: Bindings): Resolved {
    const first = steps[0]
    const name = first?.kind === 'attr' ? first.name : undefined
    switch (root) {
      case 'var':
        return name === undefined ? this.opaque(`var`, location) : { value: this.variable(name, location), consumed: 1 }
      case 'local':
        return name === undefined ? this.opaque('local', location) : { value: this.local(name, location), consumed: 1 }
      case 'module':
        return name === undefined
          ? this.opaque('module', location)
          : this.resolveModule(name, steps.slice(1), location, bindings, 1)
      case 'data': {
        const second = steps[1]
        if (name === undefined || second?.kind !== 'attr') return this.opaque('data', location)
        const resolved = this.resolveResource('data', name, second.name, steps.slice(2), location, bindings)
        return { value: resolved.value, consumed: resolved.consumed + 2 }
      }
      case 'path': {
        if (name === 'module')
          return {
            value: stringValue(nodePath.posix.relative(this.rootDir, this.source.dir) || '.', location),
            consumed: 1,
          }
        return { value: stringValue('.', location), consumed: name === undefined ? 0 : 1 }
      }
      case 'terraform':
        return name === 'workspace'
          ? { value: stringValue('default', location), consumed: 1 }
          : this.opaque('terraform', location)
      case 'count':
      case 'each':
      case 'self':
        return this.opaque(root, location)
      default: {
        if (name === undefined) return this.opaque(root, location)
        const resolved = this.resolveResource('resource', root, name, steps.slice(1), location, bindings)
        return { value: resolved.value, consumed: resolved.consumed + 1 }
      }
    }
  }

  readFile(path: string): FileText | undefined {
    if (nodePath.posix.isAbsolute(path) || path.includes('\0')) return undefined
    const joined = nodePath.posix.normalize(nodePath.posix.join(this.rootDir, path))
    if (joined === '..' || joined.startsWith('../')) return undefined
    return this.program.readFile(joined)
  }

  parseTemplate(text: string, path: string): TemplateExpr | undefined {
    return this.program.parseTemplate(text, path)
  }

  // CalledModule

  output(name: string, location: Location): HclValue {
    return this.memo(
      `output.${name}`,
      () => {
        const block = this.outputs.get(name)
        const value = block ? attribute(block.body, 'value') : undefined
        if (!value) throw new EvalError(`no output "${name}"`)
        return this.evaluator.evaluate(value.expression)
      },
      `${this.prefix}${name}`,
      location,
    )
  }

  /** The output blocks by name. */
  outputBlocks(): ReadonlyMap<string, Block> {
    return this.outputs
  }

  outputsObject(location: Location): HclValue {
    const entries: ObjectEntryValue[] = [...this.outputs.keys()].map((name) => ({
      key: name,
      keyLocation: location,
      value: this.output(name, location),
    }))
    return { ...objectValue(entries, location), openRef: this.prefix.replace(/\.$/, '') }
  }

  collectFacts(sink: FactSink): void {
    const clustersBefore = sink.facts.clusters.length
    for (const [mode, blocks] of [
      ['resource', this.resources],
      ['data', this.dataSources],
    ] as const) {
      for (const [key, block] of blocks) {
        if (mode === 'resource' && runsLocalPrograms(block)) {
          const address = `${this.prefix}${key}`
          ;(sink.facts.serviceAccountCreators ??= []).push({
            source: 'terraform',
            label: address,
            location: block.location,
            text: '',
            runsPrograms: true,
            terraform: { root: this.rootDir, address },
          })
        }
        for (const instance of this.instancesOf(block)) {
          const view = new BlockView(this.evaluator, block, instance.bindings, instance.unknownExpansion)
          const address = `${this.prefix}${mode === 'data' ? 'data.' : ''}${key}${instance.keyText}`
          const context: ResourceContext = { view, address, prefix: this.prefix, root: this.rootDir, sink }
          if (this.program.localCharts) context.localCharts = this.program.localCharts
          if (this.awsRegion) context.awsRegion = this.awsRegion
          const awsAccount = this.awsAccount()
          if (awsAccount) context.awsAccount = awsAccount
          guarded(sink, block.location, address, () =>
            underCondition(sink, instance.condition, () =>
              mode === 'data' ? readDataSource(block.labels[0]!, context) : readResource(block.labels[0]!, context),
            ),
          )
        }
      }
    }
    for (const [name, block] of this.moduleCalls) {
      guarded(sink, block.location, `${this.prefix}module.${name}`, () => {
        for (const { instance, module } of this.moduleCall(name).instances)
          underCondition(sink, instance.condition, () => module.collectFacts(sink))
      })
    }
    // The root instance reads the network of the whole tree of local modules it calls, once.
    const clusters = sink.facts.clusters.slice(clustersBefore)
    const [first] = clusters
    if (first && this.caller === undefined)
      guarded(sink, first.location, `the network of ${this.source.dir}`, () =>
        markPrivateNetworks(this.networkScope(), clusters),
      )
  }

  /** The resources and module calls of this instance and of the local module instances under it, for the network reading. */
  private networkScope(): NetworkScope {
    const instances: ModuleInstance[] = []
    const visit = (instance: ModuleInstance): void => {
      if (instances.includes(instance) || instances.length > 200) return
      instances.push(instance)
      for (const name of instance.moduleCalls.keys())
        for (const { module } of instance.moduleCall(name).instances)
          if (module instanceof ModuleInstance) visit(module)
    }
    visit(this)
    const resources: ScopedView[] = []
    const types = new Set<string>()
    const calls: ScopedModuleCall[] = []
    for (const instance of instances) {
      const views = (block: Block, address: string): ScopedView[] =>
        instance.instancesOf(block).map((each) => ({
          address: `${address}${each.keyText}`,
          view: new BlockView(instance.evaluator, block, each.bindings, each.unknownExpansion),
        }))
      for (const [key, block] of instance.resources) {
        types.add(block.labels[0] ?? '')
        resources.push(...views(block, `${instance.prefix}${key}`))
      }
      for (const [name, block] of instance.moduleCalls) {
        const source = literalText(attribute(block.body, 'source')) ?? ''
        const version = literalText(attribute(block.body, 'version'))
        const read = instance.moduleCall(name).instances.some(({ module }) => module instanceof ModuleInstance)
        for (const each of views(block, `${instance.prefix}module.${name}`))
          calls.push(version === undefined ? { ...each, source, read } : { ...each, source, version, read })
      }
    }
    return {
      resourceTypes: () => [...types],
      resources: (type) => resources.filter(({ view }) => view.block.labels[0] === type),
      moduleCalls: () => calls,
      rootOutputs: () =>
        [...this.outputs.values()].flatMap((block) => {
          const value = attribute(block.body, 'value')
          return value ? [this.evaluator.evaluate(value.expression)] : []
        }),
    }
  }

  // Names

  private variable(name: string, location: Location): HclValue {
    return this.memo(
      `var.${name}`,
      () => {
        const declared = this.variables.get(name)
        const fallback = (): HclValue => {
          const defaultValue = declared ? attribute(declared.body, 'default') : undefined
          return defaultValue
            ? this.evaluator.evaluate(defaultValue.expression)
            : unknownRef(`${this.prefix}var.${name}`, declared?.location ?? location)
        }
        if (this.caller) {
          const given = this.caller.value(name)
          if (given === undefined) return fallback()
          if (given.kind === 'null' && declared && attribute(declared.body, 'default')) return fallback()
          return given
        }
        const given = this.source.variableValues.get(name)
        if (given) return given
        const value = fallback()
        // A module no scanned module calls gets its inputs at apply time: an empty default there says "none given here", not "".
        if (value.kind === 'string' && value.value === '')
          return unknownRef(`${this.prefix}var.${name}`, declared?.location ?? location)
        return value
      },
      `${this.prefix}var.${name}`,
      location,
    )
  }

  private local(name: string, location: Location): HclValue {
    return this.memo(
      `local.${name}`,
      () => {
        const found = this.locals.get(name)
        if (!found) throw new EvalError(`no local "${name}"`)
        return this.evaluator.evaluate(found.expression)
      },
      `${this.prefix}local.${name}`,
      location,
    )
  }

  private resolveModule(
    name: string,
    steps: readonly Step[],
    location: Location,
    bindings: Bindings,
    used: number,
  ): Resolved {
    const base = `${this.prefix}module.${name}`
    if (!this.moduleCalls.has(name)) return { value: unknownRef(base, location), consumed: used }
    const call = this.moduleCall(name)
    let rest = steps
    let consumed = used
    let module: CalledModule | undefined
    if (call.expanded) {
      const step = rest[0]
      if (step?.kind !== 'index')
        return {
          value: this.collection(
            call.instances.map((each) => ({ instance: each.instance, value: each.module.outputsObject(location) })),
            base,
            location,
          ),
          consumed,
        }
      const key = this.evaluator.evaluateOrThrow(step.key, bindings)
      consumed++
      rest = rest.slice(1)
      if (key.kind === 'unknown' || call.instances.some((each) => each.instance.unknownExpansion))
        return { value: unknownRef(`${base}[${printValue(key)}]`, location), consumed }
      module = call.instances.find((each) => sameKey(each.instance.key, key))?.module
      if (!module) throw new EvalError(`no instance ${printValue(key)} of module.${name}`)
    } else {
      module = call.instances[0]?.module
    }
    if (!module) return { value: unknownRef(base, location), consumed }
    const output = rest[0]
    if (output?.kind === 'attr') return { value: module.output(output.name, location), consumed: consumed + 1 }
    return { value: module.outputsObject(location), consumed }
  }

  private moduleCall(name: string): ModuleCallInstances {
    const cached = this.callCache.get(name)
    if (cached) return cached
    const block = this.moduleCalls.get(name)!
    const sourceValue = attribute(block.body, 'source')
    const versionValue = attribute(block.body, 'version')
    const source =
      sourceValue?.expression.kind === 'literal' && typeof sourceValue.expression.value === 'string'
        ? sourceValue.expression.value
        : ''
    const version =
      versionValue?.expression.kind === 'literal' && typeof versionValue.expression.value === 'string'
        ? versionValue.expression.value
        : undefined
    const expanded = attribute(block.body, 'count') !== undefined || attribute(block.body, 'for_each') !== undefined
    const result: ModuleCallInstances = { expanded, instances: [] }
    this.callCache.set(name, result)
    for (const instance of this.instancesOf(block)) {
      const request: ModuleCallRequest = {
        source,
        callerDir: this.source.dir,
        rootDir: this.rootDir,
        view: new BlockView(this.evaluator, block, instance.bindings, instance.unknownExpansion),
        prefix: `${this.prefix}module.${name}${instance.keyText}.`,
        depth: this.depth + 1,
        location: block.location,
        chain: [...this.callers, this.source.dir],
      }
      if (version !== undefined) request.version = version
      // `providers = { aws = aws.other }` gives the module another provider configuration.
      if (attribute(block.body, 'providers') === undefined) {
        if (this.awsRegion) request.awsRegion = this.awsRegion
        const awsAccount = this.awsAccount()
        if (awsAccount) request.awsAccount = awsAccount
      }
      result.instances.push({ instance, module: this.program.callModule(request) })
    }
    return result
  }

  private resolveResource(
    mode: 'resource' | 'data',
    type: string,
    name: string,
    steps: readonly Step[],
    location: Location,
    bindings: Bindings,
  ): Resolved {
    const key = `${type}.${name}`
    const block = (mode === 'data' ? this.dataSources : this.resources).get(key)
    const address = `${this.prefix}${mode === 'data' ? 'data.' : ''}${key}`
    if (!block) return { value: unknownRef(address, location), consumed: 0 }
    const instances = this.instancesOf(block)
    const expanded = attribute(block.body, 'count') !== undefined || attribute(block.body, 'for_each') !== undefined
    if (!expanded) return this.instanceAttribute(mode, type, block, instances[0]!, address, steps, location)
    const step = steps[0]
    if (step?.kind !== 'index') {
      return {
        value: this.collection(
          instances.map((instance) => ({
            instance,
            value: this.instanceObject(block, instance, `${address}${instance.keyText}`),
          })),
          address,
          location,
        ),
        consumed: 0,
      }
    }
    const wanted = this.evaluator.evaluateOrThrow(step.key, bindings)
    if (wanted.kind === 'unknown' || instances.some((instance) => instance.unknownExpansion))
      return { value: unknownRef(`${address}[${printValue(wanted)}]`, location), consumed: 1 }
    const instance = instances.find((candidate) => sameKey(candidate.key, wanted))
    if (!instance) throw new EvalError(`no instance ${printValue(wanted)} of ${address}`)
    const resolved = this.instanceAttribute(
      mode,
      type,
      block,
      instance,
      `${address}${keyTextOf(wanted)}`,
      steps.slice(1),
      location,
    )
    return { value: resolved.value, consumed: resolved.consumed + 1 }
  }

  private instanceAttribute(
    mode: 'resource' | 'data',
    type: string,
    block: Block,
    instance: BlockInstance,
    address: string,
    steps: readonly Step[],
    location: Location,
  ): Resolved {
    const step = steps[0]
    if (step?.kind !== 'attr') return { value: this.instanceObject(block, instance, address), consumed: 0 }
    const view = new BlockView(this.evaluator, block, instance.bindings, instance.unknownExpansion)
    const computed = computedAttribute(type, step.name, address, view, location)
    if (computed) return { value: computed, consumed: 1 }
    if (
      mode === 'data' &&
      type === 'aws_iam_policy_document' &&
      (step.name === 'json' || step.name === 'minified_json')
    ) {
      return {
        value: this.memo(`${address}.json`, () => policyDocumentJson(view, location), `${address}.json`, location),
        consumed: 1,
      }
    }
    if (view.has(step.name) && !(mode === 'data' && COMPUTED_DATA_ATTRIBUTES.has(step.name))) {
      const ref = `${address}.${step.name}`
      return { value: this.memo(`attribute ${ref}`, () => view.value(step.name)!, ref, location), consumed: 1 }
    }
    const nested = view.blocks(step.name)
    if (nested.length > 0)
      return {
        value: tupleValue(
          nested.map((each) => each.toValue()),
          location,
        ),
        consumed: 1,
      }
    return { value: unknownRef(`${address}.${step.name}`, location), consumed: 1 }
  }

  private instanceObject(block: Block, instance: BlockInstance, address: string): HclValue {
    const view = new BlockView(this.evaluator, block, instance.bindings, instance.unknownExpansion)
    return { ...view.toValue(), openRef: address }
  }

  /** All instances of a counted (tuple) or for_each (object) block or call. */
  private collection(
    items: { instance: BlockInstance; value: HclValue }[],
    address: string,
    location: Location,
  ): HclValue {
    if (items.some((item) => item.instance.unknownExpansion)) return unknownRef(address, location)
    if (items.every((item) => item.instance.key?.kind === 'number'))
      return tupleValue(
        items.map((item) => item.value),
        location,
      )
    return objectValue(
      items.map((item) => ({
        key: item.instance.key?.kind === 'string' ? item.instance.key.value : '',
        keyLocation: item.instance.key?.location ?? location,
        value: item.value,
      })),
      location,
    )
  }

  /** The account of the default `aws` provider: this module's, else the one its caller passes on. */
  private awsAccount(): AwsAccount | undefined {
    this.awsAccountRead ??= { account: defaultAwsAccount(this.source.files, this.evaluator) ?? this.inheritedAccount }
    return this.awsAccountRead.account
  }

  private instancesOf(block: Block): BlockInstance[] {
    const cached = this.instanceCache.get(block)
    if (cached) return cached
    const instances = expandInstances(block, this.evaluator, NO_BINDINGS, this.readsUnsetInput)
    this.instanceCache.set(block, instances)
    return instances
  }

  private opaque(root: string, location: Location): Resolved {
    return { value: unknownRef(`${this.prefix}${root}`, location), consumed: 0 }
  }

  /** Evaluated once; a reference back to itself while evaluating (a cycle) is unknown. */
  private memo(key: string, compute: () => HclValue, ref: string, location: Location): HclValue {
    const cached = this.cache.get(key)
    if (cached) return cached
    if (this.pending.has(key)) return unknownRef(ref, location)
    this.pending.add(key)
    try {
      const value = compute()
      this.cache.set(key, value)
      return value
    } finally {
      this.pending.delete(key)
    }
  }
}

/** A reader that fails on a construct nobody foresaw costs that block, not the scan. */
function literalText(found: Attribute | undefined): string | undefined {
  return found?.expression.kind === 'literal' && typeof found.expression.value === 'string'
    ? found.expression.value
    : undefined
}

function guarded(sink: FactSink, location: Location, address: string, read: () => void): void {
  try {
    read()
  } catch (error) {
    sink.findings.push({
      ruleId: 'parse-error',
      location,
      message: `Cannot read ${address}: ${errorText(error)}; the rest of the module was still read`,
      key: `terraform-read ${address}`,
    })
  }
}

/** A `local-exec` provisioner runs a command on the machine that applies: scripts irsa-guard does not follow. */
function runsLocalPrograms(block: Block): boolean {
  return block.body.blocks.some((nested) => nested.type === 'provisioner' && nested.labels[0] === 'local-exec')
}

/**
 * The account the module's `provider "aws"` blocks without an alias work in, when they agree on one:
 * the single entry of `allowed_account_ids` (the provider refuses credentials of any other account),
 * else the account of the `assume_role` block's `role_arn` (the role the provider assumes is in the
 * account it creates resources in).
 */
function defaultAwsAccount(files: readonly HclFile[], evaluator: Evaluator): AwsAccount | undefined {
  const accounts: AwsAccount[] = []
  for (const file of files) {
    for (const block of file.body.blocks) {
      if (block.type !== 'provider' || block.labels[0] !== 'aws' || attribute(block.body, 'alias') !== undefined)
        continue
      const view = new BlockView(evaluator, block, NO_BINDINGS)
      const account = allowedAccount(view) ?? assumedRoleAccount(view)
      if (account) accounts.push(account)
    }
  }
  const [first] = accounts
  return first && accounts.every((account) => account.value === first.value) ? first : undefined
}

function allowedAccount(view: BlockView): AwsAccount | undefined {
  const allowed = view.value('allowed_account_ids')
  const only = allowed?.kind === 'tuple' && allowed.items.length === 1 ? allowed.items[0] : undefined
  return only?.kind === 'string' && /^\d{12}$/.test(only.value)
    ? { value: only.value, location: only.location }
    : undefined
}

function assumedRoleAccount(view: BlockView): AwsAccount | undefined {
  const [assume, ...more] = view.blocks('assume_role')
  if (!assume || more.length > 0 || assume.unknownExpansion) return undefined
  const roleArn = assume.value('role_arn')
  const account = roleArn?.kind === 'string' ? parseRoleArn(roleArn.value.trim())?.account : undefined
  return roleArn && account !== undefined ? { value: account, location: roleArn.location } : undefined
}

/** The literal `region` of the module's `provider "aws"` blocks without an alias, when they agree on one. */
function defaultAwsRegion(files: readonly HclFile[]): AwsRegion | undefined {
  const regions: AwsRegion[] = []
  for (const file of files) {
    for (const block of file.body.blocks) {
      if (block.type !== 'provider' || block.labels[0] !== 'aws' || attribute(block.body, 'alias') !== undefined)
        continue
      const region = attribute(block.body, 'region')
      if (region?.expression.kind !== 'literal' || typeof region.expression.value !== 'string') return undefined
      regions.push({ value: region.expression.value, location: region.location })
    }
  }
  const [first] = regions
  return first && regions.every((region) => region.value === first.value) ? first : undefined
}

/** A `provider` block, or a `terraform` block with a `backend` or `cloud` block: a root module applied as it is. */
function configuresDeployment(file: HclFile): boolean {
  return file.body.blocks.some(
    (block) =>
      block.type === 'provider' ||
      (block.type === 'terraform' &&
        block.body.blocks.some((inner) => inner.type === 'backend' || inner.type === 'cloud')),
  )
}

/** The facts `read` adds, marked as existing only under the condition of an expansion the scan cannot resolve. */
function underCondition(sink: FactSink, condition: string | undefined, read: () => void): void {
  if (condition === undefined) return read()
  const before = UNIT_FACT_KINDS.map((kind) => sink.facts[kind].length)
  try {
    linksUnderCondition(sink, condition, read)
  } finally {
    UNIT_FACT_KINDS.forEach((kind, index) => {
      for (const fact of sink.facts[kind].slice(before[index])) {
        if (!('terraform' in fact) || !fact.terraform) continue
        const inner = fact.terraform.condition
        fact.terraform = { ...fact.terraform, condition: inner === undefined ? condition : `${condition} and ${inner}` }
      }
    })
  }
}

/** Data source arguments that are filters, while the attribute of the same name comes from AWS. */
const COMPUTED_DATA_ATTRIBUTES = new Set(['arn', 'id'])

function sameKey(key: HclValue | undefined, wanted: HclValue): boolean {
  if (!key) return false
  if (key.kind === 'number')
    return (
      (wanted.kind === 'number' && wanted.value === key.value) ||
      (wanted.kind === 'string' && wanted.value === String(key.value))
    )
  return (
    key.kind === 'string' &&
    (wanted.kind === 'string' || wanted.kind === 'number') &&
    String(wanted.value) === key.value
  )
}
