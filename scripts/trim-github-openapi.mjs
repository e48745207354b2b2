#!/usr/bin/env node
// Writes test/github/api.github.com.trimmed.json: the operations of GitHub's REST description that the
// fake GitHub server (test/github/fake-github.ts) checks requests against, with every component they
// reference. The full description ships in @octokit/openapi (hundreds of MB unpacked); this script
// reads it once from the npm registry when run by hand (`node scripts/trim-github-openapi.mjs`), so
// the tests need neither the package nor the network. To let the fake server accept another
// operation, add its operationId to OPERATIONS and run the script again.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PACKAGE = '@octokit/openapi@23.0.2'
const SPEC_IN_PACKAGE = 'package/generated/api.github.com.json'
const OUTPUT = new URL('../test/github/api.github.com.trimmed.json', import.meta.url)

/** Every operation a test, or the action under test, may call. */
const OPERATIONS = new Set([
  'checks/create',
  'checks/update',
  'checks/get',
  'checks/list-annotations',
  'checks/list-for-ref',
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'issues/get-comment',
  'pulls/get',
  'pulls/list-files',
  'pulls/list-review-comments',
  'pulls/create-review-comment',
  'pulls/update-review-comment',
  'pulls/delete-review-comment',
  'pulls/get-review-comment',
  'pulls/list-reviews',
  'pulls/create-review',
  'pulls/submit-review',
  'pulls/dismiss-review',
  'repos/get',
  'repos/get-commit',
  'repos/get-content',
])

/** Only requests are checked: responses and examples are left out. */
const OPERATION_FIELDS = ['operationId', 'summary', 'parameters', 'requestBody']

function readFullDescription() {
  const directory = mkdtempSync(join(tmpdir(), 'github-openapi-'))
  try {
    execFileSync('npm', ['pack', PACKAGE, '--pack-destination', directory, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    })
    const tarball = readdirSync(directory).find((name) => name.endsWith('.tgz'))
    execFileSync('tar', ['-xzf', join(directory, tarball), '-C', directory, SPEC_IN_PACKAGE])
    return JSON.parse(readFileSync(join(directory, SPEC_IN_PACKAGE), 'utf8'))
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

/** Every `#/components/<kind>/<name>` reference reachable from `value`, followed through the components. */
function referencedComponents(spec, roots) {
  const found = new Set()
  const pending = [...roots]
  while (pending.length > 0) {
    const value = pending.pop()
    if (Array.isArray(value)) pending.push(...value)
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/') && !found.has(child)) {
          found.add(child)
          const [, , kind, name] = child.split('/')
          pending.push(spec.components[kind][name])
        } else pending.push(child)
      }
    }
  }
  return found
}

const spec = readFullDescription()
const paths = {}
for (const [template, item] of Object.entries(spec.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    if (!OPERATIONS.has(operation?.operationId)) continue
    paths[template] ??= {}
    paths[template][method] = Object.fromEntries(
      OPERATION_FIELDS.filter((field) => field in operation).map((field) => [field, operation[field]]),
    )
  }
}
const missing = [...OPERATIONS].filter(
  (id) => !Object.values(paths).some((item) => Object.values(item).some((operation) => operation.operationId === id)),
)
if (missing.length > 0) throw new Error(`not in ${PACKAGE}: ${missing.join(', ')}`)

const components = {}
for (const reference of [...referencedComponents(spec, Object.values(paths))].sort()) {
  const [, , kind, name] = reference.split('/')
  components[kind] ??= {}
  components[kind][name] = spec.components[kind][name]
}
const trimmed = {
  openapi: spec.openapi,
  info: {
    ...spec.info,
    description: `Trimmed by scripts/trim-github-openapi.mjs from ${PACKAGE}: ${OPERATIONS.size} operations, requests only.`,
  },
  paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : 1))),
  components,
}
writeFileSync(OUTPUT, JSON.stringify(trimmed, null, 1) + '\n')
console.log(`wrote ${OUTPUT.pathname}: ${Object.keys(trimmed.paths).length} paths`)
