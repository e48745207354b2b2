/** A stream of a terminal: where the progress line is drawn. */
export interface TerminalStream {
  write(text: string): unknown
}

/** Shown only after this long, so that a quick scan prints nothing. */
const FIRST_AFTER_MS = 1000
const EVERY_MS = 250

/**
 * One line on standard error, redrawn in place (`\r` and erase-line), saying what a scan that
 * takes more than a second is doing; erased before anything else is printed. Its timers are
 * unref'd, so it never keeps the process alive.
 */
export class ProgressLine {
  private text = ''
  private started = Date.now()
  private shown = false
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly stream: TerminalStream) {}

  start(): void {
    this.started = Date.now()
    this.timer = setTimeout(() => {
      this.draw()
      this.timer = setInterval(() => this.draw(), EVERY_MS)
      this.timer.unref()
    }, FIRST_AFTER_MS)
    this.timer.unref()
  }

  /** What the scan is doing now (`reading 9,500 files`). */
  update(text: string): void {
    this.text = text
    if (this.shown) this.draw()
  }

  stop(): void {
    clearTimeout(this.timer)
    clearInterval(this.timer)
    this.timer = undefined
    if (this.shown) this.stream.write('\r\u001b[K')
    this.shown = false
  }

  private draw(): void {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1)
    this.stream.write(`\r\u001b[Kirsa-guard: ${this.text} (${seconds} s)`)
    this.shown = true
  }
}
