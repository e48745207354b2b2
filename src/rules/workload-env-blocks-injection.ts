import type { Graph } from '../graph.js'
import type { Container, EnvVar, ServiceAccount, Workload } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
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

const ROLE_ENV = 'AWS_ROLE_ARN'
const TOKEN_FILE_ENV = 'AWS_WEB_IDENTITY_TOKEN_FILE'
const STATIC_KEY_ENVS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']
/** The Kubernetes API token (audience: the API server), not the token the webhook projects for STS. */
const KUBERNETES_API_TOKEN =
  /^\/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/token$|^\/run\/secrets\/kubernetes\.io\/serviceaccount\/token$/

export const workloadEnvBlocksInjection: Rule = {
  meta: {
    id: 'workload-env-blocks-injection',
    level: 'error',
    description:
      'A container of a workload whose ServiceAccount has a role-arn annotation sets AWS_ROLE_ARN or AWS_WEB_IDENTITY_TOKEN_FILE itself (the webhook then injects neither): another role, only one of the two, or the Kubernetes API token; static AWS keys, which the SDKs use before the web identity token, are a warning.',
    remediation:
      'Remove AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE and static AWS keys from the container env and let the EKS webhook inject the IRSA variables.',
  },
  *check(graph) {
    for (const workload of graph.facts.workloads) {
      const serviceAccount = graph.serviceAccountsOf(workload).find(hasRoleArn)
      if (!serviceAccount) continue
      const skipped = skippedContainers(graph, workload)
      for (const container of workload.containers) {
        if (skipped.has(container.name)) continue
        yield* webIdentityVariables(workload, container, serviceAccount)
        yield* staticKeys(workload, container, serviceAccount)
      }
    }
  },
}

function* webIdentityVariables(workload: Workload, container: Container, sa: ServiceAccount): Iterable<FindingDraft> {
  const role = findEnv(container, ROLE_ENV)
  const tokenFile = findEnv(container, TOKEN_FILE_ENV)
  if (!role && !tokenFile) return
  const who = `${containerTitle(container)} of ${objectTitle(workload)}`
  const annotation = sa.roleArn!
  const saAt = `${serviceAccountTitle(sa)} (${formatLocation(annotation.location)})`
  const related = [{ location: annotation.location, message: `the role-arn annotation of ${serviceAccountTitle(sa)}` }]
  const key = `${objectTitle(workload)} container:${container.name}`
  const blocks = `with either variable set, the EKS webhook injects neither`

  if (
    role?.value?.kind === 'known' &&
    annotation.kind === 'known' &&
    role.value.value.trim() !== annotation.value.trim()
  ) {
    yield {
      location: role.location,
      message: `${who} sets ${ROLE_ENV} ${quoted(role.value.value)}, but its ${saAt} names ${quoted(annotation.value.trim())}; ${blocks}, so the pod asks for the other role: remove ${ROLE_ENV} from the env`,
      related,
      key: `${key} ${ROLE_ENV}`,
    }
    return
  }
  if (tokenFile?.value?.kind === 'known' && KUBERNETES_API_TOKEN.test(tokenFile.value.value.trim())) {
    yield {
      location: tokenFile.location,
      message: `${who} points ${TOKEN_FILE_ENV} at the Kubernetes API token, whose audience STS refuses ("Incorrect token audience"), and ${blocks} for ${saAt}: remove ${TOKEN_FILE_ENV}${role ? ` and ${ROLE_ENV}` : ''} from the env`,
      related,
      key: `${key} ${TOKEN_FILE_ENV}`,
    }
    return
  }
  const set = role ?? tokenFile
  if ((role && tokenFile) || !set) return
  const present = role ? ROLE_ENV : TOKEN_FILE_ENV
  const absent = role ? TOKEN_FILE_ENV : ROLE_ENV
  // envFrom may supply the other variable: the SDK would then have both, so this is only likely.
  const unlessEnvFrom = container.envFrom ? ` (unless its envFrom supplies ${absent})` : ''
  yield {
    location: set.location,
    message: `${who} sets ${present} but not ${absent}${unlessEnvFrom}; ${blocks}, so the SDK cannot use the web identity of ${saAt}: remove ${present} from the env`,
    related,
    key: `${key} ${present}`,
    ...(container.envFrom ? { level: 'warning' as const } : {}),
  }
}

function* staticKeys(workload: Workload, container: Container, sa: ServiceAccount): Iterable<FindingDraft> {
  const keys = container.env.filter(
    (env) => STATIC_KEY_ENVS.includes(env.name) && !(env.value?.kind === 'known' && env.value.value === ''),
  )
  const first = keys[0]
  if (!first) return
  const names = [...new Set(keys.map((env) => env.name))].join(' and ')
  const annotation = sa.roleArn!
  yield {
    location: first.location,
    message:
      `${containerTitle(container)} of ${objectTitle(workload)} sets ${names}, which the AWS SDKs use before the web identity token: ` +
      `the pod runs with these static keys instead of role ${quoted(valueText(annotation).trim())} of ${serviceAccountTitle(sa)} (${formatLocation(annotation.location)}); remove them from the env`,
    related: [{ location: annotation.location, message: `the role-arn annotation of ${serviceAccountTitle(sa)}` }],
    key: `${objectTitle(workload)} container:${container.name} static-keys`,
    level: 'warning',
  }
}

function findEnv(container: Container, name: string): EnvVar | undefined {
  return container.env.find((env) => env.name === name)
}

function containerTitle(container: Container): string {
  return `${container.init ? 'init container' : 'container'} ${quoted(container.name)}`
}

/** Containers the pod's `eks.amazonaws.com/skip-containers` annotation exempts from injection. */
function skippedContainers(graph: Graph, workload: Workload): Set<string> {
  const object = objectOfWorkload(graph, workload)
  const annotation = object
    ? podAnnotations(object).find((candidate) => candidate.key === SKIP_CONTAINERS_ANNOTATION)
    : undefined
  if (annotation?.value.kind !== 'known') return new Set()
  // With quotes, any name the value mentions may be skipped.
  const names = skipContainerNames(annotation.value) ?? annotation.value.value.split(/[,"\s]+/)
  return new Set(names)
}
