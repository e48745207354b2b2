import type { Graph } from '../graph.js'
import type { Annotation, KubeObject } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation } from '../model/location.js'
import type { Rule } from './rule.js'
import {
  objectTitle,
  quoted,
  ROLE_ARN_ANNOTATION,
  serviceAccountTitle,
  serviceAccountToAnnotate,
  valueText,
  workloadOfObject,
} from './helpers/kubernetes.js'

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/
const MAX_LABEL_VALUE = 63

export const annotationWrongObject: Rule = {
  meta: {
    id: 'annotation-wrong-object',
    level: 'error',
    description:
      'eks.amazonaws.com/role-arn is set on something other than a ServiceAccount annotation (a Deployment, a pod template, a Pod, a Namespace, or a label), where the EKS webhook never reads it.',
    remediation:
      'Move the annotation to metadata.annotations of the ServiceAccount the pods run as (spec.serviceAccountName).',
  },
  *check(graph) {
    for (const object of graph.facts.objects) {
      for (const annotation of object.annotations) {
        if (annotation.key !== ROLE_ARN_ANNOTATION) continue
        if (object.kind === 'ServiceAccount' && annotation.where === 'annotations') continue
        // Crossplane copies a ControllerConfig's annotations onto the provider's ServiceAccount (read as one by the Kubernetes source).
        if (
          object.kind === 'ControllerConfig' &&
          object.apiVersion.startsWith('pkg.crossplane.io/') &&
          annotation.where === 'annotations'
        )
          continue
        yield object.kind === 'ServiceAccount'
          ? labelOnServiceAccount(object, annotation)
          : onOtherObject(graph, object, annotation)
      }
    }
  },
}

function labelOnServiceAccount(object: KubeObject, annotation: Annotation): FindingDraft {
  const annotated = object.annotations.find(
    (other) => other.key === ROLE_ARN_ANNOTATION && other.where === 'annotations',
  )
  const rejected = rejectedAsLabel(annotation)
  const base = `${ROLE_ARN_ANNOTATION} is a label on ${objectTitle(object)}, but the EKS webhook reads annotations${rejected}`
  if (annotated && !rejected) {
    return {
      location: annotation.keyLocation,
      level: 'note',
      message: `${base}; the annotation at ${formatLocation(annotated.keyLocation)} already sets it, so remove the label`,
      related: [{ location: annotated.keyLocation, message: 'the annotation the webhook reads' }],
      key: `${objectTitle(object)} label`,
    }
  }
  const fix = annotated
    ? `remove the label (the annotation at ${formatLocation(annotated.keyLocation)} already sets it)`
    : 'move it under metadata.annotations'
  return { location: annotation.keyLocation, message: `${base}; ${fix}`, key: `${objectTitle(object)} label` }
}

function onOtherObject(graph: Graph, object: KubeObject, annotation: Annotation): FindingDraft {
  const where =
    annotation.where === 'template-annotations' || annotation.where === 'template-labels'
      ? `the pod template of ${objectTitle(object)}`
      : objectTitle(object)
  const kind = annotation.where === 'labels' || annotation.where === 'template-labels' ? 'a label' : 'an annotation'
  const base = `${ROLE_ARN_ANNOTATION} ${quoted(valueText(annotation.value))} is ${kind} on ${where}, where the EKS webhook never reads it (only ServiceAccount annotations)${rejectedAsLabel(annotation)}`
  const key = `${objectTitle(object)} ${annotation.where}`
  const workload = workloadOfObject(graph, object)
  if (object.kind === 'DeploymentRuntimeConfig' && object.apiVersion.startsWith('pkg.crossplane.io/')) {
    return {
      location: annotation.keyLocation,
      message: `${base}; put it in spec.serviceAccountTemplate.metadata.annotations, which Crossplane copies onto the provider's ServiceAccount`,
      key,
    }
  }
  if (!workload) {
    const target =
      object.kind === 'Namespace'
        ? `the ServiceAccounts of namespace ${valueText(object.name)} that need the role`
        : 'the ServiceAccount the pods run as'
    return {
      location: annotation.keyLocation,
      message: `${base}; put it in the metadata.annotations of ${target}`,
      key,
    }
  }
  const serviceAccount = graph.serviceAccountsOf(workload)[0]
  const related = serviceAccount
    ? [{ location: serviceAccount.location, message: `${serviceAccountTitle(serviceAccount)}, which the pods run as` }]
    : []
  const current = serviceAccount?.roleArn
  if (serviceAccount && current) {
    const sameRole =
      current.kind === annotation.value.kind && valueText(current).trim() === valueText(annotation.value).trim()
    if (sameRole && !rejectedAsLabel(annotation)) {
      return {
        location: annotation.keyLocation,
        level: 'note',
        message: `${base}; ${serviceAccountTitle(serviceAccount)} (${formatLocation(current.location)}), which the pods run as, already names this role, so remove this copy`,
        related,
        key,
      }
    }
    if (!sameRole) {
      return {
        location: annotation.keyLocation,
        message: `${base}; the pods get the role of ${serviceAccountTitle(serviceAccount)} instead, ${quoted(valueText(current))} (${formatLocation(current.location)}): set the role you want there and remove this one`,
        related,
        key,
      }
    }
  }
  return {
    location: annotation.keyLocation,
    message: `${base}; ${serviceAccountToAnnotate(graph, workload)}`,
    related,
    key,
  }
}

/** An ARN is no valid label value, so the API server refuses the whole object. */
function rejectedAsLabel(annotation: Annotation): string {
  if (annotation.where !== 'labels' && annotation.where !== 'template-labels') return ''
  if (annotation.value.kind !== 'known') return ''
  const value = annotation.value.value
  if (value.length <= MAX_LABEL_VALUE && LABEL_VALUE.test(value)) return ''
  return ', and the API server rejects the object because an ARN is not a valid label value'
}
