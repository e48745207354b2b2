import { formatLocation, type Location } from '../model/location.js'
import type { PolicyDocument, Statement, ValueList } from '../model/policy.js'
import { evaluateCondition, type ConditionMismatch } from './conditions.js'
import { globMatches, globPattern, intersects, literalPattern } from './glob.js'
import { principalMatches } from './principal.js'
import type { PolicyRequest, RequestPrincipal } from './request.js'
import {
  describeTemplate,
  hasHoles,
  knownText,
  lowerCase,
  templateOf,
  templateText,
  text,
  type Template,
} from './template.js'
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
 *
 * Only the statements that may name the request's principal are evaluated to decide (see
 * `PolicyIndex`); the others' outcomes, which only messages read, are evaluated when first read.
 */
export function evaluatePolicy(policy: PolicyDocument, request: PolicyRequest): Decision {
  const index = policyIndex(policy)
  const invalid = index.invalid
  const positions = index.candidates(request.principal)
  const outcomes = new Map<number, StatementOutcome>()
  const outcomeAt = (position: number): StatementOutcome => {
    let outcome = outcomes.get(position)
    if (!outcome) {
      outcome = evaluateStatement(statementAt(policy, position), request, invalid)
      outcomes.set(position, outcome)
    }
    return outcome
  }
  const candidates = (positions ?? policy.statements.map((_, position) => position)).map(outcomeAt)
  const unknownStatements = (policy.symbolicStatements ?? []).length > 0
  const allowedBy = candidates.filter((outcome) => outcome.effect === 'Allow' && outcome.applies === true)
  const deniedBy = candidates.filter((outcome) => outcome.effect === 'Deny' && outcome.applies === true)
  // A statement that is not a candidate names another principal: it does not apply.
  const mayApply = (effect: 'Allow' | 'Deny'): boolean =>
    unknownStatements || candidates.some((outcome) => outcome.effect !== other(effect) && possible(outcome.applies))

  let statements: StatementOutcome[] | undefined
  const allStatements = (): StatementOutcome[] =>
    (statements ??= policy.statements.map((_, position) => outcomeAt(position)))
  const decide = (effect: Decision['effect'], summary: () => string): Decision => {
    let written: string | undefined
    const decision = {
      effect,
      explicitDeny: effect === 'deny' && deniedBy.length > 0,
      allowedBy,
      deniedBy,
      invalid,
    } as Decision
    Object.defineProperty(decision, 'statements', { enumerable: true, get: allStatements })
    Object.defineProperty(decision, 'summary', { enumerable: true, get: () => (written ??= summary()) })
    return decision
  }

  const [firstInvalid] = invalid
  if (firstInvalid) return decide('unknown', () => `IAM would reject this policy: ${firstInvalid.message}`)
  const [firstDenial] = deniedBy
  if (firstDenial) return decide('deny', () => `explicitly denied by ${firstDenial.label}`)
  if (!mayApply('Allow')) return decide('deny', () => implicitDenial(allStatements()))
  if (mayApply('Deny')) return decide('unknown', () => unknownSummary(candidates, 'Deny', unknownStatements))
  const [firstAllow] = allowedBy
  if (firstAllow) return decide('allow', () => `allowed by ${firstAllow.label}`)
  return decide('unknown', () => unknownSummary(candidates, 'Allow', unknownStatements))
}

/**
 * What `evaluatePolicy` would say about one of the policy's statements, worked out from that
 * statement and the policy's statements whose Effect is not Allow: 'allowed' (the request is
 * allowed, and the statement is among `allowedBy`), 'blocked' (among `allowedBy`, but the request
 * is not allowed), 'not-applying' (not among `allowedBy`), 'never-allowed' (the policy allows no
 * request: IAM rejects it, or some of its statements are unknown); undefined when that cannot be
 * told so (the statement's principal is not a literal one): evaluate the policy.
 */
export function statementVerdict(
  policy: PolicyDocument,
  statement: Statement,
  request: PolicyRequest,
): 'allowed' | 'blocked' | 'not-applying' | 'never-allowed' | undefined {
  const index = policyIndex(policy)
  if (index.invalid.length > 0 || (policy.symbolicStatements ?? []).length > 0) return 'never-allowed'
  if (!index.mayName(statement, request.principal)) return 'not-applying'
  const blockers = index.blockers(request.principal)
  if (!blockers) return undefined
  const own = evaluateStatement(statement, request, index.invalid)
  if (own.effect !== 'Allow' || own.applies !== true) return 'not-applying'
  const blocked = blockers.some((position) =>
    possible(evaluateStatement(statementAt(policy, position), request, index.invalid).applies),
  )
  return blocked ? 'blocked' : 'allowed'
}

/**
 * The principals (`principalKey`) a statement names when it names them by literal values only:
 * it applies to requests of no other principal. Undefined when it may apply to any.
 */
