import { posix } from 'node:path'
import {
  sameUnitOrNone,
  type DeployUnit,
  type ServiceAccount,
  type ServiceAccountCreator,
  type Workload,
} from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation } from '../model/location.js'
import type { KnownValue, Value } from '../model/value.js'
import type { Rule } from './rule.js'
import { editDistanceWithin } from '../text/edit-distance.js'
import { objectTitle, quoted, valueText } from './helpers/kubernetes.js'
import { isValidServiceAccountName, MentioningTexts } from './helpers/kubernetes-names.js'
import { NamesWithinEdits } from './helpers/names-within-edits.js'
import { getOrCreate } from '../collections.js'

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
    const creators = new ServiceAccountCreators(graph.facts.serviceAccountCreators ?? [])
    for (const workload of graph.facts.workloads) {
      const name = workload.serviceAccountName
      if (name?.kind !== 'known' || name.value === '' || name.value === 'default') continue
      if (createdByEks(workload.namespace, name.value)) continue
      if (graph.serviceAccountsOf(workload).length > 0) continue
      if (index.mayBeNamed(name.value).some((sa) => couldBe(sa, workload.namespace, name.value))) continue
      const finding = missing(workload, name, index, creators)
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
  private readonly byNamespace = new Map<string, NamespaceServiceAccounts>()
  private readonly symbolicallyNamed: ServiceAccount[] = []
  private readonly byDirectoryByNamespace = new Map<string, Map<string, NamedServiceAccount[]>>()

  constructor(serviceAccounts: readonly ServiceAccount[]) {
    serviceAccounts.forEach((sa, order) => {
      if (sa.name.kind !== 'known') {
        this.symbolicallyNamed.push(sa)
        return
      }
      const named = sa as NamedServiceAccount
      append(this.byName, named.name.value, named)
      getOrCreate(this.byNamespace, namespaceKey(named.namespace), () => new NamespaceServiceAccounts()).add(
        named,
        order,
      )
    })
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
  inNamespace(namespace: Value): NamespaceServiceAccounts {
    return this.byNamespace.get(namespaceKey(namespace)) ?? NO_SERVICE_ACCOUNTS
  }

  /** Those with a known name in this namespace whose files are in this directory. */
  inNamespaceAndDirectory(namespace: Value, directory: string): readonly NamedServiceAccount[] {
    const key = namespaceKey(namespace)
    let byDirectory = this.byDirectoryByNamespace.get(key)
    if (!byDirectory) {
      byDirectory = new Map()
      for (const sa of this.inNamespace(namespace).all) append(byDirectory, posix.dirname(sa.location.path), sa)
      this.byDirectoryByNamespace.set(key, byDirectory)
    }
    return byDirectory.get(directory) ?? []
  }
}

interface Ordered {
  sa: NamedServiceAccount
  /** Its place among the ServiceAccounts in scan order. */
  order: number
}

/**
 * The ServiceAccounts with a known name of one namespace, in scan order; those a workload of a
 * deploy unit sees (its unit's and those of none), and their names indexed for near misses.
 */
class NamespaceServiceAccounts {
  readonly all: NamedServiceAccount[] = []
  private readonly byUnit = new Map<DeployUnit | undefined, Ordered[]>()
  private readonly byName = new Map<string, Ordered[]>()
  private names: NameLookup | undefined

  add(sa: NamedServiceAccount, order: number): void {
    this.all.push(sa)
    const entry = { sa, order }
    getOrCreate(this.byUnit, sa.unit, () => []).push(entry)
    getOrCreate(this.byName, sa.name.value, () => []).push(entry)
    this.names = undefined
  }

  /** How many a workload of this unit sees. */
  visibleCount(unit: DeployUnit | undefined): number {
    if (unit === undefined) return this.all.length
    return (this.byUnit.get(undefined)?.length ?? 0) + (this.byUnit.get(unit)?.length ?? 0)
  }

  /** The first `count` a workload of this unit sees, in scan order. */
  firstVisible(unit: DeployUnit | undefined, count: number): NamedServiceAccount[] {
    if (unit === undefined) return this.all.slice(0, count)
    const ofNone = this.byUnit.get(undefined) ?? []
    const ofUnit = this.byUnit.get(unit) ?? []
    const first: NamedServiceAccount[] = []
    for (let a = 0, b = 0; first.length < count && (a < ofNone.length || b < ofUnit.length);) {
      const fromNone = ofNone[a]
      const fromUnit = ofUnit[b]
      if (fromNone && (!fromUnit || fromNone.order < fromUnit.order)) {
        first.push(fromNone.sa)
        a++
      } else if (fromUnit) {
        first.push(fromUnit.sa)
        b++
      }
    }
    return first
  }

  /** Those a workload of this unit sees whose names are a near miss of `wanted` and valid, in scan order. */
  nearMisses(wanted: string, unit: DeployUnit | undefined): NamedServiceAccount[] {
    const visible = (sa: ServiceAccount): boolean => sameUnitOrNone(sa.unit, unit)
    const isNearMiss = (sa: NamedServiceAccount): boolean =>
      nearMiss(sa.name.value, wanted) && isValidServiceAccountName(sa.name.value)
    const names = this.namesNear(wanted)
    if (!names) return this.all.filter((sa) => visible(sa) && isNearMiss(sa))
    return [...names]
      .flatMap((name) => this.byName.get(name) ?? [])
      .filter((entry) => visible(entry.sa) && isNearMiss(entry.sa))
      .sort((a, b) => a.order - b.order)
      .map((entry) => entry.sa)
  }

  /** The names that may be a near miss of `wanted` (every one that is, and some that are not); undefined when it is too long to look up. */
  private namesNear(wanted: string): Set<string> | undefined {
    const names = (this.names ??= new NameLookup(this.byName.keys()))
    const withinEdits = names.edits.within(wanted, MOST_EDITS)
    if (!withinEdits) return undefined
    const near = new Set(withinEdits)
    // A name that is `wanted` with a prefix ending in "-" or a suffix starting with "-" (hasAffix), or the reverse.
    for (const name of names.withPart.get(wanted) ?? []) near.add(name)
    for (let at = wanted.indexOf('-'); at >= 0; at = wanted.indexOf('-', at + 1)) {
      near.add(wanted.slice(0, at))
      near.add(wanted.slice(at + 1))
    }
    return near
  }
}

/** The names of a namespace, for near misses: by edits, and by what is before and after each "-" in them. */
class NameLookup {
  readonly edits = new NamesWithinEdits()
  readonly withPart = new Map<string, string[]>()

  constructor(names: Iterable<string>) {
    for (const name of names) {
      this.edits.add(name)
      for (let at = name.indexOf('-'); at >= 0; at = name.indexOf('-', at + 1)) {
        getOrCreate(this.withPart, name.slice(0, at), () => []).push(name)
        getOrCreate(this.withPart, name.slice(at + 1), () => []).push(name)
      }
    }
  }
}

const NO_SERVICE_ACCOUNTS = new NamespaceServiceAccounts()

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
  creators: ServiceAccountCreators,
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

  const inNamespace = index.inNamespace(namespace)
  // Only names Kubernetes accepts are worth suggesting.
  const similar = inNamespace.nearMisses(name.value, workload.unit)
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
  const visibleInNamespace = inNamespace.visibleCount(workload.unit)
  if (namespace.kind !== 'known' || SHARED_NAMESPACES.has(namespace.value) || visibleInNamespace === 0) return undefined
  if (creators.mention(name.value)) return undefined
  const shown = inNamespace.firstVisible(workload.unit, 3)
  const names = [...new Set(shown.map((sa) => `${sa.name.value} (${formatLocation(sa.location)})`))].join(', ')
  return {
    location: name.location,
    message: `${head}, although the scan defines the namespace's ServiceAccounts (${names}${visibleInNamespace > shown.length ? ', …' : ''}); ${refused}: add it or fix spec.serviceAccountName`,
    related: shown.map((sa) => ({
      location: sa.location,
      message: `ServiceAccount ${valueText(sa.namespace)}/${sa.name.value}`,
    })),
    key,
  }
}

/** What creates ServiceAccounts irsa-guard cannot name (a chart, a module, a script). */
class ServiceAccountCreators {
  private readonly runPrograms: boolean
  private readonly texts: MentioningTexts

  constructor(creators: readonly ServiceAccountCreator[]) {
    this.runPrograms = creators.some((creator) => creator.runsPrograms === true)
    this.texts = new MentioningTexts(creators.map((creator) => creator.text))
  }

  /** One of them may create this ServiceAccount: it runs programs, or it mentions the name. */
  mention(name: string): boolean {
    return this.runPrograms || this.texts.mention(name)
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

/** The most edits nearMiss allows. */
const MOST_EDITS = 2

/** One typo apart, or the same name with a kustomize-style prefix or suffix. */
function nearMiss(defined: string, wanted: string): boolean {
  const allowed = Math.min(defined.length, wanted.length) >= 5 ? MOST_EDITS : 1
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
