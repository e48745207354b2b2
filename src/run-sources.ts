import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import type { Config } from './config.js'
import type { FileKind } from './discover/classify.js'
import { allSources } from './sources/index.js'
import { appendResult, emptyResult, textLength, type Source, type SourceContext, type SourceFile, type SourceResult } from './sources/source.js'

/**
 * Runs the sources over the scanned files, in the order of `allSources`: a source receives the
 * files of its kinds that no earlier source consumed (`consumedFiles`). The result is the same
 * whether the sources run one after the other on this thread or spread over worker threads.
 */

/** What one source read, in source order. */
export interface SourceRun {
  source: Source
  result: SourceResult
}

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
/** A per-file source is split into chunks of about this many files (fewer for small inputs). */
const CHUNK_FILES = 400
/** Task ids are slots of the shared claim table; past its end, tasks run on this thread. */
const MAX_TASKS = 16 * 1024
/** Claim table values: unclaimed, taken by this thread, withdrawn; a worker writes its number + 2. */
const UNCLAIMED = 0
const MAIN_THREAD = 1
const WITHDRAWN = -1

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
 * (at most 2: the largest sources are single tasks, and each worker holds a copy of the texts)
 * when the files hold enough text to repay a worker's start.
 */
export function workerCountFor(files: readonly SourceFile[], requested: number | undefined): number {
  if (workerScript() === undefined) return 0
  if (requested !== undefined) return Math.max(0, Math.floor(requested))
  if (textLength(files) < PARALLEL_MIN_BYTES) return 0
  return Math.max(0, Math.min(availableParallelism() - 1, MAX_DEFAULT_WORKERS))
}

/** A whole source, or a chunk of a per-file source's files. */
interface Task {
  id: number
  /** Index into `allSources`. */
  sourceIndex: number
  input: SourceFile[]
  plan: Plan
  slot: number
  /** Which part of a parted source (see SourceParts) the task reads. */
  part?: { index: number; count: number }
}

/** A source scheduled to run: its input, and the results of its tasks in order. */
interface Plan {
  sourceIndex: number
  input: SourceFile[]
  /** Started before every earlier source finished: its input is checked once they have. */
  speculative: boolean
  /** Set when the source is read in parts, whose results its SourceParts merges. */
  parted: boolean
  results: (SourceResult | undefined)[]
  tasks: Task[]
}

interface WorkerHandle {
  worker: Worker
  /** What it writes into the claim table. */
  claimValue: number
  failed: boolean
}

type WorkerMessage = { id: number; result: SourceResult } | { id: number; error: string }
type TaskOffer = { id: number; sourceIndex: number; files: number[]; part?: { index: number; count: number } }

/**
 * The sources spread over `workerCount` worker threads and this one. Every task is offered to
 * all workers; whichever thread claims it first in the shared claim table runs it, this thread
 * from the front (the sources that decide what later sources read), the workers from the back, so
 * a worker never waits for this thread to hand out work. A per-file source is split into chunks.
 * A source may start before the sources ahead of it have finished (whole sources when the
 * workers would idle, per-file ones when this thread would): its input is checked once they have,
 * and what they consumed is read again without those files. Results are merged in source order
 * and, within a source, in file order, so the outcome is the one of `readSources`. The tasks of a
 * worker that fails are run here.
 */
