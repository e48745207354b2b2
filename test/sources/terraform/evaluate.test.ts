import type { Location } from '../../../src/model/location.js'
import type { Step } from '../../../src/sources/terraform/ast.js'
import { Budget, Evaluator, type Environment } from '../../../src/sources/terraform/evaluate.js'
import { loadHclParser, type HclParser } from '../../../src/sources/terraform/loader.js'
import { parseHcl } from '../../../src/sources/terraform/parse.js'
import { expressionOf, unknownRef, type HclValue } from '../../../src/sources/terraform/values.js'

let parser: HclParser

beforeAll(async () => {
  parser = await loadHclParser()
})

/** `var.<name>` from the given HCL expressions; any other reference is unknown. */
function environment(variables: Record<string, string>, files: Record<string, string> = {}): Environment {
  const values = new Map<string, HclValue>()
  const env: Environment = {
    prefix: '',
    resolve(root: string, steps: readonly Step[], location: Location) {
      const first = steps[0]
      if (root === 'var' && first?.kind === 'attr' && first.name in variables) {
        if (!values.has(first.name)) values.set(first.name, evaluateWith(variables[first.name]!, env))
        return { value: values.get(first.name)!, consumed: 1 }
      }
      return { value: unknownRef(root, location, root === 'hint' ? { hostPath: 'hint.host' } : {}), consumed: 0 }
    },
    readFile: (path) => (path in files ? { path, text: files[path]! } : undefined),
    parseTemplate: () => undefined,
  }
  return env
}

function evaluateWith(expression: string, env: Environment, budget = 100_000): HclValue {
  const file = parseHcl(parser, 'test.tf', `x = ${expression}\n`)
  expect(file.error).toBeUndefined()
  return new Evaluator(env, new Budget(budget)).evaluate(file.body.attributes[0]!.expression)
}

/** The value as plain JavaScript; unknowns as `${expression}`. */
function plain(value: HclValue): unknown {
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return value.value
    case 'null':
      return null
    case 'tuple':
      return value.items.map(plain)
    case 'object':
      return Object.fromEntries(value.entries.map((entry) => [entry.key, plain(entry.value)]))
    case 'unknown':
      return `\${${expressionOf(value)}}`
  }
}

function evaluate(expression: string, variables: Record<string, string> = {}): unknown {
  return plain(evaluateWith(expression, environment(variables)))
}

