import type { Config } from '../../config.js'
import type { Graph } from '../../graph.js'
import type { ContextEntry, PolicyRequest } from '../../iam/request.js'
import type { Template } from '../../iam/template.js'
import { sameUnitOrNone, type Cluster, type PodIdentityAssociation, type Role } from '../../model/facts.js'
import { formatLocation, type Location } from '../../model/location.js'
import type { PolicyDocument, Statement } from '../../model/policy.js'
import { valueText } from '../../model/value.js'
import { getOrCreate } from '../../collections.js'

export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com'
export const ASSUME_ROLE = 'sts:AssumeRole'
export const TAG_SESSION = 'sts:TagSession'

/** The roles the scan defines for each association's role ARN, with the associations that use each. */
export function associationsByRole(graph: Graph): Map<Role, PodIdentityAssociation[]> {
  const byRole = new Map<Role, PodIdentityAssociation[]>()
  for (const association of graph.facts.podIdentityAssociations) {
    for (const { role } of graph.rolesNamedBy(association.roleArn, association)) {
      getOrCreate(byRole, role, () => []).push(association)
    }
  }
  return byRole
}

/** Roles some Pod Identity association of the scan uses. */
export function podIdentityRoles(graph: Graph): Set<Role> {
  return new Set(associationsByRole(graph).keys())
}

export function disablesSessionTags(association: PodIdentityAssociation): boolean {
  return association.disableSessionTags?.kind === 'known' && association.disableSessionTags.value === 'true'
}

/** "Pod Identity association aws_eks_pod_identity_association.x (payments/ledger, infra/pi.tf:3)". */
export function describeAssociation(association: PodIdentityAssociation): string {
  const who = `${valueText(association.namespace)}/${valueText(association.serviceAccount)}`
  const name = association.terraform
    ? `Pod Identity association ${association.terraform.address}`
    : 'the Pod Identity association'
  return `${name} (${who}, ${formatLocation(association.location)})`
}

/** What the scan knows of the cluster an association is made in. */
export interface AssociationCluster {
  name?: string
  account?: { value: string; location: Location }
  region?: string
  /** The cluster facts of the association's unit that it names (empty when the cluster is not in the scan). */
  facts: Cluster[]
}

/**
 * The cluster of an association, by its known name: the clusters of its unit (or of none) of that
 * name, and the config file's cluster of that name.
 */
export function associationCluster(
  graph: Graph,
  config: Config,
  association: PodIdentityAssociation,
): AssociationCluster {
  const named = association.cluster?.kind === 'known' ? association.cluster.value : undefined
  const inUnit = graph.facts.clusters.filter((cluster) => sameUnitOrNone(cluster.unit, association.unit))
  const facts = inUnit.filter(
    (cluster) => named !== undefined && cluster.name.kind === 'known' && cluster.name.value === named,
  )
  const name = named
  const result: AssociationCluster = { facts }
  if (name !== undefined) result.name = name
  const configured = name !== undefined ? config.clusters.find((cluster) => cluster.name === name) : undefined
  const accounts = new Set(
    facts.flatMap((cluster) => (cluster.account?.kind === 'known' ? [cluster.account.value] : [])),
  )
  const stated = facts.find((cluster) => cluster.account?.kind === 'known')?.account
  if (accounts.size === 1 && stated)
    result.account = { value: stated.kind === 'known' ? stated.value : '', location: stated.location }
  else if (accounts.size === 0 && configured?.account)
    result.account = { value: configured.account, location: configured.location ?? association.location }
  const region = facts.find((cluster) => cluster.region?.kind === 'known')?.region
  if (region?.kind === 'known') result.region = region.value
  else if (configured?.region) result.region = configured.region
  return result
}

/**
 * The request EKS Pod Identity makes to assume an association's role: the session tags it adds
 * (pod-id-abac, "List of session tags added by EKS Pod Identity": eks-cluster-arn,
 * eks-cluster-name, kubernetes-namespace, kubernetes-service-account, kubernetes-pod-name,
 * kubernetes-pod-uid) as far as the association states them, none when it disables them;
 * aws:SourceAccount when the cluster's account is known. Every other key is unknown.
 */
export function associationRequest(
  action: string,
  association: PodIdentityAssociation,
  cluster: AssociationCluster,
): PolicyRequest {
  const context: ContextEntry[] = []
  const tag = (name: string): string => `aws:RequestTag/${name}`
  if (disablesSessionTags(association)) {
    for (const name of SESSION_TAGS) context.push({ key: tag(name), values: [] })
  } else {
    if (association.namespace.kind === 'known')
      context.push({ key: tag('kubernetes-namespace'), values: [association.namespace.value] })
    if (association.serviceAccount.kind === 'known')
      context.push({ key: tag('kubernetes-service-account'), values: [association.serviceAccount.value] })
    if (cluster.name !== undefined) {
      context.push({ key: tag('eks-cluster-name'), values: [cluster.name] })
      const arn: Template = [
        { text: 'arn:' },
        { hole: 'partition' },
        { text: ':eks:' },
        cluster.region !== undefined ? { text: cluster.region } : { hole: 'region' },
        { text: ':' },
        cluster.account ? { text: cluster.account.value } : { hole: 'account' },
        { text: `:cluster/${cluster.name}` },
      ]
      context.push({ key: tag('eks-cluster-arn'), values: [arn] })
    }
  }
  if (cluster.account) context.push({ key: 'aws:SourceAccount', values: [cluster.account.value] })
  return {
    action,
    principal: { type: 'Service', id: POD_IDENTITY_PRINCIPAL },
    context,
    unknownKeyPrefixes: [''],
    subject: 'EKS Pod Identity',
  }
}

const SESSION_TAGS = [
  'eks-cluster-arn',
  'eks-cluster-name',
  'kubernetes-namespace',
  'kubernetes-service-account',
  'kubernetes-pod-name',
  'kubernetes-pod-uid',
]

/** The Allow statements of a trust that name the service principal pods.eks.amazonaws.com literally. */
export function podIdentityStatements(policy: PolicyDocument): Statement[] {
  return policy.statements.filter(
    (statement) =>
      statement.effect?.kind === 'known' &&
      statement.effect.value === 'Allow' &&
      (statement.principal?.entries ?? []).some(
        (entry) =>
          entry.type === 'Service' &&
          entry.values.some((value) => value.kind === 'known' && value.value.trim() === POD_IDENTITY_PRINCIPAL),
      ),
  )
}

/** A title at the start of a sentence: "Role x's trust", but "module.karpenter's trust" as written. */
export function sentenceStart(title: string): string {
  return /^(role|cluster|the|a|an)\b/.test(title) ? `${title.charAt(0).toUpperCase()}${title.slice(1)}` : title
}
