import { posix } from 'node:path'
import type { AwsConfigFile, AwsConfigReader, AwsProfile } from '../../model/facts.js'
import type { Location } from '../../model/location.js'
import { child, scalarText, type ObjectNode, type ScalarNode, type TreeNode } from '../../model/tree.js'
import { sameValue, symbolic, type Value } from '../../model/value.js'
import { mentionsProfiles, parseAwsConfig, type Locate } from './aws-config-ini.js'
import { parseJsonTree } from '../shared/json-tree.js'
import { emptyResult, type Source, type SourceFile, type SourceResult } from '../source.js'
import { parseYamlTree } from '../shared/yaml-tree.js'
import { APPLY_NAMESPACE } from '../../model/kubernetes.js'
import { TEMPLATE_WORKLOAD_KINDS } from '../kubernetes/index.js'

/**
 * AWS shared config files and the pods that read them (the cross-account chain of AWS's guide):
 * `.aws/config` files in the repository, config text in ConfigMap and Secret data and in Helm
 * values, and the workloads that mount such a ConfigMap or Secret where the SDK reads its config
 * (`AWS_CONFIG_FILE`, else a `…/.aws/config` path) or select one of its profiles (`AWS_PROFILE`).
 */
export const awsProfilesSource: Source = {
  name: 'aws-profiles',
  kinds: ['kubernetes', 'aws-config'],
  read(files) {
    const reader = new ProfileReader()
    for (const file of files) {
      if (file.kind === 'aws-config') reader.readConfigFile(file)
      else if (KUBERNETES_MARKERS.test(file.text)) reader.readManifest(file)
    }
    return reader.finish()
  },
}

const KUBERNETES_MARKERS =
  /web_identity_token_file|source_profile|role_arn|aws_access_key_id|AWS_PROFILE|AWS_DEFAULT_PROFILE|AWS_CONFIG_FILE/

/** A ConfigMap or Secret key holding a config file. */
interface StoredConfig {
  kind: 'ConfigMap' | 'Secret'
  namespace: Value
  name: string
  key: string
  file: AwsConfigFile
  profiles: AwsProfile[]
}

interface Mount {
  volume: string
  mountPath: string
  subPath?: string
}

interface VolumeSource {
  kind: 'ConfigMap' | 'Secret'
  name: string
  /** `items`: key → path in the volume; absent means every key under its own name. */
  items?: Map<string, string>
}

interface PodContainer {
  name: string
  location: Location
  env: Map<string, Value>
  mounts: Mount[]
}

interface Pod {
  workload: AwsConfigReader['workload']
  volumes: Map<string, VolumeSource[]>
  containers: PodContainer[]
}

class ProfileReader {
  private readonly result = emptyResult()
  private readonly stored: StoredConfig[] = []
  private readonly repositoryFiles: { file: AwsConfigFile; profiles: AwsProfile[] }[] = []
  private readonly pods: Pod[] = []

  readConfigFile(file: SourceFile): void {
    if (/\.ya?ml$/i.test(file.path)) {
      this.readValuesFile(file)
      return
    }
    const configFile: AwsConfigFile = {
      label: file.path,
      location: { path: file.path, line: 1, column: 1 },
      readers: [],
    }
    const lines = file.text.split(/\r?\n/)
    const locate: Locate = (line, column) => ({
      path: file.path,
      line: line + 1,
      column: column + 1 + (line === 0 && lines[0]?.charCodeAt(0) === 0xfeff ? -1 : 0),
    })
    const profiles = parseAwsConfig(file.text, locate, 'aws-config', configFile)
    this.addProfiles(profiles)
    this.repositoryFiles.push({ file: configFile, profiles })
  }

