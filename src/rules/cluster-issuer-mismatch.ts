import { isNonEmpty, type NonEmpty } from '../collections.js'
import type { Graph } from '../graph.js'
import { issuerHostPath, parseOidcProviderArn } from '../iam/arn.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation, type Location } from '../model/location.js'
import type { Rule } from './rule.js'
import { allowedIrsaStatements } from './helpers/conditions.js'
import {
  clustersContradicting,
  describeCluster,
  knownClusters,
  roleIdentity,
  roleKey,
  trustTitle,
  type KnownCluster,
} from './helpers/correlation.js'
import { claimOf, federatedValues, keyIssuer } from './helpers/trust.js'

export const clusterIssuerMismatch: Rule = {
  meta: {
    id: 'cluster-issuer-mismatch',
    level: 'error',
    description:
      'The OIDC issuer a trust policy or an OIDC provider names is not the issuer of the known cluster in that region and account (an old, recreated or copied cluster).',
    remediation:
      "Use the cluster's current issuer (identity.oidc.issuer without https://) in the provider ARN, the condition keys and the provider URL.",
  },
  *check(graph, context) {
    const clusters = knownClusters(graph, context.config)
    if (clusters.length === 0) return
    yield* trustIssuers(graph, clusters)
    yield* providerUrls(graph, clusters)
  },
}

function* trustIssuers(graph: Graph, clusters: readonly KnownCluster[]): Iterable<FindingDraft> {
  for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
    const reported = new Set<string>()
    const providers = federatedValues(statement).flatMap((value) => {
      const arn = value.kind === 'known' ? parseOidcProviderArn(value.value) : undefined
      return arn ? [{ arn, location: value.location }] : []
    })
    for (const { arn, location } of providers) {
      if (reported.has(arn.issuerHostPath)) continue
      reported.add(arn.issuerHostPath)
      const contradicting = clustersContradicting(arn.issuerHostPath, arn.account, clusters, role)
      if (!isNonEmpty(contradicting)) continue
      const fix =
        contradicting.length === 1
          ? `change it to "arn:${arn.partition}:iam::${arn.account}:oidc-provider/${contradicting[0].hostPath}" and the condition keys to "${contradicting[0].hostPath}:sub" and ":aud"`
          : 'change it to the issuer of the cluster the role serves'
      yield finding(
        location,
        `${trustTitle(role)} names the OIDC provider of issuer ${arn.issuerHostPath}`,
        contradicting,
        fix,
        `${roleKey(role)} issuer:${arn.issuerHostPath}`,
      )
    }
    // Condition keys are judged on their own only when no Federated ARN is known: otherwise a key
    // that differs from its provider is condition-key-provider-mismatch's finding.
    if (providers.length > 0) continue
    const account = roleIdentity(role).account
    for (const entry of statement.condition?.entries ?? []) {
      if (entry.key.kind !== 'known' || claimOf(entry.key) === 'other') continue
      const issuer = keyIssuer(entry.key)
      if (reported.has(issuer)) continue
      reported.add(issuer)
      const contradicting = clustersContradicting(issuer, account, clusters, role)
      if (!isNonEmpty(contradicting)) continue
      const claim = entry.key.value.slice(issuer.length)
      const fix =
        contradicting.length === 1
          ? `change the key to "${contradicting[0].hostPath}${claim}"`
          : 'change it to the issuer of the cluster the role serves'
      yield finding(
        entry.keyLocation,
        `${trustTitle(role)} tests the condition key "${entry.key.value}" of issuer ${issuer}`,
        contradicting,
        fix,
        `${roleKey(role)} issuer:${issuer}`,
      )
    }
  }
}

function* providerUrls(graph: Graph, clusters: readonly KnownCluster[]): Iterable<FindingDraft> {
  for (const provider of graph.facts.oidcProviders) {
    if (provider.url?.kind !== 'known') continue
    const hostPath = issuerHostPath(provider.url.value)
    const account = provider.arn?.kind === 'known' ? parseOidcProviderArn(provider.arn.value)?.account : undefined
    const contradicting = clustersContradicting(hostPath, account, clusters, provider)
    if (!isNonEmpty(contradicting)) continue
    const withScheme = /^https:\/\//i.test(provider.url.value)
    const fix =
      contradicting.length === 1
        ? `change the URL to "${withScheme ? contradicting[0].issuer : contradicting[0].hostPath}"`
        : 'change it to the issuer of the cluster the provider serves'
    yield finding(
      provider.url.location,
      `OIDC provider (${formatLocation(provider.location)}) has URL "${provider.url.value}"`,
      contradicting,
      fix,
      `provider-url:${hostPath}`,
    )
  }
}

function finding(
  location: Location,
  subject: string,
  clusters: NonEmpty<KnownCluster>,
  fix: string,
  key: string,
): FindingDraft {
  const region = clusters[0].region
  const which =
    clusters.length === 1
      ? `the issuer of ${describeCluster(clusters[0])}`
      : `the issuer of any known cluster in ${region}: ${clusters.map(describeCluster).join(', ')}`
  return {
    location,
    message: `${subject}, which is not ${which}; ${fix}`,
    related: clusters.flatMap((cluster) =>
      cluster.location ? [{ location: cluster.location, message: describeCluster(cluster) }] : [],
    ),
    key,
  }
}
