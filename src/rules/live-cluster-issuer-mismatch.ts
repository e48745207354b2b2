import { getOrCreate } from '../collections.js'
import { NO_UNIT } from '../graph.js'
import { formatLocation, type Location } from '../model/location.js'
import type { PolicyDocument } from '../model/policy.js'
import {
  clustersContradicting,
  describeServiceAccount,
  knownClusters,
  roleIdentity,
  roleTitle,
  trustIssuers,
  type KnownCluster,
} from './helpers/correlation.js'
import {
  deployedRole,
  deployedRoleTitle,
  describeLiveCluster,
  liveClusters,
  liveObservations,
  liveServiceAccounts,
  repositoryTrusts,
} from './helpers/live.js'
import type { Rule } from './rule.js'

export const liveClusterIssuerMismatch: Rule = {
  meta: {
    id: 'live-cluster-issuer-mismatch',
    level: 'error',
    description:
      "eks:DescribeCluster reports another OIDC issuer for the cluster than the one a role's trust names (in the repository or as deployed): the cluster was recreated, or the trust was copied from another cluster.",
    remediation:
      "Name the cluster's current issuer in the trust's Federated provider and condition keys (better: take it from the cluster's Terraform outputs).",
  },
  *check(graph, context) {
    const observations = liveObservations(graph)
    if (!observations) return
    const live = liveClusters(observations)
    if (live.length === 0) return
    const offline = knownClusters(graph, context.config)
    const reported = new Map<PolicyDocument, Set<string>>()
    for (const { sa, target, lookup } of liveServiceAccounts(graph, observations)) {
      const repository = repositoryTrusts(graph, sa)
      const account = target.account ?? lookup.account
      const stale = (policy: PolicyDocument) =>
        trustIssuers(policy).flatMap((issuer) => {
          const owner = issuer.account ?? account
          // A contradiction the config file's clusters show already is cluster-issuer-mismatch's.
          if (clustersContradicting(issuer.hostPath, owner, offline, NO_UNIT).length > 0) return []
          const cluster = clustersContradicting(issuer.hostPath, owner, live, NO_UNIT)[0]
          return cluster ? [{ ...issuer, cluster, owner }] : []
        })
      const findings: {
        location: Location
        hostPath: string
        cluster: KnownCluster
        owner: string
        trust: string
        fix: string
        document: PolicyDocument
      }[] = []
      for (const role of repository) {
        for (const issuer of stale(role.trustPolicy)) {
          findings.push({
            ...issuer,
            trust: `${roleTitle(role)}'s trust (${formatLocation(issuer.location)})`,
            fix: '',
            document: role.trustPolicy,
          })
        }
      }
      const deployed = deployedRole(target, lookup)
      if (deployed?.trustPolicy) {
        for (const issuer of stale(deployed.trustPolicy)) {
          if (findings.some((each) => each.hostPath === issuer.hostPath)) continue
          const apply = repository[0]
            ? `apply the repository's trust (${formatLocation(repository[0].trustPolicy.location)}), or `
            : ''
          findings.push({
            ...issuer,
            location: target.location,
            trust: `the deployed trust of ${deployedRoleTitle(lookup)} (iam:GetRole)`,
            fix: apply,
            document: deployed.trustPolicy,
          })
        }
      }
      for (const finding of findings) {
        // The Federated provider and the condition keys name the same issuer: one finding, at the first.
        const seen = getOrCreate(reported, finding.document, () => new Set<string>())
        if (seen.has(finding.hostPath)) continue
        seen.add(finding.hostPath)
        const providerAccount =
          finding.owner ?? roleIdentity(deployed ?? repository[0]!).account ?? finding.cluster.account
        const cluster = finding.cluster
        const clusterLookup = { name: cluster.name, region: cluster.region, account: cluster.account }
        yield {
          location: finding.location,
          message:
            `${finding.trust} names issuer ${finding.hostPath}, but ${describeLiveCluster(clusterLookup, cluster.issuer)}, so the cluster's tokens are refused; ` +
            `${finding.fix}name "arn:${target.partition}:iam::${providerAccount}:oidc-provider/${cluster.hostPath}" and the condition keys "${cluster.hostPath}:sub" and ":aud"`,
          related: [{ location: target.location, message: describeServiceAccount(sa) }],
          key: `${finding.location.path} issuer:${finding.hostPath} cluster:${cluster.name}`,
        }
      }
    }
  },
}