  /** Helm values (or other YAML) quoting a config file: its profiles, read by no workload the scan can tell. */
  private readValuesFile(file: SourceFile): void {
    const tree = parseYamlTree(file.path, file.text, { version: '1.1' })
    const lines = file.text.split('\n')
    const visit = (node: TreeNode, path: string, depth: number): void => {
      if (depth > 50) return
      if (node.kind === 'object')
        for (const item of node.entries) visit(item.value, path ? `${path}.${item.key}` : item.key, depth + 1)
      else if (node.kind === 'array') node.items.forEach((item, index) => visit(item, `${path}[${index}]`, depth + 1))
      else if (node.type === 'string' && node.value.kind === 'known' && mentionsProfiles(node.value.value)) {
        const configFile: AwsConfigFile = { label: `${file.path} (${path})`, location: node.location, readers: [] }
        this.addProfiles(
          parseAwsConfig(node.value.value, scalarLocator(lines, node, node.value.value), 'helm', configFile),
        )
      }
    }
    for (const document of tree.documents) if (document.root) visit(document.root, '', 0)
  }

  readManifest(file: SourceFile): void {
    const lines = file.text.split('\n')
    const roots: TreeNode[] = []
    if (/\.json$/i.test(file.path)) {
      const parsed = parseJsonTree(file.path, file.text)
      if (parsed.ok) roots.push(parsed.root)
    } else {
      for (const document of parseYamlTree(file.path, file.text, { version: '1.1' }).documents)
        if (document.root) roots.push(document.root)
    }
    for (const root of roots) this.readObject(root, lines, 0)
  }

  private readObject(node: TreeNode, lines: readonly string[], depth: number): void {
    if (node.kind !== 'object' || depth > 8) return
    const kind = scalarText(child(node, 'kind'))
    const items = child(node, 'items')
    if (kind?.endsWith('List') && items?.kind === 'array') {
      for (const item of items.items) this.readObject(item, lines, depth + 1)
      return
    }
    const metadata = child(node, 'metadata')
    const nameNode = child(metadata, 'name')
    const name = scalarText(nameNode)
    const namespaceNode = child(metadata, 'namespace')
    const namespace: Value =
      (namespaceNode?.kind === 'scalar' && scalarText(namespaceNode) ? namespaceNode.value : undefined) ??
      symbolic(APPLY_NAMESPACE, node.location)
    if ((kind === 'ConfigMap' || kind === 'Secret') && name !== undefined) {
      this.readStored(kind, namespace, name, node, lines)
      return
    }
    const spec = child(node, 'spec')
    const template =
      kind === 'CronJob' ? child(child(child(spec, 'jobTemplate'), 'spec'), 'template') : child(spec, 'template')
    const podSpec = kind === 'Pod' ? spec : child(template, 'spec')
    const isWorkload =
      kind === 'Pod' ||
      kind === 'CronJob' ||
      kind === 'Rollout' ||
      TEMPLATE_WORKLOAD_KINDS.has(kind ?? '') ||
      child(podSpec, 'containers')?.kind === 'array'
    if (podSpec?.kind !== 'object' || !isWorkload || kind === undefined) return
    const location = entryLocation(metadata, 'name') ?? node.location
    const workload: AwsConfigReader['workload'] = {
      kind,
      namespace,
      name: nameNode?.kind === 'scalar' ? nameNode.value : symbolic('name-of-apply', location),
      location,
    }
    const serviceAccountName = child(podSpec, 'serviceAccountName') ?? child(podSpec, 'serviceAccount')
    if (serviceAccountName?.kind === 'scalar' && scalarText(serviceAccountName))
      workload.serviceAccountName = serviceAccountName.value
    this.pods.push({ workload, volumes: volumesOf(podSpec), containers: containersOf(podSpec) })
  }

