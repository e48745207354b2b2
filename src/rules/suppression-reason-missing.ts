import type { Suppression } from '../model/suppression.js'
import type { Rule } from './rule.js'

export const suppressionReasonMissing: Rule = {
  meta: {
    id: 'suppression-reason-missing',
    level: 'warning',
    description:
      'An irsa-guard:ignore comment or irsa-guard.io/ignore annotation gives no reason (or names no rule), so it suppresses nothing.',
    remediation:
      'Name the rule ids and say why, e.g. "# irsa-guard:ignore role-not-found the role lives in the platform repository".',
  },
  *check(_graph, { suppressions }) {
    for (const suppression of suppressions) {
      if (suppression.reason !== undefined && suppression.ruleIds.length > 0) continue
      yield {
        location: suppression.location,
        message: message(suppression),
        key: `suppression:${suppression.form ?? 'comment'}:${suppression.ruleIds.join(',')}`,
      }
    }
  },
}

function message(suppression: Suppression): string {
  const ids = suppression.ruleIds.join(',')
  const annotation = suppression.form === 'annotation'
  const what = annotation ? 'The irsa-guard.io/ignore annotation' : 'The irsa-guard:ignore comment'
  const example = annotation
    ? `irsa-guard.io/ignore: "${ids || '<rule-id>'}: <reason>"`
    : `# irsa-guard:ignore ${ids || '<rule-id>'} <reason>`
  if (suppression.ruleIds.length === 0) return `${what} names no rule id, so it suppresses nothing; write ${example}`
  return `${what} for ${ids} gives no reason, so it suppresses nothing; say why after the rule id: ${example}`
}
