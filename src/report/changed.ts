import type { Finding } from '../model/finding.js'

/** True when the finding's primary location or any related location is in one of the files. */
export function touchesFiles(finding: Finding, files: ReadonlySet<string>): boolean {
  return files.has(finding.location.path) || finding.related.some((related) => files.has(related.location.path))
}

/** Findings whose chain touches a changed file, and the rest. */
export function partitionByChangedFiles(
  findings: readonly Finding[],
  changed: ReadonlySet<string>,
): { reported: Finding[]; outside: Finding[] } {
  const reported: Finding[] = []
  const outside: Finding[] = []
  for (const finding of findings) (touchesFiles(finding, changed) ? reported : outside).push(finding)
  return { reported, outside }
}