  private readStored(
    kind: 'ConfigMap' | 'Secret',
    namespace: Value,
    name: string,
    node: ObjectNode,
    lines: readonly string[],
  ): void {
    for (const field of kind === 'Secret' ? ['stringData', 'data'] : ['data']) {
      const data = child(node, field)
      if (data?.kind !== 'object') continue
      for (const item of data.entries) {
        if (item.value.kind !== 'scalar' || item.value.value.kind !== 'known') continue
        const encoded = kind === 'Secret' && field === 'data'
        const text = encoded ? decodeBase64(item.value.value.value) : item.value.value.value
        if (text === undefined || !mentionsProfiles(text)) continue
        const where = namespace.kind === 'known' ? `${namespace.value}/${name}` : name
        const configFile: AwsConfigFile = {
          label: `${kind} ${where} key "${item.key}" (${item.keyLocation.path})`,
          location: item.keyLocation,
          readers: [],
        }
        const locate = encoded ? () => item.value.location : scalarLocator(lines, item.value, text)
        const profiles = parseAwsConfig(text, locate, 'kubernetes', configFile)
        this.addProfiles(profiles)
        this.stored.push({ kind, namespace, name, key: item.key, file: configFile, profiles })
      }
    }
  }

  private addProfiles(profiles: AwsProfile[]): void {
    if (profiles.length > 0) (this.result.facts.awsProfiles ??= []).push(...profiles)
  }

  /** Ties each container to the config file its SDK reads. */
  finish(): SourceResult {
    for (const pod of this.pods) {
      for (const container of pod.containers) {
        const profile = container.env.get('AWS_PROFILE') ?? container.env.get('AWS_DEFAULT_PROFILE')
        const reader: AwsConfigReader = {
          workload: pod.workload,
          container: container.name,
          containerLocation: container.location,
          mountPaths: pod.containers.flatMap((each) => each.mounts.map((mount) => mount.mountPath)),
          ...(profile ? { profile } : {}),
        }
        const read = this.mountedConfig(pod, container) ?? this.repositoryConfig(profile)
        if (read) read.readers.push(reader)
      }
    }
    return this.result
  }

  /** The ConfigMap or Secret key mounted where the SDK reads its config: `AWS_CONFIG_FILE`, else a `…/.aws/config` path. */
  private mountedConfig(pod: Pod, container: PodContainer): AwsConfigFile | undefined {
    const configured = container.env.get('AWS_CONFIG_FILE')
    if (configured && configured.kind !== 'known') return undefined
    const wanted = configured?.value
    for (const mount of container.mounts) {
      for (const source of pod.volumes.get(mount.volume) ?? []) {
        for (const stored of this.stored) {
          if (
            stored.kind !== source.kind ||
            stored.name !== source.name ||
            !sameValue(stored.namespace, pod.workload.namespace)
          )
            continue
          const inVolume = source.items ? source.items.get(stored.key) : stored.key
          if (inVolume === undefined) continue
          const path =
            mount.subPath !== undefined
              ? mount.subPath === inVolume
                ? mount.mountPath
                : undefined
              : posix.join(mount.mountPath, inVolume)
          if (path === undefined) continue
          if (wanted !== undefined ? posix.normalize(path) === posix.normalize(wanted) : path.endsWith('/.aws/config'))
            return stored.file
        }
      }
    }
    return undefined
  }

  /** A config file of the repository (baked into the image) that alone defines the profile a container selects. */
  private repositoryConfig(profile: Value | undefined): AwsConfigFile | undefined {
    if (profile?.kind !== 'known') return undefined
    const defining = this.repositoryFiles.filter((candidate) =>
      candidate.profiles.some((each) => each.name === profile.value),
    )
    return defining.length === 1 ? defining[0]!.file : undefined
  }
}

