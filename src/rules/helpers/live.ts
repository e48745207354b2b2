import type { Config } from '../../config.js'
import type { Graph } from '../../graph.js'
import { issuerHostPath, parseEksIssuerHostPath, parseOidcProviderArn } from '../../iam/arn.js'
import type { Mismatch } from '../../iam/evaluate.js'
import { hasTrustPolicy, type Role, type ServiceAccount, type TrustedRole } from '../../model/facts.js'
import type { LiveObservations, LiveProviderLookup, LiveRoleLookup } from '../../model/live.js'
import type { Location } from '../../model/location.js'
import type { PolicyDocument } from '../../model/policy.js'
import type { Value } from '../../model/value.js'
import {
  annotatedRole,
  failureKind,
  knownClusters,
  roleIdentity,
  type KnownCluster,
  type Refusal,
} from './correlation.js'
import { federatedValues, isOidcFederated, keyText, parseOperator } from './trust.js'

/** What live confirmation read, when it ran. */
export function liveObservations(graph: Graph): LiveObservations | undefined {
  return graph.facts.live?.[0]
}

/** The role a ServiceAccount's annotation names, as far as it can be looked up by name in an account. */
export interface RoleTarget {
  partition: string
  /** undefined: the repository does not say; the auditor's account. */
  account?: string
  name: string
  /** The annotated path; undefined when the annotation is a reference (the path is the role's, whatever it is). */
  path?: string
  /** The annotated ARN when written out. */
  arn?: string
  /** The annotation (the line a finding about the role points at). */
  location: Location
}

/**
 * The role a ServiceAccount names: its written ARN, or, for a reference (`aws_iam_role.app.arn`),
 * the name (and account, if said) of the role the reference resolves to in the repository.
 */
export function roleTargetOf(graph: Graph, sa: ServiceAccount): RoleTarget | undefined {
  const annotated = annotatedRole(sa)
  if (annotated) {
    const { partition, account, name, path } = annotated.arn
    return { partition, account, name, path, arn: annotated.value.value.trim(), location: annotated.value.location }
  }
  if (sa.roleArn?.kind !== 'symbolic') return undefined
  for (const { role } of graph.rolesOf(sa)) {
    const identity = roleIdentity(role)
    if (identity.name === undefined || role.account?.kind === 'symbolic') continue
    return {
      partition: role.partition ?? 'aws',
      ...(identity.account ? { account: identity.account } : {}),
      name: identity.name,
      location: sa.roleArn.location,
    }
  }
  return undefined
}

export function roleLookupOf(observations: LiveObservations, target: RoleTarget): LiveRoleLookup | undefined {
  const account = target.account ?? observations.auditorAccount
  const name = target.name.toLowerCase()
  return observations.roles.find((lookup) => lookup.account === account && lookup.name.toLowerCase() === name)
}

/** Each ServiceAccount whose role live confirmation looked up, with the lookup. */
export function* liveServiceAccounts(
  graph: Graph,
  observations: LiveObservations,
): Iterable<{ sa: ServiceAccount; target: RoleTarget; lookup: LiveRoleLookup }> {
  for (const sa of graph.facts.serviceAccounts) {
    const target = roleTargetOf(graph, sa)
    const lookup = target && roleLookupOf(observations, target)
    if (target && lookup) yield { sa, target, lookup }
  }
}

/** The deployed role when it exists at the annotated path (else it is live-role-missing's). */
export function deployedRole(target: RoleTarget, lookup: LiveRoleLookup): Role | undefined {
  if (lookup.state !== 'found' || !lookup.role) return undefined
  if (target.path !== undefined && deployedPath(lookup.role) !== target.path) return undefined
  return lookup.role
}

export function deployedPath(role: Role): string {
  return role.path?.kind === 'known' ? role.path.value : '/'
}

/** The repository's definitions (with a trust policy) of the role a ServiceAccount names. */
export function repositoryTrusts(graph: Graph, sa: ServiceAccount): TrustedRole[] {
  return graph
    .rolesOf(sa)
    .map(({ role }) => role)
    .filter(hasTrustPolicy)
}

/** "role orders-reader in account 111122223333" */
export function deployedRoleTitle(lookup: Pick<LiveRoleLookup, 'name' | 'account'>): string {
  return `role ${lookup.name} in account ${lookup.account}`
}

