import { mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../../src/config.js'
import { discover } from '../../src/discover/discover.js'
import { readCandidate } from '../../src/discover/read.js'
import type { CheckResult } from '../../src/check.js'
import { linesOf, scan } from '../helpers.js'
import { removeTempRepos, tempRepo } from './temp-repo.js'

afterAll(removeTempRepos)

/** A ServiceAccount manifest; which files were read shows in the ServiceAccounts found. */
function sa(name: string): string {
  return `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: apps\n`
}

/** Paths of the files whose ServiceAccounts were read, sorted. */
function readPaths(result: CheckResult): string[] {
  return [...new Set(result.graph.facts.serviceAccounts.map((account) => account.location.path))].sort()
}

describe('discover: what is scanned', () => {
  it('skips test fixture directories wherever they are, unless fixtureDirectories says otherwise', async () => {
    const root = tempRepo({
      'k8s/sa.yaml': sa('deployed'),
      'pkg/addons/testdata/sa.yaml': sa('go-testdata'),
      'src/__fixtures__/sa.yaml': sa('jest-fixture'),
      'test/fixtures/sa.yaml': sa('fixture'),
      'web/__snapshots__/sa.yaml': sa('snapshot'),
      'web/__mocks__/sa.yaml': sa('mock'),
      'testdata.yaml': sa('a-file-named-testdata'),
      'my-testdata/sa.yaml': sa('other-directory'),
    })
    expect(readPaths(await scan(root))).toEqual(['k8s/sa.yaml', 'my-testdata/sa.yaml', 'testdata.yaml'])
    expect(readPaths(await scan(root, { fixtureDirectories: ['fixtures'] }))).toEqual([
      'k8s/sa.yaml',
      'my-testdata/sa.yaml',
      'pkg/addons/testdata/sa.yaml',
      'src/__fixtures__/sa.yaml',
      'testdata.yaml',
      'web/__mocks__/sa.yaml',
      'web/__snapshots__/sa.yaml',
    ])
    expect(readPaths(await scan(root, { fixtureDirectories: [] }))).toHaveLength(8)
  })

  it('honours .gitignore: comments, negation, directory-only, anchored patterns and **', async () => {
    const root = tempRepo({
      '.gitignore': [
        '# a comment, not a pattern: sa.yaml',
        'build/',
        '!build/keep.yaml',
        '*.gen.yaml',
        '!keep.gen.yaml',
        '/top.yaml',
        'docs/**/skip.yaml',
        'cache.yaml/',
        '\\#hash.yaml',
        'trailing.yaml   ',
      ].join('\n'),
      'sa.yaml': sa('sa'),
      'build/out.yaml': sa('build-out'),
      'build/keep.yaml': sa('build-keep'),
      'a.gen.yaml': sa('gen'),
      'deep/er/b.gen.yaml': sa('deep-gen'),
      'keep.gen.yaml': sa('keep-gen'),
      'top.yaml': sa('top'),
      'nested/top.yaml': sa('nested-top'),
      'docs/skip.yaml': sa('docs-skip'),
      'docs/a/b/skip.yaml': sa('docs-deep-skip'),
      'cache.yaml': sa('cache-file'),
      '#hash.yaml': sa('hash'),
      'trailing.yaml': sa('trailing'),
    })
    const result = await scan(root)
    expect(readPaths(result)).toEqual(['cache.yaml', 'keep.gen.yaml', 'nested/top.yaml', 'sa.yaml'])
  })

  it('honours nested .gitignore files, the deeper one deciding', async () => {
    const root = tempRepo({
      '.gitignore': '*.gen.yaml\n',
      'sub/.gitignore': '!wanted.gen.yaml\nlocal.yaml\n/anchored.yaml\n',
      'sub/wanted.gen.yaml': sa('wanted'),
      'sub/other.gen.yaml': sa('other'),
      'sub/local.yaml': sa('local'),
      'sub/deeper/local.yaml': sa('deeper-local'),
      'sub/anchored.yaml': sa('anchored'),
      'sub/deeper/anchored.yaml': sa('deeper-anchored'),
      'local.yaml': sa('root-local'),
    })
    expect(readPaths(await scan(root))).toEqual(['local.yaml', 'sub/deeper/anchored.yaml', 'sub/wanted.gen.yaml'])
  })

  it('always skips .git, node_modules, vendor, .terraform and bower_components', async () => {
    const root = tempRepo({
      'app.yaml': sa('app'),
      '.git/x.yaml': sa('git'),
      'node_modules/pkg/x.yaml': sa('node-modules'),
      'deep/vendor/x.yaml': sa('vendor'),
      '.terraform/modules/x.yaml': sa('terraform'),
      'web/bower_components/x.yaml': sa('bower'),
      '.github/x.yaml': sa('dot-directory'),
    })
    expect(readPaths(await scan(root))).toEqual(['.github/x.yaml', 'app.yaml'])
  })

  it('applies exclude globs to a path and everything below it', async () => {
    const root = tempRepo({
      'app.yaml': sa('app'),
      'examples/x.yaml': sa('examples'),
      'a/x.yaml': sa('a'),
      'b/x.yaml': sa('b'),
      'c/x.yaml': sa('c'),
      'k8s/app.test.yaml': sa('test'),
      'k8s/deep/more.test.yaml': sa('deep-test'),
    })
    const result = await scan(root, { exclude: ['examples', '{a,b}/x.yaml', '**/*.test.yaml'] })
    expect(readPaths(result)).toEqual(['app.yaml', 'c/x.yaml'])
  })

  it('reads a directory include as everything below it, and include globs as globs', async () => {
    const root = tempRepo({ 'deploy/a.yaml': sa('a'), 'deploy/deep/b.yaml': sa('b'), 'other/c.yaml': sa('c') })
    expect(readPaths(await scan(root, { include: ['deploy'] }))).toEqual(['deploy/a.yaml', 'deploy/deep/b.yaml'])
    expect(readPaths(await scan(root, { include: ['./deploy/'] }))).toEqual(['deploy/a.yaml', 'deploy/deep/b.yaml'])
    expect(readPaths(await scan(root, { include: ['deploy/*.yaml', 'other/**/*.yaml'] }))).toEqual([
      'deploy/a.yaml',
      'other/c.yaml',
    ])
  })

  it('looks only at files whose names may matter', async () => {
    const root = tempRepo({
      'a.yaml': sa('a'),
      'README.md': 'apiVersion: v1\nkind: ServiceAccount\n',
      'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
      'composer.json': '{"apiVersion": "x", "kind": "y"}',
    })
    const result = await scan(root)
    expect(result.scan.filesSeen).toBe(1)
    expect(linesOf(result, 'parse-error')).toEqual([])
  })

  it('refuses a root that is not a directory with a usage error', async () => {
    const root = tempRepo({ 'file.yaml': sa('x') })
    await expect(
      discover(path.join(root, 'missing'), { include: ['**/*'], exclude: [], maxFileBytes: 0 }),
    ).rejects.toThrow(new ConfigError(`Cannot scan ${path.join(root, 'missing')}: it is not a directory`))
    await expect(
      discover(path.join(root, 'file.yaml'), { include: ['**/*'], exclude: [], maxFileBytes: 0 }),
    ).rejects.toBeInstanceOf(ConfigError)
  })

  it('can ignore .gitignore files when asked', async () => {
    const root = tempRepo({ '.gitignore': 'rendered/\n', 'rendered/a.yaml': sa('a'), 'b.yaml': sa('b') })
    const honoured = await discover(root, { include: ['**/*'], exclude: [], maxFileBytes: 0 })
    const ignored = await discover(root, { include: ['**/*'], exclude: [], maxFileBytes: 0, respectGitignore: false })
    expect(honoured.candidates.map((candidate) => candidate.path)).toEqual(['b.yaml'])
    expect(ignored.candidates.map((candidate) => candidate.path)).toEqual(['b.yaml', 'rendered/a.yaml'])
    expect(ignored.candidates[0]).toEqual({
      path: 'b.yaml',
      absolutePath: path.join(realpathSync(root), 'b.yaml'),
      rootReal: realpathSync(root),
      regularFile: true,
    })
  })
})

describe('discover: symbolic links', () => {
  it('never hangs on a link loop and reads each file once', async () => {
    const root = tempRepo({ 'k8s/app.yaml': sa('app') })
    symlinkSync('.', path.join(root, 'loop'))
    symlinkSync('..', path.join(root, 'k8s', 'up'))
    mkdirSync(path.join(root, 'a'))
    symlinkSync('../b', path.join(root, 'a', 'to-b'))
    mkdirSync(path.join(root, 'b'))
    symlinkSync('../a', path.join(root, 'b', 'to-a'))
    const result = await scan(root)
    expect(readPaths(result)).toEqual(['k8s/app.yaml'])
    expect(result.graph.facts.serviceAccounts).toHaveLength(1)
    expect(linesOf(result, 'parse-error')).toEqual([])
  })

  it('reads a link to a file inside the root, and notes links out of the root or that do not resolve', async () => {
    const outside = tempRepo({ 'secret.yaml': sa('outside') })
    const root = tempRepo({ 'real.yaml': sa('real') })
    symlinkSync('real.yaml', path.join(root, 'alias.yaml'))
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'escape.yaml'))
    symlinkSync('missing.yaml', path.join(root, 'dangling.yaml'))
    symlinkSync('second.yaml', path.join(root, 'first.yaml'))
    symlinkSync('first.yaml', path.join(root, 'second.yaml'))
    symlinkSync(outside, path.join(root, 'outside-dir'))
    const result = await scan(root)
    expect(readPaths(result)).toEqual(['alias.yaml', 'real.yaml'])
    expect(linesOf(result, 'parse-error')).toEqual([
      'dangling.yaml:1:1: note: Skipped dangling.yaml: it is a symbolic link that cannot be resolved (its target is missing, or the links form a loop) [parse-error]',
      'escape.yaml:1:1: note: Skipped escape.yaml: it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root; copy the file in, or scan its own directory [parse-error]',
      'first.yaml:1:1: note: Skipped first.yaml: it is a symbolic link that cannot be resolved (its target is missing, or the links form a loop) [parse-error]',
      'second.yaml:1:1: note: Skipped second.yaml: it is a symbolic link that cannot be resolved (its target is missing, or the links form a loop) [parse-error]',
    ])
  })
})

