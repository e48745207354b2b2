import { parseEksIssuerHostPath, parseOidcProviderArn, parseRoleArn, partitionOfRegion } from '../iam/arn.js'
import { formatLocation, type Location } from '../model/location.js'
import type { Rule } from './rule.js'
import { trustTitle } from './helpers/correlation.js'
import { quoted, serviceAccountTitle } from './helpers/kubernetes.js'

export const roleArnPartitionMismatch: Rule = {
  meta: {
    id: 'role-arn-partition-mismatch',
    level: 'error',
    description:
      "A ServiceAccount's eks.amazonaws.com/role-arn is in another partition (arn:aws, arn:aws-cn, arn:aws-us-gov, …) than the region of the EKS cluster whose OIDC provider the role's trust names, so STS of the cluster's partition refuses it.",
    remediation:
      "Write the role ARN with the partition of the cluster's region (arn:aws-cn: for cn-*, arn:aws-us-gov: for us-gov-*).",
  },
  *check(graph) {
    for (const sa of graph.facts.serviceAccounts) {
      if (sa.roleArn?.kind !== 'known') continue
      const arn = parseRoleArn(sa.roleArn.value.trim())
      if (!arn) continue
      const regions = new Map<string, { region: string; location: Location; trust: string }>()
      for (const { role } of graph.rolesOf(sa)) {
        for (const statement of role.trustPolicy?.statements ?? []) {
          for (const entry of statement.principal?.entries ?? []) {
            if (entry.type !== 'Federated') continue
            for (const value of entry.values) {
              const provider = value.kind === 'known' ? parseOidcProviderArn(value.value.trim()) : undefined
              const issuer = provider ? parseEksIssuerHostPath(provider.issuerHostPath) : undefined
              if (issuer)
                regions.set(partitionOfRegion(issuer.region), {
                  region: issuer.region,
                  location: value.location,
                  trust: trustTitle(role),
                })
            }
          }
        }
      }
      // Trusts of clusters in several partitions: the annotation cannot be wrong for all of them.
      if (regions.size !== 1 || regions.has(arn.partition)) continue
      const [partition, cluster] = [...regions.entries()][0]!
      yield {
        location: sa.roleArn.location,
        message:
          `eks.amazonaws.com/role-arn ${quoted(sa.roleArn.value.trim())} of ${serviceAccountTitle(sa)} is in the partition ${quoted(arn.partition)}, but ${cluster.trust} (${formatLocation(cluster.location)}) ` +
          `names the OIDC provider of a cluster in ${cluster.region}, partition ${quoted(partition)}, whose STS does not know roles of another partition: write ${quoted(`arn:${partition}:iam::${arn.account}:role${arn.path}${arn.name}`)}`,
        related: [{ location: cluster.location, message: `the Federated principal of ${cluster.trust}` }],
        key: `${serviceAccountTitle(sa)} partition`,
      }
    }
  },
}
