import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import nodePath from 'node:path'
import { deserialize, serialize } from 'node:v8'
import type { SourceResult } from '../sources/source.js'
import { isObservation, type Observation } from './recording-repository.js'

/**
 * A per-file source's result for one file; or what a unit of a source read (`part`: a source's
 * part, or its whole result), with the scanned files whose text it read (`reads`, and `readsId`
 * a digest of their contents then) and the questions it asked about the disk.
 */
export type CacheEntry =
  { result: SourceResult } | { part: unknown; reads: string[]; readsId: string; observations: Observation[] }

/** Bumped whenever what an entry holds or how it is keyed changes. */
const FORMAT = 2
const MAGIC = 'irsa-guard fact cache\n'
const FILE_NAME = 'irsa-guard-facts.bin'

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
    const body = serialize([...this.kept])
    const header = JSON.stringify({ format: FORMAT, scope: this.scope, sha256: sha256(body) })
    const target = nodePath.join(this.directory, FILE_NAME)
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`
    try {
      writeFileSync(temporary, Buffer.concat([Buffer.from(`${MAGIC}${header}\n`), body]), { flag: 'wx' })
      renameSync(temporary, target)
    } catch (error) {
      rmSync(temporary, { force: true })
      throw error
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
    const entries = deserialize(body) as unknown
    if (!Array.isArray(entries)) return new Map()
    const map = new Map<string, Buffer>()
    for (const entry of entries as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 2) return new Map()
      const [key, bytes] = entry as unknown[]
      if (typeof key !== 'string' || !(bytes instanceof Uint8Array)) return new Map()
      map.set(key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    }
    return map
  } catch {
    return new Map()
  }
}

function decodeEntry(bytes: Buffer): CacheEntry | undefined {
  try {
    const entry = deserialize(bytes) as Record<string, unknown> | null
    if (typeof entry !== 'object' || entry === null) return undefined
    if ('result' in entry) return isSourceResult(entry['result']) ? (entry as CacheEntry) : undefined
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
