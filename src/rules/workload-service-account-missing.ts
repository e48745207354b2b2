import { posix } from 'node:path'
import type { ServiceAccount, Workload } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation } from '../model/location.js'
import type { KnownValue, Value } from '../model/value.js'
import type { Rule } from './rule.js'
import { editDistance, objectTitle, quoted, valueText } from './helpers/kubernetes.js'

export const workloadServiceAccountMissing: Rule = {
  meta: {
    id: 'workload-service-account-missing',
    level: 'warning',
    description:
      'A workload names a ServiceAccount that the scanned files do not define in its namespace, although they define it in another namespace, define a near-identical name, or define other ServiceAccounts of that namespace next to the workload.',
    remediation: 'Fix spec.serviceAccountName, or the ServiceAccount name or namespace, so that both name the same ServiceAccount.',
  },
  *check(graph) {
    const serviceAccounts = graph.facts.serviceAccounts
    for (const workload of graph.facts.workloads) {
      const name = workload.serviceAccountName
      if (name?.kind !== 'known' || name.value === '' || name.value === 'default') continue
      if (graph.serviceAccountsOf(workload).length > 0) continue
      if (serviceAccounts.some((sa) => couldBe(sa, workload.namespace, name.value))) continue
      const finding = missing(workload, name, serviceAccounts)
      if (finding) yield finding
    }
  },
}

function missing(workload: Workload, name: KnownValue, serviceAccounts: readonly ServiceAccount[]): FindingDraft | undefined {
  const namespace = workload.namespace
  const inNamespaceText = namespace.kind === 'known' ? `in namespace ${namespace.value}` : 'in its namespace'
  const head = `${objectTitle(workload)} runs as ServiceAccount ${quoted(name.value)}, which no scanned file defines ${inNamespaceText}`
  const refused = 'the pods are refused until it exists'
  const key = `${objectTitle(workload)} sa:${name.value}`
  const namedSa = serviceAccounts.filter((sa): sa is ServiceAccount & { name: KnownValue } => sa.name.kind === 'known')

  if (namespace.kind === 'known') {
    const elsewhere = namedSa.filter((sa) => sa.name.value === name.value && sa.namespace.kind === 'known' && sa.namespace.value !== namespace.value)
    if (elsewhere.length > 0) {
      const places = elsewhere.map((sa) => `namespace ${valueText(sa.namespace)} (${formatLocation(sa.location)})`).join(', ')
      return {
        location: name.location,
        message: `${head}, only in ${places}; ${refused}: make the namespaces of the workload and the ServiceAccount agree`,
        related: elsewhere.map((sa) => ({ location: sa.location, message: `ServiceAccount ${valueText(sa.namespace)}/${sa.name.value}` })),
        key,
      }
    }
  }

  const inNamespace = namedSa.filter((sa) => sameNamespace(sa.namespace, namespace))
  const similar = inNamespace.filter((sa) => nearMiss(sa.name.value, name.value))
  if (similar.length > 0) {
    const names = similar.map((sa) => `${quoted(sa.name.value)} (${formatLocation(sa.location)})`).join(' or ')
    return {
      location: name.location,
      message: `${head}; ${refused}: did you mean ${names}? Make spec.serviceAccountName and the ServiceAccount's name agree`,
      related: similar.map((sa) => ({ location: sa.location, message: `ServiceAccount ${sa.name.value}` })),
      key,
    }
  }

  const directory = posix.dirname(workload.location.path)
  const besides = inNamespace.filter((sa) => posix.dirname(sa.location.path) === directory)
  if (besides.length > 0) {
    const names = [...new Set(besides.map((sa) => sa.name.value))].join(', ')
    const where = directory === '.' ? 'the repository root' : `${directory}/`
    return {
      location: name.location,
      message: `${head}, although ${where} defines the namespace's other ServiceAccounts (${names}); ${refused}: add it or fix spec.serviceAccountName`,
      related: besides.map((sa) => ({ location: sa.location, message: `ServiceAccount ${sa.name.value}` })),
      key,
    }
  }
  return undefined
}

/** A ServiceAccount that may turn out to be the one named, once symbolic names or namespaces are resolved. */
function couldBe(sa: ServiceAccount, namespace: Value, name: string): boolean {
  const nameCompatible = sa.name.kind === 'symbolic' || sa.name.value === name
  const namespaceCompatible = sa.namespace.kind === 'symbolic' || namespace.kind === 'symbolic' || sameNamespace(sa.namespace, namespace)
  return nameCompatible && namespaceCompatible
}

function sameNamespace(a: Value, b: Value): boolean {
  return a.kind === b.kind && valueText(a) === valueText(b)
}

/** One typo apart, or the same name with a kustomize-style prefix or suffix. */
function nearMiss(defined: string, wanted: string): boolean {
  const allowed = Math.min(defined.length, wanted.length) >= 5 ? 2 : 1
  if (editDistance(defined, wanted) <= allowed) return true
  return defined.startsWith(`${wanted}-`) || defined.endsWith(`-${wanted}`) || wanted.startsWith(`${defined}-`) || wanted.endsWith(`-${defined}`)
}
