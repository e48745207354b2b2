import { readRepository } from '../../../src/check.js'
import { defaultConfig } from '../../../src/config.js'
import { kustomizeSource } from '../../../src/sources/kustomize/index.js'
import { sourceContext, type SourceContext, type SourceFile } from '../../../src/sources/source.js'
import { removeTempRepos, tempRepo } from '../../discover/temp-repo.js'

/*
 * On several threads the Kustomize source makes its builds in parts (build roots, the builds that
 * load a common file together): merged, the parts must give exactly what making every build at
 * once gives, facts, findings and their order included.
 */

afterAll(removeTempRepos)

const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n'
const ROLE = 'arn:aws:iam::111122223333:role/'
const configMap = (name: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: b\n`
const serviceAccount = (name: string): string =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  annotations:\n    eks.amazonaws.com/role-arn: ${ROLE}${name}\n`

/** 80 plain builds between the ones that matter, so that they fall in different parts. */
function fillers(): Record<string, string> {
  const files: Record<string, string> = {}
  for (let index = 10; index < 90; index += 1) {
    const directory = `m${index}`
    files[`${directory}/kustomization.yaml`] = `${KUSTOMIZATION}namespace: n${index}\nresources:\n  - sa.yaml\n`
    files[`${directory}/sa.yaml`] = `${serviceAccount(`app${index}`)}---\n${configMap(`settings${index}`)}`
  }
  return files
}

const repository = (): string =>
  tempRepo({
    ...fillers(),
    // An incomplete build whose workload names a ServiceAccount it lacks is made again from every
    // document, which leaves shared/app.yaml parsed whole for the last build that loads it.
    'a-incomplete/kustomization.yaml': `${KUSTOMIZATION}resources:\n  - ../gone\n  - ../shared\n`,
    'shared/kustomization.yaml': `${KUSTOMIZATION}resources:\n  - app.yaml\n`,
    'shared/app.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      serviceAccountName: worker\n---\n${configMap('shared-settings')}`,
    'zz-complete/kustomization.yaml': `${KUSTOMIZATION}namespace: zz\nresources:\n  - ../shared\n`,
    // Listed missing by builds of different parts: one note, naming the other places.
    'b-lists-gone/kustomization.yaml': `${KUSTOMIZATION}resources:\n  - ../gone\n  - sa.yaml\n`,
    'b-lists-gone/sa.yaml': serviceAccount('b'),
    // An object some rule looks up by name beside a document the sniff leaves unread: the build is made again.
    'c-rebuild/kustomization.yaml': `${KUSTOMIZATION}resources:\n  - app.yaml\n`,
    'c-rebuild/app.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: c\n  annotations:\n    eks.amazonaws.com/role-arn: ${ROLE}c\n---\n${configMap('c-settings')}`,
    // A syntax error in a file one build reads.
    'y-broken/kustomization.yaml': `${KUSTOMIZATION}resources:\n  - sa.yaml\n`,
    'y-broken/sa.yaml': `${serviceAccount('y')}---\nkind: [\n`,
  })

async function kustomizeInput(root: string): Promise<{ files: SourceFile[]; context: SourceContext }> {
  const config = defaultConfig()
  const scanned = await readRepository(root, config)
  const files = scanned.files.filter((file) => file.kind === 'kustomization')
  return { files, context: sourceContext({ config, files: scanned.files, root, sniff: true }) }
}

function readInParts(files: SourceFile[], context: SourceContext, count: number): unknown {
  const parts = kustomizeSource.parts!
  // Through structured clone, as parts made on worker threads arrive.
  const results = Array.from({ length: count }, (_, part) => structuredClone(parts.read(files, context, part, count)))
  return JSON.parse(JSON.stringify(parts.merge(results, context)))
}

describe('the Kustomize source made in parts', () => {
  it.each([2, 3, 7, 40])('merges into what one reading gives, in %i parts', async (count) => {
    const { files, context } = await kustomizeInput(repository())
    const whole = JSON.parse(JSON.stringify(kustomizeSource.read(files, context)))
    // The cases above are all there: the shared file parsed whole, the note merged, the rebuild, the syntax error.
    const objects = whole.facts.objects.map((object: { kind: string; name: { value?: string } }) => object.name.value)
    expect(objects).toContain('shared-settings')
    expect(objects).toContain('c-settings')
    expect(objects).not.toContain('settings10')
    expect(whole.findings.map((finding: { message: string }) => finding.message)).toContain(
      '../gone does not exist (kustomize build fails), so the objects it would add are not checked; 1 other place lists it too',
    )
    expect(
      whole.findings.some((finding: { location: { path: string } }) => finding.location.path === 'y-broken/sa.yaml'),
    ).toBe(true)
    expect(readInParts(files, context, count)).toEqual(whole)
  })

  it('shares the builds out: every part makes some, none makes one twice', async () => {
    const { files, context } = await kustomizeInput(repository())
    const parts = kustomizeSource.parts!
    expect(parts.count(files, 3, context)).toBe(3)
    const roots = [0, 1, 2].map((part) =>
      (parts.read(files, context, part, 3) as { runs: { path: string }[] }).runs.map((run) => run.path),
    )
    for (const owned of roots) expect(owned.length).toBeGreaterThan(10)
    const all = roots.flat()
    expect(new Set(all).size).toBe(all.length)
    expect(all).toHaveLength(80 + 5)
    // The two builds that load shared/app.yaml are made by one part.
    expect(roots.filter((owned) => owned.includes('a-incomplete/kustomization.yaml'))).toEqual(
      roots.filter((owned) => owned.includes('zz-complete/kustomization.yaml')),
    )
  })

  it('is made whole on one thread, for few kustomizations, or when a Flux Kustomization decides the builds', async () => {
    const { files, context } = await kustomizeInput(repository())
    const parts = kustomizeSource.parts!
    expect(parts.count(files, 1, context)).toBe(1)
    expect(parts.count(files.slice(0, 39), 3, context)).toBe(1)
    const withFlux = await kustomizeInput(
      tempRepo({
        ...fillers(),
        'clusters/prod/apps.yaml':
          'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  path: ./m10\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n',
      }),
    )
    expect(parts.count(withFlux.files, 3, withFlux.context)).toBe(1)
    expect(readInParts(withFlux.files, withFlux.context, 3)).toEqual(
      JSON.parse(JSON.stringify(kustomizeSource.read(withFlux.files, withFlux.context))),
    )
  })
})
