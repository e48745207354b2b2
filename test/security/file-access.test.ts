import { spawnSync } from 'node:child_process'
import { symlinkSync } from 'node:fs'
import path from 'node:path'
import { runActionBundle } from '../action/run-bundle.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'
import { runCliBundle } from './attack.js'

afterAll(removeTempRepos)

const SECRET = 'ghs_irsaGuardTestSecretValue0123456789'
const SERVICE_ACCOUNT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n  namespace: web\n'

/** A manifest of `bytes` bytes that looks like one irsa-guard reads. */
function manifestOf(bytes: number): string {
  const head = `${SERVICE_ACCOUNT}  labels:\n    padding: "`
  return `${head}${'x'.repeat(bytes - head.length - 2)}"\n`
}

describe('defect 3: a config file linked out of the workspace is refused, never shown', () => {
  it('the CLI names the file and stops, and prints nothing of /proc/self/environ', () => {
    const root = tempRepo({ 'k8s/sa.yaml': SERVICE_ACCOUNT })
    symlinkSync('/proc/self/environ', path.join(root, '.irsa-guard.yml'))
    const run = runCliBundle(['.'], root, { GITHUB_TOKEN: SECRET })
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'irsa-guard: .irsa-guard.yml: cannot read config file: it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root\n',
    })
  })

  it('the action fails the step with the same line, and its log holds nothing of the environment', () => {
    const workspace = tempRepo({ 'k8s/sa.yaml': SERVICE_ACCOUNT })
    symlinkSync('/proc/self/environ', path.join(workspace, '.irsa-guard.yml'))
    const saved = process.env.GITHUB_TOKEN
    process.env.GITHUB_TOKEN = SECRET
    let run
    try {
      run = runActionBundle(workspace, { 'fail-on': 'never' })
    } finally {
      if (saved === undefined) delete process.env.GITHUB_TOKEN
      else process.env.GITHUB_TOKEN = saved
    }
    expect(`${run.stdout}${run.stderr}${run.summary}`).not.toContain('irsaGuardTestSecret')
    expect(run.stdout).not.toContain('GITHUB_WORKSPACE=')
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([
      '::error::.irsa-guard.yml: cannot read config file: it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root',
    ])
    expect(run.outputs.conclusion).toBe('failure')
  })
})

describe('defect 4: ignore files are regular files within the workspace, read within the limit', () => {
  it('a .gitignore linked to /dev/zero and one that is a FIFO are noted and not read; the scan finishes', () => {
    const root = tempRepo({ 'k8s/sa.yaml': SERVICE_ACCOUNT })
    symlinkSync('/dev/zero', path.join(root, '.gitignore'))
    expect(spawnSync('mkfifo', [path.join(root, 'k8s', '.gitignore')]).status).toBe(0)
    const run = runCliBundle(['.', '--fail-on', 'never'], root)
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n').filter((line) => line.includes('.gitignore'))).toEqual([
      '.gitignore:1:1: note: Skipped .gitignore: it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root; its rules are not applied [parse-error]',
      'k8s/.gitignore:1:1: note: Skipped k8s/.gitignore: it is not a regular file; its rules are not applied [parse-error]',
    ])
  })
})

describe('defect 13: the repository config cannot raise the size limit', () => {
  it('a maxFileBytes above the limit is ignored with a warning at its line, and the large file stays unread', () => {
    const root = tempRepo({
      '.irsa-guard.yml': 'maxFileBytes: 1000000000\n',
      'k8s/big.yaml': manifestOf(3 * 1024 * 1024),
      'k8s/sa.yaml': SERVICE_ACCOUNT,
    })
    const run = runCliBundle(['.', '--fail-on', 'never'], root)
    expect(run.stdout.split('\n').filter((line) => line !== '')).toEqual([
      '.irsa-guard.yml:1:15: warning: maxFileBytes: 1000000000 is ignored: a config file in the scanned repository may lower the size limit but not raise it above 2097152 bytes; set the action input max-file-bytes (CLI: --max-file-bytes) to raise it [parse-error]',
      'k8s/big.yaml:1:1: note: Skipped k8s/big.yaml: it is 3.0 MB, larger than the 2.0 MB limit; raise the max-file-bytes input (--max-file-bytes), or exclude the file [parse-error]',
    ])
  })

  it('a lower maxFileBytes is honoured, and the flag raises the limit', () => {
    const root = tempRepo({
      '.irsa-guard.yml': 'maxFileBytes: 1024\n',
      'k8s/small.yaml': manifestOf(2048),
      'k8s/sa.yaml': SERVICE_ACCOUNT,
    })
    expect(runCliBundle(['.', '--fail-on', 'never'], root).stdout).toBe(
      'k8s/small.yaml:1:1: note: Skipped k8s/small.yaml: it is 2.0 KB, larger than the 1.0 KB limit; raise the max-file-bytes input (--max-file-bytes), or exclude the file [parse-error]\n',
    )
    const big = tempRepo({ 'k8s/big.yaml': manifestOf(3 * 1024 * 1024), 'k8s/sa.yaml': SERVICE_ACCOUNT })
    expect(runCliBundle(['.', '--fail-on', 'never', '--max-file-bytes', String(4 * 1024 * 1024)], big).stdout).toBe('')
  })
})
