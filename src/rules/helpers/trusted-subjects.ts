import type { Graph } from '../../graph.js'
import type { Role } from '../../model/facts.js'
import type { KnownValue } from '../../model/value.js'
import { allowedIrsaStatements } from './conditions.js'
import { perGraph } from './per-graph.js'
import { conditionsOn, federatedValues, keyText, parseOperator } from './trust.js'
import { valueText } from '../../model/value.js'
import { exactServiceAccountSubject } from '../../model/service-account-subject.js'

/** One ServiceAccount a role's trust names exactly (`system:serviceaccount:<ns>:<name>`, no wildcard). */
export interface TrustedSubject {
  role: Role
  namespace: string
  name: string
  /** The `:sub` value. */
  value: KnownValue
  /** The statement's Federated principals and its sub key: which issuer's tokens it takes. */
  issuer: string
}

/** The exactly named ServiceAccounts of every role's Allow statements, by `<namespace>/<name>`. */
export const trustedSubjects = perGraph((graph: Graph): ReadonlyMap<string, readonly TrustedSubject[]> => {
  const bySubject = new Map<string, TrustedSubject[]>()
  for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
    for (const entry of conditionsOn(statement, 'sub')) {
      const operator = parseOperator(entry.operator)
      if (
        operator.setPrefix ||
        operator.ifExists ||
        operator.negated ||
        (operator.base !== 'StringEquals' && operator.base !== 'StringLike')
      )
        continue
      for (const value of entry.values) {
        if (value.kind !== 'known') continue
        const subject = exactServiceAccountSubject(value.value)
        if (!subject) continue
        const issuer = [...federatedValues(statement).map(valueText), keyText(entry.key).replace(/:sub$/i, '')].join(
          ' ',
        )
        const key = `${subject.namespace}/${subject.name}`
        const list = bySubject.get(key) ?? []
        list.push({ role, namespace: subject.namespace, name: subject.name, value, issuer })
        bySubject.set(key, list)
      }
    }
  }
  return bySubject
})

/** The Terraform root a fact was read in, or '' for plain files (which join across the repository). */
export function unitOf(fact: { terraform?: { root?: string } }): string {
  return fact.terraform?.root ?? ''
}
