import type { Location } from '../model/location.js'
import type { PolicyDocument, Statement, ValueList } from '../model/policy.js'
import { evaluateCondition, type ConditionMismatch } from './conditions.js'
import { globMatches, globPattern, intersects, literalPattern } from './glob.js'
import { principalMatches } from './principal.js'
import type { PolicyRequest } from './request.js'
import { describeTemplate, hasHoles, lowerCase, templateOf, templateText, text, type Template } from './template.js'
import { and, not, or, possible, type Tri } from './tri.js'
import { policyProblems, type InvalidReason } from './validate.js'

export type { InvalidReason } from './validate.js'
export type { ConditionMismatch } from './conditions.js'

/** Principal, NotPrincipal, Action or NotAction that does not (or may not) match, or conditions only known at apply. */
export interface ElementMismatch {
  element: 'Principal' | 'NotPrincipal' | 'Action' | 'NotAction' | 'ConditionReference'
  result: false | 'unknown'
  location: Location
  message: string
}

export type Mismatch = ElementMismatch | ConditionMismatch

export interface StatementOutcome {
  statement: Statement
  /** For messages: `statement "AllowApp"` or `Statement[1]`. */
  label: string
  /** 'unknown' when the Effect is a reference or invalid. */
  effect: 'Allow' | 'Deny' | 'unknown'
  /** Whether the statement applies to the request: principal, action and every condition match. */
  applies: Tri
  principal: Tri
  action: Tri
  condition: Tri
  /** Everything that does not (or may not) match, in order: principal, action, conditions. */
  mismatches: Mismatch[]
  invalid: InvalidReason[]
}

export interface Decision {
  effect: 'allow' | 'deny' | 'unknown'
  /** A Deny statement applies. */
  explicitDeny: boolean
  /** Allow statements that apply. */
  allowedBy: StatementOutcome[]
  /** Deny statements that apply. */
  deniedBy: StatementOutcome[]
  /** Why IAM would reject the document; the decision is then unknown. */
  invalid: InvalidReason[]
  statements: StatementOutcome[]
  /** One sentence: why this effect. */
  summary: string
}

/**
 * IAM's evaluation of one resource-based policy (a role trust policy): an applicable Deny wins,
 * else an applicable Allow allows, else the request is implicitly denied. Three-valued: what
 * depends on a value unknown before apply is 'unknown', never a denial.
 */
export function evaluatePolicy(policy: PolicyDocument, request: PolicyRequest): Decision {
  const invalid = policyProblems(policy)
  const statements = policy.statements.map((statement) => evaluateStatement(statement, request, invalid))
  const unknownStatements = (policy.symbolicStatements ?? []).length > 0
  const allowedBy = statements.filter((outcome) => outcome.effect === 'Allow' && outcome.applies === true)
  const deniedBy = statements.filter((outcome) => outcome.effect === 'Deny' && outcome.applies === true)
  const mayApply = (effect: 'Allow' | 'Deny'): boolean =>
    unknownStatements || statements.some((outcome) => outcome.effect !== other(effect) && possible(outcome.applies))

  const decide = (effect: Decision['effect'], summary: string): Decision => ({
    effect,
    explicitDeny: effect === 'deny' && deniedBy.length > 0,
    allowedBy,
    deniedBy,
    invalid,
    statements,
    summary,
  })

  if (invalid.length > 0) return decide('unknown', `IAM would reject this policy: ${invalid[0]!.message}`)
  if (deniedBy.length > 0) return decide('deny', `explicitly denied by ${deniedBy[0]!.label}`)
  if (!mayApply('Allow')) return decide('deny', implicitDenial(statements))
  if (mayApply('Deny')) return decide('unknown', unknownSummary(statements, 'Deny', unknownStatements))
  if (allowedBy.length > 0) return decide('allow', `allowed by ${allowedBy[0]!.label}`)
  return decide('unknown', unknownSummary(statements, 'Allow', unknownStatements))
}

function other(effect: 'Allow' | 'Deny'): 'Allow' | 'Deny' {
  return effect === 'Allow' ? 'Deny' : 'Allow'
}

