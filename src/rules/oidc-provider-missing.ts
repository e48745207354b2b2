import type { Graph } from '../graph.js'
import {
  DEFAULT_AUDIENCE,
  issuerHostPath,
  parseEksIssuerHostPath,
  parseOidcProviderArn,
  type OidcProviderArn,
} from '../iam/arn.js'
import type { FindingDraft, RelatedLocation } from '../model/finding.js'
import { sameUnitOrNone, type Cluster, type OidcProvider, type Role } from '../model/facts.js'
import { formatLocation, type Location } from '../model/location.js'
import type { SymbolicValue } from '../model/value.js'
import type { Rule } from './rule.js'
import { allowedIrsaStatements } from './helpers/conditions.js'
import {
  annotatedRole,
  clustersContradicting,
  knownClusters,
  roleIdentity,
  roleKey,
  trustTitle,
  type KnownCluster,
} from './helpers/correlation.js'
import { analyseFederated } from './helpers/eks-issuer.js'
import { capitalise } from './helpers/policy-grammar.js'
import { federatedValues } from './helpers/trust.js'

export const oidcProviderMissing: Rule = {
  meta: {
    id: 'oidc-provider-missing',
    level: 'warning',
    description:
      "A role's trust names an IAM OIDC provider that the scanned sources do not define, although they define OIDC providers or the cluster whose issuer it names.",
    remediation:
      "Create the IAM OIDC provider for the cluster's issuer in the role's account (aws_iam_openid_connect_provider, eksctl iam.withOIDC, the EKS module's enable_irsa), or name a provider that exists.",
  },
  *check(graph, context) {
    const clusters = knownClusters(graph, context.config)
    for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
      for (const federated of federatedValues(statement)) {
        if (federated.kind === 'symbolic') {
          const finding = disabledProvider(graph, role, federated)
          if (finding) yield finding
          continue
        }
        const arn = parseOidcProviderArn(federated.value)
        if (!arn || !isWellFormed(federated.value)) continue
        if (graph.providersNamed(federated, role).length > 0) continue
        const finding = missingProvider(graph, role, arn, federated.location, clusters)
        if (finding) yield finding
      }
    }
  },
}

/**
 * A Federated principal that refers to the ARN of a provider the module was told not to create
 * (terraform-aws-eks `enable_irsa = false`): the reference is null at apply time, so the trust
 * names no provider. The one form of a missing provider that is certain offline.
 */
function disabledProvider(graph: Graph, role: Role, federated: SymbolicValue): FindingDraft | undefined {
  const absent = (graph.facts.absentOidcProviders ?? []).find(
    (provider) => provider.arnReferences.includes(federated.expression) && sameUnitOrNone(provider.unit, role.unit),
  )
  if (!absent) return undefined
  return {
    location: federated.location,
    level: 'error',
    message: `${capitalise(trustTitle(role))} names the OIDC provider \${${federated.expression}}, but ${absent.label} has ${absent.setting} (${formatLocation(absent.location)}), so it creates no IAM OIDC provider and that output is null: the trust names no provider, and Terraform or IAM rejects it (a null Federated principal) or STS answers "No OpenIDConnect provider found"; set enable_irsa = true on ${absent.label}, or name the ARN of a provider created elsewhere`,
    related: [{ location: absent.location, message: `${absent.label}: ${absent.setting}` }],
    key: `${roleKey(role)} provider-disabled:${federated.expression}`,
  }
}

/** Malformed ARNs, placeholders and dual-stack hosts are federated-principal-invalid's findings. */
function isWellFormed(value: string): boolean {
  const analysis = analyseFederated(value)
  return analysis !== undefined && analysis.problems.length === 0 && analysis.placeholder === undefined
}

