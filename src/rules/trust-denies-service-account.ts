import { single } from '../collections.js'
import type { Graph } from '../graph.js'
import { parseOidcProviderArn } from '../iam/arn.js'
import type { ConditionMismatch, Mismatch } from '../iam/evaluate.js'
import type { TokenDecision } from '../iam/service-account-token.js'
import { templateText } from '../iam/template.js'
import type { Role, ServiceAccount } from '../model/facts.js'
import type { FindingDraft, RelatedLocation } from '../model/finding.js'
import { formatLocation, type Location } from '../model/location.js'
import type { Rule } from './rule.js'
import { hasRefusedName } from './helpers/kubernetes-names.js'
import {
  checkToken,
  describeCluster,
  describeServiceAccount,
  failureKind,
  knownClusters,
  refusal,
  roleAcceptingInstead,
  roleKey,
  roleTitle,
  trustTitle,
  serviceAccountKey,
  trustContradictsClusters,
  type KnownCluster,
  type Refusal,
  type TokenCheck,
} from './helpers/correlation.js'
import { federatedValues, keyText, parseOperator } from './helpers/trust.js'
import { parseServiceAccountSubject, serviceAccountSubject } from '../model/service-account-subject.js'

export const trustDeniesServiceAccount: Rule = {
  meta: {
    id: 'trust-denies-service-account',
    level: 'error',
    description:
      "A ServiceAccount's token (sub system:serviceaccount:<namespace>:<name>, its audience, its cluster's issuer) would be refused by the trust policy of the role its eks.amazonaws.com/role-arn names.",
    remediation:
      "Make the trust's condition values (and provider) match the ServiceAccount that uses the role, or move/rename the ServiceAccount, or point the annotation at the role meant for it.",
  },
  *check(graph, context) {
    const clusters = knownClusters(graph, context.config)
    // Pod Identity takes precedence: the role an association maps the same ServiceAccount to is used
    // through Pod Identity, not its web-identity trust (pod-identity-overrides-irsa reports the annotation).
    const podIdentityRoles = new Map<ServiceAccount, Role[]>()
    for (const association of graph.facts.podIdentityAssociations) {
      for (const sa of graph.serviceAccountsNamed(association.namespace, association.serviceAccount, association)) {
        podIdentityRoles.set(sa, [
          ...(podIdentityRoles.get(sa) ?? []),
          ...graph.rolesNamedBy(association.roleArn, association).map((link) => link.role),
        ])
      }
    }
    for (const sa of graph.facts.serviceAccounts) {
      // A name Kubernetes refuses is service-account-name-invalid's finding: no token of it exists to accept.
      if (hasRefusedName(sa)) continue
      for (const { role } of graph.rolesOf(sa)) {
        if (podIdentityRoles.get(sa)?.includes(role)) continue
        const check = checkToken(sa, role, clusters)
        const found = check && refusal(check)
        if (!check || !found) continue
        const finding = explain(graph, check, found, clusters)
        if (finding) yield finding
      }
    }
  },
}

interface Reason {
  location: Location
  /** What does not match, e.g. `StringEquals on "…:sub" allows "…", not "…"`. */
  phrase: string
  /** What to change, e.g. `change the sub value to "…"`. */
  fix: string
}