describe('discover, then read: a file replaced between the walk and the read', () => {
  it('refuses a regular file replaced by a link out of the root, and reads one replaced by a link inside it', async () => {
    const outside = tempRepo({ 'secret.yaml': sa('outside') })
    const root = tempRepo({ 'k8s/a.yaml': sa('a'), 'k8s/b.yaml': sa('b'), 'real.yaml': sa('real') })
    const { candidates } = await discover(root, { include: ['**/*'], exclude: [], maxFileBytes: 0 })
    expect(candidates.map((candidate) => [candidate.path, candidate.regularFile])).toEqual([
      ['k8s/a.yaml', true],
      ['k8s/b.yaml', true],
      ['real.yaml', true],
    ])
    rmSync(path.join(root, 'k8s/a.yaml'))
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'k8s/a.yaml'))
    rmSync(path.join(root, 'k8s/b.yaml'))
    symlinkSync('../real.yaml', path.join(root, 'k8s/b.yaml'))
    expect(candidates.map((candidate) => readCandidate(candidate, 0))).toEqual([
      {
        ok: false,
        finding: {
          ruleId: 'parse-error',
          level: 'note',
          location: { path: 'k8s/a.yaml', line: 1, column: 1 },
          message:
            'Skipped k8s/a.yaml: it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root; copy the file in, or scan its own directory',
          key: 'skipped:k8s/a.yaml',
        },
      },
      { ok: true, text: sa('real') },
      { ok: true, text: sa('real') },
    ])
  })
})

