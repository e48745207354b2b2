import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { readRepository } from '../../../src/check.js'
import { defaultConfig } from '../../../src/config.js'
import { prepareSources } from '../../../src/run-sources.js'
import { terraformSource } from '../../../src/sources/terraform/index.js'
import { sourceContext, type SourceContext, type SourceFile } from '../../../src/sources/source.js'
import { repositoryRoot } from '../../helpers.js'

/*
 * On several threads the Terraform source is read in parts (consecutive module directories each):
 * merged in order, the parts must give exactly what reading every file at once gives.
 */

async function terraformInput(root: string): Promise<{ files: SourceFile[]; context: SourceContext }> {
  const config = defaultConfig()
  const scanned = await readRepository(root, config)
  await prepareSources(scanned.files)
  const files = scanned.files.filter((file) => file.kind === 'terraform' || file.kind === 'terraform-vars')
  return { files, context: sourceContext({ config, files: scanned.files, root, sniff: true }) }
}

function readInParts(files: SourceFile[], context: SourceContext, count: number): unknown {
  const parts = terraformSource.parts!
  const results = Array.from({ length: count }, (_, part) => parts.read(files, context, part, count))
  return JSON.parse(JSON.stringify(parts.merge(results, context)))
}

describe('the Terraform source read in parts', () => {
  let generated: string

  beforeAll(async () => {
    generated = mkdtempSync(path.join(tmpdir(), 'irsa-guard-terraform-parts-'))
    const { writeRepository } = (await import(
      pathToFileURL(path.join(repositoryRoot, 'bench', 'generate.mjs')).href
    )) as {
      writeRepository: (root: string, files: number, seed: number) => void
    }
    writeRepository(generated, 1000, 5)
    // A root whose module is in another directory, a module called by two roots, and a broken file.
    const write = (relative: string, text: string): void => {
      mkdirSync(path.dirname(path.join(generated, relative)), { recursive: true })
      writeFileSync(path.join(generated, relative), text)
    }
    write(
      'zz/modules/sa/main.tf',
      'variable "name" {}\nresource "kubernetes_service_account" "this" {\n  metadata {\n    name      = var.name\n    namespace = "parts"\n  }\n}\n',
    )
    write('zz/live/a/main.tf', 'module "sa" {\n  source = "../../modules/sa"\n  name   = "a"\n}\n')
    write(
      'zz/live/b/main.tf',
      'module "sa" {\n  source = "../../modules/sa"\n  name   = "b"\n}\nresource "aws_s3_bucket" "x" {\n  bucket =\n}\n',
    )
  }, 60_000)

  afterAll(() => {
    if (generated) rmSync(generated, { recursive: true, force: true })
  })

  it.each([2, 3, 7, 40])('merge into what one reading gives, in %i parts, on a generated repository', async (count) => {
    const { files, context } = await terraformInput(generated)
    const whole = JSON.parse(JSON.stringify(terraformSource.read(files, context)))
    expect(whole.facts.roles.length).toBeGreaterThan(20)
    expect(whole.facts.serviceAccounts.length).toBe(2)
    expect(whole.findings.length).toBeGreaterThan(0)
    expect(readInParts(files, context, count)).toEqual(whole)
  })

  it('merge into what one reading gives on every Terraform fixture', async () => {
    const { files, context } = await terraformInput(path.join(repositoryRoot, '__fixtures__'))
    const whole = JSON.parse(JSON.stringify(terraformSource.read(files, context)))
    expect(whole.facts.roles.length).toBeGreaterThan(10)
    for (const count of [2, 5, 13]) expect(readInParts(files, context, count)).toEqual(whole)
  })

  it('report a module that a root of another part calls only as that call, not as a root of its own', async () => {
    const { files, context } = await terraformInput(generated)
    const owners = files.filter((file) => file.path.startsWith('zz/'))
    const names = (result: unknown): string[] =>
      (
        result as { facts: { serviceAccounts: { name: { value?: string }; terraform?: { address: string } }[] } }
      ).facts.serviceAccounts
        .filter((sa) => sa.terraform?.address.includes('kubernetes_service_account.this'))
        .map((sa) => `${sa.terraform!.address}=${sa.name.value ?? '?'}`)
    // Each of the three directories in a part of its own.
    const separate = readInParts(owners, context, 3)
    expect(names(separate)).toEqual([
      'module.sa.kubernetes_service_account.this=a',
      'module.sa.kubernetes_service_account.this=b',
    ])
  })
})
