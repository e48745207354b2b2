import nodePath from 'node:path'
import { classify, type FileKind } from './discover/classify.js'
import type { Candidate } from './discover/discover.js'
import { readCandidate } from './discover/read.js'
import type { SourceFinding } from './model/finding.js'
import type { SourceWorker } from './source-scheduler.js'

/**
 * Discovery's reading and classifying of the candidates, shared between this thread and the
 * worker threads: the candidates are cut into blocks, this thread takes blocks from the front and
 * each worker from the back (whoever claims a block first in a shared table reads it), and every
 * block's outcome lands in its place, so the files, kinds, texts and notes are the ones of reading
 * them all here in order. A worker keeps the texts it read (it needs them for its source tasks).
 */

/** One candidate read and classified: a file some source may read, or a note, or nothing (ignored). */
export type CandidateRead = { kind: FileKind; text: string } | { kind?: undefined; finding?: SourceFinding }

/** Candidates per block: a block is the unit a thread claims, small enough that no thread waits long for the last one. */
const BLOCK_CANDIDATES = 64
/** Claim table values: unclaimed, taken by this thread; a worker writes its claim value (2 or more). */
const UNCLAIMED = 0
const MAIN_THREAD = 1

/** What a worker is told to read: the candidates (inside `rootReal`) and the claim table of their blocks. */
export interface ReadRequest {
  rootReal: string
  paths: string[]
  /** 1 where the candidate is a walked regular file (Candidate.regularFile). */
  regularFiles: Uint8Array
  maxFileBytes: number
  claims: Int32Array
}

/** A worker's answer for one block it claimed: what each of its candidates read as, or why it could not. */
export type BlockMessage = { block: number; reads: CandidateRead[] } | { block: number; error: string }

export function readAndClassify(candidate: Candidate, maxFileBytes: number): CandidateRead {
  const decoded = readCandidate(candidate, maxFileBytes)
  if (!decoded.ok) return decoded.finding ? { finding: decoded.finding } : {}
  const kind = classify(candidate.path, decoded.text)
  return kind === 'ignored' ? {} : { kind, text: decoded.text }
}

/** Every candidate read and classified, in order; with workers, each block by whichever thread claims it first. */
export async function readCandidatesShared(
  candidates: readonly Candidate[],
  maxFileBytes: number,
  workers: readonly SourceWorker[],
): Promise<{ reads: CandidateRead[]; readBy: Int32Array }> {
  const blockCount = Math.ceil(candidates.length / BLOCK_CANDIDATES)
  const claims = new Int32Array(new SharedArrayBuffer(Math.max(1, blockCount) * Int32Array.BYTES_PER_ELEMENT))
  const blocks: (CandidateRead[] | undefined)[] = new Array<CandidateRead[] | undefined>(blockCount)
  const rootReal = candidates[0]?.rootReal
  const live = rootReal === undefined ? [] : workers.filter((handle) => !handle.failed)
  let wake: (() => void) | undefined
  const listeners = live.map((handle) => {
    const onMessage = (message: BlockMessage | { id: number }): void => {
      if (!('block' in message)) return
      // A block the worker could not read is read here.
      if ('reads' in message) blocks[message.block] = message.reads
      else Atomics.store(claims, message.block, MAIN_THREAD)
      wake?.()
    }
    const onFailure = (): void => wake?.()
    handle.worker.on('message', onMessage)
    handle.worker.on('error', onFailure)
    handle.worker.on('exit', onFailure)
    return { handle, onMessage, onFailure }
  })
  if (rootReal !== undefined && live.length > 0) {
    const request: ReadRequest = {
      rootReal,
      paths: candidates.map((candidate) => candidate.path),
      regularFiles: Uint8Array.from(candidates, (candidate) => (candidate.regularFile === true ? 1 : 0)),
      maxFileBytes,
      claims,
    }
    for (const { handle } of listeners) handle.worker.postMessage({ read: request })
  }
  const readHere = (block: number): void => {
    const start = block * BLOCK_CANDIDATES
    blocks[block] = candidates
      .slice(start, start + BLOCK_CANDIDATES)
      .map((candidate) => readAndClassify(candidate, maxFileBytes))
  }
  try {
    for (let block = 0; block < blockCount; block += 1)
      if (Atomics.compareExchange(claims, block, UNCLAIMED, MAIN_THREAD) === UNCLAIMED) readHere(block)
    for (;;) {
      let missing = false
      for (let block = 0; block < blockCount; block += 1) {
        if (blocks[block] !== undefined) continue
        const owner = Atomics.load(claims, block)
        if (owner === MAIN_THREAD || live.some((handle) => handle.failed && handle.claimValue === owner))
          readHere(block)
        else missing = true
      }
      if (!missing) break
      await new Promise<void>((resolve) => {
        wake = resolve
      })
      wake = undefined
    }
  } finally {
    for (const { handle, onMessage, onFailure } of listeners) {
      handle.worker.off('message', onMessage)
      handle.worker.off('error', onFailure)
      handle.worker.off('exit', onFailure)
    }
  }
  const reads: CandidateRead[] = []
  for (const block of blocks) if (block) for (const read of block) reads.push(read)
  return { reads, readBy: claims }
}

/** Which thread read a candidate: its block's claim value (MAIN_THREAD, or a worker's). */
export function candidateReader(readBy: Int32Array, candidate: number): number {
  return readBy[Math.floor(candidate / BLOCK_CANDIDATES)] ?? MAIN_THREAD
}

/**
 * The worker side: claims blocks from the back until none is left, reads each, posts its
 * outcome, and returns the texts it read by candidate index. `onKind` is told each file's kind.
 */
export function serveReadRequest(
  request: ReadRequest,
  claimValue: number,
  post: (message: BlockMessage) => void,
  onKind: (kind: FileKind) => void,
): Map<number, string> {
  const texts = new Map<number, string>()
  const blockCount = Math.ceil(request.paths.length / BLOCK_CANDIDATES)
  for (let block = blockCount - 1; block >= 0; block -= 1) {
    if (Atomics.compareExchange(request.claims, block, UNCLAIMED, claimValue) !== UNCLAIMED) continue
    try {
      const reads: CandidateRead[] = []
      const start = block * BLOCK_CANDIDATES
      for (let index = start; index < Math.min(request.paths.length, start + BLOCK_CANDIDATES); index += 1)
        reads.push(readAndClassify(candidateOf(request, index), request.maxFileBytes))
      post({ block, reads })
      // Kept only once the main thread has the block's outcome (else it reads the block itself).
      for (const [offset, read] of reads.entries()) {
        if (read.kind === undefined) continue
        texts.set(start + offset, read.text)
        onKind(read.kind)
      }
    } catch (error) {
      post({ block, error: String(error) })
    }
  }
  return texts
}

/** The candidate at `index` of a read request, as discovery made it. */
export function candidateOf(request: ReadRequest, index: number): Candidate {
  const path = request.paths[index] ?? ''
  return {
    path,
    absolutePath: nodePath.join(request.rootReal, path),
    rootReal: request.rootReal,
    ...(request.regularFiles[index] === 1 ? { regularFile: true } : {}),
  }
}
