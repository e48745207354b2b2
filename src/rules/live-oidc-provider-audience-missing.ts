import { NO_UNIT } from '../graph.js'
import type { Role } from '../model/facts.js'
import { formatLocation, type Location } from '../model/location.js'
import { known } from '../model/value.js'
import { describeServiceAccount, tokenAudience } from './helpers/correlation.js'
import {
  deployedRole,
  liveObservations,
  liveServiceAccounts,
  namedProviders,
  providerLookupOf,
  repositoryTrusts,
} from './helpers/live.js'
import { federatedValues } from './helpers/trust.js'
import type { Rule } from './rule.js'

export const liveOidcProviderAudienceMissing: Rule = {
  meta: {
    id: 'live-oidc-provider-audience-missing',
    level: 'error',
    description:
      "The IAM OIDC provider a ServiceAccount's role trusts (iam:GetOpenIDConnectProvider) does not list the audience of the ServiceAccount's tokens among its client IDs.",
    remediation:
      "Add the audience (sts.amazonaws.com unless the ServiceAccount sets eks.amazonaws.com/audience) to the provider's client IDs.",
  },
  *check(graph) {
    const observations = liveObservations(graph)
    if (!observations) return
    const reported = new Set<string>()
    for (const { sa, target, lookup } of liveServiceAccounts(graph, observations)) {
      const audience = tokenAudience(sa)
      if (!audience) continue
      const repository = repositoryTrusts(graph, sa)
      const deployed = deployedRole(target, lookup)
      const trusts = [
        ...repository.map((role) => role.trustPolicy),
        ...(deployed?.trustPolicy ? [deployed.trustPolicy] : []),
      ]
      for (const named of trusts.flatMap(namedProviders)) {
        const found = providerLookupOf(observations, named.arn)
        const provider = found?.state === 'found' ? found.provider : undefined
        if (!found || !provider) continue
        const clientIds = provider.clientIds.flatMap((id) => (id.kind === 'known' ? [id.value] : []))
        if (clientIds.includes(audience.audience)) continue
        // A repository definition of the provider that lacks the audience too is oidc-provider-audience-missing's.
        const defined = graph.providersNamed(known(named.arn, named.location), NO_UNIT)
        const definition = defined.find((each) => each.source !== 'live')
        if (definition && !definition.clientIds.some((id) => id.kind !== 'known' || id.value === audience.audience))
          continue
        const key = `${named.arn} ${audience.audience}`
        if (reported.has(key)) continue
        reported.add(key)
        const location: Location =
          audience.location ??
          definition?.clientIdsLocation ??
          definition?.location ??
          firstNamed(repository, named.arn) ??
          target.location
        const listed =
          clientIds.length > 0
            ? `lists client IDs ${clientIds.map((id) => `"${id}"`).join(', ')}`
            : 'lists no client ID'
        const whose = audience.explicit
          ? `the audience ${describeServiceAccount(sa)} sets with eks.amazonaws.com/audience`
          : `the audience of the tokens of ${describeServiceAccount(sa)}`
        const apply = definition
          ? ` (the repository's definition at ${formatLocation(definition.location)} lists it: apply it)`
          : ''
        yield {
          location,
          message:
            `the OIDC provider of issuer ${found.issuerHostPath} in account ${found.account} (iam:GetOpenIDConnectProvider) ${listed}, not "${audience.audience}", ${whose}, ` +
            `so STS refuses its tokens with "Incorrect token audience"; add "${audience.audience}" to the provider's client IDs${apply}`,
          related: [{ location: target.location, message: describeServiceAccount(sa) }],
          key: `provider:${named.arn} audience:${audience.audience}`,
        }
      }
    }
  },
}

function firstNamed(roles: readonly Role[], arn: string): Location | undefined {
  for (const role of roles) {
    for (const statement of role.trustPolicy?.statements ?? []) {
      const value = federatedValues(statement).find((each) => each.kind === 'known' && each.value === arn)
      if (value) return value.location
    }
  }
  return undefined
}
