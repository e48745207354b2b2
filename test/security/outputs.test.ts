import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runActionBundle } from '../action/run-bundle.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'
import { runCliBundle } from './attack.js'

afterAll(removeTempRepos)

const SERVICE_ACCOUNT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n  namespace: web\n'

/** A directory outside every workspace, holding a file the attacker wants overwritten. */
function victim(): { directory: string; file: string } {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'irsa-guard-victim-'))
  const file = path.join(directory, 'precious.txt')
  writeFileSync(file, 'precious\n')
  return { directory, file }
}

function errorLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('::error'))
}

describe('defect 5: reports are never written through a link or outside the workspace', () => {
  it('the action replaces a link committed at the SARIF path instead of writing through it', () => {
    const target = victim()
    const workspace = tempRepo({ 'k8s/sa.yaml': SERVICE_ACCOUNT })
    symlinkSync(target.file, path.join(workspace, 'irsa-guard.sarif'))
    const run = runActionBundle(workspace, { 'fail-on': 'never', 'sarif-file': 'irsa-guard.sarif' })
    expect(readFileSync(target.file, 'utf8')).toBe('precious\n')
    expect(lstatSync(path.join(workspace, 'irsa-guard.sarif')).isFile()).toBe(true)
    expect(JSON.parse(readFileSync(path.join(workspace, 'irsa-guard.sarif'), 'utf8')).version).toBe('2.1.0')
    expect(run.outputs['sarif-file']).toBe(path.join(workspace, 'irsa-guard.sarif'))
    expect(errorLines(run.stdout)).toEqual([])
  })

  it('the action refuses a SARIF path below a linked directory and writes nothing there', () => {
    const target = victim()
    const workspace = tempRepo({ 'k8s/sa.yaml': SERVICE_ACCOUNT })
    symlinkSync(target.directory, path.join(workspace, 'reports'))
    const run = runActionBundle(workspace, { 'fail-on': 'never', 'sarif-file': 'reports/irsa-guard.sarif' })
    expect(readdirSync(target.directory)).toEqual(['precious.txt'])
    expect(errorLines(run.stdout)).toEqual([
      '::error::cannot write sarif-file reports/irsa-guard.sarif: it lies below reports, a symbolic link, and irsa-guard never writes through links in the scanned tree',
    ])
    expect(run.outputs.conclusion).toBe('failure')
  })

  it('the action refuses a SARIF path outside the workspace', () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'irsa-guard-parent-'))
    const workspace = path.join(parent, 'workspace')
    mkdirSync(path.join(workspace, 'k8s'), { recursive: true })
    writeFileSync(path.join(workspace, 'k8s', 'sa.yaml'), SERVICE_ACCOUNT)
    const run = runActionBundle(workspace, { 'fail-on': 'never', 'sarif-file': '../escaped.sarif' })
    expect(readdirSync(parent)).toEqual(['workspace'])
    expect(errorLines(run.stdout)).toEqual([
      `::error::cannot write sarif-file ../escaped.sarif: it is outside the workspace ${workspace}; irsa-guard writes its reports only inside it`,
    ])
  })

  it('the CLI does not follow a directory link planted in the scanned tree for --output', () => {
    const target = victim()
    const root = tempRepo({ 'k8s/sa.yaml': SERVICE_ACCOUNT })
    symlinkSync(target.directory, path.join(root, 'out'))
    const run = runCliBundle(['.', '--output', 'out/report.txt'], root)
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'irsa-guard: cannot write out/report.txt: it lies below out, a symbolic link, and irsa-guard never writes through links in the scanned tree\n',
    })
    expect(readdirSync(target.directory)).toEqual(['precious.txt'])
  })

  it('the CLI replaces a link planted at the --write-baseline path instead of writing through it', () => {
    const target = victim()
    const root = tempRepo({ 'k8s/sa.yaml': SERVICE_ACCOUNT })
    symlinkSync(target.file, path.join(root, 'baseline.json'))
    const run = runCliBundle(['.', '--write-baseline', 'baseline.json'], root)
    expect(run.code).toBe(0)
    expect(readFileSync(target.file, 'utf8')).toBe('precious\n')
    expect(lstatSync(path.join(root, 'baseline.json')).isFile()).toBe(true)
    expect(JSON.parse(readFileSync(path.join(root, 'baseline.json'), 'utf8')).version).toBe(1)
  })
})
