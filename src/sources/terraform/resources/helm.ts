import nodePath from 'node:path'
import { mergeFacts, type Annotation } from '../../../model/facts.js'
import type { Chart } from '../../helm/charts.js'
import { symbolicNode } from '../../helm/evaluate.js'
import { stringNode } from '../../shared/tree-edit.js'
import type { Location } from '../../../model/location.js'
import { known, symbolic, type Value } from '../../../model/value.js'
import type { TerraformResourceRef } from '../../../model/facts.js'
import type { FactSink, ResourceContext } from '../context.js'
import { documentTree, treeToValue, valueToTree } from '../documents.js'
import {
  boolValue,
  numberValue,
  objectGet,
  objectValue,
  printValue,
  scalarString,
  toFactValue,
  type HclValue,
  type ObjectEntryValue,
} from '../values.js'
import { creatorText } from '../../shared/creator-text.js'
import {
  CHART_SERVICE_ACCOUNTS,
  CHARTS_WITH_UNMODELLED_SERVICE_ACCOUNTS,
  chartName,
  releaseDerivedName,
  settingsRunningAsDefault,
  unreadMessage,
  unreadServiceAccountValue,
  type ChartServiceAccount,
} from './helm-charts.js'
import { present } from './iam.js'
import { addServiceAccount, annotationsOf } from './service-accounts.js'
import {
  AUDIENCE_ANNOTATION,
  ROLE_ARN_ANNOTATION,
  STS_REGIONAL_ENDPOINTS_ANNOTATION,
  TOKEN_EXPIRATION_ANNOTATION,
} from '../../../model/kubernetes.js'

/** What a chart not in the table may do: a ServiceAccount only when `serviceAccount.name` is given. */
const EXPLICIT_ONLY: ChartServiceAccount = { path: ['serviceAccount'], defaultName: { fixed: '' } }

/**
 * `resource "helm_release"`: the chart's values (`values` documents, then `set`, `set_string`
 * and `set_sensitive`, blocks or list form, with `\\.`-escaped keys) and the ServiceAccounts the
 * chart creates from them, when their names can be known: an explicit name, or the chart's
 * default (CHART_SERVICE_ACCOUNTS).
 */
export function readHelmRelease(context: ResourceContext): void {
  const { view, address, root, sink } = context
  const chartValue = present(view.value('chart'))
  const sets = releaseSets(view).sort((a, b) => a.line - b.line)
  reportUnescapedAnnotationKeys(sink, sets, address)
  const documents = present(view.value('values'))
  const values = mergeReleaseValues(documents, sets, view.location)
  const namespace = present(view.value('namespace'))
  const chart = localChart(context, chartValue)
  if (chart && valuesRead(documents, sets)) {
    renderLocalChart(context, chart, values, namespace)
    return
  }
  const version = present(view.value('version'))
  addReleaseServiceAccounts(sink, {
    chart: chartValue ? scalarString(chartValue) : undefined,
    version: version ? (scalarString(version) ?? null) : undefined,
    valuesComplete: valuesRead(documents, sets),
    release: present(view.value('name')),
    releaseLocation: view.attribute('name')?.location ?? view.location,
    namespace: toFactValue(namespace) ?? known('default', view.location),
    values,
    location: view.location,
    span: { fromLine: view.location.line, toLine: view.block.endLine },
    terraform: { root, address },
  })
}

/**
 * The chart of the repository a release installs: with no `repository`, helm takes `chart` as a
 * path when it is a directory (helm v3 pkg/action/install.go LocateChart), and Terraform runs in
 * the root module's directory (`"./charts/app"`, `"${path.module}/charts/app"`).
 */
function localChart({ view, root, localCharts }: ResourceContext, chartValue: HclValue | undefined): Chart | undefined {
  const repository = present(view.value('repository'))
  if (!localCharts || !chartValue || (repository && scalarString(repository) !== '')) return undefined
  const reference = scalarString(chartValue)
  if (reference === undefined || reference === '' || nodePath.posix.isAbsolute(reference) || reference.includes('://'))
    return undefined
  const directory = nodePath.posix.normalize(nodePath.posix.join(root, reference)).replace(/\/+$/, '')
  if (directory === '..' || directory.startsWith('../')) return undefined
  return localCharts.chart(directory === '' ? '.' : directory)
}

