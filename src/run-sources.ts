import { realpathSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import nodePath from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import type { Config } from './config.js'
import type { FileKind } from './discover/classify.js'
import { readCandidate } from './discover/read.js'
import { errorText } from './model/error-text.js'
import { MAX_TASKS, SourceScheduler, UNCLAIMED, type SourceWorker, type TaskOffer } from './source-scheduler.js'
import { filesOfKinds, groupByKind, inputOf, readTask, type SourceRun } from './source-inputs.js'
import { allSources } from './sources/index.js'
import { sourceContext, textLength, type SourceContext, type SourceFile } from './sources/source.js'

/**
 * Runs the sources over the scanned files, in the order of `allSources`: a source receives the
 * files of its kinds that no earlier source consumed (`consumedFiles`). The result is the same
 * whether the sources run one after the other on this thread or spread over worker threads.
 */

export type { SourceRun } from './source-inputs.js'

/** The runs, and how many tasks (a whole source, or a chunk of a per-file source's files) worker threads did. */
export interface ParallelSourceRuns {
  runs: SourceRun[]
  workerTasks: number
}

export interface SourceRunOptions {
  config: Config
  root?: string
  /** See SourceContext.sniff (default false). */
  sniff?: boolean
  /** See SourceContext.hclFilter (default false). */
  hclFilter?: boolean
}

/** The sources one after the other on this thread. */
export async function readSources(files: readonly SourceFile[], options: SourceRunOptions): Promise<SourceRun[]> {
  await prepareSources(files)
  return readPreparedSources(files, options)
}

/** Awaits the asynchronous set-up of the sources that will read some of these files (the HCL parser). */
export async function prepareSources(files: readonly SourceFile[]): Promise<void> {
  const kinds = new Set(files.map((file) => file.kind))
  for (const source of allSources) {
    if (!source.prepare || !source.kinds.some((kind) => kinds.has(kind))) continue
    await source.prepare(filesOfKinds(files, source.kinds))
  }
}

/** The sources one after the other, synchronously; `prepareSources` must have run. */
export function readPreparedSources(files: readonly SourceFile[], options: SourceRunOptions): SourceRun[] {
  const context = contextOf(files, options)
  const byKind = groupByKind(files)
  const consumed = new Set<string>()
  const runs: SourceRun[] = []
  for (const source of allSources) {
    const input = inputOf(source, byKind, consumed)
    if (input.length === 0) continue
    const result = source.read(input, context)
    runs.push({ source, result })
    for (const path of result.consumedFiles ?? []) consumed.add(path)
  }
  return runs
}

// ---------------------------------------------------------------------------------------------
// Worker threads

const WORKER_FLAG = 'irsaGuardSourceWorker'
/** Below this much text, starting a worker costs more than it saves. */
const PARALLEL_MIN_BYTES = 3 * 1024 * 1024
const MAX_DEFAULT_WORKERS = 2
/**
 * A worker's heap: a smaller young generation, and an old generation limit below the one from
 * which V8 lets the heap grow to up to four times what survived the last collection (below it,
 * 1.3 to 2 times; v8 src/heap/heap-controller.h, HeapController::kMaxSize = 1024 MB times the
 * pointer multiplier, 2 without pointer compression as in Node 20). About 60 MB less at 100,000
 * files, for the same CPU. A worker that runs out of it stops, and this thread reads its tasks.
 */
const WORKER_HEAP_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 }

let registeredWorkerScript: string | undefined

/**
 * An entry point (the CLI, the action) registers its own script: a worker thread loads that
 * script, which must then call `serveSourceWorker()` instead of running (see `isSourceWorker`).
 * Without a registered script there are no workers, except in the plain JavaScript build of the
 * sources, whose `source-worker.js` serves.
 */
export function registerSourceWorkerScript(scriptUrl: string): void {
  registeredWorkerScript = scriptUrl
}

/** Whether this thread is a source worker, started by `readSourcesInParallel`. */
export function isSourceWorker(): boolean {
  return !isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true
}

function workerScript(): string | undefined {
  if (registeredWorkerScript) return registeredWorkerScript
  const here = import.meta.url
  // Compiled one file per module (not bundled): the worker entry sits beside this file.
  return here.endsWith('/run-sources.js') ? new URL('source-worker.js', here).href : undefined
}

/**
 * How many worker threads to start: `requested` when given (0: none), else one per spare core
 * (at most 2: each worker holds a copy of the texts it reads)
 * when the files hold enough text to repay a worker's start.
 */
export function workerCountFor(files: readonly SourceFile[], requested: number | undefined): number {
  if (workerScript() === undefined) return 0
  if (requested !== undefined) return Math.max(0, Math.floor(requested))
  if (textLength(files) < PARALLEL_MIN_BYTES) return 0
  return Math.max(0, Math.min(availableParallelism() - 1, MAX_DEFAULT_WORKERS))
}

/**
 * The sources spread over `workerCount` worker threads and this one (see SourceScheduler); the
 * outcome is the one of `readSources`, which also stands when no worker can start.
 */
