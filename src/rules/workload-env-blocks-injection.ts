import { posix } from 'node:path'
import type { Graph } from '../graph.js'
import type { Container, EnvVar, PodVolume, ServiceAccount, VolumeMount, Workload } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation, type Location } from '../model/location.js'
import type { Value } from '../model/value.js'
import { tokenAudience } from './helpers/correlation.js'
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
/** aws/amazon-eks-pod-identity-webhook@3bf80a34 pkg/handler/handler.go: the default mount path plus the token file name. */
const WEBHOOK_TOKEN_FILE = '/var/run/secrets/eks.amazonaws.com/serviceaccount/token'
const STATIC_KEY_ENVS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']
/** The Kubernetes API token (audience: the API server), not the token the webhook projects for STS. */
const KUBERNETES_API_TOKEN =
  /^\/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/token$|^\/run\/secrets\/kubernetes\.io\/serviceaccount\/token$/

export const workloadEnvBlocksInjection: Rule = {
  meta: {
    id: 'workload-env-blocks-injection',
    level: 'error',
    description:
      'A container of a workload whose ServiceAccount has a role-arn annotation sets AWS_ROLE_ARN or AWS_WEB_IDENTITY_TOKEN_FILE itself (the webhook then injects neither): another role, only one of the two, the Kubernetes API token, or a token file no projected token with an audience is mounted at; both set by hand and agreeing, static AWS keys in the env, and a shared credentials file mounted where the SDK reads it are warnings.',
    remediation:
      'Remove AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE, static AWS keys and mounted credentials files from the container and let the EKS webhook inject the IRSA variables.',
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
        yield* mountedCredentials(workload, container, serviceAccount)
      }
    }
    yield* staticProfiles(graph)
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
  if (role && tokenFile) {
    yield* bothSetByHand(workload, container, sa, tokenFile)
    return
  }
  const set = role ?? tokenFile
  if (!set) return
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

/**
 * Both variables set by hand and agreeing with the annotation: the webhook injects neither but
 * still mounts its token volume at its own path (aws/amazon-eks-pod-identity-webhook@3bf80a34
 * pkg/handler/handler.go addEnvToContainer: the volume mount is added whatever the env holds), so
 * a token file elsewhere must be a projected serviceAccountToken of the pod's own.
 */
function* bothSetByHand(
  workload: Workload,
  container: Container,
  sa: ServiceAccount,
  tokenFile: EnvVar,
): Iterable<FindingDraft> {
  const annotation = sa.roleArn
  if (!annotation) return
  const who = `${containerTitle(container)} of ${objectTitle(workload)}`
  const related = [{ location: annotation.location, message: `the role-arn annotation of ${serviceAccountTitle(sa)}` }]
  const key = `${objectTitle(workload)} container:${container.name} ${TOKEN_FILE_ENV} by hand`
  const byHand =
    `${who} sets both ${ROLE_ENV} and ${TOKEN_FILE_ENV} itself, so the EKS webhook injects neither for ${serviceAccountTitle(sa)} (${formatLocation(annotation.location)}): ` +
    `the variables must be kept equal to the annotation by hand`
  const remove = `remove both from the env and let the webhook inject them`
  const warning = (why: string): FindingDraft => ({
    location: tokenFile.location,
    message: `${byHand}${why}; ${remove}`,
    related,
    key,
    level: 'warning',
  })
  const path = tokenFile.value?.kind === 'known' ? posix.normalize(tokenFile.value.value.trim()) : undefined
  if (path === undefined || !path.startsWith('/') || path.startsWith(`${posix.dirname(WEBHOOK_TOKEN_FILE)}/`)) {
    yield warning('')
    return
  }
  const token = tokenAt(workload, container, path)
  const expected = tokenAudience(sa)?.audience
  if (token === 'unmounted' && workload.source !== 'helm') {
    yield {
      location: tokenFile.location,
      message: `${byHand}, and no volume of the pod is mounted at ${quoted(path)}, the token file it names (the webhook mounts its token at ${quoted(WEBHOOK_TOKEN_FILE)}), so the SDK finds no token: ${remove}`,
      related,
      key,
    }
    return
  }
  if (token === 'unmounted' || token === 'unknown') {
    yield warning('')
    return
  }
  if (token.audience === undefined) {
    yield {
      location: tokenFile.location,
      message: `${byHand}, and the projected serviceAccountToken at ${quoted(path)} (${formatLocation(token.location)}) has no audience, so it carries the API server's, which STS refuses ("Incorrect token audience"): ${remove}`,
      related,
      key,
    }
    return
  }
  if (token.audience.kind === 'known' && expected !== undefined && token.audience.value.trim() !== expected)
    yield warning(
      `, and the projected serviceAccountToken at ${quoted(path)} (${formatLocation(token.location)}) has audience ${quoted(token.audience.value)}, not ${quoted(expected)}, which STS accepts only if the cluster's OIDC provider lists it`,
    )
  else yield warning('')
}

