import { NO_UNIT } from '../graph.js'
import type { LiveProviderLookup } from '../model/live.js'
import { formatLocation } from '../model/location.js'
import { clustersContradicting, describeServiceAccount, roleIdentity, roleTitle } from './helpers/correlation.js'
import {
  deployedRole,
  deployedRoleTitle,
  firstOidcFederated,
  liveClusters,
  liveObservations,
  liveServiceAccounts,
  namedProviders,
  providerLookupOf,
  repositoryTrusts,
} from './helpers/live.js'
import type { Rule } from './rule.js'

export const liveOidcProviderMissing: Rule = {
  meta: {
    id: 'live-oidc-provider-missing',
    level: 'error',
    description:
      "The IAM OIDC provider a role's trust names does not exist in the role's account (iam:ListOpenIDConnectProviders / GetOpenIDConnectProvider).",
    remediation:
      "Create the IAM OIDC provider for the cluster's issuer in the role's account (eksctl utils associate-iam-oidc-provider, or aws_iam_openid_connect_provider).",
  },
  *check(graph) {
    const observations = liveObservations(graph)
    if (!observations) return
    const clusters = liveClusters(observations)
    const reported = new Set<string>()
    for (const { sa, target, lookup } of liveServiceAccounts(graph, observations)) {
      const repository = repositoryTrusts(graph, sa)
      const deployed = deployedRole(target, lookup)
      const related = [{ location: target.location, message: describeServiceAccount(sa) }]
      const candidates = [
        ...repository.flatMap((role) =>
          namedProviders(role.trustPolicy).map((provider) => ({
            ...provider,
            owner: `${roleTitle(role)}'s trust (${formatLocation(provider.location)})`,
            role,
          })),
        ),
        ...(deployed?.trustPolicy
          ? namedProviders(deployed.trustPolicy)
              // Named by the repository too: reported there.
              .filter(
                (provider) =>
                  !repository.some((role) =>
                    namedProviders(role.trustPolicy).some((each) => each.arn === provider.arn),
                  ),
              )
              .map((provider) => ({
                ...provider,
                location: (repository[0] && firstOidcFederated(repository[0].trustPolicy)?.location) ?? target.location,
                owner: `the deployed trust of ${deployedRoleTitle(lookup)} (iam:GetRole)`,
                role: deployed,
              }))
          : []),
      ]
      for (const provider of candidates) {
        const found = providerLookupOf(observations, provider.arn)
        if (found?.state !== 'missing') continue
        // An issuer that is not the cluster's: live-cluster-issuer-mismatch says which one to name instead.
        if (
          clustersContradicting(
            provider.issuerHostPath,
            provider.account ?? roleIdentity(provider.role).account,
            clusters,
            NO_UNIT,
          ).length > 0
        )
          continue
        const key = `${provider.arn} ${formatLocation(provider.location)}`
        if (reported.has(key)) continue
        reported.add(key)
        yield {
          location: provider.location,
          message:
            `${provider.owner} names the OIDC provider of issuer ${provider.issuerHostPath}, which does not exist in account ${provider.account} (iam:ListOpenIDConnectProviders${inventory(found)}), ` +
            `so STS refuses every token with "No OpenIDConnect provider found in your account"; create the provider for https://${provider.issuerHostPath} with client ID sts.amazonaws.com in account ${provider.account}`,
          related,
          key: `provider:${provider.arn}`,
        }
      }
    }
  },
}

function inventory(lookup: LiveProviderLookup): string {
  if (lookup.accountIssuers === undefined) return ''
  if (lookup.accountIssuers.length === 0) return ': the account has no OIDC provider'
  return `: the account has providers for ${lookup.accountIssuers.join(', ')}`
}
