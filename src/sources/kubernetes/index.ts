import type {
  Annotation,
  Container,
  EnvVar,
  Facts,
  KubeObject,
  PodVolume,
  SecurityContext,
  ServiceAccount,
  ServiceAccountCreator,
  SelfHostedWebhook,
  ReleaseRunningAsDefault,
  ServiceAccountRef,
  SourceKind,
  VolumeMount,
  Workload,
} from '../../model/facts.js'
import type { SourceFinding } from '../../model/finding.js'
import { formatLocation, type Location } from '../../model/location.js'
import type { Suppression } from '../../model/suppression.js'
import type { ObjectEntry, ObjectNode, TreeNode } from '../../model/tree.js'
import { known, symbolic, type Value, valueOrExpression } from '../../model/value.js'
import { perFileSource, type SourceContext, type SourceFile, type SourceResult } from '../source.js'
import { SUPPRESSION_ANNOTATION, annotationSuppression, commentSuppressions } from '../shared/suppressions.js'
import { parseJsonTree } from '../shared/json-tree.js'
import { keepParts, pathsLookedUpByName, splitManifest } from './manifest-sniff.js'
import { parseYamlTree } from '../shared/yaml-tree.js'
import { fastYamlAccepts } from '../shared/yaml-validate.js'
import { EACH_USER_NAMESPACE, serviceAccountRefField } from './service-account-references.js'
import { creatorText } from '../shared/creator-text.js'
import { errorText } from '../../model/error-text.js'
import {
  APPLY_NAMESPACE,
  AUDIENCE_ANNOTATION,
  ROLE_ARN_ANNOTATION,
  STS_REGIONAL_ENDPOINTS_ANNOTATION,
  TOKEN_EXPIRATION_ANNOTATION,
} from '../../model/kubernetes.js'
import { route53AssumedRoles } from '../cert-manager/route53-roles.js'
import { remoteReleasesRunningAsDefault } from './chart-releases.js'
import { nodeOsOf, podLabelsOf, selfHostedWebhooksOf } from './pod-placement.js'

/** Reads Kubernetes manifests (multi-document YAML, JSON, `List` kinds) into objects, ServiceAccounts and workloads. */
export const kubernetesSource = perFileSource('kubernetes', ['kubernetes'], (file, context) =>
  readKubernetesFile(file, context),
)

const SERVICE_ACCOUNT_ANNOTATION = {
  roleArn: ROLE_ARN_ANNOTATION,
  audience: AUDIENCE_ANNOTATION,
  stsRegionalEndpoints: STS_REGIONAL_ENDPOINTS_ANNOTATION,
  tokenExpiration: TOKEN_EXPIRATION_ANNOTATION,
} as const

/** Kinds whose pods come from `spec.template` (plus any kind that has `spec.template.spec.containers`). */
export const TEMPLATE_WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'ReplicationController',
])
const MAX_LIST_DEPTH = 8

/**
 * Reads a manifest. With `context.sniff` true, the documents
 * no rule can care about are not parsed (see manifest-sniff.ts); the file is read whole again
 * when a rule will look up one of its objects by name.
 */
export function readKubernetesFile(file: SourceFile, context?: Pick<SourceContext, 'sniff'>): SourceResult {
  const kept = sniffing(file, context) ? relevantText(file.text) : undefined
  if (kept !== undefined) {
    const result = readManifest(file, kept)
    if (pathsLookedUpByName(result.facts).size === 0) return result
  }
  return readManifest(file, file.text)
}

function readManifest(file: SourceFile, parsedText: string | null): SourceResult {
  const reader = new ManifestReader(file)
  try {
    reader.read(parsedText)
  } catch (error) {
    reader.findings.push({
      ruleId: 'parse-error',
      location: { path: file.path, line: 1, column: 1 },
      message: `Cannot read ${file.path}: ${errorText(error)}`,
    })
  }
  return { facts: reader.facts(), findings: reader.findings, suppressions: reader.suppressions }
}

function sniffing(file: SourceFile, context: Pick<SourceContext, 'sniff'> | undefined): boolean {
  return context?.sniff === true && !isJsonPath(file.path)
}

/**
 * The text to parse when some documents need not be: the others blanked out, or null when none
 * is needed. Undefined when every document is needed or the file must be read whole: also when
 * the fast check cannot vouch for the documents left out, so that their syntax errors are
 * reported as the yaml package words and places them.
 */
function relevantText(text: string): string | null | undefined {
  const parts = splitManifest(text)
  if (!parts || parts.every((part) => part.relevant)) return undefined
  if (!fastYamlAccepts(keepParts(text, parts, (part) => !part.relevant))) return undefined
  if (!parts.some((part) => part.relevant)) return null
  return keepParts(text, parts, (part) => part.relevant)
}

function isJsonPath(path: string): boolean {
  return /\.json$/i.test(path)
}

/**
 * An object another source has already parsed and transformed (a Kustomize build's output, a
 * chart's template for one release): its nodes keep the locations of the files that set them.
 */
