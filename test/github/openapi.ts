import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { ValidateFunction } from 'ajv'

const require = createRequire(import.meta.url)
const Ajv = (require('ajv') as typeof import('ajv')).default
const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default

/**
 * GitHub's published REST description for api.github.com (OpenAPI 3.0, from @octokit/openapi), trimmed to the
 * operations the tests use by scripts/trim-github-openapi.mjs.
 */
const SPEC_FILE = fileURLToPath(new URL('./api.github.com.trimmed.json', import.meta.url))
const SPEC_ID = 'api.github.com.json'
type Method = 'get' | 'put' | 'post' | 'patch' | 'delete' | 'head'

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema: object
}

interface Operation {
  operationId: string
  parameters?: ({ $ref: string } | Parameter)[]
  requestBody?: { required?: boolean; content: Record<string, { schema: object }> }
}

interface Template {
  template: string
  pattern: RegExp
  names: string[]
  literalSegments: number
}

export interface MatchedOperation {
  operationId: string
  template: string
  pathParameters: Record<string, string>
}

export type Verdict =
  { ok: true; operation: MatchedOperation } | { ok: false; problem: string; operation?: MatchedOperation }

/**
 * Checks a request against the OpenAPI description: a path template and method that exist, path and
 * query parameters of the declared names and types, and a JSON body valid against the operation's
 * requestBody schema.
 */
export class OpenApiDescription {
  private readonly spec: {
    paths: Record<string, Record<string, Operation>>
    components: { parameters: Record<string, Parameter> }
  }
  private readonly templates: Template[]
  private readonly ajv: InstanceType<typeof Ajv>
  private readonly bodyValidators = new Map<string, ValidateFunction>()
  private readonly parameterValidators = new Map<string, ValidateFunction>()

  constructor() {
    this.spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8'))
    this.templates = Object.keys(this.spec.paths)
      .map((template) => {
        const names: string[] = []
        const source = template
          .split('/')
          .map((segment) =>
            segment.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
              if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
              names.push(name)
              return '([^/]+)'
            }),
          )
          .join('/')
        return {
          template,
          pattern: new RegExp(`^${source}$`),
          names,
          literalSegments: template.split('/').filter((segment) => segment && !segment.includes('{')).length,
        }
      })
      // The most specific template first: /issues/comments before /issues/{issue_number}.
      .sort((a, b) => b.literalSegments - a.literalSegments)
    // OpenAPI 3.0 schemas: `nullable` is understood by Ajv; `example`, `x-github` and friends are ignored.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, coerceTypes: false })
    addFormats(this.ajv)
    this.ajv.addSchema(this.spec, SPEC_ID)
  }

  check(method: string, url: URL, body: string): Verdict {
    const lower = method.toLowerCase() as Method
    const path = url.pathname
    const template = this.templates.find(
      (candidate) => candidate.pattern.test(path) && this.spec.paths[candidate.template]![lower] !== undefined,
    )
    if (!template)
      return {
        ok: false,
        problem: `${method} ${path}: no such operation in the OpenAPI description (or not among those scripts/trim-github-openapi.mjs keeps)`,
      }
    const values = template.pattern.exec(path)!.slice(1).map(decodeURIComponent)
    const pathParameters = Object.fromEntries(template.names.map((name, index) => [name, values[index]!]))
    const operationObject = this.spec.paths[template.template]![lower]!
    const operation: MatchedOperation = {
      operationId: operationObject.operationId,
      template: template.template,
      pathParameters,
    }

    const parameters = (operationObject.parameters ?? []).map((parameter) => this.resolveParameter(parameter))
    for (const parameter of parameters.filter((candidate) => candidate.in === 'path')) {
      const problem = this.checkParameter(operation, parameter, pathParameters[parameter.name])
      if (problem) return { ok: false, problem, operation }
    }
    const query = parameters.filter((candidate) => candidate.in === 'query')
    for (const name of new Set(url.searchParams.keys())) {
      const parameter = query.find((candidate) => candidate.name === name)
      if (!parameter)
        return { ok: false, problem: `${operation.operationId}: unknown query parameter ${name}`, operation }
      const problem = this.checkParameter(operation, parameter, url.searchParams.get(name)!)
      if (problem) return { ok: false, problem, operation }
    }
    for (const parameter of query.filter((candidate) => candidate.required && !url.searchParams.has(candidate.name))) {
      return { ok: false, problem: `${operation.operationId}: missing query parameter ${parameter.name}`, operation }
    }

    const requestBody = operationObject.requestBody
    if (!requestBody) {
      if (body.length > 0 && lower !== 'get')
        return { ok: false, problem: `${operation.operationId}: takes no request body`, operation }
      return { ok: true, operation }
    }
    if (body.length === 0) {
      return requestBody.required
        ? { ok: false, problem: `${operation.operationId}: request body required`, operation }
        : { ok: true, operation }
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      return { ok: false, problem: `${operation.operationId}: request body is not JSON`, operation }
    }
    const validate = this.bodyValidator(template.template, lower)
    if (!validate(parsed)) {
      const errors = validate.errors ?? []
      const problems = errors
        .slice(0, 5)
        .map((error) => `${error.instancePath || '/'} ${error.message}`)
        .join('; ')
        .concat(errors.length > 5 ? ` (and ${errors.length - 5} more)` : '')
      return {
        ok: false,
        problem: `${operation.operationId}: request body does not match the schema: ${problems}`,
        operation,
      }
    }
    return { ok: true, operation }
  }

  private resolveParameter(parameter: { $ref: string } | Parameter): Parameter {
    if (!('$ref' in parameter)) return parameter
    const name = parameter.$ref.replace('#/components/parameters/', '')
    return this.spec.components.parameters[name]!
  }

  private checkParameter(
    operation: MatchedOperation,
    parameter: Parameter,
    raw: string | undefined,
  ): string | undefined {
    if (raw === undefined)
      return parameter.required
        ? `${operation.operationId}: missing ${parameter.in} parameter ${parameter.name}`
        : undefined
    const key = `${operation.template} ${parameter.in} ${parameter.name}`
    let validate = this.parameterValidators.get(key)
    if (!validate) {
      validate = this.ajv.compile(parameter.schema)
      this.parameterValidators.set(key, validate)
    }
    const schemaType = (parameter.schema as { type?: string }).type
    const value =
      schemaType === 'integer' || schemaType === 'number'
        ? /^-?\d+(\.\d+)?$/.test(raw)
          ? Number(raw)
          : raw
        : schemaType === 'boolean'
          ? raw === 'true'
            ? true
            : raw === 'false'
              ? false
              : raw
          : raw
    if (!validate(value))
      return `${operation.operationId}: ${parameter.in} parameter ${parameter.name}=${raw} ${validate.errors?.[0]?.message ?? 'is invalid'}`
    return undefined
  }

  private bodyValidator(template: string, method: string): ValidateFunction {
    const key = `${method} ${template}`
    let validate = this.bodyValidators.get(key)
    if (!validate) {
      const pointer = ['paths', template, method, 'requestBody', 'content', 'application/json', 'schema']
        .map((segment) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1')))
        .join('/')
      validate = this.ajv.compile({ $ref: `${SPEC_ID}#/${pointer}` })
      this.bodyValidators.set(key, validate)
    }
    return validate
  }
}
