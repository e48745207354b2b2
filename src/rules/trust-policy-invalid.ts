import type { Role } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import type { Location } from '../model/location.js'
import type { PolicyDocument, PrincipalBlock, Statement } from '../model/policy.js'
import type { Rule } from './rule.js'
import { irsaTrustPolicies } from './helpers/irsa-scope.js'
import { describeStatement, statementKey } from './helpers/conditions.js'
import {
  capitalise,
  CONDITION_OPERATORS,
  DOCUMENT_KEYS,
  EFFECTS,
  isConditionOperator,
  nearestName,
  POLICY_VERSIONS,
  PRINCIPAL_TYPES,
  quotedList,
  TRUST_STATEMENT_KEYS,
} from './helpers/policy-grammar.js'

const REJECTED = 'so IAM rejects the policy (MalformedPolicyDocument)'

export const trustPolicyInvalid: Rule = {
  meta: {
    id: 'trust-policy-invalid',
    level: 'error',
    description:
      'A trust policy that breaks the IAM policy grammar: duplicate keys, a missing Statement, Effect, Principal or Action, a Resource element, an unknown or mis-cased condition operator, an unknown Version or key.',
    remediation:
      'Correct the element the finding names; IAM rejects the whole policy (MalformedPolicyDocument) until then.',
  },
  *check(graph) {
    for (const { role, policy } of irsaTrustPolicies(graph)) {
      yield* documentProblems(role, policy)
      for (const statement of policy.statements) yield* statementProblems(role, statement)
    }
  },
}

function* documentProblems(role: Role, policy: PolicyDocument): Iterable<FindingDraft> {
  const key = `role:${role.label}`
  if (!policy.hasStatement) {
    yield policy.statementLocation
      ? {
          location: policy.statementLocation,
          message: `"Statement" is neither a statement object nor an array of statements, ${REJECTED}; write "Statement": [{"Effect": "Allow", "Principal": {...}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {...}}]`,
          key: `${key} statement-shape`,
        }
      : {
          location: policy.location,
          message: `The trust policy has no "Statement", ${REJECTED}; add "Statement": [{"Effect": "Allow", "Principal": {...}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {...}}]`,
          key: `${key} statement-missing`,
        }
  }
  const version = policy.version
  if (version?.kind === 'known' && !POLICY_VERSIONS.includes(version.value)) {
    yield {
      location: version.location,
      message: `Version "${version.value}" is not a policy language version (only "2012-10-17" and "2008-10-17" exist), ${REJECTED}; write "Version": "2012-10-17"`,
      key: `${key} version`,
    }
  }
  for (const unknown of policy.unknownKeys) {
    yield {
      location: unknown.location,
      message: `Unknown top-level key "${unknown.key}" (a policy has only ${quotedList(DOCUMENT_KEYS)}), ${REJECTED}; ${fixFor(unknown.key, DOCUMENT_KEYS)}`,
      key: `${key} key:${unknown.key}`,
    }
  }
}

