// CodeArts response shapes → the action's model. Stage times are strings in the batch status
// response and epoch milliseconds in the run detail (codearts-api.md §2.3); only the detail's are used.

import { arr, epochMs, num, obj, str, type JsonObject } from '../../json.js'
import type { JobDetail, RunDetail, RunSnapshot, StageDetail, StepDetail } from '../../model.js'
import { runStateOf, stateOf } from './status.js'

/** An item of `POST .../pipelines/status`: the pipeline's latest run. */
export function snapshotFromLatest(item: JsonObject): RunSnapshot {
  const status = str(item['status'])
  return {
    ...runTimes(item),
    status,
    state: runStateOf(status),
    stages: bySequence(arr(item['stage_status_list']).map(obj)).map((s) => {
      const stageStatus = str(s['status'])
      return { name: str(s['name']), status: stageStatus, state: stateOf(stageStatus) }
    })
  }
}

/** `GET .../pipeline-runs/detail`. */
export function detailFromRun(body: JsonObject): RunDetail {
  const status = str(body['status'])
  const pipelineName = str(body['name'])
  return {
    ...runTimes(body),
    ...(pipelineName !== '' && { pipelineName }),
    status,
    state: runStateOf(status),
    stages: bySequence(arr(body['stages']).map(obj)).map(stage)
  }
}

function runTimes(item: JsonObject): Pick<RunSnapshot, 'runNumber' | 'startedAt' | 'finishedAt' | 'url'> {
  const runNumber = num(item['run_number'])
  const startedAt = epochMs(item['start_time'])
  const finishedAt = epochMs(item['end_time'])
  const url = str(item['detail_url'])
  return {
    ...(runNumber !== undefined && { runNumber }),
    ...(startedAt && { startedAt }),
    ...(finishedAt && { finishedAt }),
    ...(url !== '' && { url })
  }
}

function stage(s: JsonObject): StageDetail {
  const status = str(s['status'])
  const id = str(s['id'])
  return {
    id,
    name: str(s['name']) || str(s['identifier']),
    status,
    state: stateOf(status),
    ...times(s),
    // Gate steps belong to no job; the log URL is assumed to take the stage's ID in the job's place.
    pre: bySequence(arr(s['pre']).map(obj)).map((p) => step(p, id)),
    post: bySequence(arr(s['post']).map(obj)).map((p) => step(p, id)),
    jobs: bySequence(arr(s['jobs']).map(obj)).map(job)
  }
}

function job(j: JsonObject): JobDetail {
  const status = str(j['status'])
  const message = str(j['message'])
  const id = str(j['id'])
  return {
    id,
    name: str(j['name']) || str(j['identifier']),
    status,
    state: stateOf(status),
    ...(message !== '' && { message }),
    ...times(j),
    steps: bySequence(arr(j['steps']).map(obj)).map((s) => step(s, id))
  }
}

/** The log key is `<job run id>/<step run id>`: the two IDs in the log URL (codearts-api.md §2.2). */
function step(s: JsonObject, jobId: string): StepDetail {
  const status = str(s['status'])
  const message = str(s['message'])
  const id = str(s['id'])
  return {
    id,
    ...(jobId !== '' && id !== '' && { logKey: `${jobId}/${id}` }),
    name: str(s['name']) || str(s['task']),
    status,
    state: stateOf(status),
    ...(message !== '' && { message }),
    ...times(s)
  }
}

function times(item: JsonObject): { startedAt?: Date; finishedAt?: Date } {
  const startedAt = epochMs(item['start_time'])
  const finishedAt = epochMs(item['end_time'])
  return { ...(startedAt && { startedAt }), ...(finishedAt && { finishedAt }) }
}

function bySequence(items: JsonObject[]): JsonObject[] {
  return items
    .map((item, index) => ({ item, index, sequence: num(item['sequence']) }))
    .sort((a, b) => (a.sequence ?? a.index) - (b.sequence ?? b.index) || a.index - b.index)
    .map((x) => x.item)
}
