import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fastParseHcl } from '../../../src/sources/terraform/fast-parse.js'
import { loadHclParser, type HclParser } from '../../../src/sources/terraform/loader.js'
import { parseHcl } from '../../../src/sources/terraform/parse.js'
import {
  expectSameFindingsAndFacts,
  fixture,
  fixtureRootsHolding,
  jsonReportsOnAndOff,
  oneCharacterEdit,
  repositoryRoot,
  tally,
  type Tally,
} from '../../helpers.js'
import { corpus } from './hcl-corpus.js'

/*
 * The fast HCL parser (terraform/fast-parse.ts) either declines a text or gives exactly the
 * HclFile tree-sitter and the tree reader give: on every `.tf` file of the fixtures and tests, on
 * the syntax-error corpus, on generated expressions, and on one-character edits of the fixtures.
 * The engine finds the same with it on and off.
 */

let parser: HclParser

beforeAll(async () => {
  parser = await loadHclParser()
})

/** Parses the text both ways: counts a decline, or a take, and records a take that is not identical. */
function compare(counts: Tally, name: string, text: string): void {
  const fast = fastParseHcl(name, text)
  if (!fast) {
    counts.declined++
    return
  }
  counts.taken++
  const slow = parseHcl(parser, name, text)
  // JSON keeps key order and tells undefined from absent; the AST holds no other kind of value.
  if (JSON.stringify(fast) !== JSON.stringify(slow)) counts.disagreements.push(`${name}: ${JSON.stringify(text)}`)
}

function tfFiles(): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = []
  for (const top of ['__fixtures__', 'test']) {
    const base = path.join(repositoryRoot, top)
    for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(tf|tfvars)$/.test(entry.name)) continue
      const full = path.join(entry.parentPath, entry.name)
      files.push({ name: path.relative(repositoryRoot, full), text: readFileSync(full, 'utf8') })
    }
  }
  return files.sort((a, b) => a.name.localeCompare(b.name))
}

function element<T>(values: readonly T[], index: number): T {
  const value = values[index]
  if (value === undefined) throw new Error(`no element ${index}`)
  return value
}

/** A small deterministic generator (a linear congruential one). */
function randomSource(seed: number): (limit: number) => number {
  let state = seed
  return (limit) => {
    state = (state * 1103515245 + 12345) % 2147483648
    return Math.floor((state / 2147483648) * limit)
  }
}

const SEPARATORS = [' ', ' ', ' ', '', '\n  ', ' # note\n  ', ' /* c */ ', '\t', '\r\n ']
const OPERATORS = ['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']
const NAMES = [
  'a',
  'var',
  'local',
  'each',
  'count',
  'x-y',
  'null',
  'true',
  'for',
  'in',
  'if',
  'provider::aws::arn_parse',
]

