import { posix } from 'node:path'
import type { Config } from '../../config.js'
import { fileLocation } from '../../model/location.js'
import { known, type Value } from '../../model/value.js'
import { fileLines, logicalLines, SEPARATOR, shellWords, type Word } from '../shell/words.js'
import type { SourceFile } from '../source.js'

/** How a plain trust-policy file was tied to the role it belongs to. */
export interface TrustPolicyBinding {
  via: 'config' | 'script' | 'file-name'
  name: Value
  path?: Value
  account?: Value
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/

/**
 * Binds plain trust-policy files to roles, in the order of the design: a `roles:` entry of the
 * config; an `aws iam create-role --role-name N --assume-role-policy-document file://P` command in
 * any script, Makefile or workflow; the file name. (Documents that carry their role, such as
 * `get-role` output or a CloudFormation role, are bound by the IAM JSON source before the script
 * and file-name steps.)
 */
export class RoleBinder {
  private readonly byScript: Map<string, TrustPolicyBinding[]>

  constructor(
    private readonly config: Pick<Config, 'roles'>,
    files: readonly SourceFile[],
  ) {
    this.byScript = createRoleCommandBindings(files.filter((file) => file.kind === 'script'))
  }

  /** The `roles:` entry of the config for this file. */
  configured(path: string): TrustPolicyBinding | undefined {
    return configBinding(path, this.config)
  }