export interface BuiltObject {
  root: ObjectNode
  /** The file the object itself comes from, and the lines it spans there (what its irsa-guard.io/ignore annotation covers). */
  path: string
  fromLine: number
  toLine: number
}

/**
 * Reads built objects into facts of `source`, as `readKubernetesFile` reads a manifest (without
 * re-reporting the files' own syntax problems). `textOf` gives the text of any file a node
 * points into, for values that are not scalars.
 */
export function readKubernetesObjects(
  objects: readonly BuiltObject[],
  source: SourceKind,
  textOf: (path: string) => string | undefined,
  substitutions: DeployTimeSubstitutions = {},
): SourceResult {
  const reader = new ManifestReader({ path: '', kind: 'kubernetes', text: '' }, source, textOf, substitutions)
  for (const object of objects) {
    try {
      reader.readBuilt(object)
    } catch (error) {
      reader.findings.push({
        ruleId: 'parse-error',
        location: object.root.location,
        message: `Cannot read the object at ${formatLocation(object.root.location)}: ${errorText(error)}`,
      })
    }
  }
  return { facts: reader.facts(), findings: reader.findings, suppressions: reader.suppressions }
}

/**
 * A manifest parsed once for a source that transforms its objects before reading them (a
 * Kustomize build): the objects as trees (List items expanded), with the file's own findings
 * (syntax, duplicate keys) and comment suppressions. `readKubernetesObjects` reads the result.
 */
export function parseKubernetesFile(file: SourceFile, options: { sniff?: boolean } = {}): ParsedKubernetesFile {
  const kept = options.sniff === true && !isJsonPath(file.path) ? relevantText(file.text) : undefined
  const reader = new ManifestReader(file)
  reader.collected = []
  try {
    reader.read(kept === undefined ? file.text : kept)
  } catch (error) {
    reader.findings.push({
      ruleId: 'parse-error',
      location: { path: file.path, line: 1, column: 1 },
      message: `Cannot read ${file.path}: ${errorText(error)}`,
    })
  }
  return {
    objects: reader.collected,
    findings: reader.findings,
    suppressions: reader.suppressions,
    everyDocument: reader.parsedWhole,
  }
}

export interface ParsedKubernetesFile {
  objects: BuiltObject[]
  findings: SourceFinding[]
  suppressions: Suppression[]
  /** False when documents that no rule can care about were left unparsed (parseKubernetesFile's `sniff`). */
  everyDocument: boolean
}

interface ObjectSpan {
  fromLine: number
  toLine: number
  /** The object's own file, when it is not the file being read (a built object). */
  path?: string
}

class ManifestReader {
  readonly objects: KubeObject[] = []
  readonly serviceAccounts: ServiceAccount[] = []
  readonly workloads: Workload[] = []
  readonly creators: ServiceAccountCreator[] = []
  readonly webhooks: SelfHostedWebhook[] = []
  readonly releasesRunningAsDefault: ReleaseRunningAsDefault[] = []
  readonly findings: SourceFinding[] = []
  readonly suppressions: Suppression[] = []
  private fileLines: string[] | undefined
  private readonly otherLines = new Map<string, string[]>()
  private reportDuplicates = true
  /** Set: objects are collected as trees (parseKubernetesFile), not read into facts. */
  collected: BuiltObject[] | undefined
  /** Every document of the file was parsed. */
  parsedWhole = true

  constructor(
    private readonly file: SourceFile,
    private readonly source: SourceKind = 'kubernetes',
    private readonly textOf?: (path: string) => string | undefined,
    private readonly substitutions: DeployTimeSubstitutions = {},
  ) {}

  facts(): Partial<Facts> {
    const facts: Partial<Facts> = {
      objects: this.objects,
      serviceAccounts: this.serviceAccounts,
      workloads: this.workloads,
    }
    if (this.creators.length > 0) facts.serviceAccountCreators = this.creators
    if (this.webhooks.length > 0) facts.selfHostedWebhooks = this.webhooks
    if (this.releasesRunningAsDefault.length > 0) facts.releasesRunningAsDefault = this.releasesRunningAsDefault
    return facts
  }

  /** The file's lines, split when first needed (a value that is not a scalar, a JSON error). */
  private get lines(): string[] {
    this.fileLines ??= this.file.text.split('\n')
    return this.fileLines
  }

  readBuilt(object: BuiltObject): void {
    this.reportDuplicates = false
    this.readObjectOrList(object.root, { fromLine: object.fromLine, toLine: object.toLine, path: object.path }, 0)
  }

  /** The lines of the file a node comes from. */
  private linesOf(path: string): string[] {
    if (path === this.file.path || !this.textOf) return this.lines
    let lines = this.otherLines.get(path)
    if (!lines) {
      lines = (this.textOf(path) ?? '').split('\n')
      this.otherLines.set(path, lines)
    }
    return lines
  }