function evaluateStatement(statement: Statement, request: PolicyRequest, invalid: InvalidReason[]): StatementOutcome {
  const mismatches: Mismatch[] = []
  const principal = evaluatePrincipal(statement, request, mismatches)
  const action = evaluateAction(statement, request, mismatches)
  const conditions: Tri[] = []
  for (const entry of statement.condition?.entries ?? []) {
    const { result, mismatch } = evaluateCondition(entry, request)
    conditions.push(result)
    if (mismatch) mismatches.push(mismatch)
  }
  for (const reference of statement.symbolicConditions ?? []) {
    conditions.push('unknown')
    mismatches.push({
      element: 'ConditionReference',
      result: 'unknown',
      location: reference.location,
      message: `conditions ${describeTemplate(templateOf(reference))} are known only at apply time`,
    })
  }
  const condition = and(conditions)
  const problems = invalid.filter((problem) => problem.statement === statement)
  const effectText = statement.effect?.kind === 'known' ? statement.effect.value : undefined
  const effect = effectText === 'Allow' || effectText === 'Deny' ? effectText : 'unknown'
  return {
    statement,
    label: statementLabel(statement),
    effect,
    applies: problems.length > 0 ? 'unknown' : and([principal, action, condition]),
    principal,
    action,
    condition,
    mismatches,
    invalid: problems,
  }
}

function evaluatePrincipal(statement: Statement, request: PolicyRequest, mismatches: Mismatch[]): Tri {
  const block = statement.principal ?? statement.notPrincipal
  if (!block) return 'unknown'
  const named = principalMatches(block, request.principal)
  const result = statement.principal ? named : not(named)
  if (result !== true) {
    const who = `${request.principal.type} ${describeTemplate(templateOf(request.principal.id))}`
    const element = statement.principal ? 'Principal' : 'NotPrincipal'
    const message =
      result === 'unknown'
        ? `whether the ${element} names ${who} is not known before apply`
        : statement.principal
          ? `the Principal does not name ${who}`
          : `the NotPrincipal names ${who}`
    mismatches.push({ element, result, location: block.location, message })
  }
  return result
}

function evaluateAction(statement: Statement, request: PolicyRequest, mismatches: Mismatch[]): Tri {
  const list: ValueList | undefined = statement.action ?? statement.notAction
  if (!list) return 'unknown'
  const named = or(list.values.map((value) => actionMatches(templateOf(value), request.action)))
  const result = statement.action ? named : not(named)
  if (result !== true) {
    const element = statement.action ? 'Action' : 'NotAction'
    const written = list.values.map((value) => templateText(templateOf(value))).join(', ')
    const message =
      result === 'unknown'
        ? `whether ${element} ${written} covers ${request.action} is not known before apply`
        : statement.action
          ? `the Action ${written} does not include ${request.action}`
          : `the NotAction ${written} excludes ${request.action}`
    mismatches.push({ element, result, location: list.location, message })
  }
  return result
}

/** Action names compare case-insensitively, with `*` and `?` wildcards. */
function actionMatches(policyAction: Template, action: string): Tri {
  const pattern = globPattern(lowerCase(policyAction))
  if (!hasHoles(policyAction)) return globMatches(pattern, action.toLowerCase())
  return intersects(literalPattern(text(action.toLowerCase())), pattern) ? 'unknown' : false
}

export function statementLabel(statement: Statement): string {
  const sid = statement.sid?.kind === 'known' && statement.sid.value !== '' ? statement.sid.value : undefined
  return sid !== undefined ? `statement "${sid}"` : `Statement[${statement.index}]`
}

function implicitDenial(statements: StatementOutcome[]): string {
  const allows = statements.filter((outcome) => outcome.effect === 'Allow')
  if (allows.length === 0) return 'no statement allows it: the policy has no Allow statement'
  const reasons = allows.map((outcome) => {
    const first = outcome.mismatches.find((mismatch) => mismatch.result === false)
    return `${outcome.label}: ${first?.message ?? 'does not apply'}`
  })
  return `no statement allows it (${reasons.join('; ')})`
}

function unknownSummary(statements: StatementOutcome[], effect: 'Allow' | 'Deny', unknownStatements: boolean): string {
  const undecided = statements.find((outcome) => outcome.effect !== other(effect) && outcome.applies === 'unknown')
  const why = undecided?.mismatches.find((mismatch) => mismatch.result === 'unknown')
  if (undecided && why) return `whether ${undecided.label} applies is not known before apply: ${why.message}`
  if (unknownStatements) return 'some statements are known only at apply time'
  return `whether ${undecided?.label ?? 'a statement'} applies is not known before apply`
}
