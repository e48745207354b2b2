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
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { compileSources, repositoryRoot } from './compile.mjs'
import { compareEdits, compareFiles, filesUnder, parseArguments } from './fast-diff.mjs'

const { sample, fuzz, time, directories } = parseArguments(
  'node bench/yaml-fast-diff.mjs [--sample N] [--fuzz N] [--time] DIR...',
  ['--time'],
)

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

const chosen = filesUnder(directories, /\.ya?ml$/, sample)

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

const texts = compareFiles(chosen, compare)
if (fuzz > 0) compareEdits(texts, fuzz, 'yaml', 'the yaml package', compare)

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
