// CodeArts response shapes → the action's model. Stage times are strings in the batch status
// response and epoch milliseconds in the run detail (docs/codearts.md); only the detail's are used,
// and any time that cannot be read is left out (it never decides anything).

import { MalformedResponseError } from '../../errors.js'
import type { JobDetail, RunDetail, RunRef, RunSnapshot, StageDetail, StepDetail } from '../../model.js'
import { isPlainId } from '../../net/ids.js'
import { arr, count, type JsonObject, obj, remoteTime, str } from '../../net/json.js'
import type { StatusReader } from '../status-classes.js'
import { codeartsStatuses } from './status.js'

/**
 * Whether an answer is the record of the run asked for. A record of another run must never be
 * taken for ours: a mismatch is an error, as is a record that does not say which run it is.
 */
export function checkIdentity(action: string, run: RunRef, runId: unknown, pipelineId: unknown): void {
  const id = str(runId)
  if (id !== run.runId)
    throw new MalformedResponseError(
      action,
      id === '' ? 'the record does not say which run it is' : `it is the record of run ${id}, not of run ${run.runId}`
    )
  const pipeline = str(pipelineId)
  if (pipeline !== '' && pipeline !== run.pipelineId)
    throw new MalformedResponseError(action, `it is the record of a run of pipeline ${pipeline}, not of ${run.pipelineId}`)
}

/** An item of `POST .../pipelines/status`: the pipeline's latest run, already matched to ours. */
export function snapshotFromLatest(item: JsonObject): RunSnapshot {
  const statuses = codeartsStatuses.reader()
  const status = str(item['status'])
  return finish(
    {
      ...runTimes(item),
      status,
      state: statuses.run(status),
      stages: bySequence(arr(item['stage_status_list']).map(obj)).map((s) => {
        const stageStatus = str(s['status'])
        return { name: str(s['name']), status: stageStatus, state: statuses.node(stageStatus) }
      })
    },
    statuses
  )
}

/** `GET .../pipeline-runs/detail`, checked to be the record of `run`. */
export function detailFromRun(body: JsonObject, run: RunRef): RunDetail {
  checkIdentity(`reading run ${run.runId} of pipeline ${run.pipelineId}`, run, body['id'], body['pipeline_id'])
  const statuses = codeartsStatuses.reader()
  const status = str(body['status'])
  const pipelineName = str(body['name'])
  return finish(
    {
      ...runTimes(body),
      ...(pipelineName !== '' && { pipelineName }),
      status,
      state: statuses.run(status),
      stages: bySequence(arr(body['stages']).map(obj)).map((s) => stage(s, statuses))
    },
    statuses
  )
}

function finish<T extends RunSnapshot>(snapshot: T, statuses: StatusReader): T {
  return statuses.unknown.length > 0 ? { ...snapshot, unknown: statuses.unknown } : snapshot
}

function runTimes(item: JsonObject): Pick<RunSnapshot, 'runNumber' | 'startedAt' | 'finishedAt' | 'url'> {
  const runNumber = count(item['run_number'])
  const url = str(item['detail_url'])
  return { ...(runNumber !== undefined && runNumber > 0 && { runNumber }), ...times(item), ...(url !== '' && { url }) }
}

function stage(s: JsonObject, statuses: StatusReader): StageDetail {
  const status = str(s['status'])
  const id = str(s['id'])
  return {
    id,
    name: str(s['name']) || str(s['identifier']),
    status,
    state: statuses.node(status),
    ...times(s),
    // Gate steps belong to no job; the log URL is assumed to take the stage's ID in the job's place.
    pre: bySequence(arr(s['pre']).map(obj)).map((p) => step(p, id, statuses)),
    post: bySequence(arr(s['post']).map(obj)).map((p) => step(p, id, statuses)),
    jobs: bySequence(arr(s['jobs']).map(obj)).map((j) => job(j, statuses))
  }
}

function job(j: JsonObject, statuses: StatusReader): JobDetail {
  const status = str(j['status'])
  const message = str(j['message'])
  const id = str(j['id'])
  return {
    id,
    name: str(j['name']) || str(j['identifier']),
    status,
    state: statuses.node(status),
    ...(message !== '' && { message }),
    ...times(j),
    steps: bySequence(arr(j['steps']).map(obj)).map((s) => step(s, id, statuses))
  }
}

/** The task of a step that runs another pipeline (docs/codearts.md, "Sub-pipelines"). */
export const SUB_PIPELINE_TASK = 'official_devcloud_subPipeline'

/** The log key is `<job run id>/<step run id>`: the two IDs in the log URL (docs/codearts.md). */
function step(s: JsonObject, jobId: string, statuses: StatusReader): StepDetail {
  const status = str(s['status'])
  const message = str(s['message'])
  const id = str(s['id'])
  return {
    id,
    ...(str(s['task']) === SUB_PIPELINE_TASK && { subPipeline: true }),
    ...(isPlainId(jobId) && isPlainId(id) && { logKey: `${jobId}/${id}` }),
    name: str(s['name']) || str(s['task']),
    status,
    state: statuses.node(status),
    ...(message !== '' && { message }),
    ...times(s)
  }
}

function times(item: JsonObject): { startedAt?: Date; finishedAt?: Date } {
  const startedAt = remoteTime(item['start_time'])
  const finishedAt = remoteTime(item['end_time'])
  return { ...(startedAt && { startedAt }), ...(finishedAt && { finishedAt }) }
}

function bySequence(items: JsonObject[]): JsonObject[] {
  return items
    .map((item, index) => ({ item, index, sequence: count(item['sequence']) }))
    .sort((a, b) => (a.sequence ?? a.index) - (b.sequence ?? b.index) || a.index - b.index)
    .map((x) => x.item)
}

/**
 * ShowStepOutputs items → the run each asked step started: its `pipeline_id` and `pipeline_run_id`
 * outputs. A value is a string in older SDKs and an object in newer ones (docs/codearts.md,
 * "Sub-pipelines"); either way only plain IDs are taken, and only for steps that were asked about.
 */
export function subRunsFromOutputs(items: JsonObject[], asked: readonly string[]): Map<string, { pipelineId: string; runId: string }> {
  const found = new Map<string, { pipelineId: string; runId: string }>()
  for (const item of items) {
    const stepId = str(item['step_run_id'])
    if (!asked.includes(stepId) || found.has(stepId)) continue
    const outputs = new Map<string, string>()
    for (const entry of arr(item['output_result']).map(obj)) {
      const key = str(entry['key'])
      if (key !== '' && !outputs.has(key)) outputs.set(key, outputValue(entry['value'], key))
    }
    const pipelineId = outputs.get('pipeline_id') ?? ''
    const runId = outputs.get('pipeline_run_id') ?? ''
    if (isPlainId(pipelineId) && isPlainId(runId)) found.set(stepId, { pipelineId, runId })
  }
  return found
}

/** An output's value as text: a string or number as it is; of an object, its `value` (or the key's own field). */
function outputValue(value: unknown, key: string): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const fields = value as JsonObject
    return str(fields['value']) || str(fields[key])
  }
  return str(value).trim()
}
