import type { Graph } from '../graph.js'
import type { FargateProfile, PermissionStatement, Workload } from '../model/facts.js'
import { formatLocation, type Location } from '../model/location.js'
import { managedPolicyName, managedPolicyUse } from '../model/managed-policies.js'
import type { Rule } from './rule.js'
import { roleTitle } from './helpers/correlation.js'
import { hasRoleArn, objectTitle } from './helpers/kubernetes.js'
import { selectsWorkload } from './helpers/platform.js'

/**
 * awsdocs/amazon-eks-user-guide (@4d52b4d0) pod-execution-role.adoc: "The containers running in the
 * Fargate Pod can't assume the IAM permissions associated with a Pod execution role." What the
 * execution role is for (AmazonEKSFargatePodExecutionRolePolicy, and Fargate logging): pulling
 * images from ECR and writing logs.
 */
const EXECUTION_SERVICES: ReadonlySet<string> = new Set(['ecr', 'logs'])

export const fargateExecutionRolePermissions: Rule = {
  meta: {
    id: 'fargate-execution-role-permissions',
    level: 'error',
    description:
      "A Fargate profile's pod execution role is given application permissions while pods the profile runs have no IRSA role: containers on Fargate cannot use the execution role's permissions.",
    remediation:
      'Give the pods a ServiceAccount annotated with an IRSA role that has these permissions, and keep the pod execution role to ECR and logging.',
  },
  *check(graph) {
    for (const profile of graph.facts.fargateProfiles ?? []) {
      if (!profile.podExecutionRoleArn) continue
      const withoutIrsa = selectedWithoutIrsa(graph, profile)
      if (withoutIrsa.length === 0) continue
      const pods =
        withoutIrsa
          .slice(0, 3)
          .map((workload) => `${objectTitle(workload)} (${formatLocation(workload.location)})`)
          .join(', ') + (withoutIrsa.length > 3 ? ` and ${withoutIrsa.length - 3} more` : '')
      for (const { role } of graph.rolesNamedBy(profile.podExecutionRoleArn, profile)) {
        const grants: { location: Location; what: string }[] = []
        const statement = role.permissions?.statements.find(grantsApplicationAction)
        if (statement) grants.push({ location: statement.location, what: 'this statement gives it' })
        for (const attached of role.managedPolicyArns ?? []) {
          if (attached.arn.kind !== 'known' || managedPolicyUse(attached.arn) !== 'application') continue
          grants.push({
            location: attached.location,
            what: `this attaches ${managedPolicyName(attached.arn) ?? attached.arn.value}, which gives it`,
          })
        }
        for (const grant of grants) {
          yield {
            location: grant.location,
            message:
              `${capitalised(roleTitle(role))} is the pod execution role of ${profile.label}, and ${grant.what} permissions beyond pulling images and writing logs, ` +
              `but containers on Fargate cannot use the execution role's permissions, and ${pods}, which the profile runs on Fargate, have no IRSA role: ` +
              `their AWS calls get no credentials; give them a ServiceAccount with an IRSA role that has these permissions`,
            related: [{ location: profile.location, message: profile.label }],
            key: `fargate-execution-role ${profile.label} ${formatLocation(grant.location)}`,
          }
        }
      }
    }
  },
}

/** The scanned workloads the profile certainly runs whose ServiceAccount has no role-arn annotation. */
function selectedWithoutIrsa(graph: Graph, profile: FargateProfile): Workload[] {
  return graph.facts.workloads.filter((workload) => {
    if (workload.unit !== undefined && workload.unit !== profile.unit) return false
    if (!profile.selectors.some((selector) => selectsWorkload(selector, workload))) return false
    const serviceAccounts = graph.serviceAccountsOf(workload)
    // A ServiceAccount no scanned file defines may be annotated where irsa-guard cannot see.
    return serviceAccounts.length > 0 && !serviceAccounts.some(hasRoleArn) && !hasPodIdentity(graph, workload)
  })
}

function hasPodIdentity(graph: Graph, workload: Workload): boolean {
  const name = workload.serviceAccountName?.kind === 'known' ? workload.serviceAccountName.value : 'default'
  return graph.facts.podIdentityAssociations.some(
    (association) =>
      association.namespace.kind !== 'known' ||
      association.serviceAccount.kind !== 'known' ||
      (workload.namespace.kind === 'known' &&
        association.namespace.value === workload.namespace.value &&
        association.serviceAccount.value === name),
  )
}

/** An unconditional Allow of a known action of a service other than ECR and CloudWatch Logs. */
function grantsApplicationAction(statement: PermissionStatement): boolean {
  if (statement.effect?.kind !== 'known' || statement.effect.value !== 'Allow' || statement.conditional) return false
  return (statement.actions ?? []).some((action) => {
    if (action.kind !== 'known') return false
    const service = action.value.split(':')[0]?.toLowerCase() ?? ''
    return action.value === '*' || (action.value.includes(':') && !EXECUTION_SERVICES.has(service))
  })
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
