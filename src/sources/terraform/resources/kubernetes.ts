import type { Container, EnvVar, KubeObject, ServiceAccountRef, Workload } from '../../../model/facts.js'
import type { Location } from '../../../model/location.js'
import { known, symbolic, type Value } from '../../../model/value.js'
import { EACH_USER_NAMESPACE, serviceAccountRefField } from '../../kubernetes/service-account-references.js'
import type { ResourceContext, ResourceReader } from '../context.js'
import type { BlockView } from '../block-view.js'
import { documentTree, treeToValue } from '../documents.js'
import { objectEntry, objectGet, printValue, scalarString, toFactValue, type HclValue } from '../values.js'
import { APPLY_NAMESPACE } from '../../../model/kubernetes.js'
import { creatorText } from '../../shared/creator-text.js'
import { isChartRelease } from '../../kubernetes/index.js'
import { present } from './iam.js'
import { addObject, addServiceAccount, annotationsOf } from './service-accounts.js'

/** The kubernetes provider's namespace when a resource names none. */
const PROVIDER_DEFAULT_NAMESPACE = 'default'

/** `resource "kubernetes_service_account"` / `kubernetes_service_account_v1`: metadata name, namespace, annotations. */
export function readKubernetesServiceAccount({ view, address, root, sink }: ResourceContext): void {
  const metadata = view.blocks('metadata')[0]
  if (!metadata) return
  const nameAttribute = metadata.attribute('name')
  const location = nameAttribute?.location ?? metadata.location
  const name = present(metadata.value('name'))
  const generateName = present(metadata.value('generate_name'))
  const namespace = present(metadata.value('namespace'))
  addServiceAccount(sink, {
    name:
      toFactValue(name) ??
      symbolic(
        generateName ? `generated-name:${scalarString(generateName) ?? address}` : `${address}.metadata[0].name`,
        location,
      ),
    namespace: toFactValue(namespace) ?? known(PROVIDER_DEFAULT_NAMESPACE, metadata.location),
    location,
    annotations: annotationsOf(present(metadata.value('annotations')), 'annotations'),
    labels: annotationsOf(present(metadata.value('labels')), 'labels'),
    span: { fromLine: view.location.line, toLine: view.block.endLine },
    terraform: { root, address },
  })
}

/** `resource "kubernetes_manifest"`: the manifest object (HCL, or `yamldecode` of a file). */
export function readKubernetesManifest(context: ResourceContext): void {
  const manifest = present(context.view.value('manifest'))
  if (manifest) readManifest(context, manifest)
}

/** `resource "kubectl_manifest"`: `yaml_body`, a YAML string (often a heredoc with `${}` references). */
export function readKubectlManifest(context: ResourceContext): void {
  const body = present(context.view.value('yaml_body'))
  if (!body || (body.kind !== 'string' && body.kind !== 'unknown')) return
  const parsed = documentTree(body, 'yaml')
  if (parsed?.error) {
    context.sink.findings.push({
      ruleId: 'parse-error',
      location: parsed.error.location,
      message: `Cannot parse the yaml_body of ${context.address}: ${parsed.error.message}`,
      key: `yaml-body ${context.address}`,
    })
    return
  }
  if (parsed?.root) readManifest(context, treeToValue(parsed.root))
}

