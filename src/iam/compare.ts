import { globMatches, globPattern, intersects, literalPattern, relate } from './glob.js'
import type { ConditionOperator } from './operators.js'
import { hasHoles, knownText, lowerCase, sameTemplate, text, type Template } from './template.js'
import type { Tri } from './tri.js'

/**
 * Whether one request value matches one policy value under an operator, before negation and set
 * logic. Unknown holes make the answer unknown unless no filling, or every filling, decides it.
 */
export function compareValue(operator: ConditionOperator, policyValue: Template, requestValue: Template): Tri {
  switch (operator.family) {
    case 'String':
      return compareStrings(policyValue, requestValue, operator.comparison === 'like', operator.ignoreCase)
    case 'Arn':
      return compareArns(policyValue, requestValue)
    case 'Numeric':
    case 'Date':
      return compareOrdered(operator, policyValue, requestValue)
    case 'Bool':
      return compareKnown(
        policyValue,
        requestValue,
        (policy, request) => policy.toLowerCase() === request.toLowerCase(),
      )
    case 'Binary':
      return compareKnown(policyValue, requestValue, (policy, request) => policy === request)
    case 'IpAddress':
    case 'Null':
      return 'unknown'
  }
}

function compareStrings(policyValue: Template, requestValue: Template, like: boolean, ignoreCase: boolean): Tri {
  const policy = ignoreCase ? lowerCase(policyValue) : policyValue
  const request = ignoreCase ? lowerCase(requestValue) : requestValue
  if (sameTemplate(policy, request)) return true
  const requestText = knownText(request)
  if (requestText !== undefined && !hasHoles(policy)) {
    return like ? globMatches(globPattern(policy), requestText) : false
  }
  const subject = literalPattern(request)
  const pattern = like ? globPattern(policy) : literalPattern(policy)
  // A hole in the policy value may hold anything, wildcards included: only "no match" is certain.
  if (hasHoles(policy)) return intersects(subject, pattern) ? 'unknown' : false
  const relation = relate(subject, pattern)
  return relation.contained ? true : relation.intersects ? 'unknown' : false
}

/** ArnEquals and ArnLike alike: each of the six `:`-separated parts is a case-sensitive glob. */
function compareArns(policyValue: Template, requestValue: Template): Tri {
  if (sameTemplate(policyValue, requestValue)) return true
  const policy = knownText(policyValue)
  const request = knownText(requestValue)
  if (policy === undefined || request === undefined) {
    // A whole-string glob admits at least what the part-wise one does.
    return intersects(literalPattern(requestValue), globPattern(policyValue)) ? 'unknown' : false
  }
  const policyParts = arnParts(policy)
  const requestParts = arnParts(request)
  if (!policyParts || !requestParts) return false
  return policyParts.every((part, index) => globMatches(globPattern(text(part)), requestParts[index]!))
}

function arnParts(arn: string): string[] | undefined {
  const parts = arn.split(':')
  if (parts.length < 6) return undefined
  return [...parts.slice(0, 5), parts.slice(5).join(':')]
}

function compareOrdered(operator: ConditionOperator, policyValue: Template, requestValue: Template): Tri {
  const parse = operator.family === 'Numeric' ? parseNumber : parseDate
  return compareKnown(policyValue, requestValue, (policyText, requestText) => {
    const policy = parse(policyText)
    const request = parse(requestText)
    if (policy === undefined || request === undefined) return 'unknown'
    switch (operator.comparison) {
      case 'lessThan':
        return request < policy
      case 'lessThanEquals':
        return request <= policy
      case 'greaterThan':
        return request > policy
      case 'greaterThanEquals':
        return request >= policy
      default:
        return request === policy
    }
  })
}

function compareKnown(
  policyValue: Template,
  requestValue: Template,
  test: (policy: string, request: string) => Tri,
): Tri {
  const policy = knownText(policyValue)
  const request = knownText(requestValue)
  if (policy === undefined || request === undefined) return 'unknown'
  return test(policy, request)
}

function parseNumber(value: string): number | undefined {
  const number = value.trim() === '' ? NaN : Number(value)
  return Number.isNaN(number) ? undefined : number
}

/** ISO 8601 dates and epoch seconds, as milliseconds. */
function parseDate(value: string): number | undefined {
  const epochSeconds = parseNumber(value)
  if (epochSeconds !== undefined) return epochSeconds * 1000
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : time
}