export async function readSourcesInParallel(files: readonly SourceFile[], options: SourceRunOptions, workerCount: number): Promise<ParallelSourceRuns> {
  const script = workerScript()
  const sequential = async (): Promise<ParallelSourceRuns> => ({ runs: await readSources(files, options), workerTasks: 0 })
  if (!script || workerCount <= 0) return sequential()
  const indexOf = new Map(files.map((file, index) => [file, index]))
  const claims = new Int32Array(new SharedArrayBuffer(MAX_TASKS * Int32Array.BYTES_PER_ELEMENT))
  let workers: WorkerHandle[]
  try {
    const data = { [WORKER_FLAG]: true, files, config: options.config, root: options.root, sniff: options.sniff === true, claims }
    workers = Array.from({ length: workerCount }, (_, index) => ({ worker: new Worker(fileURLToPath(script), { workerData: { ...data, claimValue: index + 2 } }), claimValue: index + 2, failed: false }))
  } catch {
    return sequential()
  }

  const context = contextOf(files, options)
  const byKind = groupByKind(files)
  const candidates = allSources.map((_, index) => index).filter((index) => inputOf(allSources[index]!, byKind, new Set()).length > 0)
  const plans = new Map<number, Plan>()
  const finished = new Map<number, SourceResult | undefined>()
  /** Tasks not yet done, in the order this thread prefers them. */
  const pending: Task[] = []
  const byId = new Map<number, Task>()
  const prepared = new Map<number, Promise<void>>()
  const exactInputs = new Map<number, SourceFile[]>()
  let nextTaskId = 0
  let workerTasks = 0
  let wake: (() => void) | undefined

  const allFinished = (): boolean => candidates.every((index) => finished.has(index))
  const earlierDone = (sourceIndex: number): boolean => candidates.every((index) => index >= sourceIndex || finished.has(index))
  const consumedBefore = (sourceIndex: number): Set<string> => {
    const consumed = new Set<string>()
    for (const [index, result] of finished) if (index < sourceIndex) for (const path of result?.consumedFiles ?? []) consumed.add(path)
    return consumed
  }
  const exactInput = (sourceIndex: number): SourceFile[] => {
    let input = exactInputs.get(sourceIndex)
    if (!input) exactInputs.set(sourceIndex, (input = inputOf(allSources[sourceIndex]!, byKind, consumedBefore(sourceIndex))))
    return input
  }
  const finish = (plan: Plan): void => {
    if (plan.speculative || !plan.results.every((slot) => slot !== undefined)) return
    const parts = allSources[plan.sourceIndex]!.parts
    finished.set(plan.sourceIndex, plan.parted && parts ? parts.merge(plan.results) : mergeResults(plan.results))
  }
  const live = (): WorkerHandle[] => workers.filter((handle) => !handle.failed)

  const addTask = (plan: Plan, input: SourceFile[], part?: Task['part']): Task => {
    const task: Task = { id: nextTaskId++, sourceIndex: plan.sourceIndex, input, plan, slot: plan.results.length, ...(part ? { part } : {}) }
    plan.results.push(undefined)
    plan.tasks.push(task)
    pending.push(task)
    byId.set(task.id, task)
    if (task.id < MAX_TASKS) {
      const offer: TaskOffer = { id: task.id, sourceIndex: plan.sourceIndex, files: input.map((file) => indexOf.get(file)!), ...(part ? { part } : {}) }
      for (const handle of live()) handle.worker.postMessage(offer)
    }
    return task
  }

  const schedule = (sourceIndex: number, input: SourceFile[], speculative: boolean): void => {
    const source = allSources[sourceIndex]!
    const partCount = source.parts ? source.parts.count(input, workers.length + 1, context) : 1
    const plan: Plan = { sourceIndex, input, speculative, parted: partCount > 1, results: [], tasks: [] }
    plans.set(sourceIndex, plan)
    if (plan.parted) {
      for (let index = 0; index < partCount; index += 1) addTask(plan, input, { index, count: partCount })
      return
    }
    const chunkCount = source.perFile ? Math.max(1, Math.min(Math.ceil(input.length / CHUNK_FILES), (workers.length + 1) * 4)) : 1
    const chunkSize = Math.ceil(input.length / chunkCount)
    for (let start = 0; start < input.length; start += chunkSize) addTask(plan, input.slice(start, start + chunkSize))
  }

  const dropTask = (task: Task): void => {
    if (task.id < MAX_TASKS) Atomics.compareExchange(claims, task.id, UNCLAIMED, WITHDRAWN)
    byId.delete(task.id)
    const at = pending.indexOf(task)
    if (at !== -1) pending.splice(at, 1)
  }

  /**
   * A speculative per-file plan whose input lost files: the chunks that lost none stand (a
   * per-file source's result over some files does not depend on the others); the rest are read
   * again over the files they keep.
   */
  const revise = (plan: Plan, input: SourceFile[]): void => {
    const kept = new Set(input)
    const tasks = plan.tasks
    const results = plan.results
    plan.tasks = []
    plan.results = []
    for (const task of tasks) {
      const remaining = task.input.filter((file) => kept.has(file))
      if (remaining.length === task.input.length) {
        const result = results[task.slot]
        task.slot = plan.results.length
        plan.results.push(result)
        plan.tasks.push(task)
        continue
      }
      dropTask(task)
      if (remaining.length > 0) addTask(plan, remaining)
    }
    plan.input = input
  }

  const withdraw = (plan: Plan): void => {
    for (const task of plan.tasks) dropTask(task)
    plans.delete(plan.sourceIndex)
  }

  /**
   * Plans every source whose input is final (all sources ahead of it finished), then whole
   * sources from the back whose input may still shrink, while the workers could use more work.
   * A speculative plan is kept when its input turned out final, revised chunk by chunk when it
   * is a per-file source's, else planned again.
   */
  const plan = (): void => {
    for (const index of candidates) {
      if (finished.has(index) || !earlierDone(index)) continue
      const input = exactInput(index)
      const current = plans.get(index)
      if (current?.speculative) {
        if (sameFiles(current.input, input) || (allSources[index]!.perFile && input.length > 0)) {
          if (!sameFiles(current.input, input)) revise(current, input)
          current.speculative = false
          finish(current)
          continue
        }
        withdraw(current)
      } else if (current) {
        continue
      }
      if (input.length === 0) finished.set(index, undefined)
      else schedule(index, input, false)
    }
    const wanted = 1 + live().length
    for (let position = candidates.length - 1; position >= 0 && unclaimed() < wanted; position -= 1) {
      const index = candidates[position]!
      if (plans.has(index) || finished.has(index) || allSources[index]!.perFile) continue
      schedule(index, inputOf(allSources[index]!, byKind, consumedBefore(index)), true)
    }
  }

  /**
   * When this thread has nothing to run: the first per-file source not yet planned whose earlier
   * sources have all been planned (they are running), speculatively, in chunks.
   */
  const speculatePerFile = (): boolean => {
    for (const index of candidates) {
      if (finished.has(index) || plans.has(index)) {
        continue
      }
      if (!allSources[index]!.perFile || !candidates.every((earlier) => earlier >= index || finished.has(earlier) || plans.has(earlier))) return false
      const input = inputOf(allSources[index]!, byKind, consumedBefore(index))
      if (input.length === 0) return false
      schedule(index, input, true)
      return true
    }
    return false
  }
  const claimedBy = (task: Task): number => (task.id < MAX_TASKS ? Atomics.load(claims, task.id) : MAIN_THREAD)
  const unclaimed = (): number => pending.filter((task) => claimedBy(task) === UNCLAIMED).length

  const complete = (task: Task, result: SourceResult): void => {
    if (byId.get(task.id) !== task) return
    byId.delete(task.id)
    const at = pending.indexOf(task)
    if (at !== -1) pending.splice(at, 1)
    task.plan.results[task.slot] = result
    finish(task.plan)
  }

  /** The first pending task this thread may run: unclaimed (and now claimed), or left by a failed worker. */
  const claimHere = (): Task | undefined => {
    for (const task of pending) {
      if (task.id >= MAX_TASKS) return task
      const owner = Atomics.compareExchange(claims, task.id, UNCLAIMED, MAIN_THREAD)
      if (owner === UNCLAIMED || owner === MAIN_THREAD) return task
      if (workers.some((handle) => handle.failed && handle.claimValue === owner)) return task
    }
    return undefined
  }

  const runHere = async (task: Task): Promise<void> => {
    const source = allSources[task.sourceIndex]!
    if (source.prepare) {
      if (!prepared.has(task.sourceIndex)) prepared.set(task.sourceIndex, source.prepare(filesOfKinds(files, source.kinds)))
      await prepared.get(task.sourceIndex)
    }
    complete(task, readTask(source, task.input, context, task.part))
  }

  for (const handle of workers) {
    handle.worker.on('message', (message: WorkerMessage) => {
      const task = byId.get(message.id)
      if (task && 'result' in message) {
        workerTasks += 1
        complete(task, message.result)
      } else if (task && message.id < MAX_TASKS) {
        // The worker could not read it (or send the result): this thread will.
        Atomics.store(claims, message.id, MAIN_THREAD)
      }
      wake?.()
    })
    const fail = (): void => {
      handle.failed = true
      wake?.()
    }
    handle.worker.on('error', fail)
    handle.worker.on('exit', fail)
  }

  let stalled = false
  try {
    for (;;) {
      plan()
      if (allFinished()) break
      const task = claimHere() ?? (speculatePerFile() ? claimHere() : undefined)
      if (task) {
        await runHere(task)
        // Let the replies that arrived meanwhile in before planning again.
        await new Promise<void>((resolve) => setImmediate(resolve))
        continue
      }
      if (pending.length === 0) {
        stalled = true
        break
      }
      await new Promise<void>((resolve) => {
        wake = resolve
      })
      wake = undefined
    }
  } finally {
    for (const handle of workers) {
      handle.failed = true
      void handle.worker.terminate()
    }
  }
  // Cannot happen (the first unfinished source is always runnable); if it did, the plain way stands.
  if (stalled) return sequential()
  const runs = candidates.flatMap((index) => {
    const result = finished.get(index)
    return result ? [{ source: allSources[index]!, result }] : []
  })
  return { runs, workerTasks }
}

