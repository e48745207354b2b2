import { posix } from 'node:path'
import type { Annotation, ServiceAccount } from '../../model/facts.js'
import type { Location } from '../../model/location.js'
import type { ObjectEntry, ObjectNode, ScalarNode, TreeNode } from '../../model/tree.js'
import { known, sameValue, symbolic, type Value, valueText } from '../../model/value.js'
import { classify } from '../../discover/classify.js'
import { readEksctlFile, readIamServiceAccountCommand } from '../eksctl/index.js'
import { splitValuesPath } from '../helm/values.js'
import {
  appendResult,
  emptyResult,
  perFileSource,
  type SourceContext,
  type SourceFile,
  type SourceResult,
} from '../source.js'
import { commentSuppressions } from '../shared/suppressions.js'
import {
  CHART_SERVICE_ACCOUNTS,
  chartName,
  releaseDerivedName,
  settingsRunningAsDefault,
  unreadMessage,
  unreadServiceAccountValue,
  type ChartServiceAccount,
} from '../terraform/resources/helm-charts.js'
import { ShellVariables } from './variables.js'
import {
  fileLines,
  logicalLines,
  shellWords,
  simpleCommands,
  wordFrom,
  workflowRunBlocks,
  type HereDocument,
  type LogicalLine,
  type ShellLine,
  type Word,
} from './words.js'
import { AUDIENCE_ANNOTATION, ROLE_ARN_ANNOTATION } from '../../model/kubernetes.js'

/**
 * Install scripts, Makefiles and the `run:` blocks of GitHub workflows: the ServiceAccounts and
 * roles their commands create (`eksctl create iamserviceaccount`, `kubectl create serviceaccount`,
 * `kubectl annotate serviceaccount … eks.amazonaws.com/role-arn=…`, `helm install`/`helm upgrade`
 * with `--set`). Nothing is executed: a value that depends on what the script computes, or on
 * its environment, stays symbolic. (`aws iam create-role` is read by the role binder.)
 */
export const scriptSource = perFileSource('scripts', ['script'], (file, context) => readScript(file, context))

const WORKFLOW_PATH = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i
const MAKEFILE_PATH = /(^|\/)(Makefile|makefile|GNUmakefile)$|\.mk$/
/** Commands that run the command after them. */
const WRAPPERS = new Set(['sudo', 'time', 'exec', 'command', 'nohup', 'env'])

export function readScript(file: SourceFile, context: Pick<SourceContext, 'config'>): SourceResult {
  const result = emptyResult()
  result.suppressions.push(...commentSuppressions(file.path, file.text, ['#']))
  const makefile = MAKEFILE_PATH.test(file.path)
  // Each workflow step runs in a shell of its own.
  const workflow = WORKFLOW_PATH.test(file.path)
  const blocks: ShellLine[][] = workflow ? workflowRunBlocks(file.text) : [fileLines(file.text)]
  for (const block of blocks) {
    // A workflow run is a session of its own; scripts of one directory may share one (a tutorial's steps).
    const variables = new ShellVariables(workflow ? file.path : posix.dirname(file.path))
    const reader = new ScriptReader(file.path, context, result, variables)
    const { lines, heredocs } = logicalLines(file.path, block)
    const documents = new Map(heredocs.map((heredoc) => [heredoc.command, heredoc]))
    for (const line of lines) {
      for (const words of simpleCommands(shellWords(line))) reader.command(words, makefile)
      const heredoc = documents.get(line)
      if (heredoc && readsConfigFromStdin(line))
        readClusterConfigDocument(file.path, heredoc, variables, context, result)
    }
  }
  return result
}

/** `eksctl create cluster -f - <<EOF` (and any eksctl command given its config on standard input). */
function readsConfigFromStdin(line: LogicalLine): boolean {
  const words = simpleCommands(shellWords(line)).find((command) =>
    command.some(
      (word) =>
        word.text
          .replace(/^[@+-]+/, '')
          .split('/')
          .pop() === 'eksctl',
    ),
  )
  if (!words) return false
  return words.some(
    (word, index) =>
      ((word.text === '-f' || word.text === '--config-file') && words[index + 1]?.text === '-') ||
      word.text === '--config-file=-' ||
      word.text === '-f-',
  )
}

