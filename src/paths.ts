import { lstatSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { ConfigError } from './config.js'

const GLOB_CHARACTERS = /[*?[\]{}]/

export function isGlob(text: string): boolean {
  return GLOB_CHARACTERS.test(text)
}

/**
 * Turns PATHs (CLI arguments, the action's `paths` input), relative to `base` (default: the root),
 * into include globs relative to the root: a directory covers everything below it, a file itself,
 * a glob stays as written. PATHs that all name the root mean "the config's include" and give
 * undefined. Every PATH must be inside the root.
 */
export async function includeGlobsFor(
  paths: readonly string[],
  root: string,
  base = root,
): Promise<string[] | undefined> {
  const given = paths.map((entry) => entry.trim()).filter((entry) => entry !== '')
  if (given.every((entry) => path.resolve(base, entry) === path.resolve(root))) return undefined
  const include: string[] = []
  for (const entry of given) {
    const absolute = path.resolve(base, entry)
    const relative = path.relative(root, absolute).split(path.sep).join('/')
    if (relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) {
      throw new ConfigError(`${entry} is outside the repository root ${root}`)
    }
    if (isGlob(entry)) {
      include.push(relative)
      continue
    }
    const info = await stat(absolute).catch(() => undefined)
    if (!info) throw new ConfigError(`no such file or directory: ${entry}`)
    include.push(info.isDirectory() ? (relative === '' ? '**/*' : `${relative}/**/*`) : relative)
  }
  return include
}

/**
 * The repository a directory belongs to: the nearest directory at or above it that holds a `.git`
 * entry (a directory, or the file of a worktree or submodule), as git's own discovery finds the
 * top level; undefined outside any. Nothing is run and nothing but that entry's existence is read
 * (running git on a scanned tree would let its config run programs).
 */
export function findRepositoryRoot(directory: string): string | undefined {
  let current = path.resolve(directory)
  for (;;) {
    if (exists(path.join(current, '.git'))) return current
    const parent = path.dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

function exists(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) !== undefined
  } catch {
    return false
  }
}

/** `a, b` or one per line, as GitHub inputs are written. */
export function splitList(input: string): string[] {
  return input
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
}
