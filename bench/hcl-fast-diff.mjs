#!/usr/bin/env node
/**
 * Not part of `npm run bench`: the fast HCL parser (src/sources/terraform/fast-parse.ts) against
 * tree-sitter on every `.tf` and `.tfvars` file under the given directories (every `--sample`-th
 * share of them when given): how many files and characters it takes, and every file where it
 * gives another HclFile than parseHcl (there must be none). With `--fuzz N`, also N random
 * one-character edits of those files (deterministic): each must be declined or read identically.
 * Exits 1 on a difference.
 *
 *   node bench/hcl-fast-diff.mjs [--sample 8000] [--fuzz 30000] DIR...
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
const sample = option('--sample')
const fuzz = option('--fuzz')
if (args.length === 0) {
  process.stderr.write('usage: node bench/hcl-fast-diff.mjs [--sample N] [--fuzz N] DIR...\n')
  process.exit(2)
}

const libDirectory = compileSources(path.join(repositoryRoot, '.bench', 'lib-hcl-fast'))
const lib = (relative) => import(pathToFileURL(path.join(libDirectory, relative)).href)
const { loadHclParser } = await lib('sources/terraform/loader.js')
const { parseHcl } = await lib('sources/terraform/parse.js')
const { fastParseHcl } = await lib('sources/terraform/fast-parse.js')
const parser = await loadHclParser()

const files = []
function walk(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name)
    if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules') walk(full)
    else if (entry.isFile() && /\.(tf|tfvars)$/.test(entry.name)) files.push(full)
  }
}
for (const directory of args) walk(path.resolve(directory))
files.sort()
const step = sample > 0 ? Math.max(1, Math.floor(files.length / sample)) : 1
const chosen = files.filter((_file, index) => index % step === 0)

let differences = 0
/** 'taken', 'declined', or 'different' (printed). */
function compare(name, text) {
  const fast = fastParseHcl(name, text)
  if (!fast) return 'declined'
  if (JSON.stringify(fast) === JSON.stringify(parseHcl(parser, name, text))) return 'taken'
  differences++
  if (differences <= 10) process.stdout.write(`DIFFERENT ${name}\n`)
  return 'different'
}

const counts = { files: chosen.length, taken: 0, characters: 0, takenCharacters: 0 }
const texts = []
for (const file of chosen) {
  const text = readFileSync(file, 'utf8')
  texts.push(text)
  counts.characters += text.length
  if (compare(file, text) === 'taken') {
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
    const outcome = compare(`edit-${edit}.tf`, edited)
    const error = parseHcl(parser, 'edit.tf', edited).error !== undefined
    if (error) edits.errors++
    if (outcome === 'declined') {
      edits.declined++
      if (error) edits.errorsDeclined++
    } else if (outcome === 'taken') edits.taken++
  }
  process.stdout.write(
    `${fuzz} one-character edits: ${edits.taken} taken and identical, ${edits.declined} declined ` +
      `(tree-sitter finds a syntax error in ${edits.errors}, all of them among the declined: ${edits.errors === edits.errorsDeclined})\n`,
  )
}
process.stdout.write(`${differences} differences\n`)
process.exit(differences === 0 ? 0 : 1)
