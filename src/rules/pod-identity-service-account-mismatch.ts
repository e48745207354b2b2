import { sameUnitOrNone, type PodIdentityAssociation, type ServiceAccount } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { qualifiedName, serviceAccountTitle } from './helpers/kubernetes.js'

export const podIdentityServiceAccountMismatch: Rule = {
  meta: {
    id: 'pod-identity-service-account-mismatch',
    level: 'error',
    description:
      'An EKS Pod Identity association names a namespace and ServiceAccount that the scanned files do not define, while they define a ServiceAccount of that name, without a role-arn annotation, in another namespace that no association covers: its pods get no credentials.',
    remediation:
      "Make the association's namespace and service account name those of the ServiceAccount the pods run as.",
  },
  *check(graph) {
    const associations = graph.facts.podIdentityAssociations
    for (const association of associations) {
      const { namespace, serviceAccount: name } = association
      // Every namespace has a ServiceAccount "default", defined in manifests or not.
      if (namespace.kind !== 'known' || name.kind !== 'known' || name.value === 'default') continue
      if (graph.serviceAccountsNamed(namespace, name, association).length > 0) continue
      // A ServiceAccount of that name whose namespace is known only at apply time may be the one.
      const sameName = graph.facts.serviceAccounts.filter(
        (sa) => sameUnitOrNone(sa.unit, association.unit) && sa.name.kind === 'known' && sa.name.value === name.value,
      )
      if (sameName.some((sa) => sa.namespace.kind !== 'known')) continue
      // One with a role-arn annotation gets credentials through IRSA: not evidently the association's.
      const elsewhere = sameName.filter(
        (sa) => sa.roleArn === undefined && !coveredByAnother(associations, association, sa),
      )
      const rendered = elsewhere[0]
      if (!rendered) continue
      yield {
        location: association.namespace.location,
        message:
          `${describe(association)} gives the role to ServiceAccount ${qualifiedName(namespace, name.value)}, which no scanned file defines, but ${serviceAccountTitle(rendered)} (${formatLocation(rendered.location)}) ` +
          `is defined in namespace ${namespaceText(rendered)} and no association covers it: its pods get no credentials from EKS Pod Identity; set the association's namespace to ${namespaceText(rendered)}`,
        related: [
          { location: rendered.location, message: `${serviceAccountTitle(rendered)}, the ServiceAccount of that name` },
        ],
        key: `${formatLocation(association.location)} ${qualifiedName(namespace, name.value)}`,
      }
    }
  },
}

function coveredByAnother(
  associations: readonly PodIdentityAssociation[],
  self: PodIdentityAssociation,
  sa: ServiceAccount,
): boolean {
  return associations.some(
    (other) =>
      other !== self &&
      other.namespace.kind === 'known' &&
      sa.namespace.kind === 'known' &&
      other.namespace.value === sa.namespace.value &&
      other.serviceAccount.kind === 'known' &&
      sa.name.kind === 'known' &&
      other.serviceAccount.value === sa.name.value,
  )
}

function namespaceText(sa: ServiceAccount): string {
  return sa.namespace.kind === 'known' ? sa.namespace.value : sa.namespace.expression
}

function describe(association: PodIdentityAssociation): string {
  const cluster = association.cluster?.kind === 'known' ? ` on cluster ${association.cluster.value}` : ''
  const name = association.terraform
    ? `Pod Identity association ${association.terraform.address}`
    : 'The Pod Identity association'
  return `${name}${cluster}`
}
