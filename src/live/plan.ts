import type { Config } from '../config.js'
import type { Graph } from '../graph.js'
import type { Location } from '../model/location.js'
import { namedProviders, repositoryTrusts, roleTargetOf } from '../rules/helpers/live.js'
import type { LiveSettings } from './inputs.js'

export interface RoleToRead {
  /** undefined: the auditor's account. */
  account?: string
  name: string
  /** The first annotation naming it: where a gap about it is reported. */
  location: Location
}

export interface ProviderToRead {
  arn: string
  account: string
  issuerHostPath: string
  location: Location
}

export interface ClusterToRead {
  name: string
  region: string
  account?: string
  /** Where the config file defines it, if it does. */
  location?: Location
}

/** What live confirmation reads, from what the repository names. */
export interface LivePlan {
  /** Every role a ServiceAccount names (by ARN, or by a reference the repository resolves), once. */
  roles: RoleToRead[]
  /** Providers the repository's trusts of those roles name literally (deployed trusts add theirs). */
  providers: ProviderToRead[]
  /** The `clusters` input (the config file's entry of the same name adds its account and location). */
  clusters: ClusterToRead[]
}

export function planLive(graph: Graph, settings: LiveSettings, config: Config): LivePlan {
  const roles = new Map<string, RoleToRead>()
  const providers = new Map<string, ProviderToRead>()
  for (const sa of graph.facts.serviceAccounts) {
    const target = roleTargetOf(graph, sa)
    if (!target) continue
    const key = `${target.account ?? ''}/${target.name.toLowerCase()}`
    if (!roles.has(key))
      roles.set(key, {
        ...(target.account ? { account: target.account } : {}),
        name: target.name,
        location: target.location,
      })
    for (const role of repositoryTrusts(graph, sa)) {
      for (const provider of namedProviders(role.trustPolicy))
        if (!providers.has(provider.arn)) providers.set(provider.arn, provider)
    }
  }

  const clusters: ClusterToRead[] = settings.clusters.map((cluster) => {
    const configured = config.clusters.find((each) => each.name === cluster.name)
    const account = cluster.account ?? configured?.account
    return {
      name: cluster.name,
      region: cluster.region,
      ...(account ? { account } : {}),
      ...(configured?.location ? { location: configured.location } : {}),
    }
  })
  return { roles: [...roles.values()], providers: [...providers.values()], clusters }
}