/** A random expression from every construct the fast parser knows, with random spacing and comments. */
function generatedExpression(random: (limit: number) => number, depth: number): string {
  const space = (): string => element(SEPARATORS, random(SEPARATORS.length))
  const pick = <T>(values: readonly T[]): T => element(values, random(values.length))
  const sub = (): string => generatedExpression(random, depth + 1)
  const choice = depth > 3 ? random(6) : random(22)
  switch (choice) {
    case 0:
      return pick(['1', '0', '1.5', '2.5e3', '10', '0x1F', '1e3', '007'])
    case 1:
      return pick(['"plain"', '""', '"a\\"b\\\\c"', '"\\u00e9\\n"', '"$${x}"', '"%%{y}"', '"$$$${z}"', '"a$b%c"'])
    case 2:
      return pick(NAMES)
    case 3:
      return `${pick(NAMES)}${pick(['.b', '.0', '[0]', '.*.c', '[*].d', '.b.c', '["k"]', '.0.1', '[*]', '.for'])}`
    case 4:
      return pick(['true', 'false', 'null'])
    case 5:
      return `"x-\${${space()}${sub()}${space()}}-y"`
    case 6:
      return `${sub()}${space()}${pick(OPERATORS)}${space()}${sub()}`
    case 7:
      return `${pick(['-', '!', '- -', '!'])}${pick(['', ' '])}${sub()}`
    case 8:
      return `${sub()}${space()}?${space()}${sub()}${space()}:${space()}${sub()}`
    case 9:
      return `(${space()}${sub()}${space()})${pick(['', '.b', '[1]', ''])}`
    case 10:
      return `${pick(['f', 'lookup', 'provider::aws::arn_parse', 'f '])}(${pick(['', sub(), `${sub()},${space()}${sub()}`, `${sub()}...`, `${sub()},`])})`
    case 11:
      return `[${pick(['', sub(), `${sub()},${space()}${sub()}`, `${sub()},`, ','])}]`
    case 12:
      return `{${space()}${pick(['k', '"k"', '(k)', 'null', 'if', 'k.l'])}${space()}${pick(['=', ':'])}${space()}${sub()}${pick(['', ',', ', k2 = 2', '\n k3: 3'])}${space()}}`
    case 13:
      return `[for ${pick(['v', 'k, v'])} in ${sub()} : ${sub()}${pick(['', ` if ${sub()}`])}]`
    case 14:
      return `{for k, v in ${sub()} : ${sub()} => ${sub()}${pick(['', '...'])}${pick(['', ` if ${sub()}`])}}`
    case 15:
      return `<<${pick(['EOF', '-EOT'])}\n${pick(['  text', '  ${a}', 'x', '', '  a\n    ${b.c} d\n'])}\n${pick(['EOF', '  EOT', 'EOT', 'EOF '])}\n`
    case 16:
      return `"\${~ ${sub()} ~}  "`
    case 17:
      return pick([
        `"%{${pick(['', '~'])} if ${sub()} ${pick(['', '~'])}}x${pick(['', '%{ else }y'])}%{${pick(['', '~'])} endif ${pick(['', '~'])}} "`,
        `" %{ for ${pick(['v', 'k, v'])} in ${sub()} ~}\${v} %{~ endfor } "`,
        `<<EOT\n%{ if ${sub()} }\n  a\n%{ endif }\nEOT\n`,
      ])
    case 18:
      return `${sub()}${space()}${pick(['==', '&&'])}${space()}${sub()}${space()}?${space()}${sub()}${space()}:${space()}${sub()}`
    default:
      return `${pick(['a', 'b'])}${space()}${pick(OPERATORS)}${space()}${pick(['-1', '!c', 'd.e'])}${space()}${pick(OPERATORS)}${space()}${pick(['3', 'f(g)'])}`
  }
}

function generatedFiles(count: number): { name: string; text: string }[] {
  const random = randomSource(17)
  const files: { name: string; text: string }[] = []
  for (let index = 0; index < count; index++) {
    const expression = generatedExpression(random, 0)
    const text =
      index % 3 === 0
        ? `x = ${expression}\n`
        : `resource "aws_thing" "n${index}" {\n  # before\n  value = ${expression}\n  inner {\n    y = ${expression}\n  }\n}\n`
    files.push({ name: `generated-${index}.tf`, text })
  }
  return files
}

/** Snippets at the edges of the subset: each must be declined or read identically. */
const EDGES = [
  'null = 1\nfor = 2\nin = 3\nresource for "x" {}\nnull {}\n',
  'x = a.null\ny = a.for\nz = { null = 1, if = 2 }\n',
  'x = b (c)\n',
  'x = a ? b : c ? d : e\n',
  'x = a ? b ? c : d ? e : f : g\n',
  'x = -a.b + c\n',
  'x = !a.b[0]\n',
  'x = a.0.1\ny = a.0.b\n',
  'x = true-1\n',
  'x = a.*.b[*].c\n',
  'x = "${~ a ~}  b  ${ c ~}\n"\n',
  'x = "  ${~a}"\n',
  'x = <<-EOT\n    a\n      ${b}\n    c\n    EOT\n',
  'x = <<EOF\r\nwindows\r\nEOF\r\n',
  'x = <<EOF\nEOFX\nEOF\n',
  'x = <<EOF\nEOF ${a}\nEOF\n',
  'x = <<EOF\nEO${a}\nEOF\n',
  'x = <<EOF\n\u00a0EOF\nEOF\n',
  'x = <<EOF\nEOF',
  'x = "a\nb"\n',
  'x = "\\U00110000"\n',
  'x = "\\U0001F600 \\uD83D"\n',
  'x = [\n  1, # one\n  2, /* two */\n]\n',
  'x = { # c\n  a = 1 // d\n  b = 2\n}\n',
  'x = f(a, # c\n  b...)\n',
  'resource "a" /* c */ "b" {}\n',
  'resource "a"\n  "b" {\n}\n',
  '# \u2028 x = 1\n',
  '# \u00a0 fine\nx = 1\n',
  'x = 1 y = 2\n',
  'x = { a = 1 b = 2 }\n',
  'x = a\n  .b\n',
  'x = a[\n  0\n]\n',
  'x = "${ a # c\n}"\n',
  'x = [for x in a ? b : c : x]\n',
  'x = {for k, v in m : k => v... if v != null}\n',
  `x = ${'('.repeat(150)}1${')'.repeat(150)}\n`,
  `x = ${'['.repeat(420)}${']'.repeat(420)}\n`,
  `x = ${Array.from({ length: 300 }, (_, index) => `a${index}`).join(' + ')}\n`,
  `${'b {\n'.repeat(420)}${'}\n'.repeat(420)}`,
  'x = "\0"\n',
  'x = 1\n\ufeff',
  'x = é\n',
  'x = aé\n',
  '{ "json": 1 }\n',
  'x = "%{ if a }x%{ else }y%{ endif }"\n',
  'x = "a  %{~ if a ~}  x  %{~ else ~}  y  %{~ endif ~}  b"\n',
  'x = "a  %{~ for k, v in m ~}  ${k}=${v}  %{~ endfor ~}  b"\n',
  'x = "%{for v in m}%{if v}${v}%{endif}%{endfor}"\n',
  'x = <<-EOT\n    %{ for v in m ~}\n      ${v}\n    %{ endfor }\n    EOT\n',
  'x = <<EOT\n%{ if a }\nEOT\n%{ endif }\nEOT\n',
  'x = "%{ if a }x%{ endfor }"\n',
  'x = "%{ if a }x"\n',
  'x = "%{ else }"\n',
  'x = "%{ endif }"\n',
  'x = "%%{ if a }"\n',
  '',
  '# only a comment',
]

