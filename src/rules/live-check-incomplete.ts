import { liveObservations } from './helpers/live.js'
import type { Rule } from './rule.js'

export const liveCheckIncomplete: Rule = {
  meta: {
    id: 'live-check-incomplete',
    level: 'note',
    description:
      'Live confirmation could not establish something it set out to read (the call was denied, throttled, timed out or answered with nonsense); it fails the check only with live: required.',
    remediation: 'Grant the auditor role the call it lacks, raise live-timeout-seconds, or run the check again.',
  },
  *check(graph) {
    const observations = liveObservations(graph)
    if (!observations) return
    for (const gap of observations.gaps) {
      yield {
        location: gap.location,
        message: `${gap.subject} could not be confirmed live: ${gap.call} failed (${gap.reason}); ${gap.remedy}`,
        key: `${gap.key} ${gap.call}`,
      }
    }
  },
}
