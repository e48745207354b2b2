import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs'
import nodePath from 'node:path'
import { ConfigError, DEFAULT_MAX_FILE_BYTES } from '../config.js'
import type { SourceFinding } from '../model/finding.js'
import { looksRelevantByName } from './classify.js'
import { describeNotRead, readFileBytes } from './file-bytes.js'
import { skippedFileNote } from './read.js'
import {
  compileExcludeGlob,
  compileGitignore,
  compileIncludeGlob,
  matchesExclude,
  type ExcludeGlob,
  type IgnoreMatcher,
  type IncludeGlob,
} from './patterns.js'

export interface Candidate {
  /** Repository-relative, `/`-separated. */
  path: string
  absolutePath: string
  /** The real path of the scanned root: the file is read only when it resolves inside it. */
  rootReal?: string
  /** readdir reported a regular file (not a link), in directories entered without following links: see ReadLimits.walked. */
  regularFile?: boolean
}

export interface DiscoveryOptions {
  /** Globs relative to the root; a plain directory name means everything below it. */
  include: string[]
  /** Globs relative to the root; what one matches is skipped with everything below it. */
  exclude: string[]
  /** Larger files are skipped when read (readCandidate), with a note when they look relevant. 0 means no limit. */
  maxFileBytes: number
  /** Directory names skipped wherever they are, with everything below them (test fixtures). */
  skipDirectories?: readonly string[]
  /** Honour `.gitignore` files at and below the root (default true). */
  respectGitignore?: boolean
  /** Told the number of candidates found so far, each time the walk finds one (check() starts worker threads on it). */
  onCandidate?: (count: number) => void
  /** Keep what readdir returned for each directory walked (DiscoveryResult.listings). */
  keepListings?: boolean
}

/**
 * What readdir returned for each directory the walk entered, by repository-relative path ('.' for
 * the root): directories reached from the root's real path through directories, never through a link.
 */
export type DirectoryListings = ReadonlyMap<string, readonly Dirent[]>

export interface DiscoveryResult {
  /** Files that may be relevant by name, sorted by path. */
  candidates: Candidate[]
  /** Notes about files skipped (links out of the repository or unresolved) that look relevant. */
  findings: SourceFinding[]
  /** The include globs, as given, that match no file of the walk (relevant by name or not). */
  unmatchedIncludes: string[]
  /** With keepListings. */
  listings?: DirectoryListings
}

/** Directories never scanned, wherever they are. */
export const ALWAYS_SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  '.git',
  'node_modules',
  'vendor',
  '.terraform',
  'bower_components',
])

/** Include globs match case-insensitively where the file system usually does. */
const CASE_INSENSITIVE = process.platform === 'darwin' || process.platform === 'win32'

/**
 * Finds the files under `root` that irsa-guard may read: matched by an include glob, not
 * excluded, not ignored by git, relevant by name. One walk over the directories, pruned as it
 * goes (always-skipped, excluded, git-ignored directories, and directories no include glob can
 * reach); the entry types readdir returns are all it looks at, so no file is stat'ed. Symbolic
 * links to directories are never followed (so a link loop cannot hang the walk); links to files
 * are read only when the target lies inside the root. Sizes are checked when a file is opened
 * (readCandidate).
 */
export async function discover(root: string, options: DiscoveryOptions): Promise<DiscoveryResult> {
  let rootReal: string
  try {
    rootReal = realpathSync(root)
    if (!statSync(rootReal).isDirectory()) throw new Error('not a directory')
  } catch {
    throw new ConfigError(`Cannot scan ${root}: it is not a directory`)
  }
  const given = options.include.length > 0 ? options.include : ['**/*']
  const includes = given.map((raw) => ({
    ...compileIncludeGlob(normaliseInclude(rootReal, raw), CASE_INSENSITIVE),
    given: raw,
  }))
  const walker = new Walker(rootReal, options, includes)
  walker.walk(rootReal, '', [])
  const { candidates, findings } = walker
  candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  findings.sort((a, b) => (a.location.path < b.location.path ? -1 : 1))
  return {
    candidates,
    findings,
    unmatchedIncludes: [...walker.unmatched].map((include) => include.given),
    ...(walker.listings ? { listings: walker.listings } : {}),
  }
}

/** A plain directory (`k8s`, `deploy/`) means all files below it; `./` is dropped. */
function normaliseInclude(rootReal: string, raw: string): string {
  let pattern = raw.trim().replace(/\\/g, '/')
  while (pattern.startsWith('./')) pattern = pattern.slice(2)
  if (pattern === '' || pattern === '.') return '**/*'
  if (!GLOB_CHARACTERS.test(pattern)) {
    if (isDirectory(nodePath.join(rootReal, pattern))) pattern = `${pattern.replace(/\/+$/, '')}/**/*`
  } else if (pattern.endsWith('/')) {
    pattern = `${pattern}**/*`
  }
  return pattern
}