/**
 * The worker side: keeps the tasks the main thread offers and, whenever idle, claims the most
 * recently offered one still unclaimed, reads it with the files and config it was started with,
 * and sends the result back.
 */
export function serveSourceWorker(): void {
  const data = workerData as { files: SourceFile[]; config: Config; root?: string; sniff: boolean; claims: Int32Array; claimValue: number }
  const context = contextOf(data.files, data.root === undefined ? { config: data.config, sniff: data.sniff } : { config: data.config, root: data.root, sniff: data.sniff })
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
      if (source.prepare && !prepared.has(offer.sourceIndex)) prepared.set(offer.sourceIndex, source.prepare(filesOfKinds(data.files, source.kinds)))
      await prepared.get(offer.sourceIndex)
      const result = readTask(
        source,
        offer.files.map((index) => data.files[index]!),
        context,
        offer.part,
      )
      parentPort!.postMessage({ id: offer.id, result })
    } catch (error) {
      parentPort!.postMessage({ id: offer.id, error: error instanceof Error ? error.message : String(error) })
    }
  }
  parentPort?.on('message', (offer: TaskOffer) => {
    offers.push(offer)
    setImmediate(() => void next())
  })
}

// ---------------------------------------------------------------------------------------------

/** A task's result: the source's over its files, or one part's (merged with the others when all are in). */
function readTask(source: Source, files: readonly SourceFile[], context: SourceContext, part: Task['part']): SourceResult {
  if (part && source.parts) return source.parts.read(files, context, part.index, part.count) as SourceResult
  return source.read(files, context)
}

