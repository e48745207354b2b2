/**
 * The time live confirmation may take (`live-timeout-seconds`): every AWS call gets a timeout of
 * its own, never longer than what is left, and nothing starts once the budget is spent.
 */
export class Budget {
  readonly deadline: number
  /** The longest a single call (with the SDK's retries) may take. */
  readonly perCallMs: number

  constructor(
    readonly totalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.deadline = now() + totalMs
    this.perCallMs = Math.min(20_000, Math.max(1_000, Math.floor(totalMs / 3)))
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - this.now())
  }

  spent(): boolean {
    return this.remainingMs() <= 0
  }

  /** The timeout for a call starting now. */
  callTimeoutMs(): number {
    return Math.min(this.perCallMs, this.remainingMs())
  }
}

/** Thrown instead of starting work once the budget is spent, or when a call outlives its timeout. */
export class OutOfTime extends Error {
  override name = 'OutOfTime'
  constructor(readonly timeoutMs: number) {
    super(
      timeoutMs > 0
        ? `timed out after ${formatSeconds(timeoutMs)}`
        : 'not attempted: the live-timeout-seconds budget was spent',
    )
  }
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}s`
}

/**
 * Runs `work` with an abort signal that fires after the budget's call timeout; rejects with
 * OutOfTime at that moment even if the work ignores the signal.
 */
export async function withTimeout<T>(budget: Budget, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const timeoutMs = budget.callTimeoutMs()
  if (timeoutMs <= 0) throw new OutOfTime(0)
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new OutOfTime(timeoutMs))
      reject(new OutOfTime(timeoutMs))
    }, timeoutMs)
  })
  try {
    return await Promise.race([work(controller.signal), expired])
  } finally {
    clearTimeout(timer)
  }
}

/** At most `concurrency` tasks at a time; the others wait in order. */
export function limiter(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0
  const waiting: (() => void)[] = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
    try {
      return await task()
    } finally {
      running--
      waiting.shift()?.()
    }
  }
}
