import type { Cluster, OidcProvider, Role } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { Value } from '../model/value.js'
import type { Rule } from './rule.js'
import { roleTitle } from './helpers/correlation.js'
import { valueText } from './helpers/kubernetes.js'

/**
 * awsdocs/amazon-eks-user-guide (@4d52b4d0) service-accounts.adoc: "You can't use IAM roles for
 * service accounts with local clusters for Amazon EKS on AWS Outposts". eksctl
 * pkg/apis/eksctl.io/v1alpha5/validation.go (@99984adb): "iam.withOIDC is not supported on
 * Outposts". terraform-aws-eks v21.19.0 main.tf: `create_oidc_provider = … && !local.create_outposts_local_cluster`.
 */
export const outpostsIrsaUnsupported: Rule = {
  meta: {
    id: 'outposts-irsa-unsupported',
    level: 'error',
    description:
      'IRSA is set up for a local EKS cluster on AWS Outposts (an IAM OIDC provider for its issuer, eksctl iam.withOIDC or iam.serviceAccounts, a role trusting its provider), where IAM roles for service accounts are not available.',
    remediation:
      'Do not use IRSA on a local cluster on Outposts: give the workloads credentials another way (the node role, or a cluster in the AWS Region).',
  },
  *check(graph) {
    for (const cluster of graph.facts.clusters) {
      const outpost = cluster.outpost
      const references = cluster.oidcReferences ?? []
      if (!outpost || references.length === 0) continue
      const derived = (value: Value | undefined): boolean =>
        value?.kind === 'symbolic' && references.some((reference) => value.expression.includes(reference))
      const name = valueText(cluster.name)
      const flagged = new Set<OidcProvider>()
      for (const provider of graph.facts.oidcProviders) {
        if (provider.unit !== cluster.unit) continue
        if (!(
          derived(provider.url) ||
          derived(provider.arn) ||
          provider.arnReferences.some((ref) =>
            derived({ kind: 'symbolic', expression: ref, location: provider.location }),
          )
        ))
          continue
        flagged.add(provider)
        yield {
          location: provider.location,
          message: `This IAM OIDC provider is for cluster ${name}, a local cluster on AWS Outposts (${formatLocation(outpost)}), which cannot use IAM roles for service accounts; remove it and give the workloads credentials another way`,
          related: [{ location: outpost, message: 'the Outposts configuration' }],
          key: `outposts-irsa ${clusterKey(cluster)} provider ${formatLocation(provider.location)}`,
        }
      }
      for (const role of graph.facts.roles) {
        if (role.unit !== cluster.unit) continue
        const federated = trustedProvider(role, derived)
        if (!federated) continue
        if (graph.providersNamed(federated, role).some((provider) => flagged.has(provider))) continue
        yield {
          location: federated.location,
          message: `${capitalised(roleTitle(role))} trusts the OIDC provider of cluster ${name}, a local cluster on AWS Outposts (${formatLocation(outpost)}), which has none: IAM roles for service accounts are not available there; give the workloads credentials another way`,
          related: [{ location: outpost, message: 'the Outposts configuration' }],
          key: `outposts-irsa ${clusterKey(cluster)} role ${formatLocation(role.location)}`,
        }
      }
    }
  },
}

/** The first Federated principal of the role's trust that stands for the cluster's provider. */
function trustedProvider(role: Role, derived: (value: Value | undefined) => boolean): Value | undefined {
  for (const statement of role.trustPolicy?.statements ?? []) {
    for (const entry of statement.principal?.entries ?? []) {
      if (entry.type !== 'Federated') continue
      const value = entry.values.find((candidate) => derived(candidate))
      if (value) return value
    }
  }
  return undefined
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function clusterKey(cluster: Cluster): string {
  return cluster.terraform?.address ?? valueText(cluster.name)
}