/** Every values document and set name is known: what the chart renders does not depend on apply-time values' shape. */
function valuesRead(documents: HclValue | undefined, sets: readonly HelmSet[]): boolean {
  if (documents && documents.kind !== 'tuple') return false
  for (const item of documents?.kind === 'tuple' ? documents.items : []) {
    if (valuesDocument(item)?.kind !== 'object') return false
  }
  return sets.every((set) => set.name !== undefined && scalarString(set.name) !== undefined)
}

/** The release's objects, rendered from the chart's templates like the Helm source renders the releases it finds. */
function renderLocalChart(
  { view, address, root, sink, localCharts }: ResourceContext,
  chart: Chart,
  values: HclValue,
  namespace: HclValue | undefined,
): void {
  if (!localCharts) return
  const nameValue = present(view.value('name'))
  const nameLocation = view.attribute('name')?.location ?? view.location
  const inline = valueToTree(values)
  const result = localCharts.release({
    chart,
    name: nameValue ? valueToTree(nameValue) : symbolicNode(`${address}.name`, nameLocation),
    // The helm provider's namespace when none is given.
    namespace: namespace ? valueToTree(namespace) : stringNode('default', view.location),
    valueFiles: [],
    inline: inline.kind === 'object' ? [inline] : [],
    replacesChartValues: false,
    declaredAt: view.location,
    via: 'terraform',
  })
  for (const fact of [...(result.facts.serviceAccounts ?? []), ...(result.facts.objects ?? [])])
    fact.terraform = { root, address }
  mergeFacts(sink.facts, result.facts)
  sink.findings.push(...result.findings)
  sink.suppressions.push(...result.suppressions)
}

/** A Helm release as a chart sees it: its chart, release name, namespace and merged values. */
export interface HelmReleaseValues {
  chart: string | undefined
  release: HclValue | undefined
  /** Where the release name is written (the location of a name derived from it). */
  releaseLocation: Location
  namespace: Value
  values: HclValue
  /** The chart version as written; null when it is known only at apply time. */
  version?: string | null | undefined
  /** False when some values or sets are known only at apply time: a default name may then be overridden. */
  valuesKnown?: boolean
  /** False when a values document or a set's name is known only at apply time (it may set anything). */
  valuesComplete?: boolean
  /**
   * Values paths of ServiceAccount settings the caller annotates (`controller.serviceAccount` from
   * `controller.serviceAccount.annotations.…`): for a chart not in CHART_SERVICE_ACCOUNTS, each is a
   * ServiceAccount, named by its `name` value or else known only at render time.
   */
  annotatedPaths?: readonly (readonly string[])[]
  location: Location
  span: { fromLine: number; toLine: number }
  terraform: TerraformResourceRef
}

/** A ServiceAccount a release creates, and how its name was found. */
export interface ReleaseServiceAccount {
  name: Value
  namespace: Value
  /** `explicit`: a `…serviceAccount.name` value; `fixed`: the chart's fixed default (or one values known only at apply time may set); `release`: the chart's fullname of the release. */
  naming: 'explicit' | 'fixed' | 'release'
  /** The values path of its settings (`serviceAccount`, `controller.serviceAccount`). */
  path: readonly string[]
}

