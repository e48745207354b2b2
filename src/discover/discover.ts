import { readFileSync } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import nodePath from 'node:path'
import { glob, hasMagic, type IgnoreLike, type Path } from 'glob'
import { ConfigError } from '../config.js'
import type { SourceFinding } from '../model/finding.js'
import { looksRelevantByName } from './classify.js'
import { skippedFileNote } from './read.js'
import { compileExcludeGlob, matchesExclude, matchIgnoreRules, parseGitignore, type ExcludeGlob, type IgnoreRule } from './patterns.js'

export interface Candidate {
  /** Repository-relative, `/`-separated. */
  path: string
  absolutePath: string
}

export interface DiscoveryOptions {
  /** Globs relative to the root; a plain directory name means everything below it. */
  include: string[]
  /** Globs relative to the root; what one matches is skipped with everything below it. */
  exclude: string[]
  /** Larger files are skipped when read (readCandidate), with a note when they look relevant. 0 means no limit. */
  maxFileBytes: number
  /** Honour `.gitignore` files at and below the root (default true). */
  respectGitignore?: boolean
}

export interface DiscoveryResult {
  /** Files that may be relevant by name, sorted by path. */
  candidates: Candidate[]
  /** Notes about files skipped (links out of the repository or unresolved) that look relevant. */
  findings: SourceFinding[]
}

/** Directories never scanned, wherever they are. */
export const ALWAYS_SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules', 'vendor', '.terraform', 'bower_components'])

/**
 * Finds the files under `root` that irsa-guard may read: matched by an include glob, not
 * excluded, not ignored by git, relevant by name. Symbolic links to directories are never
 * followed (so a link loop cannot hang the walk); links to files are read only when the target
 * lies inside the root. Nothing is stat'ed beyond what reading the directories tells: sizes are
 * checked when the file is opened (readCandidate).
 */
export async function discover(root: string, options: DiscoveryOptions): Promise<DiscoveryResult> {
  const rootReal = await realpath(root).catch(() => undefined)
  if (!rootReal || !(await stat(rootReal)).isDirectory()) throw new ConfigError(`Cannot scan ${root}: it is not a directory`)
  const filter = new RepositoryFilter(rootReal, options)
  const include = await normaliseIncludes(rootReal, options.include)
  const matches: Path[] = await glob(include, {
    cwd: rootReal,
    dot: true,
    nodir: true,
    withFileTypes: true,
    follow: false,
    ignore: filter,
  })
  const candidates: Candidate[] = []
  const findings: SourceFinding[] = []
  const note = (path: string, why: string): void => {
    findings.push(skippedFileNote(path, why))
  }
  for (const entry of matches) {
    const path = entry.relativePosix()
    if (path === '' || path.startsWith('../') || nodePath.isAbsolute(path)) continue
    const absolutePath = entry.fullpath()
    if (entry.isSymbolicLink()) {
      const target = await linkTarget(absolutePath, rootReal)
      if (target === 'outside') note(path, 'it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root; copy the file in, or scan its own directory')
      if (target === 'unresolved') note(path, 'it is a symbolic link that cannot be resolved (its target is missing, or the links form a loop)')
      if (target !== 'file') continue
    } else if (!entry.isFile()) {
      continue
    }
    candidates.push({ path, absolutePath })
  }
  candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  findings.sort((a, b) => (a.location.path < b.location.path ? -1 : 1))
  return { candidates, findings }
}

/** A plain directory (`k8s`, `deploy/`) means all files below it; `./` is dropped. */
async function normaliseIncludes(rootReal: string, include: readonly string[]): Promise<string[]> {
  const patterns: string[] = []
  for (const raw of include.length > 0 ? include : ['**/*']) {
    let pattern = raw.trim().replace(/\\/g, '/')
    while (pattern.startsWith('./')) pattern = pattern.slice(2)
    if (pattern === '' || pattern === '.') pattern = '**/*'
    if (!hasMagic(pattern)) {
      const isDirectory = await stat(nodePath.join(rootReal, pattern)).then(
        (stats) => stats.isDirectory(),
        () => false,
      )
      if (isDirectory) pattern = `${pattern.replace(/\/+$/, '')}/**/*`
    } else if (pattern.endsWith('/')) {
      pattern = `${pattern}**/*`
    }
    patterns.push(pattern)
  }
  return patterns
}