describe('the fast HCL parser', () => {
  it('reads every Terraform file of the fixtures and tests exactly as tree-sitter does, and takes almost all of them', () => {
    const counts = tally()
    const files = tfFiles()
    for (const file of files) compare(counts, file.name, file.text)
    expect(counts.disagreements).toEqual([])
    expect(files.length).toBeGreaterThan(300)
    expect(counts.taken / files.length).toBeGreaterThan(0.95)
  })

  it('declines every file of the syntax-error corpus tree-sitter finds an error in, and reads the others exactly', () => {
    const counts = tally()
    let errors = 0
    for (const [name, text] of Object.entries(corpus())) {
      compare(counts, name, text)
      if (parseHcl(parser, name, text).error) {
        errors++
        expect({ name, fast: fastParseHcl(name, text) }).toEqual({ name, fast: undefined })
      }
    }
    expect(counts.disagreements).toEqual([])
    expect(errors).toBeGreaterThan(400)
    expect(counts.taken).toBeGreaterThan(60)
  })

  it('reads generated expressions of every construct, spacing and comment placement exactly, or declines them', () => {
    const counts = tally()
    for (const file of generatedFiles(3000)) compare(counts, file.name, file.text)
    expect(counts.disagreements).toEqual([])
    expect(counts.taken).toBeGreaterThan(1000)
    expect(counts.declined).toBeGreaterThan(300)
  })

  it('reads the edges of its subset exactly, or declines them', () => {
    const counts = tally()
    EDGES.forEach((text, index) => compare(counts, `edge-${index}.tf`, text))
    expect(counts.disagreements).toEqual([])
    expect(counts.taken).toBeGreaterThan(20)
    // Nesting near the tree reader's depth limit goes to tree-sitter, which reports it.
    expect(fastParseHcl('deep.tf', `x = ${'['.repeat(420)}${']'.repeat(420)}\n`)).toBeUndefined()
  })

  it('reads one-character edits of the fixtures exactly, or declines them', () => {
    const random = randomSource(42)
    const files = tfFiles().filter((file) => file.text.length > 0)
    const characters = '{}[]()"$%#/*\n =.,:?!<>-~\\a1_\'`\t'
    const counts = tally()
    for (let edit = 0; edit < 3000; edit++) {
      const file = element(files, random(files.length))
      const text = oneCharacterEdit(file.text, characters, random)
      compare(counts, `${file.name}#${edit}`, text)
    }
    expect(counts.disagreements).toEqual([])
    expect(counts.taken).toBeGreaterThan(1000)
    expect(counts.declined).toBeGreaterThan(300)
  })

  it('gives the CLI the same JSON report, byte for byte, as IRSA_GUARD_HCL_FAST=0', async () => {
    const { on: fast, off: slow } = await jsonReportsOnAndOff(
      fixture('terraform', 'block-filter'),
      'IRSA_GUARD_HCL_FAST',
    )
    expect(fast.code).toBe(0)
    expect(fast.stdout).toContain('"ruleId": "role-not-found"')
    expect(fast.stdout).toBe(slow.stdout)
  })

  it('finds the same with it on and off on every fixture repository with Terraform files', async () => {
    const roots = fixtureRootsHolding((name) => name.endsWith('.tf'))
    expect(roots.length).toBeGreaterThan(150)
    await expectSameFindingsAndFacts(roots, { hclFast: true }, { hclFast: false })
  }, 300_000)
})
