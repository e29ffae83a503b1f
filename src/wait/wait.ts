// The poll loop: reads each unfinished run when its plan says (plan.ts, docs/polling.md) until all
// have ended, the deadline passes, or (with fail-fast) one fails. It knows runs only through the
// Provider interface.

import type { WaitSettings } from '../config/settings.js'
import { AbortedError, isTransient, RunNotFoundError } from '../errors.js'
import type { Logger } from '../log/logger.js'
import { hasEnded, isDetail, type RunSnapshot, runKey, type TrackedRun } from '../model.js'
import type { Provider } from '../providers/provider.js'
import { sleep } from '../sleep.js'
import { DetailWatch, type Expectation, expectationOf, RunPlan } from './plan.js'

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

// Runs due this close together are read in one cycle (CodeArts reads them in one request).
const COALESCE_MS = 1_000
// Pipelines whose history is read at the same time; the rest wait their turn.
const HISTORY_READS = 4

/** A run being waited on, and when it is next read. */
interface Watched {
  run: TrackedRun
  plan: RunPlan
  /** When its jobs are read; absent where every status read brings them (Provider.statusHasJobs). */
  watch?: DetailWatch
  /** When its status is next read (the loop's clock). */
  due: number
  /** When it was last read, and what that read showed. */
  readAt?: number
  last?: RunSnapshot
}