/**
 * An eksctl ClusterConfig written in a here-document, read by the eksctl source at its lines in
 * this file. In an unquoted here-document the shell expands variables: those the script set to
 * a literal are replaced; the others stay `${NAME}`, as in any envsubst template.
 */
function readClusterConfigDocument(
  path: string,
  heredoc: HereDocument,
  variables: ShellVariables,
  context: Pick<SourceContext, 'config'>,
  result: SourceResult,
): void {
  const first = heredoc.body[0]
  if (!first) return
  const lines: string[] = new Array<string>(heredoc.body[heredoc.body.length - 1]!.line).fill('')
  for (const line of heredoc.body)
    lines[line.line - 1] =
      ' '.repeat(line.column - 1) + (heredoc.expands ? variables.expandKnown(line.text) : line.text)
  const text = lines.join('\n')
  if (classify(path.replace(/[^/]*$/, 'eksctl.yaml'), text) !== 'eksctl') return
  const read = readEksctlFile(
    { path, kind: 'eksctl', text },
    context,
    heredoc.expands ? { shellScope: variables.scope } : {},
  )
  read.suppressions = []
  appendResult(result, read)
}

interface Arguments {
  positionals: Word[]
  options: Map<string, Word[]>
  /** A word that is one unquoted expansion (`$HELM_OPTS`): any option may hide in it. */
  opaque: boolean
}

class ScriptReader {
  /** ServiceAccounts this block creates, for `kubectl annotate` to add to. */
  private readonly created: ServiceAccount[] = []

  constructor(
    private readonly path: string,
    private readonly context: Pick<SourceContext, 'config'>,
    private readonly result: SourceResult,
    private readonly variables: ShellVariables,
  ) {}

