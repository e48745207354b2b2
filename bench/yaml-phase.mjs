#!/usr/bin/env node
/**
 * Not part of `npm run bench`: the CPU time of reading a repository's Kubernetes manifests
 * (readKubernetesFile, the YAML phase of a scan) with every document parsed by the yaml package
 * and with the YAML hybrid (the manifest sniff, js-yaml checking the documents it skips), on one
 * thread, alternating, median of --runs; also how many documents the hybrid left to js-yaml and
 * how many files it had to parse whole because js-yaml could not vouch for them. Fails when the
 * findings of one file differ between the two.
 *
 *   node bench/yaml-phase.mjs [--runs 3] <repository>...
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { compileSources, repositoryRoot } from './compile.mjs'

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', 'vendor', '.terraform', 'bower_components'])

const args = process.argv.slice(2)
const runsAt = args.indexOf('--runs')
const runs = runsAt === -1 ? 3 : Number(args[runsAt + 1])
const roots = args.filter((_arg, index) => index !== runsAt && index !== runsAt + 1)
if (roots.length === 0) {
  process.stderr.write('usage: node bench/yaml-phase.mjs [--runs 3] <repository>...\n')
  process.exit(2)
}

const libDirectory = compileSources(path.join(repositoryRoot, '.bench', 'lib-yaml-phase'))
const lib = (relative) => import(pathToFileURL(path.join(libDirectory, relative)).href)
const { classify, looksRelevantByName } = await lib('discover/classify.js')
const { decodeText } = await lib('discover/read.js')
const { readKubernetesFile } = await lib('sources/kubernetes/index.js')
const { splitManifest, keepParts } = await lib('sources/kubernetes/manifest-sniff.js')
const { fastYamlAccepts } = await lib('sources/shared/yaml-validate.js')

function manifests(root) {
  const files = []
  const walk = (directory, relative) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const entryRelative = relative === '' ? entry.name : `${relative}/${entry.name}`
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path.join(directory, entry.name), entryRelative)
      } else if (entry.isFile() && looksRelevantByName(entryRelative) && /\.ya?ml$/i.test(entry.name)) {
        const decoded = decodeText(entryRelative, readFileSync(path.join(directory, entry.name)))
        if (decoded.ok && classify(entryRelative, decoded.text) === 'kubernetes')
          files.push({ path: entryRelative, kind: 'kubernetes', text: decoded.text })
      }
    }
  }
  walk(path.resolve(root), '')
  return files
}

function cpuMilliseconds(read) {
  const start = process.cpuUsage()
  read()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

for (const root of roots) {
  const files = manifests(root)
  const counts = { files: files.length, documents: 0, skipped: 0, refused: 0 }
  for (const file of files) {
    const parts = splitManifest(file.text)
    counts.documents += parts ? parts.length : 1
    if (!parts || parts.every((part) => part.relevant)) continue
    if (!fastYamlAccepts(keepParts(file.text, parts, (part) => !part.relevant))) counts.refused += 1
    else counts.skipped += parts.filter((part) => !part.relevant).length
    const whole = JSON.stringify(readKubernetesFile(file, { sniff: false }).findings)
    if (JSON.stringify(readKubernetesFile(file, { sniff: true }).findings) !== whole)
      throw new Error(`${root}: ${file.path}: the findings differ with the hybrid`)
  }
  const yamlOnly = []
  const hybrid = []
  for (let run = 0; run < runs; run += 1) {
    yamlOnly.push(cpuMilliseconds(() => files.forEach((file) => readKubernetesFile(file, { sniff: false }))))
    hybrid.push(cpuMilliseconds(() => files.forEach((file) => readKubernetesFile(file, { sniff: true }))))
  }
  const [before, after] = [median(yamlOnly), median(hybrid)]
  process.stdout.write(
    `${root}: ${counts.files} manifests, ${counts.documents} parts; hybrid left ${counts.skipped} parts to js-yaml, ` +
      `parsed ${counts.refused} files whole; YAML phase CPU ${Math.round(before)} ms yaml only, ` +
      `${Math.round(after)} ms hybrid (${(after / before).toFixed(2)} ×)\n`,
  )
}