/** The projected serviceAccountToken a container reads at a path: 'unmounted' when no mount covers it, 'unknown' for another volume. */
function tokenAt(
  workload: Workload,
  container: Container,
  path: string,
): { audience?: Value; location: Location } | 'unmounted' | 'unknown' {
  // A path filled in at deploy time (envsubst, Kustomize vars, an unrendered template) is unknown.
  const deployTime = /\$|\{\{/
  if (deployTime.test(path)) return 'unknown'
  let covered = false
  for (const mount of container.volumeMounts ?? []) {
    if (deployTime.test(mount.mountPath)) covered = true
    const mountPath = posix.normalize(mount.mountPath)
    const inVolume =
      mount.subPath !== undefined
        ? mountPath === path
          ? posix.normalize(mount.subPath)
          : undefined
        : path.startsWith(`${mountPath.replace(/\/$/, '')}/`)
          ? posix.relative(mountPath, path)
          : undefined
    if (inVolume === undefined) continue
    covered = true
    const volume = workload.volumes?.find((candidate) => candidate.name === mount.volume)
    const token = volume?.serviceAccountTokens.find((candidate) => posix.normalize(candidate.path) === inVolume)
    if (volume && token) return { ...(token.audience ? { audience: token.audience } : {}), location: volume.location }
  }
  return covered ? 'unknown' : 'unmounted'
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

/** The directories the SDKs read `credentials` from by default: `~/.aws` of root or of a user under /home. */
const HOME_AWS_DIRECTORY = /^(?:~|\/root|\/home\/[^/]+)\/\.aws$/
const CREDENTIALS_FILE_ENV = 'AWS_SHARED_CREDENTIALS_FILE'

/**
 * A shared credentials file mounted from a Secret or ConfigMap where the container's SDK reads it:
 * `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`. Some SDKs read it before the web
 * identity token (the AWS SDK for JavaScript v3 default chain: fromIni before fromTokenFile;
 * any SDK when AWS_PROFILE selects its profile), so the pod may run with its keys.
 */
function* mountedCredentials(workload: Workload, container: Container, sa: ServiceAccount): Iterable<FindingDraft> {
  const configured = findEnv(container, CREDENTIALS_FILE_ENV)
  if (configured && configured.value?.kind !== 'known') return
  const wanted = configured?.value?.kind === 'known' ? posix.normalize(configured.value.value.trim()) : undefined
  for (const mount of container.volumeMounts ?? []) {
    const volume = workload.volumes?.find((candidate) => candidate.name === mount.volume)
    if (!volume || volume.stored.length === 0) continue
    const files = filesOfMount(mount, volume, wanted)
    const file = files.find((candidate) =>
      wanted !== undefined
        ? candidate === wanted
        : HOME_AWS_DIRECTORY.test(posix.dirname(candidate)) && posix.basename(candidate) === 'credentials',
    )
    if (file === undefined) continue
    const what = volume.stored.map((stored) => `${stored.kind} ${quoted(stored.name)}`).join(', ')
    const annotation = sa.roleArn
    if (!annotation) return
    yield {
      location: mount.location,
      message:
        `${containerTitle(container)} of ${objectTitle(workload)} mounts ${what} at ${quoted(mount.mountPath)}, where its SDK reads the shared credentials file ${quoted(file)}${wanted !== undefined ? ` (${CREDENTIALS_FILE_ENV})` : ''}, ` +
        `which some SDKs read before the web identity token: the pod may run with those keys instead of role ${quoted(valueText(annotation).trim())} of ${serviceAccountTitle(sa)} (${formatLocation(annotation.location)}); remove the mount`,
      related: [{ location: annotation.location, message: `the role-arn annotation of ${serviceAccountTitle(sa)}` }],
      key: `${objectTitle(workload)} container:${container.name} credentials-file`,
      level: 'warning',
    }
  }
}

/** Files a mount of a ConfigMap or Secret volume may put in the container, as far as the pod spec shows them. */
function filesOfMount(mount: VolumeMount, volume: PodVolume, wanted: string | undefined): string[] {
  const mountPath = posix.normalize(mount.mountPath).replace(/\/$/, '')
  if (mount.subPath !== undefined) return [mountPath]
  const files = volume.stored.flatMap((stored) => (stored.paths ?? []).map((path) => posix.join(mountPath, path)))
  // Without items, every key of the ConfigMap or Secret is a file: the one the env names, or (a Secret in ~/.aws) credentials.
  const unlisted = volume.stored.filter((stored) => stored.paths === undefined)
  if (unlisted.length === 0) return files
  if (wanted !== undefined && wanted.startsWith(`${mountPath}/`)) files.push(wanted)
  else if (unlisted.some((stored) => stored.kind === 'Secret') && HOME_AWS_DIRECTORY.test(mountPath))
    files.push(`${mountPath}/credentials`)
  return files
}

/**
 * A profile with static keys that a container of an IRSA workload selects with `AWS_PROFILE` in
 * the shared config file it reads (a mounted ConfigMap or Secret, see
 * sources/aws-profiles): with the profile selected, the SDK uses its keys, not the web identity.
 */
function* staticProfiles(graph: Graph): Iterable<FindingDraft> {
  for (const profile of graph.facts.awsProfiles) {
    const keys = profile.staticKeys
    if (!keys || !profile.configFile) continue
    for (const reader of profile.configFile.readers) {
      if (reader.profile?.kind !== 'known' || reader.profile.value !== profile.name) continue
      const workload = graph.facts.workloads.find(
        (candidate) =>
          candidate.location.path === reader.workload.location.path &&
          candidate.location.line === reader.workload.location.line,
      )
      const sa = workload ? graph.serviceAccountsOf(workload).find(hasRoleArn) : undefined
      const annotation = sa?.roleArn
      if (!workload || !sa || !annotation || skippedContainers(graph, workload).has(reader.container)) continue
      yield {
        location: keys,
        message:
          `Profile ${quoted(profile.name)} of ${profile.configFile.label} holds static keys (aws_access_key_id), and container ${quoted(reader.container)} of ${objectTitle(workload)} (${formatLocation(reader.containerLocation)}) selects it with AWS_PROFILE: ` +
          `the SDK uses those keys instead of role ${quoted(valueText(annotation).trim())} of ${serviceAccountTitle(sa)} (${formatLocation(annotation.location)}); remove the keys from the profile or stop selecting it`,
        related: [
          { location: reader.containerLocation, message: `container ${quoted(reader.container)}` },
          { location: annotation.location, message: `the role-arn annotation of ${serviceAccountTitle(sa)}` },
        ],
        key: `${objectTitle(workload)} container:${reader.container} static-profile:${profile.name}`,
        level: 'warning',
      }
    }
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
