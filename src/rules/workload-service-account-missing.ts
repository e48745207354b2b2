import { posix } from 'node:path'
import { sameUnitOrNone, type ServiceAccount, type ServiceAccountCreator, type Workload } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation } from '../model/location.js'
import type { KnownValue, Value } from '../model/value.js'
import type { Rule } from './rule.js'
import { editDistanceWithin } from '../text/edit-distance.js'
import { objectTitle, quoted, valueText } from './helpers/kubernetes.js'
import { isValidServiceAccountName, mentionsName } from './helpers/kubernetes-names.js'

export const workloadServiceAccountMissing: Rule = {
  meta: {
    id: 'workload-service-account-missing',
    level: 'warning',
    description:
      'A workload names a ServiceAccount that the scanned files do not define in its namespace, although they define it in another namespace, define a near-identical name, or define other ServiceAccounts of that namespace (next to the workload, or anywhere when no chart or module the scan does not model mentions it).',
    remediation:
      'Fix spec.serviceAccountName, or the ServiceAccount name or namespace, so that both name the same ServiceAccount.',
  },
  *check(graph) {
    const index = new ServiceAccountIndex(graph.facts.serviceAccounts)
    for (const workload of graph.facts.workloads) {
      const name = workload.serviceAccountName
      if (name?.kind !== 'known' || name.value === '' || name.value === 'default') continue
      if (createdByEks(workload.namespace, name.value)) continue
      if (graph.serviceAccountsOf(workload).length > 0) continue
      if (index.mayBeNamed(name.value).some((sa) => couldBe(sa, workload.namespace, name.value))) continue
      const finding = missing(workload, name, index, graph.facts.serviceAccountCreators ?? [])
      if (finding) yield finding
    }
  },
}

type NamedServiceAccount = ServiceAccount & { name: KnownValue }

/** Namespaces Kubernetes and EKS create and fill with their own ServiceAccounts. */
const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease'])

/**
 * ServiceAccounts that EKS or an EKS add-on creates, by namespace: a workload of a repository may
 * run as them without defining them.
 * - kube-proxy, coredns: EKS default add-ons (kubernetes/kubernetes cluster/addons/kube-proxy,
 *   cluster/addons/dns/coredns/coredns.yaml.base: ServiceAccount kube-system/coredns);
 * - aws-node: the Amazon VPC CNI add-on (aws/amazon-vpc-cni-k8s config/master/aws-k8s-cni.yaml,
 *   charts/aws-vpc-cni);
 * - ebs-csi-controller-sa, ebs-csi-node-sa: the Amazon EBS CSI driver add-on
 *   (kubernetes-sigs/aws-ebs-csi-driver charts/aws-ebs-csi-driver/values.yaml
 *   controller.serviceAccount.name, node.serviceAccount.name);
 * - efs-csi-controller-sa, efs-csi-node-sa: the Amazon EFS CSI driver add-on
 *   (kubernetes-sigs/aws-efs-csi-driver charts/aws-efs-csi-driver/values.yaml);
 * - cloudwatch-agent: the Amazon CloudWatch Observability add-on, namespace amazon-cloudwatch
 *   (aws-observability/helm-charts charts/amazon-cloudwatch-observability).
 */
const EKS_SERVICE_ACCOUNTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    'kube-system',
    new Set([
      'kube-proxy',
      'coredns',
      'aws-node',
      'ebs-csi-controller-sa',
      'ebs-csi-node-sa',
      'efs-csi-controller-sa',
      'efs-csi-node-sa',
    ]),
  ],
  ['amazon-cloudwatch', new Set(['cloudwatch-agent'])],
])

function createdByEks(namespace: Value, name: string): boolean {
  return namespace.kind === 'known' && EKS_SERVICE_ACCOUNTS.get(namespace.value)?.has(name) === true
}

/** The ServiceAccounts by name and by namespace, each list in scan order, so that a workload is not compared with all of them. */
class ServiceAccountIndex {
  private readonly byName = new Map<string, NamedServiceAccount[]>()
  private readonly byNamespace = new Map<string, NamedServiceAccount[]>()
  private readonly symbolicallyNamed: ServiceAccount[] = []
  private readonly byDirectoryByNamespace = new Map<string, Map<string, NamedServiceAccount[]>>()

  constructor(serviceAccounts: readonly ServiceAccount[]) {
    for (const sa of serviceAccounts) {
      if (sa.name.kind !== 'known') {
        this.symbolicallyNamed.push(sa)
        continue
      }
      const named = sa as NamedServiceAccount
      append(this.byName, named.name.value, named)
      append(this.byNamespace, namespaceKey(named.namespace), named)
    }
  }

  /** Those whose name is this one or not known. */
  mayBeNamed(name: string): readonly ServiceAccount[] {
    const named = this.byName.get(name) ?? []
    return this.symbolicallyNamed.length === 0 ? named : [...named, ...this.symbolicallyNamed]
  }

  /** Those with a known name equal to this one. */
  named(name: string): readonly NamedServiceAccount[] {
    return this.byName.get(name) ?? []
  }

  /** Those with a known name in this namespace (the same known namespace, or the same reference). */
  inNamespace(namespace: Value): readonly NamedServiceAccount[] {
    return this.byNamespace.get(namespaceKey(namespace)) ?? []
  }

  /** Those with a known name in this namespace whose files are in this directory. */
  inNamespaceAndDirectory(namespace: Value, directory: string): readonly NamedServiceAccount[] {
    const key = namespaceKey(namespace)
    let byDirectory = this.byDirectoryByNamespace.get(key)
    if (!byDirectory) {
      byDirectory = new Map()
      for (const sa of this.inNamespace(namespace)) append(byDirectory, posix.dirname(sa.location.path), sa)
      this.byDirectoryByNamespace.set(key, byDirectory)
    }
    return byDirectory.get(directory) ?? []
  }
}

