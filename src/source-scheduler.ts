import type { Worker } from 'node:worker_threads'
import type { FileKind } from './discover/classify.js'
import { allSources } from './sources/index.js'
import type { SourceContext, SourceFile, SourceResult } from './sources/source.js'
import { SharedStrings } from './shared-strings.js'
import {
  filesOfKinds,
  groupByKind,
  inputOf,
  mergeResults,
  readTask,
  sameFiles,
  type PartOfSource,
  type SourceRun,
} from './source-inputs.js'

/** A per-file source is split into chunks of about this many files (fewer for small inputs). */
const CHUNK_FILES = 400
/** Task ids are slots of the shared claim table; past its end, tasks run on this thread. */
export const MAX_TASKS = 16 * 1024
/** Claim table values: unclaimed, taken by this thread, withdrawn; a worker writes its number + 2. */
export const UNCLAIMED = 0
const MAIN_THREAD = 1
const WITHDRAWN = -1

/** A task as offered to the workers: file indexes into the files they were started with. */
export interface TaskOffer {
  id: number
  sourceIndex: number
  files: number[]
  part?: PartOfSource
}

export type WorkerMessage = { id: number; result: SourceResult } | { id: number; error: string }

export interface SourceWorker {
  worker: Worker
  /** What it writes into the claim table. */
  claimValue: number
  failed: boolean
}

/** A whole source, or a chunk of a per-file source's files, or one part of a parted source. */
interface Task {
  id: number
  sourceIndex: number
  input: SourceFile[]
  plan: Plan
  /** Its place among the plan's results. */
  slot: number
  part?: PartOfSource
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

/**
 * The sources spread over worker threads and this one. Every task is offered to all workers;
 * whichever thread claims it first in the shared claim table runs it, this thread from the front
 * (the sources that decide what later sources read), the workers from the back, so a worker never
 * waits for this thread to hand out work. A per-file source is split into chunks. A source may
 * start before the sources ahead of it have finished (whole sources when the workers would idle,
 * per-file ones when this thread would): its input is checked once they have, and what they
 * consumed is read again without those files. Results are merged in source order and, within a
 * source, in file order, so the outcome is the one of `readSources`. The tasks of a worker that
 * fails are run here.
 */
export class SourceScheduler {
  private readonly byKind: Map<FileKind, SourceFile[]>
  private readonly indexOf: Map<SourceFile, number>
  /** Indexes into `allSources` of the sources with some input. */
  private readonly candidates: number[]
  private readonly plans = new Map<number, Plan>()
  /** Merged results by source index (undefined: the source had nothing left to read). */
  private readonly finished = new Map<number, SourceResult | undefined>()
  /** Tasks not yet done, in the order this thread prefers them. */
  private readonly pending: Task[] = []
  private readonly byId = new Map<number, Task>()
  private readonly prepared = new Map<number, Promise<void>>()
  private readonly exactInputs = new Map<number, SourceFile[]>()
  private nextTaskId = 0
  private workerTasks = 0
  private wake: (() => void) | undefined
  private readonly sharedStrings: SharedStrings

  constructor(
    private readonly files: readonly SourceFile[],
    private readonly context: SourceContext,
    private readonly workers: readonly SourceWorker[],
    private readonly claims: Int32Array,
  ) {
    this.byKind = groupByKind(files)
    this.indexOf = new Map(files.map((file, index) => [file, index]))
    this.sharedStrings = new SharedStrings(files.map((file) => file.path))
    this.candidates = allSources
      .map((_, index) => index)
      .filter((index) => inputOf(allSources[index]!, this.byKind, new Set()).length > 0)
    for (const handle of workers) this.listen(handle)
  }

  /** Runs every source; the runs in source order and how many tasks workers did, or undefined if no thread could go on. */
  async run(): Promise<{ runs: SourceRun[]; workerTasks: number } | undefined> {
    for (;;) {
      this.plan()
      if (this.candidates.every((index) => this.finished.has(index))) break
      const task = this.claimHere() ?? (this.speculatePerFile() ? this.claimHere() : undefined)
      if (task) {
        await this.runHere(task)
        // Let the replies that arrived meanwhile in before planning again.
        await new Promise<void>((resolve) => setImmediate(resolve))
        continue
      }
      // Cannot happen (the first unfinished source is always runnable).
      if (this.pending.length === 0) return undefined
      await new Promise<void>((resolve) => {
        this.wake = resolve
      })
      this.wake = undefined
    }
    const runs = this.candidates.flatMap((index) => {
      const result = this.finished.get(index)
      return result ? [{ source: allSources[index]!, result }] : []
    })
    return { runs, workerTasks: this.workerTasks }
  }