describe('HCL evaluation', () => {
  it('renders templates, escapes, heredocs and template directives', () => {
    expect(evaluate('"system:serviceaccount:${var.ns}:app"', { ns: '"prod"' })).toBe('system:serviceaccount:prod:app')
    expect(evaluate('"eks\\\\.amazonaws\\\\.com/role-arn \\"q\\" $${literal} \\u00e9"')).toBe(
      'eks\\.amazonaws\\.com/role-arn "q" ${literal} é',
    )
    expect(evaluate('<<-EOT\n    {\n      "a": "${var.x}"\n    }\n  EOT', { x: '"1"' })).toBe('{\n  "a": "1"\n}\n')
    expect(
      evaluate('"%{ for s in var.l }${s},%{ endfor }%{ if var.b }yes%{ else }no%{ endif }"', {
        l: '["a", "b"]',
        b: 'false',
      }),
    ).toBe('a,b,no')
    expect(evaluate('"${var.n}"', { n: '3' })).toBe(3)
  })

  it('evaluates conditionals, operators and for expressions over known values', () => {
    expect(evaluate('var.env == "prod" ? "a" : "b"', { env: '"prod"' })).toBe('a')
    expect(
      evaluate('[for k, v in var.m : "${k}=${upper(v)}" if v != ""]', { m: '{ a = "x", b = "", c = "y" }' }),
    ).toEqual(['a=X', 'c=Y'])
    expect(evaluate('{ for s in var.l : s => length(s) }', { l: '["ab", "c"]' })).toEqual({ ab: 2, c: 1 })
    expect(evaluate('{ for s in var.l : substr(s, 0, 1) => s... }', { l: '["ab", "ac", "b"]' })).toEqual({
      a: ['ab', 'ac'],
      b: ['b'],
    })
    expect(evaluate('!var.t && (1 + 2 * 3) >= 7', { t: 'false' })).toBe(true)
  })

  it('implements the functions IAM code uses', () => {
    expect(evaluate('replace("https://oidc.eks.eu-west-1.amazonaws.com/id/ABC", "https://", "")')).toBe(
      'oidc.eks.eu-west-1.amazonaws.com/id/ABC',
    )
    expect(
      evaluate(
        'replace("arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC", "/^(.*provider/)/", "")',
      ),
    ).toBe('oidc.eks.eu-west-1.amazonaws.com/id/ABC')
    expect(evaluate('format("system:serviceaccount:%s:%s", "ns", "app")')).toBe('system:serviceaccount:ns:app')
    expect(evaluate('join(",", split(":", "a:b:c"))')).toBe('a,b,c')
    expect(
      evaluate('[trimprefix("https://x", "https://"), trimsuffix("app-sa", "-sa"), lower("AbC"), upper("a")]'),
    ).toEqual(['x', 'app', 'abc', 'A'])
    expect(evaluate('concat(["a"], ["b", "c"])')).toEqual(['a', 'b', 'c'])
    expect(evaluate('merge({ a = 1, b = 2 }, { b = 3 })')).toEqual({ a: 1, b: 3 })
    expect(evaluate('[lookup({ a = "x" }, "a", "d"), lookup({ a = "x" }, "b", "d"), element(["a", "b"], 3)]')).toEqual([
      'x',
      'd',
      'b',
    ])
    expect(evaluate('[tolist(toset(["b", "a", "b"])), tostring(5), coalesce("", null, "c"), one(["only"])]')).toEqual([
      ['a', 'b'],
      '5',
      'c',
      'only',
    ])
    expect(evaluate('try(var.missing.attribute, lookup({}, "x"), "fallback")', { missing: '{}' })).toBe('fallback')
    expect(evaluate('jsonencode({ b = [1, true], a = null })')).toBe('{"a":null,"b":[1,true]}')
    expect(evaluate('yamlencode({ serviceAccount = { name = "x" } })')).toBe('serviceAccount:\n  name: x\n')
    expect(evaluate('jsondecode("{\\"a\\": [1, \\"b\\"]}")')).toEqual({ a: [1, 'b'] })
  })

  it('keeps unknowns as normalised references and templates', () => {
    expect(evaluate('module.eks.oidc_provider_arn')).toBe('${module.eks.oidc_provider_arn}')
    expect(evaluate('aws_iam_role.app[0].arn')).toBe('${aws_iam_role.app[0].arn}')
    expect(evaluate('"${module.eks.oidc_provider}:sub"')).toBe('${${module.eks.oidc_provider}:sub}')
    expect(evaluate('format("%s:sub", module.eks.oidc_provider)')).toBe('${${module.eks.oidc_provider}:sub}')
    expect(evaluate('join(":", ["system", "serviceaccount", var.ns, "app"])', { ns: 'var.unknown_ns' })).toBe(
      '${system:serviceaccount:${var.unknown_ns}:app}',
    )
    expect(evaluate('upper(data.aws_caller_identity.current.account_id)')).toBe(
      '${upper(data.aws_caller_identity.current.account_id)}',
    )
    expect(evaluate('var.flag ? "a" : "b"', { flag: 'var.x' })).toBe('${var.x ? "a" : "b"}')
    expect(evaluate('[for s in local.items : s]')).toBe('${[for s in local.items : s]}')
  })

  it('follows https:// removal on references known to be URLs', () => {
    // `hint` stands for a reference whose value is https:// + `hint.host`.
    expect(evaluate('replace(hint, "https://", "")')).toBe('${hint.host}')
    expect(evaluate('trimprefix(hint, "https://")')).toBe('${hint.host}')
    expect(evaluate('"${replace(hint, "https://", "")}:sub"')).toBe('${${hint.host}:sub}')
    // A replacement that could reach into the host/path is not followed.
    expect(evaluate('replace(hint, "oidc", "x")')).toBe('${replace(hint, "oidc", "x")}')
    expect(evaluate('replace(hint, "s", "")')).toBe('${replace(hint, "s", "")}')
  })

  it('bounds runaway evaluation', () => {
    const env = environment({ l: '["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]' })
    const nested = '[for a in var.l : [for b in var.l : [for c in var.l : [for d in var.l : "${a}${b}${c}${d}"]]]]'
    expect(plain(evaluateWith(nested, env, 2_000))).toBe(`\${${nested}}`)
    expect((plain(evaluateWith(nested, env, 1_000_000)) as unknown[]).length).toBe(10)
  })
})