  /** Reads the file, parsing `parsedText` (the file's text with some documents blanked out; null: none to parse). */
  read(parsedText: string | null): void {
    if (isJsonPath(this.file.path)) {
      this.readJson()
      return
    }
    this.suppressions.push(...commentSuppressions(this.file.path, this.file.text, ['#']))
    if (parsedText === null) {
      this.parsedWhole = false
      return
    }
    let tree = parseYamlTree(this.file.path, parsedText, { version: '1.1' })
    // Where a kept document does not parse, the skipped ones may have changed how (an unclosed quote): parse it all.
    if (tree.findings.length > 0 && parsedText !== this.file.text)
      tree = parseYamlTree(this.file.path, this.file.text, { version: '1.1' })
    else this.parsedWhole = parsedText === this.file.text
    this.reportParseErrors(tree.findings)
    for (const document of tree.documents) {
      if (document.root?.kind !== 'object') continue
      this.readObjectOrList(document.root, { fromLine: document.location.line, toLine: document.endLine }, 0)
    }
  }

  /** kubectl decodes a file that starts with `{` as strict JSON. */
  private readJson(): void {
    const parsed = parseJsonTree(this.file.path, this.file.text)
    if (!parsed.ok) {
      this.findings.push(
        withRelevance(
          {
            ruleId: 'parse-error',
            location: this.withinText(parsed.location),
            message: `Cannot parse JSON: ${parsed.message}; nothing in this file was checked`,
          },
          this.file.text,
        ),
      )
      return
    }
    if (parsed.root.kind === 'object')
      this.readObjectOrList(parsed.root, { fromLine: parsed.root.location.line, toLine: this.lines.length }, 0)
  }

  /** A location past the last character written (end of file) moves back onto that character. */
  private withinText(location: Location): Location {
    const rest = [
      this.lines[location.line - 1]?.slice(location.column - 1) ?? '',
      ...this.lines.slice(location.line),
    ].join('')
    if (rest.trim() !== '') return location
    for (let index = Math.min(location.line, this.lines.length) - 1; index >= 0; index -= 1) {
      const line = this.lines[index]!.trimEnd()
      if (line !== '') return { path: location.path, line: index + 1, column: line.length }
    }
    return location
  }

  private reportParseErrors(errors: readonly SourceFinding[]): void {
    if (errors.length === 0) return
    if (this.file.text.includes('{{')) {
      const first = errors[0]!
      this.findings.push(
        withRelevance(
          {
            ...first,
            message: `${first.message}; the file holds template expressions ({{ }}), so scan the rendered manifests (helm template, envsubst) or exclude the template`,
          },
          this.file.text,
        ),
      )
      return
    }
    for (const error of errors)
      this.findings.push(
        withRelevance(
          { ...error, message: `${error.message}; nothing in this document was checked` },
          documentTextAt(this.lines, error.location.line),
        ),
      )
  }

  private readObjectOrList(node: ObjectNode, span: ObjectSpan, depth: number): void {
    const kind = text(last(node, 'kind'))
    if (kind === undefined) return
    const items = last(node, 'items')
    if (kind.endsWith('List') && items?.kind === 'array' && depth < MAX_LIST_DEPTH) {
      for (const item of items.items) {
        if (item.kind !== 'object') continue
        this.readObjectOrList(
          item,
          { fromLine: item.location.line, toLine: item.endLine ?? item.location.line },
          depth + 1,
        )
      }
      return
    }
    this.readObject(node, kind, span)
  }

