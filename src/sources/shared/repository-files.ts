import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs'
import nodePath from 'node:path'
import { readFileBytes, type FileBytes } from '../../discover/file-bytes.js'
import { gitIgnored, type DirectoryListings } from '../../discover/discover.js'
import { decodeText } from '../../discover/read.js'
import type { SourceFile } from '../source.js'

/** Why a referenced file could not be read; `outside` covers `..` past the root and links out of it. */
export type Unreadable = 'missing' | 'outside' | 'too-large' | 'not-text'

/**
 * The repository's files as the sources see them (SourceContext.repository): the discovered files
 * first (their text is already decoded), then, when the root is known, any other file below the
 * root that a source names (a JSON patch, a values file, a `file()` template, a chart to copy).
 * Every read goes through readFileBytes with the scan's size limit. Never reads outside the root:
 * `..` past it and symbolic links out of it are refused.
 */
export class RepositoryFiles {
  private readonly byPath = new Map<string, SourceFile>()
  private readonly directories = new Set<string>()
  private readonly diskTexts = new Map<string, string | Unreadable>()
  private readonly insideCache = new Map<string, string | undefined>()
  private readonly rootReal: string | undefined
  private readonly root: string | undefined
  /** The entries by name of each directory discovery listed (see `listings`). */
  private readonly walkedEntries = new Map<string, Map<string, Dirent>>()

  /**
   * `listings`: what discovery's walk of this root read (a cached run passes them): a directory it
   * listed is not listed again, and a path in it is known to be inside the root, or missing,
   * without a realpath (only where file names are case-sensitive).
   */
  constructor(
    files: readonly SourceFile[],
    root: string | undefined,
    private readonly maxFileBytes: number,
    private readonly listings?: DirectoryListings,
  ) {
    this.root = root === undefined ? undefined : nodePath.resolve(root)
    for (const file of files) {
      this.byPath.set(file.path, file)
      for (
        let directory = nodePath.posix.dirname(file.path);
        directory !== '.';
        directory = nodePath.posix.dirname(directory)
      ) {
        if (this.directories.has(directory)) break
        this.directories.add(directory)
      }
    }
    this.rootReal = this.root === undefined ? undefined : safeRealpath(this.root)
  }

  /** A discovered file, with its kind. */
  discovered(path: string): SourceFile | undefined {
    return this.byPath.get(path)
  }

  /** The text of a repository-relative file, or why there is none. */
  read(path: string): string | Unreadable {
    const file = this.byPath.get(path)
    if (file) return file.text
    const cached = this.diskTexts.get(path)
    if (cached !== undefined) return cached
    const text = this.readFromDisk(path)
    this.diskTexts.set(path, text)
    return text
  }

  text(path: string): string | undefined {
    const text = this.read(path)
    return isUnreadable(text) ? undefined : text
  }

  isDirectory(path: string): boolean {
    if (path === '.' || this.directories.has(path)) return true
    const absolute = this.inside(path)
    if (!absolute) return false
    try {
      return statSync(absolute).isDirectory()
    } catch {
      return false
    }
  }

  isFile(path: string): boolean {
    if (this.byPath.has(path)) return true
    const absolute = this.inside(path)
    if (!absolute) return false
    try {
      return statSync(absolute).isFile()
    } catch {
      return false
    }
  }

  /** The entries of a directory: the discovered files below it, and (when the root is known) what is on disk, links left out. */
  list(directory: string): { name: string; directory: boolean }[] {
    const prefix = directory === '.' ? '' : `${directory}/`
    const entries = new Map<string, boolean>()
    for (const path of this.byPath.keys()) {
      if (!path.startsWith(prefix)) continue
      const rest = path.slice(prefix.length)
      const slash = rest.indexOf('/')
      entries.set(slash === -1 ? rest : rest.slice(0, slash), slash !== -1)
    }
    const absolute = this.inside(directory === '.' ? '' : directory) ?? (directory === '.' ? this.root : undefined)
    if (absolute !== undefined) {
      try {
        for (const entry of readdirSync(absolute, { withFileTypes: true })) {
          // kustomize-controller walks with filepath.Walk, which does not follow a linked directory (and so never loops).
          if (entries.has(entry.name) || entry.name === '.git' || entry.isSymbolicLink()) continue
          const path = `${prefix}${entry.name}`
          if (this.inside(path) === undefined) continue
          const isDirectory = this.isDirectory(path)
          // A file git ignores is not in the repository a controller clones.
          if (!this.ignoredByGit(path, isDirectory)) entries.set(entry.name, isDirectory)
        }
      } catch {
        // Not a directory on disk: the discovered files are all there is.
      }
    }
    return [...entries].map(([name, isDirectory]) => ({ name, directory: isDirectory }))
  }

  /** Whether git ignores the path (judged by the repository's .gitignore files; false when the root is unknown). */
  ignoredByGit(path: string, isDirectory: boolean): boolean {
    return this.root !== undefined && !isOutsideByName(path) && gitIgnored(this.root, path, isDirectory)
  }