function missingProvider(
  graph: Graph,
  role: Role,
  arn: OidcProviderArn,
  location: Location,
  clusters: readonly KnownCluster[],
): FindingDraft | undefined {
  // A provider in another account than the role's is role-account-mismatch's finding; an issuer
  // that is not the known cluster's is cluster-issuer-mismatch's.
  const home = roleAccounts(graph, role)
  if (home.size > 0 && !(home.size === 1 && home.has(arn.account))) return undefined
  if (clustersContradicting(arn.issuerHostPath, arn.account, clusters, role).length > 0) return undefined
  // A provider whose URL and ARN are known only at apply time may be this one.
  if (
    graph.facts.oidcProviders.some(
      (provider) => providerHostPath(provider) === undefined && !inOtherAccount(provider, arn.account),
    )
  )
    return undefined

  const providerUrl = `https://${arn.issuerHostPath}`
  const trust = `${capitalise(trustTitle(role))} names the OIDC provider for ${arn.issuerHostPath} in account ${arn.account}`
  const noProvider = `STS answers "InvalidIdentityToken: No OpenIDConnect provider found in your account" unless it exists outside the scanned sources`
  const create = `create it in account ${arn.account} (url "${providerUrl}", client ID "${DEFAULT_AUDIENCE}")`
  const key = `${roleKey(role)} provider:${arn.account}/${arn.issuerHostPath}`

  const sameIssuer = graph.facts.oidcProviders.filter((provider) => providerHostPath(provider) === arn.issuerHostPath)
  if (sameIssuer.length > 0) {
    const where = sameIssuer
      .map((provider) => `${providerAccount(provider) ?? 'another account'} (${formatLocation(provider.location)})`)
      .join(', ')
    return {
      location,
      message: `${trust}, but the scanned sources define the provider for that issuer only in account ${where}, and IAM uses only a provider of the role's own account; ${noProvider}; ${create}`,
      related: sameIssuer.map(providerSide),
      key,
    }
  }
  // Providers of other issuers say something of this one only in the role's deploy unit (or with no unit).
  const others = graph.facts.oidcProviders.filter(
    (provider) => !inOtherAccount(provider, arn.account) && sameUnitOrNone(provider.unit, role.unit),
  )
  if (others.length > 0) {
    const listed = others
      .map((provider) => `${providerHostPath(provider)} (${formatLocation(provider.location)})`)
      .join(', ')
    const sameRegionProviders = others.filter((provider) => sameRegion(providerHostPath(provider)!, arn.issuerHostPath))
    const instead =
      sameRegionProviders.length === 1
        ? `, or name "arn:${arn.partition}:iam::${arn.account}:oidc-provider/${providerHostPath(sameRegionProviders[0]!)}" if the role serves that cluster`
        : sameRegionProviders.length > 1
          ? ', or name the provider of the cluster the role serves'
          : ''
    return {
      location,
      message: `${trust}, which no scanned source defines, although they define the OIDC providers ${listed}; ${noProvider}; ${create}${instead}`,
      related: others.map(providerSide),
      key,
    }
  }
  const cluster = definedCluster(graph, arn, role)
  if (cluster) {
    const named = cluster.name.kind === 'known' ? `cluster ${cluster.name.value}` : 'the cluster'
    return {
      location,
      message: `${trust}; ${named} (${formatLocation(cluster.location)}) has that issuer, but the scanned sources define no OIDC provider for it; ${noProvider}; ${create}`,
      related: [{ location: cluster.location, message: named }],
      key,
    }
  }
  return undefined
}

/** The accounts a role lives in: stated by its source, else named by the annotations that name it. */
function roleAccounts(graph: Graph, role: Role): Set<string> {
  const stated = roleIdentity(role).account
  if (stated !== undefined) return new Set([stated])
  if (role.account?.kind === 'symbolic') return new Set()
  return new Set(graph.serviceAccountsUsing(role).flatMap((sa) => annotatedRole(sa)?.arn.account ?? []))
}

/** The issuer host/path a provider serves, from its ARN or URL; undefined when known only at apply time. */
function providerHostPath(provider: OidcProvider): string | undefined {
  if (provider.arn?.kind === 'known') {
    const arn = parseOidcProviderArn(provider.arn.value)
    if (arn) return arn.issuerHostPath
  }
  return provider.url?.kind === 'known' ? issuerHostPath(provider.url.value) : undefined
}

function providerAccount(provider: OidcProvider): string | undefined {
  return provider.arn?.kind === 'known' ? parseOidcProviderArn(provider.arn.value)?.account : undefined
}

function inOtherAccount(provider: OidcProvider, account: string): boolean {
  const own = providerAccount(provider)
  return own !== undefined && own !== account
}

function providerSide(provider: OidcProvider): RelatedLocation {
  return { location: provider.location, message: `OIDC provider ${providerHostPath(provider) ?? ''}`.trim() }
}

function sameRegion(a: string, b: string): boolean {
  const region = parseEksIssuerHostPath(a)?.region
  return region !== undefined && region === parseEksIssuerHostPath(b)?.region
}

/**
 * A cluster the sources define that issues the tokens of this issuer: its issuer is this one, or
 * it is known only at apply time and the cluster is in the issuer's region (and account, when both are known).
 */
function definedCluster(graph: Graph, arn: OidcProviderArn, role: Role): Cluster | undefined {
  const region = parseEksIssuerHostPath(arn.issuerHostPath)?.region
  return graph.facts.clusters.find((cluster) => {
    if (cluster.issuer?.kind === 'known') return issuerHostPath(cluster.issuer.value) === arn.issuerHostPath
    // A cluster whose issuer is not known yet may be this one only in the role's deploy unit.
    if (!sameUnitOrNone(cluster.unit, role.unit)) return false
    if (cluster.account?.kind === 'known' && cluster.account.value !== arn.account) return false
    return region !== undefined && cluster.region?.kind === 'known' && cluster.region.value === region
  })
}