  /** The roles a plain trust-policy file without a role of its own belongs to (none when unbound). */
  bind(path: string): TrustPolicyBinding[] {
    const configured = this.configured(path)
    if (configured) return [configured]
    const scripted = this.byScript.get(path)
    if (scripted && scripted.length > 0) return scripted
    const byName = fileNameBinding(path)
    return byName ? [byName] : []
  }
}

export function configBinding(path: string, config: Pick<Config, 'roles'>): TrustPolicyBinding | undefined {
  const entry = config.roles.find((role) => normaliseRepoPath(role.file) === path)
  if (!entry) return undefined
  const location = fileLocation(path)
  const binding: TrustPolicyBinding = { via: 'config', name: known(entry.name, location) }
  if (entry.path !== undefined) binding.path = known(entry.path, location)
  if (entry.account !== undefined) binding.account = known(entry.account, location)
  return binding
}

const TRUST_SUFFIXES = [
  '-trust-relationship',
  '_trust_relationship',
  '-trust-policy',
  '_trust_policy',
  '.trust-policy',
  '-assume-role-policy',
  '_assume_role_policy',
  '-trust',
  '_trust',
  '.trust',
]

/** Names too generic to be a role's own name (`trust-policy.json`, `eks-trust.json`). */
const GENERIC_STEMS = new Set([
  'assume-role',
  'assumerole',
  'default',
  'doc',
  'document',
  'eks',
  'example',
  'federated',
  'iam',
  'index',
  'irsa',
  'main',
  'oidc',
  'policies',
  'policy',
  'role',
  'roles',
  'sample',
  'template',
  'trust',
  'web-identity',
  'webidentity',
])

/**
 * The role a trust-policy file is named after: `N.json`, `N-trust.json`, `N-trust-policy.json`,
 * `N.trust.json`, `N-trust-relationship.json` (and `_` spellings). Generic names such as
 * `trust-policy.json`, `policy.json` or `irsa-trust.json` name no role.
 */
export function roleNameFromFileName(path: string): string | undefined {
  const base = posix.basename(path)
  if (!/\.json$/i.test(base)) return undefined
  const stem = base.slice(0, -'.json'.length)
  const lower = stem.toLowerCase()
  const suffix = TRUST_SUFFIXES.find((candidate) => lower.endsWith(candidate))
  let name: string
  if (suffix) {
    name = stem.slice(0, -suffix.length)
  } else {
    if (/trust|polic/i.test(stem)) return undefined
    name = stem
  }
  if (!ROLE_NAME.test(name) || GENERIC_STEMS.has(name.toLowerCase())) return undefined
  return name
}

export function fileNameBinding(path: string): TrustPolicyBinding | undefined {
  const name = roleNameFromFileName(path)
  return name === undefined ? undefined : { via: 'file-name', name: known(name, fileLocation(path)) }
}

/** `./a/../b.json` → `b.json`; undefined for paths that leave the repository. */
export function normaliseRepoPath(path: string): string | undefined {
  const normalised = posix.normalize(path.replace(/\\/g, '/')).replace(/^\.\//, '')
  if (normalised === '..' || normalised.startsWith('../') || normalised.startsWith('/') || normalised === '.')
    return undefined
  return normalised
}

// ---------------------------------------------------------------------------------------------
// `aws iam create-role` commands in scripts, Makefiles and workflows.

/** Bindings from every `aws iam create-role … file://P` command, by the repository path P may mean. */
export function createRoleCommandBindings(scripts: readonly SourceFile[]): Map<string, TrustPolicyBinding[]> {
  const bindings = new Map<string, TrustPolicyBinding[]>()
  for (const script of scripts) {
    const variables = simpleAssignments(script.text)
    for (const command of createRoleCommands(script)) {
      const name = command.roleName ? substitute(command.roleName.text, variables) : undefined
      const document = command.policyDocument ? substitute(command.policyDocument.text, variables) : undefined
      if (!command.roleName || name === undefined || !ROLE_NAME.test(name) || document === undefined) continue
      const binding: TrustPolicyBinding = { via: 'script', name: known(name, command.roleName.location) }
      const rolePath = command.path ? substitute(command.path.text, variables) : undefined
      if (command.path && rolePath !== undefined) binding.path = known(rolePath, command.path.location)
      for (const target of policyFileCandidates(document, posix.dirname(script.path))) {
        const list = bindings.get(target) ?? []
        if (!list.some((existing) => sameBinding(existing, binding))) list.push(binding)
        bindings.set(target, list)
      }
    }
  }
  return bindings
}

function sameBinding(a: TrustPolicyBinding, b: TrustPolicyBinding): boolean {
  const text = (value: Value | undefined): string | undefined => (value?.kind === 'known' ? value.value : undefined)
  return text(a.name) === text(b.name) && text(a.path) === text(b.path)
}

/**
 * `file://P` → the repository paths P may mean: relative to the script's directory, or to the
 * repository root (where CI jobs run). A leading `$PWD/`, `${GITHUB_WORKSPACE}/`,
 * `${{ github.workspace }}/` or `$(CURDIR)/` is taken as one of those two.
 */
function policyFileCandidates(argument: string, scriptDirectory: string): string[] {
  const match = /^file:\/\/(.+)$/.exec(argument)
  if (!match) return []
  let target = match[1]!
  const variablePrefix =
    /^(\$\{\{[^}]*\}\}|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$\([A-Za-z_ ]+\)|\$[A-Za-z_][A-Za-z0-9_]*)\//.exec(target)
  if (variablePrefix) target = target.slice(variablePrefix[0].length)
  if (target.includes('$') || target.startsWith('/')) return []
  const candidates = [normaliseRepoPath(posix.join(scriptDirectory, target)), normaliseRepoPath(target)]
  return [...new Set(candidates.filter((candidate): candidate is string => candidate !== undefined))]
}

interface CreateRoleCommand {
  roleName?: Word
  policyDocument?: Word
  path?: Word
}

const OPTION_NAMES: Record<string, keyof CreateRoleCommand> = {
  '--role-name': 'roleName',
  '--assume-role-policy-document': 'policyDocument',
  '--path': 'path',
}

/** Every `… iam create-role …` command of a script, with the words of the options we read. */
export function createRoleCommands(script: SourceFile): CreateRoleCommand[] {
  const commands: CreateRoleCommand[] = []
  if (!script.text.includes('create-role')) return commands
  for (const line of logicalLines(script.path, fileLines(script.text)).lines) {
    if (!line.text.includes('create-role')) continue
    const words = shellWords(line)
    for (let index = 1; index < words.length; index += 1) {
      if (wordText(words[index]) !== 'create-role' || wordText(words[index - 1]) !== 'iam') continue
      const command: CreateRoleCommand = {}
      for (let at = index + 1; at < words.length; at += 1) {
        const word = words[at]!
        if (typeof word === 'string') {
          if (word === SEPARATOR) break
          continue
        }
        const equals = word.text.indexOf('=')
        const option = equals > 0 ? word.text.slice(0, equals) : word.text
        const field = OPTION_NAMES[option]
        if (!field) continue
        if (equals > 0) {
          command[field] = {
            text: word.text.slice(equals + 1),
            location: { ...word.location, column: word.location.column + equals + 1 },
          }
        } else {
          const next = words[at + 1]
          if (next && typeof next !== 'string') {
            command[field] = next
            at += 1
          }
        }
      }
      commands.push(command)
    }
  }
  return commands
}

function wordText(word: Word | string | undefined): string | undefined {
  return typeof word === 'object' ? word.text : undefined
}

/**
 * `NAME=value` (shell, `export`), `NAME := value` (make) and `NAME: value` (a workflow's `env:`)
 * assignments with one literal value in the whole file; a name assigned two different values is
 * left out.
 */
function simpleAssignments(text: string): Map<string, string> {
  const values = new Map<string, string | null>()
  const patterns = [
    /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=("[^"$`]*"|'[^']*'|[^\s"'$`;&|]*)\s*(?:#.*)?$/,
    /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::=|::=|\?=|=)\s*([^\s$#]*)\s*(?:#.*)?$/,
    /^\s+([A-Z_][A-Z0-9_]*):\s*("[^"$]*"|'[^']*'|[^\s"'$#{}[\]]+)\s*(?:#.*)?$/,
  ]
  for (const line of text.split(/\r\n|\n|\r/)) {
    for (const pattern of patterns) {
      const match = pattern.exec(line)
      if (!match) continue
      const name = match[1]!
      const value = match[2]!.replace(/^(["'])(.*)\1$/, '$2')
      const previous = values.get(name)
      values.set(name, previous === undefined || previous === value ? value : null)
      break
    }
  }
  const result = new Map<string, string>()
  for (const [name, value] of values) if (value !== null) result.set(name, value)
  return result
}

/** Replaces `$NAME`, `${NAME}`, `${NAME:-default}` and `$(NAME)` by known values; undefined if a variable stays unknown (except a leading directory variable of a `file://` path). */
function substitute(text: string, variables: Map<string, string>): string | undefined {
  let unknown = false
  const replaced = text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced?: string, fallback?: string, made?: string, bare?: string) => {
      const name = braced ?? made ?? bare ?? ''
      const value = variables.get(name) ?? fallback
      if (value !== undefined) return value
      unknown = true
      return whole
    },
  )
  if (!unknown) return replaced
  return /^file:\/\//.test(replaced) ? replaced : undefined
}