function readManifest({ view, address, root, sink }: ResourceContext, manifest: HclValue): void {
  const kind = scalarString(objectGet(manifest, 'kind') ?? { kind: 'null', location: view.location })
  const apiVersion = scalarString(objectGet(manifest, 'apiVersion') ?? { kind: 'null', location: view.location }) ?? ''
  if (kind === undefined) return
  const metadata = objectGet(manifest, 'metadata')
  const nameEntry = objectEntry(metadata, 'name')
  const location: Location = nameEntry?.keyLocation ?? view.location
  const name = toFactValue(present(nameEntry?.value)) ?? symbolic('name-of-apply', location)
  const namespace =
    toFactValue(present(objectGet(metadata, 'namespace'))) ?? known(PROVIDER_DEFAULT_NAMESPACE, location)
  const annotations = annotationsOf(present(objectGet(metadata, 'annotations')), 'annotations')
  const labels = annotationsOf(present(objectGet(metadata, 'labels')), 'labels')
  const templateMetadata = podTemplateMetadata(manifest, kind)
  const templateAnnotations = [
    ...annotationsOf(present(objectGet(templateMetadata, 'annotations')), 'template-annotations'),
    ...annotationsOf(present(objectGet(templateMetadata, 'labels')), 'template-labels'),
  ]
  const span = { fromLine: view.location.line, toLine: view.block.endLine }
  // Read from a file (`yamldecode(file(…))`, `yaml_body = file(…)`): that file is this resource's manifest.
  if (manifest.location.path !== view.location.path) sink.documentFiles.add(manifest.location.path)
  if (kind === 'ServiceAccount' && apiVersion === 'v1') {
    addServiceAccount(sink, { name, namespace, location, annotations, labels, span, terraform: { root, address } })
    return
  }
  const object: Omit<KubeObject, 'source'> = {
    apiVersion,
    kind,
    name,
    namespace,
    location,
    annotations: [...annotations, ...labels, ...templateAnnotations],
    terraform: { root, address },
  }
  const serviceAccountRef = serviceAccountRefOf(manifest, apiVersion, kind, namespace)
  if (serviceAccountRef) object.serviceAccountRef = serviceAccountRef
  addObject(sink, object, span)
  if (isChartRelease(apiVersion, kind))
    (sink.facts.serviceAccountCreators ??= []).push({
      source: 'terraform',
      label: address,
      location,
      text: creatorText(printValue(manifest)),
      terraform: { root, address },
    })
}

/** `spec.template.metadata` of a workload manifest (`spec.jobTemplate.spec.template.metadata` of a CronJob). */
function podTemplateMetadata(manifest: HclValue, kind: string): HclValue | undefined {
  if (!(kind in WORKLOADS) || kind === 'Pod') return undefined
  const path =
    kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template', 'metadata'] : ['spec', 'template', 'metadata']
  let current: HclValue | undefined = manifest
  for (const key of path) current = current ? objectGet(current, key) : undefined
  return current
}

/** The ServiceAccount a custom resource authenticates as (sources/kubernetes/service-account-references.ts). */
function serviceAccountRefOf(
  manifest: HclValue,
  apiVersion: string,
  kind: string,
  objectNamespace: Value,
): ServiceAccountRef | undefined {
  const field = serviceAccountRefField(apiVersion, kind)
  if (!field) return undefined
  let ref: HclValue | undefined = manifest
  for (const key of field.path) ref = ref ? objectGet(ref, key) : undefined
  const nameEntry = objectEntry(ref, 'name')
  const name = toFactValue(present(nameEntry?.value))
  if (!nameEntry || !name) return undefined
  const ownNamespace = field.namespace === 'ref' ? toFactValue(present(objectGet(ref, 'namespace'))) : undefined
  const namespace =
    field.namespace === 'object'
      ? objectNamespace
      : (ownNamespace ?? symbolic(EACH_USER_NAMESPACE, nameEntry.keyLocation))
  return { name, namespace, location: nameEntry.keyLocation, field: field.path.join('.') }
}

/**
 * The kubernetes provider's workload resources and where their pod template is: hashicorp/terraform-provider-kubernetes
 * v2.38.0 `kubernetes/schema_deployment_spec.go`, `schema_stateful_set_spec.go`, `schema_daemonset_spec.go`,
 * `schema_job_spec.go` and `schema_replication_controller_spec.go` (`spec { template { metadata spec } }`),
 * `schema_cron_job_spec_v1.go` (`spec { job_template { spec { template { … } } } }`), `resource_kubernetes_pod.go`
 * (`metadata`, `spec`); the pod spec's `service_account_name`, `container`/`init_container` with `env` blocks.
 */
const WORKLOADS = {
  Deployment: { apiVersion: 'apps/v1', template: ['spec', 'template'] },
  StatefulSet: { apiVersion: 'apps/v1', template: ['spec', 'template'] },
  DaemonSet: { apiVersion: 'apps/v1', template: ['spec', 'template'] },
  Job: { apiVersion: 'batch/v1', template: ['spec', 'template'] },
  ReplicationController: { apiVersion: 'v1', template: ['spec', 'template'] },
  CronJob: { apiVersion: 'batch/v1', template: ['spec', 'job_template', 'spec', 'template'] },
  Pod: { apiVersion: 'v1', template: [] },
} as const satisfies Record<string, { apiVersion: string; template: readonly string[] }>