describe('discover: files it will not read', () => {
  it('notes an oversized manifest and stays silent about an oversized file of no interest', async () => {
    const root = tempRepo({
      'small.yaml': sa('small'),
      'big.yaml': `${sa('big')}data:\n${'  k: v\n'.repeat(400)}`,
      'big-data.json': JSON.stringify({ rows: Array.from({ length: 400 }, (_, index) => index) }),
      'big-values.yaml': `replicas: 1\n${'k: v\n'.repeat(600)}`,
    })
    const result = await scan(root, { maxFileBytes: 1024 })
    expect(readPaths(result)).toEqual(['small.yaml'])
    expect(linesOf(result, 'parse-error')).toEqual([
      'big.yaml:1:1: note: Skipped big.yaml: it is 2.8 KB, larger than the 1.0 KB limit; raise the max-file-bytes input (--max-file-bytes), or exclude the file [parse-error]',
    ])
  })

  it('notes a binary file with a relevant name and ignores other binaries', async () => {
    const binary = Buffer.concat([Buffer.from('apiVersion: v1\n'), Buffer.from([0, 1, 2, 3])])
    const root = tempRepo({ 'manifest.yaml': binary, 'archive.tar': binary, 'ok.yaml': sa('ok') })
    writeFileSync(path.join(root, 'blob.bin'), binary)
    const result = await scan(root)
    expect(readPaths(result)).toEqual(['ok.yaml'])
    expect(linesOf(result, 'parse-error')).toEqual([
      'manifest.yaml:1:1: note: Skipped manifest.yaml: it is binary (a NUL byte at offset 15), not text; exclude it, or save it as UTF-8 text [parse-error]',
    ])
  })
})
