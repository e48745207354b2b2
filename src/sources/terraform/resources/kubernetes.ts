import type { KubeObject, ServiceAccountRef } from '../../../model/facts.js'
import type { Location } from '../../../model/location.js'
import { known, symbolic, type Value } from '../../../model/value.js'
import { EACH_USER_NAMESPACE, serviceAccountRefField } from '../../kubernetes/service-account-references.js'
import type { ResourceContext } from '../context.js'
import { documentTree, treeToValue } from '../documents.js'
import { objectEntry, objectGet, printValue, scalarString, toFactValue, type HclValue } from '../values.js'
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
    annotations: [...annotations, ...labels],
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
