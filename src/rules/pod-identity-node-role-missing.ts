import type { Graph } from '../graph.js'
import { identityAllows } from '../iam/identity-policy.js'
import {
  sameUnitOrNone,
  type Cluster,
  type NodeGroup,
  type PermissionStatement,
  type PodIdentityAssociation,
  type RolePermissions,
} from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation, type Location } from '../model/location.js'
import { managedPolicyName } from '../model/managed-policies.js'
import { known, sameValue, valueText, type Value } from '../model/value.js'
import type { Rule } from './rule.js'
import { roleTitle } from './helpers/correlation.js'
import { describeAssociation } from './helpers/pod-identity.js'

const ACTION = 'eks-auth:AssumeRoleForPodIdentity'

/**
 * AWS managed policies that allow it, from the AWS Managed Policy Reference
 * (docs.aws.amazon.com/aws-managed-policy/latest/reference): AmazonEKSWorkerNodePolicy (since v3,
 * 2023-11-27) and AmazonEKSWorkerNodeMinimalPolicy (v1, 2024-10-02) name the action;
 * AdministratorAccess allows `*`, PowerUserAccess every action outside iam, organizations and account.
 */
const ALLOWING: ReadonlySet<string> = new Set([
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKSWorkerNodeMinimalPolicy',
  'AdministratorAccess',
  'PowerUserAccess',
])

/**
 * AWS managed policies node roles are commonly given whose documents (same reference) name only
 * actions of their own services (ec2, ecr, ssm, ssmmessages, ec2messages, cloudwatch, logs): no eks-auth.
 * Any other managed policy may allow it.
 */
const NOT_ALLOWING: ReadonlySet<string> = new Set([
  'AmazonEKS_CNI_Policy',
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonEC2ContainerRegistryPullOnly',
  'AmazonEC2ContainerRegistryPowerUser',
  'AmazonSSMManagedInstanceCore',
  'CloudWatchAgentServerPolicy',
  'AmazonEBSCSIDriverPolicy',
])

export const podIdentityNodeRoleMissing: Rule = {
  meta: {
    id: 'pod-identity-node-role-missing',
    level: 'error',
    description: `A cluster has EKS Pod Identity associations, and the role of one of its node groups, whose policies the scan knows completely, does not allow ${ACTION}: the Pod Identity agent on those nodes cannot get any pod its credentials.`,
    remediation: `Attach AmazonEKSWorkerNodePolicy (or AmazonEKSWorkerNodeMinimalPolicy) to the node role, or allow ${ACTION} in one of its policies.`,
  },
  *check(graph) {
    const associations = graph.facts.podIdentityAssociations
    if (associations.length === 0) return
    for (const group of graph.facts.nodeGroups ?? []) {
      if (group.windows || !group.cluster) continue
      const cluster = group.cluster
      const using = associations.filter(
        (association) =>
          association.cluster !== undefined &&
          sameValue(association.cluster, cluster) &&
          sameUnitOrNone(association.unit, group.unit),
      )
      if (using.length === 0 || autoMode(graph, group, cluster)) continue
      const finding = missingPermission(graph, group, using)
      if (finding) yield finding
    }
  },
}

function missingPermission(
  graph: Graph,
  group: NodeGroup,
  associations: readonly PodIdentityAssociation[],
): FindingDraft | undefined {
  let where: { location: Location; role: string; policies: string } | undefined
  if (group.createdRole) {
    const role = group.createdRole
    if (grants(role.permissions, role.managedPolicyArns) !== false) return undefined
    where = { location: role.location, role: role.label, policies: policyNames(role.managedPolicyArns) }
  } else if (group.roleArn) {
    const roles = graph.rolesNamedBy(group.roleArn, group).map((link) => link.role)
    const [role] = roles
    if (
      !role ||
      roles.some((each) => !each.permissions || grants(each.permissions, each.managedPolicyArns ?? []) !== false)
    )
      return undefined
    const [firstPolicy] = role.managedPolicyArns ?? []
    where = {
      location: firstPolicy?.location ?? role.location,
      role: roleTitle(role),
      policies: policyNames(role.managedPolicyArns ?? []),
    }
  }
  const [association] = associations
  if (!where || !association) return undefined
  const more = associations.length > 1 ? ` and ${associations.length - 1} more` : ''
  const cluster = group.cluster?.kind === 'known' ? `cluster ${group.cluster.value}` : 'the cluster'
  return {
    location: where.location,
    message:
      `${group.label.charAt(0).toUpperCase()}${group.label.slice(1)} runs as ${where.role}, whose policies (${where.policies || 'no managed policy'}) do not allow ${ACTION}, but ${describeAssociation(association)}${more} give${more ? '' : 's'} pods of ${cluster} roles through EKS Pod Identity: ` +
      `the Pod Identity agent on these nodes calls ${ACTION} as the node role and is refused, so pods scheduled there get no credentials; attach AmazonEKSWorkerNodePolicy (or AmazonEKSWorkerNodeMinimalPolicy) to the node role`,
    related: [
      { location: group.location, message: group.label },
      ...associations.map((each) => ({ location: each.location, message: describeAssociation(each) })),
    ],
    key: `pod-identity-node-role ${group.unit ?? ''} ${formatLocation(group.location)}`,
  }
}

/** Whether the role's policies allow the action: false only when all of them are known and none does. */
function grants(permissions: RolePermissions, managed: readonly { arn: Value }[]): boolean | 'unknown' {
  const names = managed.map((policy) => managedPolicyName(policy.arn))
  if (names.some((name) => name !== undefined && ALLOWING.has(name))) return true
  if (!permissions.complete) {
    const unread = permissions.unreadManagedPolicies
    if (!unread) return 'unknown'
    for (const arn of unread) {
      const name = managedPolicyName(arn)
      if (name === undefined || !NOT_ALLOWING.has(name)) return 'unknown'
    }
  }
  // The action's resource is the cluster; a statement for some resource is taken to be for it.
  const statements = permissions.statements.map(anyResource)
  const decision = identityAllows({ complete: true, statements }, ACTION, '*')
  if (decision.allowed === true) return true
  return decision.allowed === false && !decision.deniedBy ? false : 'unknown'
}

function anyResource(statement: PermissionStatement): PermissionStatement {
  const rest: PermissionStatement = { ...statement }
  delete rest.notResources
  const everything =
    statement.resources?.length === 1 &&
    statement.resources[0]?.kind === 'known' &&
    statement.resources[0].value === '*'
  return {
    ...rest,
    resources: [known('*', statement.location)],
    conditional:
      statement.conditional || (!everything && statement.effect?.kind === 'known' && statement.effect.value === 'Deny'),
  }
}

function policyNames(managed: readonly { arn: Value }[]): string {
  return managed.map((policy) => managedPolicyName(policy.arn) ?? valueText(policy.arn)).join(', ')
}

/** EKS Auto Mode nodes run the agent with their own role; a value known only at apply time may turn it on. */
function autoMode(graph: Graph, group: NodeGroup, name: Value): boolean {
  return graph.facts.clusters.some(
    (cluster: Cluster) =>
      sameUnitOrNone(cluster.unit, group.unit) &&
      sameValue(cluster.name, name) &&
      cluster.autoMode !== undefined &&
      !(cluster.autoMode.kind === 'known' && cluster.autoMode.value === 'false'),
  )
}
