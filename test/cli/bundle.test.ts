import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fixture, repositoryRoot } from '../helpers.js'
import { runActionBundle } from '../action/run-bundle.js'

const BROKEN_LINE =
  'iam/payments-api-trust.json:12:90: error: ServiceAccount payments/api (k8s/api.yaml:7) would be refused by role payments-api\'s trust (iam/payments-api-trust.json:12): StringEquals on "oidc.eks.eu-central-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9:sub" allows "system:serviceaccount:billing:api", not "system:serviceaccount:payments:api"; change the sub value to "system:serviceaccount:payments:api" or move the ServiceAccount to namespace billing [trust-denies-service-account]'

function runCliBundle(bundle: string, argv: string[], cwd: string) {
  const child = spawnSync(process.execPath, [bundle, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
    timeout: 60_000,
  })
  return { code: child.status, stdout: child.stdout, stderr: child.stderr }
}

describe('the committed CLI bundle dist/cli/index.js', () => {
  it('runs with node and prints the findings of a directory with paths relative to the repository root', () => {
    expect(
      runCliBundle(path.join(repositoryRoot, 'dist', 'cli', 'index.js'), [fixture('repos', 'broken')], repositoryRoot),
    ).toEqual({
      code: 1,
      stdout: `${BROKEN_LINE.replace(/(^|\()(iam|k8s)\//g, '$1__fixtures__/repos/broken/$2/')}\n`,
      stderr:
        'irsa-guard: 1 error, 0 warnings, 0 notes in 2 IRSA-relevant files; verified 1 of 1 chain (failing: 1 finding at or above error)\n',
    })
  })

  it('exits 2 with one line on a bad flag', () => {
    expect(
      runCliBundle(path.join(repositoryRoot, 'dist', 'cli', 'index.js'), ['--format', 'xml'], repositoryRoot),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'irsa-guard: --format must be one of text, json, sarif, markdown, github (got "xml") (see irsa-guard --help)\n',
    })
  })

  describe('copied away from node_modules', () => {
    let directory: string
    beforeAll(async () => {
      directory = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-dist-'))
      await cp(path.join(repositoryRoot, 'dist'), path.join(directory, 'dist'), { recursive: true })
      await cp(fixture('repos', 'broken'), path.join(directory, 'repo'), { recursive: true })
    })
    afterAll(async () => {
      await rm(directory, { recursive: true, force: true })
    })

    it('needs nothing but node: the CLI', () => {
      const run = runCliBundle(path.join(directory, 'dist', 'cli', 'index.js'), [], path.join(directory, 'repo'))
      expect(run.code).toBe(1)
      expect(run.stdout).toBe(`${BROKEN_LINE}\n`)
    })

    it('needs nothing but node: the action', () => {
      const run = runActionBundle(
        path.join(directory, 'repo'),
        { 'fail-on': 'never' },
        path.join(directory, 'dist', 'index.js'),
      )
      expect(run.code).toBe(0)
      expect(run.outputs.errors).toBe('1')
    })
  })
})
