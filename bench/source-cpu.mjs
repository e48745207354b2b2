#!/usr/bin/env node
/**
 * Not part of `npm run bench`: the CPU time of each source's `read` over a repository, on one
 * thread, in registry order (each source gets the files the ones before it did not consume, as
 * readPreparedSources gives them), from src/ as it is. Optionally a CPU profile of some sources
 * (written to DIR/<repository>-<source>.cpuprofile) and a stop after one source.
 *
 *   node bench/source-cpu.mjs [--runs 3] [--stop-after helm] [--profile helm,kustomize --profile-dir DIR] <repository>
 */
import { writeFileSync } from 'node:fs'
import inspector from 'node:inspector'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { compileSources, repositoryRoot } from './compile.mjs'

const args = process.argv.slice(2)
const option = (name) => {
  const at = args.indexOf(name)
  if (at === -1) return undefined
  const value = args[at + 1]
  args.splice(at, 2)
  return value
}
const runs = Number(option('--runs') ?? 1)
const stopAfter = option('--stop-after')
const profiled = new Set((option('--profile') ?? '').split(',').filter((name) => name !== ''))
const profileDirectory = option('--profile-dir') ?? '.'
const [root] = args
if (root === undefined) {
  process.stderr.write(
    'usage: node bench/source-cpu.mjs [--runs N] [--stop-after SOURCE] [--profile A,B --profile-dir DIR] <repository>\n',
  )
  process.exit(2)
}

const libDirectory = compileSources(path.join(repositoryRoot, '.bench', 'lib-source-cpu'))
const lib = (relative) => import(pathToFileURL(path.join(libDirectory, relative)).href)
const { readRepository } = await lib('check.js')
const { defaultConfig } = await lib('config.js')
const { prepareSources } = await lib('run-sources.js')
const { groupByKind, inputOf } = await lib('source-inputs.js')
const { allSources } = await lib('sources/index.js')
const { sourceContext } = await lib('sources/source.js')

const config = defaultConfig()
const absoluteRoot = path.resolve(root)
const scanned = await readRepository(absoluteRoot, config)
await prepareSources(scanned.files)

const session = new inspector.Session()
session.connect()
const post = (method, parameters = {}) =>
  new Promise((resolve, reject) =>
    session.post(method, parameters, (error, result) => (error ? reject(error) : resolve(result))),
  )
if (profiled.size > 0) await post('Profiler.enable')

/** Milliseconds of CPU per source, one entry per run. */
const times = new Map()
for (let run = 0; run < runs; run += 1) {
  const context = sourceContext({ config, files: scanned.files, root: absoluteRoot, sniff: true, hclFilter: true })
  const byKind = groupByKind(scanned.files)
  const consumed = new Set()
  for (const source of allSources) {
    const input = inputOf(source, byKind, consumed)
    if (input.length === 0) continue
    const profile = profiled.has(source.name) && run === runs - 1
    if (profile) await post('Profiler.start')
    const start = process.cpuUsage()
    const result = source.read(input, context)
    const used = process.cpuUsage(start)
    if (profile) {
      const { profile: written } = await post('Profiler.stop')
      const file = path.join(profileDirectory, `${path.basename(absoluteRoot)}-${source.name}.cpuprofile`)
      writeFileSync(file, JSON.stringify(written))
    }
    const list = times.get(source.name) ?? []
    list.push((used.user + used.system) / 1000)
    times.set(source.name, list)
    for (const file of result.consumedFiles ?? []) consumed.add(file)
    if (source.name === stopAfter) break
  }
}
for (const [name, list] of times) {
  const sorted = [...list].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]
  process.stdout.write(
    `${name.padEnd(16)} ${list.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}; median ${median.toFixed(0)} ms\n`,
  )
}
