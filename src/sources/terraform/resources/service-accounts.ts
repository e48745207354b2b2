import type { Annotation, KubeObject, ServiceAccount, TerraformResourceRef } from '../../../model/facts.js'
import type { Location } from '../../../model/location.js'
import { known, type Value, valueOrExpression } from '../../../model/value.js'
import { SUPPRESSION_ANNOTATION, annotationSuppression } from '../../shared/suppressions.js'
import type { FactSink } from '../context.js'
import { printValue, toFactValue, type HclValue } from '../values.js'
import {
  AUDIENCE_ANNOTATION,
  ROLE_ARN_ANNOTATION,
  STS_REGIONAL_ENDPOINTS_ANNOTATION,
  TOKEN_EXPIRATION_ANNOTATION,
} from '../../../model/kubernetes.js'

/** The entries of an annotations (or labels) map; a value that is not a string keeps its text and says what it is. */
export function annotationsOf(value: HclValue | undefined, where: Annotation['where']): Annotation[] {
  if (value?.kind !== 'object') return []
  return value.entries
    .filter((entry) => entry.keyValue === undefined)
    .map((entry) => {
      const annotation: Annotation = {
        key: entry.key,
        keyLocation: entry.keyLocation,
        value: toFactValue(entry.value) ?? known(printValue(entry.value), entry.value.location),
        where,
      }
      if (entry.value.kind === 'tuple' || entry.value.kind === 'object') annotation.valueKind = 'collection'
      else if (entry.value.kind === 'null') annotation.valueKind = 'null'
      return annotation
    })
}

export interface ServiceAccountFields {
  namespace: Value
  name: Value
  location: Location
  annotations: Annotation[]
  labels?: Annotation[]
  /** Lines the defining block spans, for the `irsa-guard.io/ignore` annotation. */
  span?: { fromLine: number; toLine: number }
  /** The EKS add-on that creates the ServiceAccount. */
  addon?: string
  terraform?: TerraformResourceRef
}

/** Records a ServiceAccount (and the object, for the annotation rules), with its role annotations read out. */
export function addServiceAccount(sink: FactSink, fields: ServiceAccountFields): ServiceAccount {
  const sa: ServiceAccount = {
    source: 'terraform',
    namespace: fields.namespace,
    name: fields.name,
    location: fields.location,
    annotations: fields.annotations,
  }
  if (fields.terraform) sa.terraform = fields.terraform
  if (fields.addon) sa.addon = fields.addon
  const byKey = new Map(fields.annotations.map((annotation) => [annotation.key, annotation.value]))
  const roleArn = byKey.get(ROLE_ARN_ANNOTATION)
  const audience = byKey.get(AUDIENCE_ANNOTATION)
  const stsRegionalEndpoints = byKey.get(STS_REGIONAL_ENDPOINTS_ANNOTATION)
  const tokenExpiration = byKey.get(TOKEN_EXPIRATION_ANNOTATION)
  if (roleArn) sa.roleArn = roleArn
  if (audience) sa.audience = audience
  if (stsRegionalEndpoints) sa.stsRegionalEndpoints = stsRegionalEndpoints
  if (tokenExpiration) sa.tokenExpiration = tokenExpiration
  sink.facts.serviceAccounts.push(sa)
  const object: Omit<KubeObject, 'source'> = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    name: fields.name,
    namespace: fields.namespace,
    location: fields.location,
    annotations: [...fields.annotations, ...(fields.labels ?? [])],
  }
  if (fields.terraform) object.terraform = fields.terraform
  addObject(sink, object, fields.span)
  return sa
}

/** Records a Kubernetes object for the annotation rules, and its `irsa-guard.io/ignore` annotation. */
export function addObject(
  sink: FactSink,
  object: Omit<KubeObject, 'source'>,
  span?: { fromLine: number; toLine: number },
): void {
  sink.facts.objects.push({ source: 'terraform', ...object })
  const ignore = object.annotations.find(
    (annotation) => annotation.key === SUPPRESSION_ANNOTATION && annotation.where === 'annotations',
  )
  if (ignore && span) {
    const text = valueOrExpression(ignore.value)
    sink.suppressions.push(annotationSuppression(text, ignore.value.location, span.fromLine, span.toLine))
  }
}
