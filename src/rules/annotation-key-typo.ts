import type { Graph } from '../graph.js'
import type { Annotation, KubeObject } from '../model/facts.js'
import { editDistanceWithin } from '../text/edit-distance.js'
import type { Rule } from './rule.js'
import {
  objectTitle,
  quoted,
  ROLE_ARN_ANNOTATION,
  serviceAccountToAnnotate,
  workloadOfObject,
} from './helpers/kubernetes.js'
import { valueOrExpression } from '../model/value.js'

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
    remediation:
      'Spell the key exactly eks.amazonaws.com/role-arn, in the metadata.annotations of the ServiceAccount the pods run as.',
  },
  *check(graph) {
    const kinds = new KeyKinds()
    // Only a file with a suspicious key can have a finding: the others are passed over.
    const paths = suspiciousPaths(graph, kinds)
    if (paths.size === 0) return
    const seen = new Set<string>()
    for (const holder of holders(graph, paths)) {
      for (const annotation of holder.annotations) {
        if (!paths.has(annotation.keyLocation.path)) continue
        const at = `${annotation.keyLocation.path}:${annotation.keyLocation.line}:${annotation.keyLocation.column}`
        if (seen.has(at)) continue
        seen.add(at)
        const problem = nearMiss(annotation, holder, kinds.of(annotation.key))
        if (!problem) continue
        yield {
          location: annotation.keyLocation,
          message: `${placement(annotation, holder)} ${problem}; ${remedy(graph, annotation, holder)}`,
          key: `${objectTitle(holder)} key:${annotation.key}`,
          ...(keyRenameIsTheFix(annotation, holder)
            ? { replacement: { from: annotation.key, to: ROLE_ARN_ANNOTATION } }
            : {}),
        }
      }
    }
  },
}

/** The files where some object carries a suspicious key. */
function suspiciousPaths(graph: Graph, kinds: KeyKinds): Set<string> {
  const paths = new Set<string>()
  const visit = (annotations: readonly Annotation[]): void => {
    for (const annotation of annotations)
      if (isSuspicious(kinds.of(annotation.key))) paths.add(annotation.keyLocation.path)
  }
  for (const object of graph.facts.objects) visit(object.annotations)
  for (const sa of graph.facts.serviceAccounts) visit(sa.annotations)
  return paths
}

/** Manifest objects, plus ServiceAccounts that other sources (Terraform, eksctl) define, with a key in one of these files. */
function* holders(graph: Graph, paths: ReadonlySet<string>): Iterable<Holder> {
  const concerned = (annotations: readonly Annotation[]): boolean =>
    annotations.some((annotation) => paths.has(annotation.keyLocation.path))
  for (const object of graph.facts.objects) if (concerned(object.annotations)) yield { ...object, object }
  for (const sa of graph.facts.serviceAccounts) {
    if (concerned(sa.annotations))
      yield { kind: 'ServiceAccount', name: sa.name, namespace: sa.namespace, annotations: sa.annotations }
  }
}

/** The kind of each key, found once: most keys are many times the same few. */
class KeyKinds {
  private readonly byKey = new Map<string, KeyKind>()

  of(key: string): KeyKind {
    let kind = this.byKey.get(key)
    if (kind === undefined) {
      kind = kindOfKey(key)
      this.byKey.set(key, kind)
    }
    return kind
  }
}

/** What a key is, whatever object carries it. */
type KeyKind = 'correct' | 'kube2iam' | 'stray-whitespace' | 'letter-case' | 'misspelling' | 'role-name' | 'other'

function kindOfKey(key: string): KeyKind {
  if (key === ROLE_ARN_ANNOTATION) return 'correct'
  const lower = key.toLowerCase()
  if (lower === KUBE2IAM_ANNOTATION) return 'kube2iam'
  if (key.trim() === ROLE_ARN_ANNOTATION || key.replace(/\s+/g, '') === ROLE_ARN_ANNOTATION) return 'stray-whitespace'
  if (lower === ROLE_ARN_ANNOTATION) return 'letter-case'
  const squeezed = lower.replace(/\s+/g, '')
  if (editDistanceWithin(squeezed, ROLE_ARN_ANNOTATION, MAX_KEY_DISTANCE) <= MAX_KEY_DISTANCE) return 'misspelling'
  const slash = lower.lastIndexOf('/')
  const prefix = lower.slice(0, Math.max(slash, 0))
  const name = lower.slice(slash + 1).replace(/[-_.\s]/g, '')
  // A misspelling when its value looks like a role.
  if (ROLE_KEY_NAMES.has(name) && /amazon|aws|eks/.test(prefix)) return 'role-name'
  return 'other'
}

/** A key that some object may carry by mistake. */
function isSuspicious(kind: KeyKind): boolean {
  return kind !== 'correct' && kind !== 'other'
}

function nearMiss(annotation: Annotation, holder: Holder, keyKind: KeyKind): string | undefined {
  if (!isSuspicious(keyKind)) return undefined
  const hasCorrectKey = holder.annotations.some(
    (other) => other.key === ROLE_ARN_ANNOTATION && other.where === annotation.where,
  )
  if (hasCorrectKey) return undefined
  switch (keyKind) {
    case 'kube2iam':
      if (holder.kind !== 'ServiceAccount' || annotation.where !== 'annotations') return undefined
      return `is the kube2iam/kiam pod annotation, which the EKS webhook does not read (it reads ${ROLE_ARN_ANNOTATION})`
    case 'stray-whitespace':
      return `has stray whitespace, so it is not ${ROLE_ARN_ANNOTATION} to the EKS webhook`
    case 'letter-case':
      return `differs in letter case from ${ROLE_ARN_ANNOTATION} (keys are case-sensitive), so the EKS webhook does not read it`
    case 'misspelling':
      return misspelling
    case 'role-name':
      return looksLikeRole(annotation) ? misspelling : undefined
    case 'correct':
    case 'other':
      return undefined
  }
}

const misspelling = `is a misspelling of ${ROLE_ARN_ANNOTATION}, the only key the EKS webhook reads`

function looksLikeRole(annotation: Annotation): boolean {
  const text = valueOrExpression(annotation.value)
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

/** On a ServiceAccount's metadata.annotations with a role ARN (or a value not known here), renaming the key is the whole fix. */
function keyRenameIsTheFix(annotation: Annotation, holder: Holder): boolean {
  if (holder.kind !== 'ServiceAccount' || annotation.where !== 'annotations') return false
  return annotation.value.kind !== 'known' || annotation.value.value.trim().startsWith('arn:')
}

function remedy(graph: Graph, annotation: Annotation, holder: Holder): string {
  if (holder.kind === 'ServiceAccount') {
    const move = annotation.where === 'annotations' ? '' : ' under metadata.annotations'
    const bare =
      annotation.value.kind === 'known' && !annotation.value.value.trim().startsWith('arn:')
        ? ' with the full role ARN as its value'
        : ''
    return `write it as ${ROLE_ARN_ANNOTATION}${move}${bare}`
  }
  const workload = holder.object ? workloadOfObject(graph, holder.object) : undefined
  const target = workload
    ? serviceAccountToAnnotate(graph, workload)
    : 'put it in the metadata.annotations of the ServiceAccount the pods run as'
  return `the webhook reads ${ROLE_ARN_ANNOTATION} only on ServiceAccounts: ${target}`
}