export async function waitForRuns(runs: readonly TrackedRun[], settings: WaitSettings, ctx: WaitContext): Promise<WaitResult> {
  const snapshots = new Map<string, RunSnapshot>()
  const clock = ctx.clock ?? REAL_CLOCK
  const random = ctx.random ?? Math.random
  const first = settings.pollIntervalMs
  const planSettings = { first, max: settings.maxPollIntervalMs, random }
  let history: History | undefined
  const begun = clock.now()
  let pending: Watched[] = runs.map((run) => ({
    run,
    plan: new RunPlan(planSettings),
    ...(!ctx.provider.statusHasJobs && { watch: new DetailWatch(settings.maxPollIntervalMs, random, begun) }),
    due: begun
  }))
  let failedReads = 0
  try {
    // The first read happens at once: a run refused at start shows up in the first second.
    for (;;) {
      const now = clock.now()
      const soon = now + Math.min(COALESCE_MS, first / 2)
      const jobsDue = (w: Watched) => w.watch?.due !== undefined && w.watch.due <= soon
      const byStatus = withRiders(
        pending.filter((w) => w.due <= soon),
        pending.filter((w) => w.due > soon && !jobsDue(w)),
        ctx.provider.statusBatch ?? 1
      )
      let read = new Map<string, RunSnapshot>()
      let byDetail: Watched[] = []
      let detailsRead = false
      try {
        // The most overdue first: a provider that reads only a few runs a cycle (Yunxiao) reads these.
        const asked = [...byStatus].sort((a, b) => a.due - b.due).map((w) => w.run)
        read = byStatus.length > 0 ? await ctx.provider.poll(asked) : read
        // Jobs that are due are read, unless the status read just brought them.
        byDetail = pending.filter((w) => {
          const polled = read.get(runKey(w.run))
          return jobsDue(w) && !(polled !== undefined && isDetail(polled))
        })
        const details = await Promise.all(byDetail.map((w) => ctx.provider.detail(w.run)))
        for (const [i, w] of byDetail.entries()) read.set(runKey(w.run), details[i]!)
        detailsRead = true
        failedReads = 0
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
      const readAt = clock.now()
      for (const w of new Set([...byStatus, ...byDetail])) {
        const key = runKey(w.run)
        const current = read.get(key)
        if (current !== undefined) {
          const previous = snapshots.get(key)
          snapshots.set(key, current)
          await ctx.onSnapshot(w.run, previous, current)
          w.readAt = readAt
          w.last = current
        }
        w.plan.expect(history?.expectations.get(w.run.pipelineId))
        // A detail read between two status reads leaves the status plan as it was: the runs keep
        // sharing their batch reads, and the jobs, read on a cadence of their own, add no status read.
        if (w.due <= soon || byStatus.includes(w)) {
          // A run the provider left out this cycle (Yunxiao reads 8 a cycle) is asked again a second
          // later (or when due, if that is later), not after `first`: the cap spreads a crowd of due
          // runs over cycles a second apart, and at `first` apart it would read fewer than 2 runs a
          // second, too few for more than 48 runs to be read within max-poll-interval, and late for
          // the first read (docs/polling.md).
          const leftOut = current === undefined && read.size > 0
          if (!leftOut) w.due = readAt + w.plan.next(readAt, current, w.run.startedHere)
          else w.due = Math.max(w.due, readAt + Math.min(first, COALESCE_MS))
        }
        if (current !== undefined) w.watch?.seen(readAt, current)
        // Jobs that could not be read are tried again with the next status read, not at once.
        if ((current === undefined || !detailsRead) && w.watch?.due !== undefined) w.watch.due = Math.max(w.watch.due, w.due)
      }
      pending = pending.filter((w) => {
        const snapshot = snapshots.get(runKey(w.run))
        return snapshot === undefined || !isSettled(snapshot, settings)
      })
      if (pending.length === 0) return { snapshots }
      if (settings.failFast && runs.some((run) => isUnsuccessful(snapshots.get(runKey(run)), settings))) {
        return { snapshots, interrupted: 'fail-fast' }
      }
      // The run lists are read once a status read went through (a refused key is refused once), and
      // only while there is something left to wait for.
      if (detailsRead) history ??= readHistory(pending, ctx, clock)
      await ctx.onCycle?.()
      await pause(pending, history, clock, ctx.signal)
    }
  } catch (error) {
    if (error instanceof AbortedError) return { snapshots, interrupted: error.reason }
    throw error
  }
}

/**
 * The due runs, and as many of the others (the soonest first) as fit in the status requests those
 * need anyway: where one request reads many runs (CodeArts), a run read early costs nothing, and
 * runs on the same timeline fall into step.
 */
function withRiders(due: Watched[], others: Watched[], batch: number): Watched[] {
  if (due.length === 0 || batch <= 1) return due
  const room = Math.ceil(due.length / batch) * batch - due.length
  return [...due, ...[...others].sort((a, b) => a.due - b.due).slice(0, room)]
}

/** Until the soonest read; history arriving meanwhile re-plans every run from its last read. */
async function pause(pending: Watched[], history: History | undefined, clock: WaitClock, signal: AbortSignal): Promise<void> {
  const soonest = () => Math.min(...pending.map((w) => Math.min(w.due, w.watch?.due ?? Number.POSITIVE_INFINITY)))
  if (history !== undefined && !history.done) {
    const nap = new AbortController()
    const napping = clock.sleep(Math.max(0, soonest() - clock.now()), AbortSignal.any([signal, nap.signal]))
    const woke = await Promise.race([napping.then(() => 'time' as const), history.ready.then(() => 'history' as const)])
    if (woke === 'time') return
    nap.abort()
    await napping.catch(() => undefined)
    if (signal.aborted) throw signal.reason
    for (const w of pending) {
      if (w.readAt !== undefined && w.plan.expect(history.expectations.get(w.run.pipelineId))) {
        w.due = w.readAt + w.plan.next(w.readAt, w.last, w.run.startedHere)
      }
    }
  }
  await clock.sleep(Math.max(0, soonest() - clock.now()), signal)
}

/** What the pipelines' run lists say, filled in as the reads answer; `done` once all have. */
interface History {
  expectations: Map<string, Expectation>
  ready: Promise<void>
  done: boolean
}

/**
 * Each pipeline's recent durations, read once, in the background after the first status read: it
 * is optional knowledge, so a failure (or a provider without history) leaves the plain backoff, says so in the
 * debug log, and neither fails nor delays anything.
 */
function readHistory(pending: readonly Watched[], ctx: WaitContext, clock: WaitClock): History {
  const expectations = new Map<string, Expectation>()
  const provider = ctx.provider
  const queue = [...new Set(pending.map((w) => w.run.pipelineId))]
  if (provider.history === undefined || queue.length === 0) return { expectations, ready: Promise.resolve(), done: true }
  const readOne = async (pipelineId: string): Promise<void> => {
    try {
      const durations = await provider.history!(pipelineId, clock.now())
      const expectation = expectationOf(durations)
      if (expectation !== undefined) expectations.set(pipelineId, expectation)
      ctx.logger.debug(
        expectation === undefined
          ? `Pipeline ${pipelineId}: no recent successful run with usable times; reading on the plain backoff.`
          : `Pipeline ${pipelineId}: recent runs took ${Math.round(expectation.expected / 1000)} s ` +
              `(± ${Math.round(expectation.spread / 1000)} s); reading often near that time.`
      )
    } catch (error) {
      ctx.logger.debug(
        `Pipeline ${pipelineId}: could not read its recent runs (${(error as Error).message}); reading on the plain backoff.`
      )
    }
  }
  const worker = async (): Promise<void> => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) await readOne(id)
  }
  const history: History = { expectations, ready: Promise.resolve(), done: false }
  history.ready = Promise.all(Array.from({ length: Math.min(HISTORY_READS, queue.length) }, worker)).then(() => {
    history.done = true
  })
  return history
}
function isUnsuccessful(snapshot: RunSnapshot | undefined, settings: WaitSettings): boolean {
  return snapshot !== undefined && isSettled(snapshot, settings) && snapshot.state !== 'success'
}