  private listen(handle: SourceWorker): void {
    handle.worker.on('message', (message: WorkerMessage) => {
      const task = this.byId.get(message.id)
      if (task && 'result' in message) {
        this.workerTasks += 1
        this.sharedStrings.share(message.result)
        this.complete(task, message.result)
      } else if (task && message.id < MAX_TASKS) {
        // The worker could not read it (or send the result): this thread will.
        Atomics.store(this.claims, message.id, MAIN_THREAD)
      }
      this.wake?.()
    })
    const fail = (): void => {
      handle.failed = true
      this.wake?.()
    }
    handle.worker.on('error', fail)
    handle.worker.on('exit', fail)
  }

  private liveWorkers(): SourceWorker[] {
    return this.workers.filter((handle) => !handle.failed)
  }

  /**
   * Plans every source whose input is final (all sources ahead of it finished), then whole
   * sources from the back whose input may still shrink, while the workers could use more work.
   * A speculative plan is kept when its input turned out final, revised chunk by chunk when it
   * is a per-file source's, else planned again.
   */
  private plan(): void {
    for (const index of this.candidates) {
      if (this.finished.has(index) || !this.earlierDone(index)) continue
      const input = this.exactInput(index)
      const current = this.plans.get(index)
      if (current?.speculative) {
        if (sameFiles(current.input, input) || (allSources[index]!.perFile && input.length > 0)) {
          if (!sameFiles(current.input, input)) this.revise(current, input)
          current.speculative = false
          this.finish(current)
          continue
        }
        this.withdraw(current)
      } else if (current) {
        continue
      }
      if (input.length === 0) this.finished.set(index, undefined)
      else this.schedule(index, input, false)
    }
    const wanted = 1 + this.liveWorkers().length
    for (let position = this.candidates.length - 1; position >= 0 && this.unclaimed() < wanted; position -= 1) {
      const index = this.candidates[position]!
      if (this.plans.has(index) || this.finished.has(index) || allSources[index]!.perFile) continue
      this.schedule(index, inputOf(allSources[index]!, this.byKind, this.consumedBefore(index)), true)
    }
  }

  /**
   * When this thread has nothing to run: the first per-file source not yet planned whose earlier
   * sources have all been planned (they are running), speculatively, in chunks.
   */
  private speculatePerFile(): boolean {
    for (const index of this.candidates) {
      if (this.finished.has(index) || this.plans.has(index)) continue
      const earlierStarted = this.candidates.every(
        (earlier) => earlier >= index || this.finished.has(earlier) || this.plans.has(earlier),
      )
      if (!allSources[index]!.perFile || !earlierStarted) return false
      const input = inputOf(allSources[index]!, this.byKind, this.consumedBefore(index))
      if (input.length === 0) return false
      this.schedule(index, input, true)
      return true
    }
    return false
  }

  private earlierDone(sourceIndex: number): boolean {
    return this.candidates.every((index) => index >= sourceIndex || this.finished.has(index))
  }

  private consumedBefore(sourceIndex: number): Set<string> {
    const consumed = new Set<string>()
    for (const [index, result] of this.finished)
      if (index < sourceIndex) for (const path of result?.consumedFiles ?? []) consumed.add(path)
    return consumed
  }

  /** A source's input once every source ahead of it has finished. */
  private exactInput(sourceIndex: number): SourceFile[] {
    let input = this.exactInputs.get(sourceIndex)
    if (!input)
      this.exactInputs.set(
        sourceIndex,
        (input = inputOf(allSources[sourceIndex]!, this.byKind, this.consumedBefore(sourceIndex))),
      )
    return input
  }

