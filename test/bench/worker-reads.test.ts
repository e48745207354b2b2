import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { repositoryRoot } from '../helpers.js'

/*
 * Worker threads read a share of the discovered files with the main thread, then get the texts
 * they lack handed over, or (above a total, handOverMaxChars) read the files they need themselves.
 * Worker threads cannot load TypeScript, so this test runs a JavaScript build of src/ (as
 * equivalence.test.ts does): what discovery and the sources read with workers must be what they
 * read on one thread, also when a file on disk is not the text the main thread read.
 */

const lib = path.join(repositoryRoot, '.bench', `worker-reads-lib-${process.pid}`)
let repository: string
let outside: string

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
  // Files discovery does not read, at the end of the path order (the blocks a worker claims first): a link out, a binary and an oversized manifest.
  outside = mkdtempSync(path.join(tmpdir(), 'irsa-guard-worker-reads-outside-'))
  writeFileSync(path.join(outside, 'secret.yaml'), serviceAccount('secret'))
  mkdirSync(path.join(repository, 'zz'))
  symlinkSync(path.join(outside, 'secret.yaml'), path.join(repository, 'zz', 'escape.yaml'))
  writeFileSync(path.join(repository, 'zz', 'binary.yaml'), Buffer.from('apiVersion: v1\n\0\0'))
  writeFileSync(path.join(repository, 'zz', 'large.yaml'), `${serviceAccount('large')}${'# padding\n'.repeat(2000)}`)
}, 120_000)

afterAll(() => {
  rmSync(lib, { recursive: true, force: true })
  if (repository) rmSync(repository, { recursive: true, force: true })
  if (outside) rmSync(outside, { recursive: true, force: true })
})

/** `handOverMaxChars` 0: the workers read every file they need from disk. */
async function readBoth(
  files: unknown[],
  handOverMaxChars?: number,
): Promise<{ single: any[]; parallel: { runs: any[]; workerTasks: number } }> {
  const { readSources, readSourcesWithWorkers, startSourceWorkers } = await compiled('run-sources.js')
  const { defaultConfig } = await compiled('config.js')
  const config = defaultConfig()
  const options = {
    config,
    root: repository,
    sniff: true,
    ...(handOverMaxChars === undefined ? {} : { handOverMaxChars }),
  }
  const single = await readSources(files, options)
  // Ready before the first task is offered: this thread alone may read faster than a worker starts.
  const workers = startSourceWorkers(2, options)
  await workers.ready
  const parallel = await readSourcesWithWorkers(files, options, workers).finally(() => workers.close())
  return { single, parallel }
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

describe('discovery reading with worker threads', () => {
  it('gives the files, kinds, texts and notes of reading on one thread, a worker reading a share', async () => {
    const { readRepository } = await compiled('check.js')
    const { readSources, readSourcesWithWorkers, startSourceWorkers } = await compiled('run-sources.js')
    const { defaultConfig } = await compiled('config.js')
    const config = { ...defaultConfig(), maxFileBytes: 16 * 1024 }
    const options = { config, root: repository, sniff: true }
    const alone = await readRepository(repository, config)
    const workers = startSourceWorkers(1, options)
    try {
      await workers.ready
      const shared = await readRepository(repository, config, { workers })
      expect(plain(shared.files)).toEqual(plain(alone.files))
      expect(plain(shared.findings)).toEqual(plain(alone.findings))
      expect(shared.filesSeen).toBe(alone.filesSeen)
      expect(alone.findings.map((finding: { message: string }) => finding.message)).toEqual([
        'Skipped zz/escape.yaml: it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root; copy the file in, or scan its own directory',
        'Skipped zz/binary.yaml: it is binary (a NUL byte at offset 15), not text; exclude it, or save it as UTF-8 text',
        'Skipped zz/large.yaml: it is 19.7 KB, larger than the 16.0 KB limit; raise the max-file-bytes input (--max-file-bytes), or exclude the file',
      ])
      // The worker claims blocks from the back: the last candidate is its.
      expect(shared.origins.readBy(shared.filesSeen - 1)).toBe(2)
      expect(shared.origins.readBy(0)).toBe(1)
      // The sources, the worker holding the texts it read and given the others.
      const parallel = await readSourcesWithWorkers(shared.files, options, workers, shared.origins)
      expect(parallel.workerTasks).toBeGreaterThan(0)
      expect(plain(parallel.runs.map((run: any) => [run.source.name, run.result]))).toEqual(
        plain((await readSources(alone.files, options)).map((run: any) => [run.source.name, run.result])),
      )
    } finally {
      workers.close()
    }
  }, 120_000)
})

describe('worker threads that read their own files', () => {
  it('read what the main thread read, and do part of the work, texts handed over or read from disk', async () => {
    const { readRepository } = await compiled('check.js')
    const { defaultConfig } = await compiled('config.js')
    const { files } = await readRepository(repository, defaultConfig())
    expect(files.map((file: { path: string }) => file.path)).toContain('linked.yaml')
    for (const handOverMaxChars of [undefined, 0]) {
      const { single, parallel } = await readBoth(files, handOverMaxChars)
      expect(parallel.workerTasks).toBeGreaterThan(0)
      expect(plain(parallel.runs.map((run) => [run.source.name, run.result]))).toEqual(
        plain(single.map((run) => [run.source.name, run.result])),
      )
    }
  }, 120_000)

  it('leave a task to the main thread when a file is not the text the main thread read', async () => {
    const { readRepository } = await compiled('check.js')
    const { defaultConfig } = await compiled('config.js')
    const { files } = await readRepository(repository, defaultConfig())
    // The main thread's text of every Kubernetes file names another ServiceAccount than the file on disk.
    const changed = files.map((file: { path: string; kind: string; text: string }) =>
      file.kind === 'kubernetes' ? { ...file, text: `${serviceAccount('changed')}---\n${file.text}` } : file,
    )
    const { single, parallel } = await readBoth(changed, 0)
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
