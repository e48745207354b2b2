import { spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { repositoryRoot } from '../helpers.js'

const windows = process.platform === 'win32'

/** npm, npx, git and pre-commit as a user types them (npm and npx are .cmd files on Windows, which need a shell). */
function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  const child = spawnSync(command, args, { encoding: 'utf8', shell: windows, timeout: 300_000, ...options })
  return { code: child.status, stdout: String(child.stdout), stderr: String(child.stderr) }
}

/** The findings of examples/ (the README's demo), as rule, level and location. */
const EXAMPLE_FINDINGS = [
  ['sub-condition-missing', 'error', 'iam/backup-runner-trust.json', 10, 7],
  ['trust-denies-service-account', 'error', 'iam/payments-writer-trust.json', 12, 87],
  ['sub-wildcard-needs-stringlike', 'error', 'iam/reports-exporter-trust.json', 12, 87],
  ['annotation-wrong-object', 'error', 'k8s/frontend.yaml', 13, 5],
]

interface JsonReport {
  counts: Record<string, number>
  findings: { ruleId: string; level: string; location: { path: string; line: number; column: number } }[]
}

const rows = (report: JsonReport) =>
  report.findings.map(({ ruleId, level, location }) => [ruleId, level, location.path, location.line, location.column])

describe('the npm package', () => {
  let work: string
  let tarball: string
  let packed: { files: { path: string }[] }
  let project: string

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-package-'))
    const pack = run('npm', ['pack', '--json', '--pack-destination', work], { cwd: repositoryRoot })
    expect(pack.code).toBe(0)
    packed = (JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[])[0]!
    tarball = path.join(work, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename)

    // An empty directory with no access to the registry: the tarball alone must be enough.
    project = path.join(work, 'project')
    await mkdir(project)
    await writeFile(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
    )
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project })
    expect([install.code, install.stderr]).toEqual([0, ''])
    await cp(path.join(repositoryRoot, 'examples'), path.join(project, 'examples'), { recursive: true })
  }, 300_000)

  afterAll(async () => {
    await rm(work, { recursive: true, force: true })
  })

  it('holds the CLI bundle, the config schema and the documents, nothing else', () => {
    expect(packed.files.map((file) => file.path.split(path.sep).join('/')).sort()).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli/index.js',
      'dist/cli/package.json',
      'dist/cli/tree-sitter-terraform.wasm',
      'dist/cli/web-tree-sitter.cjs',
      'dist/cli/web-tree-sitter.wasm',
      'package.json',
      'schema/irsa-guard.schema.json',
    ])
  })

  it('declares no runtime dependency: dist/cli is self-contained', async () => {
    const manifest = JSON.parse(
      await readFile(path.join(project, 'node_modules', 'irsa-guard', 'package.json'), 'utf8'),
    ) as Record<string, unknown>
    expect(manifest.dependencies).toBeUndefined()
    expect(manifest.private).toBeUndefined()
    expect(manifest.bin).toEqual({ 'irsa-guard': 'dist/cli/index.js' })
    expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true })
    // The editor schema of .irsa-guard.yml ships with it.
    expect(
      JSON.parse(
        await readFile(path.join(project, 'node_modules', 'irsa-guard', 'schema', 'irsa-guard.schema.json'), 'utf8'),
      ),
    ).toMatchObject({ title: 'irsa-guard configuration (.irsa-guard.yml)' })
  })

  it('runs as npx irsa-guard, with the exact findings of the examples', () => {
    const scan = run('npx', ['--offline', 'irsa-guard', '.', '--format', 'json'], {
      cwd: path.join(project, 'examples'),
    })
    expect(scan.code).toBe(1)
    const report = JSON.parse(scan.stdout) as JsonReport
    expect(report.counts).toEqual({ error: 4, warning: 0, note: 0 })
    expect(rows(report)).toEqual(EXAMPLE_FINDINGS)
    expect(scan.stderr).toBe(
      'irsa-guard: 4 errors, 0 warnings, 0 notes in 9 IRSA-relevant files; verified 4 of 4 chains (failing: 4 findings at or above error)\n',
    )
  })

  describe('as the pre-commit hook of .pre-commit-hooks.yaml', () => {
    interface Hook {
      id: string
      name: string
      entry: string
      language: string
      pass_filenames?: boolean
      files?: string
      args?: string[]
    }
    let hooks: Hook[]
    beforeAll(async () => {
      hooks = parse(await readFile(path.join(repositoryRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[]
    })

    it('is one node hook whose entry is the package bin, scanning the whole repository', async () => {
      expect(hooks.map(({ id, entry, language, pass_filenames }) => ({ id, entry, language, pass_filenames }))).toEqual(
        [{ id: 'irsa-guard', entry: 'irsa-guard', language: 'node', pass_filenames: false }],
      )
      const manifest = JSON.parse(await readFile(path.join(repositoryRoot, 'package.json'), 'utf8')) as {
        bin: Record<string, string>
      }
      expect(Object.keys(manifest.bin)).toContain(hooks[0]!.entry)
      const files = new RegExp(hooks[0]!.files!)
      expect(
        [
          'k8s/sa.yaml',
          'iam/trust.json',
          'main.tf',
          'prod.tfvars',
          'deploy.sh',
          'Makefile',
          '.irsa-guard.yml',
          'a/b.yml',
        ].filter((file) => !files.test(file)),
      ).toEqual([])
      expect(['README.md', 'src/app.go', 'image.png'].filter((file) => files.test(file))).toEqual([])
    })

    const preCommit = run('pre-commit', ['--version'], { cwd: repositoryRoot }).code === 0
    // pre-commit comes from Debian's `pre-commit` package (PyPI is not reachable here); without it the manifest is checked above only.
    ;(preCommit ? it : it.skip)('passes pre-commit validate-manifest', () => {
      expect(run('pre-commit', ['validate-manifest', '.pre-commit-hooks.yaml'], { cwd: repositoryRoot })).toMatchObject(
        { code: 0 },
      )
    })

    it('fails the commit of a repository with broken chains, run as pre-commit runs it (entry, no file names, at the root)', async () => {
      const repository = path.join(work, 'hooked')
      await cp(path.join(repositoryRoot, 'examples'), path.join(repository, 'deploy'), { recursive: true })
      expect(run('git', ['init', '-q'], { cwd: repository }).code).toBe(0)
      const hook = hooks[0]!
      const bin = path.join(project, 'node_modules', '.bin', windows ? `${hook.entry}.cmd` : hook.entry)
      const commit = run(bin, [...(hook.args ?? []), '--format', 'json'], { cwd: repository })
      expect(commit.code).toBe(1)
      expect(rows(JSON.parse(commit.stdout) as JsonReport)).toEqual(
        EXAMPLE_FINDINGS.map(([rule, level, file, line, column]) => [rule, level, `deploy/${file}`, line, column]),
      )
    })

    // Installs the hook as pre-commit does: `npm install` of this repository with its dev dependencies from the
    // registry (a minute or two), then `npm pack` and a global install of the tarball. Opt in with IRSA_GUARD_PRE_COMMIT_E2E=1.
    ;(preCommit && process.env.IRSA_GUARD_PRE_COMMIT_E2E === '1' ? it : it.skip)(
      'works in a test repository through pre-commit try-repo',
      async () => {
        const repository = path.join(work, 'pre-commit-user')
        await cp(path.join(repositoryRoot, 'examples'), path.join(repository, 'examples'), { recursive: true })
        run('git', ['init', '-q'], { cwd: repository })
        run('git', ['add', '-A'], { cwd: repository })
        run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'examples'], {
          cwd: repository,
        })
        const hook = run('pre-commit', ['try-repo', repositoryRoot, 'irsa-guard', '--all-files'], {
          cwd: repository,
          env: { ...process.env, PRE_COMMIT_HOME: path.join(work, 'pre-commit-home') },
        })
        expect(hook.code).toBe(1)
        expect(hook.stdout).toContain('irsa-guard (EKS IRSA chains).............................................Failed')
        expect(hook.stdout).toContain('examples/k8s/frontend.yaml:13:5: error: ')
        expect(hook.stdout).toContain('irsa-guard: 4 errors, 0 warnings, 0 notes in 9 IRSA-relevant files')
      },
      600_000,
    )
  })
})
