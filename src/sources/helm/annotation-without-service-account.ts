import type { Facts } from '../../model/facts.js'
import type { SourceFinding } from '../../model/finding.js'
import { ROLE_ARN_ANNOTATION } from '../../model/kubernetes.js'
import type { ObjectNode } from '../../model/tree.js'
import { valueOrExpression } from '../../model/value.js'
import { get, lastEntry, textOf } from '../shared/tree-edit.js'
import { truthy, valueOf } from './evaluate.js'

/**
 * A release with `serviceAccount.create: false`, no `serviceAccount.name` and a role-arn under
 * `serviceAccount.annotations`: the chart renders no ServiceAccount to carry the annotation, and
 * its workloads run as `default` (the `default "default" .Values.serviceAccount.name` helper of
 * `helm create`, helm v3 pkg/chartutil/create.go). The role is never injected (catalogue F7).
 */
export function roleArnOnNoServiceAccount(
  values: ObjectNode,
  facts: Partial<Facts>,
  label: string,
): SourceFinding | undefined {
  const settings = get(values, 'serviceAccount')
  if (truthy(valueOf(get(settings, 'create'))) !== false) return undefined
  const name = get(settings, 'name')
  if (name && (textOf(name) === undefined || textOf(name)?.trim() !== '')) return undefined
  const annotation = lastEntry(get(settings, 'annotations'), ROLE_ARN_ANNOTATION)
  if (annotation?.value.kind !== 'scalar' || annotation.value.type === 'null') return undefined
  const roleArn = annotation.value.value
  if (roleArn.kind === 'known' && roleArn.value.trim() === '') return undefined
  if ((facts.serviceAccounts ?? []).some((sa) => sa.roleArn !== undefined && sameLocation(sa.roleArn, roleArn)))
    return undefined
  const workloads = (facts.workloads ?? []).filter(
    (workload) => workload.serviceAccountName?.kind === 'known' && workload.serviceAccountName.value === 'default',
  )
  const first = workloads[0]
  if (!first) return undefined
  const titles = workloads.map(
    (workload) => `${workload.kind} ${valueOrExpression(workload.namespace)}/${valueOrExpression(workload.name)}`,
  )
  return {
    ruleId: 'workload-runs-as-default',
    location: annotation.keyLocation,
    message:
      `The ${label} sets serviceAccount.create: false and no serviceAccount.name, so the chart creates no ServiceAccount and ${titles.join(', ')} ${workloads.length === 1 ? 'runs' : 'run'} as ServiceAccount ${valueOrExpression(first.namespace)}/default: ` +
      `this role-arn ${JSON.stringify(valueOrExpression(roleArn))} is on no ServiceAccount, the EKS webhook injects no role and the SDK falls back to the node's role; set serviceAccount.create: true, or serviceAccount.name to an annotated ServiceAccount that exists`,
    related: [{ location: first.location, message: `${titles[0]}, which runs as default` }],
    key: `${label} serviceAccount.create false`,
  }
}

function sameLocation(a: { location: { path: string; line: number; column: number } }, b: typeof a): boolean {
  return (
    a.location.path === b.location.path &&
    a.location.line === b.location.line &&
    a.location.column === b.location.column
  )
}
