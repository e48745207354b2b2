import { DEFAULT_AUDIENCE } from '../iam/arn.js'
import { globMatches, globPattern } from '../iam/glob.js'
import { acceptsTokenThrough } from '../iam/service-account-token.js'
import { text } from '../iam/template.js'
import type { Graph } from '../graph.js'
import type { Role } from '../model/facts.js'
import { formatLocation, type Location } from '../model/location.js'
import type { PolicyDocument, Statement } from '../model/policy.js'
import type { Rule } from './rule.js'
import {
  allowedIrsaStatements,
  describeStatement,
  positiveConditionsOn,
  quotedKey,
  statementKey,
} from './helpers/conditions.js'
import { roleTitle } from './helpers/correlation.js'
import { subjectReach, type SubjectReach } from './helpers/subject-pattern.js'
import { parseOperator } from './helpers/trust.js'
import { serviceAccountSubject } from '../model/service-account-subject.js'

export const subConditionBroad: Rule = {
  meta: {
    id: 'sub-condition-broad',
    level: 'warning',
    security: true,
    description:
      'A StringLike ":sub" pattern that admits ServiceAccounts no one defined: any of a namespace (warning), or in namespaces the pattern does not name (error).',
    remediation:
      'Name each ServiceAccount that may assume the role: "system:serviceaccount:<namespace>:<name>" under StringEquals.',
  },
  *check(graph) {
    for (const { role, policy, statement } of allowedIrsaStatements(graph.facts.roles)) {
      for (const entry of positiveConditionsOn(statement, 'sub')) {
        if (!parseOperator(entry.operator).base.startsWith('StringLike')) continue
        for (const value of entry.values) {
          if (value.kind !== 'known') continue
          const reach = subjectReach(value.value)
          if (!reach || !acceptedBy(policy, statement, reach)) continue
          yield {
            location: value.location,
            level: reach.anyNamespace ? 'error' : 'warning',
            message: `${entry.operator} on ${quotedKey(entry.key)} in ${describeStatement(statement)} admits "${value.value}": ${scope(reach)} can assume ${roleTitle(role)}; ${fix(graph, role, value.value, reach)}`,
            related: usersMatching(graph, role, value.value).map((user) => ({
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

/** The evaluator's answer for a token of a ServiceAccount no one defined that the pattern admits: does this statement let it in? */
function acceptedBy(policy: PolicyDocument, statement: Statement, reach: SubjectReach): boolean {
  const audiences = [
    DEFAULT_AUDIENCE,
    ...positiveConditionsOn(statement, 'aud').flatMap((entry) =>
      entry.values.flatMap((value) => (value.kind === 'known' ? [value.value] : [])),
    ),
  ]
  return audiences.some((audience) => acceptsTokenThrough(policy, statement, { ...reach.witness, audience }))
}

function scope(reach: SubjectReach): string {
  const who = reach.anyName
    ? 'any ServiceAccount'
    : reach.namePart.includes('*') || reach.namePart.includes('?')
      ? `a ServiceAccount matching "${reach.namePart}"`
      : `a ServiceAccount named "${reach.namePart}"`
  if (!reach.anyNamespace) return `${who} in namespace "${reach.namespacePart}", including ones created later,`
  return reach.namespacePart === '*'
    ? `${who} in any namespace`
    : `${who} in any namespace matching "${reach.namespacePart}"`
}

function fix(graph: Graph, role: Role, pattern: string, reach: SubjectReach): string {
  const users = usersMatching(graph, role, pattern)
  if (users.length > 0)
    return `list the ServiceAccounts under StringEquals instead: ${users.map((user) => `"${user.subject}" (${formatLocation(user.location)})`).join(', ')}`
  const namespace = reach.anyNamespace ? '<namespace>' : reach.namespacePart
  const name = reach.anyName || /[*?]/.test(reach.namePart) ? '<name>' : reach.namePart
  return `name the ServiceAccount under StringEquals: "${serviceAccountSubject(namespace, name)}"`
}

/** ServiceAccounts whose annotation names the role and whose subject the pattern admits: the ones it was meant for. */
function usersMatching(graph: Graph, role: Role, pattern: string): { subject: string; location: Location }[] {
  const glob = globPattern(text(pattern))
  return graph.serviceAccountsUsing(role).flatMap((sa) => {
    if (sa.namespace.kind !== 'known' || sa.name.kind !== 'known') return []
    const subject = serviceAccountSubject(sa.namespace.value, sa.name.value)
    return globMatches(glob, subject) ? [{ subject, location: sa.location }] : []
  })
}
