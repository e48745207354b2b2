import type { SdkDependency } from '../../model/facts.js'
import { child, scalarText, type TreeNode } from '../../model/tree.js'
import { emptyResult, type SourceFile, type SourceResult } from '../source.js'
import { readJsonDependencies, sdkDependency } from './dependency.js'
import { npmSdk } from './sdk-packages.js'
import { TextLocations } from './text-location.js'
import { exactRange, npmRange } from './versions.js'

/** package.json: the ranges of `dependencies` (devDependencies do not ship in an image built for production). */
export function readPackageJson(file: SourceFile): SourceResult {
  return readJsonDependencies(file, (root) => {
    const dependencies: SdkDependency[] = []
    const declared = child(root, 'dependencies')
    if (declared?.kind === 'object')
      for (const entry of declared.entries) {
        const sdk = npmSdk(entry.key)
        const spec = scalarText(entry.value)
        if (!sdk || spec === undefined) continue
        dependencies.push(sdkDependency(sdk, entry.key, spec, npmRange(spec), entry.keyLocation, 'npm', false))
      }
    return dependencies
  })
}

/** package-lock.json and npm-shrinkwrap.json: `packages` (lockfile v2, v3) or nested `dependencies` (v1), without dev-only packages. */
export function readPackageLock(file: SourceFile): SourceResult {
  return readJsonDependencies(file, (root) => {
    const dependencies: SdkDependency[] = []
    const packages = child(root, 'packages')
    if (packages?.kind === 'object') {
      for (const entry of packages.entries) {
        const name = entry.key.slice(entry.key.lastIndexOf('node_modules/') + 'node_modules/'.length)
        if (!entry.key.includes('node_modules/')) continue
        const locked = lockedPackage(name, entry.value, entry.keyLocation)
        if (locked) dependencies.push(locked)
      }
    } else {
      const walk = (node: TreeNode | undefined): void => {
        if (node?.kind !== 'object') return
        for (const entry of node.entries) {
          const locked = lockedPackage(entry.key, entry.value, entry.keyLocation)
          if (locked) dependencies.push(locked)
          walk(child(entry.value, 'dependencies'))
        }
      }
      walk(child(root, 'dependencies'))
    }
    return dependencies
  })
}

function lockedPackage(name: string, node: TreeNode, location: SdkDependency['location']): SdkDependency | undefined {
  const sdk = npmSdk(name)
  const version = scalarText(child(node, 'version'))
  if (!sdk || version === undefined || scalarText(child(node, 'dev')) === 'true') return undefined
  return sdkDependency(sdk, name, version, exactRange(version), location, 'npm', true)
}

/**
 * yarn.lock, classic (`version "2.1.0"`) and Berry (`version: 2.1.0`). Read line by line rather than
 * with @yarnpkg/lockfile or @yarnpkg/parsers: they return no positions, and only an entry's header
 * and its version line matter here, one pass over the text.
 */
export function readYarnLock(file: SourceFile): SourceResult {
  const result = emptyResult()
  const locations = new TextLocations(file.path, file.text)
  const dependencies: SdkDependency[] = []
  let current: { name: string; offset: number } | undefined
  let offset = 0
  for (const line of file.text.split('\n')) {
    if (/^[^\s#]/.test(line)) {
      const descriptor = (line.split(',')[0] ?? '').replace(/^["']/, '')
      const at = descriptor.indexOf('@', 1)
      current = at > 0 ? { name: descriptor.slice(0, at), offset } : undefined
    } else if (current) {
      const sdk = npmSdk(current.name)
      const version = sdk && /^\s+version:?\s+["']?([^"'\s]+)/.exec(line)?.[1]
      if (sdk && version !== undefined) {
        dependencies.push(
          sdkDependency(sdk, current.name, version, exactRange(version), locations.at(current.offset), 'npm', true),
        )
        current = undefined
      }
    }
    offset += line.length + 1
  }
  if (dependencies.length > 0) result.facts.sdkDependencies = dependencies
  return result
}

/**
 * pnpm-lock.yaml: the keys of its `packages:` section (`/aws-sdk/2.1.0` in v5, `/aws-sdk@2.1.0` in
 * v6, `aws-sdk@2.1.0` in v9), without entries marked `dev: true`. Read line by line: a YAML parse
 * of a whole lock file costs far more than the keys, and the keys carry name and version.
 */
export function readPnpmLock(file: SourceFile): SourceResult {
  const result = emptyResult()
  const locations = new TextLocations(file.path, file.text)
  const dependencies: SdkDependency[] = []
  let inPackages = false
  let pending: SdkDependency | undefined
  let offset = 0
  const flush = (): void => {
    if (pending) dependencies.push(pending)
    pending = undefined
  }
  for (const line of file.text.split('\n')) {
    if (/^\S/.test(line)) {
      flush()
      inPackages = /^packages:\s*$/.test(line)
    } else if (inPackages && /^ {2}\S/.test(line)) {
      flush()
      const key = /^ {2}['"]?\/?((?:@[^/@'"]+\/)?[^/@'"(]+)[@/](\d[^:'"(_]*)/.exec(line)
      const name = key?.[1] ?? ''
      const version = key?.[2] ?? ''
      const sdk = npmSdk(name)
      if (sdk) {
        pending = sdkDependency(sdk, name, version, exactRange(version), locations.at(offset + 2), 'npm', true)
      }
    } else if (pending && /^ {4}dev: true\s*$/.test(line)) pending = undefined
    offset += line.length + 1
  }
  flush()
  if (dependencies.length > 0) result.facts.sdkDependencies = dependencies
  return result
}