  private readObject(node: ObjectNode, kind: string, span: ObjectSpan): void {
    if (this.reportDuplicates) this.reportDuplicateKeys(node, span)
    if (this.collected) {
      this.collected.push({ root: node, path: this.file.path, fromLine: span.fromLine, toLine: span.toLine })
      return
    }
    const apiVersion = text(last(node, 'apiVersion')) ?? ''
    const metadata = last(node, 'metadata')
    const nameEntry = lastEntry(metadata, 'name')
    const location = nameEntry?.keyLocation ?? lastEntry(node, 'metadata')?.keyLocation ?? node.location
    const name = nameValue(nameEntry?.value, metadata, location)
    const namespace = namespaceValue(last(metadata, 'namespace'), location)
    const annotations = this.annotationsOf(last(metadata, 'annotations'), 'annotations')
    const labels = this.annotationsOf(last(metadata, 'labels'), 'labels')
    const pod = podOf(node, kind)
    const templateMetadata = pod?.templateMetadata
    const templateAnnotations = [
      ...this.annotationsOf(last(templateMetadata, 'annotations'), 'template-annotations'),
      ...this.annotationsOf(last(templateMetadata, 'labels'), 'template-labels'),
    ]
    const object: KubeObject = {
      source: this.source,
      apiVersion,
      kind,
      name,
      namespace,
      location,
      annotations: [...annotations, ...labels, ...templateAnnotations],
    }
    const serviceAccountRef = serviceAccountRefOf(node, apiVersion, kind, namespace)
    if (serviceAccountRef) object.serviceAccountRef = serviceAccountRef
    const assumedRoles = route53AssumedRoles(node, apiVersion, kind)
    if (assumedRoles.length > 0) object.assumedRoles = assumedRoles
    this.objects.push(object)
    if (isChartRelease(apiVersion, kind)) {
      const text = this.valueText(node)
      this.creators.push({
        source: this.source,
        label: `${kind} ${valueOrExpression(name)}`,
        location,
        text: creatorText(text.kind === 'known' ? text.value : text.expression),
      })
      const fileText = (path: string): string | undefined =>
        path === this.file.path ? this.file.text : this.textOf?.(path)
      const remote = remoteReleasesRunningAsDefault(node, apiVersion, kind, this.source, fileText)
      for (const release of remote.found) this.releasesRunningAsDefault.push(release)
      for (const finding of remote.findings) this.findings.push(finding)
    }
    this.readSuppression(annotations, span)

    if (kind === 'ServiceAccount' && apiVersion === 'v1') {
      const replaced = this.substitutions.replacedAnnotations ? annotations.map(replacedByKustomize) : annotations
      const serviceAccount = serviceAccountFact(this.source, namespace, name, location, replaced)
      const comment =
        serviceAccount.roleArn?.kind === 'known'
          ? this.replaceComment(serviceAccount.roleArn.location, span)
          : undefined
      if (comment) serviceAccount.roleArnReplaceComment = comment
      this.serviceAccounts.push(serviceAccount)
    }
    const crossplane = crossplaneServiceAccount(node, kind, apiVersion, name, location)
    if (crossplane) {
      const carried =
        crossplane.annotations === 'metadata' ? annotations : this.annotationsOf(crossplane.annotations, 'annotations')
      const serviceAccount = serviceAccountFact(
        this.source,
        symbolic(CROSSPLANE_NAMESPACE, location),
        crossplane.name,
        location,
        carried,
      )
      const comment =
        serviceAccount.roleArn?.kind === 'known'
          ? this.replaceComment(serviceAccount.roleArn.location, span)
          : undefined
      if (comment) serviceAccount.roleArnReplaceComment = comment
      this.serviceAccounts.push(serviceAccount)
    }

    if (pod?.spec.kind === 'object') {
      const workload: Workload = {
        source: this.source,
        kind,
        name,
        namespace,
        location,
        containers: this.containersOf(pod.spec),
      }
      this.readPodSettings(pod.spec, workload)
      const serviceAccountName = lastEntry(pod.spec, 'serviceAccountName') ?? lastEntry(pod.spec, 'serviceAccount')
      const serviceAccountValue = serviceAccountName ? referenceValue(serviceAccountName.value) : undefined
      if (serviceAccountValue) workload.serviceAccountName = serviceAccountValue
      const nodeOs = nodeOsOf(pod.spec)
      if (nodeOs) workload.nodeOs = nodeOs
      const podLabels = podLabelsOf(last(kind === 'Pod' ? metadata : templateMetadata, 'labels'))
      if (podLabels.length > 0) workload.podLabels = podLabels
      this.workloads.push(workload)
      for (const webhook of selfHostedWebhooksOf(pod.spec, this.source)) this.webhooks.push(webhook)
    }
  }

  /** The effective map (kubectl keeps the last of duplicate keys); values as written. */
  private annotationsOf(node: TreeNode | undefined, where: Annotation['where']): Annotation[] {
    if (node?.kind !== 'object') return []
    const effective = new Map<string, ObjectEntry>()
    for (const item of node.entries) {
      effective.delete(item.key)
      effective.set(item.key, item)
    }
    return [...effective.values()].map((item) => {
      const annotation: Annotation = {
        key: item.key,
        keyLocation: item.keyLocation,
        value: deployTimeValue(this.valueText(item.value), this.substitutions),
        where,
      }
      const valueKind = nonStringKind(item.value)
      if (valueKind) annotation.valueKind = valueKind
      return annotation
    })
  }

