import type { Finding, Level } from '../model/finding.js'
import { formatCounts, type LevelCounts } from './counts.js'

/** GitHub shows only about this many annotations of each level per step. */
export const ANNOTATIONS_PER_LEVEL = 10

export interface AnnotationPlan {
  /** Most severe first, at most `perLevel` of each level. */
  shown: Finding[]
  hidden: LevelCounts
}

/** Which findings to annotate, given GitHub's per-level cap; findings arrive in priority order (report/priority.ts): security rules' first within a level. */
export function planAnnotations(findings: readonly Finding[], perLevel = ANNOTATIONS_PER_LEVEL): AnnotationPlan {
  const shownPerLevel: LevelCounts = { error: 0, warning: 0, note: 0 }
  const hidden: LevelCounts = { error: 0, warning: 0, note: 0 }
  const shown: Finding[] = []
  for (const level of ['error', 'warning', 'note'] as const satisfies readonly Level[]) {
    for (const finding of findings) {
      if (finding.level !== level) continue
      if (shownPerLevel[level] < perLevel) {
        shown.push(finding)
        shownPerLevel[level]++
      } else {
        hidden[level]++
      }
    }
  }
  return { shown, hidden }
}

/** The one notice after the cap, or undefined when nothing was held back. */
export function hiddenAnnotationsNotice(hidden: LevelCounts, where: string): string | undefined {
  const total = hidden.error + hidden.warning + hidden.note
  if (total === 0) return undefined
  return `${total} more finding${total === 1 ? '' : 's'} not shown as annotations (${formatCounts(hidden)}): see ${where}`
}
