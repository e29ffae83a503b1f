// Time for the polling bench: it passes only when the one waiter sleeps, and a sleep passes at once,
// so an hour's run costs the milliseconds its requests take. The simulators read the same clock
// (their `now` option), so a run's timeline moves exactly as far as the waiter slept. Requests take
// no time at all: while one is in flight, a sleep holds the time still until it is answered.

import { AbortedError } from '../../src/errors.ts'
import { abortReason } from '../../src/sleep.ts'
import type { WaitClock } from '../../src/wait/wait.ts'

export class VirtualClock implements WaitClock {
  private time: number
  private sleeping = false
  private deadline: { at: number; controller: AbortController } | undefined
  private busy: () => boolean = () => false
  /** How many sleeps have passed: the wait loop sleeps once between two cycles. */
  sleeps = 0

  constructor(start: number) {
    this.time = start
  }

  readonly now = (): number => this.time

  /** Sets the time: how a bench lays down a pipeline's earlier runs before the one it waits for. */
  set(time: number): void {
    this.time = time
  }

  /**
   * While `busy` says so (requests are in flight), a sleep does not start. On the wall clock a read
   * takes milliseconds and a pause seconds, so whatever the waiter sent before pausing (a read it
   * races its pause against) is answered within the pause; here too.
   */
  holdWhile(busy: () => boolean): void {
    this.busy = busy
  }

  /** At `at`, `controller` aborts with a timeout, as the step's deadline would on the wall clock. */
  abortAt(at: number, controller: AbortController): void {
    this.deadline = { at, controller }
  }

  async sleep(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw abortReason(signal)
    // Two sleepers would each move the time by their own delay, and the sum would be nobody's
    // timeline: each waiter gets a clock of its own.
    if (this.sleeping) throw new Error('a virtual clock serves one sleeper at a time')
    this.sleeping = true
    try {
      // Let what the waiter set going just before it paused reach the client first: a request
      // whose sending still awaits a promise or two is not in flight yet, but will be.
      do {
        await new Promise<void>((resolve) => setImmediate(resolve))
        if (signal.aborted) throw abortReason(signal)
      } while (this.busy())
      const until = this.time + Math.max(0, ms)
      const deadline = this.deadline
      if (deadline !== undefined && until >= deadline.at) {
        this.time = Math.max(this.time, deadline.at)
        const timeout = new AbortedError('timeout')
        deadline.controller.abort(timeout)
        throw timeout
      }
      this.time = until
      this.sleeps++
      // A real sleep lets other work run; this one too, so an abort raised meanwhile is seen.
      await new Promise<void>((resolve) => setImmediate(resolve))
      if (signal.aborted) throw abortReason(signal)
    } finally {
      this.sleeping = false
    }
  }
}
