// What the action needs from a pipeline service. The wait loop and the reports depend only on this,
// so a second service (Yunxiao) is a second implementation, not a branch in the core.

import type { RunDetail, RunRef, RunSnapshot, TrackedRun } from '../model.js'
import type { GitRef, Variable } from '../parse.js'

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

export interface Provider {
  /** Starts one run; resolves once the run exists (a queued run counts as started). */
  start(pipelineId: string, request: StartRequest): Promise<TrackedRun>

  /**
   * The run a start with this marker created, if any: how a start whose answer was lost is found
   * again before anything is started twice.
   */
  find(pipelineId: string, marker: string): Promise<TrackedRun | undefined>

  /** The pipeline's most recent run, for `mode: wait` without `run-ids`. */
  latest(pipelineId: string): Promise<TrackedRun>

  /** A run named by the user (`run-ids`). */
  adopt(pipelineId: string, runId: string): TrackedRun

  /**
   * One poll cycle: a snapshot of each run, keyed by runKey(). The provider chooses how to read them
   * cheaply (CodeArts: one batch request for all pipelines); a run it could not read this cycle is
   * left out, and the wait loop asks again next cycle.
   */
  poll(runs: readonly RunRef[]): Promise<Map<string, RunSnapshot>>

  /** The run in full: stages, jobs and steps, with keys for their logs. */
  detail(run: RunRef): Promise<RunDetail>

  /** Stops a run, or takes it out of the queue. Resolves when the service accepted the request. */
  stop(run: RunRef): Promise<void>

  /**
   * A step's log, line by line, fetched page by page as it is consumed: a huge log is never held
   * in memory. `logKey` comes from the step's StepDetail.
   */
  stepLog(run: RunRef, logKey: string): AsyncIterable<string>
}
