import { realpathSync } from 'node:fs'
import nodePath from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import type { Config } from './config.js'
import type { FileKind } from './discover/classify.js'
import type { Candidate } from './discover/discover.js'
import { readCandidate } from './discover/read.js'
import { errorText } from './model/error-text.js'
import { MAX_TASKS, SourceScheduler, UNCLAIMED, type SourceWorker, type TaskOffer } from './source-scheduler.js'
import { candidateOf, serveReadRequest, type ReadRequest } from './shared-reading.js'
import { filesOfKinds, groupByKind, inputOf, readTask, type SourceRun } from './source-inputs.js'
import { allSources } from './sources/index.js'
import { sourceContext, textLength, type Source, type SourceContext, type SourceFile } from './sources/source.js'

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
  /** See SourceContext.hclFast (default true). */
  hclFast?: boolean
  /** See SourceContextOptions.yamlFast (default true). */
  yamlFast?: boolean
  /** Texts a worker lacks are handed to it up to this many characters in all (default HANDED_OVER_MAX_CHARS; see sendFiles). */
  handOverMaxChars?: number
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
/**
 * A worker's heap: a smaller young generation, and an old generation limit below the one from
 * which V8 lets the heap grow to up to four times what survived the last collection (below it,
 * 1.3 to 2 times; v8 src/heap/heap-controller.h, HeapController::kMaxSize = 1024 MB times the
 * pointer multiplier, 2 without pointer compression as in Node 20). About 60 MB less at 100,000
 * files, for the same CPU. A worker that runs out of it stops, and this thread reads its tasks.
 */
const WORKER_HEAP_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 }
/**
 * Texts a worker lacks (discovery read them on another thread) are handed to it with the file
 * list up to this many characters in all; above, it reads from disk those its tasks need.
 * Handing over costs this thread a copy of each text and the worker the memory of every text;
 * reading costs the worker a file open per file it needs (about the same CPU, measured in
 * bench/results.md), so large scans keep the memory.
 */
const HANDED_OVER_MAX_CHARS = 16 * 1024 * 1024

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

/** Whether this thread is a source worker, started by `startSourceWorkers`. */
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
 * How many worker threads to start: `requested` when given (0: none), else defaultWorkerCount()
 * when the files hold enough text to repay a worker's start.
 */
export function workerCountFor(files: readonly SourceFile[], requested: number | undefined): number {
  if (workerScript() === undefined) return 0
  if (requested !== undefined) return Math.max(0, Math.floor(requested))
  if (textLength(files) < PARALLEL_MIN_BYTES) return 0
  return defaultWorkerCount()
}

/**
 * None: since the fast YAML and HCL parsers, parsing is no longer most of a scan, and a worker's
 * costs (the results cloned and shared back, the Kustomize parts each finding the build roots, the
 * Terraform index built per thread) outweigh what it takes off this thread. On the 2-core machine of
 * bench/results.md (session 8) one thread was faster on every profile and size measured (realistic
 * 100,000 files: 7.1–7.5 s wall and 9.5 s CPU against 8.0–8.3 s and 14.3 s with a worker; adversarial
 * 100,000: 24.8 s against 26.0 s) and used less memory (480 against 630 MB). IRSA_GUARD_WORKERS=N
 * (check()'s `workers` option) starts N.
 */
export function defaultWorkerCount(): number {
  return 0
}

/**
 * Worker threads started before the files are known (check() starts them while discovery walks,
 * so that they load meanwhile): each then gets the discovered candidates to read its share of
 * (readCandidatesShared), the file list (`sendFiles`), and source tasks (SourceScheduler).
 */
export interface SourceWorkers {
  handles: SourceWorker[]
  /** The task claim table (see SourceScheduler), shared with every worker at its start. */
  taskClaims: Int32Array
  /** Settles once every worker has loaded and serves (or failed): only tests wait for it. */
  ready: Promise<void>
  /** Terminates every worker. */
  close(): void
}

