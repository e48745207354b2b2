import type { Config } from '../config.js'
import type { Graph } from '../graph.js'
import { issuerHostPath, parseOidcProviderArn, parseRoleArn } from '../iam/arn.js'
import { sameUnitOrNone, type DeployUnit, type ServiceAccount } from '../model/facts.js'
import { formatLocation, type Location } from '../model/location.js'
import { knownString, type Value } from '../model/value.js'
import { getOrCreate } from '../collections.js'
import type { Rule } from './rule.js'
import {
  annotatedRole,
  describeServiceAccount,
  knownClusters,
  roleIdentity,
  serviceAccountKey,
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
    const clusters = clustersWithAccounts(graph, context.config)
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
      const provider =
        cluster.hostPath !== undefined
          ? `an IAM OIDC provider for ${cluster.hostPath}`
          : "an IAM OIDC provider for the cluster's issuer"
      yield {
        location: annotated.value.location,
        message:
          `${describeServiceAccount(sa)} names a role in account ${account}, but it runs on cluster ${cluster.name} ${cluster.accountFromProvider ? 'whose IAM OIDC provider is in' : 'of'} account ${cluster.account} (${cluster.accountSaid}), ` +
          `and the scanned sources set up nothing in account ${account} (no role, OIDC provider or AWS profile of it); ` +
          `if the account ID is a mistake, change the annotation to account ${cluster.account}; for cross-account IRSA, account ${account} needs ${provider} and the role's trust must name it`,
        key: `${serviceAccountKey(sa)} cluster-account:${cluster.account} role-account:${account}`,
      }
    }
  },
}

/** A cluster a ServiceAccount may run on, with its account when the repository or the config file says it. */
interface AccountCluster {
  name: string
  account?: string | undefined
  /** Where the account is said: `.irsa-guard.yml:2`, `eksctl-cluster.yaml:9` (its service role ARN). */
  accountSaid: string
  /** The account is only that of the cluster's IAM OIDC provider (a literal provider ARN). */
  accountFromProvider?: boolean
  hostPath?: string
  unit?: DeployUnit
}

/**
 * The clusters of the config file and of the sources (whatever their issuer), a source's cluster
 * only once when the config file names it too (same issuer, or same name). Unit-less candidates
 * without a known account still count: they keep clusterOf from guessing between accounts.
 */
function clustersWithAccounts(graph: Graph, config: Config): AccountCluster[] {
  const clusters: AccountCluster[] = []
  const configured = knownClusters(graph, config)
  const providers = providerArnsByIssuer(graph)
  for (const cluster of configured) {
    const provider = cluster.account === undefined ? soleAccount(providers.get(cluster.hostPath)) : undefined
    clusters.push({
      name: cluster.name,
      account: cluster.account ?? provider?.account,
      accountSaid: provider
        ? formatLocation(provider.location)
        : cluster.location
          ? formatLocation(cluster.location)
          : 'from the config file',
      hostPath: cluster.hostPath,
      ...(provider ? { accountFromProvider: true } : {}),
      ...(cluster.unit !== undefined ? { unit: cluster.unit } : {}),
    })
  }
  for (const cluster of graph.facts.clusters) {
    const issuer = knownString(cluster.issuer)
    const name = knownString(cluster.name)
    if (issuer !== undefined && configured.some((other) => other.hostPath === issuerHostPath(issuer))) continue
    if (name !== undefined && configured.some((other) => other.name === name)) continue
    const account = cluster.account?.kind === 'known' ? cluster.account : undefined
    const provider =
      account === undefined && issuer !== undefined ? soleAccount(providers.get(issuerHostPath(issuer))) : undefined
    clusters.push({
      name: name ?? `at ${formatLocation(cluster.location)}`,
      account: account?.value ?? provider?.account,
      accountSaid: formatLocation(provider?.location ?? account?.location ?? cluster.location),
      ...(issuer !== undefined ? { hostPath: issuerHostPath(issuer) } : {}),
      ...(provider ? { accountFromProvider: true } : {}),
      ...(cluster.unit !== undefined ? { unit: cluster.unit } : {}),
    })
  }
  return clusters
}

interface ProviderArn {
  account: string
  location: Location
}

/**
 * Literal OIDC provider ARNs by issuer host/path: of the providers the scan defines and of the
 * trusts' Federated principals. A cluster whose account no source states has its IAM OIDC provider
 * in the account they all name (cross-account IRSA would show a second account).
 */
function providerArnsByIssuer(graph: Graph): Map<string, ProviderArn[]> {
  const byIssuer = new Map<string, ProviderArn[]>()
  const add = (value: Value | undefined): void => {
    const arn = value?.kind === 'known' ? parseOidcProviderArn(value.value.trim()) : undefined
    if (value && arn)
      getOrCreate(byIssuer, arn.issuerHostPath, () => []).push({ account: arn.account, location: value.location })
  }
  for (const provider of graph.facts.oidcProviders) add(provider.arn)
  for (const value of federatedPrincipals(graph)) add(value)
  return byIssuer
}

function soleAccount(arns: readonly ProviderArn[] | undefined): ProviderArn | undefined {
  const [first] = arns ?? []
  return first && (arns ?? []).every((arn) => arn.account === first.account) ? first : undefined
}

/** Every value of a `Federated` principal in the scan's trust policies. */
function federatedPrincipals(graph: Graph): Value[] {
  return graph.facts.roles.flatMap((role) =>
    (role.trustPolicy?.statements ?? []).flatMap((statement) =>
      (statement.principal?.entries ?? []).flatMap((entry) => (entry.type === 'Federated' ? entry.values : [])),
    ),
  )
}

/** The one cluster the ServiceAccount may run on, when every candidate agrees on the account. */
function clusterOf(sa: ServiceAccount, clusters: readonly AccountCluster[]): AccountCluster | undefined {
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
  // A trust's Federated provider is in the role's account, whether the scan knows that account or not.
  for (const value of federatedPrincipals(graph)) {
    const arn = value.kind === 'known' ? parseOidcProviderArn(value.value.trim()) : undefined
    if (arn) accounts.add(arn.account)
  }
  for (const profile of graph.facts.awsProfiles) {
    const arn = profile.roleArn?.kind === 'known' ? parseRoleArn(profile.roleArn.value) : undefined
    if (arn) accounts.add(arn.account)
  }
  return accounts
}