type LinkTarget = 'file' | 'directory' | 'outside' | 'unresolved'

async function linkTarget(absolutePath: string, rootReal: string): Promise<LinkTarget> {
  let target: string
  try {
    target = await realpath(absolutePath)
  } catch {
    return 'unresolved'
  }
  if (!isInside(target, rootReal)) return 'outside'
  try {
    return (await stat(target)).isFile() ? 'file' : 'directory'
  } catch {
    return 'unresolved'
  }
}

function isInside(target: string, rootReal: string): boolean {
  const relative = nodePath.relative(rootReal, target)
  return relative !== '' && !relative.startsWith('..') && !nodePath.isAbsolute(relative)
}

/**
 * glob's ignore hook: prunes always-skipped, excluded, git-ignored and symlinked directories
 * before they are read, and drops files that are irrelevant by name before they are stat'ed.
 */
class RepositoryFilter implements IgnoreLike {
  private readonly excludes: ExcludeGlob[]
  private readonly respectGitignore: boolean
  private readonly prunedDirectories = new Map<Path, boolean>()
  private readonly gitignoreRules = new Map<Path, IgnoreRule[]>()

  constructor(
    private readonly rootReal: string,
    options: DiscoveryOptions,
  ) {
    this.excludes = options.exclude.flatMap(compileExcludeGlob)
    this.respectGitignore = options.respectGitignore ?? true
  }

  ignored(path: Path): boolean {
    if (path.isUnknown()) path.lstatSync()
    if (path.isDirectory()) return false
    const relative = path.relativePosix()
    if (relative === '' || relative.startsWith('../')) return true
    if (path.parent && this.childrenIgnored(path.parent)) return true
    if (!looksRelevantByName(relative)) return true
    return matchesExclude(this.excludes, relative, false) || this.gitignored(path, relative, false)
  }

  childrenIgnored(directory: Path): boolean {
    const cached = this.prunedDirectories.get(directory)
    if (cached !== undefined) return cached
    const pruned = this.isPruned(directory)
    this.prunedDirectories.set(directory, pruned)
    return pruned
  }

  private isPruned(directory: Path): boolean {
    if (directory.fullpath() === this.rootReal) return false
    const relative = directory.relativePosix()
    if (relative === '' ) return false
    if (relative.startsWith('../') || relative === '..') return true
    if (directory.isUnknown()) directory.lstatSync()
    if (directory.isSymbolicLink()) return true
    if (ALWAYS_SKIPPED_DIRECTORIES.has(directory.name)) return true
    if (directory.parent && this.childrenIgnored(directory.parent)) return true
    return matchesExclude(this.excludes, relative, true) || this.gitignored(directory, relative, true)
  }

  /** git's rules: the deepest `.gitignore` with a matching rule decides. */
  private gitignored(path: Path, relative: string, isDirectory: boolean): boolean {
    if (!this.respectGitignore) return false
    for (let directory = path.parent; directory; directory = directory.parent) {
      const directoryRelative = directory.relativePosix()
      const rules = this.rulesOf(directory)
      if (rules.length > 0) {
        const within = directoryRelative === '' ? relative : relative.slice(directoryRelative.length + 1)
        const verdict = matchIgnoreRules(rules, within, isDirectory)
        if (verdict !== undefined) return verdict
      }
      if (directory.fullpath() === this.rootReal) break
    }
    return false
  }

  private rulesOf(directory: Path): IgnoreRule[] {
    const cached = this.gitignoreRules.get(directory)
    if (cached) return cached
    let rules: IgnoreRule[] = []
    const listed = directory.calledReaddir() ? directory.readdirCached().some((child) => child.name === '.gitignore') : true
    if (listed) {
      try {
        rules = parseGitignore(readFileSync(nodePath.join(directory.fullpath(), '.gitignore'), 'utf8'))
      } catch {
        rules = []
      }
    }
    this.gitignoreRules.set(directory, rules)
    return rules
  }
}