/** The clusters whose issuer live confirmation read (eks:DescribeCluster), as correlation's known clusters. */
export function liveClusters(observations: LiveObservations): KnownCluster[] {
  return observations.clusters.flatMap((lookup) => {
    const issuer = lookup.cluster?.issuer
    if (lookup.state !== 'found' || issuer?.kind !== 'known') return []
    const hostPath = issuerHostPath(issuer.value)
    return [
      {
        name: lookup.name,
        issuer: issuer.value,
        hostPath,
        region: lookup.region ?? parseEksIssuerHostPath(hostPath)?.region,
        ...(lookup.account ? { account: lookup.account } : {}),
        ...(lookup.location ? { location: lookup.location } : {}),
      },
    ]
  })
}

/** Live clusters first, then those the config file and the sources know (same issuer once). */
export function allKnownClusters(graph: Graph, config: Config, observations: LiveObservations): KnownCluster[] {
  const live = liveClusters(observations)
  return [
    ...live,
    ...knownClusters(graph, config).filter((cluster) => !live.some((other) => other.hostPath === cluster.hostPath)),
  ]
}

/** "eks:DescribeCluster reports issuer https://… for cluster prod (account 406214073512, eu-central-1)" */
export function describeLiveCluster(
  lookup: { name: string; account?: string | undefined; region?: string | undefined },
  issuer: string,
): string {
  const where = [lookup.account !== undefined ? `account ${lookup.account}` : undefined, lookup.region]
    .filter((part) => part !== undefined)
    .join(', ')
  return `eks:DescribeCluster reports issuer ${issuer} for cluster ${lookup.name}${where ? ` (${where})` : ''}`
}

/** The OIDC provider ARNs a trust policy names literally, each with where it names it. */
export function namedProviders(
  policy: PolicyDocument,
): { arn: string; account: string; issuerHostPath: string; location: Location }[] {
  const found: { arn: string; account: string; issuerHostPath: string; location: Location }[] = []
  for (const statement of policy.statements) {
    for (const value of federatedValues(statement)) {
      const arn = value.kind === 'known' ? parseOidcProviderArn(value.value) : undefined
      if (arn && value.kind === 'known' && !found.some((each) => each.arn === value.value)) {
        found.push({
          arn: value.value,
          account: arn.account,
          issuerHostPath: arn.issuerHostPath,
          location: value.location,
        })
      }
    }
  }
  return found
}

/** Where a repository trust names OIDC providers (known or reference), for findings about the deployed provider. */
export function firstOidcFederated(policy: PolicyDocument): Value | undefined {
  for (const statement of policy.statements) {
    const value = federatedValues(statement).find(isOidcFederated)
    if (value) return value
  }
  return undefined
}

export function providerLookupOf(observations: LiveObservations, arn: string): LiveProviderLookup | undefined {
  return observations.providers.find((lookup) => lookup.arn === arn)
}

/**
 * Why a trust refuses a token, one phrase per failing element: `StringEquals on "…:sub" allows
 * "…", not "…"`, `statement "X" denies it explicitly`.
 */
export function refusalPhrase(found: Refusal, wanted: { sub: string; aud: string }): string {
  if (found.deniedBy) return `${found.deniedBy.label} denies it explicitly`
  if (!found.closest) return 'it has no Allow statement for an OIDC provider'
  return found.failures.map((failure) => mismatchPhrase(failure, wanted)).join(', and ')
}

function mismatchPhrase(failure: Mismatch, wanted: { sub: string; aud: string }): string {
  const kind = failureKind(failure)
  if (failure.element !== 'Condition' || (kind !== 'sub' && kind !== 'aud') || failure.requestValues === undefined)
    return failure.message
  const operator = parseOperator(failure.entry.operator)
  if (operator.negated || operator.setPrefix || operator.ifExists) return failure.message
  const written = failure.entry.values.map(quote).join(', ')
  return `${failure.entry.operator} on "${keyText(failure.entry.key)}" allows ${written}, not "${kind === 'sub' ? wanted.sub : wanted.aud}"`
}

export function quote(value: Value): string {
  return value.kind === 'known' ? `"${value.value}"` : `\${${value.expression}}`
}
