import { spawnSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fixture, repositoryRoot } from '../helpers.js'
import { runCli } from './fake-io.js'

const BUNDLE = path.join(repositoryRoot, 'dist', 'cli', 'index.js')

function runCliBundle(argv: string[], cwd: string) {
  const child = spawnSync(process.execPath, [BUNDLE, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
    timeout: 60_000,
  })
  return { code: child.status, stdout: child.stdout, stderr: child.stderr }
}

const SUMMARY = 'irsa-guard: 0 errors, 1 warning, 0 notes in 2 IRSA-relevant files; verified 1 of 1 chain\n'

/**
 * A monorepo: `.git` at the top (a directory, as a clone has; nothing else of git is needed), the
 * root's `.irsa-guard.yml` lowering trust-denies-service-account to a warning, and the broken
 * fixture under services/payments/deploy.
 */
describe('the CLI in a monorepo', () => {
  let root: string
  const deploy = 'services/payments/deploy'
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-monorepo-'))
    await mkdir(path.join(root, '.git'))
    await writeFile(path.join(root, '.irsa-guard.yml'), 'rules:\n  trust-denies-service-account: warning\n')
    await cp(fixture('repos', 'broken'), path.join(root, deploy), { recursive: true })
  })
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('reports paths relative to the repository root and reads its config, from the root (committed bundle, SARIF)', async () => {
    const run = runCliBundle([deploy, '--format', 'sarif', '--fail-on', 'warning'], root)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(SUMMARY.replace('\n', ' (failing: 1 finding at or above warning)\n'))
    const result = JSON.parse(run.stdout).runs[0].results[0]
    expect(result).toMatchObject({
      ruleId: 'trust-denies-service-account',
      level: 'warning',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `${deploy}/iam/payments-api-trust.json` },
            region: { startLine: 12, startColumn: 90 },
          },
        },
      ],
    })
    expect(result.message.text).toContain(`ServiceAccount payments/api (${deploy}/k8s/api.yaml:7)`)
  })

  it.each([
    ['from the scanned directory, without a PATH', [], deploy],
    ['from a directory between, with a relative PATH', ['payments/deploy'], 'services'],
    ['from elsewhere, with an absolute PATH', ['ABSOLUTE'], '.'],
  ])('gives the same paths %s', async (_, argv, cwd) => {
    const args = argv.map((arg) => (arg === 'ABSOLUTE' ? path.join(root, deploy) : arg))
    const run = await runCli([...args, '--format', 'github'], path.join(root, cwd))
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(
        `^::warning file=${deploy}/iam/payments-api-trust.json,line=12,col=90,title=irsa-guard trust-denies-service-account::ServiceAccount payments/api \\(${deploy}/k8s/api.yaml:7\\) would be refused`,
      ),
    )
    expect(run.stderr).toBe(SUMMARY)
  })

  it('says when a config in the scanned directory is not read, and reads it when named', async () => {
    await writeFile(path.join(root, deploy, '.irsa-guard.yml'), 'rules:\n  trust-denies-service-account: off\n')
    const run = await runCli([deploy], root)
    expect(run.stderr).toBe(
      `irsa-guard: ${deploy}/.irsa-guard.yml is not read: the config is the repository root's (.irsa-guard.yml); name it with --config ${deploy}/.irsa-guard.yml to use it (its paths are relative to the repository root)\n${SUMMARY}`,
    )
    const named = await runCli([deploy, '--config', `${deploy}/.irsa-guard.yml`], root)
    expect(named).toEqual({
      code: 0,
      stdout: '',
      stderr: 'irsa-guard: 0 errors, 0 warnings, 0 notes in 2 IRSA-relevant files; verified 1 of 1 chain\n',
    })
  })

  it('scans a directory it is given by name even when git ignores it or it is named like a test fixture', async () => {
    await writeFile(path.join(root, '.gitignore'), 'services/\n')
    await cp(path.join(root, deploy), path.join(root, 'testdata', 'deploy'), { recursive: true })
    expect((await runCli([deploy], root)).stderr).toBe(SUMMARY)
    expect((await runCli(['testdata/deploy'], root)).stderr).toBe(SUMMARY)
    // Not named, both are skipped.
    expect((await runCli([], root)).stderr).toContain(' in 0 IRSA-relevant files; ')
  })

  it('exits 2 naming a PATH glob that matches no file (committed bundle)', async () => {
    const run = runCliBundle(['does-not-exist/**', `${deploy}/k8s/*.yaml`], root)
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'irsa-guard: "does-not-exist/**" matches no file to scan (git-ignored and excluded files, and node_modules, vendor and test fixture directories, do not count)\n',
    })
    await writeFile(path.join(root, '.gitignore'), '*.json\n')
    expect((await runCli(['**/*.json'], root)).stderr).toBe(
      'irsa-guard: "**/*.json" matches no file to scan (git-ignored and excluded files, and node_modules, vendor and test fixture directories, do not count)\n',
    )
    expect((await runCli([`${deploy}/**/*.txt`], root)).code).toBe(2)
    await writeFile(path.join(root, deploy, 'notes.txt'), 'not IRSA\n')
    // A file matched is enough, relevant to IRSA or not.
    const matched = await runCli([`${deploy}/**/*.txt`], root)
    expect(matched.code).toBe(0)
    expect(matched.stderr).toContain(' in 0 IRSA-relevant files; ')
  })

  it('takes the working directory for the root outside any repository', async () => {
    await rm(path.join(root, '.git'), { recursive: true })
    const run = await runCli([deploy, '--format', 'github'], root)
    expect(run.stdout).toContain(`::warning file=${deploy}/iam/payments-api-trust.json,line=12,col=90,`)
  })
})