function volumesOf(podSpec: ObjectNode): Map<string, VolumeSource[]> {
  const volumes = new Map<string, VolumeSource[]>()
  const list = child(podSpec, 'volumes')
  if (list?.kind !== 'array') return volumes
  for (const volume of list.items) {
    const name = scalarText(child(volume, 'name'))
    if (name === undefined) continue
    const sources: VolumeSource[] = []
    const add = (kind: VolumeSource['kind'], node: TreeNode | undefined, nameKey: string): void => {
      const sourceName = scalarText(child(node, nameKey))
      if (sourceName === undefined) return
      const items = child(node, 'items')
      const source: VolumeSource = { kind, name: sourceName }
      if (items?.kind === 'array') {
        source.items = new Map(
          items.items.flatMap((item) => {
            const key = scalarText(child(item, 'key'))
            const path = scalarText(child(item, 'path'))
            return key !== undefined && path !== undefined ? [[key, path] as const] : []
          }),
        )
      }
      sources.push(source)
    }
    add('ConfigMap', child(volume, 'configMap'), 'name')
    add('Secret', child(volume, 'secret'), 'secretName')
    const projected = child(child(volume, 'projected'), 'sources')
    if (projected?.kind === 'array') {
      for (const item of projected.items) {
        add('ConfigMap', child(item, 'configMap'), 'name')
        add('Secret', child(item, 'secret'), 'name')
      }
    }
    volumes.set(name, sources)
  }
  return volumes
}

function containersOf(podSpec: ObjectNode): PodContainer[] {
  const containers: PodContainer[] = []
  for (const field of ['initContainers', 'containers']) {
    const list = child(podSpec, field)
    if (list?.kind !== 'array') continue
    for (const item of list.items) {
      if (item.kind !== 'object') continue
      const env = new Map<string, Value>()
      const envList = child(item, 'env')
      if (envList?.kind === 'array') {
        for (const variable of envList.items) {
          const name = scalarText(child(variable, 'name'))
          const value = child(variable, 'value')
          if (name !== undefined && value?.kind === 'scalar') env.set(name, value.value)
          else if (name !== undefined && child(variable, 'valueFrom'))
            env.set(name, symbolic(`valueFrom(${name})`, item.location))
        }
      }
      const mounts: Mount[] = []
      const mountList = child(item, 'volumeMounts')
      if (mountList?.kind === 'array') {
        for (const mount of mountList.items) {
          const volume = scalarText(child(mount, 'name'))
          const mountPath = scalarText(child(mount, 'mountPath'))
          const subPath = scalarText(child(mount, 'subPath'))
          if (volume !== undefined && mountPath !== undefined)
            mounts.push({ volume, mountPath, ...(subPath ? { subPath } : {}) })
        }
      }
      containers.push({ name: scalarText(child(item, 'name')) ?? '', location: item.location, env, mounts })
    }
  }
  return containers
}

function entryLocation(node: TreeNode | undefined, key: string): Location | undefined {
  return node?.kind === 'object' ? node.entries.find((item) => item.key === key)?.keyLocation : undefined
}

/**
 * Where each line of a string value is in the file: a literal block (`|`) keeps its lines one for
 * one below the indicator; any other form (quoted, folded, escaped) is located at the value.
 */
function scalarLocator(lines: readonly string[], node: ScalarNode | TreeNode, text: string): Locate {
  const at = node.location
  const fallback: Locate = () => at
  const indicator = lines[at.line - 1]?.slice(at.column - 1) ?? ''
  if (!indicator.startsWith('|')) return fallback
  const contentLines = text.split('\n')
  // Trailing line breaks (the final one, or more under `|+`) have no line of their own to check.
  while (contentLines.length > 0 && contentLines[contentLines.length - 1]!.trim() === '') contentLines.pop()
  const first = at.line // 0-based index of the line after the indicator
  const columns: number[] = []
  for (let index = 0; index < contentLines.length; index += 1) {
    const wanted = contentLines[index]!.trim()
    const written = lines[first + index]
    if (written === undefined || written.trim() !== wanted) return fallback
    columns.push(
      written.length -
        written.trimStart().length -
        (contentLines[index]!.length - contentLines[index]!.trimStart().length),
    )
  }
  return (line, column) => ({ path: at.path, line: first + line + 1, column: (columns[line] ?? 0) + column + 1 })
}

function decodeBase64(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined
  const decoded = Buffer.from(compact, 'base64').toString('utf8')
  return decoded.includes('\uFFFD') ? undefined : decoded
}
