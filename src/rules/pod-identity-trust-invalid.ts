import { evaluatePolicy, type Decision, type StatementOutcome } from '../iam/evaluate.js'
import type { PolicyRequest } from '../iam/request.js'
import type { FindingDraft } from '../model/finding.js'
import type { PodIdentityAssociation, Role } from '../model/facts.js'
import type { Location } from '../model/location.js'
import type { PolicyDocument } from '../model/policy.js'
import type { Value } from '../model/value.js'
import type { Rule } from './rule.js'
import { describeStatement } from './helpers/conditions.js'
import { roleKey, trustTitle } from './helpers/correlation.js'
import { capitalise } from './helpers/policy-grammar.js'
import { federatedValues, isOidcFederated, keyText } from './helpers/trust.js'
import {
  ASSUME_ROLE,
  associationsByRole,
  describeAssociation,
  disablesSessionTags,
  POD_IDENTITY_PRINCIPAL,
  TAG_SESSION,
} from './helpers/pod-identity.js'

const STATEMENT_TO_ADD = `{"Effect": "Allow", "Principal": {"Service": "${POD_IDENTITY_PRINCIPAL}"}, "Action": ["${ASSUME_ROLE}", "${TAG_SESSION}"]}`
const INVALID_TRUST =
  'EKS refuses the association with "InvalidParameterException: Trust policy of the role provided is invalid"'

export const podIdentityTrustInvalid: Rule = {
  meta: {
    id: 'pod-identity-trust-invalid',
    level: 'error',
    description: `The trust policy of a role used by an EKS Pod Identity association does not let the service principal ${POD_IDENTITY_PRINCIPAL} perform ${ASSUME_ROLE} and ${TAG_SESSION}.`,
    remediation: `Add the statement ${STATEMENT_TO_ADD} to the role's trust (an IRSA trust with a Federated OIDC provider does not serve Pod Identity).`,
  },
  *check(graph) {
    for (const [role, associations] of associationsByRole(graph)) {
      if (!role.trustPolicy) continue
      const finding = judge(role, role.trustPolicy, associations)
      if (finding) yield finding
    }
  },
}

/** The request EKS Pod Identity makes; every condition key is taken as unknown (session tags, source ARN and account). */
function podIdentityRequest(action: string): PolicyRequest {
  return {
    action,
    principal: { type: 'Service', id: POD_IDENTITY_PRINCIPAL },
    context: [],
    unknownKeyPrefixes: [''],
    subject: 'EKS Pod Identity',
  }
}

interface Problem {
  location: Location
  /** Completes "<trust> (<file:line>) …". */
  phrase: string
  fix: string
}

function judge(
  role: Role,
  policy: PolicyDocument,
  associations: readonly PodIdentityAssociation[],
): FindingDraft | undefined {
  const assume = evaluatePolicy(policy, podIdentityRequest(ASSUME_ROLE))
  const problem =
    assume.effect === 'deny'
      ? assumeRoleProblem(policy, assume)
      : associations.every(disablesSessionTags)
        ? undefined
        : tagSessionProblem(policy, evaluatePolicy(policy, podIdentityRequest(TAG_SESSION)))
  const [first] = associations
  if (!problem || !first) return undefined
  const more = associations.length > 1 ? ` and ${associations.length - 1} more` : ''
  return {
    location: problem.location,
    message: `${capitalise(trustTitle(role))}, which ${describeAssociation(first)}${more} use${more ? '' : 's'}, ${problem.phrase}; ${problem.fix}`,
    related: associations.map((association) => ({
      location: association.location,
      message: describeAssociation(association),
    })),
    key: `${roleKey(role)} pod-identity`,
  }
}

