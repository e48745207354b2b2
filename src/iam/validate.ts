import type { Location } from '../model/location.js'
import type { PolicyDocument, PrincipalBlock, Statement } from '../model/policy.js'
import { parseOperator } from './operators.js'
import { PRINCIPAL_TYPES } from './principal.js'

/** Something that makes IAM reject the whole document (the `trust-policy-invalid` rule reports it). */
export interface InvalidReason {
  location: Location
  message: string
  statement?: Statement
}

const VERSIONS = ['2012-10-17', '2008-10-17']

/**
 * What would make IAM refuse a trust policy, as far as evaluation is concerned: no statements,
 * an unknown Version or element, a missing or wrong Effect, Principal or Action, a Resource,
 * an unknown or mis-cased condition operator. Values known only at apply time pass.
 */
export function policyProblems(policy: PolicyDocument): InvalidReason[] {
  const problems: InvalidReason[] = []
  const add = (location: Location, message: string, statement?: Statement) =>
    problems.push({ location, message, ...(statement ? { statement } : {}) })
  if (!policy.hasStatement) add(policy.location, 'the policy has no Statement')
  for (const key of policy.unknownKeys) add(key.location, `"${key.key}" is not a policy element`)
  if (policy.version?.kind === 'known' && !VERSIONS.includes(policy.version.value)) {
    add(policy.version.location, `Version "${policy.version.value}" is neither 2012-10-17 nor 2008-10-17`)
  }
  for (const statement of policy.statements) {
    for (const [location, message] of statementProblems(statement)) add(location, message, statement)
  }
  return problems
}

function statementProblems(statement: Statement): [Location, string][] {
  const problems: [Location, string][] = []
  const where = `Statement[${statement.index}]`
  const effect = statement.effect
  if (!effect) problems.push([statement.location, `${where} has no Effect`])
  else if (effect.kind === 'known' && effect.value !== 'Allow' && effect.value !== 'Deny') {
    problems.push([effect.location, `${where} has Effect "${effect.value}"; it must be "Allow" or "Deny"`])
  }
  if (statement.principal && statement.notPrincipal)
    problems.push([statement.notPrincipal.location, `${where} has both Principal and NotPrincipal`])
  if (!statement.principal && !statement.notPrincipal) problems.push([statement.location, `${where} has no Principal`])
  for (const block of [statement.principal, statement.notPrincipal])
    if (block) problems.push(...principalProblems(block, where))
  if (statement.action && statement.notAction)
    problems.push([statement.notAction.location, `${where} has both Action and NotAction`])
  if (!statement.action && !statement.notAction) problems.push([statement.location, `${where} has no Action`])
  if (statement.resource)
    problems.push([
      statement.resource.location,
      `${where} has ${statement.resource.key}, which a trust policy may not have`,
    ])
  for (const key of statement.unknownKeys) problems.push([key.location, `"${key.key}" is not a statement element`])
  for (const entry of statement.condition?.entries ?? []) {
    if (!entry.operatorReference && !parseOperator(entry.operator)) {
      problems.push([
        entry.operatorLocation,
        `"${entry.operator}" is not a condition operator (operator names are case-sensitive)`,
      ])
    }
  }
  return problems
}

function principalProblems(block: PrincipalBlock, where: string): [Location, string][] {
  const problems: [Location, string][] = []
  if (block.wildcard?.kind === 'known' && block.wildcard.value !== '*') {
    problems.push([
      block.wildcard.location,
      `${where} names the principal "${block.wildcard.value}"; a string principal must be "*"`,
    ])
  }
  for (const entry of block.entries) {
    if (!PRINCIPAL_TYPES.includes(entry.type)) {
      problems.push([
        entry.typeLocation,
        `"${entry.type}" is not a principal type (AWS, Federated, Service, CanonicalUser)`,
      ])
    }
  }
  return problems
}
