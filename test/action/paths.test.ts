import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fixture } from '../helpers.js'
import { commands, runActionBundle } from './run-bundle.js'

describe('the action bundle: paths', () => {
  let workspace: string
  beforeEach(async () => {
    workspace = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-paths-'))
    await cp(fixture('repos', 'broken'), workspace, { recursive: true })
  })
  afterEach(async () => {
    await rm(workspace, { recursive: true, force: true })
  })

  it('fails the step naming a paths glob that matches no file, with nothing else reported', () => {
    const run = runActionBundle(workspace, { paths: 'does-not-exist/**\nk8s', 'fail-on': 'never' })
    expect(run.code).toBe(1)
    expect(run.outputs.conclusion).toBe('failure')
    expect(commands(run.stdout, 'error')).toEqual([
      [
        '',
        '"does-not-exist/**" matches no file to scan (git-ignored and excluded files, and node_modules, vendor and test fixture directories, do not count)',
      ],
    ])
    expect(commands(run.stdout, 'warning')).toEqual([])
    expect(run.summary).toBe('')
  })

  it('writes each phase through core.debug when step debug logging is on (ACTIONS_STEP_DEBUG: the runner sets RUNNER_DEBUG=1)', () => {
    const debug = runActionBundle(workspace, { paths: 'k8s, iam', 'fail-on': 'never' }, undefined, {
      RUNNER_DEBUG: '1',
    })
    expect(debug.code).toBe(0)
    expect(debug.stdout.split('\n').filter((line) => line.startsWith('::debug::irsa-guard: phase'))).toEqual([
      '::debug::irsa-guard: phase discover',
      '::debug::irsa-guard: phase read: 2 files (iam-json 1, kubernetes 1), 0 worker threads',
      '::debug::irsa-guard: phase analyse',
      '::debug::irsa-guard: phase done',
    ])
    expect(runActionBundle(workspace, { paths: 'k8s, iam', 'fail-on': 'never' }).stdout).not.toContain('::debug::')
  })
})