/** `count` workers for these options; undefined when none can start. */
export function startSourceWorkers(count: number, options: SourceRunOptions): SourceWorkers | undefined {
  const script = workerScript()
  if (!script || count <= 0) return undefined
  const taskClaims = new Int32Array(new SharedArrayBuffer(MAX_TASKS * Int32Array.BYTES_PER_ELEMENT))
  const data = {
    [WORKER_FLAG]: true,
    config: options.config,
    root: options.root,
    sniff: options.sniff === true,
    hclFilter: options.hclFilter === true,
    hclFast: options.hclFast !== false,
    yamlFast: options.yamlFast !== false,
    claims: taskClaims,
  }
  const handles: SourceWorker[] = []
  const started: Promise<void>[] = []
  const close = (): void => {
    for (const handle of handles) {
      handle.failed = true
      void handle.worker.terminate()
    }
  }
  try {
    for (let index = 0; index < count; index += 1) {
      const handle: SourceWorker = {
        worker: new Worker(fileURLToPath(script), {
          workerData: { ...data, claimValue: index + 2 },
          resourceLimits: WORKER_HEAP_LIMITS,
        }),
        claimValue: index + 2,
        failed: false,
      }
      const fail = (): void => {
        handle.failed = true
      }
      handle.worker.on('error', fail)
      handle.worker.on('exit', fail)
      handles.push(handle)
      started.push(
        new Promise<void>((resolve) => {
          const settle = (message?: { ready?: boolean }): void => {
            if (message !== undefined && message.ready !== true) return
            handle.worker.off('message', settle)
            resolve()
          }
          handle.worker.on('message', settle)
          handle.worker.once('exit', () => settle())
        }),
      )
    }
  } catch {
    close()
    return undefined
  }
  return { handles, taskClaims, ready: Promise.all(started).then(() => undefined), close }
}

/**
 * Where the texts of the files came from, when discovery read them with the workers
 * (readCandidatesShared): each file's candidate index, and which thread read each candidate.
 */
export interface FileOrigins {
  candidates: Int32Array
  readBy: (candidate: number) => number
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
  const workers = startSourceWorkers(workerCount, options)
  if (!workers) return { runs: await readSources(files, options), workerTasks: 0 }
  try {
    return await readSourcesWithWorkers(files, options, workers)
  } finally {
    workers.close()
  }
}

/** The sources spread over started workers and this one; the outcome is the one of `readSources`. */
export async function readSourcesWithWorkers(
  files: readonly SourceFile[],
  options: SourceRunOptions,
  workers: SourceWorkers,
  origins?: FileOrigins,
): Promise<ParallelSourceRuns> {
  for (const handle of workers.handles) if (!handle.failed) sendFiles(handle, files, options, origins)
  const outcome = await new SourceScheduler(files, contextOf(files, options), workers.handles, workers.taskClaims).run()
  return outcome ?? { runs: await readSources(files, options), workerTasks: 0 }
}

/**
 * Tells a worker the files, in this thread's order: path, kind and length of each, the texts it
 * did not read itself during discovery when they are few enough to copy (HANDED_OVER_MAX_CHARS),
 * and for the others the candidate each came from (the worker reads it as discovery did).
 */
function sendFiles(
  handle: SourceWorker,
  files: readonly SourceFile[],
  options: SourceRunOptions,
  origins: FileOrigins | undefined,
): void {
  const heldByWorker = (index: number): boolean => {
    const candidate = origins?.candidates[index]
    return candidate !== undefined && origins?.readBy(candidate) === handle.claimValue
  }
  let lacking = 0
  for (const [index, file] of files.entries()) if (!heldByWorker(index)) lacking += file.text.length
  // Without the root, a worker cannot read a file: every text it lacks is handed over.
  const handOver = lacking <= (options.handOverMaxChars ?? HANDED_OVER_MAX_CHARS) || options.root === undefined
  const message: FilesMessage = {
    paths: files.map((file) => file.path),
    kinds: files.map((file) => file.kind),
    lengths: files.map((file) => file.text.length),
    texts: files.map((file, index) => (handOver && !heldByWorker(index) ? file.text : null)),
    ...(origins ? { candidates: origins.candidates } : {}),
  }
  handle.worker.postMessage({ fileList: message })
}

/** The files as a worker is told of them (see sendFiles). */
interface FilesMessage {
  paths: string[]
  kinds: FileKind[]
  /** Each text's length in UTF-16 code units, as this thread read it. */
  lengths: number[]
  /** The text, or null: the worker holds it from discovery, or reads it. */
  texts: (string | null)[]
  /** Each file's index among the candidates of the worker's read request, when discovery read with the workers. */
  candidates?: Int32Array
}

/**
 * The worker side: reads its share of discovery's candidates when asked (serveReadRequest), takes
 * the file list, then keeps the tasks the main thread offers and, whenever idle, claims the most
 * recently offered one still unclaimed, reads it with the files and config it was started with,
 * and sends the result back.
 */