const GLOB_CHARACTERS = /[*?[\]{}]/

function isDirectory(absolutePath: string): boolean {
  try {
    return statSync(absolutePath).isDirectory()
  } catch {
    return false
  }
}

/** One `.gitignore`, and the directory (relative to the root) its rules are relative to. */
interface GitignoreScope {
  directory: string
  matches: IgnoreMatcher
}

type GivenInclude = IncludeGlob & { given: string }

class Walker {
  readonly candidates: Candidate[] = []
  readonly findings: SourceFinding[] = []
  /** The include globs no file matched yet. */
  readonly unmatched: Set<GivenInclude>
  private readonly excludes: ExcludeGlob[]
  private readonly respectGitignore: boolean
  private readonly maxFileBytes: number
  private readonly skipDirectories: ReadonlySet<string>
  /** Some include glob matches every path (the default `**` + `/*`). */
  private readonly includesEverything: boolean
  private readonly onCandidate: ((count: number) => void) | undefined
  readonly listings: Map<string, readonly Dirent[]> | undefined

  constructor(
    private readonly rootReal: string,
    options: DiscoveryOptions,
    private readonly includes: readonly GivenInclude[],
  ) {
    this.unmatched = new Set(includes)
    this.excludes = options.exclude.flatMap(compileExcludeGlob)
    this.respectGitignore = options.respectGitignore ?? true
    this.maxFileBytes = options.maxFileBytes
    this.skipDirectories = new Set(options.skipDirectories ?? [])
    this.includesEverything = includes.some((include) => include.regex === undefined)
    this.onCandidate = options.onCandidate
    this.listings = options.keepListings === true ? new Map() : undefined
  }

  /** Visits one directory that is not pruned; `scopes` are the `.gitignore` files above it, outermost first. */
  walk(directory: string, relative: string, scopes: readonly GitignoreScope[]): void {
    let entries: Dirent[]
    try {
      entries = readdirSync(directory, { withFileTypes: true })
    } catch {
      return
    }
    this.listings?.set(relative === '' ? '.' : relative, entries)
    if (this.respectGitignore && entries.some((entry) => entry.name === '.gitignore' && !entry.isDirectory())) {
      const gitignore = readGitignore(nodePath.join(directory, '.gitignore'), this.rootReal, this.maxFileBytes)
      if (gitignore.unread)
        this.note(
          relative === '' ? '.gitignore' : `${relative}/.gitignore`,
          `${gitignore.unread}; its rules are not applied`,
        )
      if (gitignore.matches !== undefined) scopes = [...scopes, { directory: relative, matches: gitignore.matches }]
    }
    const filtered = this.excludes.length > 0 || scopes.length > 0
    const prefix = directory.endsWith(nodePath.sep) ? directory : directory + nodePath.sep
    for (const entry of entries) {
      const name = entry.name
      const path = relative === '' ? name : `${relative}/${name}`
      if (entry.isDirectory()) {
        if (!this.mayIncludeBelow(path)) continue
        // A directory an include glob names (`deploy` of `deploy/**`) is walked even when it is a fixture directory or git-ignored.
        const named = name !== '.git' && this.named(path)
        if (!named && (ALWAYS_SKIPPED_DIRECTORIES.has(name) || this.skipDirectories.has(name))) continue
        let below = scopes
        if (filtered && matchesExclude(this.excludes, path, true)) continue
        if (filtered && gitignored(scopes, path, true)) {
          if (!named) continue
          // Named but git-ignored (generated output, a directory of .bench/): its own .gitignore files apply below it, not the ones that ignore it.
          below = []
        }
        this.walk(prefix + name, path, below)
        continue
      }
      const isLink = entry.isSymbolicLink()
      if (!isLink && !entry.isFile()) continue
      if (this.unmatched.size > 0) this.matchUnmatched(path, filtered, scopes)
      if (!looksRelevantByName(path) || !this.included(path)) continue
      if (filtered && (matchesExclude(this.excludes, path, false) || gitignored(scopes, path, false))) continue
      const absolutePath = prefix + name
      if (isLink) {
        const target = linkTarget(absolutePath, this.rootReal)
        if (target === 'outside')
          this.note(
            path,
            'it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root; copy the file in, or scan its own directory',
          )
        if (target === 'unresolved')
          this.note(
            path,
            'it is a symbolic link that cannot be resolved (its target is missing, or the links form a loop)',
          )
        if (target !== 'file') continue
      }
      this.candidates.push({ path, absolutePath, rootReal: this.rootReal, ...(isLink ? {} : { regularFile: true }) })
      this.onCandidate?.(this.candidates.length)
    }
  }