  /** A comment from the object's first line down to the value's line that says to replace, fill in or set the value. */
  private replaceComment(value: Location, span: ObjectSpan): Location | undefined {
    if (span.path !== undefined && span.path !== value.path) return undefined
    const lines = this.linesOf(value.path)
    for (let line = value.line; line >= Math.max(1, span.fromLine); line -= 1) {
      const text = lines[line - 1] ?? ''
      const hash = line === value.line ? text.indexOf(' #', value.column) : text.search(/^\s*#/)
      if (hash === -1) continue
      const comment = text.slice(hash).replace(/^\s*#\s*/, '')
      if (REPLACE_INSTRUCTION.test(comment))
        return {
          path: value.path,
          line,
          column: hash + 1 + (text.slice(hash).length - text.slice(hash).trimStart().length),
        }
    }
    return undefined
  }

  private readSuppression(annotations: readonly Annotation[], span: ObjectSpan): void {
    const annotation = annotations.find((candidate) => candidate.key === SUPPRESSION_ANNOTATION)
    if (!annotation) return
    const value = valueOrExpression(annotation.value)
    // Set from another file (a Kustomize patch): it covers the object's lines in the object's own file.
    const location =
      span.path === undefined || annotation.value.location.path === span.path
        ? annotation.value.location
        : { path: span.path, line: span.fromLine, column: 1 }
    this.suppressions.push(annotationSuppression(value, location, span.fromLine, span.toLine))
  }

  private containersOf(podSpec: ObjectNode): Container[] {
    const containers: Container[] = []
    for (const [field, init] of [
      ['initContainers', true],
      ['containers', false],
    ] as const) {
      const list = last(podSpec, field)
      if (list?.kind !== 'array') continue
      for (const item of list.items) {
        if (item.kind !== 'object') continue
        const container: Container = {
          name: text(last(item, 'name')) ?? '',
          init,
          location: item.location,
          env: this.envOf(last(item, 'env')),
        }
        if (last(item, 'envFrom') !== undefined) container.envFrom = true
        const restartPolicy = init ? last(item, 'restartPolicy') : undefined
        const restartPolicyValue = restartPolicy ? referenceValue(restartPolicy) : undefined
        if (restartPolicyValue) container.restartPolicy = restartPolicyValue
        const volumeMounts = volumeMountsOf(last(item, 'volumeMounts'))
        if (volumeMounts.length > 0) container.volumeMounts = volumeMounts
        const securityContext = securityContextOf(lastEntry(item, 'securityContext'))
        if (securityContext) container.securityContext = securityContext
        containers.push(container)
      }
    }
    return containers
  }

  /** Volumes, `hostNetwork` and the pod's `securityContext`: what the pod-side IRSA rules read. */
  private readPodSettings(podSpec: ObjectNode, workload: Workload): void {
    const volumes = volumesOf(last(podSpec, 'volumes'))
    if (volumes.length > 0) workload.volumes = volumes
    const hostNetwork = lastEntry(podSpec, 'hostNetwork')
    if (hostNetwork?.value.kind === 'scalar' && text(hostNetwork.value) === 'true')
      workload.hostNetwork = hostNetwork.keyLocation
    const securityContext = securityContextOf(lastEntry(podSpec, 'securityContext'))
    if (securityContext) workload.securityContext = securityContext
  }

  private envOf(node: TreeNode | undefined): EnvVar[] {
    if (node?.kind !== 'array') return []
    const env: EnvVar[] = []
    for (const item of node.items) {
      if (item.kind !== 'object') continue
      const nameNode = last(item, 'name')
      const name = text(nameNode)
      if (name === undefined || !nameNode) continue
      const variable: EnvVar = { name, location: nameNode.location }
      const valueFrom = last(item, 'valueFrom')
      const value = last(item, 'value')
      if (valueFrom) {
        variable.fromSecret = last(valueFrom, 'secretKeyRef') !== undefined
      } else {
        variable.value = value ? this.valueText(value) : known('', nameNode.location)
      }
      env.push(variable)
    }
    return env
  }

  /** A scalar's text; for a list or map (not valid where Kubernetes wants a string), its source lines. */
  private valueText(node: TreeNode): Value {
    if (node.kind === 'scalar') return node.value
    const from = node.location.line
    const to = node.endLine ?? from
    const lines = this.linesOf(node.location.path)
    const source = [lines[from - 1]?.slice(node.location.column - 1) ?? '', ...lines.slice(from, to)].join('\n').trim()
    return known(source, node.location)
  }

  private reportDuplicateKeys(root: ObjectNode, span: ObjectSpan): void {
    const reported = new Set<string>()
    let irsaDocument: boolean | undefined
    const holdsIrsaContent = (): boolean =>
      (irsaDocument ??= IRSA_CONTENT.test(this.lines.slice(span.fromLine - 1, span.toLine).join('\n')))
    const visit = (node: TreeNode, depth: number, onIrsaPath: boolean, inAnnotations: boolean): void => {
      if (depth > 250) return
      if (node.kind === 'array') {
        for (const item of node.items) visit(item, depth + 1, onIrsaPath, false)
        return
      }
      if (node.kind !== 'object') return
      const first = new Map<string, ObjectEntry>()
      for (const item of node.entries) {
        const earlier = first.get(item.key)
        if (earlier) {
          const at = `${item.keyLocation.line}:${item.keyLocation.column}`
          if (!reported.has(at)) {
            reported.add(at)
            const finding: SourceFinding = {
              ruleId: 'parse-error',
              location: item.keyLocation,
              message: `Duplicate key "${item.key}" (first at ${formatLocation(earlier.keyLocation)}): kubectl apply -f silently keeps the last value while kustomize and Flux reject the file; keep one of them`,
              key: `duplicate-key:${item.key}`,
            }
            // A duplicate where no IRSA fact is read (a ConfigMap's data, a SparkApplication's sparkConf) is hygiene, not IRSA.
            if (!(onIrsaPath && (inAnnotations || IRSA_PATH_KEYS.has(item.key)) && holdsIrsaContent()))
              finding.level = 'note'
            this.findings.push(finding)
          }
        } else {
          first.set(item.key, item)
        }
        visit(
          item.value,
          depth + 1,
          onIrsaPath && (inAnnotations || IRSA_PATH_KEYS.has(item.key)),
          isAnnotationMap(item.key),
        )
      }
    }
    visit(root, 0, true, false)
  }
}

/** A comment telling whoever applies the manifest to put their own value in (`Replace <ACCOUNT_ID> with your AWS account ID`, `TODO: set your role`). */
const REPLACE_INSTRUCTION =
  /\b(replace|substitute|fill in|change|update|edit|set)\b.*\b(your|account|role|arn|value|placeholder|id)\b|\b(your|own)\b.*\b(account|role arn|role)\b/i

/**
 * Text that holds IRSA content: an EKS annotation, a role ARN, a ServiceAccount, a workload naming
 * one, the IRSA environment, a web-identity trust. A parse error elsewhere is a note.
 */
const IRSA_CONTENT =
  /eks\.amazonaws\.com\/|role[-_]?arn|\bkind\s*:\s*["']?ServiceAccount\b|\bserviceAccount(Name)?["']?\s*:|AssumeRoleWithWebIdentity|oidc-provider|AWS_ROLE_ARN|AWS_WEB_IDENTITY_TOKEN_FILE|irsa-guard/i

/** Keys on the way from an object's root to what the IRSA rules read; a duplicate anywhere else changes no IRSA fact. */
const IRSA_PATH_KEYS: ReadonlySet<string> = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'namespace',
  'annotations',
  'labels',
  'spec',
  'template',
  'jobTemplate',
  'items',
  'serviceAccountName',
  'serviceAccount',
  'containers',
  'initContainers',
  'env',
  'value',
  'valueFrom',
  'serviceAccountTemplate',
])

function isAnnotationMap(key: string): boolean {
  return key === 'annotations' || key === 'labels'
}

function withRelevance(finding: SourceFinding, text: string): SourceFinding {
  return IRSA_CONTENT.test(text) ? finding : { ...finding, level: 'note' }
}

/** The text of the YAML document (between `---` lines) that holds a line. */
function documentTextAt(lines: readonly string[], line: number): string {
  let from = line - 1
  while (from > 0 && !/^(---|\.\.\.)(\s|$)/.test(lines[from]!)) from -= 1
  let to = line
  while (to < lines.length && !/^(---|\.\.\.)(\s|$)/.test(lines[to]!)) to += 1
  return lines.slice(from, to).join('\n')
}

/** What replaces values of the objects after irsa-guard reads them, besides the shell variables every manifest may hold. */
export interface DeployTimeSubstitutions {
  /** A kustomize build that declares `vars` and a varReference `configurations` file: `$(NAME)` in an annotation may be replaced. */
  kustomizeVars?: boolean
  /** A kustomize build whose `replacements` may write annotations: the role-arn annotation is whatever they write. */
  replacedAnnotations?: boolean
}

/**
 * `${VAR}` or `$VAR` in a manifest is a shell variable: the manifest goes through envsubst, a
 * shell heredoc or Flux's postBuild substitution before it is applied, so its value only exists
 * then. Such a value is symbolic: unknown, never wrong by itself.
 */
const SHELL_VARIABLE = /\$\{[A-Za-z_][A-Za-z0-9_]*(?:[:?=+-][^}]*)?\}|\$[A-Za-z_][A-Za-z0-9_]*/
const KUSTOMIZE_VAR = /\$\([A-Za-z_][A-Za-z0-9_.-]*\)/

