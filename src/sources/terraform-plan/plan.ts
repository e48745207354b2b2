import type { Location } from '../../model/location.js'
import { known, symbolic, type Value } from '../../model/value.js'
import type { JsonLocator, JsonPath } from './json-locator.js'

/** A JSON object as JSON.parse returns it. */
export type JsonObject = { [key: string]: unknown }

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** One resource instance of a plan, with what is known of its attributes after apply. */
export interface PlanResource {
  /** Absolute instance address: `module.irsa.aws_iam_role.this[0]`. */
  address: string
  /** `module.irsa` (with instance keys), or '' for the root module. */
  moduleAddress: string
  mode: 'managed' | 'data'
  type: string
  name: string
  /** Where the resource object is in the plan file. */
  path: JsonPath
  /** Where its attribute values are: `change.after` of a resource change, `values` elsewhere. */
  valuesPath: JsonPath
  values: JsonObject
  /** `after_unknown`: `true` where a value is unknown until apply; undefined when the plan says nothing about unknowns. */
  unknown: unknown
}

/** Which resources to read: the others are skipped without building anything for them. */
export type ResourceFilter = (mode: PlanResource['mode'], type: string) => boolean

/**
 * The resource instances a plan describes after apply, each once: a resource change's `after`
 * (with `after_unknown`), else `planned_values`, else `prior_state` (data sources read during
 * planning). Instances the plan deletes are left out.
 */
export function planResources(plan: JsonObject, wanted: ResourceFilter): PlanResource[] {
  const found = new Map<string, PlanResource>()
  const seen = new Set<string>()
  const changes = plan['resource_changes']
  if (Array.isArray(changes)) {
    changes.forEach((change: unknown, index) => {
      if (
        !isObject(change) ||
        typeof change['address'] !== 'string' ||
        change['deposed'] !== undefined ||
        !isWanted(change, wanted)
      )
        return
      seen.add(change['address'])
      const body = change['change']
      if (!isObject(body) || !isObject(body['after'])) return
      const actions = Array.isArray(body['actions']) ? body['actions'] : []
      if (actions.includes('delete') && !actions.includes('create')) return
      const resource = resourceOf(
        change,
        typeof change['module_address'] === 'string' ? change['module_address'] : '',
        ['resource_changes', index],
        ['change', 'after'],
        body['after'],
        body['after_unknown'],
      )
      if (resource) found.set(resource.address, resource)
    })
  }
  for (const modulePath of [
    ['planned_values', 'root_module'],
    ['prior_state', 'values', 'root_module'],
  ]) {
    const root = valueAt(plan, modulePath)
    if (!isObject(root)) continue
    for (const resource of moduleResources(root, modulePath, '', 0, wanted)) {
      if (seen.has(resource.address)) continue
      seen.add(resource.address)
      found.set(resource.address, resource)
    }
  }
  return [...found.values()]
}

const MAX_MODULE_DEPTH = 50

function* moduleResources(
  module: JsonObject,
  path: JsonPath,
  moduleAddress: string,
  depth: number,
  wanted: ResourceFilter,
): Iterable<PlanResource> {
  const resources = module['resources']
  if (Array.isArray(resources)) {
    for (const [index, item] of resources.entries()) {
      if (!isObject(item) || !isWanted(item, wanted)) continue
      const resource = resourceOf(
        item,
        moduleAddress,
        [...path, 'resources', index],
        ['values'],
        item['values'],
        undefined,
      )
      if (resource) yield resource
    }
  }
  const children = module['child_modules']
  if (!Array.isArray(children) || depth >= MAX_MODULE_DEPTH) return
  for (const [index, child] of children.entries()) {
    if (!isObject(child)) continue
    const address = typeof child['address'] === 'string' ? child['address'] : moduleAddress
    yield* moduleResources(child, [...path, 'child_modules', index], address, depth + 1, wanted)
  }
}