export function serveSourceWorker(): void {
  const data = workerData as {
    config: Config
    root?: string
    sniff: boolean
    hclFilter: boolean
    hclFast: boolean
    yamlFast: boolean
    claims: Int32Array
    claimValue: number
  }
  const reads = { differ: false }
  let request: ReadRequest | undefined
  let held = new Map<number, string>()
  let files: SourceFile[] = []
  let context = contextOf(files, data)
  const prepared = new Map<number, Promise<void>>()
  const prepare = (source: Source, sourceIndex: number): Promise<void> | undefined => {
    if (source.prepare && !prepared.has(sourceIndex))
      prepared.set(sourceIndex, source.prepare(filesOfKinds(files, source.kinds)))
    return prepared.get(sourceIndex)
  }
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
      await prepare(source, offer.sourceIndex)
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
  parentPort?.on('message', (message: { read: ReadRequest } | { fileList: FilesMessage } | TaskOffer) => {
    if ('read' in message) {
      request = message.read
      // A source's parser (the HCL one) starts loading as soon as a file of its kinds is read here (the file list is not known yet: prepare gets none).
      const seen = new Set<FileKind>()
      const onKind = (kind: FileKind): void => {
        if (seen.has(kind)) return
        seen.add(kind)
        for (const [index, source] of allSources.entries())
          if (source.kinds.includes(kind)) void prepare(source, index)?.catch(() => undefined)
      }
      held = serveReadRequest(request, data.claimValue, (block) => parentPort?.postMessage(block), onKind)
      return
    }
    if ('fileList' in message) {
      files = workerFiles(message.fileList, held, request, data, reads)
      held = new Map()
      context = contextOf(files, data)
      return
    }
    offers.push(message)
    setImmediate(() => void next())
  })
  parentPort?.postMessage({ ready: true })
}

/**
 * The files as a worker sees them: a text handed over or read during discovery, or else read the
 * first time a source asks for it, the way discovery read it on the main thread (readCandidate:
 * within the root's real path, links out of it refused, the same size limit and decoding). A text
 * of another length than the main thread's sets `reads.differ` (the file changed during the scan),
 * and the worker then leaves its tasks to the main thread.
 */
function workerFiles(
  message: FilesMessage,
  held: ReadonlyMap<number, string>,
  request: ReadRequest | undefined,
  options: { root?: string; config: Config },
  reads: { differ: boolean },
): SourceFile[] {
  let rootReal: string | undefined = request?.rootReal
  const candidateFor = (index: number, path: string): Candidate => {
    const candidate = message.candidates?.[index]
    if (request && candidate !== undefined) return candidateOf(request, candidate)
    if (rootReal === undefined) {
      try {
        rootReal = realpathSync(options.root ?? '')
      } catch {
        reads.differ = true
        rootReal = options.root ?? ''
      }
    }
    return { path, absolutePath: nodePath.join(rootReal, path), rootReal }
  }
  const reader: WorkerFileReader = {
    read: (index, path) => readCandidate(candidateFor(index, path), options.config.maxFileBytes),
    reads,
  }
  return message.paths.map((path, index) => {
    const kind = message.kinds[index]
    if (kind === undefined) throw new Error(`the file list has no kind for ${path}`)
    const given = message.texts[index] ?? held.get(message.candidates?.[index] ?? -1)
    if (given !== undefined) return { path, kind, text: given }
    return new FileReadByWorker(path, kind, message.lengths[index] ?? -1, index, reader)
  })
}

interface WorkerFileReader {
  read(index: number, path: string): ReturnType<typeof readCandidate>
  reads: { differ: boolean }
}

/** One of a worker's files read when first asked for (a class: a getter per object would cost a closure and a dictionary of properties per file). */
class FileReadByWorker implements SourceFile {
  private read: string | undefined

  constructor(
    readonly path: string,
    readonly kind: FileKind,
    readonly textLength: number,
    private readonly index: number,
    private readonly reader: WorkerFileReader,
  ) {}

  get text(): string {
    if (this.read === undefined) {
      const decoded = this.reader.read(this.index, this.path)
      this.read = decoded.ok ? decoded.text : ''
      if (!decoded.ok || this.read.length !== this.textLength) this.reader.reads.differ = true
    }
    return this.read
  }
}

// ---------------------------------------------------------------------------------------------

function contextOf(files: readonly SourceFile[], options: SourceRunOptions): SourceContext {
  return sourceContext({ ...options, files })
}
