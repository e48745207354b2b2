import type { PolicyDocument, Statement } from '../model/policy.js'
import {
  DEFAULT_AUDIENCE,
  defaultAudienceOfIssuer,
  parseEksIssuerHostPath,
  parseOidcProviderArn,
  partitionOfRegion,
} from './arn.js'
import { evaluatePolicy, literalPrincipals, principalKey, statementVerdict, type Decision } from './evaluate.js'
import { globPattern, intersects, literalPattern } from './glob.js'
import { parseOperator } from './operators.js'
import type { PolicyRequest } from './request.js'
import {
  concat,
  hasHoles,
  hole,
  knownText,
  templateOf,
  templateText,
  text,
  type RequestValue,
  type Template,
} from './template.js'

export const WEB_IDENTITY_ACTION = 'sts:AssumeRoleWithWebIdentity'

/** A namespace and a name no one defines: asking for them measures how broad a trust policy is. */
export const PROBE_NAMESPACE = 'zq7x-undefined-namespace'
export const PROBE_NAME = 'zq7x-undefined-service-account'

export interface ServiceAccountTokenQuery {
  namespace: RequestValue
  name: RequestValue
  /**
   * The ServiceAccount's `eks.amazonaws.com/audience`. When it has none: `sts.amazonaws.com` for an
   * EKS issuer, unknown for a self-hosted one (its webhook's --token-audience decides).
   */
  audience?: RequestValue
  /** The cluster issuer without `https://`, when known. */
  issuerHostPath?: string
  /** The OIDC provider the token is presented to, when known (e.g. from the role → provider link). */
  providerArn?: RequestValue
}

/** The token tried against one OIDC provider (and the issuer its condition keys are named after). */
export interface ProviderAttempt {
  provider: Template
  issuer: Template
  request: PolicyRequest
  decision: Decision
}

export interface TokenDecision {
  effect: Decision['effect']
  /** `system:serviceaccount:<namespace>:<name>` */
  subject: Template
  audience: Template
  /** One per provider tried; never empty. */
  attempts: ProviderAttempt[]
  /** The attempt that decides the effect: the first that allows, else the first unknown, else the first. */
  decisive: ProviderAttempt
  /** `decisive.decision` */
  decision: Decision
}

/**
 * Would STS accept this ServiceAccount's token for the role? The request is
 * `sts:AssumeRoleWithWebIdentity` by the Federated OIDC provider, with `<issuer>:sub` =
 * `system:serviceaccount:<ns>:<name>` and `<issuer>:aud` = the audience (no `:amr`). When the
 * provider or issuer is not known, each OIDC provider the policy names is tried as the token's
 * provider (the pod runs on the right cluster): allow if any allows, unknown if any is unknown.
 * A provider known only as a reference is taken to be the one the policy's condition keys name.
 */
export function acceptsServiceAccountToken(policy: PolicyDocument, query: ServiceAccountTokenQuery): TokenDecision {
  const subject = concat('system:serviceaccount:', query.namespace, ':', query.name)
  const audience = templateOf(query.audience ?? DEFAULT_AUDIENCE)
  const attempts = candidates(policy, query).map(({ provider, issuer }): ProviderAttempt => {
    const request = tokenRequest(provider, issuer, subject, audienceFor(query, issuer))
    return { provider, issuer, request, decision: evaluatePolicy(policy, request) }
  })
  const decisive =
    attempts.find((attempt) => attempt.decision.effect === 'allow') ??
    attempts.find((attempt) => attempt.decision.effect === 'unknown') ??
    attempts[0]!
  return { effect: decisive.decision.effect, subject, audience, attempts, decisive, decision: decisive.decision }
}

/**
 * `acceptsServiceAccountToken(policy, query)` allows the token, and `statement` is among the
 * statements that allow it in one of the attempts. Decided from that statement (and the policy's
 * statements that are not Allow) wherever the statement names its provider literally, so that
 * asking this of every statement of a policy costs about as much as reading the policy.
 */
export function acceptsTokenThrough(
  policy: PolicyDocument,
  statement: Statement,
  query: ServiceAccountTokenQuery,
): boolean {
  const subject = concat('system:serviceaccount:', query.namespace, ':', query.name)
  const attempts = candidates(policy, query)
  const request = (attempt: Candidate) =>
    tokenRequest(attempt.provider, attempt.issuer, subject, audienceFor(query, attempt.issuer))
  // A statement naming its providers literally applies only in the attempts with one of them.
  const named = literalPrincipals(policy, statement)
  const through = named ? [...named].flatMap((key) => attemptsByProvider(attempts).get(key) ?? []) : attempts
  let anyThrough = false
  let allowed = false
  const notApplying: Candidate[] = []
  for (const attempt of through) {
    const verdict = statementVerdict(policy, statement, request(attempt))
    if (verdict === 'allowed') return true
    if (verdict === 'never-allowed') return false
    if (verdict === 'blocked') anyThrough = true
    else if (verdict === 'not-applying') notApplying.push(attempt)
    else {
      const decision = evaluatePolicy(policy, request(attempt))
      if (decision.allowedBy.some((outcome) => outcome.statement === statement)) anyThrough = true
      if (decision.effect === 'allow') allowed = true
    }
    if (anyThrough && allowed) return true
  }
  // The statement lets the token in only where the policy does not allow it: does another attempt allow it?
  if (!anyThrough) return false
  if (allowed) return true
  const tried = new Set(through)
  const others = [...notApplying, ...attempts.filter((attempt) => !tried.has(attempt))]
  return others.some((attempt) => evaluatePolicy(policy, request(attempt)).effect === 'allow')
}

