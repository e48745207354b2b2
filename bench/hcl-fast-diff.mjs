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
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { compileSources, repositoryRoot } from './compile.mjs'
import { compareEdits, compareFiles, filesUnder, parseArguments } from './fast-diff.mjs'

const { sample, fuzz, directories } = parseArguments('node bench/hcl-fast-diff.mjs [--sample N] [--fuzz N] DIR...')

const libDirectory = compileSources(path.join(repositoryRoot, '.bench', 'lib-hcl-fast'))
const lib = (relative) => import(pathToFileURL(path.join(libDirectory, relative)).href)
const { loadHclParser } = await lib('sources/terraform/loader.js')
const { parseHcl } = await lib('sources/terraform/parse.js')
const { fastParseHcl } = await lib('sources/terraform/fast-parse.js')
const parser = await loadHclParser()

const chosen = filesUnder(directories, /\.(tf|tfvars)$/, sample)

let differences = 0
/** `{ outcome: 'taken' | 'declined' | 'different' (printed), error }`; error: tree-sitter finds a syntax error. */
function compare(name, text) {
  const fast = fastParseHcl(name, text)
  const slow = parseHcl(parser, name, text)
  const error = slow.error !== undefined
  if (!fast) return { outcome: 'declined', error }
  if (JSON.stringify(fast) === JSON.stringify(slow)) return { outcome: 'taken', error }
  differences++
  if (differences <= 10) process.stdout.write(`DIFFERENT ${name}\n`)
  return { outcome: 'different', error }
}

const texts = compareFiles(chosen, compare)
if (fuzz > 0) compareEdits(texts, fuzz, 'tf', 'tree-sitter', compare)
process.stdout.write(`${differences} differences\n`)
process.exit(differences === 0 ? 0 : 1)
