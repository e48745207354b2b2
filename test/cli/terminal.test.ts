import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fixture, repositoryRoot } from '../helpers.js'
import { copyOutsideRepository, runCli, withoutDurations } from './fake-io.js'

const broken = copyOutsideRepository(fixture('repos', 'broken'))
const RED_ERROR = '\u001b[31merror\u001b[39m'

describe('the CLI on a terminal', () => {
  it('groups findings by file, wraps messages to the width and shortens EKS issuers', async () => {
    const run = await runCli([broken], process.cwd(), { columns: 72, env: { NO_COLOR: '1' } })
    expect(run.code).toBe(1)
    expect(run.stdout).toBe(
      [
        'iam/payments-api-trust.json',
        '  12:90  error  ServiceAccount payments/api (k8s/api.yaml:7) would be',
        "                refused by role payments-api's trust",
        '                (iam/payments-api-trust.json:12): StringEquals on',
        '                "eks:eu-central-1/0A1B2C3D4E5F60718293A4B5C6D7E8F9:sub"',
        '                allows "system:serviceaccount:billing:api", not',
        '                "system:serviceaccount:payments:api"; change the sub',
        '                value to "system:serviceaccount:payments:api" or move',
        '                the ServiceAccount to namespace billing',
        '                [trust-denies-service-account]',
        '',
      ].join('\n'),
    )
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(72)
  })

  it('colours on a terminal unless NO_COLOR is set; FORCE_COLOR=0 and --no-color turn it off', async () => {
    const coloured = await runCli([broken], process.cwd(), { columns: 200 })
    expect(coloured.stdout).toContain(`  \u001b[2m12:90\u001b[22m  ${RED_ERROR}  ServiceAccount payments/api`)
    expect(coloured.stdout.startsWith('\u001b[1miam/payments-api-trust.json\u001b[22m\n')).toBe(true)
    expect(coloured.stdout).toContain('\u001b[2m[trust-denies-service-account]\u001b[22m\n')
    for (const plain of [
      await runCli([broken], process.cwd(), { columns: 200, env: { NO_COLOR: '1' } }),
      await runCli([broken], process.cwd(), { columns: 200, env: { FORCE_COLOR: '0' } }),
      await runCli([broken, '--no-color'], process.cwd(), { columns: 200 }),
      await runCli([broken], process.cwd(), { columns: 200, env: { TERM: 'dumb' } }),
    ]) {
      expect(plain.stdout).not.toContain('\u001b[')
      expect(plain.stdout).toContain('  12:90  error  ServiceAccount payments/api')
    }
  })

  it('keeps one finding per line through a pipe, coloured only when asked (FORCE_COLOR, --color)', async () => {
    const piped = await runCli([broken], process.cwd())
    expect(piped.stdout).toMatch(
      /^iam\/payments-api-trust\.json:12:90: error: ServiceAccount payments\/api .* \[trust-denies-service-account\]\n$/,
    )
    for (const forced of [
      await runCli([broken], process.cwd(), { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }),
      await runCli([broken, '--color'], process.cwd()),
    ]) {
      expect(forced.stdout).toBe(piped.stdout.replace(': error: ', `: ${RED_ERROR}: `))
    }
  })

  it('colours the failing part of the summary on a terminal', async () => {
    const run = await runCli([broken], process.cwd(), { stderrIsTerminal: true })
    // A progress line appears only when the scan takes over a second (a loaded machine); it is erased before the summary.
    // eslint-disable-next-line no-control-regex -- the terminal's escape sequences are what it strips
    expect(run.stderr.replace(/\r\u001b\[K(?:irsa-guard: [^\r\n]* \(\d+\.\d s\))?/g, '')).toBe(
      'irsa-guard: 1 error, 0 warnings, 0 notes in 2 IRSA-relevant files; verified 1 of 1 chain\u001b[31m (failing: 1 finding at or above error)\u001b[39m\n',
    )
  })

  it('escapes control characters from the repository before they reach the terminal', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-terminal-'))
    try {
      await mkdir(path.join(root, 'k8s'))
      await writeFile(
        path.join(root, 'k8s', 'sa\u001b[2J.yaml'),
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  namespace: apps\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/app\n',
      )
      const run = await runCli(['--fail-on', 'never'], root, { columns: 100, env: { NO_COLOR: '1' } })
      expect(run.stdout.startsWith('k8s/sa\\u001b[2J.yaml\n  7:33  warning  ')).toBe(true)
      expect(run.stdout).not.toContain('\u001b')
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})

describe('--quiet, --verbose and --debug', () => {
  it('--quiet prints the findings and nothing else', async () => {
    const run = await runCli([broken, '-q'], process.cwd())
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^iam\/payments-api-trust\.json:12:90: error: .*\n$/)
    expect(await runCli(['no-such-dir', '--quiet'], broken)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'irsa-guard: no such file or directory: no-such-dir\n',
    })
  })

  it('--verbose adds the time of each phase and the files read per kind', async () => {
    const run = await runCli([broken, '--verbose'], process.cwd())
    expect(withoutDurations(run.stderr)).toBe(
      'irsa-guard: 1 error, 0 warnings, 0 notes in 2 IRSA-relevant files; verified 1 of 1 chain (failing: 1 finding at or above error)\n' +
        'irsa-guard: phases: discover …, read … (2 files, 0 worker threads), analyse …\n' +
        'irsa-guard: files read per kind: iam-json 1, kubernetes 1\n',
    )
  })

  it('--debug says how the root, the config and the files were chosen', async () => {
    const run = await runCli(['k8s', 'iam', '--debug'], broken)
    expect(run.stderr.split('\n').filter((line) => line.startsWith('irsa-guard: debug: '))).toEqual([
      `irsa-guard: debug: repository root ${broken} (no .git above: the working directory)`,
      'irsa-guard: debug: include k8s/**/*, iam/**/*',
      'irsa-guard: debug: config (none); exclude (none); fixture directories testdata, __fixtures__, __snapshots__, __mocks__, fixtures',
      'irsa-guard: debug: phase discover',
      'irsa-guard: debug: phase read: 2 files, 0 worker threads',
      'irsa-guard: debug: phase analyse',
      'irsa-guard: debug: phase done',
    ])
    expect(run.stderr).toContain('irsa-guard: files read per kind: iam-json 1, kubernetes 1\n')
  })
})

describe('--format github', () => {
  it('prints one workflow command per finding, its properties and message escaped', async () => {
    const run = await runCli([broken, '--format', 'github'], process.cwd())
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^::error file=iam\/payments-api-trust\.json,line=12,col=90,title=irsa-guard trust-denies-service-account::ServiceAccount payments\/api \(k8s\/api\.yaml:7\) would be refused .* namespace billing\n$/,
    )
    const root = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-github-'))
    try {
      await writeFile(
        path.join(root, 'a,b:50%.yaml'),
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  namespace: apps\n  annotations:\n    eks.amazonaws.com/role-arn: "arn:aws:iam::111122223333:role/x##[y]%0A"\n',
      )
      const hostile = await runCli(['--format', 'github', '--fail-on', 'never'], root)
      expect(hostile.stdout.split('\n')[0]).toMatch(
        /^::error file=a%2Cb%3A50%25\.yaml,line=7,col=33,title=irsa-guard role-arn-invalid::.*"arn:aws:iam::111122223333:role\/x##\\\[y\]%250A" has/,
      )
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })

  it('writes the same lines with --output', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-github-out-'))
    try {
      const printed = await runCli([broken, '--format', 'github'], process.cwd())
      const written = await runCli([broken, '--format', 'github', '--output', 'annotations.txt'], directory)
      expect(written.stdout).toBe('')
      expect(await readFile(path.join(directory, 'annotations.txt'), 'utf8')).toBe(printed.stdout)
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })
})

describe('the committed CLI bundle with FORCE_COLOR through a pipe', () => {
  it('keeps one finding per line and colours the level and the failing summary', () => {
    const child = spawnSync(process.execPath, [path.join(repositoryRoot, 'dist', 'cli', 'index.js'), '.'], {
      cwd: broken,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, FORCE_COLOR: '1' },
      timeout: 60_000,
    })
    expect(child.status).toBe(1)
    expect(child.stdout).toMatch(
      new RegExp(`^iam/payments-api-trust\\.json:12:90: \\u001b\\[31merror\\u001b\\[39m: ServiceAccount payments/api `),
    )
    expect(child.stderr).toBe(
      'irsa-guard: 1 error, 0 warnings, 0 notes in 2 IRSA-relevant files; verified 1 of 1 chain\u001b[31m (failing: 1 finding at or above error)\u001b[39m\n',
    )
  })
})
