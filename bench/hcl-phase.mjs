#!/usr/bin/env node
/**
 * Not part of `npm run bench`: the CPU time of the Terraform source (parsing and evaluating every
 * module, the HCL phase of a scan) with every block parsed whole and with the block filter (the
 * bodies of the resource and data blocks nothing reads cut before tree-sitter parses), on one
 * thread, alternating, median of --runs; also how many `.tf` files and bodies the filter cut, and
 * the parse alone (the filter's scan, tree-sitter and the tree reader) of the same texts. Then the
 * same with the fast parser of the HCL subset tried before tree-sitter (terraform/fast-parse.ts, on
 * by default), and how many files and characters it took. Fails when the Terraform source's result
 * differs between any two.
 *
 *   node bench/hcl-phase.mjs [--runs 3] <repository>...
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { compileSources, repositoryRoot } from './compile.mjs'

const args = process.argv.slice(2)
const runsAt = args.indexOf('--runs')
const runs = runsAt === -1 ? 3 : Number(args[runsAt + 1])
const roots = args.filter((_arg, index) => index !== runsAt && index !== runsAt + 1)
if (roots.length === 0) {
  process.stderr.write('usage: node bench/hcl-phase.mjs [--runs 3] <repository>...\n')
  process.exit(2)
}

const libDirectory = compileSources(path.join(repositoryRoot, '.bench', 'lib-hcl-phase'))
const lib = (relative) => import(pathToFileURL(path.join(libDirectory, relative)).href)
const { readRepository } = await lib('check.js')
const { defaultConfig } = await lib('config.js')
const { sourceContext } = await lib('sources/source.js')
const { terraformSource } = await lib('sources/terraform/index.js')
const { loadHclParser } = await lib('sources/terraform/loader.js')
const { parseHcl, parseHclFile } = await lib('sources/terraform/parse.js')
const { fastParseHcl } = await lib('sources/terraform/fast-parse.js')
const { filterModule, parseBlanked } = await lib('sources/terraform/block-filter.js')

function cpuMilliseconds(run) {
  const start = process.cpuUsage()
  run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const config = defaultConfig()
const parser = await loadHclParser()
for (const root of roots) {
  const scanned = await readRepository(path.resolve(root), config)
  const input = scanned.files.filter((file) => file.kind === 'terraform' || file.kind === 'terraform-vars')
  const read = (hclFilter, hclFast = false) =>
    terraformSource.read(
      input,
      sourceContext({ config, files: scanned.files, root: path.resolve(root), hclFilter, hclFast }),
    )
  const reference = JSON.stringify(read(false))
  if (JSON.stringify(read(true)) !== reference)
    throw new Error(`${root}: the Terraform source's result differs with the block filter`)
  if (JSON.stringify(read(true, true)) !== reference || JSON.stringify(read(false, true)) !== reference)
    throw new Error(`${root}: the Terraform source's result differs with the fast parser`)

  const byDirectory = new Map()
  for (const file of input.filter((each) => each.kind === 'terraform')) {
    const directory = path.posix.dirname(file.path)
    byDirectory.set(directory, [...(byDirectory.get(directory) ?? []), file])
  }
  const counts = { files: 0, chars: 0, filesCut: 0, bodiesCut: 0, charsLeft: 0, fastFiles: 0, fastChars: 0 }
  for (const files of byDirectory.values()) {
    const filtered = filterModule(files) ?? []
    files.forEach((file, index) => {
      counts.files += 1
      counts.chars += file.text.length
      if (fastParseHcl(file.path, file.text)) {
        counts.fastFiles += 1
        counts.fastChars += file.text.length
      }
      const blanked = filtered[index]
      if (blanked) {
        counts.filesCut += 1
        counts.bodiesCut += blanked.blanked.size
        counts.charsLeft += blanked.text.length
      } else counts.charsLeft += file.text.length
    })
  }
  const terraformFiles = [...byDirectory.values()].flat()
  const whole = []
  const filtered = []
  const parseWhole = []
  const parseFiltered = []
  const fast = []
  const fastWhole = []
  const parseFast = []
  for (let run = 0; run < runs; run += 1) {
    whole.push(cpuMilliseconds(() => read(false)))
    filtered.push(cpuMilliseconds(() => read(true)))
    parseWhole.push(cpuMilliseconds(() => terraformFiles.forEach((file) => parseHcl(parser, file.path, file.text))))
    parseFiltered.push(
      cpuMilliseconds(() => {
        for (const files of byDirectory.values()) {
          const blankedFiles = filterModule(files)
          files.forEach((file, index) => {
            const blanked = blankedFiles?.[index]
            if (!(blanked && parseBlanked(parser, file, blanked))) parseHcl(parser, file.path, file.text)
          })
        }
      }),
    )
    fast.push(cpuMilliseconds(() => read(true, true)))
    fastWhole.push(cpuMilliseconds(() => read(false, true)))
    parseFast.push(
      cpuMilliseconds(() => {
        for (const files of byDirectory.values()) {
          const blankedFiles = filterModule(files)
          files.forEach((file, index) => {
            const blanked = blankedFiles?.[index]
            if (!(blanked && parseBlanked(parser, file, blanked, true)))
              parseHclFile(parser, file.path, file.text, { fast: true })
          })
        }
      }),
    )
  }
  const ratio = (a, b) => (median(a) / median(b)).toFixed(2)
  process.stdout.write(
    `${root}: ${counts.files} .tf files (${counts.filesCut} cut, ${counts.bodiesCut} bodies), ` +
      `${(counts.chars / 1e6).toFixed(2)} M characters, ${(counts.charsLeft / 1e6).toFixed(2)} M left to parse\n` +
      `  Terraform source CPU, median of ${runs}: whole ${median(whole).toFixed(0)} ms, filtered ${median(filtered).toFixed(0)} ms (${ratio(filtered, whole)})\n` +
      `  parse alone (scan, tree-sitter, tree reader): whole ${median(parseWhole).toFixed(0)} ms, filtered ${median(parseFiltered).toFixed(0)} ms (${ratio(parseFiltered, parseWhole)})\n` +
      `  fast parser: takes ${counts.fastFiles} of ${counts.files} files (${((100 * counts.fastChars) / counts.chars).toFixed(1)}% of characters); ` +
      `Terraform source CPU filtered + fast ${median(fast).toFixed(0)} ms (${ratio(fast, filtered)} of filtered), whole + fast ${median(fastWhole).toFixed(0)} ms, ` +
      `parse filtered + fast ${median(parseFast).toFixed(0)} ms (${ratio(parseFast, parseFiltered)})\n`,
  )
}