export async function readSourcesInParallel(
  files: readonly SourceFile[],
  options: SourceRunOptions,
  workerCount: number,
): Promise<ParallelSourceRuns> {
  const script = workerScript()
  const sequential = async (): Promise<ParallelSourceRuns> => ({
    runs: await readSources(files, options),
    workerTasks: 0,
  })
  if (!script || workerCount <= 0) return sequential()
  const claims = new Int32Array(new SharedArrayBuffer(MAX_TASKS * Int32Array.BYTES_PER_ELEMENT))
  let workers: SourceWorker[]
  try {
    const data = {
      [WORKER_FLAG]: true,
      // With the root known, a worker reads the files it needs itself (see filesReadByWorker) instead of receiving a copy of every text.
      ...(options.root === undefined
        ? { files }
        : {
            filesToRead: files.map((file): FileToRead => ({
              path: file.path,
              kind: file.kind,
              length: file.text.length,
            })),
          }),
      config: options.config,
      root: options.root,
      sniff: options.sniff === true,
      hclFilter: options.hclFilter === true,
      claims,
    }
    workers = Array.from({ length: workerCount }, (_, index) => ({
      worker: new Worker(fileURLToPath(script), {
        workerData: { ...data, claimValue: index + 2 },
        resourceLimits: WORKER_HEAP_LIMITS,
      }),
      claimValue: index + 2,
      failed: false,
    }))
  } catch {
    return sequential()
  }
  let outcome: ParallelSourceRuns | undefined
  try {
    outcome = await new SourceScheduler(files, contextOf(files, options), workers, claims).run()
  } finally {
    for (const handle of workers) {
      handle.failed = true
      void handle.worker.terminate()
    }
  }
  return outcome ?? sequential()
}

/**
 * The worker side: keeps the tasks the main thread offers and, whenever idle, claims the most
 * recently offered one still unclaimed, reads it with the files and config it was started with,
 * and sends the result back.
 */
export function serveSourceWorker(): void {
  const data = workerData as {
    files?: SourceFile[]
    filesToRead?: FileToRead[]
    config: Config
    root?: string
    sniff: boolean
    hclFilter: boolean
    claims: Int32Array
    claimValue: number
  }
  const reads = { differ: false }
  const files =
    data.files ??
    (data.root === undefined
      ? []
      : filesReadByWorker(data.filesToRead ?? [], data.root, data.config.maxFileBytes, reads))
  const context = contextOf(files, data)
  const prepared = new Map<number, Promise<void>>()
  const offers: TaskOffer[] = []
  let busy = false
  const next = async (): Promise<void> => {
    if (busy) return
    busy = true
    try {
      for (let offer = offers.pop(); offer; offer = offers.pop()) {
        if (Atomics.compareExchange(data.claims, offer.id, UNCLAIMED, data.claimValue) !== UNCLAIMED) continue
        await run(offer)
        // Let offers that arrived meanwhile in before choosing the next task.
        await new Promise<void>((resolve) => setImmediate(resolve))
      }
    } finally {
      busy = false
    }
  }
  const run = async (offer: TaskOffer): Promise<void> => {
    const source = allSources[offer.sourceIndex]!
    try {
      if (source.prepare && !prepared.has(offer.sourceIndex))
        prepared.set(offer.sourceIndex, source.prepare(filesOfKinds(files, source.kinds)))
      await prepared.get(offer.sourceIndex)
      const result = readTask(
        source,
        offer.files.map((index) => files[index]!),
        context,
        offer.part,
      )
      // A file read here is not the one the main thread read (it changed meanwhile): the main thread reads the task.
      if (reads.differ) parentPort!.postMessage({ id: offer.id, error: 'a file changed while the scan read it' })
      else parentPort!.postMessage({ id: offer.id, result })
    } catch (error) {
      parentPort!.postMessage({ id: offer.id, error: errorText(error) })
    }
  }
  parentPort?.on('message', (offer: TaskOffer) => {
    offers.push(offer)
    setImmediate(() => void next())
  })
}

/** A file as a worker is told of it: it reads the text itself, and expects this many UTF-16 code units. */
interface FileToRead {
  path: string
  kind: FileKind
  length: number
}

/**
 * The files as a worker sees them: each read the first time a source asks for its text, the way
 * discovery read it on the main thread (readCandidate: within the root's real path, links out of it
 * refused, the same size limit and decoding). A text of another length than the main thread's
 * sets `reads.differ` (the file changed during the scan), and the worker then leaves its tasks to
 * the main thread.
 */
function filesReadByWorker(
  list: readonly FileToRead[],
  root: string,
  maxFileBytes: number,
  reads: { differ: boolean },
): SourceFile[] {
  let rootReal: string
  try {
    rootReal = realpathSync(root)
  } catch {
    reads.differ = true
    rootReal = root
  }
  const reader = { rootReal, maxFileBytes, reads }
  return list.map(({ path, kind, length }) => new FileReadByWorker(path, kind, length, reader))
}

/** One of a worker's files (a class: a getter per object would cost a closure and a dictionary of properties per file). */
class FileReadByWorker implements SourceFile {
  private read: string | undefined

  constructor(
    readonly path: string,
    readonly kind: FileKind,
    readonly textLength: number,
    private readonly reader: { rootReal: string; maxFileBytes: number; reads: { differ: boolean } },
  ) {}

  get text(): string {
    if (this.read === undefined) {
      const { rootReal, maxFileBytes, reads } = this.reader
      const decoded = readCandidate(
        { path: this.path, absolutePath: nodePath.join(rootReal, this.path), rootReal },
        maxFileBytes,
      )
      this.read = decoded.ok ? decoded.text : ''
      if (!decoded.ok || this.read.length !== this.textLength) reads.differ = true
    }
    return this.read
  }
}

// ---------------------------------------------------------------------------------------------

function contextOf(files: readonly SourceFile[], options: SourceRunOptions): SourceContext {
  return sourceContext({ ...options, files })
}
