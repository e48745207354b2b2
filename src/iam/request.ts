import { intersects, literalPattern } from './glob.js'
import { knownText, lowerCase, sameTemplate, templateOf, text, type RequestValue, type Template } from './template.js'

export type PrincipalType = 'AWS' | 'Federated' | 'Service' | 'CanonicalUser'

export interface RequestPrincipal {
  type: PrincipalType
  /** A role or user ARN, an OIDC/SAML provider ARN, a service principal, a canonical user ID. */
  id: RequestValue
}

/** One request context key. An empty `values` list is the same as the key being absent. */
export interface ContextEntry {
  key: RequestValue
  values: RequestValue[]
}

/** What is asked of a resource-based policy: may this principal perform this action in this context? */
export interface PolicyRequest {
  action: string
  principal: RequestPrincipal
  context: ContextEntry[]
  /**
   * Keys not in `context` are absent, except those starting (case-insensitively) with one of
   * these prefixes: their presence and value are unknown (`aws:SourceIp` of a pod, say).
   */
  unknownKeyPrefixes?: string[]
  /** Who holds the request values, for messages: "the request" unless told ("the token"). */
  subject?: string
}

export type KeyLookup =
  { state: 'present'; values: Template[]; written: RequestValue[] } | { state: 'absent' } | { state: 'unknown' }

/** The request values of a policy condition key; key names compare case-insensitively. */
export function lookupKey(request: PolicyRequest, policyKey: Template): KeyLookup {
  let maybe = false
  for (const entry of request.context) {
    const relation = compareKeys(policyKey, templateOf(entry.key))
    if (relation === 'same') {
      if (entry.values.length === 0) return { state: 'absent' }
      return { state: 'present', values: entry.values.map(templateOf), written: entry.values }
    }
    if (relation === 'maybe') maybe = true
  }
  if (maybe || (request.unknownKeyPrefixes ?? []).some((prefix) => mayStartWith(policyKey, prefix))) {
    return { state: 'unknown' }
  }
  return { state: 'absent' }
}

function compareKeys(a: Template, b: Template): 'same' | 'maybe' | 'different' {
  const knownA = knownText(a)
  const knownB = knownText(b)
  if (knownA !== undefined && knownB !== undefined)
    return knownA.toLowerCase() === knownB.toLowerCase() ? 'same' : 'different'
  if (sameTemplate(a, b, true)) return 'same'
  return intersects(literalPattern(lowerCase(a)), literalPattern(lowerCase(b))) ? 'maybe' : 'different'
}

function mayStartWith(key: Template, prefix: string): boolean {
  return intersects(literalPattern(lowerCase(key)), [...literalPattern(text(prefix.toLowerCase())), 'any'])
}