  /**
   * The bytes of a repository file on disk (a chart's file copied for helm): read with the root's
   * confinement and the size limit; `outside` for a path that leaves the root.
   */
  bytesOnDisk(path: string): FileBytes {
    if (this.root === undefined) return { ok: false, why: 'missing' }
    const absolute = this.inside(path)
    if (!absolute) return { ok: false, why: isOutsideByName(path) || this.outside(path) ? 'outside' : 'missing' }
    return readFileBytes(absolute, { within: this.rootReal, limit: this.maxFileBytes })
  }

  /** The entries on disk of a repository directory inside the root (links listed, not followed), or undefined when it cannot be listed. */
  entriesOnDisk(directory: string): Dirent[] | undefined {
    const listed = this.listings?.get(directory === '' ? '.' : directory)
    if (listed && this.root !== undefined) return [...listed]
    const absolute = directory === '.' || directory === '' ? this.root : this.inside(directory)
    if (absolute === undefined) return undefined
    try {
      return readdirSync(absolute, { withFileTypes: true })
    } catch {
      return undefined
    }
  }

  /** The absolute path of a repository-relative path that resolves inside the root, for tools run on it. */
  absolute(path: string): string | undefined {
    return this.inside(path)
  }

  private readFromDisk(path: string): string | Unreadable {
    if (this.root === undefined) return 'missing'
    const absolute = this.inside(path)
    if (!absolute) return isOutsideByName(path) ? 'outside' : 'missing'
    const read = readFileBytes(absolute, { within: this.rootReal, limit: this.maxFileBytes })
    if (!read.ok) return read.why === 'outside' || read.why === 'too-large' ? read.why : 'missing'
    const decoded = decodeText(path, read.bytes)
    return decoded.ok ? decoded.text : 'not-text'
  }

  /** The absolute path when `path` stays inside the root once links are resolved; undefined otherwise (or when missing). */
  private inside(path: string): string | undefined {
    if (this.insideCache.has(path)) return this.insideCache.get(path)
    const absolute = this.resolveInside(path)
    this.insideCache.set(path, absolute)
    return absolute
  }

  private resolveInside(path: string): string | undefined {
    if (this.root === undefined || this.rootReal === undefined || isOutsideByName(path)) return undefined
    const walked = this.insideByWalk(path)
    if (walked !== 'unknown') return walked
    const absolute = nodePath.join(this.root, ...path.split('/'))
    const real = safeRealpath(absolute)
    if (real === undefined) return undefined
    const relative = nodePath.relative(this.rootReal, real)
    if (relative.startsWith('..') || nodePath.isAbsolute(relative)) return undefined
    return absolute
  }

  /**
   * resolveInside from discovery's listings: a path in a directory the walk listed (reached from
   * the root's real path without a link) is inside the root when the listing holds it and it is
   * not a link, missing when the listing does not hold it; 'unknown' otherwise.
   */
  private insideByWalk(path: string): string | undefined | 'unknown' {
    if (!this.listings || this.root === undefined || !CASE_SENSITIVE_NAMES) return 'unknown'
    const segments = path.split('/')
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return 'unknown'
    const name = segments.pop() ?? ''
    const directory = segments.length === 0 ? '.' : segments.join('/')
    let entries = this.walkedEntries.get(directory)
    if (entries === undefined) {
      const listed = this.listings.get(directory)
      if (listed === undefined) return 'unknown'
      entries = new Map(listed.map((entry) => [entry.name, entry]))
      this.walkedEntries.set(directory, entries)
    }
    const entry = entries.get(name)
    if (entry === undefined) return undefined
    return entry.isSymbolicLink() ? 'unknown' : nodePath.join(this.root, ...path.split('/'))
  }

  /** Whether the path would leave the root, judged from its text; links are judged when read. */
  outside(path: string): boolean {
    if (isOutsideByName(path)) return true
    if (this.root === undefined || this.byPath.has(path) || this.directories.has(path)) return false
    if (this.inside(path) !== undefined) return false
    // Not inside: a link out of the root, or simply missing.
    if (this.insideByWalk(path) === undefined) return false
    return safeRealpath(nodePath.join(this.root, ...path.split('/'))) !== undefined
  }
}

export function isUnreadable(text: string | Unreadable): text is Unreadable {
  return text === 'missing' || text === 'outside' || text === 'too-large' || text === 'not-text'
}

/** Joins a reference written in a file of `directory` to a normalised repository-relative path ('..' prefixes when it leaves the root). */
export function resolveReference(directory: string, reference: string): string {
  // An absolute path stays absolute: it is outside the repository.
  if (/^([/\\]|[A-Za-z]:[/\\])/.test(reference)) return nodePath.posix.normalize(reference.replace(/\\/g, '/'))
  const joined = nodePath.posix.normalize(nodePath.posix.join(directory, reference.replace(/\\/g, '/')))
  return joined.replace(/\/+$/, '') || '.'
}

/** Where one name cannot stand for another of other case or Unicode normalisation (as on macOS and Windows). */
const CASE_SENSITIVE_NAMES = process.platform !== 'darwin' && process.platform !== 'win32'

function isOutsideByName(path: string): boolean {
  return path === '..' || path.startsWith('../') || nodePath.posix.isAbsolute(path)
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path)
  } catch {
    return undefined
  }
}