function deployTimeValue(value: Value, substitutions: DeployTimeSubstitutions): Value {
  if (value.kind !== 'known') return value
  if (SHELL_VARIABLE.test(value.value) || (substitutions.kustomizeVars === true && KUSTOMIZE_VAR.test(value.value)))
    return symbolic(value.value.trim(), value.location)
  return value
}

function replacedByKustomize(annotation: Annotation): Annotation {
  if (annotation.key !== SERVICE_ACCOUNT_ANNOTATION.roleArn || annotation.value.kind !== 'known') return annotation
  return {
    ...annotation,
    value: symbolic(`kustomize-replacement(${annotation.value.value.trim()})`, annotation.value.location),
  }
}

function serviceAccountFact(
  source: SourceKind,
  namespace: Value,
  name: Value,
  location: Location,
  annotations: Annotation[],
): ServiceAccount {
  const byKey = new Map(annotations.map((annotation) => [annotation.key, annotation.value]))
  const serviceAccount: ServiceAccount = { source, namespace, name, location, annotations }
  const roleArn = byKey.get(SERVICE_ACCOUNT_ANNOTATION.roleArn)
  const audience = byKey.get(SERVICE_ACCOUNT_ANNOTATION.audience)
  const stsRegionalEndpoints = byKey.get(SERVICE_ACCOUNT_ANNOTATION.stsRegionalEndpoints)
  const tokenExpiration = byKey.get(SERVICE_ACCOUNT_ANNOTATION.tokenExpiration)
  if (roleArn) serviceAccount.roleArn = roleArn
  if (audience) serviceAccount.audience = audience
  if (stsRegionalEndpoints) serviceAccount.stsRegionalEndpoints = stsRegionalEndpoints
  if (tokenExpiration) serviceAccount.tokenExpiration = tokenExpiration
  return serviceAccount
}

