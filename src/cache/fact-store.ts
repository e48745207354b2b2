import { createHash, randomBytes } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writevSync } from 'node:fs'
import nodePath from 'node:path'
import { deserialize, serialize } from 'node:v8'
import type { SourceResult } from '../sources/source.js'
import { isObservation, type Observation } from './recording-repository.js'

/**
 * A per-file source's result for one file; or a file parsed (see memoizedParse); or what a unit of a source read (`part`: a source's
 * part, or its whole result), with the scanned files whose text it read (`reads`, and `readsId`
 * a digest of their contents then) and the questions it asked about the disk.
 */
export type CacheEntry =
  | { result: SourceResult }
  | { part: unknown; reads: string[]; readsId: string; observations: Observation[] }
  | { parsed: unknown }

/** Bumped whenever what an entry holds or how it is keyed changes. */
const FORMAT = 3
const MAGIC = 'irsa-guard fact cache\n'
const FILE_NAME = 'irsa-guard-facts.bin'
/** Buffers per writev call (the system's IOV_MAX is 1024 on Linux). */
const WRITE_PIECES = 1024

/**
 * One file in a directory the user chose (--cache DIR, or the action's runner temp directory):
 * source results by entry key, valid only for one `scope` (irsa-guard's version and the
 * effective config). A file that is missing, truncated, corrupt, of another format or of another
 * scope is ignored as a whole; the run then reads every file, as without a cache. Saving keeps
 * the entries this run used or made, so the file does not grow across pull requests.
 */
export class FactStore {
  private readonly stored: Map<string, Buffer>
  private readonly kept = new Map<string, Buffer>()
  private changed = false

  private constructor(
    private readonly directory: string,
    private readonly scope: string,
    stored: Map<string, Buffer>,
  ) {
    this.stored = stored
  }

  static open(directory: string, scope: string): FactStore {
    return new FactStore(directory, scope, loadEntries(nodePath.join(directory, FILE_NAME), scope))
  }

  /** The stored entry for a key, or undefined when there is none or it does not decode; `keep` it when it is used. */
  get(key: string): CacheEntry | undefined {
    const bytes = this.stored.get(key)
    return bytes === undefined ? undefined : decodeEntry(bytes)
  }

  /** Keeps a stored entry this run used for the next run. */
  keep(key: string): void {
    const bytes = this.stored.get(key)
    if (bytes !== undefined) this.kept.set(key, bytes)
  }

  /** Stores a copy of the entry as it is now (later changes to the objects do not reach the store). */
  set(key: string, entry: CacheEntry): void {
    this.kept.set(key, serialize(entry))
    this.changed = true
  }

  /** Whether saving would write anything else than the file there is: an entry was stored, or one went unused. */
  get dirty(): boolean {
    return this.changed || this.kept.size !== this.stored.size
  }