function append<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key)
  if (list) list.push(item)
  else map.set(key, [item])
}

/** Equal keys exactly when sameNamespace holds. */
function namespaceKey(namespace: Value): string {
  return `${namespace.kind}\0${valueText(namespace)}`
}

/**
 * A ServiceAccount defined anywhere silences the rule (check); what makes it fire comes only from
 * the workload's deploy unit and from plain manifests: another unit is applied on its own.
 */
function missing(
  workload: Workload,
  name: KnownValue,
  index: ServiceAccountIndex,
  creators: readonly ServiceAccountCreator[],
): FindingDraft | undefined {
  const visible = <T extends ServiceAccount>(list: readonly T[]): T[] =>
    list.filter((sa) => sameUnitOrNone(sa.unit, workload.unit))
  const namespace = workload.namespace
  const inNamespaceText = namespace.kind === 'known' ? `in namespace ${namespace.value}` : 'in its namespace'
  const head = `${objectTitle(workload)} runs as ServiceAccount ${quoted(name.value)}, which no scanned file defines ${inNamespaceText}`
  const refused = 'the pods are refused until it exists'
  const key = `${objectTitle(workload)} sa:${name.value}`
  if (namespace.kind === 'known') {
    const elsewhere = visible(index.named(name.value)).filter(
      (sa) => sa.namespace.kind === 'known' && sa.namespace.value !== namespace.value,
    )
    if (elsewhere.length > 0) {
      const places = elsewhere
        .map((sa) => `namespace ${valueText(sa.namespace)} (${formatLocation(sa.location)})`)
        .join(', ')
      return {
        location: name.location,
        message: `${head}, only in ${places}; ${refused}: make the namespaces of the workload and the ServiceAccount agree`,
        related: elsewhere.map((sa) => ({
          location: sa.location,
          message: `ServiceAccount ${valueText(sa.namespace)}/${sa.name.value}`,
        })),
        key,
      }
    }
  }

  const inNamespace = visible(index.inNamespace(namespace))
  // Only names Kubernetes accepts are worth suggesting.
  const similar = inNamespace.filter(
    (sa) => nearMiss(sa.name.value, name.value) && isValidServiceAccountName(sa.name.value),
  )
  if (similar.length > 0) {
    const names = similar.map((sa) => `${quoted(sa.name.value)} (${formatLocation(sa.location)})`).join(' or ')
    return {
      location: name.location,
      message: `${head}; ${refused}: did you mean ${names}? Make spec.serviceAccountName and the ServiceAccount's name agree`,
      related: similar.map((sa) => ({ location: sa.location, message: `ServiceAccount ${sa.name.value}` })),
      key,
    }
  }

  // EKS, its add-ons and installers (eksctl creates its add-ons' ServiceAccounts in Go) fill the system namespaces outside any manifest.
  if (namespace.kind === 'known' && SYSTEM_NAMESPACES.has(namespace.value)) return undefined
  const directory = posix.dirname(workload.location.path)
  const besides = visible(index.inNamespaceAndDirectory(namespace, directory))
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

  // The namespace's ServiceAccounts are defined elsewhere in the scan, and nothing that creates ServiceAccounts irsa-guard cannot name (a chart, a module, a script) mentions this one.
  if (namespace.kind !== 'known' || SHARED_NAMESPACES.has(namespace.value) || inNamespace.length === 0) return undefined
  if (creators.some((creator) => creator.runsPrograms === true || mentionsName(creator.text, name.value)))
    return undefined
  const shown = inNamespace.slice(0, 3)
  const names = [...new Set(shown.map((sa) => `${sa.name.value} (${formatLocation(sa.location)})`))].join(', ')
  return {
    location: name.location,
    message: `${head}, although the scan defines the namespace's ServiceAccounts (${names}${inNamespace.length > shown.length ? ', …' : ''}); ${refused}: add it or fix spec.serviceAccountName`,
    related: shown.map((sa) => ({
      location: sa.location,
      message: `ServiceAccount ${valueText(sa.namespace)}/${sa.name.value}`,
    })),
    key,
  }
}

/** Namespaces where the cluster, EKS add-ons and many charts create ServiceAccounts no repository defines. */
const SHARED_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease'])

/** A ServiceAccount that may turn out to be the one named, once symbolic names or namespaces are resolved. */
function couldBe(sa: ServiceAccount, namespace: Value, name: string): boolean {
  const nameCompatible = sa.name.kind === 'symbolic' || sa.name.value === name
  const namespaceCompatible =
    sa.namespace.kind === 'symbolic' || namespace.kind === 'symbolic' || sameNamespace(sa.namespace, namespace)
  return nameCompatible && namespaceCompatible
}

function sameNamespace(a: Value, b: Value): boolean {
  return a.kind === b.kind && valueText(a) === valueText(b)
}

/** One typo apart, or the same name with a kustomize-style prefix or suffix. */
function nearMiss(defined: string, wanted: string): boolean {
  const allowed = Math.min(defined.length, wanted.length) >= 5 ? 2 : 1
  if (editDistanceWithin(defined, wanted, allowed) <= allowed) return true
  return hasAffix(defined, wanted) || hasAffix(wanted, defined)
}

/** `name` is `core` with a prefix ending in "-" or a suffix starting with "-". */
function hasAffix(name: string, core: string): boolean {
  if (name.length <= core.length) return false
  return (
    (name.charCodeAt(core.length) === HYPHEN && name.startsWith(core)) ||
    (name.charCodeAt(name.length - core.length - 1) === HYPHEN && name.endsWith(core))
  )
}

const HYPHEN = 0x2d
