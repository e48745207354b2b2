import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { check } from '../../../src/check.js'
import { filterModule } from '../../../src/sources/terraform/block-filter.js'
import {
  expectSameFindingsAndFacts,
  fixture,
  fixtureRootsHolding,
  jsonReportsOnAndOff,
  linesOf,
} from '../../helpers.js'

/*
 * The Terraform block filter (SourceContext.hclFilter) cuts the bodies of the resource and data
 * blocks nothing reads before tree-sitter parses them. The engine must find exactly the same with
 * and without it.
 */

const MANY_TYPES = fixture('terraform', 'block-filter')

/** The `type.name` of each block filterModule cut in a module's files. */
function cutBlocks(texts: readonly string[]): string[] {
  const filtered = filterModule(texts.map((text) => ({ text })))
  return (filtered ?? []).flatMap((file) => [...(file?.blanked ?? [])].map((block) => block.labels.join('.')))
}

describe('the Terraform block filter', () => {
  it('cuts the bodies of unread types nothing refers to, and keeps the read, referred-to, counted and provisioned ones', () => {
    const text = readFileSync(path.join(MANY_TYPES, 'app', 'main.tf'), 'utf8')
    expect(cutBlocks([text])).toEqual([
      'aws_s3_bucket.assets',
      'aws_security_group.web',
      'aws_sqs_queue.orders',
      'aws_vpc.main',
    ])
  })

  it('refers across the files of a module: a reference in one file keeps the block of another', () => {
    const declares = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n'
    expect(cutBlocks([declares])).toEqual(['aws_s3_bucket.logs'])
    expect(cutBlocks([declares, 'output "bucket" {\n  value = aws_s3_bucket.logs.bucket\n}\n'])).toEqual([])
    expect(cutBlocks([declares, 'output "bucket" {\n  value = "${aws_s3_bucket . logs.bucket}"\n}\n'])).toEqual([])
    expect(cutBlocks([declares, 'output "b" {\n  value = aws_s3_bucket /* c */ .logs\n}\n'])).toEqual([])
  })

  it('follows references from kept blocks only: what only a cut body refers to is cut too', () => {
    const vpc = 'data "aws_vpc" "main" {\n  tags = { Name = "main" }\n}\n'
    const group = 'resource "aws_security_group" "web" {\n  vpc_id = data.aws_vpc.main.id\n}\n'
    expect(cutBlocks([vpc, group])).toEqual(['aws_vpc.main', 'aws_security_group.web'])
    // An output refers to the group, which refers to the VPC: both kept.
    const output = 'output "group" {\n  value = aws_security_group.web.id\n}\n'
    expect(cutBlocks([vpc, group, output])).toEqual([])
    // A role (read) refers to a parameter, which refers to a bucket: both kept, the other bucket cut.
    const role = 'resource "aws_iam_role" "app" {\n  name = aws_ssm_parameter.name.value\n}\n'
    const parameter = 'resource "aws_ssm_parameter" "name" {\n  value = aws_s3_bucket.a.bucket\n}\n'
    const buckets =
      'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n'
    expect(cutBlocks([role, parameter, buckets])).toEqual(['aws_s3_bucket.b'])
  })

  it('leaves a module whole when a file nests deeper than the check follows, or holds what it does not know', () => {
    const bucket = 'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n'
    expect(cutBlocks([bucket])).toEqual(['aws_s3_bucket.a'])
    expect(filterModule([{ text: bucket }, { text: `locals {\n  x = ${'"${'.repeat(100_000)}\n}\n` }])).toBeUndefined()
    expect(filterModule([{ text: bucket }, { text: `locals {\n  x = ${'['.repeat(100_000)}\n}\n` }])).toBeUndefined()
    expect(filterModule([{ text: bucket }, { text: 'x = 1\n' }])).toBeUndefined()
    expect(filterModule([{ text: bucket }, { text: 'locals {\n  x = "\0"\n}\n' }])).toBeUndefined()
    // Too deep inside the body itself: the body is kept, the others still cut.
    const deep = `resource "aws_s3_bucket" "b" {\n${'  b {\n'.repeat(100)}${'}\n'.repeat(100)}}\n`
    expect(cutBlocks([bucket, deep])).toEqual(['aws_s3_bucket.a'])
  })

  it('finds the same with and without it on a module of many types, a value read from a kept block included', async () => {
    const filtered = await check({ root: MANY_TYPES, workers: 0, hclFilter: true })
    const whole = await check({ root: MANY_TYPES, workers: 0, hclFilter: false })
    expect(linesOf(filtered)).toEqual([
      'app/main.tf:79:38: warning: ServiceAccount shop/web (app/main.tf:79) names role "wbe", which no scanned source defines (they define 1 role); did you mean "web" (app/main.tf:8)? correct the annotation or add the role\'s definition to the scan [role-not-found]',
    ])
    expect(JSON.stringify(filtered.findings)).toBe(JSON.stringify(whole.findings))
    expect(JSON.stringify(filtered.graph.facts)).toBe(JSON.stringify(whole.graph.facts))
  })

  it('gives the CLI the same JSON report, byte for byte, as IRSA_GUARD_HCL_FILTER=0', async () => {
    const { on: filtered, off: whole } = await jsonReportsOnAndOff(MANY_TYPES, 'IRSA_GUARD_HCL_FILTER')
    expect(filtered.code).toBe(0)
    expect(filtered.stdout).toContain('"ruleId": "role-not-found"')
    expect(filtered.stdout).toBe(whole.stdout)
  })

  it('finds the same with and without it on every fixture repository with Terraform files', async () => {
    const roots = fixtureRootsHolding((name) => name.endsWith('.tf'))
    expect(roots.length).toBeGreaterThan(150)
    await expectSameFindingsAndFacts(roots, { hclFilter: true }, { hclFilter: false })
    const cut = roots.filter((root) => modulesOf(root).some((texts) => cutBlocks(texts).length > 0)).length
    // Fixtures are minimal, with few blocks nothing reads: the filter cut bodies in some of them.
    expect(cut).toBeGreaterThanOrEqual(3)
  }, 300_000)
})

/** The texts of the `.tf` files of each directory under `root`. */
function modulesOf(root: string): string[][] {
  const byDirectory = new Map<string, string[]>()
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.tf')) continue
    const texts = byDirectory.get(entry.parentPath) ?? []
    texts.push(readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    byDirectory.set(entry.parentPath, texts)
  }
  return [...byDirectory.values()]
}
