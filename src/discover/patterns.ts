/**
 * Path patterns: `.gitignore` files (git's semantics: comments, `!` negation, trailing `/` for
 * directories only, a leading or inner `/` anchors to the file's directory, `*`, `?`, `[...]`,
 * `**`), and the exclude globs of the config (relative to the root, with `{a,b}`).
 */

export interface IgnoreRule {
  negate: boolean
  directoryOnly: boolean
  regex: RegExp
  /** The regex is matched against the last path segment only (a pattern without `/` or `**`, git's commonest kind). */
  basename?: boolean
}

/** Parses a `.gitignore` file. Paths it is matched against are relative to its directory. */
export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = []
  for (const rawLine of text.split(/\r?\n/)) {
    let line = trimTrailingSpaces(rawLine)
    if (line === '' || line.startsWith('#')) continue
    let negate = false
    if (line.startsWith('!')) {
      negate = true
      line = line.slice(1)
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
      line = line.slice(1)
    }
    const directoryOnly = line.endsWith('/')
    while (line.endsWith('/')) line = line.slice(0, -1)
    if (line === '') continue
    const anchored = line.includes('/')
    if (line.startsWith('/')) line = line.slice(1)
    const body = globToRegexSource(line)
    if (!anchored && !line.includes('**')) rules.push({ negate, directoryOnly, regex: new RegExp(`^${body}$`), basename: true })
    else rules.push({ negate, directoryOnly, regex: new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`) })
  }
  return rules
}

/**
 * git's answer for one `.gitignore` file: true (ignored), false (re-included by a `!` rule), or
 * undefined (no rule matches). The last matching rule wins.
 */
export function matchIgnoreRules(rules: readonly IgnoreRule[], relativePath: string, isDirectory: boolean): boolean | undefined {
  let basename: string | undefined
  for (let index = rules.length - 1; index >= 0; index -= 1) {
    const rule = rules[index]!
    if (rule.directoryOnly && !isDirectory) continue
    if (rule.basename) basename ??= relativePath.slice(relativePath.lastIndexOf('/') + 1)
    if (rule.regex.test(rule.basename ? basename! : relativePath)) return !rule.negate
  }
  return undefined
}

/** One `.gitignore` file ready to match paths relative to its directory: matchIgnoreRules's answer. */
export type IgnoreMatcher = (relativePath: string, isDirectory: boolean) => boolean | undefined

/**
 * A `.gitignore` file's rules compiled once for the walk. Without `!` rules, the file ignores
 * a path when any rule matches it, so its rules run as one regex over the last segment and one
 * over the whole path; with them, the last matching rule decides (matchIgnoreRules).
 */
export function compileIgnoreRules(rules: readonly IgnoreRule[]): IgnoreMatcher {
  if (rules.some((rule) => rule.negate)) return (relativePath, isDirectory) => matchIgnoreRules(rules, relativePath, isDirectory)
  const forFiles = anyRuleMatches(rules.filter((rule) => !rule.directoryOnly))
  const forDirectories = anyRuleMatches(rules)
  return (relativePath, isDirectory) => ((isDirectory ? forDirectories : forFiles)(relativePath) ? true : undefined)
}

function anyRuleMatches(rules: readonly IgnoreRule[]): (relativePath: string) => boolean {
  const basename = eitherRegex(rules.filter((rule) => rule.basename))
  const whole = eitherRegex(rules.filter((rule) => !rule.basename))
  if (basename === undefined) return whole === undefined ? () => false : (relativePath) => whole.test(relativePath)
  return (relativePath) => basename.test(relativePath.slice(relativePath.lastIndexOf('/') + 1)) || (whole !== undefined && whole.test(relativePath))
}

/** One regex matching what any of these (anchored, flagless) rule regexes matches. */
function eitherRegex(rules: readonly IgnoreRule[]): RegExp | undefined {
  if (rules.length === 0) return undefined
  if (rules.length === 1) return rules[0]!.regex
  return new RegExp(rules.map((rule) => `(?:${rule.regex.source})`).join('|'))
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
  return expandBraces(pattern).map((expanded) => ({ directoryOnly, regex: new RegExp(`^${globToRegexSource(expanded)}$`) }))
}

export function matchesExclude(globs: readonly ExcludeGlob[], relativePath: string, isDirectory: boolean): boolean {
  return globs.some((glob) => (!glob.directoryOnly || isDirectory) && glob.regex.test(relativePath))
}

export interface IncludeGlob {
  /** undefined when the glob matches every path (`**` + `/*`). */
  regex: RegExp | undefined
  /** The leading directory names without glob characters: only directories on the way to them, or below them, are walked. */
  fixedDirectories: string[]
  /** Whether the glob after those directories reaches into subdirectories (`**`, or more than a file name). */
  reachesBelowPrefix: boolean
  caseInsensitive: boolean
}

/** An include glob relative to the root (`**`, `*`, `?`, `[...]`, `{a,b}`), matched against file paths. */
export function compileIncludeGlob(glob: string, caseInsensitive = false): IncludeGlob[] {
  return expandBraces(glob).map((expanded) => {
    const segments = expanded.split('/')
    let fixed = 0
    while (fixed < segments.length - 1 && !/[*?[\]\\]/.test(segments[fixed]!)) fixed += 1
    const rest = segments.slice(fixed)
    return {
      regex: expanded === '**/*' || expanded === '**' ? undefined : new RegExp(`^${globToRegexSource(expanded)}$`, caseInsensitive ? 'i' : ''),
      fixedDirectories: segments.slice(0, fixed),
      reachesBelowPrefix: rest.length > 1 || rest.some((segment) => segment.includes('**')),
      caseInsensitive,
    }
  })
}

/** `a/{b,c}/d` → `a/b/d`, `a/c/d` (nested braces too). */
export function expandBraces(pattern: string): string[] {
  const open = findUnescaped(pattern, '{', 0)
  if (open === -1) return [pattern]
  let depth = 0
  const commas: number[] = []
  for (let index = open; index < pattern.length; index += 1) {
    const char = pattern[index]
    if (char === '\\') {
      index += 1
      continue
    }
    if (char === '{') depth += 1
    else if (char === '}') {
      depth -= 1
      if (depth === 0) {
        if (commas.length === 0) {
          return expandBraces(pattern.slice(index + 1)).map((rest) => pattern.slice(0, index + 1) + rest)
        }
        const bounds = [open, ...commas, index]
        const prefix = pattern.slice(0, open)
        const suffix = pattern.slice(index + 1)
        const results: string[] = []
        for (let part = 0; part < bounds.length - 1; part += 1) {
          results.push(...expandBraces(prefix + pattern.slice(bounds[part]! + 1, bounds[part + 1]) + suffix))
        }
        return results
      }
    } else if (char === ',' && depth === 1) commas.push(index)
  }
  return [pattern]
}

function findUnescaped(text: string, char: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1
    else if (text[index] === char) return index
  }
  return -1
}

/** A gitignore-style glob (segments separated by `/`) as the source of an unanchored regex. */
export function globToRegexSource(glob: string): string {
  let out = ''
  let index = 0
  if (glob.startsWith('**/')) {
    out += '(?:.*/)?'
    index = 3
  } else if (glob === '**') {
    return '.*'
  }
  while (index < glob.length) {
    const char = glob[index]!
    if (char === '/' && glob.startsWith('/**/', index)) {
      out += '/(?:.*/)?'
      index += 4
    } else if (char === '/' && glob.startsWith('/**', index) && index + 3 === glob.length) {
      out += '/.*'
      index += 3
    } else if (char === '*') {
      while (glob[index] === '*') index += 1
      out += '[^/]*'
    } else if (char === '?') {
      out += '[^/]'
      index += 1
    } else if (char === '[') {
      const parsed = characterClass(glob, index)
      if (parsed) {
        out += parsed.source
        index = parsed.end
      } else {
        out += '\\['
        index += 1
      }
    } else if (char === '\\' && index + 1 < glob.length) {
      out += escapeRegex(glob[index + 1]!)
      index += 2
    } else {
      out += escapeRegex(char)
      index += 1
    }
  }
  return out
}

function characterClass(glob: string, start: number): { source: string; end: number } | undefined {
  let index = start + 1
  let negate = false
  if (glob[index] === '!' || glob[index] === '^') {
    negate = true
    index += 1
  }
  let body = ''
  let first = true
  while (index < glob.length) {
    const char = glob[index]!
    if (char === ']' && !first) {
      return { source: negate ? `[^/${body}]` : `[${body}]`, end: index + 1 }
    }
    if (char === '\\' && index + 1 < glob.length) {
      body += `\\${glob[index + 1]}`
      index += 2
    } else {
      body += char === '\\' || char === ']' || char === '[' || char === '^' ? `\\${char}` : char
      index += 1
    }
    first = false
  }
  return undefined
}

function escapeRegex(char: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char
}

function trimTrailingSpaces(line: string): string {
  let end = line.length
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t') && line[end - 2] !== '\\') end -= 1
  const trimmed = line.slice(0, end)
  return trimmed.replace(/\\ $/, ' ')
}
