import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config-file.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'

afterAll(removeTempRepos)

const GRANTED = { helmRender: true, kustomizeRender: true, maxFileBytes: 4096 }
const NONE = { helmRender: false, kustomizeRender: false, maxFileBytes: 4096 }

describe('what a config file may change', () => {
  it('inside the scanned tree: turns rendering off and lowers the limit, never more', async () => {
    const root = tempRepo({ '.irsa-guard.yml': 'helm:\n  render: false\nkustomize: native\nmaxFileBytes: 1000\n' })
    const config = await loadConfig({ root, cwd: root, trusted: GRANTED })
    expect([config.helm.render, config.kustomize, config.maxFileBytes, config.findings]).toEqual([
      false,
      'native',
      1000,
      undefined,
    ])
  })

  it('inside the scanned tree: what it asks beyond the trusted settings is ignored, with a warning at each line', async () => {
    const root = tempRepo({ '.irsa-guard.yml': 'helm:\n  render: true\nkustomize: render\nmaxFileBytes: 5000\n' })
    const config = await loadConfig({ root, cwd: root, trusted: NONE })
    expect([config.helm.render, config.kustomize, config.maxFileBytes]).toEqual([false, 'native', 4096])
    expect(
      config.findings?.map(
        (finding) =>
          `${finding.location.path}:${finding.location.line}:${finding.location.column} ${finding.level} ${finding.message.split(':')[0]}`,
      ),
    ).toEqual([
      '.irsa-guard.yml:2:11 warning helm.render',
      '.irsa-guard.yml:3:12 warning kustomize',
      '.irsa-guard.yml:4:15 warning maxFileBytes',
    ])
  })

  it('the trusted settings apply when the repository has no config file', async () => {
    const root = tempRepo({})
    const config = await loadConfig({ root, cwd: root, trusted: GRANTED })
    expect([config.helm.render, config.kustomize, config.maxFileBytes]).toEqual([true, 'render', 4096])
  })

  it('a config file the user names outside the scanned tree is theirs, and may grant', async () => {
    const root = tempRepo({})
    const outside = mkdtempSync(path.join(os.tmpdir(), 'irsa-guard-user-config-'))
    writeFileSync(path.join(outside, 'irsa.yml'), 'helm:\n  render: true\nkustomize: render\nmaxFileBytes: 9000\n')
    const config = await loadConfig({ root, cwd: outside, configFile: 'irsa.yml', trusted: NONE })
    expect([config.helm.render, config.kustomize, config.maxFileBytes, config.findings]).toEqual([
      true,
      'render',
      9000,
      undefined,
    ])
  })
})