function explain(
  graph: Graph,
  check: TokenCheck,
  found: Refusal,
  clusters: readonly KnownCluster[],
): FindingDraft | undefined {
  const { sa, role, policy } = check
  const subject = serviceAccountSubject(check.namespace, check.name)
  const annotation = sa.roleArn?.location ?? sa.location
  const key = `${serviceAccountKey(sa)} ${roleKey(role)}`
  const serviceAccountSide: RelatedLocation = {
    location: annotation,
    message: `ServiceAccount ${check.namespace}/${check.name}`,
  }

  if (found.deniedBy) {
    const location = found.deniedBy.statement.location
    return {
      location,
      message: `${describeServiceAccount(sa)} would be refused by ${trustTitle(role)} (${formatLocation(location)}): ${found.deniedBy.label} denies it explicitly; narrow that Deny statement so that it does not match "${subject}"`,
      related: [serviceAccountSide],
      key,
    }
  }
  if (!found.closest) {
    return {
      location: annotation,
      message:
        `${describeServiceAccount(sa)} names ${roleTitle(role)}, whose trust (${formatLocation(policy.location)}) has no Allow statement for an OIDC provider, so it accepts no ServiceAccount token; ` +
        `point the annotation at the role meant for this ServiceAccount, or add a web-identity statement for it to the trust`,
      related: [{ location: policy.location, message: trustTitle(role) }],
      key,
    }
  }

  const kinds = found.failures.map(failureKind)
  // Reported by other rules with their own fix: the Action (web-identity-action-missing), an
  // issuer that is not the cluster's (cluster-issuer-mismatch), an annotated audience (audience-mismatch).
  if (kinds.every((kind) => kind === 'action')) return undefined
  if (kinds.every((kind) => kind === 'principal') && check.cluster && trustContradictsClusters(role, policy, clusters))
    return undefined
  if (kinds.every((kind) => kind === 'aud') && check.audience.explicit) return undefined
  // A wildcard under StringEquals is sub-wildcard-needs-stringlike's finding, which names the ServiceAccounts.
  if (found.failures.every(isLiteralWildcardSub)) return undefined

  const reasons = found.failures.map((failure) => reasonFor(failure, check, found.token, subject))
  const [first] = reasons
  if (!first) return undefined
  const trust = `${trustTitle(role)} (${formatLocation(first.location)})`
  const refused = `${describeServiceAccount(sa)} would be refused by ${trust}: ${reasons.map((reason) => reason.phrase).join(', and ')}`
  const fixes = reasons.map((reason) => reason.fix).join('; ')

  const instead = roleAcceptingInstead(graph, check)
  if (instead) {
    return {
      location: annotation,
      message: `${refused}; ${trustTitle(instead)} (${formatLocation(instead.trustPolicy.location)}) accepts it: point the annotation at ${roleTitle(instead)}, or ${fixes}`,
      related: [
        { location: first.location, message: trustTitle(role) },
        { location: instead.trustPolicy.location, message: trustTitle(instead) },
      ],
      key,
    }
  }
  const setByBuild = buildSetting(check, found.failures)
  if (setByBuild) {
    return {
      location: setByBuild.location,
      message: `${refused}; ${fixes} (the ServiceAccount's ${setByBuild.what} ${setByBuild.value} is set here, not in ${formatLocation(sa.location)})`,
      related: [{ location: first.location, message: trustTitle(role) }, serviceAccountSide],
      key,
    }
  }
  return { location: first.location, message: `${refused}; ${fixes}`, related: [serviceAccountSide], key }
}

/**
 * A Kustomize overlay's `namespace:` or `namePrefix:`, or a Helm release, that gives the
 * ServiceAccount the namespace or name the trust does not expect: the line that changed it.
 */
function buildSetting(
  check: TokenCheck,
  failures: readonly Mismatch[],
): { location: Location; what: 'namespace' | 'name'; value: string } | undefined {
  const { sa } = check
  if (sa.source !== 'kustomize' && sa.source !== 'helm') return undefined
  if (!failures.every((failure) => failure.element === 'Condition' && failureKind(failure) === 'sub')) return undefined
  const trusted = failures.flatMap((failure) =>
    failure.element === 'Condition'
      ? failure.entry.values.flatMap((value) => {
          const named = value.kind === 'known' ? parseServiceAccountSubject(value.value) : undefined
          return named ? [named] : []
        })
      : [],
  )
  if (
    sa.namespace.location.path !== sa.location.path &&
    trusted.some((entry) => entry.name === check.name && entry.namespace !== check.namespace)
  ) {
    return { location: sa.namespace.location, what: 'namespace', value: check.namespace }
  }
  if (
    sa.name.location.path !== sa.location.path &&
    trusted.some((entry) => entry.namespace === check.namespace && entry.name !== check.name)
  ) {
    return { location: sa.name.location, what: 'name', value: check.name }
  }
  return undefined
}

function reasonFor(failure: Mismatch, check: TokenCheck, token: TokenDecision, subject: string): Reason {
  const kind = failureKind(failure)
  if (kind === 'principal') return principalReason(failure, check, token)
  if (failure.element === 'Condition' && (kind === 'sub' || kind === 'aud'))
    return claimReason(failure, check, token, kind, subject)
  return { location: failure.location, phrase: failure.message, fix: 'make it hold for this token' }
}

