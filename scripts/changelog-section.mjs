#!/usr/bin/env node
// Prints the body of one version's section of CHANGELOG.md (Keep a Changelog: `## [1.2.3] - 2026-01-31`),
// for the release notes: `node scripts/changelog-section.mjs 1.2.3 [CHANGELOG.md]`.
// Exits 1, saying why on stderr, when the section is missing or empty.
import { readFileSync } from 'node:fs'

const [version, file = 'CHANGELOG.md'] = process.argv.slice(2)
if (!version) {
  console.error('usage: changelog-section.mjs VERSION [CHANGELOG.md]')
  process.exit(2)
}
const lines = readFileSync(file, 'utf8').split(/\r?\n/)
const heading = (line) => /^## /.test(line)
const start = lines.findIndex(
  (line) =>
    heading(line) &&
    line
      .replace(/^##\s+/, '')
      .replace(/^\[([^\]]+)\].*$/, '$1')
      .replace(/\s+-\s+.*$/, '')
      .trim() === version,
)
if (start === -1) {
  console.error(`${file}: no "## [${version}]" section`)
  process.exit(1)
}
const end = lines.findIndex((line, index) => index > start && (heading(line) || /^\[[^\]]+\]:\s/.test(line)))
const body = lines
  .slice(start + 1, end === -1 ? undefined : end)
  .join('\n')
  .trim()
if (!body) {
  console.error(`${file}: the "## [${version}]" section is empty`)
  process.exit(1)
}
process.stdout.write(body + '\n')