/** Records the ServiceAccounts the release's chart creates (CHART_SERVICE_ACCOUNTS, else an explicit `serviceAccount.name` only). */
export function addReleaseServiceAccounts(sink: FactSink, release: HelmReleaseValues): ReleaseServiceAccount[] {
  const { chart, values } = release
  const lookup = (path: readonly string[]): HclValue | undefined => valueAt(values, path)
  const text = (path: readonly string[]): string | undefined => {
    const found = lookup(path)
    return found ? scalarString(found) : undefined
  }
  const added: ReleaseServiceAccount[] = []
  const specs = chart ? CHART_SERVICE_ACCOUNTS[chartName(chart)] : undefined
  // A chart not in the table may create ServiceAccounts under names its templates decide.
  if (chart && specs) reportUnreadValues(sink, chart, release)
  if (!specs || CHARTS_WITH_UNMODELLED_SERVICE_ACCOUNTS.has(chartName(chart ?? '')))
    (sink.facts.serviceAccountCreators ??= []).push({
      source: 'terraform',
      label: release.terraform.address,
      location: release.location,
      text: creatorText(printValue(values)),
      terraform: release.terraform,
    })
  const annotated = new Map((release.annotatedPaths ?? []).map((path) => [path.join('.'), path]))
  const unknownChart: ChartServiceAccount[] = [
    EXPLICIT_ONLY,
    ...[...annotated]
      .filter(([key]) => key !== EXPLICIT_ONLY.path.join('.'))
      .map(([, path]) => ({ path, defaultName: { fixed: '' } })),
  ]
  const runningAsDefault = chart ? settingsRunningAsDefault(chart, release.version) : []
  for (const spec of specs ?? unknownChart) {
    const create = lookup(spec.createPath ?? [...spec.path, 'create'])
    if (create && ((create.kind === 'bool' && !create.value) || scalarString(create) === 'false')) {
      if (runningAsDefault.includes(spec)) addReleaseRunningAsDefault(sink, release, spec)
      continue
    }
    const explicit = present(lookup([...spec.path, 'name']))
    let name: Value | undefined
    let naming: ReleaseServiceAccount['naming'] = 'fixed'
    let location: Location = release.location
    if (explicit && scalarString(explicit) !== '') {
      name = toFactValue(explicit)
      naming = 'explicit'
      location = explicit.location
    } else if (release.valuesKnown === false) {
      if (specs) name = symbolic(`${release.terraform.address}:${spec.path.join('.')}.name`, release.releaseLocation)
    } else if ('fixed' in spec.defaultName) {
      if (spec.defaultName.fixed !== '') name = known(spec.defaultName.fixed, release.location)
    } else if (chart) {
      const releaseName = release.release ? scalarString(release.release) : undefined
      const derived = releaseName !== undefined ? releaseDerivedName(spec, releaseName, chart, text) : undefined
      naming = 'release'
      name =
        derived !== undefined
          ? known(derived, release.releaseLocation)
          : symbolic(`${release.terraform.address}:${spec.path.join('.')}.name`, release.releaseLocation)
    }
    if (!name && !specs && annotated.has(spec.path.join('.'))) {
      name = symbolic(`${release.terraform.address}:${spec.path.join('.')}.name`, release.releaseLocation)
    }
    if (!name) {
      if (chart)
        recordUnknownChart(
          sink,
          chart,
          annotationsOf(present(lookup([...spec.path, 'annotations'])), 'annotations'),
          release.terraform,
        )
      continue
    }
    const namespace = settingsNamespace(release, spec)
    addServiceAccount(sink, {
      name,
      namespace,
      location,
      annotations:
        spec.annotated === false ? [] : annotationsOf(present(lookup([...spec.path, 'annotations'])), 'annotations'),
      labels: annotationsOf(present(lookup([...spec.path, 'labels'])), 'labels'),
      span: release.span,
      terraform: release.terraform,
    })
    added.push({ name, namespace, naming, path: spec.path })
  }
  return added
}

/** The release's namespace, or the chart's namespace override. */
function settingsNamespace(release: HelmReleaseValues, spec: ChartServiceAccount): Value {
  const override = spec.namespacePath ? toFactValue(present(valueAt(release.values, spec.namespacePath))) : undefined
  return override && !(override.kind === 'known' && override.value === '') ? override : release.namespace
}

/** `create: false`, no name and a role-arn annotation for a chart that then runs its pods as `default`. */
function addReleaseRunningAsDefault(sink: FactSink, release: HelmReleaseValues, spec: ChartServiceAccount): void {
  if (release.valuesKnown === false || release.valuesComplete === false || !release.chart) return
  const name = present(valueAt(release.values, [...spec.path, 'name']))
  if (name && scalarString(name) !== '') return
  const annotations = annotationsOf(present(valueAt(release.values, [...spec.path, 'annotations'])), 'annotations')
  const roleArn = annotations.find((annotation) => annotation.key === ROLE_ARN_ANNOTATION)
  if (!roleArn || (roleArn.value.kind === 'known' && roleArn.value.value.trim() === '')) return
  const releaseName = release.release ? scalarString(release.release) : undefined
  ;(sink.facts.releasesRunningAsDefault ??= []).push({
    source: 'terraform',
    label: releaseName !== undefined ? `helm release ${releaseName}` : release.terraform.address,
    chart: chartName(release.chart),
    path: spec.path.join('.'),
    namespace: settingsNamespace(release, spec),
    roleArn: roleArn.value,
    location: roleArn.keyLocation,
    terraform: release.terraform,
  })
}

/**
 * `serviceAccount.name` or its role-arn annotation set for a modelled chart that reads its
 * ServiceAccount settings elsewhere (cluster-autoscaler's `rbac.serviceAccount`): the value has no effect.
 */
