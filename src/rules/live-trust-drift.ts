import type { Graph } from '../graph.js'
import {
  acceptsAnyServiceAccount,
  acceptsAnyServiceAccountInNamespace,
  acceptsServiceAccountToken,
} from '../iam/service-account-token.js'
import { hasTrustPolicy, type ServiceAccount, type TrustedRole } from '../model/facts.js'
import type { LiveRoleLookup } from '../model/live.js'
import { formatLocation, type Location } from '../model/location.js'
import type { PolicyDocument } from '../model/policy.js'
import { describeServiceAccount, knownServiceAccount, tokenAudience } from './helpers/correlation.js'
import {
  deployedRole,
  deployedRoleTitle,
  liveObservations,
  liveServiceAccounts,
  namedProviders,
  quote,
  repositoryTrusts,
} from './helpers/live.js'
import { claimOf, federatedValues, isOidcFederated } from './helpers/trust.js'
import type { Rule } from './rule.js'

export const liveTrustDrift: Rule = {
  meta: {
    id: 'live-trust-drift',
    level: 'warning',
    description:
      "The trust policy deployed on a role (iam:GetRole) differs in effect from the repository's: it accepts a token the repository's refuses (a ServiceAccount, or one nobody defined), or refuses one it accepts.",
    remediation:
      "Apply the repository's trust policy to the role, or bring the repository in line with what is deployed.",
  },
  *check(graph) {
    const observations = liveObservations(graph)
    if (!observations) return
    for (const { lookup, deployed, repository, serviceAccounts, location } of comparedRoles(graph, observations)) {
      const differences = compare(repository.trustPolicy, deployed.trustPolicy, serviceAccounts)
      if (differences.length === 0) continue
      const values = valueDifferences(repository.trustPolicy, deployed.trustPolicy)
      const effects = differences.slice(0, 2).map(describeDifference).join('; and ')
      const more = differences.length > 2 ? ` (and ${differences.length - 2} more)` : ''
      const detail = [
        values.deployedOnly.length > 0
          ? `deployed only: ${values.deployedOnly.map((atom) => atom.text).join(', ')}`
          : '',
        values.repositoryOnly.length > 0
          ? `repository only: ${values.repositoryOnly.map((atom) => atom.text).join(', ')}`
          : '',
      ].filter((part) => part !== '')
      const statements = detail.length > 0 ? `${detail.join('; ')}; ` : ''
      const [first] = serviceAccounts
      yield {
        location:
          values.repositoryOnly[0]?.location ??
          firstFederatedLocation(repository.trustPolicy) ??
          repository.trustPolicy.location,
        message:
          `the deployed trust of ${deployedRoleTitle(lookup)} (iam:GetRole) differs in effect from the repository's (${formatLocation(repository.trustPolicy.location)}): ` +
          `${effects}${more}; ${statements}apply the repository's trust to the role, or bring the repository in line with what is deployed`,
        related: [{ location: location, message: describeServiceAccount(first) }],
        key: `role:${lookup.account}/${lookup.name.toLowerCase()} drift`,
      }
    }
  },
}

interface ComparedRole {
  lookup: LiveRoleLookup
  deployed: TrustedRole
  repository: TrustedRole
  serviceAccounts: [ServiceAccount, ...ServiceAccount[]]
  /** The first annotation naming the role. */
  location: Location
}

/** Roles deployed at the annotated path whose trust the repository also defines, with the ServiceAccounts naming them. */
function comparedRoles(graph: Graph, observations: NonNullable<ReturnType<typeof liveObservations>>): ComparedRole[] {
  const byLookup = new Map<LiveRoleLookup, ComparedRole>()
  for (const { sa, target, lookup } of liveServiceAccounts(graph, observations)) {
    const deployed = deployedRole(target, lookup)
    const repository = repositoryTrusts(graph, sa)[0]
    if (!deployed || !hasTrustPolicy(deployed) || !repository) continue
    const entry = byLookup.get(lookup)
    if (entry) entry.serviceAccounts.push(sa)
    else byLookup.set(lookup, { lookup, deployed, repository, serviceAccounts: [sa], location: target.location })
  }
  return [...byLookup.values()]
}

interface Difference {
  /** "ServiceAccount prod/orders (k8s/orders.yaml:7)", "a ServiceAccount in any namespace". */
  who: string
  deployed: 'allow' | 'deny'
  issuer?: string
}

/**
 * The same questions put to both documents: each ServiceAccount's token, and the over-breadth
 * probes (a ServiceAccount nobody defined, in any namespace and in each namespace in use), for
 * tokens of each issuer either document names. Only definite answers count. A ServiceAccount
 * the deployed trust refuses while the repository's accepts is live-trust-denies-service-account's.
 */