  command(words: readonly Word[], makefile: boolean): void {
    // Make's own assignments (`NAME ?= x`) may be overridden on its command line: they stay unknown.
    if (!makefile) this.variables.assign(words)
    let at = 0
    while (at < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[at]!.text)) at += 1
    while (at < words.length && WRAPPERS.has(words[at]!.text)) at += 1
    const first = words[at]
    if (!first) return
    const tool = first.text
      .replace(/^[@+-]+/, '')
      .split('/')
      .pop()
    const args = words.slice(at + 1)
    if (tool === 'eksctl') this.eksctl(first, args)
    else if (tool === 'kubectl') this.kubectl(args)
    else if (tool === 'helm') this.helm(args)
    else if (tool === 'envsubst') this.envsubst(args)
    else if (tool === 'aws') this.aws(args)
  }

  // -------------------------------------------------------------------------------------------
  // aws iam create-open-id-connect-provider --url https://oidc.eks.… --client-id-list sts.amazonaws.com

  /**
   * The IAM OIDC provider a script creates (AWS CLI v2 `iam create-open-id-connect-provider`): its
   * URL, as irsa-guard judges Terraform's and CloudFormation's. The client ID list takes
   * space-separated values after `--client-id-list`, which the word reader does not tell apart from
   * a positional argument: its IDs stay unknown.
   */
  private aws(args: readonly Word[]): void {
    const parsed = parseArguments(args, AWS_VALUED)
    const [service, operation] = parsed.positionals
    if (service?.text !== 'iam' || operation?.text !== 'create-open-id-connect-provider') return
    const url = last(parsed.options.get('url'))
    if (!url) return
    const urlValue = this.value(url)
    const location = url.at ? url.at(0) : url.location
    ;(this.result.facts.oidcProviders ??= []).push({
      source: 'script',
      location,
      url: urlValue,
      clientIds: [symbolic('--client-id-list', location)],
      arnReferences: [],
    })
  }

  // -------------------------------------------------------------------------------------------
  // envsubst < template.yaml

  /**
   * `envsubst [SHELL-FORMAT] < file` replaces the file's `${NAME}` with the exported variables of
   * the script (GNU gettext envsubst: only those the SHELL-FORMAT names, when one is given). Each
   * exported literal is a value of the file's template variables. The file is read where the
   * script is, or at the repository root (where a CI job starts); a file read from a pipe is not
   * known.
   */
  private envsubst(args: readonly Word[]): void {
    const redirect = args.findIndex((word) => word.text === '<' || /^<[^<(]/.test(word.text))
    const fileWord =
      redirect < 0
        ? undefined
        : args[redirect]!.text === '<'
          ? args[redirect + 1]
          : { ...args[redirect]!, text: args[redirect]!.text.slice(1) }
    if (!fileWord) return
    const file = this.variables.resolve(fileWord)
    if (file.kind !== 'known' || file.value.startsWith('/')) return
    const files = [...new Set([posix.join(posix.dirname(this.path), file.value), posix.normalize(file.value)])].filter(
      (path) => !path.startsWith('../'),
    )
    if (files.length === 0) return
    const format = args.slice(0, redirect).find((word) => !word.text.startsWith('-'))
    const named = format
      ? new Set([...format.text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!))
      : undefined
    for (const variable of this.variables.exportedLiterals()) {
      if (named && !named.has(variable.name)) continue
      ;(this.result.facts.templateVariables ??= []).push({
        source: 'kubernetes',
        name: variable.name,
        value: known(variable.value, variable.location),
        location: variable.location,
        scope: posix.dirname(this.path),
        files,
        label: `export ${variable.name} at ${this.path}:${variable.location.line}`,
      })
    }
  }

  private value(word: Word): Value {
    return this.variables.resolve({ text: word.text, location: word.at ? word.at(0) : word.location })
  }

  // -------------------------------------------------------------------------------------------
  // eksctl create iamserviceaccount

  private eksctl(first: Word, args: readonly Word[]): void {
    const parsed = parseArguments(args, EKSCTL_VALUED)
    const [verb, noun, nameArgument] = parsed.positionals
    if (verb?.text !== 'create' || (noun?.text !== 'iamserviceaccount' && noun?.text !== 'iamserviceaccounts')) return
    // With a config file, the file's iam.serviceAccounts are created: the eksctl source reads it.
    if (parsed.options.has('config-file') || parsed.options.has('f') || parsed.opaque) return
    const nameWord = last(parsed.options.get('name')) ?? nameArgument
    if (!nameWord) return
    const location = first.location
    const metadata: ObjectEntry[] = [entry('name', this.scalar(nameWord), nameWord)]
    // pkg/ctl/create/iamserviceaccount.go (eksctl 0.1xx): `--namespace` defaults to "default".
    const namespaceWord = last(parsed.options.get('namespace'))
    metadata.push(
      namespaceWord
        ? entry('namespace', this.scalar(namespaceWord), namespaceWord)
        : {
            key: 'namespace',
            keyLocation: location,
            value: stringScalar(known('default', nameWord.at?.(0) ?? nameWord.location)),
          },
    )
    const entries: ObjectEntry[] = [
      { key: 'metadata', keyLocation: location, value: { kind: 'object', location, entries: metadata } },
    ]
    // userdocs/src/usage/iamserviceaccounts.md (eksctl @ 99984adb): `--role-name` names the role,
    // `--role-only` creates no ServiceAccount, `--attach-role-arn` annotates with an existing role.
    const roleName = last(parsed.options.get('role-name'))
    if (roleName) entries.push(entry('roleName', this.scalar(roleName), roleName))
    const attachRole = last(parsed.options.get('attach-role-arn'))
    if (attachRole) entries.push(entry('attachRoleARN', this.scalar(attachRole), attachRole))
    const policies = (parsed.options.get('attach-policy-arn') ?? []).flatMap((word) => splitList(word))
    if (policies.length > 0)
      entries.push({
        key: 'attachPolicyARNs',
        keyLocation: location,
        value: { kind: 'array', location, items: policies.map((word) => this.scalar(word)) },
      })
    if (flag(parsed, 'role-only'))
      entries.push({ key: 'roleOnly', keyLocation: location, value: stringScalar(known('true', location)) })
    const cluster = last(parsed.options.get('cluster'))
    const item: ObjectNode = { kind: 'object', location, entries }
    readIamServiceAccountCommand(
      this.path,
      cluster ? this.value(cluster) : undefined,
      item,
      `eksctl create iamserviceaccount at ${this.path}:${location.line}`,
      this.context,
      this.result,
    )
  }

  private scalar(word: Word): ScalarNode {
    return stringScalar(this.value(word))
  }

  // -------------------------------------------------------------------------------------------
  // kubectl create serviceaccount / kubectl annotate serviceaccount

  private kubectl(args: readonly Word[]): void {
    const parsed = parseArguments(args, KUBECTL_VALUED)
    if (
      parsed.opaque ||
      parsed.options.has('f') ||
      parsed.options.has('filename') ||
      parsed.options.has('k') ||
      parsed.options.has('kustomize')
    )
      return
    const [verb, ...rest] = parsed.positionals
    if (verb?.text === 'create') this.createServiceAccount(parsed, rest)
    else if (verb?.text === 'annotate') this.annotateServiceAccount(parsed, rest)
  }

  private namespace(parsed: Arguments, fallback: Location): Value {
    const word = last(parsed.options.get('namespace')) ?? last(parsed.options.get('n'))
    // Without -n, kubectl and helm use the namespace of the current kubeconfig context.
    return word ? this.value(word) : this.variables.symbolic('kubeconfig context namespace', fallback)
  }

  private createServiceAccount(parsed: Arguments, rest: Word[]): void {
    const [kind, name] = rest
    if (!kind || !/^(serviceaccount|sa)$/.test(kind.text) || !name) return
    // `--dry-run` prints the object instead of creating it.
    if (parsed.options.has('dry-run')) return
    const nameValue = this.value(name)
    const sa: ServiceAccount = {
      source: 'kubernetes',
      namespace: this.namespace(parsed, nameValue.location),
      name: nameValue,
      location: nameValue.location,
      annotations: [],
    }
    this.created.push(sa)
    ;(this.result.facts.serviceAccounts ??= []).push(sa)
  }

  private annotateServiceAccount(parsed: Arguments, rest: Word[]): void {
    if (
      parsed.options.has('all') ||
      parsed.options.has('l') ||
      parsed.options.has('selector') ||
      parsed.options.has('dry-run')
    )
      return
    let index = 0
    const names: Word[] = []
    const typed = /^(serviceaccounts?|sa)\/(.+)$/
    if (rest[0] && /^(serviceaccounts?|sa)$/.test(rest[0].text)) {
      index = 1
      while (rest[index] && !rest[index]!.text.includes('=') && !rest[index]!.text.endsWith('-'))
        names.push(rest[index++]!)
    } else {
      while (rest[index] && typed.test(rest[index]!.text)) {
        const word = rest[index++]!
        names.push(wordFrom(word, word.text.indexOf('/') + 1))
      }
      if (names.length === 0) return
    }
    const annotations: Annotation[] = []
    for (const word of rest.slice(index)) {
      const equals = word.text.indexOf('=')
      if (equals <= 0) continue
      const keyLocation = word.at ? word.at(0) : word.location
      annotations.push({
        key: word.text.slice(0, equals),
        keyLocation,
        value: this.value(wordFrom(word, equals + 1)),
        where: 'annotations',
      })
    }
    if (annotations.length === 0) return
    for (const nameWord of names) {
      const name = this.value(nameWord)
      const namespace = this.namespace(parsed, name.location)
      const existing = this.created.find((sa) => sameValue(sa.name, name) && sameValue(sa.namespace, namespace))
      const sa: ServiceAccount = existing ?? {
        source: 'kubernetes',
        namespace,
        name,
        location: name.location,
        annotations: [],
      }
      for (const annotation of annotations) {
        sa.annotations = [...sa.annotations.filter((other) => other.key !== annotation.key), annotation]
      }
      readRoleAnnotations(sa)
      if (!existing) {
        this.created.push(sa)
        ;(this.result.facts.serviceAccounts ??= []).push(sa)
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // helm install / helm upgrade

  private helm(args: readonly Word[]): void {
    const parsed = parseArguments(args, HELM_VALUED)
    const [verb, ...rest] = parsed.positionals
    if (verb?.text !== 'install' && verb?.text !== 'upgrade') return
    // `--dry-run` (`=client`, `=server`) renders without installing.
    if (flag(parsed, 'dry-run') && parsed.options.get('dry-run')?.at(-1)?.text !== 'none') return
    const generated = flag(parsed, 'generate-name') || flag(parsed, 'g')
    const [releaseWord, chartWord] = generated ? [undefined, rest[0]] : rest
    if (!chartWord || (!generated && !releaseWord)) return
    const chart = this.value(chartWord)
    const release = releaseWord ? this.value(releaseWord) : undefined
    const sets = this.helmSets(parsed)
    // Values files, `--reuse-values` and opaque words may set anything the command line does not.
    const valuesUnknown =
      parsed.opaque ||
      parsed.options.has('f') ||
      parsed.options.has('values') ||
      flag(parsed, 'reuse-values') ||
      parsed.options.has('set-file') ||
      parsed.options.has('set-json')
    const chartSpecs = chart.kind === 'known' ? CHART_SERVICE_ACCOUNTS[chartName(chart.value)] : undefined
    const where = releaseWord ?? chartWord
    const whereLocation = where.at ? where.at(0) : where.location
    const releaseLabel = release ? valueText(release) : 'generated'
    if (chartSpecs && chart.kind === 'known') {
      for (const set of sets.values()) {
        const unread = unreadServiceAccountValue(chart.value, set.path)
        if (!unread) continue
        this.result.findings.push({
          ruleId: 'helm-value-path-unused',
          location: set.keyLocation,
          message: unreadMessage(`helm release ${releaseLabel}`, chartName(chart.value), set.path, unread.reads),
          key: `helm ${releaseLabel} set:${set.written}`,
        })
      }
    }
    for (const spec of chartSpecs ?? [CONVENTION]) {
      const prefix = spec.path.join('.')
      const at = (key: string): HelmSet | undefined => sets.get(`${prefix}.${key}`)
      const create = spec.createPath ? sets.get(spec.createPath.join('.')) : at('create')
      if (create && create.value.kind === 'known' && create.value.value === 'false') {
        if (chart.kind === 'known' && !valuesUnknown && create.option === 'set')
          this.releaseRunningAsDefault(chart.value, parsed, spec, sets, releaseLabel, whereLocation)
        continue
      }
      const explicit = at('name')
      const annotations = [...sets.values()]
        .filter(() => spec.annotated !== false)
        .filter(
          (set) =>
            set.path.length === spec.path.length + 2 &&
            set.path.slice(0, spec.path.length + 1).join('.') === `${prefix}.annotations`,
        )
        .map((set): Annotation => ({
          key: set.path[set.path.length - 1]!,
          keyLocation: set.keyLocation,
          value: set.value,
          where: 'annotations',
        }))
      for (const set of sets.values()) this.nestedAnnotationKey(set, spec, releaseLabel)
      let name: Value | undefined
      if (explicit && !(explicit.value.kind === 'known' && explicit.value.value === '')) {
        name = explicit.value
      } else if (chartSpecs && !valuesUnknown) {
        name = defaultName(spec, release, chart, (path) => sets.get(path.join('.'))?.value, whereLocation)
      }
      if (!chartSpecs && !explicit && !annotations.some((annotation) => annotation.key === ROLE_ARN_ANNOTATION))
        continue
      name ??= this.variables.symbolic(`helm release ${releaseLabel} ${prefix}.name`, whereLocation)
      const namespaceSet = spec.namespacePath ? sets.get(spec.namespacePath.join('.')) : undefined
      const namespace =
        namespaceSet && !(namespaceSet.value.kind === 'known' && namespaceSet.value.value === '')
          ? namespaceSet.value
          : this.namespace(parsed, whereLocation)
      const sa: ServiceAccount = {
        source: 'helm',
        namespace,
        name,
        location: explicit?.keyLocation ?? whereLocation,
        annotations,
      }
      readRoleAnnotations(sa)
      if (!sa.roleArn && valuesUnknown)
        sa.roleArn = this.variables.symbolic(`helm release ${releaseLabel} values ${prefix}.annotations`, whereLocation)
      this.created.push(sa)
      ;(this.result.facts.serviceAccounts ??= []).push(sa)
    }
  }

  /** `create=false`, no name and a role-arn annotation for a chart whose pods then run as `default`. */
  private releaseRunningAsDefault(
    chart: string,
    parsed: Arguments,
    spec: ChartServiceAccount,
    sets: ReadonlyMap<string, HelmSet>,
    releaseLabel: string,
    whereLocation: Location,
  ): void {
    const versionWord = parsed.options.get('version')?.at(-1)
    const version = versionWord ? this.value(versionWord) : undefined
    const written = version === undefined ? undefined : version.kind === 'known' ? version.value : null
    if (!settingsRunningAsDefault(chart, written).includes(spec)) return
    const prefix = spec.path.join('.')
    const name = sets.get(`${prefix}.name`)
    if (name && !(name.value.kind === 'known' && name.value.value === '')) return
    const roleArn = sets.get(`${prefix}.annotations.${ROLE_ARN_ANNOTATION}`)
    if (!roleArn || roleArn.path.length !== spec.path.length + 2) return
    if (roleArn.value.kind === 'known' && roleArn.value.value.trim() === '') return
    const namespaceSet = spec.namespacePath ? sets.get(spec.namespacePath.join('.')) : undefined
    ;(this.result.facts.releasesRunningAsDefault ??= []).push({
      source: 'helm',
      label: `helm release ${releaseLabel}`,
      chart: chartName(chart),
      path: prefix,
      namespace:
        namespaceSet && !(namespaceSet.value.kind === 'known' && namespaceSet.value.value === '')
          ? namespaceSet.value
          : this.namespace(parsed, whereLocation),
      roleArn: roleArn.value,
      location: roleArn.keyLocation,
    })
  }

  /** The `--set`/`--set-string` assignments, last one winning, by their dotted path. */
  private helmSets(parsed: Arguments): Map<string, HelmSet> {
    const sets = new Map<string, HelmSet>()
    const words = (['set', 'set-string', 'set-literal'] as const).flatMap((option) =>
      (parsed.options.get(option) ?? []).map((word) => ({ word, option })),
    )
    words.sort((a, b) => a.word.location.line - b.word.location.line || a.word.location.column - b.word.location.column)
    for (const { word, option } of words) {
      for (const part of splitList(word)) {
        const equals = part.text.indexOf('=')
        if (equals <= 0) continue
        const path = splitValuesPath(part.text.slice(0, equals))
        sets.set(path.join('.'), {
          path,
          keyLocation: part.at ? part.at(0) : part.location,
          value: this.value(wordFrom(part, equals + 1)),
          written: part.text.slice(0, equals),
          option,
        })
      }
    }
    return sets
  }

  /**
   * `--set serviceAccount.annotations.eks.amazonaws.com/role-arn=…` without `\.`: Helm splits the
   * key at every dot, so the chart gets nested maps instead of the annotation.
   */
  private nestedAnnotationKey(set: HelmSet, spec: ChartServiceAccount, release: string): void {
    const prefix = [...spec.path, 'annotations']
    if (set.path.length <= prefix.length + 1 || set.path.slice(0, prefix.length).join('.') !== prefix.join('.')) return
    const meant = set.path.slice(prefix.length).join('.')
    if (meant !== ROLE_ARN_ANNOTATION && meant !== AUDIENCE_ANNOTATION) return
    const escaped = `${prefix.join('.')}.${meant.replace(/\./g, '\\.')}`
    this.result.findings.push({
      ruleId: 'annotation-key-typo',
      location: set.keyLocation,
      message:
        `--set ${set.written} of helm release ${release} splits the key at every dot, so the chart gets the nested map ${set.path.slice(prefix.length).join(' → ')} under ${prefix.join('.')} instead of the annotation ${meant}: ` +
        `the EKS webhook never sees it (or the API server refuses a map as an annotation value); escape the dots inside the key: --set '${escaped}=…'`,
      key: `helm ${release} set:${set.written}`,
    })
  }
}

interface HelmSet {
  path: string[]
  keyLocation: Location
  value: Value
  /** The key as the command wrote it (after the shell's quoting). */
  written: string
  /** `--set` types `true` and `false` as booleans; `--set-string` and `--set-literal` keep text. */
  option: 'set' | 'set-string' | 'set-literal'
}

/** A chart not in the table: the `serviceAccount.{create,name,annotations}` convention, name unknown unless set. */
const CONVENTION: ChartServiceAccount = { path: ['serviceAccount'], defaultName: { fixed: '' } }

/** The name a modelled chart gives its ServiceAccount when `name` is not set (CHART_SERVICE_ACCOUNTS). */
function defaultName(
  spec: ChartServiceAccount,
  release: Value | undefined,
  chart: Value,
  value: (path: readonly string[]) => Value | undefined,
  location: Location,
): Value | undefined {
  if ('fixed' in spec.defaultName)
    return spec.defaultName.fixed !== '' ? known(spec.defaultName.fixed, location) : undefined
  const text = (path: readonly string[]): string | undefined => {
    const found = value(path)
    return found?.kind === 'known' ? found.value : undefined
  }
  const overrides = ['nameOverride', 'fullnameOverride'].map((key) => value([key]))
  if (
    release?.kind !== 'known' ||
    chart.kind !== 'known' ||
    overrides.some((override) => override?.kind === 'symbolic')
  )
    return undefined
  const derived = releaseDerivedName(spec, release.value, chart.value, text)
  return derived !== undefined ? known(derived, release.location) : undefined
}

function readRoleAnnotations(sa: ServiceAccount): void {
  const byKey = new Map(sa.annotations.map((annotation) => [annotation.key, annotation.value]))
  const roleArn = byKey.get(ROLE_ARN_ANNOTATION)
  const audience = byKey.get(AUDIENCE_ANNOTATION)
  if (roleArn) sa.roleArn = roleArn
  if (audience) sa.audience = audience
}

// ---------------------------------------------------------------------------------------------
// Options

/** Options that take a value (`--name x`); any other `--flag` alone is a boolean. Short options without their dash. */
const EKSCTL_VALUED = new Set([
  'cluster',
  'name',
  'namespace',
  'role-name',
  'attach-policy-arn',
  'attach-role-arn',
  'region',
  'r',
  'profile',
  'p',
  'config-file',
  'f',
  'timeout',
  'tags',
  'include',
  'exclude',
  'permissions-boundary',
  'verbose',
  'v',
  'color',
  'C',
])
const KUBECTL_VALUED = new Set([
  'namespace',
  'n',
  'context',
  'kubeconfig',
  'cluster',
  'user',
  'server',
  's',
  'token',
  'output',
  'o',
  'field-manager',
  'selector',
  'l',
  'resource-version',
  'template',
  'filename',
  'f',
  'kustomize',
  'k',
  'as',
  'as-group',
  'request-timeout',
  'v',
  'field-selector',
  'password',
  'username',
  'certificate-authority',
  'client-certificate',
  'client-key',
  'tls-server-name',
])
const HELM_VALUED = new Set([
  'namespace',
  'n',
  'version',
  'values',
  'f',
  'set',
  'set-string',
  'set-file',
  'set-json',
  'set-literal',
  'timeout',
  'kube-context',
  'kubeconfig',
  'repo',
  'username',
  'password',
  'post-renderer',
  'post-renderer-args',
  'description',
  'output',
  'o',
  'ca-file',
  'cert-file',
  'key-file',
  'keyring',
  'history-max',
  'registry-config',
  'repository-cache',
  'repository-config',
  'kube-apiserver',
  'kube-as-user',
  'kube-as-group',
  'kube-ca-file',
  'kube-token',
  'burst-limit',
  'qps',
  'max-history',
  'name-template',
  'labels',
  'l',
])

/** AWS CLI options that take a value (those irsa-guard reads, and the global ones). */
const AWS_VALUED = new Set([
  'url',
  'client-id-list',
  'thumbprint-list',
  'tags',
  'region',
  'profile',
  'output',
  'query',
  'endpoint-url',
  'cli-input-json',
  'cli-input-yaml',
])

/** Options and positional words of a command; `--opt=value` and `-o value` alike. */
function parseArguments(args: readonly Word[], valued: ReadonlySet<string>): Arguments {
  const parsed: Arguments = { positionals: [], options: new Map(), opaque: false }
  const add = (name: string, value?: Word): void => {
    const list = parsed.options.get(name) ?? []
    if (value) list.push(value)
    parsed.options.set(name, list)
  }
  for (let index = 0; index < args.length; index += 1) {
    const word = args[index]!
    const text = word.text
    if (word.opaque) {
      parsed.opaque = true
    } else if (text === '--') {
      parsed.positionals.push(...args.slice(index + 1))
      break
    } else if (text.startsWith('--') && text.length > 2) {
      const equals = text.indexOf('=')
      const name = text.slice(2, equals < 0 ? undefined : equals)
      if (equals >= 0) add(name, wordFrom(word, equals + 1))
      else if (valued.has(name) && args[index + 1]) add(name, args[++index])
      else add(name)
    } else if (text.startsWith('-') && text.length > 1 && !/^-\d/.test(text)) {
      const name = text[1]!
      if (valued.has(name)) {
        if (text.length > 2) add(name, wordFrom(word, text[2] === '=' ? 3 : 2))
        else if (args[index + 1]) add(name, args[++index])
      } else {
        for (const letter of text.slice(1)) add(letter)
      }
    } else {
      parsed.positionals.push(word)
    }
  }
  return parsed
}

function flag(parsed: Arguments, name: string): boolean {
  const values = parsed.options.get(name)
  if (!values) return false
  const value = values[values.length - 1]
  return value === undefined || value.text !== 'false'
}

function last<T>(list: readonly T[] | undefined): T | undefined {
  return list?.[list.length - 1]
}

/** `a,b` → `a`, `b` (a `\,` stays a comma), each part at its place. */
function splitList(word: Word): Word[] {
  const parts: Word[] = []
  let start = 0
  for (let index = 0; index <= word.text.length; index += 1) {
    if (index < word.text.length && !(word.text[index] === ',' && word.text[index - 1] !== '\\')) continue
    const part = wordFrom(word, start)
    parts.push({ ...part, text: word.text.slice(start, index).replace(/\\,/g, ',') })
    start = index + 1
  }
  return parts.filter((part) => part.text !== '')
}

function stringScalar(value: Value): ScalarNode {
  return { kind: 'scalar', location: value.location, value, type: value.kind === 'known' ? 'string' : 'unknown' }
}

function entry(key: string, value: TreeNode, word: Word): ObjectEntry {
  return { key, keyLocation: word.at ? word.at(0) : word.location, value }
}