  /**
   * Writes the kept entries: to a new file in the directory (created with O_EXCL, so never
   * through a link someone left there), renamed over the old one, so that a run stopped midway
   * leaves the previous file whole.
   */
  save(): void {
    mkdirSync(this.directory, { recursive: true })
    const body = frameEntries(this.kept)
    const digest = createHash('sha256')
    for (const piece of body) digest.update(piece)
    const header = JSON.stringify({ format: FORMAT, scope: this.scope, sha256: digest.digest('hex') })
    const target = nodePath.join(this.directory, FILE_NAME)
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`
    try {
      const descriptor = openSync(temporary, 'wx')
      try {
        writeAll(descriptor, [Buffer.from(`${MAGIC}${header}\n`), ...body])
      } finally {
        closeSync(descriptor)
      }
      renameSync(temporary, target)
    } catch (error) {
      rmSync(temporary, { force: true })
      throw error
    }
  }
}

/**
 * The body of the file: for each entry, the byte length of its key (4 bytes, big-endian), the
 * key in UTF-8, the byte length of its value and the value (the v8-serialized entry). The values
 * are written as they were read or stored, without a copy into one buffer.
 */
function frameEntries(entries: ReadonlyMap<string, Buffer>): Buffer[] {
  const pieces: Buffer[] = []
  for (const [key, value] of entries) {
    const keyBytes = Buffer.from(key, 'utf8')
    const frame = Buffer.allocUnsafe(8 + keyBytes.length)
    frame.writeUInt32BE(keyBytes.length, 0)
    keyBytes.copy(frame, 4)
    frame.writeUInt32BE(value.length, 4 + keyBytes.length)
    pieces.push(frame, value)
  }
  return pieces
}

/** Every byte of the pieces, in order (writevSync may write fewer bytes than asked for). */
function writeAll(descriptor: number, pieces: readonly Buffer[]): void {
  let index = 0
  // Bytes of pieces[index] already written.
  let skip = 0
  while (index < pieces.length) {
    const batch = pieces
      .slice(index, index + WRITE_PIECES)
      .map((piece, at) => (at === 0 ? piece.subarray(skip) : piece))
    let written = writevSync(descriptor, batch)
    for (const [at, piece] of batch.entries()) {
      if (written < piece.length) {
        skip = at === 0 ? skip + written : written
        break
      }
      written -= piece.length
      index += 1
      skip = 0
    }
  }
}

function loadEntries(file: string, scope: string): Map<string, Buffer> {
  let data: Buffer
  try {
    data = readFileSync(file)
  } catch {
    return new Map()
  }
  try {
    if (data.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return new Map()
    const headerEnd = data.indexOf(0x0a, MAGIC.length)
    if (headerEnd === -1) return new Map()
    const header = JSON.parse(data.subarray(MAGIC.length, headerEnd).toString('utf8')) as Record<string, unknown>
    const body = data.subarray(headerEnd + 1)
    if (header['format'] !== FORMAT || header['scope'] !== scope || header['sha256'] !== sha256(body)) return new Map()
    return unframeEntries(body)
  } catch {
    return new Map()
  }
}

/** The entries of a body frameEntries wrote (the values are views of `body`), or an empty map when it is not one. */
function unframeEntries(body: Buffer): Map<string, Buffer> {
  const map = new Map<string, Buffer>()
  let offset = 0
  while (offset < body.length) {
    if (offset + 4 > body.length) return new Map()
    const keyLength = body.readUInt32BE(offset)
    const keyEnd = offset + 4 + keyLength
    if (keyEnd + 4 > body.length) return new Map()
    const key = body.toString('utf8', offset + 4, keyEnd)
    const valueEnd = keyEnd + 4 + body.readUInt32BE(keyEnd)
    if (valueEnd > body.length) return new Map()
    map.set(key, body.subarray(keyEnd + 4, valueEnd))
    offset = valueEnd
  }
  return map
}

function decodeEntry(bytes: Buffer): CacheEntry | undefined {
  try {
    const entry = deserialize(bytes) as Record<string, unknown> | null
    if (typeof entry !== 'object' || entry === null) return undefined
    if ('result' in entry) return isSourceResult(entry['result']) ? (entry as CacheEntry) : undefined
    if ('parsed' in entry) return entry as CacheEntry
    const { part, reads, readsId, observations } = entry
    if (typeof part !== 'object' || part === null || typeof readsId !== 'string') return undefined
    if (!Array.isArray(reads) || !reads.every((path) => typeof path === 'string')) return undefined
    if (!Array.isArray(observations) || !observations.every(isObservation)) return undefined
    return entry as CacheEntry
  } catch {
    return undefined
  }
}

function isSourceResult(value: unknown): value is SourceResult {
  if (typeof value !== 'object' || value === null) return false
  const result = value as Record<string, unknown>
  return (
    typeof result['facts'] === 'object' &&
    result['facts'] !== null &&
    Object.values(result['facts']).every(Array.isArray) &&
    Array.isArray(result['findings']) &&
    Array.isArray(result['suppressions']) &&
    (result['consumedFiles'] === undefined ||
      (Array.isArray(result['consumedFiles']) && result['consumedFiles'].every((path) => typeof path === 'string')))
  )
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex')
}