/** The namespace Crossplane runs in (crossplane-system by default, but chosen when it is installed): its provider ServiceAccounts go there. */
export const CROSSPLANE_NAMESPACE = 'crossplane-namespace'

/**
 * The ServiceAccount Crossplane makes for a provider from its runtime configuration. A
 * ControllerConfig (pkg.crossplane.io/v1alpha1) lends it its own metadata.annotations, and
 * spec.serviceAccountName names it (crossplane v1.13.0
 * internal/controller/pkg/revision/deployment.go, buildProviderDeployment: `s.Annotations =
 * cc.Annotations`). A DeploymentRuntimeConfig (pkg.crossplane.io/v1beta1) gives
 * spec.serviceAccountTemplate.metadata's annotations and name (crossplane v2.4
 * internal/controller/pkg/runtime/runtime_defaults.go serviceAccountFromRuntimeConfig). Unnamed,
 * the ServiceAccount takes the name of the provider revision (`<provider>-<hash>`,
 * runtime.go ServiceAccountWithOptionalName(b.revision.GetName())), which only exists once
 * installed; it always lives in Crossplane's own namespace (ServiceAccountWithNamespace).
 */
function crossplaneServiceAccount(
  node: ObjectNode,
  kind: string,
  apiVersion: string,
  objectName: Value,
  location: Location,
): { name: Value; annotations: TreeNode | undefined | 'metadata' } | undefined {
  if (!apiVersion.startsWith('pkg.crossplane.io/')) return undefined
  const revisionName = (): Value => symbolic(`crossplane-provider-revision(${valueOrExpression(objectName)})`, location)
  if (kind === 'ControllerConfig') {
    const named = last(last(node, 'spec'), 'serviceAccountName')
    return { name: (named ? referenceValue(named) : undefined) ?? revisionName(), annotations: 'metadata' }
  }
  if (kind === 'DeploymentRuntimeConfig') {
    const template = last(last(last(node, 'spec'), 'serviceAccountTemplate'), 'metadata')
    if (!template) return undefined
    const named = last(template, 'name')
    return {
      name: (named ? referenceValue(named) : undefined) ?? revisionName(),
      annotations: last(template, 'annotations'),
    }
  }
  return undefined
}

interface PodOf {
  spec: TreeNode
  templateMetadata?: TreeNode
}

/** Where a kind keeps its pod: a Pod's own spec, a CronJob's job template, or `spec.template`. */
function podOf(node: ObjectNode, kind: string): PodOf | undefined {
  const spec = last(node, 'spec')
  if (kind === 'Pod') return spec ? { spec } : undefined
  const template =
    kind === 'CronJob' ? last(last(last(spec, 'jobTemplate'), 'spec'), 'template') : last(spec, 'template')
  const podSpec = last(template, 'spec')
  if (!podSpec) return undefined
  const isWorkload =
    TEMPLATE_WORKLOAD_KINDS.has(kind) || kind === 'CronJob' || last(podSpec, 'containers')?.kind === 'array'
  if (!isWorkload) return undefined
  const templateMetadata = last(template, 'metadata')
  return templateMetadata ? { spec: podSpec, templateMetadata } : { spec: podSpec }
}

/** Argo CD Applications and ApplicationSets and Flux HelmReleases install charts irsa-guard may not render. */
export function isChartRelease(apiVersion: string, kind: string): boolean {
  const group = apiVersion.split('/')[0]
  return (
    (group === 'argoproj.io' && (kind === 'Application' || kind === 'ApplicationSet')) ||
    (group === 'helm.toolkit.fluxcd.io' && kind === 'HelmRelease')
  )
}

/** The ServiceAccount a custom resource authenticates as (service-account-references.ts). */
function serviceAccountRefOf(
  node: ObjectNode,
  apiVersion: string,
  kind: string,
  objectNamespace: Value,
): ServiceAccountRef | undefined {
  const field = serviceAccountRefField(apiVersion, kind)
  if (!field) return undefined
  let ref: TreeNode | undefined = node
  for (const key of field.path) ref = last(ref, key)
  const nameEntry = lastEntry(ref, 'name')
  const name = nameEntry ? referenceValue(nameEntry.value) : undefined
  if (!nameEntry || !name) return undefined
  const ownNamespace = field.namespace === 'ref' ? last(ref, 'namespace') : undefined
  const namespace =
    field.namespace === 'object'
      ? objectNamespace
      : ((ownNamespace ? referenceValue(ownNamespace) : undefined) ??
        symbolic(EACH_USER_NAMESPACE, nameEntry.keyLocation))
  return { name, namespace, location: nameEntry.keyLocation, field: field.path.join('.') }
}

