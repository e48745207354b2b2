import { posix } from 'node:path'
import semver from 'semver'
import { getOrCreate } from '../collections.js'
import type { Graph } from '../graph.js'
import type { SdkDependency, ServiceAccount, Workload } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation } from '../model/location.js'
import { SDK_MINIMUMS } from '../model/sdk-minimums.js'
import type { Rule } from './rule.js'
import { hasPodIdentityAssociation, workloadsBuiltBy } from './helpers/build-files.js'
import { hasRoleArn, objectTitle, quoted, serviceAccountTitle } from './helpers/kubernetes.js'

type Mechanism = 'irsa' | 'podIdentity'

export const sdkVersionTooOld: Rule = {
  meta: {
    id: 'sdk-version-too-old',
    level: 'warning',
    description:
      'A build, manifest or lock file pins an AWS SDK older than the first version that reads the IRSA web identity token (or, for a ServiceAccount with an EKS Pod Identity association, the Pod Identity credentials): a warning when the file builds a workload in its directory that runs as such a ServiceAccount, a note when the repository only uses IRSA elsewhere.',
    remediation: 'Upgrade the SDK to the minimum version AWS lists, or later, and rebuild the image.',
  },
  *check(graph) {
    const dependencies = effectiveDependencies(graph.facts.sdkDependencies ?? [])
    if (dependencies.length === 0) return
    const repositoryUsesIrsa = graph.facts.serviceAccounts.some(hasRoleArn)
    const repositoryUsesPodIdentity = graph.facts.podIdentityAssociations.length > 0
    if (!repositoryUsesIrsa && !repositoryUsesPodIdentity) return
    for (const [file, ofFile] of groupBy(dependencies, (dependency) => dependency.location.path)) {
      const tied = tiedWorkloads(graph, file)
      for (const [, ofSdk] of groupBy(ofFile, (dependency) => dependency.sdk)) {
        const finding = tied
          ? tiedFinding(ofSdk, tied)
          : untiedFinding(ofSdk, repositoryUsesIrsa ? 'irsa' : 'podIdentity')
        if (finding) yield finding
      }
    }
  },
}

/** A lock file's resolved versions replace the manifests' ranges of the same directory and ecosystem. */
function effectiveDependencies(dependencies: readonly SdkDependency[]): SdkDependency[] {
  const locked = new Set(
    dependencies
      .filter((dependency) => dependency.locked)
      .map((dependency) => `${posix.dirname(dependency.location.path)} ${dependency.ecosystem}`),
  )
  return dependencies.filter(
    (dependency) =>
      dependency.locked || !locked.has(`${posix.dirname(dependency.location.path)} ${dependency.ecosystem}`),
  )
}

interface Tied {
  workload: Workload
  sa: ServiceAccount
  mechanism: Mechanism
}

/**
 * The workloads of the file's directory with IRSA or Pod Identity, Pod Identity first since it takes
 * precedence; undefined when the directory defines no workload (the file is tied to none).
 */
function tiedWorkloads(graph: Graph, file: string): Tied[] | undefined {
  const built = workloadsBuiltBy(graph, file)
  if (built.length === 0) return undefined
  const tied: Tied[] = []
  for (const workload of built)
    for (const sa of graph.serviceAccountsOf(workload)) {
      if (hasPodIdentityAssociation(graph, sa)) tied.push({ workload, sa, mechanism: 'podIdentity' })
      else if (hasRoleArn(sa)) tied.push({ workload, sa, mechanism: 'irsa' })
    }
  tied.sort((a, b) => (a.mechanism === b.mechanism ? 0 : a.mechanism === 'podIdentity' ? -1 : 1))
  return tied
}

function tiedFinding(dependencies: readonly SdkDependency[], tied: readonly Tied[]): FindingDraft | undefined {
  for (const { workload, sa, mechanism } of tied) {
    const old = tooOld(dependencies, mechanism)
    if (!old) continue
    const how =
      mechanism === 'irsa'
        ? 'with an IRSA role'
        : 'that an EKS Pod Identity association maps (Pod Identity takes precedence over IRSA)'
    return {
      location: old.dependency.location,
      message: `${describe(old)}; ${objectTitle(workload)} (${formatLocation(workload.location)}) in this service's directory runs as ${serviceAccountTitle(sa)} ${how}, so its default credential chain ${fallback(mechanism)}: ${upgrade(old)}`,
      related: [{ location: workload.location, message: `${objectTitle(workload)}, built from this directory` }],
      key: `${old.dependency.location.path} ${old.dependency.sdk}`,
    }
  }
  return undefined
}

function untiedFinding(dependencies: readonly SdkDependency[], mechanism: Mechanism): FindingDraft | undefined {
  const old = tooOld(dependencies, mechanism)
  if (!old) return undefined
  const uses =
    mechanism === 'irsa'
      ? 'should it run in a pod with an IRSA ServiceAccount (this repository annotates ServiceAccounts with roles)'
      : 'should it run in a pod whose ServiceAccount has an EKS Pod Identity association (this repository creates associations)'
  return {
    location: old.dependency.location,
    level: 'note',
    message: `${describe(old)}, ${uses}, its default credential chain ${fallback(mechanism)}: ${upgrade(old)}`,
    key: `${old.dependency.location.path} ${old.dependency.sdk}`,
  }
}

interface TooOld {
  dependency: SdkDependency
  minimum: string
  mechanism: Mechanism
}

/**
 * The package whose every entry in the file allows only versions below the minimum (a lock file
 * may hold the SDK twice, an old copy under a tool that the service never loads beside a new one).
 */
function tooOld(dependencies: readonly SdkDependency[], mechanism: Mechanism): TooOld | undefined {
  for (const [, ofPackage] of groupBy(dependencies, (dependency) => dependency.package)) {
    const first = ofPackage[0]
    if (!first) continue
    const minimum = SDK_MINIMUMS[first.sdk][mechanism]
    if (minimum === undefined) return undefined
    if (ofPackage.every((dependency) => belowOnly(dependency.range, minimum)))
      return { dependency: first, minimum, mechanism }
  }
  return undefined
}

/** Every version the range allows is below the minimum; an unknown range allows anything. */
function belowOnly(range: string | undefined, minimum: string): boolean {
  if (range === undefined) return false
  return !semver.intersects(range, `>=${minimum}`, { includePrerelease: true })
}

function describe({ dependency, minimum, mechanism }: TooOld): string {
  const sdk = SDK_MINIMUMS[dependency.sdk].title
  const version = dependency.locked
    ? `locks ${quoted(dependency.package)} at ${dependency.written}`
    : dependency.range !== undefined && semver.valid(dependency.range)
      ? `pins ${quoted(dependency.package)} at ${dependency.written.replace(/^\s*===?\s*/, '')}`
      : `allows only versions of ${quoted(dependency.package)} below ${minimum} (${quoted(dependency.written)})`
  const feature =
    mechanism === 'irsa'
      ? 'the first version that reads the IRSA web identity token file and re-reads it when the kubelet rotates it'
      : 'the first version whose container credential provider reads EKS Pod Identity credentials'
  return `${dependency.location.path} ${version}, ${sdk}: AWS lists ${minimum} as ${feature}`
}

function fallback(mechanism: Mechanism): string {
  return mechanism === 'irsa'
    ? "skips the web identity token and falls back to the node's role (or fails once a cached token expires)"
    : "skips the Pod Identity agent and falls back to the node's role"
}

function upgrade({ dependency, minimum }: TooOld): string {
  return `upgrade ${quoted(dependency.package)} to ${minimum} or later`
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) getOrCreate(groups, keyOf(item), () => []).push(item)
  return groups
}
