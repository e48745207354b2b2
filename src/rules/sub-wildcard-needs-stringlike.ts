import { globMatches, globPattern } from '../iam/glob.js'
import { text } from '../iam/template.js'
import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { describeStatement, irsaStatements, quotedKey, statementKey } from './helpers/conditions.js'
import { conditionsOn, parseOperator } from './helpers/trust.js'
import { serviceAccountSubject } from '../model/service-account-subject.js'

export const subWildcardNeedsStringlike: Rule = {
  meta: {
    id: 'sub-wildcard-needs-stringlike',
    level: 'error',
    description:
      'A "*" or "?" in a StringEquals ":sub" value, which StringEquals compares literally, so no ServiceAccount token matches.',
    remediation:
      'Use StringLike for a wildcard subject, or better, name the ServiceAccount exactly under StringEquals.',
  },
  *check(graph) {
    for (const { role, statement } of irsaStatements(graph.facts.roles)) {
      for (const entry of conditionsOn(statement, 'sub')) {
        const operator = parseOperator(entry.operator)
        if (!/^StringEquals(IgnoreCase)?$/.test(operator.base) || operator.setPrefix === 'ForAllValues') continue
        for (const value of entry.values) {
          if (value.kind !== 'known' || !/[*?]/.test(value.value)) continue
          const pattern = globPattern(text(value.value))
          // The ServiceAccounts that name the role and that the pattern was presumably written for.
          const users = graph.serviceAccountsUsing(role).flatMap((sa) => {
            if (sa.namespace.kind !== 'known' || sa.name.kind !== 'known') return []
            const subject = serviceAccountSubject(sa.namespace.value, sa.name.value)
            return globMatches(pattern, subject) ? [{ subject, location: sa.location }] : []
          })
          const named = users.map((user) => ` "${user.subject}" (${formatLocation(user.location)})`).join(',')
          yield {
            location: value.location,
            message: `${entry.operator} on ${quotedKey(entry.key)} in ${describeStatement(statement)} compares "${value.value}" literally, so no token matches; use StringLike for wildcards, or name the ServiceAccount${named}`,
            related: users.map((user) => ({
              location: user.location,
              message: `ServiceAccount ${user.subject} uses this role`,
            })),
            key: `${statementKey(role, statement)} sub:${value.value}`,
          }
        }
      }
    }
  },
}
