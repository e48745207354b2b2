import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { runCli } from '../cli/fake-io.js'
import { repositoryRoot, withEnvironment } from '../helpers.js'

// Generated histories of commits: after each commit, the report of a run that reads the cache the
// previous runs left must be byte for byte that of a run without a cache.

const ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9'
const ACCOUNT = '349127586034'

function trustJson(subject: string): string {
  return `${JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${ISSUER}:sub`]: subject, [`${ISSUER}:aud`]: 'sts.amazonaws.com' } },
        },
      ],
    },
    null,
    2,
  )}\n`
}

function serviceAccount(name: string, namespace: string | undefined, role: string): string {
  return [
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    '  annotations:',
    `    eks.amazonaws.com/role-arn: arn:aws:iam::${ACCOUNT}:role/${role}`,
    '',
  ].join('\n')
}

function terraformRole(name: string, subject: string): string {
  return `resource "aws_iam_role" "this" {
  name = "${name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${ISSUER}:sub" = ${subject}
          "${ISSUER}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
`
}

const HELM_TEMPLATE = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ .Values.serviceAccount.name }}
  namespace: {{ .Release.Namespace }}
  annotations:
    eks.amazonaws.com/role-arn: {{ .Values.serviceAccount.roleArn | quote }}
`

/** One commit: files to write (path → text), to delete, and to rename. */
interface Change {
  write?: Record<string, string>
  remove?: string[]
  rename?: [string, string][]
}

const HISTORY: Change[] = [
  {
    write: {
      'base/kustomization.yaml': 'resources:\n  - service-account.yaml\n',
      'base/service-account.yaml': serviceAccount('orders', undefined, 'orders'),
      'overlays/prod/kustomization.yaml': 'namespace: shop\nresources:\n  - ../../base\n',
      'iam/orders-trust.json': trustJson('system:serviceaccount:shop:orders'),
      'k8s/api.yaml': serviceAccount('api', 'payments', 'payments-api'),
      'iam/payments-api-trust.json': trustJson('system:serviceaccount:billing:api'),
      'infra/modules/irsa/main.tf': terraformRole('reports', 'var.subject'),
      'infra/modules/irsa/variables.tf': 'variable "subject" {\n  type = string\n}\n',
      'infra/main.tf':
        'module "reports" {\n  source  = "./modules/irsa"\n  subject = "system:serviceaccount:analytics:reports"\n}\n',
      'k8s/reports.yaml': serviceAccount('reports', 'analytics', 'reports'),
      'charts/worker/Chart.yaml': 'apiVersion: v2\nname: worker\nversion: 1.0.0\n',
      'charts/worker/values.yaml': `serviceAccount:\n  name: worker\n  roleArn: arn:aws:iam::${ACCOUNT}:role/worker\n`,
      'charts/worker/templates/service-account.yaml': HELM_TEMPLATE,
      'iam/worker-trust.json': trustJson('system:serviceaccount:default:worker'),
    },
  },
  // The Kustomize overlay moves the ServiceAccount to a namespace the trust does not allow.
  { write: { 'overlays/prod/kustomization.yaml': 'namespace: store\nresources:\n  - ../../base\n' } },
  // The Terraform module's trust follows a variable whose value changes in the calling module.
  {
    write: {
      'infra/main.tf':
        'module "reports" {\n  source  = "./modules/irsa"\n  subject = "system:serviceaccount:analytics:report"\n}\n',
    },
  },
  // The chart's values file names another role.
  {
    write: {
      'charts/worker/values.yaml': `serviceAccount:\n  name: worker\n  roleArn: arn:aws:iam::${ACCOUNT}:role/orders\n`,
    },
  },
  // A manifest is renamed, another deleted.
  { rename: [['k8s/api.yaml', 'deploy/api.yaml']], remove: ['k8s/reports.yaml'] },
  // The base gains a file; the trust is fixed.
  {
    write: {
      'base/kustomization.yaml': 'resources:\n  - service-account.yaml\n  - billing.yaml\n',
      'base/billing.yaml': serviceAccount('billing', undefined, 'payments-api'),
      'iam/orders-trust.json': trustJson('system:serviceaccount:store:orders'),
    },
  },
  // The module file is renamed within its directory, and the Terraform role's trust rewritten.
  {
    rename: [['infra/modules/irsa/main.tf', 'infra/modules/irsa/role.tf']],
    write: { 'infra/modules/irsa/variables.tf': 'variable "subject" {\n  type = string\n  default = "x"\n}\n' },
  },
  // The base's file is deleted while the kustomization still lists it.
  { remove: ['base/billing.yaml'] },
  // Back to the first texts of some files (a cache entry from an earlier commit applies again).
  {
    write: {
      'overlays/prod/kustomization.yaml': 'namespace: shop\nresources:\n  - ../../base\n',
      'iam/orders-trust.json': trustJson('system:serviceaccount:shop:orders'),
    },
    rename: [['deploy/api.yaml', 'k8s/api.yaml']],
  },
  // The chart goes away, the trust it used stays.
  { remove: ['charts/worker/Chart.yaml', 'charts/worker/values.yaml', 'charts/worker/templates/service-account.yaml'] },
]

const workspace = mkdtempSync(path.join(os.tmpdir(), 'irsa-guard-cache-history-'))
afterAll(() => rmSync(workspace, { recursive: true, force: true }))

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'ignore' })
}

