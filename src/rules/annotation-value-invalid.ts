import type { Graph } from '../graph.js'
import type { Annotation } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import type { Value } from '../model/value.js'
import type { Rule } from './rule.js'
import {
  AUDIENCE_ANNOTATION,
  objectTitle,
  podAnnotations,
  quoted,
  ROLE_ARN_ANNOTATION,
  SKIP_CONTAINERS_ANNOTATION,
  serviceAccountIdentity,
  serviceAccountTitle,
  STS_REGIONAL_ENDPOINTS_ANNOTATION,
  TOKEN_EXPIRATION_ANNOTATION,
  valueText,
} from './helpers/kubernetes.js'

/** The webhook's minimum (kube-apiserver's minimum for projected tokens). */
const MIN_TOKEN_EXPIRATION = 600n
const DEFAULT_TOKEN_EXPIRATION = 86400
const MAX_INT64 = 9223372036854775807n
const IRSA_ANNOTATIONS = new Set([
  ROLE_ARN_ANNOTATION,
  AUDIENCE_ANNOTATION,
  TOKEN_EXPIRATION_ANNOTATION,
  STS_REGIONAL_ENDPOINTS_ANNOTATION,
  SKIP_CONTAINERS_ANNOTATION,
])
/** Every spelling Go's strconv.ParseBool accepts. */
const GO_BOOLEANS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'])

export const annotationValueInvalid: Rule = {
  meta: {
    id: 'annotation-value-invalid',
    level: 'warning',
    description:
      'An IRSA annotation value the EKS webhook cannot use: an empty eks.amazonaws.com/audience, a token-expiration that is not an integer or is below 600, an sts-regional-endpoints that is not a boolean, or an unquoted YAML number or boolean the API server refuses.',
    remediation:
      'Remove the annotation or give it a quoted value the webhook reads: an audience such as sts.amazonaws.com, a whole number of seconds of at least 600, "true" or "false".',
  },
  *check(graph) {
    yield* unquotedValues(graph)
    for (const sa of graph.facts.serviceAccounts) {
      const title = serviceAccountTitle(sa)
      const identity = serviceAccountIdentity(sa)
      const unquoted = new Set(sa.annotations.filter(isUnquoted).map((annotation) => annotation.key))
      if (sa.audience?.kind === 'known' && sa.audience.value.trim() === '' && !unquoted.has(AUDIENCE_ANNOTATION)) {
        yield {
          location: sa.audience.location,
          message:
            `${AUDIENCE_ANNOTATION} of ${title} is empty: the webhook then projects a token for the API server's own audience, which STS refuses ("Incorrect token audience"); ` +
            'remove the annotation (the default is sts.amazonaws.com) or set the audience the trust policy expects',
          key: `${identity} audience`,
        }
      }
      if (sa.tokenExpiration && !unquoted.has(TOKEN_EXPIRATION_ANNOTATION))
        yield* tokenExpiration(
          sa.tokenExpiration,
          title,
          `the token keeps the default lifetime of ${DEFAULT_TOKEN_EXPIRATION} seconds`,
          identity,
        )
      if (
        sa.stsRegionalEndpoints?.kind === 'known' &&
        !GO_BOOLEANS.has(sa.stsRegionalEndpoints.value) &&
        !unquoted.has(STS_REGIONAL_ENDPOINTS_ANNOTATION)
      ) {
        yield {
          location: sa.stsRegionalEndpoints.location,
          message:
            `${STS_REGIONAL_ENDPOINTS_ANNOTATION} ${quoted(sa.stsRegionalEndpoints.value)} of ${title} is not a boolean the webhook parses (Go strconv.ParseBool), so it is ignored; ` +
            'write "true" or "false"',
          key: `${identity} sts-regional-endpoints`,
        }
      }
    }
    yield* podTokenExpirations(graph)
  },
}

function* podTokenExpirations(graph: Graph): Iterable<FindingDraft> {
  for (const object of graph.facts.objects) {
    if (object.kind === 'ServiceAccount') continue
    for (const annotation of podAnnotations(object)) {
      if (annotation.key !== TOKEN_EXPIRATION_ANNOTATION || isUnquoted(annotation)) continue
      const where =
        annotation.where === 'template-annotations' ? `the pod template of ${objectTitle(object)}` : objectTitle(object)
      yield* tokenExpiration(
        annotation.value,
        where,
        `the token keeps the ServiceAccount's lifetime (${DEFAULT_TOKEN_EXPIRATION} seconds by default)`,
        objectTitle(object),
      )
    }
  }
}

/**
 * An IRSA annotation written as a YAML number, boolean, list or map: annotation values are strings,
 * so the API server refuses the whole object.
 */
function* unquotedValues(graph: Graph): Iterable<FindingDraft> {
  for (const object of graph.facts.objects) {
    for (const annotation of object.annotations) {
      if (!IRSA_ANNOTATIONS.has(annotation.key) || !isUnquoted(annotation)) continue
      if (annotation.where === 'labels' || annotation.where === 'template-labels') continue
      const owner =
        annotation.where === 'template-annotations' ? `the pod template of ${objectTitle(object)}` : objectTitle(object)
      const what = annotation.valueKind === 'collection' ? 'a list or map' : `an unquoted ${annotation.valueKind}`
      const text = valueText(annotation.value)
      const fix =
        annotation.valueKind === 'collection' ? 'write a single string' : `quote it: ${annotation.key}: ${quoted(text)}`
      yield {
        location: annotation.value.location,
        message: `${annotation.key} of ${owner} is ${what}, but annotation values must be strings, so the API server rejects the object; ${fix}`,
        key: `${objectTitle(object)} ${annotation.where} ${annotation.key} unquoted`,
      }
    }
  }
}

function isUnquoted(annotation: Annotation): boolean {
  return (
    annotation.valueKind === 'number' || annotation.valueKind === 'boolean' || annotation.valueKind === 'collection'
  )
}

function* tokenExpiration(value: Value, owner: string, fallback: string, identity: string): Iterable<FindingDraft> {
  if (value.kind !== 'known') return
  const text = value.value
  const label = `${TOKEN_EXPIRATION_ANNOTATION} ${quoted(text)} of ${owner}`
  if (!/^[+-]?\d+$/.test(text) || BigInt(text) > MAX_INT64 || BigInt(text) < -MAX_INT64 - 1n) {
    yield {
      location: value.location,
      message: `${label} is not a whole number of seconds the webhook parses, so it is ignored and ${fallback}; write the lifetime in seconds, e.g. "3600"`,
      key: `${identity} token-expiration`,
    }
    return
  }
  if (BigInt(text) < MIN_TOKEN_EXPIRATION) {
    yield {
      location: value.location,
      message: `${label} is below ${MIN_TOKEN_EXPIRATION} seconds, so the webhook raises it to ${MIN_TOKEN_EXPIRATION}; write ${MIN_TOKEN_EXPIRATION} or more`,
      key: `${identity} token-expiration`,
    }
  }
}