function reportUnreadValues(sink: FactSink, chart: string, release: HelmReleaseValues): void {
  const releaseName = release.release ? scalarString(release.release) : undefined
  const label = releaseName !== undefined ? `helm release ${releaseName}` : release.terraform.address
  for (const { path, keyLocation } of leafPaths(release.values, [], 0)) {
    const unread = unreadServiceAccountValue(chart, path)
    if (!unread) continue
    sink.findings.push({
      ruleId: 'helm-value-path-unused',
      location: keyLocation,
      message: unreadMessage(label, chartName(chart), path, unread.reads),
      key: `${release.terraform.address} value:${path.join('.')}`,
    })
  }
}

/** Every path to a leaf value of the release's values, with the location of its last key. */
function leafPaths(
  value: HclValue,
  path: readonly string[],
  depth: number,
): { path: string[]; keyLocation: Location }[] {
  if (value.kind !== 'object' || depth > 8) return []
  const leaves: { path: string[]; keyLocation: Location }[] = []
  for (const entry of value.entries) {
    if (entry.keyValue) continue
    const next = [...path, entry.key]
    if (entry.value.kind === 'object' && entry.value.entries.length > 0)
      leaves.push(...leafPaths(entry.value, next, depth + 1))
    else leaves.push({ path: next, keyLocation: entry.keyLocation })
  }
  return leaves
}

/**
 * A release of a chart whose ServiceAccount naming irsa-guard does not know, given a role-arn
 * annotation: the ServiceAccount exists but its name does not (the coverage reports the chain).
 */
function recordUnknownChart(
  sink: ResourceContext['sink'],
  chart: string,
  annotations: readonly Annotation[],
  terraform: TerraformResourceRef,
): void {
  const roleArn = annotations.find((annotation) => annotation.key === ROLE_ARN_ANNOTATION)
  if (!roleArn) return
  sink.facts.unknownCharts.push({
    source: 'terraform',
    location: roleArn.keyLocation,
    chart,
    roleArn: roleArn.value,
    terraform,
  })
}

/** The eks.amazonaws.com annotations the EKS webhook reads from a ServiceAccount. */
const WEBHOOK_ANNOTATIONS: ReadonlySet<string> = new Set([
  ROLE_ARN_ANNOTATION,
  AUDIENCE_ANNOTATION,
  STS_REGIONAL_ENDPOINTS_ANNOTATION,
  TOKEN_EXPIRATION_ANNOTATION,
])

/**
 * `set { name = "serviceAccount.annotations.eks.amazonaws.com/role-arn" }` without `\\.`: Helm
 * splits a set name at every unescaped dot (helm v3 pkg/strvals/parser.go), so the chart gets
 * nested maps under `annotations` instead of the annotation (sources/shell reports `--set` alike).
 */
export function reportUnescapedAnnotationKeys(sink: FactSink, sets: readonly HelmSet[], address: string): void {
  for (const set of sets) {
    const written = set.name ? scalarString(set.name) : undefined
    if (written === undefined) continue
    const path = setPath(written)
    const at = path.lastIndexOf('annotations', path.length - 3)
    if (at < 0) continue
    const meant = path.slice(at + 1).join('.')
    if (!WEBHOOK_ANNOTATIONS.has(meant)) continue
    const escapedPath = [...path.slice(0, at + 1), meant].map((key) => key.replace(/\./g, '\\.')).join('.')
    // In HCL a backslash is itself escaped: "eks\\.amazonaws\\.com/role-arn".
    const hclText = `"${escapedPath.replace(/\\/g, '\\\\')}"`
    sink.findings.push({
      ruleId: 'annotation-key-typo',
      location: set.keyLocation,
      message:
        `The set name ${JSON.stringify(written)} of ${address} is split by Helm at every unescaped dot, so the chart gets the nested map ${path.slice(at + 1).join(' → ')} under ${path.slice(0, at + 1).join('.')} instead of the annotation ${meant}: ` +
        `the EKS webhook never sees it (or the API server refuses a map as an annotation value); escape the dots inside the key: name = ${hclText}`,
      key: `${address} set:${written}`,
    })
  }
}

/** One `set`-like value: `name` is a Helm `--set` path. */
export interface HelmSet {
  line: number
  name: HclValue | undefined
  value: HclValue | undefined
  type: HclValue | undefined
  keyLocation: Location
  forceString: boolean
}

/** The `set`, `set_string` and `set_sensitive` of a release, blocks or list form. */
function releaseSets(view: ResourceContext['view']): HelmSet[] {
  const sets: HelmSet[] = []
  for (const kind of ['set', 'set_string', 'set_sensitive']) {
    const forceString = kind === 'set_string'
    for (const block of view.blocks(kind)) {
      sets.push({
        line: block.location.line,
        name: block.value('name'),
        value: block.value('value'),
        type: block.value('type'),
        keyLocation: block.attribute('name')?.location ?? block.location,
        forceString,
      })
    }
    sets.push(...listedSets(present(view.value(kind)), forceString))
  }
  return sets
}

