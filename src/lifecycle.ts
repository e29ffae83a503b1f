import { AbortedError } from './errors.js'

/**
 * The step's clock. While waiting, `signal` aborts at the deadline (or on cancellation). After the
 * wait, the requests that must still be made (stopping runs, reading what failed) get a fresh signal
 * with a short budget of their own: a deadline that has passed must not prevent the clean-up.
 */
export class Lifecycle {
  private controller = new AbortController()
  private timer: NodeJS.Timeout

  constructor(timeoutMs: number) {
    this.timer = this.timeoutAfter(timeoutMs)
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  cancel(): void {
    if (!this.controller.signal.aborted) this.controller.abort(new AbortedError('cancelled'))
  }

  beginCleanup(budgetMs: number): void {
    clearTimeout(this.timer)
    this.controller = new AbortController()
    this.timer = this.timeoutAfter(budgetMs)
  }

  dispose(): void {
    clearTimeout(this.timer)
  }

  private timeoutAfter(ms: number): NodeJS.Timeout {
    const controller = this.controller
    const timer = setTimeout(() => controller.abort(new AbortedError('timeout')), ms)
    // Never the reason the process stays alive.
    timer.unref()
    return timer
  }
}
