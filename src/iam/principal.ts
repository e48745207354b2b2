import type { PrincipalBlock } from '../model/policy.js'
import { globPattern, intersects, literalPattern, type Pattern } from './glob.js'
import type { RequestPrincipal } from './request.js'
import { hasHoles, knownText, sameTemplate, templateOf, text, type Template } from './template.js'
import { or, type Tri } from './tri.js'

export const PRINCIPAL_TYPES: readonly string[] = ['AWS', 'Federated', 'Service', 'CanonicalUser']

/**
 * Whether a Principal (or NotPrincipal) block names the request's principal. `"*"` and
 * `{"AWS": "*"}` name everyone; an AWS account (`123456789012` or `arn:…:iam::123456789012:root`)
 * names every principal of that account; other values must equal the principal's identifier.
 */
export function principalMatches(block: PrincipalBlock, principal: RequestPrincipal): Tri {
  const results: Tri[] = []
  if (block.wildcard) {
    const wildcard = templateOf(block.wildcard)
    results.push(knownText(wildcard) === '*' ? true : hasHoles(wildcard) ? 'unknown' : false)
  }
  const id = templateOf(principal.id)
  for (const entry of block.entries) {
    for (const value of entry.values) {
      const template = templateOf(value)
      if (entry.type === 'AWS' && knownText(template) === '*') results.push(true)
      else if (entry.type === principal.type) results.push(valueMatches(principal.type, template, id))
    }
  }
  return or(results)
}

function valueMatches(type: string, policy: Template, request: Template): Tri {
  if (sameTemplate(policy, request)) return true
  const policyText = knownText(policy)
  const requestText = knownText(request)
  if (policyText !== undefined && requestText !== undefined) {
    return policyText === requestText || (type === 'AWS' && sameAccount(policyText, requestText))
  }
  if (intersects(literalPattern(request), literalPattern(policy))) return 'unknown'
  return type === 'AWS' && mayNameAccount(policy) ? 'unknown' : false
}

const ACCOUNT_ID = /^\d{12}$/
const ACCOUNT_ROOT = /^arn:([^:]+):iam::(\d{12}):root$/
const ACCOUNT_PRINCIPAL = /^arn:([^:]+):(?:iam|sts)::(\d{12}):/

function sameAccount(policy: string, request: string): boolean {
  const principal = ACCOUNT_PRINCIPAL.exec(request)
  if (!principal) return false
  if (ACCOUNT_ID.test(policy)) return policy === principal[2]
  const root = ACCOUNT_ROOT.exec(policy)
  return root !== null && root[1] === principal[1] && root[2] === principal[2]
}

const ANY_ROOT = globPattern(text('arn:*:iam::*:root'))
const ANY_ACCOUNT_ID: Pattern = Array.from({ length: 12 }, () => 'one' as const)

function mayNameAccount(policy: Template): boolean {
  const pattern = literalPattern(policy)
  return intersects(pattern, ANY_ROOT) || intersects(pattern, ANY_ACCOUNT_ID)
}
