import { parse as parseToml, TomlError } from 'smol-toml'
import type { SdkDependency } from '../../model/facts.js'
import { child, scalarText } from '../../model/tree.js'
import { emptyResult, type SourceFile, type SourceResult } from '../source.js'
import { readJsonDependencies, sdkDependency, unreadable } from './dependency.js'
import { pythonSdk } from './sdk-packages.js'
import { TextLocations } from './text-location.js'
import { exactRange, pep440Range, poetryRange } from './versions.js'

/** A PEP 508 requirement: name, extras, then a specifier set up to the markers (`;`), a URL (`@`) making it unknown. */
const REQUIREMENT = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;#]*)/

function requirement(text: string): { name: string; specifiers: string } | undefined {
  const match = REQUIREMENT.exec(text)
  if (!match) return undefined
  return { name: match[1] ?? '', specifiers: (match[2] ?? '').trim() }
}

function specifierRange(specifiers: string): string | undefined {
  if (specifiers.startsWith('@')) return undefined
  return pep440Range(specifiers.replace(/^\((.*)\)$/, '$1'))
}

/** requirements*.txt: one requirement a line; options (`-r`, `--hash`) and comments skipped. */
export function readRequirements(file: SourceFile): SourceResult {
  const result = emptyResult()
  const dependencies: SdkDependency[] = []
  file.text.split('\n').forEach((line, index) => {
    const text = line.replace(/(^|\s)#.*$/, '').replace(/\s(--\S.*|\\)\s*$/, '')
    if (/^\s*-/.test(text)) return
    const parsed = requirement(text)
    const sdk = parsed && pythonSdk(parsed.name)
    if (!parsed || !sdk) return
    const column = line.indexOf(parsed.name) + 1
    dependencies.push(
      sdkDependency(
        sdk,
        parsed.name,
        parsed.specifiers || '(any version)',
        specifierRange(parsed.specifiers),
        { path: file.path, line: index + 1, column },
        'python',
        false,
      ),
    )
  })
  if (dependencies.length > 0) result.facts.sdkDependencies = dependencies
  return result
}

/** poetry.lock and uv.lock: `[[package]]` tables with `name` and `version` (Poetry before 1.2 marks dev-only ones `category = "dev"`). */
export function readTomlLock(file: SourceFile): SourceResult {
  const result = emptyResult()
  const document = parseTomlFile(file, result)
  if (!document) return result
  const locations = new TextLocations(file.path, file.text)
  const dependencies: SdkDependency[] = []
  const packages = Array.isArray(document['package']) ? (document['package'] as unknown[]) : []
  for (const entry of packages) {
    if (typeof entry !== 'object' || entry === null) continue
    const { name, version, category } = entry as Record<string, unknown>
    if (typeof name !== 'string' || typeof version !== 'string' || category === 'dev') continue
    const sdk = pythonSdk(name)
    if (!sdk) continue
    const location = locations.of(file.text, `name = "${name}"`)
    dependencies.push(sdkDependency(sdk, name, version, exactRange(version), location, 'python', true))
  }
  if (dependencies.length > 0) result.facts.sdkDependencies = dependencies
  return result
}

/** Pipfile.lock: the `default` packages (not `develop`), each `{"version": "==1.9.0"}`. */
export function readPipfileLock(file: SourceFile): SourceResult {
  return readJsonDependencies(file, (root) => {
    const dependencies: SdkDependency[] = []
    const packages = child(root, 'default')
    if (packages?.kind === 'object')
      for (const entry of packages.entries) {
        const sdk = pythonSdk(entry.key)
        const version = scalarText(child(entry.value, 'version'))
        if (!sdk || version === undefined) continue
        const pinned = version.replace(/^===?/, '')
        dependencies.push(sdkDependency(sdk, entry.key, pinned, exactRange(pinned), entry.keyLocation, 'python', true))
      }
    return dependencies
  })
}

/** pyproject.toml: PEP 621 `[project] dependencies` and Poetry's `[tool.poetry.dependencies]`. */
export function readPyproject(file: SourceFile): SourceResult {
  const result = emptyResult()
  const document = parseTomlFile(file, result)
  if (!document) return result
  const locations = new TextLocations(file.path, file.text)
  const dependencies: SdkDependency[] = []
  const project = record(document['project'])
  const listed = Array.isArray(project?.['dependencies']) ? (project['dependencies'] as unknown[]) : []
  for (const item of listed) {
    if (typeof item !== 'string') continue
    const parsed = requirement(item)
    const sdk = parsed && pythonSdk(parsed.name)
    if (!parsed || !sdk) continue
    const location = locations.of(file.text, item)
    dependencies.push(
      sdkDependency(
        sdk,
        parsed.name,
        parsed.specifiers || '(any version)',
        specifierRange(parsed.specifiers),
        location,
        'python',
        false,
      ),
    )
  }
  const poetry = record(record(record(document['tool'])?.['poetry'])?.['dependencies'])
  for (const [name, value] of Object.entries(poetry ?? {})) {
    const sdk = pythonSdk(name)
    const constraint = typeof value === 'string' ? value : record(value)?.['version']
    if (!sdk || typeof constraint !== 'string') continue
    const keyAt = new RegExp(`^[ \\t]*["']?${name.replace(/[.]/g, '\\.')}["']?[ \\t]*=`, 'm').exec(file.text)
    const location = locations.at(keyAt ? keyAt.index + keyAt[0].indexOf(name) : 0)
    dependencies.push(sdkDependency(sdk, name, constraint, poetryRange(constraint), location, 'python', false))
  }
  if (dependencies.length > 0) result.facts.sdkDependencies = dependencies
  return result
}

function parseTomlFile(file: SourceFile, result: SourceResult): Record<string, unknown> | undefined {
  try {
    return parseToml(file.text)
  } catch (error) {
    if (!(error instanceof TomlError)) throw error
    const location = { path: file.path, line: error.line, column: error.column }
    result.findings.push(unreadable(file.path, location, error.message.split('\n')[0] ?? 'invalid TOML'))
    return undefined
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}
