// The Yunxiao operations the action needs. Two APIs provide them: the current OpenAPI (token) and
// the 2021 `devops` API (AK/SK); the provider sees only this interface.

import type { JsonObject } from '../../json.js'
import type { TextPage } from '../log-lines.js'

/** The run parameters (yunxiao-api.md §2.3); sent as a JSON string in both APIs. */
export interface RunParams {
  envs: Record<string, string>
  comment: string
  runningBranchs?: Record<string, string>
  runningTags?: Record<string, string>
}

export interface JobSteps {
  buildId: string
  steps: { index: string; name: string; status: string }[]
}


export interface YunxiaoApi {
  /** The pipeline's name; undefined where the API cannot say. */
  pipelineName(pipelineId: string): Promise<string | undefined>
  startRun(pipelineId: string, params: RunParams): Promise<string>
  /** A PipelineRun: status, sources, globalParams, stages[].stageInfo.jobs[]. */
  getRun(pipelineId: string, runId: string): Promise<JsonObject>
  /** The most recent runs, each with at least pipelineRunId; order not guaranteed. */
  recentRuns(pipelineId: string, count: number): Promise<JsonObject[]>
  stopRun(pipelineId: string, runId: string): Promise<void>
  /** Undefined when this API has no step-level operations. */
  jobSteps(pipelineId: string, runId: string, jobId: string): Promise<JobSteps | undefined>
  stepLogPage(pipelineId: string, runId: string, jobId: string, buildId: string, stepIndex: string, offset: number, limit: number): Promise<TextPage>
  /** A job's whole log, in one piece (there is no paging for it). */
  jobLog(pipelineId: string, runId: string, jobId: string): Promise<string>
}
