import type { SdkDependency } from '../../model/facts.js'
import { child, scalarText } from '../../model/tree.js'
import { emptyResult, type SourceFile, type SourceResult } from '../source.js'
import { readJsonDependencies, sdkDependency } from './dependency.js'
import { goSdk, nugetSdk, phpSdk, rubySdk } from './sdk-packages.js'
import { exactRange } from './versions.js'

/**
 * go.mod: `require` lines and blocks. The main module's go.mod lists the version minimal version
 * selection picks for every module the build uses (Go 1.17 and later), so it counts as resolved.
 * Written by hand: the go.mod grammar needed here is one directive, and no npm package reads it.
 */
export function readGoMod(file: SourceFile): SourceResult {
  const result = emptyResult()
  const dependencies: SdkDependency[] = []
  let inRequireBlock = false
  file.text.split('\n').forEach((line, index) => {
    const text = line.replace(/\/\/.*$/, '').trim()
    if (inRequireBlock && text === ')') inRequireBlock = false
    else if (/^require\s*\($/.test(text)) inRequireBlock = true
    else {
      const match = (inRequireBlock ? /^(\S+)\s+(\S+)$/ : /^require\s+(\S+)\s+(\S+)$/).exec(text)
      const sdk = match && goSdk(match[1] ?? '')
      if (!match || !sdk) return
      const module = match[1] ?? ''
      const version = match[2] ?? ''
      const location = { path: file.path, line: index + 1, column: line.indexOf(module) + 1 }
      dependencies.push(sdkDependency(sdk, module, version, exactRange(version), location, 'go', true))
    }
  })
  if (dependencies.length > 0) result.facts.sdkDependencies = dependencies
  return result
}

/** Gemfile.lock: the resolved gems of its `specs:` lists, four spaces in (`    aws-sdk-core (3.58.0)`). Bundler's format has no npm reader. */
export function readGemfileLock(file: SourceFile): SourceResult {
  const result = emptyResult()
  const dependencies: SdkDependency[] = []
  file.text.split('\n').forEach((line, index) => {
    const match = /^ {4}([A-Za-z0-9_.-]+) \(([^)\s]+)\)\s*$/.exec(line)
    const name = match?.[1] ?? ''
    const version = match?.[2] ?? ''
    const sdk = match ? rubySdk(name, version) : undefined
    if (!sdk) return
    const location = { path: file.path, line: index + 1, column: 5 }
    dependencies.push(sdkDependency(sdk, name, version, exactRange(version), location, 'ruby', true))
  })
  if (dependencies.length > 0) result.facts.sdkDependencies = dependencies
  return result
}

/** composer.lock: `packages` (not `packages-dev`), each with `name` and `version`. */
export function readComposerLock(file: SourceFile): SourceResult {
  return readJsonDependencies(file, (root) => {
    const dependencies: SdkDependency[] = []
    const packages = child(root, 'packages')
    if (packages?.kind === 'array')
      for (const item of packages.items) {
        const name = scalarText(child(item, 'name'))
        const version = scalarText(child(item, 'version'))
        const sdk = name === undefined ? undefined : phpSdk(name)
        if (!sdk || name === undefined || version === undefined) continue
        const location = child(item, 'name')?.location ?? item.location
        dependencies.push(sdkDependency(sdk, name, version, exactRange(version), location, 'php', true))
      }
    return dependencies
  })
}

/** NuGet packages.lock.json: `dependencies.<framework>.<package>.resolved`, direct and transitive. */
export function readNugetLock(file: SourceFile): SourceResult {
  return readJsonDependencies(file, (root) => {
    const dependencies: SdkDependency[] = []
    const frameworks = child(root, 'dependencies')
    if (frameworks?.kind === 'object')
      for (const framework of frameworks.entries) {
        if (framework.value.kind !== 'object') continue
        for (const entry of framework.value.entries) {
          const sdk = nugetSdk(entry.key)
          const version = scalarText(child(entry.value, 'resolved'))
          if (!sdk || version === undefined) continue
          dependencies.push(
            sdkDependency(sdk, entry.key, version, exactRange(version), entry.keyLocation, 'dotnet', true),
          )
        }
      }
    return dependencies
  })
}
