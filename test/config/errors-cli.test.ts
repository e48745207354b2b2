import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { commands, runActionBundle } from '../action/run-bundle.js'
import { runCli } from '../cli/fake-io.js'

describe('a config file with several problems', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-config-errors-'))
    await writeFile(
      path.join(root, '.irsa-guard.yml'),
      [
        'rules:',
        '  role-not-fuond: off',
        'clusters:',
        '  - name: prod',
        '    region: europe',
        'ignore:',
        '  - rule: role-not-found',
        '    path: iam/a.json',
        '    expires: 2026-13-01',
        '',
      ].join('\n'),
    )
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('stops the CLI with every problem on its own line, exit 2', async () => {
    expect(await runCli([], root)).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'irsa-guard: .irsa-guard.yml:2: rules.role-not-fuond: unknown rule id (did you mean "role-not-found"?)',
        'irsa-guard: .irsa-guard.yml:5: clusters[0].region: "europe" is not an AWS region (like us-east-1)',
        'irsa-guard: .irsa-guard.yml:7: ignore[0]: missing required key "reason" (say why the findings are accepted)',
        'irsa-guard: .irsa-guard.yml:9: ignore[0].expires: must be a date YYYY-MM-DD (got "2026-13-01")',
        '',
      ].join('\n'),
    })
  })

  it('fails the action step with an error annotation per problem (bundle)', () => {
    const run = runActionBundle(root, { 'fail-on': 'error' })
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error')).toEqual([
      ['', '.irsa-guard.yml:2: rules.role-not-fuond: unknown rule id (did you mean "role-not-found"?)'],
      ['', '.irsa-guard.yml:5: clusters[0].region: "europe" is not an AWS region (like us-east-1)'],
      ['', '.irsa-guard.yml:7: ignore[0]: missing required key "reason" (say why the findings are accepted)'],
      ['', '.irsa-guard.yml:9: ignore[0].expires: must be a date YYYY-MM-DD (got "2026-13-01")'],
    ])
    expect(run.outputs.conclusion).toBe('failure')
  })
})
