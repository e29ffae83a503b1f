// The Yunxiao operations the action needs. Two APIs provide them: the current OpenAPI (token) and
// the 2021 `devops` API (AK/SK); the provider sees only this interface.

import { RemoteError, RunNotFoundError } from '../../errors.js'
import { arr, isObject, type JsonObject, obj, str } from '../../net/json.js'
import type { NamedPipeline, PipelinePage } from '../names.js'
import type { TextPage } from '../text-pages.js'

/** The run parameters (docs/yunxiao.md); sent as a JSON string in both APIs. */
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
  /** Whether a PipelineRun lists the run's variables (`globalParams`), where a start's marker shows. */
  readonly listsVariables: boolean
  /** ListPipelines: a page of pipelines whose names the service finds like `name` (every one when undefined). */
  listPipelines(name: string | undefined, cursor: string | undefined): Promise<PipelinePage>
  /** The pipeline's name; undefined where the API cannot say. */
  pipelineName(pipelineId: string): Promise<string | undefined>
  startRun(pipelineId: string, params: RunParams): Promise<string>
  /** A PipelineRun: status, sources, stages[].stageInfo.jobs[] (and globalParams where listed). */
  getRun(pipelineId: string, runId: string): Promise<JsonObject>
  /** The pipeline's newest run, by run number (no document promises any order of a list); undefined if it never ran. */
  latestRunId(pipelineId: string): Promise<string | undefined>
  /**
   * Every run that started at or after `since` (epoch ms), whatever order the service lists them in;
   * at most `pages` pages of the list (by default as many as a search for a lost start reads).
   */
  runsSince(pipelineId: string, since: number, pages?: number): Promise<JsonObject[]>
  /** True when the answer says the run was stopped. */
  stopRun(pipelineId: string, runId: string): Promise<boolean>
  /** Undefined when this API has no step-level operations. */
  jobSteps(pipelineId: string, runId: string, jobId: string): Promise<JobSteps | undefined>
  stepLogPage(
    pipelineId: string,
    runId: string,
    jobId: string,
    buildId: string,
    stepIndex: string,
    offset: number,
    limit: number
  ): Promise<TextPage>
  /** A job's whole log, in one piece (there is no paging for it). */
  jobLog(pipelineId: string, runId: string, jobId: string): Promise<string>
}

/**
 * A GetPipelineJobSteps answer: documented as one object, parsed by Alibaba's own MCP server as an
 * array of them. Each lists its steps as `buildProcessNodes` (the current field) or `steps` (the
 * legacy one); a step is named by `stepName` (`nodeName` is deprecated) and addressed by
 * `stepIndex` (`nodeIndex` is deprecated). Every form is read, the current one first.
 */
export function readJobSteps(body: unknown): JobSteps {
  const groups = (Array.isArray(body) ? body : [body]).filter(isObject)
  const listOf = (group: JsonObject): unknown[] => {
    const current = group['buildProcessNodes']
    if (Array.isArray(current) && current.length > 0) return current
    if (isObject(current)) return [current]
    const legacy = group['steps']
    return Array.isArray(legacy) ? legacy : isObject(legacy) ? [legacy] : []
  }
  const group = groups.find((g) => listOf(g).length > 0) ?? groups[0] ?? {}
  return {
    buildId: str(group['buildId']),
    steps: listOf(group)
      .map(obj)
      .map((s) => ({
        index: str(s['stepIndex']) || str(s['nodeIndex']),
        name: str(s['stepName']) || str(s['nodeName']),
        status: str(s['status'])
      }))
      .filter((s) => s.index !== '')
  }
}

/** The items of a run list, wherever the answer keeps them. */
export function listItems(body: unknown, field?: string): JsonObject[] {
  return arr(field === undefined ? body : obj(body)[field]).map(obj)
}

/** A run read, with "no such run" (HTTP 404, InvalidPipelineRun.NotFound) told apart from other errors. */
export async function runRead(read: Promise<unknown>): Promise<unknown> {
  try {
    return await read
  } catch (error) {
    const notFound = error instanceof RemoteError && (error.httpStatus === 404 || /^InvalidPipelineRun\.NotFound$/.test(error.code))
    throw notFound ? new RunNotFoundError(error) : error
  }
}

/** A pipeline list's items (`pipelineId`, `pipelineName` in both APIs), wherever the answer keeps them. */
export function namedPipelines(items: JsonObject[]): NamedPipeline[] {
  return items.map((p) => ({ id: str(p['pipelineId']), name: str(p['pipelineName']) }))
}