function apply(root: string, change: Change): void {
  for (const [from, to] of change.rename ?? []) {
    mkdirSync(path.dirname(path.join(root, to)), { recursive: true })
    renameSync(path.join(root, from), path.join(root, to))
  }
  for (const file of change.remove ?? []) rmSync(path.join(root, file))
  for (const [file, text] of Object.entries(change.write ?? {})) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
  }
}

const usedAgain = (stderr: string): number => Number(/cache: (\d+) results used again/.exec(stderr)?.[1] ?? -1)

describe('the fact cache over a history of commits', () => {
  it('gives after every commit the report of a run without a cache', async () => {
    const root = path.join(workspace, 'repository')
    const cache = path.join(workspace, 'cache')
    mkdirSync(root)
    git(root, 'init', '-q')
    const reports: string[] = []
    const reuse: number[] = []
    for (const change of HISTORY) {
      apply(root, change)
      git(root, 'add', '-A')
      git(root, 'commit', '-q', '-m', 'step')
      const cold = await runCli(['--format', 'json', '.'], root)
      const cached = await runCli(['--format', 'json', '--debug', '--cache', cache, '.'], root)
      expect(cached.stdout).toBe(cold.stdout)
      expect(cached.code).toBe(cold.code)
      reports.push(cold.stdout)
      reuse.push(usedAgain(cached.stderr))
    }
    // The history changes the findings (the comparison is not between empty reports) ...
    const ruleIds = reports.map((report) =>
      (JSON.parse(report) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId).sort(),
    )
    expect(ruleIds[0]).toContain('trust-denies-service-account')
    expect(new Set(ruleIds.map((ids) => ids.join())).size).toBeGreaterThan(2)
    // ... and every run after the first used entries the previous one stored.
    // ... and the runs used entries earlier runs stored: after a change to the chart's values file
    // alone (commit 4), the manifests' results and every source that never read that file.
    expect(reuse[0]).toBe(0)
    expect(reuse[3]).toBeGreaterThanOrEqual(3)
    expect(reuse.filter((count) => count > 0).length).toBeGreaterThanOrEqual(HISTORY.length / 2)
  })
})

/** What the cache did for each source: used again / units in all (from the --debug line). */
function unitsUsedAgain(stderr: string): Record<string, string> {
  const list = /cache: \d+ results used again, \d+ read afresh \((.*)\)/.exec(stderr)?.[1] ?? ''
  return Object.fromEntries(list.split(', ').map((entry) => entry.split(' ') as [string, string]))
}

type Step = { change: Change; expect: Record<string, string> }

/**
 * Commits each step's change to a new repository (workspace/NAME) and runs `run` after each
 * without and with the cache: the reports must be the same, and the units used again per source
 * what the step expects. Returns the distinct reports.
 */
async function replaySteps(
  name: string,
  steps: readonly Step[],
  run: (argv: string[], cwd: string) => Promise<{ stdout: string; stderr: string }>,
): Promise<Set<string>> {
  const root = path.join(workspace, name)
  const cache = path.join(workspace, `${name}-cache`)
  mkdirSync(root)
  git(root, 'init', '-q')
  const reports = new Set<string>()
  for (const [step, { change, expect: used }] of steps.entries()) {
    apply(root, change)
    git(root, 'add', '-A')
    git(root, 'commit', '-q', '--allow-empty', '-m', 'step')
    const cold = await run(['--format', 'json', '.'], root)
    const cached = await run(['--format', 'json', '--debug', '--cache', cache, '.'], root)
    expect(cached.stdout).toBe(cold.stdout)
    expect({ step, ...unitsUsedAgain(cached.stderr) }).toMatchObject({ step, ...used })
    reports.add(cold.stdout)
  }
  return reports
}

