import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fixture } from '../helpers.js'
import { sarifValidator } from '../report/sarif-schema.js'
import { writeManyFindingsRepository } from './many-findings.js'
import { commands, runActionBundle } from './run-bundle.js'

const DENIED_MESSAGE =
  'ServiceAccount payments/api (k8s/api.yaml:7) would be refused by role payments-api\'s trust (iam/payments-api-trust.json:12): StringEquals on "oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9:sub" allows "system:serviceaccount:billing:api", not "system:serviceaccount:payments:api"; change the sub value to "system:serviceaccount:payments:api" or move the ServiceAccount to namespace billing'

/** Outputs of a run that uses no GitHub API (no github-token in these runs) and no baseline or only-changed. */
const NO_GITHUB_OUTPUTS = {
  'accepted-by-baseline': '0',
  'outside-changed-files': '0',
  'check-run-url': '',
  'comment-url': '',
}

describe('the committed action bundle dist/index.js, run as the runner runs it', () => {
  let workspace: string
  beforeEach(async () => {
    workspace = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-workspace-'))
  })
  afterEach(async () => {
    await rm(workspace, { recursive: true, force: true })
  })

  it('annotates the broken line, writes the summary and outputs, and fails the step', async () => {
    await cp(fixture('repos', 'broken'), workspace, { recursive: true })
    const run = runActionBundle(workspace, { paths: '.', 'fail-on': 'error', 'sarif-file': '' })
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error')).toEqual([
      ['title=trust-denies-service-account,file=iam/payments-api-trust.json,line=12,col=90', DENIED_MESSAGE],
      ['', 'irsa-guard found 1 error, 0 warnings, 0 notes: 1 finding at or above fail-on error'],
    ])
    expect(run.outputs).toEqual({
      errors: '1',
      warnings: '0',
      notes: '0',
      'sarif-file': '',
      conclusion: 'failure',
      verified: '1',
      unresolved: '0',
      ...NO_GITHUB_OUTPUTS,
    })
    expect(run.summary).toContain('**1 error, 0 warnings, 0 notes** in 2 IRSA-relevant files (2 files seen).')
    expect(run.summary).toContain(
      '| `payments/api`<br>`k8s/api.yaml:4` | `payments-api`<br>`iam/payments-api-trust.json:1` |',
    )
    expect(run.stderr).toBe('')
  })

  it('passes on a correct repository without any error command', async () => {
    await cp(fixture('repos', 'clean'), workspace, { recursive: true })
    const run = runActionBundle(workspace, { paths: '.', 'fail-on': 'error' })
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('::error')
    expect(run.stdout).toContain(
      'irsa-guard found 0 errors, 0 warnings, 0 notes in 2 IRSA-relevant files; nothing at or above fail-on error',
    )
    expect(run.outputs).toEqual({
      errors: '0',
      warnings: '0',
      notes: '0',
      'sarif-file': '',
      conclusion: 'success',
      verified: '1',
      unresolved: '0',
      ...NO_GITHUB_OUTPUTS,
    })
    expect(run.summary).toContain('| ✅\u00a0no\u00a0findings |')
  })

  it('writes SARIF where sarif-file says and does not fail below fail-on', async () => {
    await cp(fixture('repos', 'broken'), workspace, { recursive: true })
    const run = runActionBundle(workspace, {
      paths: 'k8s\niam',
      'fail-on': 'never',
      'sarif-file': 'reports/irsa-guard.sarif',
    })
    expect(run.code).toBe(0)
    const sarifPath = path.join(workspace, 'reports', 'irsa-guard.sarif')
    expect(run.outputs).toEqual({
      errors: '1',
      warnings: '0',
      notes: '0',
      'sarif-file': sarifPath,
      conclusion: 'success',
      verified: '1',
      unresolved: '0',
      ...NO_GITHUB_OUTPUTS,
    })
    const log = JSON.parse(await readFile(sarifPath, 'utf8'))
    expect(sarifValidator()(log)).toBe(true)
    expect(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual([
      'trust-denies-service-account',
    ])
    // The finding is still annotated, as an error, though it does not fail the step.
    expect(commands(run.stdout, 'error')).toEqual([
      ['title=trust-denies-service-account,file=iam/payments-api-trust.json,line=12,col=90', DENIED_MESSAGE],
    ])
  })

  it('outputs the chains verified and unresolved, lists the unresolved in the log and the summary, and does not fail on them', async () => {
    await cp(fixture('chain-coverage', 'mixed'), workspace, { recursive: true })
    const run = runActionBundle(workspace, { paths: '.', 'fail-on': 'error' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ verified: '1', unresolved: '2', conclusion: 'success' })
    expect(run.stdout).toContain(
      [
        'irsa-guard verified 1 of 3 chains, 2 unresolved',
        '::group::irsa-guard unresolved chains (2)',
        'iam/payments-reports-trust.json:1: role payments-reports: its trust names ServiceAccounts that no scanned source defines (system:serviceaccount:payments:reports) [trusts-undefined-service-account]',
        'k8s/worker.yaml:8: ServiceAccount payments/worker → ${WORKER_ROLE_ARN}: its role ARN is filled in at deploy time (envsubst, a CI variable, kustomize vars, a template) (${WORKER_ROLE_ARN}) [deploy-time-value]',
        '::endgroup::',
      ].join('\n'),
    )
    expect(run.summary).toContain(
      "**IRSA chains: verified 1 of 3 chains**, 2 unresolved (a chain is verified when the ServiceAccount's token was evaluated against its role's trust).\n\n<details><summary>2 unresolved chains and why</summary>",
    )
    expect(run.summary).toContain(
      '- `k8s/worker.yaml:8` ServiceAccount `payments/worker` → `${WORKER_ROLE_ARN}`: its role ARN is filled in at deploy time',
    )
  })

  it('honours exclude', async () => {
    await cp(fixture('repos', 'broken'), workspace, { recursive: true })
    const run = runActionBundle(workspace, { paths: '.', exclude: 'iam/**, docs/**' })
    expect(run.code).toBe(0)
    expect(run.outputs.errors).toBe('0')
  })

  it('fails with one line on a config error or a wrong input', async () => {
    await cp(fixture('repos', 'bad-config'), workspace, { recursive: true })
    const badConfig = runActionBundle(workspace, { paths: '.' })
    expect(badConfig.code).toBe(1)
    expect(commands(badConfig.stdout, 'error')).toEqual([
      ['', '.irsa-guard.yml:5: rules.role-not-fuond: unknown rule id (did you mean "role-not-found"?)'],
    ])
    expect(badConfig.outputs.conclusion).toBe('failure')

    const badInput = runActionBundle(workspace, { 'fail-on': 'critical', config: 'none.yml' })
    expect(commands(badInput.stdout, 'error')).toEqual([
      ['', 'input fail-on must be one of error, warning, note, never (got "critical")'],
    ])
    const missingConfig = runActionBundle(workspace, { config: 'none.yml' })
    expect(commands(missingConfig.stdout, 'error')).toEqual([['', 'none.yml: cannot read config file: no such file']])
    for (const run of [badConfig, badInput, missingConfig]) expect(run.stderr).toBe('')
  })

  it('shows at most 10 annotations per level, most severe first, then one notice about the rest', async () => {
    await writeManyFindingsRepository(workspace, 12)
    const run = runActionBundle(workspace, { paths: '.', 'fail-on': 'error' })
    expect(run.outputs).toMatchObject({ errors: '12', warnings: '12', notes: '12', conclusion: 'failure' })
    const located = (kind: string) => commands(run.stdout, kind).filter(([properties]) => properties.includes('file='))
    expect(located('error')).toHaveLength(10)
    expect(located('warning')).toHaveLength(10)
    expect(located('notice')).toHaveLength(10)
    expect(located('error').every(([properties]) => properties.startsWith('title=trust-denies-service-account,'))).toBe(
      true,
    )
    const kinds = run.stdout
      .split('\n')
      .flatMap((line) => /^::(error|warning|notice) title=[a-z-]+,file=/.exec(line)?.[1] ?? [])
    expect(kinds).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), ...Array(10).fill('notice')])
    expect(commands(run.stdout, 'notice').filter(([properties]) => !properties.includes('file='))).toEqual([
      [
        'title=irsa-guard',
        '6 more findings not shown as annotations (2 errors, 2 warnings, 2 notes): see the job summary',
      ],
    ])
  })
})