function* statementProblems(role: Role, statement: Statement): Iterable<FindingDraft> {
  const where = describeStatement(statement)
  const key = statementKey(role, statement)
  const at = (location: Location, message: string, what: string): FindingDraft => ({
    location,
    message,
    key: `${key} ${what}`,
  })

  for (const unknown of statement.unknownKeys) {
    const fix =
      unknown.key === 'Resource' || unknown.key === 'NotResource'
        ? 'remove it'
        : fixFor(unknown.key, TRUST_STATEMENT_KEYS)
    yield at(
      unknown.location,
      `Unknown key "${unknown.key}" in ${where} (a trust-policy statement has only ${quotedList(TRUST_STATEMENT_KEYS)}), ${REJECTED}; ${fix}`,
      `key:${unknown.key}`,
    )
  }

  const effect = statement.effect
  if (!effect) {
    yield at(
      statement.location,
      `${capitalise(where)} has no "Effect", ${REJECTED}; add "Effect": "Allow"`,
      'effect-missing',
    )
  } else if (effect.kind === 'known' && !EFFECTS.includes(effect.value)) {
    const suggestion = nearestName(effect.value, EFFECTS) ?? 'Allow'
    yield at(
      effect.location,
      `"Effect": "${effect.value}" in ${where} is neither "Allow" nor "Deny" (case-sensitive), ${REJECTED}; write "Effect": "${suggestion}"`,
      'effect',
    )
  }

  if (!statement.principal && !statement.notPrincipal) {
    yield at(
      statement.location,
      `${capitalise(where)} has no "Principal", which every trust-policy statement needs, ${REJECTED}; add "Principal": {"Federated": "<OIDC provider ARN>"}`,
      'principal-missing',
    )
  } else if (statement.principal && statement.notPrincipal) {
    yield at(
      statement.notPrincipal.location,
      `${capitalise(where)} has both "Principal" and "NotPrincipal", ${REJECTED}; keep only "Principal"`,
      'principal-both',
    )
  }
  for (const [name, block] of [
    ['Principal', statement.principal],
    ['NotPrincipal', statement.notPrincipal],
  ] as const) {
    if (block) yield* principalProblems(block, name, where, key)
  }

  if (!statement.action && !statement.notAction) {
    yield at(
      statement.location,
      `${capitalise(where)} has no "Action", ${REJECTED}; add "Action": "sts:AssumeRoleWithWebIdentity"`,
      'action-missing',
    )
  } else if (statement.action && statement.notAction) {
    yield at(
      statement.notAction.location,
      `${capitalise(where)} has both "Action" and "NotAction", ${REJECTED}; keep only "Action"`,
      'action-both',
    )
  }

  if (statement.resource) {
    yield at(
      statement.resource.location,
      `${capitalise(where)} has a "${statement.resource.key}" element, which trust policies prohibit, so IAM rejects the policy ("Has prohibited field ${statement.resource.key}"); remove it (the role is the resource)`,
      'resource',
    )
  }

  const reported = new Set<string>()
  for (const entry of statement.condition?.entries ?? []) {
    if (entry.operatorReference || isConditionOperator(entry.operator)) continue
    const place = `${entry.operatorLocation.line}:${entry.operatorLocation.column}`
    if (reported.has(place)) continue
    reported.add(place)
    const withoutIfExists = entry.operator.replace(/IfExists$/, '')
    const suggestion = nearestName(entry.operator, CONDITION_OPERATORS)
    const fix =
      withoutIfExists !== entry.operator && isConditionOperator(withoutIfExists)
        ? `write "${withoutIfExists}" ("${withoutIfExists}" takes no "IfExists")`
        : suggestion
          ? `write "${suggestion}"`
          : 'use an operator such as "StringEquals" or "StringLike" (names are case-sensitive)'
    yield at(
      entry.operatorLocation,
      `Condition operator "${entry.operator}" in ${where} is not an IAM operator, so IAM rejects the policy ("Invalid Condition type : ${entry.operator}"); ${fix}`,
      `operator:${entry.operator}`,
    )
  }
}

function* principalProblems(block: PrincipalBlock, name: string, where: string, key: string): Iterable<FindingDraft> {
  if (block.wildcard?.kind === 'known' && block.wildcard.value !== '*') {
    yield {
      location: block.wildcard.location,
      message: `"${name}": "${block.wildcard.value}" in ${where} is a string other than "*", ${REJECTED}; write "${name}": {"Federated": "${block.wildcard.value}"} (or the principal type it is)`,
      key: `${key} ${name}-string`,
    }
  }
  for (const entry of block.entries) {
    if (PRINCIPAL_TYPES.includes(entry.type)) continue
    const suggestion = nearestName(entry.type, PRINCIPAL_TYPES)
    yield {
      location: entry.typeLocation,
      message: `Principal type "${entry.type}" in ${where} is not one IAM knows (${quotedList(PRINCIPAL_TYPES)}, case-sensitive), ${REJECTED}; ${suggestion ? `write "${suggestion}"` : 'use "Federated" for an OIDC provider'}`,
      key: `${key} ${name}-type:${entry.type}`,
    }
  }
}

function fixFor(written: string, names: readonly string[]): string {
  const suggestion = nearestName(written, names)
  return suggestion ? `write "${suggestion}"` : 'remove it'
}
