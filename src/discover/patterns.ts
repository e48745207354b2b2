/**
 * Path patterns: `.gitignore` files through the `ignore` package (git's semantics), and the include
 * and exclude globs of the config, the CLI and the action through `picomatch` (`**`, `*`, `?`,
 * `[...]`, `{a,b}`, extglobs). Both see repository-relative, `/`-separated paths.
 */
import ignore from 'ignore'
import picomatch from 'picomatch'

/**
 * One `.gitignore` file's answer for a path relative to its directory: true (ignored), false
 * (re-included by a `!` rule), or undefined (no rule matches, so the `.gitignore` above decides).
 */
export type IgnoreMatcher = (relativePath: string, isDirectory: boolean) => boolean | undefined

/**
 * Compiles a `.gitignore` file (undefined when it has no rule). Case-sensitive, as git is unless
 * core.ignorecase is set.
 */
export function compileGitignore(text: string): IgnoreMatcher | undefined {
  const rules = ignore({ ignorecase: false, allowRelativePaths: true }).add(text)
  if (!hasRules(text)) return undefined
  return (relativePath, isDirectory) => {
    const verdict = rules.test(isDirectory ? `${relativePath}/` : relativePath)
    return verdict.ignored ? true : verdict.unignored ? false : undefined
  }
}

function hasRules(text: string): boolean {
  return text.split(/\r?\n/).some((line) => line.trim() !== '' && !line.startsWith('#'))
}

/** The glob options for every include and exclude: `*` matches dot files as well, a leading `!` is a character. */
const GLOB_OPTIONS = { dot: true, nonegate: true } as const

/** A glob matched against a whole repository-relative file path (the config's `ignore:` paths). */
export function compilePathGlob(glob: string): (relativePath: string) => boolean {
  const regex = picomatch.makeRe(glob, GLOB_OPTIONS)
  return (relativePath) => regex.test(relativePath)
}

export interface ExcludeGlob {
  directoryOnly: boolean
  regex: RegExp
}

/** An exclude glob relative to the root; it excludes what it matches and everything below. */
export function compileExcludeGlob(glob: string): ExcludeGlob[] {
  let pattern = glob.trim().replace(/\\/g, '/')
  while (pattern.startsWith('./')) pattern = pattern.slice(2)
  if (pattern.startsWith('/')) pattern = pattern.slice(1)
  const directoryOnly = pattern.endsWith('/')
  while (pattern.endsWith('/')) pattern = pattern.slice(0, -1)
  if (pattern === '') return []
  return [{ directoryOnly, regex: picomatch.makeRe(pattern, GLOB_OPTIONS) }]
}

export function matchesExclude(globs: readonly ExcludeGlob[], relativePath: string, isDirectory: boolean): boolean {
  return globs.some((glob) => (!glob.directoryOnly || isDirectory) && glob.regex.test(relativePath))
}

export interface IncludeGlob {
  /** The glob as given. */
  glob: string
  /** undefined when the glob matches every path (`**` + `/*`). */
  regex: RegExp | undefined
  /** The leading directory names without glob characters: only directories on the way to them, or below them, are walked. */
  fixedDirectories: string[]
  /** Whether the glob after those directories reaches into subdirectories (`**`, or more than a file name). */
  reachesBelowPrefix: boolean
  caseInsensitive: boolean
}

/** An include glob relative to the root, matched against file paths. */
export function compileIncludeGlob(glob: string, caseInsensitive = false): IncludeGlob {
  const scanned = picomatch.scan(glob)
  // A glob without glob characters is a file's path: its directories are the fixed part.
  const base = scanned.isGlob ? scanned.base : glob.slice(0, Math.max(0, glob.lastIndexOf('/')))
  const fixedDirectories = base === '' ? [] : base.split('/')
  const rest = scanned.isGlob ? scanned.glob.split('/') : [glob.slice(glob.lastIndexOf('/') + 1)]
  return {
    glob,
    regex:
      glob === '**/*' || glob === '**'
        ? undefined
        : picomatch.makeRe(glob, { ...GLOB_OPTIONS, nocase: caseInsensitive }),
    fixedDirectories,
    reachesBelowPrefix: rest.length > 1 || rest.some((segment) => segment.includes('**')),
    caseInsensitive,
  }
}
