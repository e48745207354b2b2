import type { Graph } from '../../graph.js'
import type { Annotation, KubeObject, ServiceAccount, SourceKind, Workload } from '../../model/facts.js'
import { formatLocation, type Location } from '../../model/location.js'
import { valueText, type Value } from '../../model/value.js'
import { perGraph } from './per-graph.js'
import { APPLY_NAMESPACE } from '../../model/kubernetes.js'

export {
  AUDIENCE_ANNOTATION,
  ROLE_ARN_ANNOTATION,
  SKIP_CONTAINERS_ANNOTATION,
  STS_REGIONAL_ENDPOINTS_ANNOTATION,
  TOKEN_EXPIRATION_ANNOTATION,
} from '../../model/kubernetes.js'
export { valueText } from '../../model/value.js'

/** A string quoted for a one-line message: newlines and quotes escaped, so a trailing `\n` shows. */
export function quoted(text: string): string {
  return JSON.stringify(text)
}

/** `prod/app`; just `app` when the manifest leaves the namespace to whoever applies it. */
export function qualifiedName(namespace: Value, name: Value | string): string {
  const nameText = typeof name === 'string' ? name : valueText(name)
  if (namespace.kind === 'symbolic' && namespace.expression === APPLY_NAMESPACE) return nameText
  return `${valueText(namespace)}/${nameText}`
}

/** `ServiceAccount prod/app` */
export function serviceAccountTitle(sa: ServiceAccount): string {
  return `ServiceAccount ${qualifiedName(sa.namespace, sa.name)}`
}

/** `sa:prod/app`: a finding identity without line numbers. */
export function serviceAccountIdentity(sa: ServiceAccount): string {
  return `sa:${qualifiedName(sa.namespace, sa.name)}`
}

/** `Deployment prod/web` */
export function objectTitle(object: Pick<KubeObject, 'kind' | 'namespace' | 'name'>): string {
  return `${object.kind} ${qualifiedName(object.namespace, object.name)}`
}

/** The role-arn annotation is set to something the webhook acts on (a non-empty or symbolic value). */
export function hasRoleArn(sa: ServiceAccount): boolean {
  if (sa.roleArn === undefined) return false
  return sa.roleArn.kind === 'symbolic' || sa.roleArn.value.trim() !== ''
}

/** The workload fact read from the same manifest object. */
export function workloadOfObject(graph: Graph, object: KubeObject): Workload | undefined {
  return (workloadsByPath(graph).get(object.location.path) ?? []).find(
    (workload) =>
      workload.kind === object.kind &&
      sameText(workload.name, object.name) &&
      sameText(workload.namespace, object.namespace),
  )
}

/** The manifest object a workload was read from (its pod-template annotations live there). */
export function objectOfWorkload(graph: Graph, workload: Workload): KubeObject | undefined {
  return (objectsByPath(graph).get(workload.location.path) ?? []).find(
    (object) =>
      object.kind === workload.kind &&
      sameText(object.name, workload.name) &&
      sameText(object.namespace, workload.namespace),
  )
}

const workloadsByPath = perGraph((graph) => byPath(graph.facts.workloads))
const objectsByPath = perGraph((graph) => byPath(graph.facts.objects))

/** Facts by the file they were read from, each list in scan order. */
function byPath<T extends { location: Location }>(facts: readonly T[]): Map<string, T[]> {
  const found = new Map<string, T[]>()
  for (const fact of facts) {
    const list = found.get(fact.location.path)
    if (list) list.push(fact)
    else found.set(fact.location.path, [fact])
  }
  return found
}

/** Annotations the webhook reads from the pod: a pod template's, or a bare Pod's own. */
export function podAnnotations(object: KubeObject): Annotation[] {
  return object.annotations.filter(
    (annotation) =>
      annotation.where === 'template-annotations' || (object.kind === 'Pod' && annotation.where === 'annotations'),
  )
}

/**
 * Where to put a role-arn annotation found on a workload: the ServiceAccount its pods run as, with
 * that ServiceAccount's file:line when a scanned source defines it.
 */
export function serviceAccountToAnnotate(graph: Graph, workload: Workload): string {
  const name = workload.serviceAccountName
  const defined = graph.serviceAccountsOf(workload)[0]
  if (name === undefined || (name.kind === 'known' && (name.value === '' || name.value === 'default'))) {
    const where = defined ? ` (${formatLocation(defined.location)})` : ''
    return `its pods run as ServiceAccount ${qualifiedName(workload.namespace, 'default')}${where}: create a ServiceAccount for it with the annotation and set spec.serviceAccountName`
  }
  if (defined)
    return `put it in the metadata.annotations of ${serviceAccountTitle(defined)} (${formatLocation(defined.location)}), which its pods run as`
  return `put it in the metadata.annotations of ServiceAccount ${qualifiedName(workload.namespace, name)}, which its pods run as (no scanned file defines it)`
}