function compare(
  repository: PolicyDocument,
  deployed: PolicyDocument,
  serviceAccounts: ServiceAccount[],
): Difference[] {
  const issuers = [
    ...new Set([...namedProviders(repository), ...namedProviders(deployed)].map((provider) => provider.issuerHostPath)),
  ]
  const candidates: (string | undefined)[] = issuers.length > 0 ? issuers : [undefined]
  const differences: Difference[] = []
  for (const issuer of candidates) {
    const options = issuer !== undefined ? { issuerHostPath: issuer } : {}
    const suffix = issuer !== undefined && candidates.length > 1 ? ` with tokens of issuer ${issuer}` : ''
    const questions: {
      who: string
      ask: (policy: PolicyDocument) => 'allow' | 'deny' | 'unknown'
      serviceAccount: boolean
    }[] = []
    const namespaces = new Set<string>()
    for (const sa of serviceAccounts) {
      const known = knownServiceAccount(sa)
      const audience = tokenAudience(sa)
      if (!known || !audience) continue
      namespaces.add(known.namespace)
      questions.push({
        who: describeServiceAccount(sa),
        ask: (policy) =>
          acceptsServiceAccountToken(policy, { ...known, audience: audience.audience, ...options }).effect,
        serviceAccount: true,
      })
    }
    questions.push({
      who: 'a ServiceAccount in any namespace',
      ask: (policy) => acceptsAnyServiceAccount(policy, options).effect,
      serviceAccount: false,
    })
    for (const namespace of namespaces) {
      questions.push({
        who: `any ServiceAccount in namespace ${namespace}`,
        ask: (policy) => acceptsAnyServiceAccountInNamespace(policy, namespace, options).effect,
        serviceAccount: false,
      })
    }
    for (const question of questions) {
      const inRepository = question.ask(repository)
      const inDeployed = question.ask(deployed)
      if (inRepository === 'unknown' || inDeployed === 'unknown' || inRepository === inDeployed) continue
      if (question.serviceAccount && inDeployed === 'deny') continue
      const who = `${question.who}${suffix}`
      if (!differences.some((each) => each.who === who))
        differences.push({ who, deployed: inDeployed, ...(issuer !== undefined ? { issuer } : {}) })
    }
  }
  return differences
}

function describeDifference(difference: Difference): string {
  return difference.deployed === 'allow'
    ? `it accepts ${difference.who}, which the repository's refuses`
    : `it refuses ${difference.who}, which the repository's accepts`
}

interface Atom {
  identity: string
  text: string
  location: Location
}

/** The providers, actions and sub/aud condition values of the IRSA statements, as atoms to set-compare. */
function atoms(policy: PolicyDocument): Atom[] {
  const found: Atom[] = []
  for (const statement of policy.statements) {
    const federated = federatedValues(statement).filter(isOidcFederated)
    if (federated.length === 0) continue
    const effect = statement.effect?.kind === 'known' ? statement.effect.value : '?'
    const deny = effect === 'Deny' ? 'Deny ' : ''
    for (const value of federated)
      found.push({
        identity: `${effect}|Federated|${quote(value)}`,
        text: `${deny}Federated ${quote(value)}`,
        location: value.location,
      })
    for (const value of statement.action?.values ?? []) {
      found.push({
        identity: `${effect}|Action|${quote(value).toLowerCase()}`,
        text: `${deny}Action ${quote(value)}`,
        location: value.location,
      })
    }
    for (const entry of statement.condition?.entries ?? []) {
      const claim = claimOf(entry.key)
      if (claim !== 'sub' && claim !== 'aud') continue
      // Keyed by claim, not by issuer: a changed issuer shows once, as the Federated provider.
      for (const value of entry.values) {
        found.push({
          identity: `${effect}|${entry.operator}|${claim}|${quote(value)}`,
          text: `${deny}${entry.operator} ${claim} ${quote(value)}`,
          location: value.location,
        })
      }
    }
  }
  return found
}

function valueDifferences(
  repository: PolicyDocument,
  deployed: PolicyDocument,
): { deployedOnly: Atom[]; repositoryOnly: Atom[] } {
  const inRepository = atoms(repository)
  const inDeployed = atoms(deployed)
  const has = (list: Atom[], atom: Atom) => list.some((each) => each.identity === atom.identity)
  return {
    deployedOnly: dedupe(inDeployed.filter((atom) => !has(inRepository, atom))),
    repositoryOnly: dedupe(inRepository.filter((atom) => !has(inDeployed, atom))),
  }
}

function dedupe(list: Atom[]): Atom[] {
  return list.filter((atom, index) => list.findIndex((each) => each.identity === atom.identity) === index)
}

function firstFederatedLocation(policy: PolicyDocument): Location | undefined {
  for (const statement of policy.statements) {
    const value = federatedValues(statement).find(isOidcFederated)
    if (value) return value.location
  }
  return undefined
}
