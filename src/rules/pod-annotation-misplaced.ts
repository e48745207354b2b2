import type { Annotation, KubeObject, Workload } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import type { Rule } from './rule.js'
import {
  objectTitle,
  podAnnotations,
  quoted,
  SKIP_CONTAINERS_ANNOTATION,
  skipContainerNames,
  TOKEN_EXPIRATION_ANNOTATION,
  valueText,
  workloadOfObject,
} from './helpers/kubernetes.js'

/**
 * The annotations the pod identity webhook reads from the pod being created, and from nowhere else
 * (aws/amazon-eks-pod-identity-webhook@3bf80a34 pkg/handler/handler.go parsePodAnnotations:
 * `pod.Annotations[...]` for token-expiration and skip-containers only).
 */
const POD_ANNOTATIONS = [SKIP_CONTAINERS_ANNOTATION, TOKEN_EXPIRATION_ANNOTATION]

export const podAnnotationMisplaced: Rule = {
  meta: {
    id: 'pod-annotation-misplaced',
    level: 'warning',
    description:
      "The pod identity webhook's pod annotations (eks.amazonaws.com/skip-containers, eks.amazonaws.com/token-expiration) on a workload's own metadata, where the webhook never reads them, or a skip-containers list naming no container of the pod.",
    remediation:
      'Put eks.amazonaws.com/skip-containers and eks.amazonaws.com/token-expiration under spec.template.metadata.annotations, and list the exact names of the containers to skip, separated by commas without spaces.',
  },
  *check(graph) {
    for (const object of graph.facts.objects) {
      const workload = workloadOfObject(graph, object)
      if (!workload) continue
      if (object.kind !== 'Pod') yield* onWorkloadMetadata(object)
      yield* unknownContainers(object, workload)
    }
  },
}

function* onWorkloadMetadata(object: KubeObject): Iterable<FindingDraft> {
  const onPod = podAnnotations(object)
  for (const annotation of object.annotations) {
    if (annotation.where !== 'annotations' || !POD_ANNOTATIONS.includes(annotation.key)) continue
    const alsoOnPod = onPod.find((candidate) => candidate.key === annotation.key)
    if (alsoOnPod && valueText(alsoOnPod.value) === valueText(annotation.value)) continue
    yield {
      location: annotation.keyLocation,
      message:
        `${annotation.key} (${quoted(valueText(annotation.value))}) is on the metadata of ${objectTitle(object)}, but the pod identity webhook reads it only from the pods it creates, so it has no effect: ` +
        `move it to spec.template.metadata.annotations`,
      key: `${objectTitle(object)} ${annotation.key} on the workload`,
    }
  }
}

function* unknownContainers(object: KubeObject, workload: Workload): Iterable<FindingDraft> {
  if (workload.containers.some((container) => container.name === '')) return
  const annotation: Annotation | undefined = podAnnotations(object).find(
    (candidate) => candidate.key === SKIP_CONTAINERS_ANNOTATION,
  )
  const names = annotation ? skipContainerNames(annotation.value) : undefined
  if (!annotation || !names) return
  const containers = new Set(workload.containers.map((container) => container.name))
  const unknown = names.filter((name) => !containers.has(name))
  if (unknown.length === 0) return
  const spaced = unknown.filter((name) => containers.has(name.trim()))
  const why =
    spaced.length > 0
      ? `the webhook does not trim spaces, so ${spaced.map(quoted).join(', ')} matches no container: write the names separated by commas only`
      : `the pod has no container or init container of that name (it has ${[...containers].map(quoted).join(', ')}), so the webhook mutates the container meant: correct the name`
  yield {
    location: annotation.value.location,
    message: `${SKIP_CONTAINERS_ANNOTATION} of ${objectTitle(object)} names ${unknown.map(quoted).join(', ')}; ${why}`,
    key: `${objectTitle(object)} ${SKIP_CONTAINERS_ANNOTATION} names`,
  }
}
