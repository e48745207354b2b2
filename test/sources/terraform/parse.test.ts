import { loadHclParser, type HclParser } from '../../../src/sources/terraform/loader.js'
import { parseHcl } from '../../../src/sources/terraform/parse.js'

let parser: HclParser

beforeAll(async () => {
  parser = await loadHclParser()
})

const at = (line: number, column: number) => ({ path: 'main.tf', line, column })

describe('parseHcl', () => {
  it('reads one-line literals, paths, objects and block headers with their positions (non-ASCII, CRLF)', () => {
    const text = [
      'a = "é😀 \\"q\\" \\u00e9\\n"',
      'resource "aws_iam_role" app {',
      '  n = 0x1F',
      '  t = { k = null, "s": 1.5 }',
      '  p = var.x.y-z',
      '}',
      '',
    ].join('\r\n')
    const file = parseHcl(parser, 'main.tf', text)
    expect(file.error).toBeUndefined()
    expect(file.body.attributes).toEqual([
      {
        name: 'a',
        location: at(1, 1),
        expression: {
          kind: 'literal',
          value: 'é😀 "q" é\n',
          location: at(1, 5),
          textLocation: at(1, 6),
          lineAligned: false,
        },
      },
    ])
    const [block] = file.body.blocks
    expect(block).toMatchObject({ type: 'resource', labels: ['aws_iam_role', 'app'], location: at(2, 1), endLine: 6 })
    expect(block!.body.attributes).toEqual([
      { name: 'n', location: at(3, 3), expression: { kind: 'literal', value: 31, location: at(3, 7) } },
      {
        name: 't',
        location: at(4, 3),
        expression: {
          kind: 'object',
          location: at(4, 7),
          items: [
            {
              key: { kind: 'variable', name: 'k', location: at(4, 9) },
              keyName: 'k',
              keyLocation: at(4, 9),
              value: { kind: 'literal', value: null, location: at(4, 13) },
            },
            {
              key: { kind: 'literal', value: 's', location: at(4, 19), textLocation: at(4, 20), lineAligned: true },
              keyLocation: at(4, 19),
              value: { kind: 'literal', value: 1.5, location: at(4, 24) },
            },
          ],
        },
      },
      {
        name: 'p',
        location: at(5, 3),
        expression: {
          kind: 'access',
          target: { kind: 'variable', name: 'var', location: at(5, 7) },
          steps: [
            { kind: 'attr', name: 'x' },
            { kind: 'attr', name: 'y-z' },
          ],
          location: at(5, 7),
        },
      },
    ])
  })

  it('shifts lines by lineOffset', () => {
    const file = parseHcl(parser, 'main.tf', 't = "x"\nu = <<EOT\n  ${a}\nEOT\n', { lineOffset: -1 })
    expect(
      file.body.attributes.map((attribute) => [attribute.name, attribute.location, attribute.expression.location]),
    ).toEqual([
      ['t', at(0, 1), at(0, 5)],
      ['u', at(1, 1), at(1, 5)],
    ])
  })

  it('reads statements the same when a syntax error elsewhere in the file disables the one-line shortcuts', () => {
    const statements = [
      'a = "plain \\"quoted\\" $${not} %%{either}"',
      'b = "x ${var.y} %{ if c }d%{ else }e%{ endif }"',
      'c = [for k, v in var.m : "${k}=${v}" if v != null]',
      'd = { for s in local.l : s.name => s... }',
      'e = aws_iam_role.r[*].arn',
      'f = module.m.out[0].id',
      'g = -1 + 2 * (3 - x.y) > 4 && !z || w == "s"',
      'h = cond ? "a" : "b"',
      'i = join(",", [1, 2.5, 0x10], ls...)',
      'j = a.0.b',
      'k = <<-EOT\n    ${~ x ~}\n    %{ for n in l ~}\n    - ${n}\n    %{ endfor }\n  EOT',
      'l /* note */ = # more\n  "v"',
      'm = {\n  "k" = "v" # c\n  n: true\n  (o) = p\n}',
      'data "aws_iam_policy_document" "p" {\n  statement {\n    actions = ["sts:AssumeRoleWithWebIdentity"]\n  }\n}',
      'locals { # c\n}',
      'provider "aws" {\n}',
      'module "m"\n{\n  source = "./m"\n}',
    ].join('\n')
    const clean = parseHcl(parser, 'main.tf', `${statements}\n`)
    const broken = parseHcl(parser, 'main.tf', `${statements}\nbroken = (\n`)
    expect(clean.error).toBeUndefined()
    expect(broken.error).toEqual({ location: at(37, 1), message: 'unexpected "broken = ("' })
    expect(broken.body.attributes).toEqual(clean.body.attributes)
    expect(broken.body.blocks).toEqual(clean.body.blocks)
  })
})