function volumeMountsOf(node: TreeNode | undefined): VolumeMount[] {
  if (node?.kind !== 'array') return []
  const mounts: VolumeMount[] = []
  for (const item of node.items) {
    const volume = text(last(item, 'name'))
    const mountPath = lastEntry(item, 'mountPath')
    const path = text(mountPath?.value)
    if (volume === undefined || !mountPath || path === undefined) continue
    const subPath = text(last(item, 'subPath'))
    mounts.push({ volume, mountPath: path, location: mountPath.value.location, ...(subPath ? { subPath } : {}) })
  }
  return mounts
}

function volumesOf(node: TreeNode | undefined): PodVolume[] {
  if (node?.kind !== 'array') return []
  const volumes: PodVolume[] = []
  for (const item of node.items) {
    const nameEntry = lastEntry(item, 'name')
    const name = text(nameEntry?.value)
    if (name === undefined || !nameEntry) continue
    const volume: PodVolume = { name, location: nameEntry.keyLocation, serviceAccountTokens: [], stored: [] }
    const addStored = (kind: 'ConfigMap' | 'Secret', source: TreeNode | undefined, nameKey: string): void => {
      const storedName = text(last(source, nameKey))
      if (storedName === undefined) return
      const items = last(source, 'items')
      const paths = items?.kind === 'array' ? items.items.flatMap((each) => text(last(each, 'path')) ?? []) : undefined
      volume.stored.push({ kind, name: storedName, ...(paths ? { paths } : {}) })
    }
    addStored('ConfigMap', last(item, 'configMap'), 'name')
    addStored('Secret', last(item, 'secret'), 'secretName')
    const projected = last(last(item, 'projected'), 'sources')
    if (projected?.kind === 'array') {
      for (const source of projected.items) {
        addStored('ConfigMap', last(source, 'configMap'), 'name')
        addStored('Secret', last(source, 'secret'), 'name')
        const token = last(source, 'serviceAccountToken')
        const path = text(last(token, 'path'))
        if (path === undefined) continue
        const audience = last(token, 'audience')
        volume.serviceAccountTokens.push({
          path,
          // A templated audience stays symbolic: unknown, never "no audience".
          ...(audience?.kind === 'scalar' && audience.type !== 'null' ? { audience: audience.value } : {}),
        })
      }
    }
    volumes.push(volume)
  }
  return volumes
}

function securityContextOf(entry: ObjectEntry | undefined): SecurityContext | undefined {
  if (entry?.value.kind !== 'object') return undefined
  const context: SecurityContext = { location: entry.keyLocation }
  for (const key of ['runAsUser', 'runAsNonRoot', 'fsGroup'] as const) {
    const value = last(entry.value, key)
    if (value?.kind === 'scalar' && value.type !== 'null') context[key] = value.value
  }
  return context
}

function nameValue(node: TreeNode | undefined, metadata: TreeNode | undefined, location: Location): Value {
  const value = node ? referenceValue(node) : undefined
  if (value) return value
  const generateName = text(last(metadata, 'generateName'))
  return symbolic(generateName ? `generated-name:${generateName}` : 'name-of-apply', location)
}

function namespaceValue(node: TreeNode | undefined, location: Location): Value {
  return (node ? referenceValue(node) : undefined) ?? symbolic(APPLY_NAMESPACE, location)
}

/**
 * A name or namespace: known text, or symbolic when it is an unrendered template
 * (`{{ .Release.Namespace }}`, `${NAMESPACE}`) whose value only exists at apply time.
 */
function referenceValue(node: TreeNode): Value | undefined {
  // Another source's tree may hold a value it could not know (a Helm release name, a Kustomize reference into a remote base).
  if (node.kind === 'scalar' && node.value.kind === 'symbolic') return node.value
  const value = text(node)
  if (value === undefined || value === '') return undefined
  if (/\{\{.*\}\}|\$\{[^}]*\}/.test(value)) return symbolic(value.trim(), node.location)
  return known(value, node.location)
}

function nonStringKind(node: TreeNode): Annotation['valueKind'] {
  if (node.kind !== 'scalar') return 'collection'
  if (node.type === 'number' || node.type === 'boolean' || node.type === 'null') return node.type
  return undefined
}

/** The last entry with this key: what kubectl applies when a key is duplicated. */
function lastEntry(node: TreeNode | undefined, key: string): ObjectEntry | undefined {
  if (node?.kind !== 'object') return undefined
  for (let index = node.entries.length - 1; index >= 0; index -= 1) {
    if (node.entries[index]!.key === key) return node.entries[index]
  }
  return undefined
}

function last(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return lastEntry(node, key)?.value
}

/** A scalar's text (numbers and booleans as written), or undefined. */
function text(node: TreeNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.type === 'null') return undefined
  return node.value.kind === 'known' ? node.value.value : undefined
}
