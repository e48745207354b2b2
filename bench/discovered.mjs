#!/usr/bin/env node
/**
 * Prints the files discovery finds (and its notes) in the bench repositories under several
 * include/exclude settings, one path a line: run it before and after a change to discovery and
 * compare the outputs byte for byte.
 *
 *   node bench/discovered.mjs [--sizes 1k,10k] [--lib .bench/lib-x] > before.txt
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { compileSources, repositoryRoot } from './compile.mjs'
import { writeRepository } from './generate.mjs'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
const sizes = option('--sizes', '1k,10k').split(',')
const lib = path.resolve(option('--lib', path.join(repositoryRoot, '.bench', 'lib-discovered')))
compileSources(lib)
const { discover } = await import(pathToFileURL(path.join(lib, 'discover', 'discover.js')).href)
const { DEFAULT_FIXTURE_DIRECTORIES } = await import(pathToFileURL(path.join(lib, 'config.js')).href)

/** Extra `.gitignore` files with the harder rules (negation, anchoring, `**`, classes, directory-only). */
const GITIGNORES = {
  '.gitignore':
    '*.pyc\n__pycache__/\n.terraform/\n*.tfstate\n/infra/live/prod/**/versions.tf\n!infra/live/prod/*/network/versions.tf\n',
  'apps/.gitignore': '# generated\n*-values-[0-9].yaml\n**/tmp/\nkustomization.yaml\n!payments/**/kustomization.yaml\n',
  'infra/.gitignore': 'modules/*/outputs.tf\n\\#*\n*.tf.json\n',
}

const SETTINGS = [
  { name: 'default', include: [], exclude: [] },
  { name: 'include-yaml', include: ['**/*.yaml', 'infra/**/*.tf'], exclude: [] },
  { name: 'include-dir', include: ['apps', 'infra/live/'], exclude: ['**/*-values.yaml', 'apps/{payments,search}/**'] },
  { name: 'exclude', include: [], exclude: ['infra/modules', '**/staging/**', '*.json', 'apps/*/base/'] },
  { name: 'classes', include: ['apps/[a-m]*/**', 'infra/live/?ev/**/*.tf'], exclude: ['**/[!d]*.yml'] },
]

for (const size of sizes) {
  const files = Math.round(Number(size.replace(/k$/i, '')) * (/k$/i.test(size) ? 1000 : 1))
  const directory = path.join(repositoryRoot, '.bench', `discovered-${size}`)
  if (!existsSync(directory)) {
    writeRepository(directory, files, 1)
    for (const [file, text] of Object.entries(GITIGNORES)) {
      mkdirSync(path.dirname(path.join(directory, file)), { recursive: true })
      writeFileSync(path.join(directory, file), text)
    }
  }
  for (const setting of SETTINGS) {
    for (const respectGitignore of [true, false]) {
      const started = process.hrtime.bigint()
      const result = await discover(directory, {
        include: setting.include,
        exclude: setting.exclude,
        maxFileBytes: 1048576,
        skipDirectories: DEFAULT_FIXTURE_DIRECTORIES,
        respectGitignore,
      })
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      process.stderr.write(
        `${size} ${setting.name} gitignore=${respectGitignore}: ${result.candidates.length} files in ${ms.toFixed(1)} ms\n`,
      )
      process.stdout.write(`## ${size} ${setting.name} gitignore=${respectGitignore} (${result.candidates.length})\n`)
      for (const candidate of result.candidates) process.stdout.write(`${candidate.path}\n`)
      for (const finding of result.findings) process.stdout.write(`note ${finding.location.path}: ${finding.message}\n`)
    }
  }
}
