import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { repositoryRoot } from '../helpers.js'
import { runActionBundle } from '../action/run-bundle.js'
import { forged, runnerCommands, writeAttackRepository } from './payloads.js'

/** Fields whose payload reaches a finding message or path, and so the step's log. */
const LOGGED_FIELDS = [
  'sa-name',
  'sa-namespace',
  'sa-audience',
  'sa-role-arn',
  'workload-sa',
  'iam-sid',
  'iam-sub',
  'iam-aud',
  'iam-federated',
  'iam-operator',
  'file-name',
  'tf-sid',
  'tf-sub',
  'eksctl-name',
  'eksctl-namespace',
  'cfn-sid',
  'cfn-sub',
]

function runCli(argv: string[], cwd: string) {
  const child = spawnSync(process.execPath, [path.join(repositoryRoot, 'dist', 'cli', 'index.js'), ...argv], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
    timeout: 60_000,
  })
  return { code: child.status, stdout: child.stdout, stderr: child.stderr }
}

describe('a repository whose names carry workflow commands, run through the bundles as the runner runs them', () => {
  let workspace: string
  beforeAll(async () => {
    workspace = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-attack-'))
    await writeAttackRepository(workspace)
  })
  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true })
  })

  it('the action prints every finding escaped in its log group and issues only its own annotations', async () => {
    const run = runActionBundle(workspace, { paths: '.', 'fail-on': 'error' })
    const json = JSON.parse(runCli(['.', '--format', 'json'], workspace).stdout) as {
      findings: { location: { path: string } }[]
    }
    const files = new Set(json.findings.map((finding) => finding.location.path))
    const commands = runnerCommands(run.stdout)

    expect(run.code).toBe(1)
    expect(forged(commands, files)).toEqual([])
    expect(forged(runnerCommands(run.stderr), files)).toEqual([])
    expect(commands.filter((command) => ['add-mask', 'stop-commands'].includes(command.command))).toEqual([])
    expect(commands.filter((command) => command.command === 'group').map((command) => command.data)).toEqual([
      `irsa-guard findings (${json.findings.length})`,
      expect.stringMatching(/^irsa-guard unresolved chains \(\d+\)$/),
    ])
    // Each value reached the log, on the line of its finding, with its line breaks shown as \n.
    const group = run.stdout.slice(
      run.stdout.indexOf('::group::irsa-guard findings'),
      run.stdout.indexOf('::endgroup::'),
    )
    expect(group.split('\n').slice(1, -1)).toHaveLength(json.findings.length)
    for (const field of LOGGED_FIELDS)
      expect([field, group.includes(`${field}\\n::error file=forged.yaml`)]).toEqual([field, true])
    expect(group).toContain(
      '\\r::add-mask::payments\\n::stop-commands::forgedtoken\\n  ::notice::indented sa-name\\t##\\[warning]v1 sa-name\\u001b[8m',
    )
    // An annotation's message keeps the finding's text, escaped the same way.
    const annotated = commands.filter((command) => command.command === 'error' && command.properties.file !== undefined)
    expect(annotated).toHaveLength(10)
    const withPayload = annotated.filter(({ data }) => data.includes('::forged'))
    expect(withPayload.length).toBeGreaterThan(5)
    for (const { data } of withPayload)
      expect(data).toMatch(
        /([a-z-]+)\\n::error file=forged\.yaml(,line=1,title=forged)?::forged \1\\r::add-mask::payments/,
      )
  })

  it('the CLI prints one line per finding and no workflow command, in every format', () => {
    const json = runCli(['.', '--format', 'json'], workspace)
    const findings = (JSON.parse(json.stdout) as { findings: unknown[] }).findings
    expect(findings.length).toBeGreaterThan(20)
    const text = runCli(['.'], workspace)
    expect(text.code).toBe(1)
    expect(text.stdout.split('\n')).toHaveLength(findings.length + 1)
    for (const line of text.stdout.trimEnd().split('\n'))
      expect(line).toMatch(/^[^\r\u2028\u2029]+:\d+:\d+: (error|warning|note): .* \[[a-z0-9-]+\]$/)
    for (const field of LOGGED_FIELDS)
      expect([field, text.stdout.includes(`${field}\\n::error file=forged.yaml`)]).toEqual([field, true])
    for (const run of [
      text,
      json,
      runCli(['.', '--format', 'sarif'], workspace),
      runCli(['.', '--format', 'markdown'], workspace),
    ]) {
      expect(runnerCommands(run.stdout)).toEqual([])
      expect(runnerCommands(run.stderr)).toEqual([])
    }
  })

  it('a config error naming a key with a payload fails the step with one error and nothing else', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-attack-config-'))
    try {
      await writeFile(
        path.join(root, '.irsa-guard.yml'),
        'rules:\n  "x\\n::add-mask::payments\\n::error file=forged.yaml::forged\\n##[warning]v1": off\n',
      )
      const run = runActionBundle(root, { paths: '.' })
      const commands = runnerCommands(run.stdout)
      expect(commands.map((command) => [command.command, command.properties])).toEqual([['error', {}]])
      expect(commands[0]!.data).toContain(
        'x\\n::add-mask::payments\\n::error file=forged.yaml::forged\\n##\\[warning]v1',
      )
      const cli = runCli(['.'], root)
      expect(cli.code).toBe(2)
      expect(runnerCommands(cli.stderr)).toEqual([])
      expect(cli.stderr.split('\n')).toHaveLength(2)
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
