import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { repositoryRoot } from '../helpers.js'

/*
 * Worker threads read the files they need themselves (they are told paths, kinds and lengths, not
 * texts). Worker threads cannot load TypeScript, so this test runs a JavaScript build of src/ (as
 * equivalence.test.ts does): what the sources read with workers must be what they read on one
 * thread, also when a file on disk is not the text the main thread read.
 */

const lib = path.join(repositoryRoot, '.bench', `worker-reads-lib-${process.pid}`)
let repository: string

/* eslint-disable @typescript-eslint/no-explicit-any */
async function load(relative: string): Promise<any> {
  return import(pathToFileURL(path.join(repositoryRoot, relative)).href)
}

async function compiled(relative: string): Promise<any> {
  return import(pathToFileURL(path.join(lib, relative)).href)
}

const serviceAccount = (name: string): string =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: team\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/${name}\n`

beforeAll(async () => {
  const { compileSources } = await load('bench/compile.mjs')
  const { writeRepository } = await load('bench/generate.mjs')
  compileSources(lib)
  repository = mkdtempSync(path.join(tmpdir(), 'irsa-guard-worker-reads-'))
  writeRepository(repository, 2000, 4)
  // A link inside the repository to a file inside it: read through the link, as discovery reads it.
  writeFileSync(path.join(repository, 'linked-target.yaml'), serviceAccount('linked'))
  symlinkSync(path.join(repository, 'linked-target.yaml'), path.join(repository, 'linked.yaml'))
}, 120_000)

afterAll(() => {
  rmSync(lib, { recursive: true, force: true })
  if (repository) rmSync(repository, { recursive: true, force: true })
})

async function readBoth(files: unknown[]): Promise<{ single: any[]; parallel: { runs: any[]; workerTasks: number } }> {
  const { readSources, readSourcesInParallel } = await compiled('run-sources.js')
  const { defaultConfig } = await compiled('config.js')
  const config = defaultConfig()
  const options = { config, root: repository, sniff: true }
  return { single: await readSources(files, options), parallel: await readSourcesInParallel(files, options, 2) }
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

describe('worker threads that read their own files', () => {
  it('read what the main thread read, and do part of the work', async () => {
    const { readRepository } = await compiled('check.js')
    const { defaultConfig } = await compiled('config.js')
    const { files } = await readRepository(repository, defaultConfig())
    expect(files.map((file: { path: string }) => file.path)).toContain('linked.yaml')
    const { single, parallel } = await readBoth(files)
    expect(parallel.workerTasks).toBeGreaterThan(0)
    expect(plain(parallel.runs.map((run) => [run.source.name, run.result]))).toEqual(
      plain(single.map((run) => [run.source.name, run.result])),
    )
  }, 120_000)

  it('leave a task to the main thread when a file is not the text the main thread read', async () => {
    const { readRepository } = await compiled('check.js')
    const { defaultConfig } = await compiled('config.js')
    const { files } = await readRepository(repository, defaultConfig())
    // The main thread's text of every Kubernetes file names another ServiceAccount than the file on disk.
    const changed = files.map((file: { path: string; kind: string; text: string }) =>
      file.kind === 'kubernetes' ? { ...file, text: `${serviceAccount('changed')}---\n${file.text}` } : file,
    )
    const { single, parallel } = await readBoth(changed)
    const kubernetes = single.find((run) => run.source.name === 'kubernetes')
    // Those the Kustomize builds do not consume: read as the main thread's texts say, on either side.
    expect(
      kubernetes.result.facts.serviceAccounts.filter((sa: { name: { value?: string } }) => sa.name.value === 'changed')
        .length,
    ).toBeGreaterThan(100)
    expect(plain(parallel.runs.map((run) => [run.source.name, run.result]))).toEqual(
      plain(single.map((run) => [run.source.name, run.result])),
    )
  }, 120_000)
})