  /** Marks the include globs still unmatched that match this file, when it is neither excluded nor git-ignored. */
  private matchUnmatched(path: string, filtered: boolean, scopes: readonly GitignoreScope[]): void {
    for (const include of this.unmatched) {
      if (include.regex !== undefined && !include.regex.test(path)) continue
      if (filtered && (matchesExclude(this.excludes, path, false) || gitignored(scopes, path, false))) return
      this.unmatched.delete(include)
    }
  }

  /** Whether this directory is one of the leading directories an include glob names. */
  private named(directory: string): boolean {
    const segments = directory.split('/')
    return this.includes.some(
      (include) => segments.length <= include.fixedDirectories.length && sameLeadingDirectories(include, segments),
    )
  }

  private note(path: string, why: string): void {
    this.findings.push(skippedFileNote(path, why))
  }

  private included(path: string): boolean {
    return (
      this.includesEverything ||
      this.includes.some((include) => include.regex === undefined || include.regex.test(path))
    )
  }

  /** Whether some include glob can match a file below this directory. */
  private mayIncludeBelow(directory: string): boolean {
    if (this.includesEverything) return true
    const segments = directory.split('/')
    // Up to the end of the fixed prefix, only the directories on the way to it; below it, only when the rest of the glob spans directories.
    return this.includes.some(
      (include) =>
        sameLeadingDirectories(include, segments) &&
        (segments.length <= include.fixedDirectories.length || include.reachesBelowPrefix),
    )
  }
}

/** Whether the directories of a path and an include glob's fixed directories agree as far as both go. */
function sameLeadingDirectories(include: IncludeGlob, segments: readonly string[]): boolean {
  const fixed = include.fixedDirectories
  const shared = Math.min(fixed.length, segments.length)
  for (let index = 0; index < shared; index += 1) {
    if (
      include.caseInsensitive
        ? fixed[index]!.toLowerCase() !== segments[index]!.toLowerCase()
        : fixed[index] !== segments[index]
    )
      return false
  }
  return true
}

/**
 * Whether git ignores a repository-relative path (or one of the directories above it) by the
 * `.gitignore` files at and below `root`, as discovery judges the files it walks.
 */
export function gitIgnored(root: string, path: string, isDirectory: boolean): boolean {
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.')
  if (segments.length === 0 || segments.includes('..')) return false
  let rootReal: string
  try {
    rootReal = realpathSync(root)
  } catch {
    return false
  }
  const scopes: GitignoreScope[] = []
  for (let depth = 0; depth < segments.length; depth += 1) {
    const directory = segments.slice(0, depth).join('/')
    const { matches } = readGitignore(
      nodePath.join(rootReal, ...segments.slice(0, depth), '.gitignore'),
      rootReal,
      DEFAULT_MAX_FILE_BYTES,
    )
    if (matches !== undefined) scopes.push({ directory, matches })
    const here = segments.slice(0, depth + 1).join('/')
    const last = depth === segments.length - 1
    if (gitignored(scopes, here, last ? isDirectory : true)) return true
  }
  return false
}

/** git's rules: the deepest `.gitignore` with a matching rule decides. */
function gitignored(scopes: readonly GitignoreScope[], path: string, isDirectory: boolean): boolean {
  for (let index = scopes.length - 1; index >= 0; index -= 1) {
    const scope = scopes[index]!
    const within = scope.directory === '' ? path : path.slice(scope.directory.length + 1)
    const verdict = scope.matches(within, isDirectory)
    if (verdict !== undefined) return verdict
  }
  return false
}

/** The file's rules, compiled (none when it has none); why it was not read when it is a link out of the root, not a regular file, or over the size limit. */
function readGitignore(
  absolutePath: string,
  rootReal: string,
  maxFileBytes: number,
): { matches?: IgnoreMatcher; unread?: string } {
  const read = readFileBytes(absolutePath, { within: rootReal, limit: maxFileBytes })
  if (!read.ok) return read.why === 'missing' || read.why === 'unreadable' ? {} : { unread: describeNotRead(read.why) }
  const matches = compileGitignore(read.bytes.toString('utf8'))
  return matches ? { matches } : {}
}

type LinkTarget = 'file' | 'directory' | 'outside' | 'unresolved'

function linkTarget(absolutePath: string, rootReal: string): LinkTarget {
  let target: string
  try {
    target = realpathSync(absolutePath)
  } catch {
    return 'unresolved'
  }
  if (!isInside(target, rootReal)) return 'outside'
  try {
    return statSync(target).isFile() ? 'file' : 'directory'
  } catch {
    return 'unresolved'
  }
}

function isInside(target: string, rootReal: string): boolean {
  const relative = nodePath.relative(rootReal, target)
  return relative !== '' && !relative.startsWith('..') && !nodePath.isAbsolute(relative)
}