  /** Tasks for a source: its parts, its chunks (a per-file source), or the whole of it. */
  private schedule(sourceIndex: number, input: SourceFile[], speculative: boolean): void {
    const source = allSources[sourceIndex]!
    const threads = this.workers.length + 1
    const partCount = source.parts ? source.parts.count(input, threads, this.context) : 1
    const plan: Plan = { sourceIndex, input, speculative, parted: partCount > 1, results: [], tasks: [] }
    this.plans.set(sourceIndex, plan)
    if (plan.parted) {
      for (let index = 0; index < partCount; index += 1) this.addTask(plan, input, { index, count: partCount })
      return
    }
    const chunkCount = source.perFile ? Math.max(1, Math.min(Math.ceil(input.length / CHUNK_FILES), threads * 4)) : 1
    const chunkSize = Math.ceil(input.length / chunkCount)
    for (let start = 0; start < input.length; start += chunkSize)
      this.addTask(plan, input.slice(start, start + chunkSize))
  }

  private addTask(plan: Plan, input: SourceFile[], part?: PartOfSource): Task {
    const task: Task = {
      id: this.nextTaskId++,
      sourceIndex: plan.sourceIndex,
      input,
      plan,
      slot: plan.results.length,
      ...(part ? { part } : {}),
    }
    plan.results.push(undefined)
    plan.tasks.push(task)
    this.pending.push(task)
    this.byId.set(task.id, task)
    if (task.id < MAX_TASKS) {
      const offer: TaskOffer = {
        id: task.id,
        sourceIndex: plan.sourceIndex,
        files: input.map((file) => this.indexOf.get(file)!),
        ...(part ? { part } : {}),
      }
      for (const handle of this.liveWorkers()) handle.worker.postMessage(offer)
    }
    return task
  }

  private dropTask(task: Task): void {
    if (task.id < MAX_TASKS) Atomics.compareExchange(this.claims, task.id, UNCLAIMED, WITHDRAWN)
    this.byId.delete(task.id)
    this.removePending(task)
  }

  private removePending(task: Task): void {
    const at = this.pending.indexOf(task)
    if (at !== -1) this.pending.splice(at, 1)
  }

  /**
   * A speculative per-file plan whose input lost files: the chunks that lost none stand (a
   * per-file source's result over some files does not depend on the others); the rest are read
   * again over the files they keep.
   */
  private revise(plan: Plan, input: SourceFile[]): void {
    const kept = new Set(input)
    const { tasks, results } = plan
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
      this.dropTask(task)
      if (remaining.length > 0) this.addTask(plan, remaining)
    }
    plan.input = input
  }

  private withdraw(plan: Plan): void {
    for (const task of plan.tasks) this.dropTask(task)
    this.plans.delete(plan.sourceIndex)
  }

  /** Records a plan's merged result once it is final and every task is in. */
  private finish(plan: Plan): void {
    if (plan.speculative || !plan.results.every((slot) => slot !== undefined)) return
    const parts = allSources[plan.sourceIndex]!.parts
    this.finished.set(
      plan.sourceIndex,
      plan.parted && parts ? parts.merge(plan.results, this.context) : mergeResults(plan.results),
    )
  }

  private complete(task: Task, result: SourceResult): void {
    if (this.byId.get(task.id) !== task) return
    this.byId.delete(task.id)
    this.removePending(task)
    task.plan.results[task.slot] = result
    this.finish(task.plan)
  }

  private claimedBy(task: Task): number {
    return task.id < MAX_TASKS ? Atomics.load(this.claims, task.id) : MAIN_THREAD
  }

  private unclaimed(): number {
    return this.pending.filter((task) => this.claimedBy(task) === UNCLAIMED).length
  }

  /** The first pending task this thread may run: unclaimed (and now claimed), or left by a failed worker. */
  private claimHere(): Task | undefined {
    for (const task of this.pending) {
      if (task.id >= MAX_TASKS) return task
      const owner = Atomics.compareExchange(this.claims, task.id, UNCLAIMED, MAIN_THREAD)
      if (owner === UNCLAIMED || owner === MAIN_THREAD) return task
      if (this.workers.some((handle) => handle.failed && handle.claimValue === owner)) return task
    }
    return undefined
  }

  private async runHere(task: Task): Promise<void> {
    const source = allSources[task.sourceIndex]!
    if (source.prepare) {
      if (!this.prepared.has(task.sourceIndex))
        this.prepared.set(task.sourceIndex, source.prepare(filesOfKinds(this.files, source.kinds)))
      await this.prepared.get(task.sourceIndex)
    }
    this.complete(task, readTask(source, task.input, this.context, task.part))
  }
}
