import type { FindingDraft } from '../model/finding.js'
import { formatLocation } from '../model/location.js'
import type { Statement } from '../model/policy.js'
import { describeValue, type Value } from '../model/value.js'
import type { Rule } from './rule.js'
import { irsaTrustPolicies, isIrsaScopedStatement } from './helpers/irsa-scope.js'
import { describeStatement, statementKey } from './helpers/conditions.js'
import { capitalise, nearestName } from './helpers/policy-grammar.js'
import { federatedValues, isAllow, isOidcFederated, oidcStatements } from './helpers/trust.js'

const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity'

export const webIdentityActionMissing: Rule = {
  meta: {
    id: 'web-identity-action-missing',
    level: 'error',
    description: `An Allow statement with an OIDC Federated principal that does not allow "${WEB_IDENTITY}", the only action a ServiceAccount token calls (a wildcard or NotAction that allows it is a warning).`,
    remediation: `Write "Action": "${WEB_IDENTITY}" in the statement that names the OIDC provider.`,
  },
  *check(graph) {
    for (const { role, policy } of irsaTrustPolicies(graph)) {
      for (const statement of oidcStatements(policy)) {
        if (!isAllow(statement) || !isIrsaScopedStatement(graph, statement)) continue
        // A reference that does not say "oidc" may stand for a SAML provider, whose action is another.
        const provider = federatedValues(statement).find((value) =>
          value.kind === 'known' ? isOidcFederated(value) : /oidc/i.test(value.expression),
        )
        if (!provider) continue
        const finding = actionProblem(statement, provider)
        if (finding) yield { ...finding, key: `${statementKey(role, statement)} action` }
      }
    }
  },
}

function actionProblem(statement: Statement, provider: Value): FindingDraft | undefined {
  const where = describeStatement(statement)
  const named = provider.kind === 'known' ? '' : ` ${describeValue(provider)}`
  const trusts = `${capitalise(where)} trusts an OIDC provider${named} (Federated at ${formatLocation(provider.location)})`
  const related = [{ location: provider.location, message: 'the OIDC provider this statement trusts' }]
  const refused = `so STS refuses every token ("Not authorized to perform ${WEB_IDENTITY}")`

  if (statement.action) {
    const texts = knownTexts(statement.action.values)
    if (!texts) return undefined
    if (texts.some((text) => text.toLowerCase() === WEB_IDENTITY.toLowerCase())) return undefined
    const wildcard = texts.find((text) => actionMatches(text, WEB_IDENTITY))
    if (wildcard !== undefined) {
      return {
        location: statement.action.location,
        message: `${trusts} and allows "${WEB_IDENTITY}" only through the wildcard "${wildcard}", which names more than the one action a ServiceAccount token calls; write "Action": "${WEB_IDENTITY}"`,
        related,
        level: 'warning',
      }
    }
    const allowed = texts.length === 0 ? 'no action' : `only ${listed(texts)}`
    const typo = texts.find((text) => nearestName(text, [WEB_IDENTITY]) !== undefined)
    const typoNote = typo !== undefined ? ` ("${typo}" looks like a misspelling of it)` : ''
    return {
      location: statement.action.location,
      message: `${trusts} but its Action allows ${allowed}, not "${WEB_IDENTITY}", the one action a ServiceAccount token calls${typoNote}, ${refused}; write "Action": "${WEB_IDENTITY}"`,
      related,
    }
  }

  if (statement.notAction) {
    const texts = knownTexts(statement.notAction.values)
    if (!texts) return undefined
    const excluding = texts.find((text) => actionMatches(text, WEB_IDENTITY))
    if (excluding !== undefined) {
      return {
        location: statement.notAction.location,
        message: `${trusts} but its NotAction "${excluding}" excludes "${WEB_IDENTITY}", the one action a ServiceAccount token calls, ${refused}; replace NotAction with "Action": "${WEB_IDENTITY}"`,
        related,
      }
    }
    return {
      location: statement.notAction.location,
      message: `${trusts} and allows "${WEB_IDENTITY}" only through NotAction (every action but the ones listed); replace NotAction with "Action": "${WEB_IDENTITY}"`,
      related,
      level: 'warning',
    }
  }
  return undefined
}

/** The texts of a list, or undefined when any of it is known only at apply time. */
function knownTexts(values: readonly Value[]): string[] | undefined {
  const texts: string[] = []
  for (const value of values) {
    if (value.kind !== 'known') return undefined
    texts.push(value.value)
  }
  return texts
}

/** IAM action matching: case-insensitive, `*` and `?` wildcards. */
function actionMatches(pattern: string, action: string): boolean {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`, 'is').test(action)
}

function listed(texts: readonly string[]): string {
  const quoted = texts.map((text) => `"${text}"`)
  const last = quoted.pop()
  return quoted.length === 0 ? (last ?? '') : `${quoted.join(', ')} and ${last}`
}
