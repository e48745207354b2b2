import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { HELP } from '../../src/cli.js'
import { VERSION } from '../../src/version.js'
import { fixture } from '../helpers.js'
import { sarifValidator } from '../report/sarif-schema.js'
import { runCli } from './fake-io.js'

// Copies outside this project's git repository, so that each fixture is a repository root of its own.
const repos = path.join(mkdtempSync(path.join(os.tmpdir(), 'irsa-guard-cli-repos-')), 'repos')
cpSync(fixture('repos'), repos, { recursive: true })
afterAll(() => rmSync(path.dirname(repos), { recursive: true, force: true }))
const broken = path.join(repos, 'broken')
const clean = path.join(repos, 'clean')

const BROKEN_LINE =
  'iam/payments-api-trust.json:12:90: error: ServiceAccount payments/api (k8s/api.yaml:7) would be refused by role payments-api\'s trust (iam/payments-api-trust.json:12): StringEquals on "oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9:sub" allows "system:serviceaccount:billing:api", not "system:serviceaccount:payments:api"; change the sub value to "system:serviceaccount:payments:api" or move the ServiceAccount to namespace billing [trust-denies-service-account]'

describe('irsa-guard CLI', () => {
  it('prints each finding on one line and exits 1 on a broken repository', async () => {
    expect(await runCli([broken], process.cwd())).toEqual({
      code: 1,
      stdout: `${BROKEN_LINE}\n`,
      stderr:
        'irsa-guard: 1 error, 0 warnings, 0 notes in 2 IRSA-relevant files; verified 1 of 1 chain (failing: 1 finding at or above error)\n',
    })
  })

  it('prints nothing and exits 0 on a correct repository', async () => {
    expect(await runCli([clean], process.cwd())).toEqual({
      code: 0,
      stdout: '',
      stderr: 'irsa-guard: 0 errors, 0 warnings, 0 notes in 2 IRSA-relevant files; verified 1 of 1 chain\n',
    })
  })

  it('scans the working directory without a PATH', async () => {
    const run = await runCli([], broken)
    expect(run.code).toBe(1)
    expect(run.stdout).toBe(`${BROKEN_LINE}\n`)
  })

  it('scans several PATHs (a glob and a directory) inside the working directory, with paths relative to it', async () => {
    const run = await runCli(['k8s/*.yaml', 'iam'], broken)
    expect(run.stdout).toBe(`${BROKEN_LINE}\n`)
    const withoutTrust = await runCli(['k8s/api.yaml'], broken)
    expect(withoutTrust.stdout).not.toContain('[trust-denies-service-account]')
  })

  it('skips --exclude globs', async () => {
    const run = await runCli([broken, '--exclude', 'iam/**'], process.cwd())
    expect(run.stdout).not.toContain('[trust-denies-service-account]')
  })

  it('skips test fixture directories unless --scan-fixtures', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-cli-'))
    try {
      await mkdir(path.join(root, 'pkg', 'testdata'), { recursive: true })
      await writeFile(
        path.join(root, 'pkg', 'testdata', 'sa.yaml'),
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  namespace: apps\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/app\n',
      )
      await mkdir(path.join(root, 'k8s'))
      await writeFile(
        path.join(root, 'k8s', 'sa.yaml'),
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: apps\n',
      )
      expect(await runCli([root, '--fail-on', 'warning'], process.cwd())).toEqual({
        code: 0,
        stdout: '',
        stderr: 'irsa-guard: 0 errors, 0 warnings, 0 notes in 1 IRSA-relevant file; verified 0 of 0 chains\n',
      })
      const scanned = await runCli([root, '--scan-fixtures', '--fail-on', 'warning'], process.cwd())
      expect(scanned.code).toBe(1)
      expect(scanned.stdout).toContain(
        'pkg/testdata/sa.yaml:7:33: warning: eks.amazonaws.com/role-arn "arn:aws:iam::111122223333:role/app" of ServiceAccount apps/app holds 111122223333',
      )
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })

  it.each([
    [['--fail-on', 'never'], 0],
    [['--fail-on=warning'], 1],
    [['--fail-on', 'note'], 1],
  ])('exits by the threshold %j', async (flags, code) => {
    expect((await runCli([broken, ...flags], process.cwd())).code).toBe(code)
  })

  it('writes JSON', async () => {
    const run = await runCli(['--format', 'json', broken], process.cwd())
    const report = JSON.parse(run.stdout)
    expect(report.counts).toEqual({ error: 1, warning: 0, note: 0 })
    expect(report.findings.map((finding: { ruleId: string }) => finding.ruleId)).toEqual([
      'trust-denies-service-account',
    ])
  })

  it('writes markdown', async () => {
    const run = await runCli(['--format', 'markdown', clean], process.cwd())
    expect(run.stdout.startsWith('## irsa-guard\n')).toBe(true)
    expect(run.stdout).toContain('| ✅\u00a0no\u00a0findings |')
  })

  describe('--output', () => {
    let directory: string
    beforeEach(async () => {
      directory = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-cli-'))
    })
    afterEach(async () => {
      await rm(directory, { recursive: true, force: true })
    })

    it('writes a valid SARIF file instead of standard output', async () => {
      const run = await runCli([broken, '--format', 'sarif', '--output', 'reports/irsa.sarif'], directory)
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'irsa-guard: 1 error, 0 warnings, 0 notes in 2 IRSA-relevant files; verified 1 of 1 chain; sarif report written to reports/irsa.sarif (failing: 1 finding at or above error)\n',
      })
      const log = JSON.parse(await readFile(path.join(directory, 'reports/irsa.sarif'), 'utf8'))
      const validate = sarifValidator()
      expect(validate(log)).toBe(true)
      expect(log.runs[0].results[0]).toMatchObject({
        ruleId: 'trust-denies-service-account',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'iam/payments-api-trust.json' },
              region: { startLine: 12, startColumn: 90 },
            },
          },
        ],
      })
    })

    it('exits 2 with one line when the file cannot be written', async () => {
      const run = await runCli([clean, '--output', path.join(broken, 'k8s', 'api.yaml', 'x.txt')], directory)
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/^irsa-guard: cannot write .*x\.txt: (ENOTDIR|EEXIST)\n$/)
    })
  })

  it('uses the config file at the root and stops with its one-line error', async () => {
    expect(await runCli([], path.join(repos, 'bad-config'))).toEqual({
      code: 2,
      stdout: '',
      stderr: 'irsa-guard: .irsa-guard.yml:5: rules.role-not-fuond: unknown rule id (did you mean "role-not-found"?)\n',
    })
  })

  it('reads --config relative to the working directory', async () => {
    const run = await runCli([clean, '--config', 'bad-config/.irsa-guard.yml'], repos)
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'irsa-guard: bad-config/.irsa-guard.yml:5: rules.role-not-fuond: unknown rule id (did you mean "role-not-found"?)\n',
    })
    const missing = await runCli([clean, '--config', 'nope.yml'], repos)
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: 'irsa-guard: nope.yml: cannot read config file: no such file\n',
    })
  })

  describe('usage errors: exit 2 and one line on standard error', () => {
    it.each([
      [['--bogus'], 'irsa-guard: unknown option --bogus (see irsa-guard --help)'],
      [
        ['--format', 'xml'],
        'irsa-guard: --format must be one of text, json, sarif, markdown, github (got "xml") (see irsa-guard --help)',
      ],
      [
        ['--fail-on=critical'],
        'irsa-guard: --fail-on must be one of error, warning, note, never (got "critical") (see irsa-guard --help)',
      ],
      [['--output'], 'irsa-guard: --output needs a value (see irsa-guard --help)'],
      [['--config', '--format', 'json'], 'irsa-guard: --config needs a value (see irsa-guard --help)'],
      [['--formt', 'json'], 'irsa-guard: unknown option --formt (did you mean --format?) (see irsa-guard --help)'],
      [['--verbos'], 'irsa-guard: unknown option --verbos (did you mean --verbose?) (see irsa-guard --help)'],
      [['--exclud=x'], 'irsa-guard: unknown option --exclud (did you mean --exclude?) (see irsa-guard --help)'],
      [['--sarif'], 'irsa-guard: unknown option --sarif (see irsa-guard --help)'],
      [['-x'], 'irsa-guard: unknown option -x (see irsa-guard --help)'],
      [['--verbose=yes'], 'irsa-guard: --verbose takes no value (see irsa-guard --help)'],
      [['--output='], 'irsa-guard: --output needs a value (see irsa-guard --help)'],
      [['-q', '-v'], 'irsa-guard: --quiet cannot be combined with --verbose (see irsa-guard --help)'],
      [['--quiet', '--debug'], 'irsa-guard: --quiet cannot be combined with --debug (see irsa-guard --help)'],
      [['no-such-dir'], 'irsa-guard: no such file or directory: no-such-dir'],
      [['k8s', '../clean'], 'irsa-guard: ../clean is outside the repository root ' + broken],
    ])('%j', async (argv, line) => {
      expect(await runCli(argv, broken)).toEqual({ code: 2, stdout: '', stderr: `${line}\n` })
    })
  })

  it('takes PATHs after -- even when they start with -', async () => {
    const run = await runCli(['--format', 'json', '--', '-k8s'], broken)
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'irsa-guard: no such file or directory: -k8s\n' })
  })

  it('prints help and the version', async () => {
    expect(await runCli(['--help'], broken)).toEqual({ code: 0, stdout: HELP, stderr: '' })
    expect(await runCli(['--version'], broken)).toEqual({ code: 0, stdout: `irsa-guard ${VERSION}\n`, stderr: '' })
  })
})