export { editDistance } from '../../text/edit-distance.js'

/**
 * Account IDs the AWS documentation uses in examples (EKS and IAM user guides: 111122223333,
 * 123456789012, 444455556666, 777788889999; AWS CLI / Tools for PowerShell examples: 012345678912).
 */
export const DOCUMENTATION_ACCOUNTS: readonly string[] = [
  '111122223333',
  '123456789012',
  '444455556666',
  '777788889999',
  '012345678912',
]

/** Sources whose `${…}` / `{{…}}` are resolved by the tool that reads them, so they are not leftovers. */
const INTERPOLATING_SOURCES: ReadonlySet<SourceKind> = new Set<SourceKind>([
  'terraform',
  'terraform-plan',
  'cloudformation',
  'helm',
  'live',
])

const TEMPLATE_RESIDUES: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\{\{.*?\}\}/, what: 'an unrendered template expression' },
  { pattern: /\$\{[^}]*\}/, what: 'an unsubstituted variable' },
  { pattern: /\$\([^)]*\)/, what: 'an unsubstituted variable' },
  { pattern: /\$[A-Za-z_][A-Za-z0-9_]*/, what: 'an unsubstituted variable' },
  { pattern: /#\{[^}]*\}/, what: 'an unreplaced token' },
  { pattern: /__[A-Za-z][A-Za-z0-9_]*__/, what: 'an unreplaced token' },
  { pattern: /<[^<>]+>/, what: 'a placeholder' },
]

/**
 * Digits typed to fill the account field of an example, not an account: the start of 1234567890
 * (`123`, `12345`) or one digit repeated, shorter than the 12 digits of a real account.
 */
function isFillerAccount(account: string): boolean {
  if (!/^\d{1,11}$/.test(account)) return false
  return '1234567890'.startsWith(account) || /^(\d)\1*$/.test(account)
}

const PLACEHOLDER_WORDS =
  /^(changeme|change[-_]me|replaceme|replace[-_]me|todo|tbd|fixme|placeholder|none|null|nil|undefined|tobefilled)$/i
const UPPER_SNAKE_TOKEN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/

export interface Placeholder {
  /** What the placeholder is, for the message: `an unsubstituted variable "${ROLE_ARN}"`. */
  description: string
  /** The documentation account it uses, if that is the placeholder. */
  documentationAccount?: string
}

/**
 * The placeholder a role-arn annotation holds instead of a real ARN: emptiness, template or
 * variable residue, a word such as ACCOUNT_ID or REPLACE_ME, or an AWS documentation account.
 */
export function findRoleArnPlaceholder(text: string, source: SourceKind): Placeholder | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return { description: 'nothing (the value is empty)' }
  if (!INTERPOLATING_SOURCES.has(source)) {
    for (const { pattern, what } of TEMPLATE_RESIDUES) {
      const match = pattern.exec(trimmed)
      if (match) return { description: `${what} ${quoted(match[0])}` }
    }
  }
  if (PLACEHOLDER_WORDS.test(trimmed) || UPPER_SNAKE_TOKEN.test(trimmed))
    return { description: `the placeholder ${quoted(trimmed)}` }
  const account = /:iam::([^:]*):/.exec(trimmed)?.[1]
  if (account !== undefined && /[A-Za-z]{2,}/.test(account))
    return { description: `the placeholder account ${quoted(account)}` }
  if (account !== undefined && isFillerAccount(account))
    return { description: `the placeholder account ${quoted(account)}` }
  if (account !== undefined && DOCUMENTATION_ACCOUNTS.includes(account)) {
    return {
      description: `${account}, an example account ID from the AWS documentation`,
      documentationAccount: account,
    }
  }
  return undefined
}

function sameText(a: Value, b: Value): boolean {
  return valueText(a) === valueText(b) && a.kind === b.kind
}

/**
 * The container names an `eks.amazonaws.com/skip-containers` value lists, as the webhook reads it
 * (aws/amazon-eks-pod-identity-webhook@3bf80a34 pkg/handler/handler.go getContainersToSkip: the
 * first record of Go's encoding/csv, fields not trimmed; a parse error skips nothing). Undefined
 * when the value holds a quote (csv's quoting rules decide) or is not known.
 */
export function skipContainerNames(value: Value): string[] | undefined {
  if (value.kind !== 'known' || value.value.includes('"')) return undefined
  const record = value.value
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .find((line) => line !== '')
  return record === undefined ? [] : record.split(',')
}
