import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fixture, linesOf, repositoryRoot, scan } from '../../helpers.js'

/**
 * The HCL parser is WebAssembly that ncc must ship beside each bundle: the committed bundles,
 * copied where no node_modules can be found, read Terraform as the engine does in the tests.
 */
describe('Terraform in the committed bundles, copied away from node_modules', () => {
  let directory: string
  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-terraform-dist-'))
    await cp(path.join(repositoryRoot, 'dist'), path.join(directory, 'dist'), { recursive: true })
    await cp(fixture('terraform', 'platform', 'broken'), path.join(directory, 'repo'), { recursive: true })
  })
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it.each(['dist', 'dist/cli'])('%s carries the parser runtime and the grammar', async (dir) => {
    const files = await readdir(path.join(directory, dir))
    expect(files).toEqual(
      expect.arrayContaining(['web-tree-sitter.cjs', 'web-tree-sitter.wasm', 'tree-sitter-terraform.wasm']),
    )
  })

  it('the CLI reports what the engine reports', async () => {
    const expected = linesOf(await scan(fixture('terraform', 'platform', 'broken'))).filter(
      (line) => !line.includes(': note: '),
    )
    const child = spawnSync(process.execPath, [path.join(directory, 'dist', 'cli', 'index.js'), '--fail-on', 'error'], {
      cwd: path.join(directory, 'repo'),
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
      timeout: 60_000,
    })
    expect(child.stderr).toMatch(/^irsa-guard: 10 errors, 0 warnings, \d+ notes? in 11 IRSA-relevant files/)
    expect(child.stdout.split('\n').filter((line) => line !== '' && !line.includes(': note: '))).toEqual(expected)
    expect(expected).toHaveLength(10)
    expect(child.status).toBe(1)
  })
})