describe('the fact cache by unit', () => {
  // Three Terraform module directories (a root calling a module, and a root of its own), two
  // Kustomize builds on bases of their own, and two charts. Each commit changes one unit's file; the
  // debug line says, per source, how many units were used again out of how many.
  const APP_CALL = (subject: string): string =>
    `module "reports" {\n  source  = "../modules/irsa"\n  subject = "${subject}"\n}\n`
  const argoApplication = (namespace: string): string =>
    [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata:',
      '  name: api',
      'spec:',
      '  source:',
      '    repoURL: https://example.com/repository.git',
      '    path: charts/api',
      '  destination:',
      `    namespace: ${namespace}`,
      '',
    ].join('\n')
  const STEPS: Step[] = [
    {
      change: {
        write: {
          'infra/app/main.tf': APP_CALL('system:serviceaccount:analytics:reports'),
          'infra/modules/irsa/main.tf': terraformRole('reports', 'var.subject'),
          'infra/modules/irsa/variables.tf': 'variable "subject" {\n  type = string\n}\n',
          'infra/other/main.tf': terraformRole('orders', '"system:serviceaccount:shop:orders"'),
          'k8s/reports.yaml': serviceAccount('reports', 'analytics', 'reports'),
          'base-a/kustomization.yaml': 'resources:\n  - service-account.yaml\n',
          'base-a/service-account.yaml': serviceAccount('orders', undefined, 'orders'),
          'overlays/a/kustomization.yaml': 'namespace: shop\nresources:\n  - ../../base-a\n',
          'base-b/kustomization.yaml': 'resources:\n  - service-account.yaml\n',
          'base-b/service-account.yaml': serviceAccount('billing', undefined, 'billing'),
          'overlays/b/kustomization.yaml': 'namespace: payments\nresources:\n  - ../../base-b\n',
          'iam/billing-trust.json': trustJson('system:serviceaccount:payments:billing'),
          'charts/worker/Chart.yaml': 'apiVersion: v2\nname: worker\nversion: 1.0.0\n',
          'charts/worker/values.yaml': `serviceAccount:\n  name: worker\n  roleArn: arn:aws:iam::${ACCOUNT}:role/worker\n`,
          'charts/worker/templates/service-account.yaml': HELM_TEMPLATE,
          'iam/worker-trust.json': trustJson('system:serviceaccount:default:worker'),
          'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
          'charts/api/values.yaml': `serviceAccount:\n  name: api\n  roleArn: arn:aws:iam::${ACCOUNT}:role/api\n`,
          'charts/api/templates/service-account.yaml': HELM_TEMPLATE,
        },
      },
      expect: { terraform: '0/3', kustomize: '0/3', helm: '0/2' },
    },
    // A root module of its own: the other two directories stand.
    {
      change: { write: { 'infra/other/main.tf': terraformRole('orders', '"system:serviceaccount:store:orders"') } },
      expect: { terraform: '2/3', kustomize: '3/3', helm: '2/2' },
    },
    // A called module: the root that calls it is read again with it.
    {
      change: {
        write: { 'infra/modules/irsa/variables.tf': 'variable "subject" {\n  type = string\n  default = "x"\n}\n' },
      },
      expect: { terraform: '1/3', kustomize: '3/3', helm: '2/2' },
    },
    // The calling module passes another subject.
    {
      change: { write: { 'infra/app/main.tf': APP_CALL('system:serviceaccount:analytics:report') } },
      expect: { terraform: '2/3', kustomize: '3/3', helm: '2/2' },
    },
    // A base's manifest: its build is made again, the other build and the kustomization list stand.
    {
      change: { write: { 'base-b/service-account.yaml': serviceAccount('invoices', undefined, 'billing') } },
      expect: { terraform: '3/3', kustomize: '2/3', helm: '2/2' },
    },
    // An overlay's kustomization.
    {
      change: { write: { 'overlays/a/kustomization.yaml': 'namespace: store\nresources:\n  - ../../base-a\n' } },
      expect: { terraform: '3/3', kustomize: '2/3', helm: '2/2' },
    },
    // The chart's values.
    {
      change: {
        write: {
          'charts/worker/values.yaml': `serviceAccount:\n  name: worker\n  roleArn: arn:aws:iam::${ACCOUNT}:role/billing\n`,
        },
      },
      expect: { terraform: '3/3', kustomize: '3/3', helm: '1/2' },
    },
    // Nothing changed.
    { change: {}, expect: { terraform: '3/3', kustomize: '3/3', helm: '2/2' } },
    // An Argo CD Application installs a chart (a file added: every unit is read again) ...
    {
      change: { write: { 'argocd/api.yaml': argoApplication('payments') } },
      expect: { terraform: '0/3', kustomize: '0/3', helm: '0/2' },
    },
    // ... and then into another namespace: that chart's unit is read again, with its release.
    {
      change: { write: { 'argocd/api.yaml': argoApplication('billing') } },
      expect: { terraform: '3/3', kustomize: '3/3', helm: '1/2' },
    },
    // A file added: every unit is read again.
    {
      change: { write: { 'infra/other/outputs.tf': 'output "name" {\n  value = aws_iam_role.this.name\n}\n' } },
      expect: { terraform: '0/3', kustomize: '0/3', helm: '0/2' },
    },
  ]

  it('reads again only the units whose files changed, and gives the report of a run without a cache', async () => {
    const reports = await replaySteps('units', STEPS, runCli)
    // The changes change the findings (the comparison is not between equal reports).
    expect(reports.size).toBeGreaterThan(4)
  })

  it('does not write the cache file again when nothing changed', async () => {
    const root = path.join(workspace, 'units')
    const cache = path.join(workspace, 'units-cache')
    const file = path.join(cache, 'irsa-guard-facts.bin')
    await runCli(['--format', 'json', '--cache', cache, '.'], root)
    const before = statSync(file)
    await runCli(['--format', 'json', '--cache', cache, '.'], root)
    expect(statSync(file).ino).toBe(before.ino)
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs)
  })
})

