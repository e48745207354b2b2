import type { Workload } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import {
  hasRoleArn,
  objectOfWorkload,
  objectTitle,
  podAnnotations,
  quoted,
  serviceAccountTitle,
  SKIP_CONTAINERS_ANNOTATION,
  skipContainerNames,
  valueText,
} from './helpers/kubernetes.js'

/**
 * hashicorp/vault-k8s@fbc5b1f0 agent-inject/agent/annotations.go: the annotations that turn the
 * Vault Agent injector on for a pod and choose its auto-auth method.
 */
const VAULT_INJECT = 'vault.hashicorp.com/agent-inject'
const VAULT_AUTH_TYPE = 'vault.hashicorp.com/auth-type'

export const injectedSidecarNotMutated: Rule = {
  meta: {
    id: 'injected-sidecar-not-mutated',
    level: 'note',
    description:
      'Pods of a workload whose ServiceAccount has a role-arn annotation get Vault Agent containers that authenticate to Vault with AWS credentials (vault.hashicorp.com/auth-type: aws): the injector copies the IRSA variables into them from the app containers, so they have them only if the EKS webhook mutated the pod first, and never when every app container is skipped.',
    remediation:
      'Check that the Vault Agent containers of a created pod carry AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE; leave at least one app container to the EKS webhook (skip-containers).',
  },
  *check(graph) {
    for (const workload of graph.facts.workloads) {
      const object = objectOfWorkload(graph, workload)
      if (!object) continue
      const annotations = podAnnotations(object)
      const inject = annotations.find((annotation) => annotation.key === VAULT_INJECT)
      const authType = annotations.find((annotation) => annotation.key === VAULT_AUTH_TYPE)
      if (!inject || !authType || !isTrue(valueText(inject.value)) || valueText(authType.value).trim() !== 'aws')
        continue
      const sa = graph.serviceAccountsOf(workload).find(hasRoleArn)
      const roleArn = sa?.roleArn
      if (!sa || !roleArn) continue
      const agents = `the Vault Agent containers the vault-k8s injector adds to the pods of ${objectTitle(workload)} authenticate with AWS (${VAULT_AUTH_TYPE}: aws)`
      const role = `role ${quoted(valueText(roleArn).trim())} of ${serviceAccountTitle(sa)} (${formatLocation(roleArn.location)})`
      const related = [{ location: roleArn.location, message: `the role-arn annotation of ${serviceAccountTitle(sa)}` }]
      if (everyAppContainerSkipped(workload, annotations)) {
        yield {
          location: authType.keyLocation,
          message: `${capitalised(agents)}, but ${SKIP_CONTAINERS_ANNOTATION} exempts every app container from the EKS webhook, so none carries the IRSA variables the injector copies into its agents: they use the node's role instead of ${role}; leave at least one app container to the webhook`,
          related,
          key: `${objectTitle(workload)} vault-agent-aws`,
          level: 'warning',
        }
        continue
      }
      yield {
        location: authType.keyLocation,
        message: `${capitalised(agents)}; the EKS webhook does not mutate containers added after it ran, and the injector copies AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE from the app containers only if the webhook mutated the pod before it: check that the agents of a created pod carry them, or they use the node's role instead of ${role}`,
        related,
        key: `${objectTitle(workload)} vault-agent-aws`,
      }
    }
  },
}

/**
 * hashicorp/vault-k8s@fbc5b1f0 agent-inject/agent/agent.go getAwsEnvsFromContainer: the variables
 * come from `pod.Spec.Containers` only (not init containers).
 */
function everyAppContainerSkipped(workload: Workload, annotations: ReturnType<typeof podAnnotations>): boolean {
  const skip = annotations.find((annotation) => annotation.key === SKIP_CONTAINERS_ANNOTATION)
  const names = skip ? skipContainerNames(skip.value) : undefined
  if (!names) return false
  const app = workload.containers.filter((container) => !container.init)
  return app.length > 0 && app.every((container) => names.includes(container.name))
}

/** vault-k8s reads the inject annotation with parseutil.ParseBool, which takes Go's strconv.ParseBool spellings. */
function isTrue(text: string): boolean {
  return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