function contextOf(files: readonly SourceFile[], options: SourceRunOptions): SourceContext {
  const context: SourceContext = { config: options.config, files, sniff: options.sniff === true }
  if (options.root !== undefined) context.root = options.root
  return context
}

function groupByKind(files: readonly SourceFile[]): Map<FileKind, SourceFile[]> {
  const byKind = new Map<FileKind, SourceFile[]>()
  for (const file of files) {
    const list = byKind.get(file.kind)
    if (list) list.push(file)
    else byKind.set(file.kind, [file])
  }
  return byKind
}

function filesOfKinds(files: readonly SourceFile[], kinds: readonly FileKind[]): SourceFile[] {
  return files.filter((file) => kinds.includes(file.kind))
}

function inputOf(source: Source, byKind: ReadonlyMap<FileKind, SourceFile[]>, consumed: ReadonlySet<string>): SourceFile[] {
  return source.kinds.flatMap((kind) => byKind.get(kind) ?? []).filter((file) => !consumed.has(file.path))
}

function sameFiles(a: readonly SourceFile[], b: readonly SourceFile[]): boolean {
  return a.length === b.length && a.every((file, index) => file === b[index])
}

/** The results of a per-file source's chunks, as one result over all its files. */
function mergeResults(results: readonly SourceResult[]): SourceResult {
  if (results.length === 1) return results[0]!
  const merged = emptyResult()
  const consumed: string[] = []
  for (const result of results) {
    appendResult(merged, result)
    for (const path of result.consumedFiles ?? []) consumed.push(path)
  }
  if (consumed.length > 0) merged.consumedFiles = consumed
  return merged
}
