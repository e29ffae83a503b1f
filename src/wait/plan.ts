// When to read each run next, from what is known: how long the pipeline's recent runs took, whether
// the run is running or waits for a person, and which of its stages run jobs side by side. The
// model, and why, is in docs/polling.md.

import { isDetail, type RunSnapshot } from '../model.js'
import { PollSchedule } from './schedule.js'

/** The few newest successful durations that make the expectation: recent enough to follow a pipeline that changed. */
const HISTORY_USED = 5

export interface Expectation {
  /** How long a run is expected to take (ms): the median of the recent ones. */
  expected: number
  /**
   * How far a run may stray from it (ms): twice as far as the recent ones strayed, leaving out the
   * one that strayed furthest when there are five, so that one odd run does not open the dense
   * reads wide.
   */
  spread: number
}

export interface PlanSettings {
  /** `poll-interval`: the interval between reads near the expected end, and the first step of a backoff. */
  first: number
  /** `max-poll-interval`: no interval between two reads of a run is ever longer. */
  max: number
  random: () => number
}

/** What the durations say, or undefined when none is usable (the plan is then the plain backoff). */
export function expectationOf(durations: readonly number[]): Expectation | undefined {
  const recent = durations.filter((d) => Number.isFinite(d) && d > 0).slice(0, HISTORY_USED)
  if (recent.length === 0) return undefined
  const expected = median(recent)
  // The second-largest distance from E: the runs' own range, without the one odd run that would
  // open the dense reads wide. Only five runs can spare one: of three, one is the median itself and
  // leaving out another would leave a single distance, so most runs would end outside the dense
  // reads (of four, the middle two sit on either side of E, as close as a single one).
  const distances = recent.map((d) => Math.abs(d - expected)).sort((a, b) => b - a)
  return { expected, spread: 2 * distances[recent.length >= HISTORY_USED ? 1 : 0]! }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * The status reads of one run. Without an expectation: a backoff from `first` to `max`, as before
 * history was known. With one (E, spread S), measured from when the run was first seen:
 * - before E − S, as few reads as keep every interval within `max`, evenly spaced so that one falls
 *   on E − S (S rounded down to whole `first`s, so that a read falls on E itself);
 * - from there to E + S + `first`, a read every `first`: the run is expected to end now;
 * - after that the run is late, and the backoff takes over again.
 * A manual gate is read on a backoff too; E already counts the hold, as the durations it comes
 * from do. Jitter moves a read only within the room the plan leaves: it never adds a read nor
 * stretches an interval past `max`.
 */
export class RunPlan {
  private readonly settings: PlanSettings
  private expectation: Expectation | undefined
  private anchor: number | undefined
  /** The last read showed no start time. */
  private unstarted = false
  private manualSince: number | undefined
  private backoff: PollSchedule | undefined

  constructor(settings: PlanSettings, expectation?: Expectation) {
    this.settings = settings
    this.expectation = expectation
  }

  /** History arrives after the first read: from now on the plan uses it. True when that changed the plan. */
  expect(expectation: Expectation | undefined): boolean {
    if (expectation === undefined || this.expectation !== undefined) return false
    this.expectation = expectation
    this.backoff = undefined
    return true
  }

  /**
   * The delay until the next read, decided at `now` after a read that showed `snapshot` (undefined
   * when the read failed or left the run out). `startedHere`: the run was started by this step, so
   * its first sight is its start; another run's start is taken from the service, within bounds.
   */
  next(now: number, snapshot: RunSnapshot | undefined, startedHere: boolean): number {
    const { first, max } = this.settings
    if (snapshot !== undefined) {
      // A run seen without a start time (CodeArts: still queued) starts when one first shows.
      const begins = snapshot.startedAt !== undefined && this.unstarted
      if (this.anchor === undefined || begins) this.anchor = begins ? now : this.anchorOf(now, snapshot, startedHere)
      this.unstarted = snapshot.startedAt === undefined
    }
    if (snapshot?.state === 'manual') {
      if (this.manualSince === undefined) {
        this.manualSince = now
        this.backoff = undefined
      }
      return this.backoffStep()
    }
    if (this.manualSince !== undefined && snapshot !== undefined) {
      // The time held is not added to E: the durations E comes from are start to end as the service
      // reports them, each with its own run's hold, so E already counts a hold like this one. A hold
      // far longer than theirs leaves the run late, read on the backoff from `first` (docs/polling.md).
      this.manualSince = undefined
      this.backoff = undefined
    }
    const e = this.expectation
    if (e === undefined || this.anchor === undefined) return this.backoffStep()
    const elapsed = now - this.anchor
    // Dense reads are `first` apart and one falls on E: a spread smaller than that needs no earlier start.
    const denseFrom = e.expected - Math.floor(e.spread / first) * first
    const denseUntil = e.expected + e.spread + first
    if (elapsed < denseFrom) {
      this.backoff = undefined
      return this.sparseStep(denseFrom - elapsed)
    }
    if (elapsed < denseUntil) return this.jittered(first, first * 0.8, Math.min(max, first * 1.2))
    // Late: it may have hung, or this run is slower than the others. Back off as without history.
    return this.backoffStep()
  }

  /** The first of the fewest intervals (each within `max`, none below `first`) that reach `remaining` from now. */
  private sparseStep(remaining: number): number {
    const { first, max } = this.settings
    if (remaining <= first) return first
    const count = Math.ceil(remaining / max)
    const even = remaining / count
    // Any first interval in [low, high] still leaves `count − 1` intervals within max to the target.
    const low = Math.max(first, remaining - (count - 1) * max, even * 0.8)
    const high = Math.min(max, even * 1.2)
    return low >= high ? Math.min(max, Math.max(first, even)) : this.jittered(even, low, high)
  }

  private jittered(base: number, low: number, high: number): number {
    return Math.round(Math.min(high, Math.max(low, base * (0.8 + 0.4 * this.settings.random()))))
  }

  private backoffStep(): number {
    this.backoff ??= new PollSchedule(this.settings.first, this.settings.max, this.settings.random)
    return this.backoff.next()
  }

  /**
   * Where the run's time starts. A run started here starts when first seen (the service's clock may
   * differ from ours by minutes). A run adopted part-way (`mode: wait`) started when the service
   * says, but never taken as earlier than E before now: a clock far off can only move the dense
   * reads, and never past `max`.
   */
  private anchorOf(now: number, snapshot: RunSnapshot, startedHere: boolean): number {
    const since = snapshot.startedAt?.getTime()
    if (startedHere || since === undefined || !Number.isFinite(since)) return now
    return Math.min(now, Math.max(since, now - (this.expectation?.expected ?? 0)))
  }
}

/**
 * When to read a run's detail (its jobs) between status reads. A batch status (CodeArts) shows
 * stages, not jobs: a stage that runs several jobs side by side goes on running when one of them
 * fails, so such a stage's detail is read while it runs, at least once per `max` (a failing job is
 * reported within max-poll-interval), and at a random point of that interval, so that many runs do
 * not all read their details in the same cycle. A stage whose jobs are not known yet is treated
 * like one with several; one known to run a single job needs no detail (its status is the job's).
 * The first read of a run is a detail, which shows its jobs from the start and learns which stages
 * run several. A provider whose status read is the detail (Yunxiao: Provider.statusHasJobs) is
 * never watched.
 */
export class DetailWatch {
  private readonly max: number
  private readonly random: () => number
  private readonly single = new Set<string>()
  private lastRead: number | undefined
  /** When the detail is due; undefined while no running stage needs one. */
  due: number | undefined

  /** `begun`: the first read of the run is a full one, which names its jobs and shows them at once. */
  constructor(max: number, random: () => number, begun: number) {
    this.max = max
    this.random = random
    this.due = begun
  }

  /** After each read of the run (a status or a detail) at `now`. */
  seen(now: number, snapshot: RunSnapshot): void {
    const readBefore = this.lastRead
    this.lastRead = now
    const detail = isDetail(snapshot)
    if (detail) {
      for (const stage of snapshot.stages) {
        if (stage.jobs.length <= 1) this.single.add(stage.name)
        else this.single.delete(stage.name)
      }
    }
    const watching = snapshot.state === 'running' && snapshot.stages.some((s) => s.state === 'running' && !this.single.has(s.name))
    if (!watching) this.due = undefined
    // After the first read, at a random point within max (the stagger across runs); after any other,
    // exactly max later, which keeps the runs as far apart as the stagger put them.
    else if (detail) this.due = now + this.max * (readBefore === undefined ? this.random() : 1)
    else if (this.due === undefined) {
      // The stage began after the read before this one: its jobs are read within max of that read,
      // at a random point between now and then (the stagger across runs).
      const latest = (readBefore ?? now) + this.max
      this.due = now + Math.max(0, latest - now) * this.random()
    }
  }
}
