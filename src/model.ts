// The provider-neutral picture of a pipeline run. Providers translate their API's shapes into these
// types, so the wait loop and the reports never see a CodeArts or Yunxiao field name.

/**
 * What a status means to us. `manual` is a run paused for a person (an approval or a delay);
 * it never ends by itself, so `on-manual-gate` decides whether to keep waiting.
 */
export type RunState = 'running' | 'manual' | 'success' | 'failure' | 'cancelled'

/**
 * Whether a run (or a stage, job or step) has ended: success, failure or cancelled. The one rule for
 * "is it over?"; a manual gate is not over (`on-manual-gate` decides whether to wait on it).
 */
export function hasEnded(state: NodeState | undefined): boolean {
  return state === 'success' || state === 'failure' || state === 'cancelled'
}

/** Stages, jobs and steps can also be left out of a run (not selected, or skipped by a condition). */
export type NodeState = RunState | 'skipped'

/** Overall result of a step, as in the `conclusion` output. */
export type Conclusion = 'success' | 'failure' | 'cancelled' | 'timed_out'

/** Enough to find a run again: what we keep in the post step's state. */
export interface RunRef {
  pipelineId: string
  runId: string
  /** Set when the start was accepted into the pipeline's queue (CodeArts cancels queued runs by this ID). */
  queueId?: string
}

/**
 * A run's identity. Run IDs are unique only within their pipeline on some services (Yunxiao numbers
 * each pipeline's runs 1, 2, 3…), so anything kept per run is kept under this key.
 */
export function runKey(run: RunRef): string {
  return `${run.pipelineId}/${run.runId}`
}

/** A run this step started (or, in `mode: wait`, adopted). */
export interface TrackedRun extends RunRef {
  /** Console link, known from the start so it can be printed before the first poll. */
  url: string
  /** True when this step started the run, so cancelling the step may stop it. */
  startedHere: boolean
}

/** A stage, job or step as seen during one poll: enough to print progress. */
export interface NodeStatus {
  name: string
  status: string
  state: NodeState
}

export interface StageStatus extends NodeStatus {
  /** Present when the provider's cheap status read includes jobs. */
  jobs?: NodeStatus[]
}

/** One poll's view of a run. */
export interface RunSnapshot {
  /** The provider's own status word, shown to users as is (e.g. COMPLETED, FAILED). */
  status: string
  state: RunState
  runNumber?: number
  startedAt?: Date
  finishedAt?: Date
  /** The provider's console link when the response carries one. */
  url?: string
  stages: StageStatus[]
  /** Status words in this read that no table knows (read as "still running"); warned about once each. */
  unknown?: string[]
}

export interface StepDetail extends NodeStatus {
  id: string
  /** The step runs another pipeline (a CodeArts sub-pipeline step): its run is found through Provider.subRuns. */
  subPipeline?: boolean
  /** Where the provider finds this step's log (opaque to everything else); absent: no log. */
  logKey?: string
  message?: string
  startedAt?: Date
  finishedAt?: Date
}

export interface JobDetail extends NodeStatus {
  id: string
  message?: string
  startedAt?: Date
  finishedAt?: Date
  steps: StepDetail[]
}

export interface StageDetail extends NodeStatus {
  id: string
  startedAt?: Date
  finishedAt?: Date
  /** Gate steps that run before and after the stage's jobs (CodeArts `pre`/`post`). */
  pre: StepDetail[]
  post: StepDetail[]
  jobs: JobDetail[]
}

/** A run read in full: stages, jobs and steps, with what is needed to fetch their logs. */
export interface RunDetail extends RunSnapshot {
  /** The pipeline's name, when the service says it. */
  pipelineName?: string
  stages: StageDetail[]
}

/** Whether a snapshot is a full detail (stages carry jobs and steps). */
export function isDetail(snapshot: RunSnapshot): snapshot is RunDetail {
  return snapshot.stages.every((stage) => 'pre' in stage)
}

/** A sub-pipeline run on the way to a failure, and where in it the failure lies (as in `results[].failures[].sub_pipelines`). */
export interface SubPipelineHop {
  pipeline_id: string
  run_id: string
  /** The sub-pipeline's name; its ID when the service does not say. */
  pipeline: string
  stage: string
  job: string
  step: string
}

/**
 * What failed, as in `results[].failures`. `stage`, `job` and `step` are in the pipeline that was
 * started; when that step ran a sub-pipeline, `sub_pipelines` leads to the step that really failed
 * (the last hop's), and `message` is that step's.
 */
export interface Failure {
  stage: string
  job: string
  step: string
  message: string
  sub_pipelines?: SubPipelineHop[]
}
