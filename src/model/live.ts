import type { Cluster, OidcProvider, Role } from './facts.js'
import type { Location } from './location.js'

/** `auto` confirms when credentials can be had; `required` fails the check when confirmation cannot complete. */
export type LiveMode = 'auto' | 'required'

/**
 * What one lookup established: the thing exists (`found`), AWS says it does not (`missing`), or
 * the answer could not be had (`unknown`: denied, throttled, timed out, malformed; see `gaps`).
 */
export type LookupState = 'found' | 'missing' | 'unknown'

/** A role a ServiceAccount annotation names, as `iam:GetRole` and the policy listings saw it (looked up by name). */
export interface LiveRoleLookup {
  account: string
  name: string
  state: LookupState
  /** When found: the role as deployed (source `live`: its ARN, path and decoded trust policy). */
  role?: Role
  /** Attached plus inline permission policies; undefined when a listing could not complete. */
  permissionPolicyCount?: number
}

/** An IAM OIDC provider named by a trust policy, looked up in its account. */
export interface LiveProviderLookup {
  arn: string
  account: string
  /** Host and path of the issuer (the ARN's tail). */
  issuerHostPath: string
  state: LookupState
  /** When found: url and client IDs as IAM holds them (source `live`). */
  provider?: OidcProvider
  /** Issuers (host/path) of the providers the account does have, when listed. */
  accountIssuers?: string[]
}

/** A cluster of the `clusters` input, as `eks:DescribeCluster` reported it. */
export interface LiveClusterLookup {
  name: string
  region: string
  /** The account asked (from the input, else the auditor credentials' account). */
  account?: string
  state: LookupState
  /** When found: the cluster with its issuer (source `live`). */
  cluster?: Cluster
  /** Where the repository's config file defines this cluster, if it does. */
  location?: Location
}

/** Something live confirmation could not establish; each becomes a `live-check-incomplete` finding. */
export interface LiveGap {
  /** The repository line the unconfirmed fact is about. */
  location: Location
  /** What could not be confirmed, e.g. `role orders-reader (arn:aws:iam::…)`. */
  subject: string
  /** The call that failed, e.g. `iam:GetRole`. */
  call: string
  /** Why, e.g. `AccessDenied: …`, `timed out after 5s`. */
  reason: string
  /** What to do about it. */
  remedy: string
  /** Stable identity for fingerprints. */
  key: string
}

/** Everything one live confirmation read from AWS; joins the graph as `Facts.live`. */
export interface LiveObservations {
  mode: LiveMode
  /** The account of the auditor credentials: where a role whose account the repository does not say is looked up. */
  auditorAccount?: string
  roles: LiveRoleLookup[]
  providers: LiveProviderLookup[]
  clusters: LiveClusterLookup[]
  gaps: LiveGap[]
}