/** `set = [{ name, value, type }, …]` (the helm provider's v3 list form, a module's `set` input). */
export function listedSets(listed: HclValue | undefined, forceString = false): HelmSet[] {
  if (listed?.kind !== 'tuple') return []
  return listed.items.map((item) => {
    const name = objectGet(item, 'name')
    return {
      line: item.location.line,
      name,
      value: objectGet(item, 'value'),
      type: objectGet(item, 'type'),
      keyLocation: name?.location ?? item.location,
      forceString,
    }
  })
}

/** The release's values: `values` documents merged in order, then each `set` applied in the order given. */
export function mergeReleaseValues(
  documents: HclValue | undefined,
  sets: readonly HelmSet[],
  location: Location,
): HclValue {
  let values: HclValue = objectValue([], location)
  if (documents?.kind === 'tuple') {
    for (const item of documents.items) {
      const document = valuesDocument(item)
      if (document?.kind === 'object') values = deepMerge(values, document)
    }
  }
  for (const set of sets) {
    const path = set.name ? scalarString(set.name) : undefined
    if (path === undefined || !set.value) continue
    const asString = set.forceString || (set.type ? scalarString(set.type) === 'string' : false)
    values = setAt(values, setPath(path), helmTyped(set.value, asString), set.keyLocation, 0)
  }
  return values
}

/** A `values` entry: `yamlencode({...})`, a YAML/JSON string (heredoc, `file`, `templatefile`). */
function valuesDocument(item: HclValue): HclValue | undefined {
  if ((item.kind === 'string' || item.kind === 'unknown') && item.document) return item.document
  if (item.kind !== 'string' && item.kind !== 'unknown') return item.kind === 'object' ? item : undefined
  const parsed = documentTree(item, 'yaml')
  return parsed?.root ? treeToValue(parsed.root) : undefined
}

/** `a.b\.c.d` → ['a', 'b.c', 'd'] (Helm `--set` paths escape dots in keys with a backslash). */
export function setPath(path: string): string[] {
  const segments: string[] = []
  let current = ''
  for (let index = 0; index < path.length; index++) {
    const char = path[index]!
    if (char === '\\' && index + 1 < path.length) {
      current += path.charAt(++index)
    } else if (char === '.') {
      segments.push(current)
      current = ''
    } else {
      current += char
    }
  }
  segments.push(current)
  return segments
}

/** `--set` parses `true`/`false` and integers; `--set-string` and `type = "string"` keep text. */
function helmTyped(value: HclValue, asString: boolean): HclValue {
  if (asString || value.kind !== 'string') return value
  if (value.value === 'true' || value.value === 'false') return boolValue(value.value === 'true', value.location)
  if (/^-?\d+$/.test(value.value) && value.value.length < 16) return numberValue(Number(value.value), value.location)
  return value
}

function valueAt(values: HclValue, path: readonly string[]): HclValue | undefined {
  let current: HclValue | undefined = values
  for (const key of path) current = current?.kind === 'object' ? objectGet(current, key) : undefined
  return current
}

function setAt(
  target: HclValue,
  path: readonly string[],
  value: HclValue,
  keyLocation: Location,
  depth: number,
): HclValue {
  const [key, ...rest] = path
  if (key === undefined || depth > 50) return value
  const base = target.kind === 'object' ? target : objectValue([], keyLocation)
  const existing = objectGet(base, key)
  const next =
    rest.length === 0 ? value : setAt(existing ?? objectValue([], keyLocation), rest, value, keyLocation, depth + 1)
  const entries: ObjectEntryValue[] = base.entries.filter((entry) => entry.key !== key || entry.keyValue !== undefined)
  entries.push({ key, keyLocation, value: next })
  return { ...base, entries }
}

function deepMerge(base: HclValue, overlay: HclValue, depth = 0): HclValue {
  if (base.kind !== 'object' || overlay.kind !== 'object' || depth > 50) return overlay
  const entries = [...base.entries]
  for (const entry of overlay.entries) {
    const index = entries.findIndex((other) => other.key === entry.key && !other.keyValue && !entry.keyValue)
    if (index < 0) entries.push(entry)
    else entries[index] = { ...entry, value: deepMerge(entries[index]!.value, entry.value, depth + 1) }
  }
  return { ...base, entries }
}