type WorkloadKind = keyof typeof WORKLOADS

/** `resource "kubernetes_deployment"` and the other workload resources: the object's and its pod template's annotations and labels, and the workload. */
export function kubernetesWorkloadReader(kind: WorkloadKind): ResourceReader {
  return (context) => readKubernetesWorkload(context, kind)
}

function readKubernetesWorkload({ view, root, address, sink }: ResourceContext, kind: WorkloadKind): void {
  const metadata = view.blocks('metadata')[0]
  if (!metadata) return
  const { name, namespace, location } = metadataName(metadata, address)
  const { apiVersion, template: templatePath } = WORKLOADS[kind]
  let template: BlockView | undefined = view
  for (const step of templatePath) template = template?.blocks(step)[0]
  // A Pod's own metadata is its pod template's.
  const templateMetadata = templatePath.length > 0 ? template?.blocks('metadata')[0] : undefined
  const podSpec = template?.blocks('spec')[0]
  const object: Omit<KubeObject, 'source'> = {
    apiVersion,
    kind,
    name,
    namespace,
    location,
    annotations: [
      ...annotationsOf(present(metadata.value('annotations')), 'annotations'),
      ...annotationsOf(present(metadata.value('labels')), 'labels'),
      ...annotationsOf(present(templateMetadata?.value('annotations')), 'template-annotations'),
      ...annotationsOf(present(templateMetadata?.value('labels')), 'template-labels'),
    ],
    terraform: { root, address },
  }
  addObject(sink, object, { fromLine: view.location.line, toLine: view.block.endLine })
  if (!podSpec) return
  const workload: Workload = {
    source: 'terraform',
    kind,
    name,
    namespace,
    location,
    containers: [
      ...podSpec.blocks('init_container').map((container) => containerOf(container, true)),
      ...podSpec.blocks('container').map((container) => containerOf(container, false)),
    ],
  }
  const serviceAccountName = toFactValue(present(podSpec.value('service_account_name')))
  if (serviceAccountName && !(serviceAccountName.kind === 'known' && serviceAccountName.value === ''))
    workload.serviceAccountName = serviceAccountName
  sink.facts.workloads.push(workload)
}

/** `resource "kubernetes_namespace"`: its annotations and labels (a role-arn there is never read). */
export function readKubernetesNamespace({ view, root, address, sink }: ResourceContext): void {
  const metadata = view.blocks('metadata')[0]
  if (!metadata) return
  const { name, location } = metadataName(metadata, address)
  addObject(
    sink,
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      name,
      // Cluster-scoped: no namespace, which the rules show like a manifest's unset one.
      namespace: symbolic(APPLY_NAMESPACE, location),
      location,
      annotations: [
        ...annotationsOf(present(metadata.value('annotations')), 'annotations'),
        ...annotationsOf(present(metadata.value('labels')), 'labels'),
      ],
      terraform: { root, address },
    },
    { fromLine: view.location.line, toLine: view.block.endLine },
  )
}

function metadataName(metadata: BlockView, address: string): { name: Value; namespace: Value; location: Location } {
  const location = metadata.attribute('name')?.location ?? metadata.location
  const name = toFactValue(present(metadata.value('name'))) ?? symbolic(`${address}.metadata[0].name`, location)
  const namespace = toFactValue(present(metadata.value('namespace'))) ?? known(PROVIDER_DEFAULT_NAMESPACE, location)
  return { name, namespace, location }
}

function containerOf(container: BlockView, init: boolean): Container {
  const read: Container = {
    name: scalarString(container.value('name') ?? { kind: 'null', location: container.location }) ?? '',
    init,
    location: container.location,
    env: container.blocks('env').flatMap((env): EnvVar[] => {
      const nameValue = present(env.value('name'))
      const name = nameValue ? scalarString(nameValue) : undefined
      if (name === undefined) return []
      const variable: EnvVar = { name, location: env.attribute('name')?.location ?? env.location }
      const valueFrom = env.blocks('value_from')[0]
      if (valueFrom) variable.fromSecret = valueFrom.blocks('secret_key_ref').length > 0
      else variable.value = toFactValue(present(env.value('value'))) ?? known('', variable.location)
      return [variable]
    }),
  }
  if (container.blocks('env_from').length > 0) read.envFrom = true
  return read
}