function principalReason(failure: Mismatch, check: TokenCheck, token: TokenDecision): Reason {
  const federated = federatedValues(token.decision.statements.find((o) => o.mismatches.includes(failure))!.statement)
  const named = federated.flatMap((value) => {
    const arn = value.kind === 'known' ? parseOidcProviderArn(value.value) : undefined
    return arn ? [{ arn, location: value.location }] : []
  })[0]
  const cluster = check.cluster
  if (!named || !cluster)
    return {
      location: failure.location,
      phrase: failure.message,
      fix: "name the cluster's OIDC provider in the Principal",
    }
  const provider = `arn:${named.arn.partition}:iam::${named.arn.account}:oidc-provider/${cluster.hostPath}`
  return {
    location: named.location,
    phrase: `it trusts the OIDC provider of issuer ${named.arn.issuerHostPath}, but the ServiceAccount's tokens come from ${describeCluster(cluster)}`,
    fix: `name "${provider}" and the condition keys "${cluster.hostPath}:sub" and ":aud"`,
  }
}

function claimReason(
  failure: ConditionMismatch,
  check: TokenCheck,
  token: TokenDecision,
  claim: 'sub' | 'aud',
  subject: string,
): Reason {
  const entry = failure.entry
  const operator = parseOperator(entry.operator)
  const wanted = claim === 'sub' ? subject : check.audience.audience
  const location = single(entry.values)?.location ?? entry.valuesLocation
  const positive = !operator.negated && !operator.setPrefix && !operator.ifExists
  if (!positive) return { location, phrase: failure.message, fix: `make it accept "${wanted}"` }
  if (failure.requestValues === undefined) {
    const issuer = templateText(token.decisive.issuer)
    return {
      location: entry.keyLocation,
      phrase: failure.message,
      fix: `name the key after the token's issuer: "${issuer}:${claim}"`,
    }
  }
  const written = entry.values
    .map((value) => (value.kind === 'known' ? `"${value.value}"` : `\${${value.expression}}`))
    .join(', ')
  const own =
    claim === 'sub'
      ? ''
      : check.audience.explicit
        ? ' (its eks.amazonaws.com/audience)'
        : ' (the default audience; the ServiceAccount sets no eks.amazonaws.com/audience)'
  const phrase = `${entry.operator} on "${keyText(entry.key)}" allows ${written}, not "${wanted}"${own}`
  const change =
    entry.values.length === 1 ? `change the ${claim} value to "${wanted}"` : `add "${wanted}" to the ${claim} values`
  return {
    location,
    phrase,
    fix: claim === 'sub' ? `${change}${serviceAccountAlternative(entry.values, check)}` : change,
  }
}

/** The characters of a namespace and a ServiceAccount name. */
const KUBERNETES_NAME = /^[a-z0-9.-]+$/

/** When the trust names the same ServiceAccount in another namespace, or another in the same namespace. */
function serviceAccountAlternative(values: ConditionMismatch['policyValues'], check: TokenCheck): string {
  // The add-on names its ServiceAccounts itself.
  if (check.sa.addon !== undefined) return ''
  const trusted = values.flatMap((value) => {
    const named = value.kind === 'known' ? parseServiceAccountSubject(value.value) : undefined
    return named && KUBERNETES_NAME.test(named.namespace) && KUBERNETES_NAME.test(named.name) ? [named] : []
  })
  const sameName = trusted.find((entry) => entry.name === check.name && entry.namespace !== check.namespace)
  if (sameName) return ` or move the ServiceAccount to namespace ${sameName.namespace}`
  const sameNamespace = trusted.filter((entry) => entry.namespace === check.namespace && entry.name !== check.name)
  const other = single(sameNamespace)
  if (other) return ` or rename the ServiceAccount to ${other.name}`
  return ''
}

function isLiteralWildcardSub(failure: Mismatch): boolean {
  if (failure.element !== 'Condition' || failureKind(failure) !== 'sub') return false
  const operator = parseOperator(failure.entry.operator)
  return (
    operator.base.startsWith('StringEquals') &&
    failure.entry.values.some((value) => value.kind === 'known' && /[*?]/.test(value.value))
  )
}
