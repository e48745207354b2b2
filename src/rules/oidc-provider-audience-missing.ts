import { single } from '../collections.js'
import type { Graph } from '../graph.js'
import { DEFAULT_AUDIENCE, defaultAudienceOfIssuer, issuerHostPath, parseOidcProviderArn } from '../iam/arn.js'
import type { FindingDraft, RelatedLocation } from '../model/finding.js'
import type { OidcProvider, Role, ServiceAccount } from '../model/facts.js'
import { formatLocation, type Location } from '../model/location.js'
import type { Statement } from '../model/policy.js'
import type { Value } from '../model/value.js'
import type { Rule } from './rule.js'
import { allowedIrsaStatements, positiveConditionsOn } from './helpers/conditions.js'
import { describeServiceAccount, roleTitle, tokenAudience, trustTitle } from './helpers/correlation.js'
import { looksLikeEksIssuer } from './helpers/eks-issuer.js'
import { nearestName } from './helpers/policy-grammar.js'
import { federatedValues, isOidcFederated, parseOperator } from './helpers/trust.js'
import { valueText } from '../model/value.js'

export const oidcProviderAudienceMissing: Rule = {
  meta: {
    id: 'oidc-provider-audience-missing',
    level: 'error',
    description:
      'An IAM OIDC provider of a cluster lacks "sts.amazonaws.com" in its client ID list although ServiceAccounts without an eks.amazonaws.com/audience annotation, or a trust\'s ":aud" condition, use it (or it lists a misspelling of it).',
    remediation:
      'Add "sts.amazonaws.com" to the provider\'s client IDs (client_id_list), replacing any misspelling such as "sts.amazon.com" or "sts.amazonaws.com.cn".',
  },
  *check(graph) {
    const users = providerUsers(graph)
    for (const provider of graph.facts.oidcProviders) {
      const finding = missingDefaultAudience(provider, users.get(provider))
      if (finding) yield finding
    }
  },
}

/** How the trusts and ServiceAccounts of the scan use a provider that a ServiceAccount trust statement names. */
interface ProviderUse {
  /** ServiceAccounts without an audience annotation whose role trusts only this provider. */
  defaultAudience: { sa: ServiceAccount; role: Role }[]
  /** Trust statements naming the provider whose ":aud" condition accepts only "sts.amazonaws.com". */
  defaultAudienceConditions: { role: Role; location: Location }[]
  /** Audiences that ServiceAccounts annotate (audience-mismatch reports those the provider lacks). */
  annotatedAudiences: Set<string>
  /** A ServiceAccount's audience annotation is known only at apply time: it may be any client ID. */
  unknownAudience: boolean
}

function providerUsers(graph: Graph): Map<OidcProvider, ProviderUse> {
  const uses = new Map<OidcProvider, ProviderUse>()
  const useOf = (provider: OidcProvider): ProviderUse => {
    let use = uses.get(provider)
    if (!use)
      uses.set(
        provider,
        (use = {
          defaultAudience: [],
          defaultAudienceConditions: [],
          annotatedAudiences: new Set(),
          unknownAudience: false,
        }),
      )
    return use
  }
  const providersByRole = new Map<Role, Set<OidcProvider>>()
  const federatedByRole = new Map<Role, Set<string>>()
  for (const { role, statement } of allowedIrsaStatements(graph.facts.roles)) {
    const providers = providersByRole.get(role) ?? new Set<OidcProvider>()
    providersByRole.set(role, providers)
    const federated = federatedByRole.get(role) ?? new Set<string>()
    federatedByRole.set(role, federated)
    for (const value of federatedValues(statement).filter(isOidcFederated)) {
      federated.add(valueText(value))
      for (const provider of graph.providersNamed(value, role)) {
        providers.add(provider)
        const use = useOf(provider)
        const accepted = onlyDefaultAudience(statement)
        if (accepted) use.defaultAudienceConditions.push({ role, location: accepted })
      }
    }
  }
  for (const [role, providers] of providersByRole) {
    // A trust naming several providers serves several clusters: which one a token goes to is not known.
    const provider = single([...providers])
    if (!provider || federatedByRole.get(role)?.size !== 1) continue
    for (const sa of graph.serviceAccountsUsing(role)) {
      const audience = tokenAudience(sa)
      if (!audience) useOf(provider).unknownAudience = true
      else if (audience.explicit) useOf(provider).annotatedAudiences.add(audience.audience)
      else useOf(provider).defaultAudience.push({ sa, role })
    }
  }
  return uses
}

/** The location of the only value of a positive ":aud" condition when that value is "sts.amazonaws.com". */
function onlyDefaultAudience(statement: Statement): Location | undefined {
  for (const entry of positiveConditionsOn(statement, 'aud')) {
    if (parseOperator(entry.operator).setPrefix) continue
    const values = entry.values
    const [first] = values
    if (first && values.every((value) => value.kind === 'known' && value.value === DEFAULT_AUDIENCE))
      return first.location
  }
  return undefined
}

