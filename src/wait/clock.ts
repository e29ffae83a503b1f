import { AbortedError } from '../errors.js'

// After the wait: time allowed for stopping runs and reading what failed.
const CLEANUP_MS = 30_000
// The runner sends SIGTERM 7.5 s after SIGINT and kills the process 2.5 s after that; whatever
// must happen after a cancel has to fit well inside the first window.
export const CANCEL_CLEANUP_MS = 5_000

/**
 * The step's clock. While waiting, `signal` aborts at the deadline or on cancellation. After the
 * wait, the requests that must still be made (stopping runs, reading what failed) get a fresh
 * signal with a budget of their own: a deadline that has passed must not prevent the clean-up,
 * and a cancel during the clean-up shortens it rather than abandoning it.
 */
export class StepClock {
  private controller = new AbortController()
  private timer: NodeJS.Timeout
  private phase: 'wait' | 'cleanup' = 'wait'
  private cleanupEndsAt = Infinity
  cancelled = false

  constructor(timeoutMs: number) {
    this.timer = this.timeoutAfter(timeoutMs)
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  cancel(): void {
    if (this.cancelled) return
    this.cancelled = true
    if (this.phase === 'wait') this.controller.abort(new AbortedError('cancelled'))
    else if (this.cleanupEndsAt - Date.now() > CANCEL_CLEANUP_MS) this.armCleanup(CANCEL_CLEANUP_MS)
  }

  beginCleanup(): void {
    if (this.phase === 'cleanup') return
    this.phase = 'cleanup'
    this.controller = new AbortController()
    this.armCleanup(this.cancelled ? CANCEL_CLEANUP_MS : CLEANUP_MS)
  }

  dispose(): void {
    clearTimeout(this.timer)
  }

  private armCleanup(ms: number): void {
    clearTimeout(this.timer)
    this.cleanupEndsAt = Date.now() + ms
    this.timer = this.timeoutAfter(ms)
  }

  private timeoutAfter(ms: number): NodeJS.Timeout {
    const controller = this.controller
    const timer = setTimeout(() => controller.abort(new AbortedError('timeout')), ms)
    // Never the reason the process stays alive.
    timer.unref()
    return timer
  }
}