describe('the fact cache and files outside the scan', () => {
  it('reads a Kustomize build again when a file it reads beyond the scanned ones changes', async () => {
    const root = path.join(workspace, 'excluded-base')
    const cache = path.join(workspace, 'excluded-base-cache')
    apply(root, {
      write: {
        'base/kustomization.yaml': 'resources:\n  - service-account.yaml\n',
        'base/service-account.yaml': serviceAccount('orders', undefined, 'orders'),
        'overlays/prod/kustomization.yaml': 'namespace: shop\nresources:\n  - ../../base\n',
        'iam/orders-trust.json': trustJson('system:serviceaccount:shop:orders'),
      },
    })
    const args = ['--format', 'json', '--exclude', 'base/**', '.']
    const findings = (stdout: string): string[] =>
      (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId)
    const first = await runCli([...args, '--cache', cache], root)
    expect(findings(first.stdout)).toEqual([])
    // The excluded base now names the ServiceAccount the trust does not allow: only the build sees it.
    apply(root, { write: { 'base/service-account.yaml': serviceAccount('payments', undefined, 'orders') } })
    const cold = await runCli(args, root)
    expect(findings(cold.stdout)).toContain('trust-denies-service-account')
    expect((await runCli([...args, '--cache', cache], root)).stdout).toBe(cold.stdout)
  })
})

describe('the fact cache and links, missing and outside paths', () => {
  // A cached run answers from discovery's directory listings whether a path is inside the root,
  // missing, or a link to judge on disk: the same answers as a run without a cache.
  it('gives the report of a run without a cache, filling the cache and using it', async () => {
    const root = path.join(workspace, 'links', 'repository')
    const outside = path.join(workspace, 'links', 'outside')
    const cache = path.join(workspace, 'links-cache')
    apply(root, {
      write: {
        'base/kustomization.yaml': 'resources:\n  - service-account.yaml\n  - linked.yaml\n',
        'base/service-account.yaml': serviceAccount('orders', undefined, 'orders'),
        'overlays/prod/kustomization.yaml':
          'namespace: shop\nresources:\n  - ../../base\n  - ../../ext-link\n  - missing.yaml\n  - ../../nowhere\n',
        'overlays/dev/kustomization.yaml': 'namespace: dev\nresources:\n  - ../../base\n  - ../../base/linked.yaml\n',
      },
    })
    apply(outside, {
      write: { 'kustomization.yaml': 'resources:\n  - sa.yaml\n', 'sa.yaml': serviceAccount('ext', undefined, 'ext') },
    })
    symlinkSync('service-account.yaml', path.join(root, 'base', 'linked.yaml'))
    symlinkSync(outside, path.join(root, 'ext-link'))
    const cold = await runCli(['--format', 'json', '.'], root)
    const located = (
      JSON.parse(cold.stdout) as {
        findings: { ruleId: string; level: string; location: { path: string; line: number } }[]
      }
    ).findings.map((finding) => `${finding.ruleId} ${finding.level} ${finding.location.path}:${finding.location.line}`)
    expect(located).toEqual([
      'parse-error warning overlays/dev/kustomization.yaml:4',
      'parse-error note overlays/prod/kustomization.yaml:4',
      'parse-error note overlays/prod/kustomization.yaml:5',
      'parse-error note overlays/prod/kustomization.yaml:6',
    ])
    for (const used of ['0/2', '2/2']) {
      const cached = await runCli(['--format', 'json', '--debug', '--cache', cache, '.'], root)
      expect(cached.stdout).toBe(cold.stdout)
      expect(unitsUsedAgain(cached.stderr)['kustomize']).toBe(used)
    }
  })
})

