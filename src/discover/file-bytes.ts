import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs'
import nodePath from 'node:path'

/**
 * Why a file was not read: `outside` (a link, or `..`, out of the root), `not-a-file` (a
 * directory, a device such as /dev/zero, a FIFO, a socket), `too-large` (more bytes than the
 * limit), `missing`, `unreadable` (no permission, a link loop).
 */
export type NotRead = 'missing' | 'outside' | 'not-a-file' | 'too-large' | 'unreadable'

export type FileBytes =
  | { ok: true; bytes: Buffer }
  /** `size`: the file's size when it is a regular file; `head`: its first bytes when it is too large (at most limit + 1). */
  | { ok: false; why: NotRead; size?: number; head?: Buffer; code?: string }

export interface ReadLimits {
  /** The real path (realpathRoot) of the directory the file must stay inside once links are resolved; undefined only for a file the user named outside any scanned tree. */
  within: string | undefined
  /** Most bytes read; a file with more is `too-large` and only limit + 1 of its bytes are ever read. 0: no limit. */
  limit: number
  /**
   * The path is `within` plus names the caller walked without following links, the last one a
   * regular file by readdir: it is opened as it stands, without resolving links first, and a
   * link found in its place now is resolved and checked as any other path's. (A directory of the
   * path swapped for a link after the walk is not seen, as a swap between realpath and open is
   * not: only another process on the machine can make either, never the scanned files.)
   */
  walked?: boolean
}

/** O_NONBLOCK: opening a FIFO must not wait for a writer. Neither flag exists on Windows. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/**
 * The one way irsa-guard opens a file of the scanned repository (and the files the user names:
 * config, baseline). Resolves every link first (except on a `walked` path) and refuses a target
 * outside `within`; opens the resolved path without following a link (a swapped-in link fails);
 * reads only a regular file;
 * never reads more than `limit` + 1 bytes, whatever the file's size says.
 */
export function readFileBytes(absolutePath: string, limits: ReadLimits): FileBytes {
  // Where the platform has O_NOFOLLOW, opening the walked path refuses a link put in its place (the
  // open fails, and the path is then resolved below): no realpath per file.
  if (limits.walked === true && limits.within !== undefined && constants.O_NOFOLLOW !== undefined) {
    const direct = readOpened(absolutePath, limits.limit)
    if (direct !== undefined) return direct
  }
  let real: string
  try {
    real = realpathSync.native(absolutePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return {
      ok: false,
      why: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable',
      ...(code ? { code } : {}),
    }
  }
  if (limits.within !== undefined && !isInside(real, limits.within)) return { ok: false, why: 'outside' }
  let descriptor: number | undefined
  try {
    descriptor = openSync(real, OPEN_FLAGS)
    return readDescriptor(descriptor, limits.limit)
  } catch (error) {
    return openOrReadFailure(error)
  } finally {
    if (descriptor !== undefined) closeSync(descriptor)
  }
}

function openOrReadFailure(error: unknown): FileBytes {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EISDIR') return { ok: false, why: 'not-a-file' }
  if (code === 'ELOOP') return { ok: false, why: 'outside' }
  return { ok: false, why: code === 'ENOENT' ? 'missing' : 'unreadable', ...(code ? { code } : {}) }
}

/** The file at a walked path, opened without following a link; undefined when it cannot be opened so (a link now, gone, no permission): resolving it says why. */
function readOpened(absolutePath: string, limit: number): FileBytes | undefined {
  let descriptor: number
  try {
    descriptor = openSync(absolutePath, OPEN_FLAGS)
  } catch {
    return undefined
  }
  try {
    return readDescriptor(descriptor, limit)
  } catch (error) {
    return openOrReadFailure(error)
  } finally {
    closeSync(descriptor)
  }
}

/** A regular file's bytes, at most limit + 1 of them. */
function readDescriptor(descriptor: number, limit: number): FileBytes {
  const stats = fstatSync(descriptor)
  if (!stats.isFile()) return { ok: false, why: 'not-a-file' }
  const cap = limit > 0 ? limit + 1 : Number.MAX_SAFE_INTEGER
  const bytes = readAtMost(descriptor, Math.min(stats.size + 1, cap), cap)
  if (limit > 0 && bytes.length > limit)
    return { ok: false, why: 'too-large', size: Math.max(stats.size, bytes.length), head: bytes }
  return { ok: true, bytes }
}

/** Reads from the start until the end of the file or `cap` bytes, starting with a buffer of `initial` bytes (the file may have grown since fstat). */
function readAtMost(descriptor: number, initial: number, cap: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(initial, cap)))
  let filled = 0
  for (;;) {
    if (filled === buffer.length) {
      if (buffer.length >= cap) break
      const grown = Buffer.allocUnsafe(Math.min(cap, buffer.length * 2))
      buffer.copy(grown, 0, 0, filled)
      buffer = grown
    }
    const count = readSync(descriptor, buffer, filled, buffer.length - filled, filled)
    if (count === 0) break
    filled += count
  }
  return buffer.subarray(0, filled)
}

/** The real path of a root (links resolved), for ReadLimits.within; the path itself when it cannot be resolved. */
export function realpathRoot(root: string): string {
  try {
    return realpathSync.native(root)
  } catch {
    return nodePath.resolve(root)
  }
}

/** Whether `real` is `root` or below it (both real paths). */
export function isInside(real: string, root: string): boolean {
  const relative = nodePath.relative(root, real)
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${nodePath.sep}`) && !nodePath.isAbsolute(relative))
  )
}

/** Why a file was not read, in words for a finding or an error message. */
export function describeNotRead(why: NotRead, code?: string): string {
  switch (why) {
    case 'missing':
      return 'no such file'
    case 'outside':
      return 'it is a symbolic link to a file outside the repository, and irsa-guard never follows links out of the scanned root'
    case 'not-a-file':
      return 'it is not a regular file'
    case 'too-large':
      return 'it is larger than the size limit'
    case 'unreadable':
      return `it cannot be read${code ? ` (${code})` : ''}`
  }
}

/**
 * The `within` for a file a user or workflow names by path (config, baseline): the root's real
 * path when the file lies in the scanned tree (by its name, or once its directory's links are
 * resolved), so that a link planted there cannot lead out; undefined for a file outside it.
 */
export function confinementFor(absolutePath: string, root: string): string | undefined {
  const rootReal = realpathRoot(root)
  const relative = nodePath.relative(nodePath.resolve(root), absolutePath)
  const byName = relative !== '..' && !relative.startsWith(`..${nodePath.sep}`) && !nodePath.isAbsolute(relative)
  return byName || isInside(realpathRoot(nodePath.dirname(absolutePath)), rootReal) ? rootReal : undefined
}
