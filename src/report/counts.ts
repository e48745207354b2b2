import { levelRank, type Finding, type Level } from '../model/finding.js'

export type LevelCounts = Record<Level, number>

/** `--fail-on` / input `fail-on`: the lowest level that fails the run, or never. */
export type FailOn = Level | 'never'

export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'note', 'never']

export function countByLevel(findings: readonly Finding[]): LevelCounts {
  const counts: LevelCounts = { error: 0, warning: 0, note: 0 }
  for (const finding of findings) counts[finding.level]++
  return counts
}

/** "2 errors, 1 warning, 0 notes" */
export function formatCounts(counts: LevelCounts): string {
  return [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.note, 'note')].join(', ')
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** The findings at or above the threshold. */
export function findingsAtOrAbove(findings: readonly Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'never') return []
  return findings.filter((finding) => levelRank(finding.level) >= levelRank(failOn))
}

export function isFailOn(value: string): value is FailOn {
  return (FAIL_ON_VALUES as readonly string[]).includes(value)
}