const providerMaps = new WeakMap<readonly Candidate[], Map<string, Candidate[]>>()

/** The attempts by their provider's `principalKey`. */
function attemptsByProvider(attempts: readonly Candidate[]): Map<string, Candidate[]> {
  let map = providerMaps.get(attempts)
  if (!map) {
    map = new Map()
    for (const attempt of attempts) {
      const key = principalKey({ type: 'Federated', id: attempt.provider })
      if (key !== undefined) map.set(key, [...(map.get(key) ?? []), attempt])
    }
    providerMaps.set(attempts, map)
  }
  return map
}

const SELF_HOSTED_AUDIENCE = hole('the token audience of the self-hosted pod-identity-webhook (--token-audience)')

/** The token's audience presented to a provider of `issuer`. */
function audienceFor(query: ServiceAccountTokenQuery, issuer: Template): Template {
  if (query.audience !== undefined) return templateOf(query.audience)
  const known = knownText(issuer)
  return known !== undefined && defaultAudienceOfIssuer(known) === undefined
    ? SELF_HOSTED_AUDIENCE
    : templateOf(DEFAULT_AUDIENCE)
}

function tokenRequest(provider: Template, issuer: Template, subject: Template, audience: Template): PolicyRequest {
  return {
    action: WEB_IDENTITY_ACTION,
    principal: { type: 'Federated', id: provider },
    context: [
      { key: concat(issuer, ':sub'), values: [subject] },
      { key: concat(issuer, ':aud'), values: [audience] },
    ],
    unknownKeyPrefixes: ['aws:', 'sts:'],
    subject: 'the token',
  }
}

export type ProbeOptions = Omit<ServiceAccountTokenQuery, 'namespace' | 'name'>

/**
 * Would the policy accept a ServiceAccount no one defined (any namespace, any name)? Its owner
 * may pick any audience, so the default and each audience the policy names are tried.
 */
export function acceptsAnyServiceAccount(policy: PolicyDocument, options: ProbeOptions = {}): TokenDecision {
  return probe(policy, PROBE_NAMESPACE, options)
}

/** Would the policy accept a ServiceAccount no one defined in this namespace? */
export function acceptsAnyServiceAccountInNamespace(
  policy: PolicyDocument,
  namespace: RequestValue,
  options: ProbeOptions = {},
): TokenDecision {
  return probe(policy, namespace, options)
}

function probe(policy: PolicyDocument, namespace: RequestValue, options: ProbeOptions): TokenDecision {
  const audiences = options.audience !== undefined ? [options.audience] : [DEFAULT_AUDIENCE, ...audiencesNamed(policy)]
  const decisions = audiences.map((audience) =>
    acceptsServiceAccountToken(policy, { ...options, namespace, name: PROBE_NAME, audience }),
  )
  return decisions.find((d) => d.effect === 'allow') ?? decisions.find((d) => d.effect === 'unknown') ?? decisions[0]!
}

interface Candidate {
  provider: Template
  issuer: Template
}

function candidates(policy: PolicyDocument, query: ServiceAccountTokenQuery): readonly Candidate[] {
  if (query.providerArn !== undefined) return candidatesFor(policy, query)
  const { issuerHostPath } = query
  if (issuerHostPath === undefined) return policyCandidates(policy)
  const byIssuer = candidatesByIssuer(policy)
  let found = byIssuer.get(issuerHostPath)
  if (!found) byIssuer.set(issuerHostPath, (found = candidatesFor(policy, { issuerHostPath })))
  return found
}

/** The providers to try when the query names none: the same for every token put to the policy. */
const policyCandidates = perPolicy((policy: PolicyDocument) => candidatesFor(policy, {}))
/** Those to try for a cluster's issuer, by the issuer: the same for every token of the cluster. */
const candidatesByIssuer = perPolicy(() => new Map<string, readonly Candidate[]>())

