import { single } from '../collections.js'
import type { Graph } from '../graph.js'
import { DEFAULT_AUDIENCE } from '../iam/arn.js'
import type { ConditionMismatch } from '../iam/evaluate.js'
import type { FindingDraft } from '../model/finding.js'
import type { OidcProvider } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { allowedIrsaStatements } from './helpers/conditions.js'
import {
  checkToken,
  describeServiceAccount,
  failureKind,
  knownClusters,
  refusal,
  roleKey,
  roleTitle,
  trustTitle,
  serviceAccountKey,
  type TokenCheck,
} from './helpers/correlation.js'
import { federatedValues, keyText } from './helpers/trust.js'

export const audienceMismatch: Rule = {
  meta: {
    id: 'audience-mismatch',
    level: 'error',
    description:
      'A ServiceAccount\'s eks.amazonaws.com/audience is not an audience the trust\'s ":aud" condition accepts, or not in the client ID list of the OIDC provider the trust names.',
    remediation:
      'Use the same audience in the annotation, the trust\'s ":aud" condition and the provider\'s client IDs (usually sts.amazonaws.com: then drop the annotation).',
  },
  *check(graph, context) {
    const clusters = knownClusters(graph, context.config)
    for (const sa of graph.facts.serviceAccounts) {
      const reportedProviders = new Set<OidcProvider>()
      for (const { role } of graph.rolesOf(sa)) {
        const check = checkToken(sa, role, clusters)
        if (!check?.audience.explicit) continue
        const trustFinding = refusedAudience(check)
        if (trustFinding) yield trustFinding
        for (const provider of providersOf(graph, check)) {
          if (reportedProviders.has(provider)) continue
          reportedProviders.add(provider)
          const finding = missingClientId(check, provider)
          if (finding) yield finding
        }
      }
    }
  },
}

/** The trust refuses the token only because of its `:aud` condition. */
function refusedAudience(check: TokenCheck): FindingDraft | undefined {
  const found = refusal(check)
  if (
    !found?.closest ||
    found.failures.length === 0 ||
    !found.failures.every((failure) => failureKind(failure) === 'aud')
  )
    return undefined
  const failure = found.failures[0] as ConditionMismatch
  const accepted = failure.entry.values.flatMap((value) => (value.kind === 'known' ? [`"${value.value}"`] : []))
  const audience = check.audience.audience
  const trustLocation = single(failure.entry.values)?.location ?? failure.entry.valuesLocation
  const annotationFix = accepted.includes(`"${DEFAULT_AUDIENCE}"`)
    ? `remove the annotation (tokens then carry the default "${DEFAULT_AUDIENCE}")`
    : accepted.length === 1
      ? `change the annotation to ${accepted[0]}`
      : accepted.length > 1
        ? `change the annotation to one of ${accepted.join(', ')}`
        : 'change the annotation'
  return {
    location: check.audience.location!,
    message:
      `${describeServiceAccount(check.sa)} sets eks.amazonaws.com/audience "${audience}", but ${trustTitle(check.role)} (${formatLocation(trustLocation)}) ` +
      `accepts ${accepted.length > 0 ? accepted.join(', ') : 'other values'} for "${keyText(failure.key)}" (${failure.operator}); ${annotationFix}, or add "${audience}" to the trust's aud values`,
    related: [{ location: trustLocation, message: `${roleTitle(check.role)}'s aud condition` }],
    key: `${serviceAccountKey(check.sa)} ${roleKey(check.role)} aud:${audience}`,
  }
}

/** The OIDC providers the role's trust names (by ARN or shared reference) that the sources define. */
function providersOf(graph: Graph, check: TokenCheck): OidcProvider[] {
  const found: OidcProvider[] = []
  for (const { statement } of allowedIrsaStatements([check.role])) {
    for (const federated of federatedValues(statement)) {
      for (const provider of graph.providersNamed(federated, check.role))
        if (!found.includes(provider)) found.push(provider)
    }
  }
  return found
}

function missingClientId(check: TokenCheck, provider: OidcProvider): FindingDraft | undefined {
  const audience = check.audience.audience
  if (provider.clientIds.length === 0 || provider.clientIds.some((id) => id.kind !== 'known')) return undefined
  if (provider.clientIds.some((id) => id.kind === 'known' && id.value === audience)) return undefined
  const listed = provider.clientIds.map((id) => (id.kind === 'known' ? `"${id.value}"` : '')).join(', ')
  const annotationFix = provider.clientIds.some((id) => id.kind === 'known' && id.value === DEFAULT_AUDIENCE)
    ? `remove the annotation (tokens then carry the default "${DEFAULT_AUDIENCE}")`
    : 'change the annotation to one of them'
  const where = provider.clientIdsLocation ?? provider.location
  const name = provider.url?.kind === 'known' ? `OIDC provider ${provider.url.value}` : 'the OIDC provider'
  return {
    location: check.audience.location!,
    message:
      `${describeServiceAccount(check.sa)} sets eks.amazonaws.com/audience "${audience}", but ${name} (${formatLocation(where)}), which ${trustTitle(check.role)} names, ` +
      `lists only the client IDs ${listed}, so STS answers "Incorrect token audience"; add "${audience}" to the provider's client IDs, or ${annotationFix}`,
    related: [{ location: where, message: `${name}'s client IDs` }],
    key: `${serviceAccountKey(check.sa)} provider:${provider.url?.kind === 'known' ? provider.url.value : formatLocation(provider.location)} aud:${audience}`,
  }
}
