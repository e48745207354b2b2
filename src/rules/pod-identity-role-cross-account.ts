import type { Graph } from '../graph.js'
import { parseRoleArn } from '../iam/arn.js'
import { evaluatePolicy } from '../iam/evaluate.js'
import type { PolicyRequest } from '../iam/request.js'
import type { PodIdentityAssociation, Role } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation, type Location } from '../model/location.js'
import type { Value } from '../model/value.js'
import type { Rule } from './rule.js'
import { roleIdentity, roleKey, trustTitle } from './helpers/correlation.js'
import {
  ASSUME_ROLE,
  associationCluster,
  describeAssociation,
  disablesSessionTags,
  TAG_SESSION,
  type AssociationCluster,
  sentenceStart,
} from './helpers/pod-identity.js'

export const podIdentityRoleCrossAccount: Rule = {
  meta: {
    id: 'pod-identity-role-cross-account',
    level: 'error',
    description:
      "An EKS Pod Identity association names a role of another account than the cluster's (EKS accepts only a role of the cluster's account; another account's role is reached through target_role_arn), or its target role's trust does not let the association's role perform sts:AssumeRole and sts:TagSession.",
    remediation:
      "Give the association a role in the cluster's account and put the other account's role in target_role_arn (targetRoleARN in eksctl); let that role's trust allow the first role sts:AssumeRole and sts:TagSession.",
  },
  *check(graph, context) {
    for (const association of graph.facts.podIdentityAssociations) {
      const cluster = associationCluster(graph, context.config, association)
      const account = roleAccount(graph, association.roleArn, association)
      if (cluster.account && account && account.value !== cluster.account.value) {
        yield crossAccount(association, cluster, account)
        continue
      }
      if (association.targetRoleArn) yield* targetRefuses(graph, association)
    }
  },
}

interface Account {
  value: string
  location: Location
}

/** The account of the role a role ARN names: its literal ARN, else the one every role the scan defines for it states. */
function roleAccount(graph: Graph, roleArn: Value, association: PodIdentityAssociation): Account | undefined {
  if (roleArn.kind === 'known') {
    const account = parseRoleArn(roleArn.value.trim())?.account
    return account === undefined ? undefined : { value: account, location: roleArn.location }
  }
  const roles = graph.rolesNamedBy(roleArn, association).map((link) => link.role)
  const accounts = new Set(roles.map((role) => roleIdentity(role).account))
  const [only] = accounts
  if (accounts.size !== 1 || only === undefined) return undefined
  const role = roles[0]
  return { value: only, location: role?.account?.location ?? role?.arn?.location ?? roleArn.location }
}

function crossAccount(
  association: PodIdentityAssociation,
  cluster: AssociationCluster,
  account: Account,
): FindingDraft {
  const home = cluster.account ?? account
  const clusterName = cluster.name !== undefined ? `cluster ${cluster.name}` : 'the cluster'
  const clusterText = `${clusterName} is in account ${home.value} (${formatLocation(home.location)})`
  const refused = `but ${clusterText} and EKS accepts only a role of the cluster's account ("You can only associate roles that are in the same AWS account as the cluster")`
  const fix = association.targetRoleArn
    ? `make the role_arn a role of account ${home.value} that may assume the target role`
    : `create a role in account ${home.value} for the association and set target_role_arn (targetRoleARN in eksctl) to the role of account ${account.value}, whose trust must allow that role ${ASSUME_ROLE} and ${TAG_SESSION}`
  return {
    location: association.roleArn.location,
    message: `${sentenceStart(describeAssociation(association))} names a role of account ${account.value}, ${refused}; ${fix}`,
    related: [{ location: home.location, message: `the cluster's account ${home.value}` }],
    key: `${formatLocation(association.location)} cross-account`,
  }
}

/** The target role must trust the association's role for sts:AssumeRole (and sts:TagSession unless tags are disabled). */
function* targetRefuses(graph: Graph, association: PodIdentityAssociation): Iterable<FindingDraft> {
  const target = association.targetRoleArn
  if (!target) return
  const source = sourceRoleArn(graph, association)
  if (!source) return
  const actions = disablesSessionTags(association) ? [ASSUME_ROLE] : [ASSUME_ROLE, TAG_SESSION]
  for (const { role } of graph.rolesNamedBy(target, association)) {
    const trust = role.trustPolicy
    if (!trust) continue
    const refused = actions.filter((action) => evaluatePolicy(trust, chainRequest(action, source)).effect === 'deny')
    if (refused.length === 0) continue
    yield refusal(association, role, source, refused)
  }
}

function refusal(association: PodIdentityAssociation, role: Role, source: string, refused: string[]): FindingDraft {
  const tags = refused.includes(TAG_SESSION) && !refused.includes(ASSUME_ROLE)
  const why = tags
    ? `EKS passes the association's session tags on to the target role, which needs ${TAG_SESSION} for them (unless the association sets disable_session_tags)`
    : `EKS assumes the target role with the association role's credentials`
  return {
    location: role.trustPolicy?.location ?? role.location,
    message:
      `${sentenceStart(trustTitle(role))}, the target role of ${describeAssociation(association)}, does not let "${source}" perform ${refused.join(' and ')}; ${why}: the pods get no credentials; ` +
      `add a statement that allows the AWS principal "${source}" the actions "${ASSUME_ROLE}" and "${TAG_SESSION}"`,
    related: [{ location: association.location, message: describeAssociation(association) }],
    key: `${roleKey(role)} target-of:${formatLocation(association.location)}`,
  }
}

/** The association role's literal ARN: written, or stated by the only role the scan defines for it. */
function sourceRoleArn(graph: Graph, association: PodIdentityAssociation): string | undefined {
  const arn = association.roleArn
  if (arn.kind === 'known') return parseRoleArn(arn.value.trim()) ? arn.value.trim() : undefined
  const roles = graph.rolesNamedBy(arn, association).map((link) => link.role)
  const [role] = roles
  if (roles.length !== 1 || !role) return undefined
  const identity = roleIdentity(role)
  if (identity.account === undefined || identity.name === undefined || role.generatedName) return undefined
  const partition = role.partition ?? 'aws'
  return `arn:${partition}:iam::${identity.account}:role${identity.path ?? '/'}${identity.name}`
}

function chainRequest(action: string, roleArn: string): PolicyRequest {
  const account = parseRoleArn(roleArn)?.account ?? ''
  return {
    action,
    principal: { type: 'AWS', id: roleArn },
    context: [
      { key: 'aws:PrincipalArn', values: [roleArn] },
      { key: 'aws:PrincipalAccount', values: [account] },
      { key: 'aws:PrincipalType', values: ['AssumedRole'] },
    ],
    unknownKeyPrefixes: [''],
    subject: `role ${roleArn}`,
  }
}
