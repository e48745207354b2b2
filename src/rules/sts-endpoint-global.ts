import type { Container, EnvVar, ServiceAccount, Workload } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import { hasRoleArn, objectTitle, quoted, serviceAccountTitle } from './helpers/kubernetes.js'

/** The SDKs' endpoint variable for STS alone: AWS_ENDPOINT_URL_<SERVICE> (AWS SDKs and Tools Reference Guide, "Service-specific endpoints", https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html). */
const STS_ENDPOINT_ENV = 'AWS_ENDPOINT_URL_STS'
const REGIONAL_ENDPOINTS_ENV = 'AWS_STS_REGIONAL_ENDPOINTS'
const GLOBAL_STS_ENDPOINT = /^https?:\/\/sts\.amazonaws\.com(:443)?\/?$/i

export const stsEndpointGlobal: Rule = {
  meta: {
    id: 'sts-endpoint-global',
    level: 'warning',
    description:
      'A container of a workload with an IRSA ServiceAccount sends STS calls to the global endpoint https://sts.amazonaws.com (AWS_ENDPOINT_URL_STS) while the ServiceAccount is configured for the regional STS endpoint, so signed STS calls fail with "SignatureDoesNotMatch ... Credential should be scoped to a valid region" (a note when the cluster default decides), or sets AWS_STS_REGIONAL_ENDPOINTS=legacy, which overrides the ServiceAccount\'s regional annotation.',
    remediation:
      'Remove the global STS endpoint from the container (or use the regional one, https://sts.<region>.amazonaws.com), or annotate the ServiceAccount with eks.amazonaws.com/sts-regional-endpoints: "false".',
  },
  *check(graph) {
    for (const workload of graph.facts.workloads) {
      const sa = graph.serviceAccountsOf(workload).find(hasRoleArn)
      if (!sa) continue
      const regional = regionalAnnotation(sa)
      if (regional === false) continue
      for (const container of workload.containers) {
        const endpoint = knownEnv(container, STS_ENDPOINT_ENV)
        if (endpoint && GLOBAL_STS_ENDPOINT.test(endpoint.value))
          yield globalEndpoint(workload, container, sa, endpoint.variable, regional)
        const legacy = knownEnv(container, REGIONAL_ENDPOINTS_ENV)
        if (regional === true && legacy?.value.trim().toLowerCase() === 'legacy')
          yield legacyOverride(workload, container, sa, legacy.variable)
      }
    }
  },
}

/**
 * The ServiceAccount's eks.amazonaws.com/sts-regional-endpoints, as the webhook reads it
 * (strconv.ParseBool, amazon-eks-pod-identity-webhook pkg/cache/cache.go); undefined when absent
 * or unknown: the cluster's default decides (regional from Kubernetes 1.22 on EKS).
 */
function regionalAnnotation(sa: ServiceAccount): boolean | undefined {
  if (sa.stsRegionalEndpoints?.kind !== 'known') return undefined
  const value = sa.stsRegionalEndpoints.value.trim()
  if (/^(1|t|T|TRUE|true|True)$/.test(value)) return true
  if (/^(0|f|F|FALSE|false|False)$/.test(value)) return false
  return undefined
}

function knownEnv(container: Container, name: string): { variable: EnvVar; value: string } | undefined {
  const variable = container.env.find((candidate) => candidate.name === name)
  return variable?.value?.kind === 'known' ? { variable, value: variable.value.value } : undefined
}

function globalEndpoint(
  workload: Workload,
  container: Container,
  sa: ServiceAccount,
  variable: EnvVar,
  regional: boolean | undefined,
): FindingDraft {
  const where = `container ${quoted(container.name)} of ${objectTitle(workload)} sets ${STS_ENDPOINT_ENV} to the global STS endpoint ${quoted(knownText(variable))}`
  const failure =
    'the SDK signs its STS calls for the pod\'s region and the global endpoint refuses them ("SignatureDoesNotMatch ... Credential should be scoped to a valid region")'
  const fix = `remove ${STS_ENDPOINT_ENV} or set it to https://sts.<region>.amazonaws.com`
  const related = [{ location: sa.location, message: `${serviceAccountTitle(sa)}, with an IRSA role` }]
  if (regional === true)
    return {
      location: variable.location,
      message: `${where}, while ${serviceAccountTitle(sa)} (${formatLocation(sa.location)}) is configured for the regional STS endpoint (eks.amazonaws.com/sts-regional-endpoints: "true"): ${failure}; ${fix}`,
      related,
      key: `${formatLocation(variable.location)} sts-endpoint`,
    }
  return {
    location: variable.location,
    level: 'note',
    message: `${where}; ${serviceAccountTitle(sa)} (${formatLocation(sa.location)}) does not set eks.amazonaws.com/sts-regional-endpoints, and EKS clusters from Kubernetes 1.22 on default to the regional STS endpoint: then ${failure}; ${fix}, or annotate the ServiceAccount with eks.amazonaws.com/sts-regional-endpoints: "false"`,
    related,
    key: `${formatLocation(variable.location)} sts-endpoint`,
  }
}

/** The webhook adds AWS_STS_REGIONAL_ENDPOINTS=regional only to containers that do not set it (pkg/handler/handler.go, addEnvToContainer). */
function legacyOverride(workload: Workload, container: Container, sa: ServiceAccount, variable: EnvVar): FindingDraft {
  return {
    location: variable.location,
    level: 'note',
    message: `container ${quoted(container.name)} of ${objectTitle(workload)} sets ${REGIONAL_ENDPOINTS_ENV}=legacy, so the webhook leaves it and the SDK calls the global STS endpoint, although ${serviceAccountTitle(sa)} (${formatLocation(sa.location)}) is configured for the regional STS endpoint (eks.amazonaws.com/sts-regional-endpoints: "true"): remove the variable, or drop the annotation`,
    related: [{ location: sa.location, message: `${serviceAccountTitle(sa)}, with sts-regional-endpoints "true"` }],
    key: `${formatLocation(variable.location)} sts-legacy`,
  }
}

function knownText(variable: EnvVar): string {
  return variable.value?.kind === 'known' ? variable.value.value : ''
}
