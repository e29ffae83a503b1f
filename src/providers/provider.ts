// What the action needs from a pipeline service. The wait loop and the reports depend only on this,
// so a second service (Yunxiao) is a second implementation, not a branch in the core.

import type { GitRef, Variable } from '../config/parse.js'
import type { RunDetail, RunRef, RunSnapshot, TrackedRun } from '../model.js'

/** A start request, whatever the service. */
export interface StartRequest {
  ref?: GitRef
  variables: Variable[]
  /** The run description, which ends with `marker`. */
  description: string
  /** Unique to this step and pipeline; lets a start whose answer was lost be found again. */
  marker: string
  stages: string[]
  jobs: string[]
}

/** What the action knew just before it sent a start: the search for a lost start's run needs it. */
export interface StartContext {
  marker: string
  /** When the start was sent (epoch ms, the runner's clock). */
  sentAt: number
  /** The newest run of the pipeline before the start, where the service numbers its runs in order. */
  before?: string
  /** The branch or tag the start asked for. */
  ref?: GitRef
}

/** What a search for a start's run found. */
export interface Search {
  /** Runs that carry the start's marker: one, normally; two would be a start made twice. */
  found: TrackedRun[]
  /**
   * Runs that appeared since the start was sent on a service that never shows a run's variables (the
   * 2021 Yunxiao API): any of them may be ours, and nothing else tells them apart.
   */
  candidates: TrackedRun[]
  /**
   * Runs that appeared since, whose record should show their variables and does not: they may be
   * ours, but are never taken for ours by elimination.
   */
  unverifiable?: TrackedRun[]
}

/** A start ready to be sent: everything that had to be read first has been. */
export interface PreparedStart {
  pipelineId: string
  /** The newest run before the start (see StartContext.before). */
  before?: string
  /** The request body, in the service's own shape. */
  body: unknown
}

export interface Provider {
  /**
   * The ID of each pipeline named in `names` (the `pipelines` input), in order: reads only. A name
   * must match exactly one pipeline (providers/names.ts).
   */
  pipelineIdsOf(names: readonly string[]): Promise<string[]>

  /**
   * Reads what a start needs (the repositories to point at `ref`; where runs are numbered in order,
   * the newest run, for a later search): reads only, nothing is started.
   */
  prepareStart(pipelineId: string, request: StartRequest): Promise<PreparedStart>

  /** Sends the start itself, the one request not safe to repeat; resolves once the run exists (a queued run counts). */
  start(prepared: PreparedStart): Promise<TrackedRun>

  /**
   * The runs a start created, if any: how a start whose answer was lost is found again before
   * anything is started twice, and how a start made twice is noticed.
   */
  find(pipelineId: string, start: StartContext): Promise<Search>

  /** The pipeline's most recent run, for `mode: wait` without `run-ids`. */
  latest(pipelineId: string): Promise<TrackedRun>

  /**
   * How long the pipeline's recent successful runs took (ms), newest first: one read of its run list,
   * items with missing or implausible times left out (durations.ts). `now` is the wait loop's clock,
   * for a list filtered by start time. The wait loop plans its reads with it (docs/polling.md) and
   * asks once per pipeline; a failure only costs that plan, so it is not retried.
   */
  history?(pipelineId: string, now: number): Promise<number[]>

  /** A run named by the user (`run-ids`). */
  adopt(pipelineId: string, runId: string): TrackedRun

  /**
   * One poll cycle: a snapshot of each run, keyed by runKey(). The provider chooses how to read them
   * cheaply (CodeArts: one batch request for all pipelines); a run it could not read this cycle is
   * left out, and the wait loop asks again a second later (or when due, if later). The runs come
   * most overdue first: one that reads only some (Yunxiao) reads the first.
   */
  poll(runs: readonly RunRef[]): Promise<Map<string, RunSnapshot>>

  /**
   * True where every status read from poll() is the run in full (Yunxiao reads each run on its own,
   * jobs included): the wait loop then never reads a detail besides. Absent: poll() may answer with
   * stages only (CodeArts' batch), and the loop reads the jobs on its own cadence (docs/polling.md).
   */
  readonly statusHasJobs?: boolean

  /**
   * How many pipelines one status request of poll() reads (CodeArts: 20). The wait loop fills each
   * request with runs due later, which costs nothing. Absent: one request per run (Yunxiao).
   */
  readonly statusBatch?: number

  /** The run in full: stages, jobs and steps, with keys for their logs. `fresh`: not from a cache. */
  detail(run: RunRef, fresh?: boolean): Promise<RunDetail>

  /**
   * Asks the service to stop a run (or take it out of its queue). True when the answer says it was
   * stopped; false when the answer does not say so (the caller then reads the run to find out).
   */
  stop(run: RunRef): Promise<boolean>

  /**
   * A step's log, line by line, fetched page by page as it is consumed: a huge log is never held
   * in memory. `logKey` comes from the step's StepDetail.
   */
  stepLog(run: RunRef, logKey: string): AsyncIterable<string>

  /**
   * The runs that sub-pipeline steps of `run` started (steps with `subPipeline`), by step ID; a step
   * whose run cannot be told (not started yet, or an answer that names no plain IDs) is left out.
   * How a failure inside a sub-pipeline is followed, and how its runs are stopped. Absent where the
   * service has no sub-pipelines to follow (docs/yunxiao.md).
   */
  subRuns?(run: RunRef, stepIds: readonly string[]): Promise<Map<string, TrackedRun>>
}