export function literalPrincipals(policy: PolicyDocument, statement: Statement): ReadonlySet<string> | undefined {
  return policyIndex(policy).namedBy.get(statement)
}

/** The principal as `literalPrincipals` names it; undefined when it has unknown parts or is an AWS principal. */
export function principalKey(principal: RequestPrincipal): string | undefined {
  return requestPrincipalKey(principal)
}

/**
 * What a policy's decisions share, worked out once per policy: IAM's objections to it, and its
 * statements by the principal they name. A statement whose Principal only names Federated,
 * Service or CanonicalUser principals by literal values applies to no other principal; the rest
 * (AWS principals, wildcards, NotPrincipal, unknown values, invalid statements) may apply to any.
 */
class PolicyIndex {
  readonly invalid: InvalidReason[]
  private readonly general: number[] = []
  private readonly named = new Map<string, number[]>()
  private readonly candidateCache = new Map<string, number[]>()
  private readonly blockerCache = new Map<string, number[]>()
  /** The principals a statement with a literal Principal names. */
  readonly namedBy = new Map<Statement, Set<string>>()

  constructor(private readonly policy: PolicyDocument) {
    this.invalid = policyProblems(policy)
    const troubled = new Set(this.invalid.flatMap((problem) => (problem.statement ? [problem.statement] : [])))
    policy.statements.forEach((statement, position) => {
      const keys = troubled.has(statement) ? undefined : literalPrincipalKeys(statement)
      if (!keys) this.general.push(position)
      else this.namedBy.set(statement, new Set(keys))
      for (const key of keys ?? []) {
        const list = this.named.get(key)
        if (!list) this.named.set(key, [position])
        else if (list[list.length - 1] !== position) list.push(position)
      }
    })
  }

  /** False when the statement names principals by literal values only, and not this one. */
  mayName(statement: Statement, principal: RequestPrincipal): boolean {
    const named = this.namedBy.get(statement)
    if (!named) return true
    const key = requestPrincipalKey(principal)
    // A principal with unknown parts never certainly equals a literal one; an AWS principal is of another type.
    return key !== undefined && named.has(key)
  }

  /** Positions (ascending) of the statements that may apply to requests by this principal; undefined: all. */
  candidates(principal: RequestPrincipal): readonly number[] | undefined {
    const key = requestPrincipalKey(principal)
    if (key === undefined) return undefined
    let cached = this.candidateCache.get(key)
    if (!cached) {
      cached = mergeAscending(this.general, this.named.get(key) ?? [])
      this.candidateCache.set(key, cached)
    }
    return cached
  }

  /** Of those, the ones whose Effect is not Allow (Deny, or not known): any that may apply keeps the request from being allowed. */
  blockers(principal: RequestPrincipal): readonly number[] | undefined {
    const key = requestPrincipalKey(principal)
    if (key === undefined) return undefined
    let cached = this.blockerCache.get(key)
    if (!cached) {
      cached = this.candidates(principal)!.filter((position) => {
        const effect = statementAt(this.policy, position).effect
        return !(effect?.kind === 'known' && effect.value === 'Allow')
      })
      this.blockerCache.set(key, cached)
    }
    return cached
  }
}

const indexes = new WeakMap<PolicyDocument, PolicyIndex>()

function policyIndex(policy: PolicyDocument): PolicyIndex {
  let index = indexes.get(policy)
  if (!index) {
    index = new PolicyIndex(policy)
    indexes.set(policy, index)
  }
  return index
}

const INDEXED_TYPES = new Set(['Federated', 'Service', 'CanonicalUser'])

function literalPrincipalKeys(statement: Statement): string[] | undefined {
  const block = statement.principal
  if (!block || statement.notPrincipal || block.wildcard) return undefined
  const keys: string[] = []
  for (const entry of block.entries) {
    if (!INDEXED_TYPES.has(entry.type)) return undefined
    for (const value of entry.values) {
      if (value.kind !== 'known') return undefined
      keys.push(`${entry.type}\n${value.value}`)
    }
  }
  return keys
}

function requestPrincipalKey(principal: RequestPrincipal): string | undefined {
  if (!INDEXED_TYPES.has(principal.type)) return undefined
  const id = knownText(templateOf(principal.id))
  return id === undefined ? undefined : `${principal.type}\n${id}`
}

/** Positions come from the index built over this policy's statements: one outside them is a bug. */
function statementAt(policy: PolicyDocument, position: number): Statement {
  const statement = policy.statements[position]
  if (!statement)
    throw new Error(`no statement at position ${position} of the policy at ${formatLocation(policy.location)}`)
  return statement
}

function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = []
  let i = 0
  let j = 0
  for (;;) {
    const [x, y] = [a[i], b[j]]
    if (x !== undefined && (y === undefined || x < y)) {
      merged.push(x)
      i += 1
    } else if (y !== undefined) {
      merged.push(y)
      j += 1
    } else {
      break
    }
  }
  return merged
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
