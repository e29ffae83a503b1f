// The poll loop: reads every unfinished run once per cycle until all have ended, the deadline
// passes, or (with fail-fast) one fails. It knows runs only through the Provider interface.

import type { WaitSettings } from '../config/settings.js'
import { AbortedError, isTransient, RunNotFoundError } from '../errors.js'
import type { Logger } from '../log/logger.js'
import { hasEnded, type RunSnapshot, runKey, type TrackedRun } from '../model.js'
import type { Provider } from '../providers/provider.js'
import { sleep } from '../sleep.js'
import { PollSchedule } from './schedule.js'

export interface WaitResult {
  /** The last snapshot read of each run, by runKey(); absent if it was never read. */
  snapshots: Map<string, RunSnapshot>
  /** Set when the wait stopped before every run had ended. */
  interrupted?: 'timeout' | 'cancelled' | 'fail-fast'
}

/** Called after each read of a run, with what was known before; the loop waits for it before the next read. */
export type SnapshotListener = (run: TrackedRun, previous: RunSnapshot | undefined, current: RunSnapshot) => void | Promise<void>

export interface WaitContext {
  provider: Provider
  logger: Logger
  /** Aborts with an AbortedError: the deadline or the job's cancellation. */
  signal: AbortSignal
  onSnapshot: SnapshotListener
  /** Called after each cycle's reads, before the pause. */
  onCycle?: () => Promise<void>
  /**
   * Until then, a read that says a run does not exist is tried again: a service whose records lag
   * behind may say so of a run it has just made. (After the last start plus the search window.)
   */
  notFoundGraceUntil?: number
  random?: () => number
  /** Time as the loop sees it; the bench replaces it with a virtual clock so an hour's run costs milliseconds. */
  clock?: WaitClock
}

export interface WaitClock {
  now(): number
  /** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts (see sleep.ts). */
  sleep(ms: number, signal: AbortSignal): Promise<void>
}

const REAL_CLOCK: WaitClock = { now: () => Date.now(), sleep }

/** Whether the wait on this run is over: it ended, or it waits for a person and we were told not to. */
export function isSettled(snapshot: RunSnapshot, settings: Pick<WaitSettings, 'onManualGate'>): boolean {
  return hasEnded(snapshot.state) || (snapshot.state === 'manual' && settings.onManualGate === 'fail')
}

export async function waitForRuns(runs: readonly TrackedRun[], settings: WaitSettings, ctx: WaitContext): Promise<WaitResult> {
  const snapshots = new Map<string, RunSnapshot>()
  const clock = ctx.clock ?? REAL_CLOCK
  const schedule = new PollSchedule(settings.pollIntervalMs, settings.maxPollIntervalMs, ctx.random)
  let pending = [...runs]
  let failedReads = 0
  try {
    // The first read happens at once: a run refused at start shows up in the first second.
    for (;;) {
      try {
        const read = await ctx.provider.poll(pending)
        failedReads = 0
        for (const run of pending) {
          const current = read.get(runKey(run))
          if (current === undefined) continue
          const previous = snapshots.get(runKey(run))
          snapshots.set(runKey(run), current)
          await ctx.onSnapshot(run, previous, current)
        }
      } catch (error) {
        const lagging = error instanceof RunNotFoundError && clock.now() < (ctx.notFoundGraceUntil ?? 0)
        if (error instanceof AbortedError || (!isTransient(error) && !lagging)) throw error
        // The runs go on whether or not we can see them; a flaky network must not fail the gate. Only the
        // first failure of a streak is a warning: the runner shows at most 10 warnings per step.
        failedReads++
        const message = `Could not read the run status (${(error as Error).message}); trying again (${failedReads} in a row).`
        if (failedReads === 1) ctx.logger.warning(message)
        else ctx.logger.info(message)
      }
      pending = pending.filter((run) => {
        const snapshot = snapshots.get(runKey(run))
        return snapshot === undefined || !isSettled(snapshot, settings)
      })
      if (pending.length === 0) return { snapshots }
      if (settings.failFast && runs.some((run) => isUnsuccessful(snapshots.get(runKey(run)), settings))) {
        return { snapshots, interrupted: 'fail-fast' }
      }
      await ctx.onCycle?.()
      await clock.sleep(schedule.next(), ctx.signal)
    }
  } catch (error) {
    if (error instanceof AbortedError) return { snapshots, interrupted: error.reason }
    throw error
  }
}

function isUnsuccessful(snapshot: RunSnapshot | undefined, settings: WaitSettings): boolean {
  return snapshot !== undefined && isSettled(snapshot, settings) && snapshot.state !== 'success'
}
