import { ignoreEntryExpired, utcToday } from '../config.js'
import type { Rule } from './rule.js'

export const suppressionExpired: Rule = {
  meta: {
    id: 'suppression-expired',
    level: 'warning',
    description: 'An ignore: entry of .irsa-guard.yml is past its expires date, so it suppresses nothing any more.',
    remediation:
      'Fix the findings it hid and remove the entry, or, if the exception still holds, set a later expires date.',
  },
  *check(_graph, { config }) {
    const today = utcToday()
    for (const entry of config.ignore ?? []) {
      if (!ignoreEntryExpired(entry, today)) continue
      const paths = entry.paths.join(', ')
      yield {
        location: entry.location,
        message: `The ignore entry for ${entry.rules.join(', ')} on ${paths} expired on ${entry.expires} and suppresses nothing any more (its reason: "${entry.reason}"); fix what it hid and remove it, or set a later expires date`,
        key: `suppression-expired:${entry.rules.join(',')}:${paths}`,
      }
    }
  },
}
