import type { Graph } from '../graph.js'
import type { Annotation, KubeObject } from '../model/facts.js'
import type { Rule } from './rule.js'
import { editDistance, objectTitle, quoted, ROLE_ARN_ANNOTATION, serviceAccountToAnnotate, workloadOfObject } from './helpers/kubernetes.js'

const KUBE2IAM_ANNOTATION = 'iam.amazonaws.com/role'
/** Edits that still make a key a misspelling of `eks.amazonaws.com/role-arn` (`eks.amazon.com/role-arn` is three). */
const MAX_KEY_DISTANCE = 3
/** Key names (lower case, separators dropped) that mean "the role" under an AWS-looking prefix. */
const ROLE_KEY_NAMES = new Set(['rolearn', 'iamrolearn', 'iamrole', 'role', 'arn', 'rolearns'])

type Holder = Pick<KubeObject, 'kind' | 'name' | 'namespace' | 'annotations'> & { object?: KubeObject }

export const annotationKeyTypo: Rule = {
  meta: {
    id: 'annotation-key-typo',
    level: 'error',
    description:
      'An annotation key is a near miss of eks.amazonaws.com/role-arn (eks.amazon.com/…, role_arn, roleArn, a stray space, kube2iam iam.amazonaws.com/role on a ServiceAccount), so the EKS webhook never sees the role.',
    remediation: 'Spell the key exactly eks.amazonaws.com/role-arn, in the metadata.annotations of the ServiceAccount the pods run as.',
  },
  *check(graph) {
    const seen = new Set<string>()
    for (const holder of holders(graph)) {
      for (const annotation of holder.annotations) {
        const at = `${annotation.keyLocation.path}:${annotation.keyLocation.line}:${annotation.keyLocation.column}`
        if (seen.has(at)) continue
        seen.add(at)
        const problem = nearMiss(annotation, holder)
        if (!problem) continue
        yield {
          location: annotation.keyLocation,
          message: `${placement(annotation, holder)} ${problem}; ${remedy(graph, annotation, holder)}`,
          key: `${objectTitle(holder)} key:${annotation.key}`,
        }
      }
    }
  },
}

/** Manifest objects, plus ServiceAccounts that other sources (Terraform, eksctl) define. */
function* holders(graph: Graph): Iterable<Holder> {
  for (const object of graph.facts.objects) yield { ...object, object }
  for (const sa of graph.facts.serviceAccounts) yield { kind: 'ServiceAccount', name: sa.name, namespace: sa.namespace, annotations: sa.annotations }
}

function nearMiss(annotation: Annotation, holder: Holder): string | undefined {
  const key = annotation.key
  if (key === ROLE_ARN_ANNOTATION) return undefined
  const hasCorrectKey = holder.annotations.some((other) => other.key === ROLE_ARN_ANNOTATION && other.where === annotation.where)
  if (hasCorrectKey) return undefined
  const lower = key.toLowerCase()
  if (lower === KUBE2IAM_ANNOTATION) {
    if (holder.kind !== 'ServiceAccount' || annotation.where !== 'annotations') return undefined
    return `is the kube2iam/kiam pod annotation, which the EKS webhook does not read (it reads ${ROLE_ARN_ANNOTATION})`
  }
  if (key.trim() === ROLE_ARN_ANNOTATION || key.replace(/\s+/g, '') === ROLE_ARN_ANNOTATION) return `has stray whitespace, so it is not ${ROLE_ARN_ANNOTATION} to the EKS webhook`
  if (lower === ROLE_ARN_ANNOTATION) return `differs in letter case from ${ROLE_ARN_ANNOTATION} (keys are case-sensitive), so the EKS webhook does not read it`
  const squeezed = lower.replace(/\s+/g, '')
  // The distance is at least the difference in length: most keys are spared the computation.
  if (Math.abs(squeezed.length - ROLE_ARN_ANNOTATION.length) <= MAX_KEY_DISTANCE && editDistance(squeezed, ROLE_ARN_ANNOTATION) <= MAX_KEY_DISTANCE) return misspelling
  const slash = lower.lastIndexOf('/')
  const prefix = lower.slice(0, Math.max(slash, 0))
  const name = lower.slice(slash + 1).replace(/[-_.\s]/g, '')
  if (ROLE_KEY_NAMES.has(name) && /amazon|aws|eks/.test(prefix) && looksLikeRole(annotation)) return misspelling
  return undefined
}

const misspelling = `is a misspelling of ${ROLE_ARN_ANNOTATION}, the only key the EKS webhook reads`

function looksLikeRole(annotation: Annotation): boolean {
  const text = annotation.value.kind === 'known' ? annotation.value.value : annotation.value.expression
  return /role|arn/i.test(text)
}

function placement(annotation: Annotation, holder: Holder): string {
  const title = objectTitle(holder)
  switch (annotation.where) {
    case 'annotations':
      return `annotation ${quoted(annotation.key)} on ${title}`
    case 'labels':
      return `label ${quoted(annotation.key)} on ${title}`
    case 'template-annotations':
      return `annotation ${quoted(annotation.key)} in the pod template of ${title}`
    case 'template-labels':
      return `label ${quoted(annotation.key)} in the pod template of ${title}`
  }
}

function remedy(graph: Graph, annotation: Annotation, holder: Holder): string {
  if (holder.kind === 'ServiceAccount') {
    const move = annotation.where === 'annotations' ? '' : ' under metadata.annotations'
    const bare = annotation.value.kind === 'known' && !annotation.value.value.trim().startsWith('arn:') ? ' with the full role ARN as its value' : ''
    return `write it as ${ROLE_ARN_ANNOTATION}${move}${bare}`
  }
  const workload = holder.object ? workloadOfObject(graph, holder.object) : undefined
  const target = workload ? serviceAccountToAnnotate(graph, workload) : 'put it in the metadata.annotations of the ServiceAccount the pods run as'
  return `the webhook reads ${ROLE_ARN_ANNOTATION} only on ServiceAccounts: ${target}`
}
