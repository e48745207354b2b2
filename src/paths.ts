import { stat } from 'node:fs/promises'
import path from 'node:path'
import { ConfigError } from './config.js'

const GLOB_CHARACTERS = /[*?[\]{}]/

export function isGlob(text: string): boolean {
  return GLOB_CHARACTERS.test(text)
}

/**
 * Turns PATHs (CLI arguments, the action's `paths` input) into include globs relative to the root:
 * a directory covers everything below it, a file itself, a glob stays as written. `.` alone means
 * "the config's include" and gives undefined. Every PATH must be inside the root.
 */
export async function includeGlobsFor(paths: readonly string[], root: string): Promise<string[] | undefined> {
  const given = paths.map((entry) => entry.trim()).filter((entry) => entry !== '')
  if (given.every((entry) => entry === '.' || entry === './')) return undefined
  const include: string[] = []
  for (const entry of given) {
    const absolute = path.resolve(root, entry)
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

/** `a, b` or one per line, as GitHub inputs are written. */
export function splitList(input: string): string[] {
  return input
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
}
