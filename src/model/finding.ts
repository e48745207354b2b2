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
  /** The fix, when it is certainly a change of one scalar on the finding's line. */
  replacement?: ScalarReplacement
}

/**
 * The scalar (a YAML/HCL/JSON key or value) that starts at the finding's line and column reads `from`
 * and should read `to`; a review suggestion is offered only where the file's line shows exactly that.
 */
export interface ScalarReplacement {
  from: string
  to: string
}

export interface Finding {
  ruleId: string
  level: Level
  message: string
  location: Location
  related: RelatedLocation[]
  fingerprint: string
  replacement?: ScalarReplacement
}

/** A finding a source reports while reading a file (parse errors, grammar errors found while parsing). */
export interface SourceFinding extends FindingDraft {
  ruleId: string
}