function missingDefaultAudience(provider: OidcProvider, use: ProviderUse | undefined): FindingDraft | undefined {
  const clientIds = knownClientIds(provider.clientIds)
  if (!clientIds || clientIds.includes(DEFAULT_AUDIENCE)) return undefined
  // A self-hosted issuer's webhook picks the token audience (kOps: "amazonaws.com"): nothing to compare with.
  const hostPath = providerHostPath(provider)
  if (hostPath !== undefined && defaultAudienceOfIssuer(hostPath) === undefined) return undefined
  const misspelled = clientIds.filter((id) => misspellsDefaultAudience(id) && !use?.annotatedAudiences.has(id))
  const name = providerName(provider)
  const where = provider.clientIdsLocation ?? provider.location
  const ids = `the client ID${clientIds.length === 1 ? '' : 's'} ${clientIds.map((id) => `"${id}"`).join(', ')}`
  const listed = `only ${ids}`
  const fix =
    misspelled.length > 0
      ? `replace "${misspelled[0]}" with "${DEFAULT_AUDIENCE}" in the provider's ${clientIdField(provider)}`
      : `add "${DEFAULT_AUDIENCE}" to the provider's ${clientIdField(provider)}`
  const refused = 'so STS answers "InvalidIdentityToken: Incorrect token audience"'
  const key = `provider:${providerIdentity(provider)} aud:${DEFAULT_AUDIENCE}`

  const users = use?.defaultAudience ?? []
  const [first] = users
  if (first) {
    const more = users.length > 1 ? ` and ${users.length - 1} more ServiceAccount${users.length > 2 ? 's' : ''}` : ''
    return {
      location: where,
      message:
        `${name} lists ${listed}, but ${describeServiceAccount(first.sa)}${more} of ${roleTitle(first.role)} present${more ? '' : 's'} tokens ` +
        `with the default audience "${DEFAULT_AUDIENCE}" (no eks.amazonaws.com/audience annotation), ${refused}; ${fix}`,
      related: users.map(({ sa }) => serviceAccountSide(sa)),
      key,
    }
  }
  const conditions = use?.defaultAudienceConditions ?? []
  const [firstCondition] = conditions
  if (firstCondition) {
    return {
      location: where,
      message:
        `${name} lists ${listed}, but ${trustTitle(firstCondition.role)} (${formatLocation(firstCondition.location)}) accepts only tokens with aud "${DEFAULT_AUDIENCE}", ` +
        `the audience of every ServiceAccount without an eks.amazonaws.com/audience annotation, ${refused}; ${fix}`,
      related: conditions.map(({ role, location }) => ({ location, message: `${roleTitle(role)}'s aud condition` })),
      key,
    }
  }
  const [misspelling] = misspelled
  if (misspelling !== undefined && !use?.unknownAudience && (use !== undefined || isClusterProvider(provider))) {
    return {
      location: where,
      message:
        `${name} lists ${ids} but not "${DEFAULT_AUDIENCE}", the audience IRSA tokens carry unless a ServiceAccount sets eks.amazonaws.com/audience ` +
        `(${misspellingNote(misspelling)}), ${refused}; ${fix}`,
      key,
    }
  }
  return undefined
}

/** The client IDs when every one is known; undefined when the list is empty or partly known only at apply time. */
function knownClientIds(values: readonly Value[]): string[] | undefined {
  if (values.length === 0 || values.some((value) => value.kind !== 'known')) return undefined
  return values.map((value) => (value.kind === 'known' ? value.value : ''))
}

const MISSPELLINGS = [
  /^sts\.amazon\.com$/, // awslabs/amazon-eks-irsa-cfn #18
  /^sts\.amazonaws\.com\.cn$/, // China: the audience is sts.amazonaws.com there too
  /^sts\.[a-z]{2}(-[a-z]+)+-\d\.amazonaws\.com(\.cn)?$/, // a regional STS endpoint
  /^amazonaws\.com$/,
]

function misspellingNote(id: string): string {
  if (/\.cn$/.test(id.trim())) return `"${id}" is not the audience in China either`
  if (/^sts\.[a-z]{2}(-[a-z]+)+-\d\./.test(id.trim())) return `"${id}" is an STS endpoint, not the audience`
  return `"${id}" is a misspelling of it`
}

function misspellsDefaultAudience(id: string): boolean {
  if (id === DEFAULT_AUDIENCE) return false
  const normalised = id
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '')
  if (normalised === DEFAULT_AUDIENCE || MISSPELLINGS.some((pattern) => pattern.test(normalised))) return true
  return nearestName(normalised, [DEFAULT_AUDIENCE]) !== undefined
}

/** A provider for a Kubernetes cluster's issuer, not GitHub Actions' or another IdP's (whose audiences differ). */
function isClusterProvider(provider: OidcProvider): boolean {
  const hostPath = providerHostPath(provider)
  if (hostPath !== undefined) return looksLikeEksIssuer(hostPath)
  return provider.url?.kind === 'symbolic' && /eks|cluster|oidc_issuer/i.test(provider.url.expression)
}

function providerHostPath(provider: OidcProvider): string | undefined {
  if (provider.url?.kind === 'known') return issuerHostPath(provider.url.value)
  return provider.arn?.kind === 'known' ? parseOidcProviderArn(provider.arn.value)?.issuerHostPath : undefined
}

function providerName(provider: OidcProvider): string {
  if (provider.url?.kind === 'known') return `OIDC provider ${provider.url.value}`
  const hostPath = providerHostPath(provider)
  if (hostPath !== undefined) return `OIDC provider ${hostPath}`
  return provider.terraform ? `OIDC provider ${provider.terraform.address}` : 'the OIDC provider'
}

function providerIdentity(provider: OidcProvider): string {
  return providerHostPath(provider) ?? provider.terraform?.address ?? formatLocation(provider.location)
}

function clientIdField(provider: OidcProvider): string {
  if (provider.source === 'terraform' || provider.source === 'terraform-plan') return 'client_id_list'
  if (provider.source === 'cloudformation') return 'ClientIdList'
  return 'client IDs'
}

function serviceAccountSide(sa: ServiceAccount): RelatedLocation {
  return { location: sa.roleArn?.location ?? sa.location, message: describeServiceAccount(sa) }
}
