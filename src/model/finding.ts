import type { Location } from './location.js'

export type Level = 'error' | 'warning' | 'note'

export const LEVELS: readonly Level[] = ['error', 'warning', 'note']

/** Higher is more severe. */
export function levelRank(level: Level): number {
  return level === 'error' ? 3 : level === 'warning' ? 2 : 1
}

export interface RelatedLocation {
  location: Location
  message: string
}

/** What a rule or a source reports; the engine adds the rule id, default level and fingerprint. */
export interface FindingDraft {
  location: Location
  message: string
  related?: RelatedLocation[]
  /** Overrides the rule's default level for this finding (e.g. a broader wildcard is an error). */
  level?: Level
  /**
   * What identifies this finding apart from its line, for fingerprints stable across unrelated
   * edits (e.g. "sa:prod/app role:app-reader"). Defaults to the message.
   */
  key?: string
}

export interface Finding {
  ruleId: string
  level: Level
  message: string
  location: Location
  related: RelatedLocation[]
  fingerprint: string
}

/** A finding a source reports while reading a file (parse errors, grammar errors found while parsing). */
export interface SourceFinding extends FindingDraft {
  ruleId: string
}
