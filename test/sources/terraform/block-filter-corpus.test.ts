import { check, type CheckResult } from '../../../src/check.js'
import { filterModule } from '../../../src/sources/terraform/block-filter.js'
import { formatFindingLine } from '../../../src/report/text.js'
import { removeTempRepos, tempRepo } from '../../discover/temp-repo.js'

/*
 * The syntax-error corpus of the Terraform block filter (SourceContext.hclFilter): modules whose
 * blocks nothing reads hold every construct the strict check knows (and some it does not), each
 * broken in one line by one mutation. The findings (parse errors with their line and message,
 * once each) must be the same whether the filter cuts bodies or tree-sitter parses everything.
 */

afterAll(removeTempRepos)

const BASES: readonly string[] = [
  [
    'resource "aws_iam_role" "web" {',
    '  name               = "web"',
    '  assume_role_policy = data.aws_iam_policy_document.trust.json',
    '}',
    '',
    'resource "aws_s3_bucket" "assets" {',
    '  bucket = "assets-${var.environment}-${lower("X")}"',
    '  tags = {',
    '    Team = "shop" # owner',
    '    "cost-centre" = 42',
    '    Path: "a\\"b\\u00e9"',
    '  }',
    '  lifecycle_rule {',
    '    enabled = !var.off && (1 + 2 * 3) >= 7',
    '    prefix  = var.on ? "logs/" : null',
    '  }',
    '}',
    '',
    'resource "aws_sqs_queue" "orders" {',
    '  name   = "orders"',
    '  policy = <<-EOT',
    '    {"Resource": "${var.environment}-orders", "Escaped": "$${x}"}',
    '  EOT',
    '  delay  = -1.5',
    '}',
    '',
    'data "aws_iam_policy_document" "trust" {',
    '  statement {',
    '    actions = ["sts:AssumeRoleWithWebIdentity"]',
    '  }',
    '}',
    '',
  ].join('\n'),
  [
    '/* a module of',
    '   unread resources */',
    'resource "aws_security_group" "web" {',
    '  name_prefix = "web-"',
    '  ingress {',
    '    cidr_blocks = ["10.0.0.0/16", module.vpc.cidr, var.extra[0], local.all[*].cidr]',
    '  }',
    '  // the next block',
    '  egress {',
    '    cidr_blocks = concat(var.a, [var.b["c"]], tolist(var.c.*.d),)',
    '  }',
    '}',
    '',
    'resource "aws_dynamodb_table" "carts" {',
    '  name = "carts"',
    '  attribute {',
    '    name = "id"',
    '    type = "S"',
    '  }',
    '  stream_view_type = local.streams ? "NEW_IMAGE" : "KEYS_ONLY"',
    '  ttl_seconds      = 60 * 60 * 24 % 7 - 1 / 2 < 3 == true || false',
    '}',
    '',
    'resource "aws_cloudwatch_log_group" "app" {',
    '  name = "/app/${var.name}"',
    '  policy = <<EOF',
    '{"a": "${jsonencode(var.b)}"}',
    'EOF',
    '}',
    '',
    '# Constructs outside the strict check: kept.',
    'resource "aws_ecr_repository" "ports" {',
    '  ports = [for port in var.ports : port]',
    '  tags  = { for key, value in var.tags : key => value }',
    '  doc   = "${jsonencode({ b = 1 })}%{ if var.x }x%{ endif }"',
    '}',
    '',
  ].join('\n'),
]

type Mutation = (line: string) => string | undefined

/** One mutation of one line; undefined where it does not apply. */
const MUTATIONS: Record<string, Mutation> = {
  'deleted equals sign': (line) => (line.includes(' = ') ? line.replace(' = ', ' ') : undefined),
  'doubled equals sign': (line) => (line.includes(' = ') ? line.replace(' = ', ' = = ') : undefined),
  'deleted opening quote': (line) => (line.includes('"') ? line.replace('"', '') : undefined),
  'deleted closing quote': (line) => (line.includes('"') ? line.replace(/"([^"]*)$/, '$1') : undefined),
  'deleted closing brace': (line) => (line.includes('}') ? line.replace(/}([^}]*)$/, '$1') : undefined),
  'deleted opening brace': (line) => (line.includes('{') ? line.replace('{', '') : undefined),
  'deleted closing bracket': (line) => (line.includes(']') ? line.replace(/]([^\]]*)$/, '$1') : undefined),
  'deleted closing parenthesis': (line) => (line.includes(')') ? line.replace(/\)([^)]*)$/, '$1') : undefined),
  'stray closing brace': (line) => `${line} }`,
  'stray opening brace': (line) => `${line} {`,
  'stray comma': (line) => `${line},`,
  'bad escape': (line) => (line.includes('"') ? line.replace('"', '"\\q') : undefined),
  'escape above U+10FFFF': (line) => (line.includes('"') ? line.replace('"', '"\\U00110000') : undefined),
  'unclosed interpolation': (line) => (line.includes('${') ? line.replace(/}([^}]*)$/, '$1') : undefined),
  directive: (line) => (line.includes('"') ? line.replace('"', '"%{ if true }x%{ endif }') : undefined),
  'heredoc marker renamed': (line) => (/^\s*(EOT|EOF)$/.test(line) ? line.replace(/EO/, 'OE') : undefined),
  'double dot': (line) => (line.includes('.') ? line.replace('.', '..') : undefined),
  'dangling operator': (line) => (line.includes(' = ') ? `${line} +` : undefined),
  'keyword as a name': (line) => (/^\s+\w+ +=/.test(line) ? line.replace(/\w+/, 'for') : undefined),
  'number glued to a name': (line) => (line.includes(' = ') ? line.replace(' = ', ' = 1x') : undefined),
  'a line break in a string': (line) => (line.includes('"') ? line.replace('"', '"\n') : undefined),
  'unclosed block comment': (line) => `${line} /*`,
  'a lone carriage return': (line) => `${line}\r`,
  'non-breaking space': (line) => line.replace(' ', '\u00a0'),
  'tab indentation': (line) => (line.startsWith('  ') ? `\t${line.slice(2)}` : undefined),
  'attribute without a value': (line) => (line.includes(' = ') ? line.replace(/ = .*/, ' =') : undefined),
  'two labels glued': (line) => (line.startsWith('resource') ? line.replace('" "', '""') : undefined),
}

