import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { lstat, mkdir, open, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import { ConfigError } from './config.js'

export interface OutputPlace {
  /** The file must lie inside this directory (the action's workspace). */
  confineTo?: string
  /** No directory between this one and the file may be a symbolic link (the scanned tree, which a pull request controls). */
  noLinksBelow?: string
}

/** Why an output file was not written: `cannot write <path as given>: <reason>`. */
export class OutputRefused extends ConfigError {
  override name = 'OutputRefused'
  constructor(shownPath: string, reason: string) {
    super(`cannot write ${shownPath}: ${reason}`)
  }
}

/** Pieces of a report joined into strings of about `size` characters (256 Ki): few writes, and never the whole report at once. */
export function* inBatches(pieces: Iterable<string>, size = 1 << 18): Generator<string> {
  let batch: string[] = []
  let length = 0
  for (const piece of pieces) {
    batch.push(piece)
    length += piece.length
    if (length >= size) {
      yield batch.join('')
      batch = []
      length = 0
    }
  }
  if (length > 0) yield batch.join('')
}

/**
 * Writes a report (SARIF, baseline, --output), given whole or as pieces written as they come,
 * without ever writing through a symbolic link of the scanned tree: every directory below
 * `noLinksBelow` is checked with lstat (missing ones are created one by one), the text goes to a
 * new temporary file in the same directory (O_EXCL, O_NOFOLLOW) that is then renamed over the
 * target, so a link planted at the target is replaced, never followed.
 */
export async function writeOutputFile(
  absolutePath: string,
  text: string | Iterable<string>,
  shownPath: string,
  place: OutputPlace = {},
): Promise<void> {
  const target = path.resolve(absolutePath)
  if (place.confineTo !== undefined && !below(path.resolve(place.confineTo), target)) {
    throw new OutputRefused(
      shownPath,
      `it is outside the workspace ${place.confineTo}; irsa-guard writes its reports only inside it`,
    )
  }
  const directory = path.dirname(target)
  const base = place.noLinksBelow ?? place.confineTo
  if (base !== undefined && below(path.resolve(base), target))
    await makeDirectoriesWithoutLinks(path.resolve(base), directory, shownPath)
  else await mkdir(directory, { recursive: true })
  const existing = await lstat(target).catch(() => undefined)
  if (existing?.isDirectory()) throw new OutputRefused(shownPath, 'it is a directory')
  const temporary = path.join(directory, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(
    temporary,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
    0o644,
  )
  try {
    // Each writeFile on the handle goes on from where the last one ended.
    for (const batch of typeof text === 'string' ? [text] : inBatches(text)) await handle.writeFile(batch)
    await handle.close()
    await rename(temporary, target)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await unlink(temporary).catch(() => undefined)
    throw error
  }
}

/** Creates the directories from `base` down to `directory`, refusing one that is a symbolic link or not a directory. */
async function makeDirectoriesWithoutLinks(base: string, directory: string, shownPath: string): Promise<void> {
  let current = base
  for (const segment of path
    .relative(base, directory)
    .split(path.sep)
    .filter((part) => part !== '')) {
    current = path.join(current, segment)
    const info = await lstat(current).catch(() => undefined)
    if (info === undefined) {
      await mkdir(current)
      continue
    }
    const shown = path.relative(base, current) || '.'
    if (info.isSymbolicLink())
      throw new OutputRefused(
        shownPath,
        `it lies below ${shown}, a symbolic link, and irsa-guard never writes through links in the scanned tree`,
      )
    if (!info.isDirectory()) throw new OutputRefused(shownPath, `it lies below ${shown}, which is not a directory`)
  }
}

function below(directory: string, file: string): boolean {
  const relative = path.relative(directory, file)
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}