describe('a cache that cannot be trusted', () => {
  const root = path.join(workspace, 'broken-trust')
  const cacheDirectory = path.join(workspace, 'untrusted-cache')
  const cacheFile = path.join(cacheDirectory, 'irsa-guard-facts.bin')
  beforeAll(() => apply(root, { write: { ...HISTORY[0]?.write } }))

  async function reportWithCache(): Promise<{ stdout: string; reused: number }> {
    const run = await runCli(['--format', 'json', '--debug', '--cache', cacheDirectory, root], workspace)
    return { stdout: run.stdout, reused: usedAgain(run.stderr) }
  }

  it.each([
    ['empty', () => Buffer.alloc(0)],
    ['not a cache', () => Buffer.from('apiVersion: v1\nkind: ConfigMap\n')],
    ['truncated', (good: Buffer) => good.subarray(0, Math.floor(good.length / 2))],
    [
      'with a changed byte',
      (good: Buffer) => Buffer.from(good.map((byte, index) => (index === good.length - 9 ? byte ^ 1 : byte))),
    ],
    [
      'of another version',
      (good: Buffer) =>
        Buffer.from(good.toString('latin1').replace(/"scope":"[0-9a-f]{8}/, '"scope":"00000000'), 'latin1'),
    ],
  ])('is ignored when %s, and the report is the one without a cache', async (_name, spoil) => {
    const expected = (await runCli(['--format', 'json', root], workspace)).stdout
    rmSync(cacheDirectory, { recursive: true, force: true })
    await reportWithCache()
    writeFileSync(cacheFile, spoil(readFileSync(cacheFile)))
    const spoiled = await reportWithCache()
    expect(spoiled).toEqual({ stdout: expected, reused: 0 })
    // The run wrote a sound cache again.
    expect((await reportWithCache()).reused).toBeGreaterThan(0)
  })

  it('still reports when the cache directory cannot be written', async () => {
    const expected = (await runCli(['--format', 'json', root], workspace)).stdout
    const blocked = path.join(workspace, 'a-file')
    writeFileSync(blocked, 'not a directory')
    const run = await runCli(['--format', 'json', '--cache', blocked, root], workspace)
    expect(run.stdout).toBe(expected)
  })
})

describe('the fact cache with worker threads', () => {
  // Worker threads cannot load TypeScript: this runs a JavaScript build of src/ (as
  // test/bench/worker-reads.test.ts does), with IRSA_GUARD_WORKERS=1, so that a cached run starts a
  // worker that reads and classifies a share of the files during the walk. Every unit's key holds
  // the scan's file list: a file added, removed or renamed anywhere reads every unit again, a changed
  // text only the units that read it.
  const lib = path.join(repositoryRoot, '.bench', `cache-history-lib-${process.pid}`)
  /* eslint-disable @typescript-eslint/no-explicit-any */
  let compiledMain: (argv: string[], io: any) => Promise<number>
  beforeAll(async () => {
    const { compileSources } = (await import(pathToFileURL(path.join(repositoryRoot, 'bench/compile.mjs')).href)) as {
      compileSources: (out: string) => string
    }
    compileSources(lib)
    compiledMain = (await import(pathToFileURL(path.join(lib, 'cli.js')).href)).main
  }, 120_000)
  /* eslint-enable @typescript-eslint/no-explicit-any */
  afterAll(() => rmSync(lib, { recursive: true, force: true }))

  async function run(argv: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
    let stdout = ''
    let stderr = ''
    await withEnvironment('IRSA_GUARD_WORKERS', '1', () =>
      compiledMain(argv, {
        cwd,
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
      }),
    )
    return { stdout, stderr }
  }

  const moduleCall = (directory: string, subject: string): string =>
    `module "role" {\n  source  = "${directory}"\n  subject = "${subject}"\n}\n`
  const STEPS: Step[] = [
    {
      change: {
        write: {
          'infra/app/main.tf': moduleCall('../modules/irsa', 'system:serviceaccount:analytics:reports'),
          'infra/modules/irsa/main.tf': terraformRole('reports', 'var.subject'),
          'infra/modules/irsa/variables.tf': 'variable "subject" {\n  type = string\n}\n',
          'infra/other/main.tf': terraformRole('orders', '"system:serviceaccount:shop:orders"'),
          'k8s/reports.yaml': serviceAccount('reports', 'analytics', 'reports'),
          'base-a/kustomization.yaml': 'resources:\n  - service-account.yaml\n',
          'base-a/service-account.yaml': serviceAccount('orders', undefined, 'orders'),
          'overlays/a/kustomization.yaml': 'namespace: shop\nresources:\n  - ../../base-a\n',
          'charts/worker/Chart.yaml': 'apiVersion: v2\nname: worker\nversion: 1.0.0\n',
          'charts/worker/values.yaml': `serviceAccount:\n  name: worker\n  roleArn: arn:aws:iam::${ACCOUNT}:role/worker\n`,
          'charts/worker/templates/service-account.yaml': HELM_TEMPLATE,
          'iam/worker-trust.json': trustJson('system:serviceaccount:default:worker'),
        },
      },
      expect: { terraform: '0/3', kustomize: '0/2', helm: '0/1' },
    },
    // A file added inside a Terraform module: a new variable the module does not use yet.
    {
      change: { write: { 'infra/modules/irsa/outputs.tf': 'output "name" {\n  value = aws_iam_role.this.name\n}\n' } },
      expect: { terraform: '0/3', kustomize: '0/2', helm: '0/1' },
    },
    // Nothing changed: every unit is used again.
    { change: {}, expect: { terraform: '3/3', kustomize: '2/2', helm: '1/1' } },
    // A text changed in the called module: the root that calls it is read again with it.
    {
      change: {
        write: { 'infra/modules/irsa/variables.tf': 'variable "subject" {\n  type = string\n  default = "x"\n}\n' },
      },
      expect: { terraform: '1/3', kustomize: '2/2', helm: '1/1' },
    },
    // A file added outside every unit (a manifest of its own).
    {
      change: { write: { 'k8s/billing.yaml': serviceAccount('billing', 'shop', 'orders') } },
      expect: { terraform: '0/3', kustomize: '0/2', helm: '0/1' },
    },
    // A file renamed inside a Kustomize base, the kustomization following it.
    {
      change: {
        rename: [['base-a/service-account.yaml', 'base-a/orders.yaml']],
        write: { 'base-a/kustomization.yaml': 'resources:\n  - orders.yaml\n' },
      },
      expect: { terraform: '0/3', kustomize: '0/2', helm: '0/1' },
    },
    // The chart's values: only its unit.
    {
      change: {
        write: {
          'charts/worker/values.yaml': `serviceAccount:\n  name: worker\n  roleArn: arn:aws:iam::${ACCOUNT}:role/orders\n`,
        },
      },
      expect: { terraform: '3/3', kustomize: '2/2', helm: '0/1' },
    },
    // A Terraform module's file removed, and a module moved to another directory.
    {
      change: {
        remove: ['infra/modules/irsa/outputs.tf'],
        rename: [['infra/other/main.tf', 'infra/moved/main.tf']],
      },
      expect: { terraform: '0/3', kustomize: '0/2', helm: '0/1' },
    },
    // The calling module passes another subject.
    {
      change: {
        write: { 'infra/app/main.tf': moduleCall('../modules/irsa', 'system:serviceaccount:analytics:report') },
      },
      expect: { terraform: '2/3', kustomize: '2/2', helm: '1/1' },
    },
  ]

  it('gives after every commit the report of a run without a cache, reading again exactly the units a change reaches', async () => {
    const reports = await replaySteps('with-workers', STEPS, run)
    expect(reports.size).toBeGreaterThan(4)
  }, 120_000)
})