function candidatesFor(
  policy: PolicyDocument,
  query: Omit<ServiceAccountTokenQuery, 'namespace' | 'name'>,
): Candidate[] {
  const given = query.issuerHostPath !== undefined ? text(query.issuerHostPath) : undefined
  const providers =
    query.providerArn !== undefined
      ? [templateOf(query.providerArn)]
      : oidcProvidersNamed(policy).filter((provider) => !given || mayHaveIssuer(provider, query.issuerHostPath!))
  if (providers.length === 0)
    providers.push(given ? synthesisedProvider(query.issuerHostPath!) : hole('OIDC provider of the cluster'))
  return providers.flatMap((provider) => {
    const issuer = given ?? issuerOf(provider)
    const issuers = issuer ? [issuer] : keyIssuers(policy)
    return issuers.map((each) => ({ provider, issuer: each }))
  })
}

const OIDC_PROVIDER_ARN = globPattern(text('arn:*:iam::*:oidc-provider/*'))

/** What the policy names, worked out once per policy: every token asked about reads it. */
function perPolicy<T>(compute: (policy: PolicyDocument) => T): (policy: PolicyDocument) => T {
  const cache = new WeakMap<PolicyDocument, T>()
  return (policy) => {
    if (!cache.has(policy)) cache.set(policy, compute(policy))
    return cache.get(policy)!
  }
}

/** A key that is the same for the same template (`fold`: ignoring the case of the text). */
function templateKey(template: Template, fold = false): string {
  return JSON.stringify(
    template.map((part) => ('hole' in part ? [part.hole] : fold ? part.text.toLowerCase() : part.text)),
  )
}

/** The Federated principals that are (or may be) IAM OIDC providers, each once. */
const oidcProvidersNamed = perPolicy((policy: PolicyDocument): Template[] => {
  const found: Template[] = []
  const seen = new Set<string>()
  for (const statement of policy.statements) {
    for (const entry of statement.principal?.entries ?? []) {
      if (entry.type !== 'Federated') continue
      for (const value of entry.values) {
        const provider = templateOf(value)
        const oidc = hasHoles(provider)
          ? intersects(literalPattern(provider), OIDC_PROVIDER_ARN)
          : parseOidcProviderArn(knownText(provider)!) !== undefined
        if (oidc && !seen.has(templateKey(provider))) {
          seen.add(templateKey(provider))
          found.push(provider)
        }
      }
    }
  }
  return found
})

/** The issuer (host and path) in a provider ARN, itself possibly a template; undefined when not told. */
function issuerOf(provider: Template): Template | undefined {
  const marker = ':oidc-provider/'
  const index = provider.findIndex((part) => 'text' in part && part.text.includes(marker))
  if (index < 0) return undefined
  const part = provider[index] as { text: string }
  const issuer = concat(part.text.slice(part.text.indexOf(marker) + marker.length), [...provider.slice(index + 1)])
  return issuer.length > 0 ? issuer : undefined
}

function mayHaveIssuer(provider: Template, issuerHostPath: string): boolean {
  const issuer = issuerOf(provider)
  if (!issuer) return hasHoles(provider)
  return intersects(literalPattern(text(issuerHostPath)), literalPattern(issuer))
}

function synthesisedProvider(issuerHostPath: string): Template {
  const region = parseEksIssuerHostPath(issuerHostPath)?.region
  const partition = region ? partitionOfRegion(region) : 'aws'
  return concat(`arn:${partition}:iam::`, hole('account'), `:oidc-provider/${issuerHostPath}`)
}

const CLAIM_SUFFIX = /:(sub|aud|amr)$/i

/** The issuers the policy's `<issuer>:sub|aud|amr` keys are named after, each once; one unknown issuer when there are none. */
const keyIssuers = perPolicy((policy: PolicyDocument): Template[] => {
  const found: Template[] = []
  const seen = new Set<string>()
  for (const statement of policy.statements) {
    for (const entry of statement.condition?.entries ?? []) {
      const key = templateOf(entry.key)
      const last = key[key.length - 1]
      if (!last || !('text' in last) || !CLAIM_SUFFIX.test(last.text)) continue
      const issuer = concat([...key.slice(0, -1)], last.text.slice(0, -4))
      if (!seen.has(templateKey(issuer, true))) {
        seen.add(templateKey(issuer, true))
        found.push(issuer)
      }
    }
  }
  return found.length > 0 ? found : [hole('issuer of the cluster')]
})

/** Literal audiences the policy accepts under a positive string operator on an `:aud` key. */
const audiencesNamed = perPolicy((policy: PolicyDocument): string[] => {
  const found = new Set<string>()
  for (const statement of policy.statements) {
    for (const entry of statement.condition?.entries ?? []) {
      const operator = parseOperator(entry.operator)
      const key = templateText(templateOf(entry.key))
      if (operator?.family !== 'String' || operator.negated || !/:aud$/i.test(key)) continue
      for (const value of entry.values) {
        const audience = value.kind === 'known' ? value.value : undefined
        if (audience && !(operator.comparison === 'like' && /[*?]/.test(audience))) found.add(audience)
      }
    }
  }
  found.delete(DEFAULT_AUDIENCE)
  return [...found]
})
