#!/usr/bin/env node
/**
 * The unavoidable part of a scan: walk the repository, read every file whose name irsa-guard
 * reads, and parse the ones it would parse with the same parsers and options (yaml's
 * parseAllDocuments, YAML 1.1, with a LineCounter; the project's JSON parser; the HCL parser when
 * a Terraform source is registered). No facts, no rules, no report. Single-threaded.
 *
 *   node bench/baseline.mjs <repository>      (run `node bench/run.mjs` once first, or it compiles src/)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { LineCounter, parseAllDocuments } from 'yaml'
import { compileSources, libDirectory } from './compile.mjs'

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', 'vendor', '.terraform', 'bower_components'])

async function main(root) {
  if (!existsSync(path.join(libDirectory, 'check.js'))) compileSources()
  const lib = (relative) => import(pathToFileURL(path.join(libDirectory, relative)).href)
  const { classify, looksRelevantByName } = await lib('discover/classify.js')
  const { decodeText } = await lib('discover/read.js')
  const { parseJsonTree } = await lib('sources/shared/json-tree.js')
  const { allSources } = await lib('sources/index.js')
  const parsedKinds = new Set(allSources.flatMap((source) => source.kinds))
  let hclParser
  if (parsedKinds.has('terraform')) {
    const { loadHclParser } = await lib('sources/terraform/loader.js')
    hclParser = await loadHclParser()
  }

  const summary = { filesSeen: 0, filesRead: 0, bytes: 0, yamlDocuments: 0, jsonFiles: 0, hclFiles: 0 }
  const walk = (directory, relative) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const entryRelative = relative === '' ? entry.name : `${relative}/${entry.name}`
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path.join(directory, entry.name), entryRelative)
        continue
      }
      if (!entry.isFile()) continue
      summary.filesSeen += 1
      if (!looksRelevantByName(entryRelative)) continue
      const bytes = readFileSync(path.join(directory, entry.name))
      summary.filesRead += 1
      summary.bytes += bytes.length
      const decoded = decodeText(entryRelative, bytes)
      if (!decoded.ok) continue
      const kind = classify(entryRelative, decoded.text)
      if (!parsedKinds.has(kind)) continue
      if (kind === 'terraform' && hclParser) {
        hclParser.parse(decoded.text).delete()
        summary.hclFiles += 1
      } else if (/\.ya?ml$/i.test(entryRelative)) {
        summary.yamlDocuments += parseAllDocuments(decoded.text, {
          lineCounter: new LineCounter(),
          version: '1.1',
          prettyErrors: false,
          uniqueKeys: false,
          strict: false,
        }).length
      } else if (/\.json$/i.test(entryRelative)) {
        parseJsonTree(entryRelative, decoded.text)
        summary.jsonFiles += 1
      }
    }
  }
  walk(path.resolve(root), '')
  process.stdout.write(`${JSON.stringify(summary)}\n`)
}

const root = process.argv[2]
if (!root) {
  process.stderr.write('usage: node bench/baseline.mjs <repository>\n')
  process.exit(2)
}
await main(root)
