import type { Graph } from '../graph.js'
import { parseOidcProviderArn, parseRoleArn } from '../iam/arn.js'
import { sameUnitOrNone, type ServiceAccount } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import {
  annotatedRole,
  describeServiceAccount,
  knownClusters,
  roleIdentity,
  serviceAccountKey,
  type KnownCluster,
} from './helpers/correlation.js'
import { rolesInOtherAccounts } from './helpers/role-index.js'

/**
 * A ServiceAccount whose role-arn annotation names an account other than its cluster's while the
 * repository shows nothing of that account (no role, OIDC provider or profile of it): a typo'd or
 * copied account ID rather than cross-account IRSA. When the scan defines the role under that name
 * in another account, role-account-mismatch reports the annotation instead.
 */
export const roleAccountDiffersFromCluster: Rule = {
  meta: {
    id: 'role-account-differs-from-cluster',
    level: 'warning',
    description:
      "A ServiceAccount's eks.amazonaws.com/role-arn names a role in another account than its cluster's, and the repository sets up nothing in that account (no role, OIDC provider or AWS profile).",
    remediation:
      "Correct the annotation's account ID to the cluster's, or, for cross-account IRSA, create the cluster's OIDC provider and the role in that account (in the repository, so the chain can be checked).",
  },
  *check(graph, context) {
    const clusters = knownClusters(graph, context.config)
    if (clusters.length === 0) return
    const accountsInScan = accountsSetUp(graph)
    for (const sa of graph.facts.serviceAccounts) {
      const annotated = annotatedRole(sa)
      if (!annotated || graph.rolesOf(sa).length > 0) continue
      const account = annotated.arn.account
      if (accountsInScan.has(account)) continue
      // role-account-mismatch's finding: the role is defined, in another account.
      if (rolesInOtherAccounts(graph, annotated.arn, sa).length > 0) continue
      const cluster = clusterOf(sa, clusters)
      if (!cluster?.account || cluster.account === account) continue
      yield {
        location: annotated.value.location,
        message:
          `${describeServiceAccount(sa)} names a role in account ${account}, but it runs on cluster ${cluster.name} of account ${cluster.account} (${cluster.location ? formatLocation(cluster.location) : 'from the config file'}), ` +
          `and the scanned sources set up nothing in account ${account} (no role, OIDC provider or AWS profile of it); ` +
          `if the account ID is a mistake, change the annotation to account ${cluster.account}; for cross-account IRSA, account ${account} needs an IAM OIDC provider for ${cluster.hostPath} and the role's trust must name it`,
        key: `${serviceAccountKey(sa)} cluster-account:${cluster.account} role-account:${account}`,
      }
    }
  },
}

/** The one cluster the ServiceAccount may run on, when every candidate agrees on the account. */
function clusterOf(sa: ServiceAccount, clusters: readonly KnownCluster[]): KnownCluster | undefined {
  const candidates = clusters.filter((cluster) => sameUnitOrNone(cluster.unit, sa.unit))
  const [first] = candidates
  if (!first?.account) return undefined
  return candidates.every((cluster) => cluster.account === first.account) ? first : undefined
}

/** Accounts the repository does something in: roles it defines, OIDC providers, profiles' roles, trusts' providers. */
function accountsSetUp(graph: Graph): Set<string> {
  const accounts = new Set<string>()
  for (const role of graph.facts.roles) {
    const account = roleIdentity(role).account
    if (account !== undefined) accounts.add(account)
  }
  for (const provider of graph.facts.oidcProviders) {
    const arn = provider.arn?.kind === 'known' ? parseOidcProviderArn(provider.arn.value) : undefined
    if (arn) accounts.add(arn.account)
  }
  for (const profile of graph.facts.awsProfiles) {
    const arn = profile.roleArn?.kind === 'known' ? parseRoleArn(profile.roleArn.value) : undefined
    if (arn) accounts.add(arn.account)
  }
  return accounts
}
