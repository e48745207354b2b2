import type { Location } from './location.js'

/**
 * An in-place opt-out: the `irsa-guard.io/ignore` annotation on a Kubernetes object (covers the
 * object's lines) or an `irsa-guard:ignore <rule-id> reason` comment (covers its own line and the
 * next non-comment line).
 */
export interface Suppression {
  ruleIds: string[]
  reason?: string
  location: Location
  /** Lines of `location.path` this suppression covers, inclusive. */
  fromLine: number
  toLine: number
  /** How it was written, for messages about it. */
  form?: 'comment' | 'annotation'
}
