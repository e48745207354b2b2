import type { SdkDependency } from '../../model/facts.js'
import type { SourceFinding } from '../../model/finding.js'
import type { TreeNode } from '../../model/tree.js'
import { parseJsonTree } from '../shared/json-tree.js'
import { emptyResult, type SourceFile, type SourceResult } from '../source.js'
import type { Location } from '../../model/location.js'
import type { SdkId } from '../../model/sdk-minimums.js'

export function sdkDependency(
  sdk: SdkId,
  name: string,
  written: string,
  range: string | undefined,
  location: Location,
  ecosystem: SdkDependency['ecosystem'],
  locked: boolean,
): SdkDependency {
  const dependency: SdkDependency = { source: 'build-file', location, sdk, package: name, written, locked, ecosystem }
  if (range !== undefined) dependency.range = range
  return dependency
}

/** A dependency file irsa-guard cannot read: a note, since its SDK versions are only unknown, not wrong. */
export function unreadable(path: string, location: Location, why: string): SourceFinding {
  return {
    ruleId: 'parse-error',
    level: 'note',
    location,
    message: `Cannot read the AWS SDK versions of ${path}: ${why}`,
    key: `sdk-versions ${path}`,
  }
}

/** A reader's result: the SDK dependencies it found (the fact only when there are any). */
export function dependenciesResult(dependencies: SdkDependency[]): SourceResult {
  const result = emptyResult()
  if (dependencies.length > 0) result.facts.sdkDependencies = dependencies
  return result
}

/** A JSON dependency or lock file: `collect` reads its tree; a file that is not JSON is a located note. */
export function readJsonDependencies(file: SourceFile, collect: (root: TreeNode) => SdkDependency[]): SourceResult {
  const parsed = parseJsonTree(file.path, file.text)
  if (parsed.ok) return dependenciesResult(collect(parsed.root))
  const result = emptyResult()
  result.findings.push(unreadable(file.path, parsed.location, parsed.message))
  return result
}
