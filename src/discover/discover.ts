import { readFileSync } from 'node:fs'
import { open, realpath, stat } from 'node:fs/promises'
import nodePath from 'node:path'
import { glob, hasMagic, type IgnoreLike, type Path } from 'glob'
import type { SourceFinding } from '../model/finding.js'
import { fileLocation } from '../model/location.js'
import { classify, looksRelevantByName } from './classify.js'
import { compileExcludeGlob, matchesExclude, matchIgnoreRules, parseGitignore, type ExcludeGlob, type IgnoreRule } from './patterns.js'

export interface Candidate {
  /** Repository-relative, `/`-separated. */
  path: string
  absolutePath: string
  size: number
}

export interface DiscoveryOptions {
  /** Globs relative to the root; a plain directory name means everything below it. */
  include: string[]
  /** Globs relative to the root; what one matches is skipped with everything below it. */
  exclude: string[]
  /** Larger files are skipped, with a note when they look relevant. 0 means no limit. */
  maxFileBytes: number
  /** Honour `.gitignore` files at and below the root (default true). */
  respectGitignore?: boolean
}

export interface DiscoveryResult {
  /** Files that may be relevant by name, sorted by path. */
  candidates: Candidate[]
  /** Notes about files skipped (binary, oversized, links out of the repository) that look relevant. */
  findings: SourceFinding[]
}

/** Directories never scanned, wherever they are. */
export const ALWAYS_SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules', 'vendor', '.terraform', 'bower_components'])

/** How much of an oversized file is read to decide whether it is worth a note. */
const OVERSIZED_SNIFF_BYTES = 64 * 1024

/**
 * Finds the files under `root` that irsa-guard may read: matched by an include glob, not
 * excluded, not ignored by git, relevant by name. Symbolic links to directories are never
 * followed (so a link loop cannot hang the walk); links to files are read only when the target
 * lies inside the root.
 */
export async function discover(root: string, options: DiscoveryOptions): Promise<DiscoveryResult> {
  const rootReal = await realpath(root)
  const filter = new RepositoryFilter(rootReal, options)
  const include = await normaliseIncludes(rootReal, options.include)
  const matches: Path[] = await glob(include, {
    cwd: rootReal,
    dot: true,
    nodir: true,
    withFileTypes: true,
    stat: true,
    follow: false,
    ignore: filter,
  })
  const candidates: Candidate[] = []
  const findings: SourceFinding[] = []
  const note = (path: string, why: string): void => {
    findings.push({ ruleId: 'parse-error', level: 'note', location: fileLocation(path), message: `Skipped ${path}: ${why}`, key: `skipped:${path}` })
  }
  for (const entry of matches) {
    const path = entry.relativePosix()
    if (path === '' || path.startsWith('../') || nodePath.isAbsolute(path)) continue
    const absolutePath = entry.fullpath()
    let size = entry.size ?? 0
    if (entry.isSymbolicLink()) {
      const target = await linkTarget(absolutePath, rootReal)
      if (target.kind === 'outside') note(path, 'it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root; copy the file in, or scan its own directory')
      if (target.kind === 'unresolved') note(path, 'it is a symbolic link that cannot be resolved (its target is missing, or the links form a loop)')
      if (target.kind !== 'file') continue
      size = target.size
    } else if (!entry.isFile()) {
      continue
    }
    if (options.maxFileBytes > 0 && size > options.maxFileBytes) {
      if (await oversizedLooksRelevant(path, absolutePath)) {
        note(path, `it is ${formatBytes(size)}, larger than the ${formatBytes(options.maxFileBytes)} limit; raise maxFileBytes in the config file, or exclude the file`)
      }
      continue
    }
    candidates.push({ path, absolutePath, size })
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

type LinkTarget = { kind: 'file'; size: number } | { kind: 'directory' } | { kind: 'outside' } | { kind: 'unresolved' }

async function linkTarget(absolutePath: string, rootReal: string): Promise<LinkTarget> {
  let target: string
  try {
    target = await realpath(absolutePath)
  } catch {
    return { kind: 'unresolved' }
  }
  if (!isInside(target, rootReal)) return { kind: 'outside' }
  try {
    const stats = await stat(target)
    return stats.isFile() ? { kind: 'file', size: stats.size } : { kind: 'directory' }
  } catch {
    return { kind: 'unresolved' }
  }
}

function isInside(target: string, rootReal: string): boolean {
  const relative = nodePath.relative(rootReal, target)
  return relative !== '' && !relative.startsWith('..') && !nodePath.isAbsolute(relative)
}

/** An oversized file deserves a note when its first bytes classify as something irsa-guard reads. */
async function oversizedLooksRelevant(path: string, absolutePath: string): Promise<boolean> {
  let head: string
  try {
    const handle = await open(absolutePath, 'r')
    try {
      const buffer = Buffer.alloc(OVERSIZED_SNIFF_BYTES)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
      head = buffer.toString('utf8', 0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch {
    return true
  }
  if (/\.json$/i.test(path) && head.includes('"format_version"')) return true
  return classify(path, head) !== 'ignored'
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${bytes} bytes`
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
