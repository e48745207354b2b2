import type { JsonPath } from './json-locator.js'
import { isObject, valueAt, type JsonObject, type PlanResource } from './plan.js'

interface ModuleStep {
  name: string
  /** `[0]`, `["a"]`, or '' */
  key: string
}

const MODULE_STEP = /module\.([A-Za-z_][\w-]*)((?:\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\])?)/g
const MAX_HOPS = 20

/**
 * The plan's `configuration`: what each expression refers to. A value unknown until apply
 * (`after_unknown`) is named after the reference it comes from, so that it joins the fact that
 * reference describes: a ServiceAccount annotated with `module.irsa.iam_role_arn` joins the role
 * behind that module output.
 */
export class PlanConfiguration {
  constructor(private readonly configuration: unknown) {}

  /** Provider configurations of the aws provider (more than one: roles may live in several accounts). */
  awsProviderCount(): number {
    const providers = valueAt(this.configuration, ['provider_config'])
    if (!isObject(providers)) return 0
    return Object.values(providers).filter((provider) => isObject(provider) && provider['name'] === 'aws').length
  }

  /**
   * The one reference an attribute's expression is made of, as an absolute expression
   * (`module.irsa.iam_role_arn`, `aws_iam_role.app.arn`), following input variables of child
   * modules to what their callers pass; undefined when the expression refers to several things
   * or to something that only exists inside the module (locals, `each`, `count`).
   */
  referenceOf(resource: PlanResource, attribute: JsonPath): string | undefined {
    const steps = moduleSteps(resource.moduleAddress)
    const config = this.resourceConfig(steps, resource)
    const references = mostSpecific(valueAt(config, ['expressions', ...attribute, 'references']))
    return references.length === 1 ? this.absolute(steps, references[0]!, 0) : undefined
  }

  /**
   * Expressions that evaluate to this resource's attribute: its own address (`module.irsa.aws_iam_role.this[0].arn`)
   * and every module output that passes it on (`module.irsa.iam_role_arn`), however deep.
   */
  referencesTo(resource: PlanResource, attribute: string): string[] {
    const found = [`${resource.address}.${attribute}`]
    const steps = moduleSteps(resource.moduleAddress)
    const local = resource.address.slice(resource.moduleAddress === '' ? 0 : resource.moduleAddress.length + 1)
    this.outputsPassing(steps, unique([`${local}.${attribute}`, `${withoutKey(local)}.${attribute}`]), found, 0)
    return unique(found)
  }

  private outputsPassing(
    steps: readonly ModuleStep[],
    localReferences: readonly string[],
    found: string[],
    hops: number,
  ): void {
    if (steps.length === 0 || hops > MAX_HOPS) return
    const outputs = valueAt(this.moduleConfig(steps), ['outputs'])
    if (!isObject(outputs)) return
    const last = steps[steps.length - 1]!
    const parent = steps.slice(0, -1)
    for (const [name, output] of Object.entries(outputs)) {
      const references = mostSpecific(valueAt(output, ['expression', 'references']))
      if (references.length !== 1 || !localReferences.includes(references[0]!)) continue
      found.push(`${moduleAddressOf(steps)}.${name}`)
      if (last.key !== '') found.push(`${moduleAddressOf([...parent, { name: last.name, key: '' }])}.${name}`)
      this.outputsPassing(
        parent,
        unique([`module.${last.name}${last.key}.${name}`, `module.${last.name}.${name}`]),
        found,
        hops + 1,
      )
    }
  }

  private absolute(steps: readonly ModuleStep[], reference: string, hops: number): string | undefined {
    if (/^(local|each|count|path|terraform|self)\./.test(reference)) return undefined
    const variable = /^var\.([A-Za-z_][\w-]*)$/.exec(reference)
    if (variable) {
      if (steps.length === 0 || hops > MAX_HOPS) return undefined
      const parent = steps.slice(0, -1)
      const call = valueAt(this.moduleConfig(parent), ['module_calls', steps[steps.length - 1]!.name])
      const passed = mostSpecific(valueAt(call, ['expressions', variable[1]!, 'references']))
      return passed.length === 1 ? this.absolute(parent, passed[0]!, hops + 1) : undefined
    }
    return steps.length === 0 ? reference : `${moduleAddressOf(steps)}.${reference}`
  }

  private moduleConfig(steps: readonly ModuleStep[]): unknown {
    let module = valueAt(this.configuration, ['root_module'])
    for (const step of steps) module = valueAt(module, ['module_calls', step.name, 'module'])
    return module
  }

  private resourceConfig(steps: readonly ModuleStep[], resource: PlanResource): JsonObject | undefined {
    const resources = valueAt(this.moduleConfig(steps), ['resources'])
    if (!Array.isArray(resources)) return undefined
    return resources.find(
      (candidate): candidate is JsonObject =>
        isObject(candidate) &&
        candidate['type'] === resource.type &&
        candidate['name'] === resource.name &&
        (candidate['mode'] ?? 'managed') === resource.mode,
    )
  }
}

function moduleSteps(moduleAddress: string): ModuleStep[] {
  return [...moduleAddress.matchAll(MODULE_STEP)].map((match) => ({ name: match[1]!, key: match[2] ?? '' }))
}

function moduleAddressOf(steps: readonly ModuleStep[]): string {
  return steps.map((step) => `module.${step.name}${step.key}`).join('.')
}

/** `aws_iam_role.this` of `aws_iam_role.this[0]`. */
function withoutKey(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]$/, '')
}

/**
 * Terraform lists a reference with each of its shorter forms (`aws_iam_role.app.arn`,
 * `aws_iam_role.app`); these are the references no other one extends.
 */
function mostSpecific(references: unknown): string[] {
  if (!Array.isArray(references)) return []
  const all = unique(references.filter((reference): reference is string => typeof reference === 'string'))
  return all.filter(
    (reference) =>
      !all.some(
        (other) => other !== reference && (other.startsWith(`${reference}.`) || other.startsWith(`${reference}[`)),
      ),
  )
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}