function assumeRoleProblem(policy: PolicyDocument, decision: Decision): Problem {
  const denied = decision.deniedBy[0]
  if (denied) {
    return {
      location: denied.statement.location,
      phrase: `denies ${ASSUME_ROLE} to ${POD_IDENTITY_PRINCIPAL} in ${denied.label}, so the pods get no credentials`,
      fix: `narrow that Deny statement so that it does not match the ${POD_IDENTITY_PRINCIPAL} service principal`,
    }
  }
  const allows = decision.statements.filter((outcome) => outcome.effect === 'Allow')
  const namesPodIdentity = allows.find((outcome) => outcome.principal !== false && outcome.action === false)
  if (namesPodIdentity) {
    const actions = namesPodIdentity.statement.action
    return {
      location: actions?.location ?? namesPodIdentity.statement.location,
      phrase: `lets ${POD_IDENTITY_PRINCIPAL} perform only ${actionList(actions?.values)} in ${namesPodIdentity.label}, not ${ASSUME_ROLE}, so ${INVALID_TRUST}`,
      fix: `set that statement's Action to ["${ASSUME_ROLE}", "${TAG_SESSION}"]`,
    }
  }
  const nearMiss = nearMissService(allows)
  if (nearMiss) {
    const { value, outcome } = nearMiss
    return {
      location: value.location,
      phrase: `names the service principal "${keyText(value)}"${serviceHint(keyText(value))} in ${outcome.label}, not "${POD_IDENTITY_PRINCIPAL}", so ${INVALID_TRUST}`,
      fix: `change it to "${POD_IDENTITY_PRINCIPAL}" with the actions "${ASSUME_ROLE}" and "${TAG_SESSION}"`,
    }
  }
  const irsa = allows.find((outcome) => federatedValues(outcome.statement).some(isOidcFederated))
  if (irsa) {
    return {
      location: irsa.statement.location,
      phrase:
        `is an IRSA trust: ${describeStatement(irsa.statement)} lets an OIDC provider (Federated) assume the role with sts:AssumeRoleWithWebIdentity, ` +
        `but Pod Identity assumes it as the service principal ${POD_IDENTITY_PRINCIPAL} with ${ASSUME_ROLE}, so ${INVALID_TRUST}`,
      fix: `add the statement ${STATEMENT_TO_ADD} (keep the IRSA statement only while ServiceAccounts still use IRSA)`,
    }
  }
  return {
    location: policy.location,
    phrase: `has no Allow statement for the service principal ${POD_IDENTITY_PRINCIPAL}, so ${INVALID_TRUST}`,
    fix: `add the statement ${STATEMENT_TO_ADD}`,
  }
}

function tagSessionProblem(policy: PolicyDocument, decision: Decision): Problem | undefined {
  if (decision.effect !== 'deny') return undefined
  const symptom = `EKS tags every Pod Identity session, so the pods get no credentials ("not authorized to perform: ${TAG_SESSION}")`
  const denied = decision.deniedBy[0]
  if (denied) {
    return {
      location: denied.statement.location,
      phrase: `denies ${TAG_SESSION} to ${POD_IDENTITY_PRINCIPAL} in ${denied.label}, and ${symptom}`,
      fix: `narrow that Deny statement so that it does not match ${TAG_SESSION} for ${POD_IDENTITY_PRINCIPAL}`,
    }
  }
  const allowing = decision.statements.find(
    (outcome) => outcome.effect === 'Allow' && outcome.principal !== false && outcome.statement.action,
  )
  const location = allowing?.statement.action?.location ?? policy.location
  return {
    location,
    phrase: `lets ${POD_IDENTITY_PRINCIPAL} perform ${ASSUME_ROLE} but not ${TAG_SESSION}, and ${symptom}`,
    fix: allowing
      ? `add "${TAG_SESSION}" to the Action of ${allowing.label}`
      : `allow "${TAG_SESSION}" for ${POD_IDENTITY_PRINCIPAL}`,
  }
}

/** A Service principal that looks meant for Pod Identity: any EKS service principal or a near spelling. */
function nearMissService(allows: readonly StatementOutcome[]): { value: Value; outcome: StatementOutcome } | undefined {
  for (const outcome of allows) {
    for (const entry of outcome.statement.principal?.entries ?? []) {
      if (entry.type.toLowerCase() !== 'service') continue
      const value = entry.values.find((candidate) => candidate.kind === 'known' && /eks|pods/i.test(candidate.value))
      if (value) return { value, outcome }
    }
  }
  return undefined
}

function serviceHint(service: string): string {
  if (service === 'eks.amazonaws.com') return ' (the principal of an EKS cluster role)'
  if (service === 'eks-fargate-pods.amazonaws.com') return ' (the principal of a Fargate pod execution role)'
  if (service.endsWith('.amazonaws.com.cn')) return ' (the principal has no ".cn" form: it is the same in China)'
  return ''
}

function actionList(values: readonly Value[] | undefined): string {
  if (!values || values.length === 0) return 'no action'
  return values.map((value) => `"${keyText(value)}"`).join(', ')
}
