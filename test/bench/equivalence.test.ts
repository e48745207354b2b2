import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { repositoryRoot } from '../helpers.js'

/*
 * Worker threads cannot load TypeScript, so this test transpiles src/ to JavaScript (as the
 * benchmark's baseline does) and runs that build's engine on a generated repository: once on one
 * thread, once with workers. Everything the engine reports must be the same.
 */

const lib = path.join(repositoryRoot, '.bench', `equivalence-lib-${process.pid}`)
let repository: string

/* eslint-disable @typescript-eslint/no-explicit-any */
async function load(relative: string): Promise<any> {
  return import(pathToFileURL(path.join(repositoryRoot, relative)).href)
}

async function compiled(relative: string): Promise<any> {
  return import(pathToFileURL(path.join(lib, relative)).href)
}

/** A kustomization that builds a ServiceAccount and takes in an IAM trust policy as a resource: the sources after it lose that file. */
function addConsumingKustomization(root: string): void {
  const directory = path.join(root, 'platform', 'bundle')
  mkdirSync(directory, { recursive: true })
  writeFileSync(
    path.join(directory, 'kustomization.yaml'),
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: bundle\nresources:\n  - sa.yaml\n  - bundle-app-trust.json\n',
  )
  writeFileSync(
    path.join(directory, 'sa.yaml'),
    'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::210987654321:role/bundle-app\n',
  )
  writeFileSync(
    path.join(directory, 'bundle-app-trust.json'),
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            Federated:
              'arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789',
          },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              'oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789ABCDEF0123456789:sub':
                'system:serviceaccount:bundle:other',
            },
          },
        },
      ],
    }),
  )
}

/**
 * Where two values first differ (`undefined` when they do not), looking at what deep equality
 * across realms would miss too: the constructor name of every object, its keys in order, and keys
 * whose value is undefined. (Objects a worker sends are built in Node's realm, jest's own in its
 * sandbox realm, so their prototypes are never the same objects.) A path, not a diff: a diff of
 * thousands of facts takes jest minutes to print.
 */
function firstDifference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return Object.is(a, b) ? undefined : `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`
  }
  const typeOf = (value: object): string => Object.getPrototypeOf(value)?.constructor?.name ?? 'null-prototype'
  if (typeOf(a) !== typeOf(b)) return `${at}: a ${typeOf(a)} ≠ a ${typeOf(b)}`
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.join('\0') !== keysB.join('\0')) return `${at}: keys ${keysA.join(',')} ≠ ${keysB.join(',')}`
  for (const key of keysA) {
    const difference = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${at}.${key}`,
    )
    if (difference) return difference
  }
  return undefined
}

beforeAll(async () => {
  const { compileSources } = await load('bench/compile.mjs')
  const { writeRepository } = await load('bench/generate.mjs')
  compileSources(lib)
  repository = mkdtempSync(path.join(tmpdir(), 'irsa-guard-equivalence-'))
  // Large enough that the Kubernetes source's files are split into several chunks.
  writeRepository(repository, 3000, 3)
  addConsumingKustomization(repository)
}, 120_000)

afterAll(() => {
  rmSync(lib, { recursive: true, force: true })
  if (repository) rmSync(repository, { recursive: true, force: true })
})

describe('worker threads', () => {
  it('find exactly what one thread finds on a generated repository', async () => {
    const { check } = await compiled('check.js')
    const single = await check({ root: repository, workers: 0 })
    const parallel = await check({ root: repository, workers: 2 })
    expect(single.findings.length).toBeGreaterThanOrEqual(5)
    expect(new Set(single.findings.map((finding: { ruleId: string }) => finding.ruleId)).size).toBeGreaterThanOrEqual(3)
    // Objects read (the sniff leaves the documents without IRSA content unread): enough for several chunks.
    expect(single.graph.facts.objects.length).toBeGreaterThan(500)
    expect(firstDifference(parallel.findings, single.findings)).toBeUndefined()
    expect(firstDifference(parallel.scan, single.scan)).toBeUndefined()
    expect(firstDifference(parallel.graph.facts, single.graph.facts)).toBeUndefined()
  }, 120_000)

  it('do part of the work, and the sources read what they read on one thread, in the same order', async () => {
    const { readRepository } = await compiled('check.js')
    const { readSources, readSourcesWithWorkers, startSourceWorkers } = await compiled('run-sources.js')
    const { defaultConfig } = await compiled('config.js')
    const config = defaultConfig()
    const { files } = await readRepository(repository, config)
    const single = await readSources(files, { config, root: repository })
    // Ready before the first task is offered: this thread alone may read faster than a worker starts.
    const workers = startSourceWorkers(1, { config, root: repository })
    await workers.ready
    const parallel = await readSourcesWithWorkers(files, { config, root: repository }, workers).finally(() =>
      workers.close(),
    )
    expect(parallel.workerTasks).toBeGreaterThan(0)
    const names = (runs: { source: { name: string } }[]): string[] => runs.map((run) => run.source.name)
    expect(names(parallel.runs)).toEqual(names(single))
    expect(names(single)).toEqual(expect.arrayContaining(['kustomize', 'kubernetes', 'iam-json', 'terraform']))
    for (const [index, run] of single.entries())
      expect(firstDifference(parallel.runs[index].result, run.result, run.source.name)).toBeUndefined()
    // The kustomization takes the trust policy in, so a later source run ahead of it on a worker must give way.
    const kustomize = single.find((run: { source: { name: string } }) => run.source.name === 'kustomize')
    expect(kustomize.result.consumedFiles).toContain('platform/bundle/bundle-app-trust.json')
  }, 120_000)
})
