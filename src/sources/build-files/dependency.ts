import type { SdkDependency } from '../../model/facts.js'
import type { SourceFinding } from '../../model/finding.js'
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