function corpus(): Record<string, string> {
  const files: Record<string, string> = {}
  BASES.forEach((base, baseIndex) => {
    const lines = base.split('\n')
    lines.forEach((line, lineIndex) => {
      if (line === '') return
      for (const [name, mutate] of Object.entries(MUTATIONS)) {
        const mutated = mutate(line)
        if (mutated === undefined || mutated === line) continue
        const text = [...lines.slice(0, lineIndex), mutated, ...lines.slice(lineIndex + 1)].join('\n')
        files[`tf/${baseIndex}-${lineIndex + 1}-${name.replace(/ /g, '-')}/main.tf`] = text
      }
    })
  })
  return files
}

function parseErrors(result: CheckResult): string[] {
  return result.findings.filter((finding) => finding.ruleId === 'parse-error').map(formatFindingLine)
}

/** Errors inside bodies the filter cuts when they are whole. */
const EXPECTED = [
  'tf/0-14-doubled-equals-sign/main.tf:14:13: warning: Cannot parse tf/0-14-doubled-equals-sign/main.tf: "enabled =" is incomplete; what parsed around it was still read [parse-error]',
  'tf/0-24-deleted-equals-sign/main.tf:24:10: warning: Cannot parse tf/0-24-deleted-equals-sign/main.tf: unexpected "-1.5"; what parsed around it was still read [parse-error]',
  'tf/0-7-escape-above-U+10FFFF/main.tf:7:13: warning: Cannot parse tf/0-7-escape-above-U+10FFFF/main.tf: \\U00110000 is not a Unicode character (above U+10FFFF), which Terraform rejects; what parsed around it was still read [parse-error]',
  'tf/0-22-double-dot/main.tf:22:24: warning: Cannot parse tf/0-22-double-dot/main.tf: "{"Resource": "${var." is incomplete; what parsed around it was still read [parse-error]',
]

describe('the Terraform block filter on a corpus of syntax errors', () => {
  const files = corpus()
  let filtered: CheckResult
  let whole: CheckResult

  beforeAll(async () => {
    const root = tempRepo(files)
    filtered = await check({ root, workers: 0, hclFilter: true })
    whole = await check({ root, workers: 0, hclFilter: false })
  }, 240_000)

  it('is a corpus of many mutations, most of them errors, many in bodies the filter cuts when they are whole', () => {
    expect(Object.keys(files).length).toBeGreaterThan(700)
    const broken = new Set(parseErrors(whole).map((line) => line.split(':')[0]))
    expect(broken.size).toBeGreaterThan(400)
    const bases = BASES.map((base) => filterModule([{ text: base }]))
    expect(bases.map((base) => [...(base?.[0]?.blanked ?? [])].map((block) => block.labels.join('.')))).toEqual([
      ['aws_s3_bucket.assets', 'aws_sqs_queue.orders'],
      ['aws_security_group.web', 'aws_dynamodb_table.carts', 'aws_cloudwatch_log_group.app'],
    ])
    // Mutations the strict check still accepts: their bodies are cut, and they are not errors.
    const stillCut = Object.entries(files).filter(([, text]) => (filterModule([{ text }])?.[0]?.blanked.size ?? 0) > 0)
    expect(stillCut.length).toBeGreaterThan(150)
  })

  it('reports every syntax error exactly as parsing everything does, once each, with its line and message', () => {
    expect(parseErrors(filtered)).toEqual(parseErrors(whole))
    expect(parseErrors(whole)).toEqual(expect.arrayContaining(EXPECTED))
    const lines = parseErrors(whole)
    expect(new Set(lines).size).toBe(lines.length)
  })

  it('finds everything else the same too', () => {
    expect(JSON.stringify(filtered.findings)).toBe(JSON.stringify(whole.findings))
  })
})
