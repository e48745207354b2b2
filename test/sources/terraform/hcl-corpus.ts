/*
 * A syntax-error corpus of Terraform files: modules holding every construct the block filter's
 * strict check and the fast parser know (and some they do not), each broken in one line by one
 * mutation. Shared by the block filter's and the fast parser's tests.
 */

export const BASES: readonly string[] = [
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
export const MUTATIONS: Record<string, Mutation> = {
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

export function corpus(): Record<string, string> {
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
