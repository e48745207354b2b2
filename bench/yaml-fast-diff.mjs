#!/usr/bin/env node
/**
 * Not part of `npm run bench`: the fast YAML parser (src/sources/shared/yaml-fast.ts) against the
 * yaml package path of parseYamlTree (useYamlFastPath(false)) on every `.yaml` and `.yml` file
 * under the given directories (every `--sample`-th share of them when given), for YAML 1.1 and
 * 1.2: how many files and characters it takes, and every file where it gives other documents than
 * parseYamlTree (there must be none). With `--fuzz N`, also N random one-character edits of those
 * files (deterministic): each must be declined or read identically. With `--time`, the CPU time
 * of both parsers over the files. Exits 1 on a difference.
 *
 *   node bench/yaml-fast-diff.mjs [--sample 8000] [--fuzz 30000] [--time] DIR...
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { compileSources, repositoryRoot } from './compile.mjs'

const args = process.argv.slice(2)
const option = (name) => {
  const at = args.indexOf(name)
  if (at === -1) return 0
  const value = Number(args[at + 1])
  args.splice(at, 2)
  return value
}
const flag = (name) => {
  const at = args.indexOf(name)
  if (at === -1) return false
  args.splice(at, 1)
  return true
}
const sample = option('--sample')
const fuzz = option('--fuzz')
const time = flag('--time')
if (args.length === 0) {
  process.stderr.write('usage: node bench/yaml-fast-diff.mjs [--sample N] [--fuzz N] [--time] DIR...\n')
  process.exit(2)
}

const libDirectory = compileSources(path.join(repositoryRoot, '.bench', 'lib-yaml-fast'))
const lib = (relative) => import(pathToFileURL(path.join(libDirectory, relative)).href)
const { parseYamlTree, useYamlFastPath } = await lib('sources/shared/yaml-tree.js')
const { fastYamlDocuments } = await lib('sources/shared/yaml-fast.js')

/** parseYamlTree without the fast path. */
function slowTree(name, text, version) {
  useYamlFastPath(false)
  try {
    return parseYamlTree(name, text, { version })
  } finally {
    useYamlFastPath(true)
  }
}

const files = []
function walk(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name)
    if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules') walk(full)
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(full)
  }
}
for (const directory of args) walk(path.resolve(directory))
files.sort()
const step = sample > 0 ? Math.max(1, Math.floor(files.length / sample)) : 1
const chosen = files.filter((_file, index) => index % step === 0)

let differences = 0
/** 'taken', 'declined', or 'different' (printed); `error` when the yaml package reports a finding. */
function compare(name, text) {
  let outcome = 'taken'
  let error = false
  for (const version of ['1.1', '1.2']) {
    const fast = fastYamlDocuments(name, text, version)
    const slow = slowTree(name, text, version)
    if (slow.findings.length > 0) error = true
    if (!fast) {
      outcome = 'declined'
      continue
    }
    if (slow.findings.length === 0 && JSON.stringify(fast) === JSON.stringify(slow.documents)) continue
    differences++
    if (differences <= 10) process.stdout.write(`DIFFERENT (${version}) ${name}\n`)
    return { outcome: 'different', error }
  }
  return { outcome, error }
}

const counts = { files: chosen.length, taken: 0, characters: 0, takenCharacters: 0 }
const texts = []
for (const file of chosen) {
  const text = readFileSync(file, 'utf8')
  texts.push(text)
  counts.characters += text.length
  if (compare(file, text).outcome === 'taken') {
    counts.taken++
    counts.takenCharacters += text.length
  }
}
process.stdout.write(
  `${counts.files} files: the fast parser takes ${counts.taken} (${((100 * counts.taken) / counts.files).toFixed(1)}%), ` +
    `${((100 * counts.takenCharacters) / counts.characters).toFixed(1)}% of ${(counts.characters / 1e6).toFixed(2)} M characters\n`,
)

if (fuzz > 0) {
  let state = 12345
  const random = (limit) => {
    state = (state * 1103515245 + 12345) % 2147483648
    return Math.floor((state / 2147483648) * limit)
  }
  const characters = '{}[]()"$%#/*\n =.,:?!<>-~\\a1_\'`\t\r&|;@^0x'
  const edits = { taken: 0, declined: 0, errors: 0, errorsDeclined: 0 }
  const candidates = texts.filter((text) => text.length > 0 && text.length < 200_000)
  for (let edit = 0; edit < fuzz; edit++) {
    const text = candidates[random(candidates.length)]
    const at = random(text.length)
    const character = characters[random(characters.length)]
    const kind = random(3)
    const edited =
      kind === 0
        ? text.slice(0, at) + text.slice(at + 1)
        : text.slice(0, at) + character + text.slice(at + (kind === 1 ? 0 : 1))
    const { outcome, error } = compare(`edit-${edit}.yaml`, edited)
    if (error) edits.errors++
    if (outcome === 'declined') {
      edits.declined++
      if (error) edits.errorsDeclined++
    } else if (outcome === 'taken') edits.taken++
  }
  process.stdout.write(
    `${fuzz} one-character edits: ${edits.taken} taken and identical, ${edits.declined} declined ` +
      `(the yaml package reports an error in ${edits.errors}, all of them among the declined: ${edits.errors === edits.errorsDeclined})\n`,
  )
}

if (time) {
  const cpu = (action) => {
    const before = process.cpuUsage()
    action()
    const used = process.cpuUsage(before)
    return (used.user + used.system) / 1000
  }
  for (let round = 0; round < 2; round++) {
    const slow = cpu(() => {
      for (const text of texts) slowTree('x.yaml', text, '1.1')
    })
    const fast = cpu(() => {
      for (const text of texts) parseYamlTree('x.yaml', text, { version: '1.1' })
    })
    const alone = cpu(() => {
      for (const text of texts) fastYamlDocuments('x.yaml', text, '1.1')
    })
    process.stdout.write(
      `round ${round + 1}: parseYamlTree ${slow.toFixed(0)} ms CPU with the yaml package only, ` +
        `${fast.toFixed(0)} ms with the fast path (the fast parser alone, declines included: ${alone.toFixed(0)} ms)\n`,
    )
  }
}
process.stdout.write(`${differences} differences\n`)
process.exit(differences === 0 ? 0 : 1)