function isWanted(item: JsonObject, wanted: ResourceFilter): boolean {
  return typeof item['type'] === 'string' && wanted(item['mode'] === 'data' ? 'data' : 'managed', item['type'])
}

function resourceOf(
  item: JsonObject,
  moduleAddress: string,
  path: JsonPath,
  valuesStep: JsonPath,
  values: unknown,
  unknown: unknown,
): PlanResource | undefined {
  const { address, type, name, mode } = item
  if (typeof address !== 'string' || typeof type !== 'string' || typeof name !== 'string' || !isObject(values))
    return undefined
  return {
    address,
    moduleAddress,
    mode: mode === 'data' ? 'data' : 'managed',
    type,
    name,
    path,
    valuesPath: [...path, ...valuesStep],
    values,
    unknown,
  }
}

export function valueAt(root: unknown, path: JsonPath): unknown {
  let current = root
  for (const step of path) {
    if (typeof step === 'number') current = Array.isArray(current) ? current[step] : undefined
    else current = isObject(current) ? current[step] : undefined
  }
  return current
}

/** Whether the value at the path is unknown until apply (it, or a collection holding it, is marked `true`). */
export function isUnknownAt(unknown: unknown, path: JsonPath): boolean {
  let current = unknown
  for (const step of path) {
    if (current === true) return true
    if (typeof step === 'number') current = Array.isArray(current) ? current[step] : undefined
    else current = isObject(current) ? current[step] : undefined
    if (current === undefined) return false
  }
  return current === true
}

/** `metadata[0].annotations["eks.amazonaws.com/role-arn"]`: a path in Terraform's traversal syntax. */
export function traversal(path: JsonPath): string {
  return path
    .map((step, index) =>
      typeof step === 'number'
        ? `[${step}]`
        : /^[A-Za-z_][\w-]*$/.test(step)
          ? `${index === 0 ? '' : '.'}${step}`
          : `[${JSON.stringify(step)}]`,
    )
    .join('')
}

/** Reads a resource's attributes as Values located in the plan file. */
export class ResourceValues {
  constructor(
    readonly resource: PlanResource,
    private readonly locator: JsonLocator,
  ) {}

  /** The resource object's `address` key: where a fact about the whole resource points. */
  get location(): Location {
    return (
      this.locator.keyLocation([...this.resource.path, 'address']) ??
      this.locator.nearestKeyLocation(this.resource.path)
    )
  }

  /** Where an attribute is written, or the nearest thing written around it (an unknown value is not written). */
  locationOf(path: JsonPath): Location {
    return this.locator.keyLocation([...this.resource.valuesPath, ...path]) ?? this.nearest(path)
  }

  raw(path: JsonPath): unknown {
    return valueAt(this.resource.values, path)
  }

  isUnknown(path: JsonPath): boolean {
    return isUnknownAt(this.resource.unknown, path)
  }

  /** A string, number or boolean attribute as known text; symbolic (`<address>.<path>`) when unknown until apply; undefined when null or absent. */
  value(path: JsonPath, unknownExpression?: string): Value | undefined {
    if (this.isUnknown(path))
      return symbolic(unknownExpression ?? `${this.resource.address}.${traversal(path)}`, this.locationOf(path))
    const raw = this.raw(path)
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean')
      return known(String(raw), this.locationOf(path))
    return undefined
  }

  /** A list of strings: each item known or symbolic; an unknown list is one symbolic value. */
  values(path: JsonPath): Value[] {
    if (this.isUnknown(path)) return [symbolic(`${this.resource.address}.${traversal(path)}`, this.locationOf(path))]
    const raw = this.raw(path)
    if (!Array.isArray(raw)) return []
    return raw.flatMap((_, index) => this.value([...path, index]) ?? [])
  }

  private nearest(path: JsonPath): Location {
    for (let length = path.length - 1; length >= 0; length--) {
      const location = this.locator.keyLocation([...this.resource.valuesPath, ...path.slice(0, length)])
      if (location && length > 0) return location
    }
    return this.location
  }
}
