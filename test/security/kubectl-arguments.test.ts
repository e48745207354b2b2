import path from 'node:path'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'
import { fakeTool, runCliBundle } from './attack.js'

afterAll(removeTempRepos)

const BUILD = {
  'app/kustomization.yaml': 'namespace: web\nresources: [sa.yaml]\n',
  'app/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: orders\n',
}

describe('kubectl runs only when the user or the workflow says so, with the directory after --', () => {
  it('does not run kubectl when only the repository config asks for it, and says so at its line', () => {
    const kubectl = fakeTool('kubectl')
    const root = tempRepo({ ...BUILD, '.irsa-guard.yml': 'kustomize: render\n' })
    const run = runCliBundle(['.', '--fail-on', 'never'], root, {
      PATH: [kubectl.directory, process.env.PATH].join(path.delimiter),
    })
    expect(kubectl.calls()).toEqual([])
    expect(run.stdout).toBe(
      '.irsa-guard.yml:1:12: warning: kustomize: render is ignored: a config file in the scanned repository cannot make irsa-guard run kubectl; set the action input kustomize-render (CLI: --kustomize-render) to render builds [parse-error]\n',
    )
  })

  it('with --kustomize-render, gives kubectl its flags first and the build directory after --, with an empty PATH, a refusing proxy and nothing of the runner’s environment', () => {
    const kubectl = fakeTool('kubectl')
    const root = tempRepo(BUILD)
    runCliBundle(['.', '--fail-on', 'never', '--kustomize-render'], root, {
      PATH: [kubectl.directory, process.env.PATH].join(path.delimiter),
      GITHUB_TOKEN: 'ghs_secret',
    })
    expect(kubectl.calls()).toEqual([
      [
        'kustomize',
        '--enable-helm=false',
        '--enable-alpha-plugins=false',
        '--network=false',
        '--load-restrictor=LoadRestrictionsRootOnly',
        '--',
        path.join(root, 'app'),
      ],
    ])
    expect(kubectl.environments()).toEqual([
      'PATH=<scratch>/empty HOME=<scratch> HTTPS_PROXY=http://127.0.0.1:9 HELM_NO_PLUGINS= HELM_PLUGINS= GITHUB_TOKEN=',
    ])
  })
})
