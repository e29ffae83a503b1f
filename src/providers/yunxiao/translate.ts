// A Yunxiao PipelineRun (yunxiao-api.md §2.4) → the action's model. A run lists stages and jobs;
// steps come from another call, so they are passed in.

import { arr, epochMs, num, obj, str, type JsonObject } from '../../json.js'
import type { JobDetail, RunDetail, StepDetail } from '../../model.js'
import { runStateOf, stateOf } from './status.js'

export function detailFromRun(run: JsonObject, stepsOf: (job: JobDetail) => StepDetail[]): RunDetail {
  const status = str(run['status'])
  const state = runStateOf(status)
  const runNumber = num(run['pipelineRunId'])
  const startedAt = epochMs(run['createTime'])
  const stages = arr(run['stages'])
    .map(obj)
    .map((stage, i) => {
      const info = obj(stage['stageInfo'])
      const stageStatus = str(info['status'])
      const jobs = arr(info['jobs'])
        .map(obj)
        .map((j): JobDetail => {
          const jobStatus = str(j['status'])
          const job: JobDetail = { id: str(j['id']), name: str(j['name']) || str(j['jobSign']), status: jobStatus, state: stateOf(jobStatus), ...times(j), steps: [] }
          job.steps = stepsOf(job)
          return job
        })
      return {
        id: str(info['id']) || str(stage['index']) || String(i),
        name: str(stage['name']) || str(info['name']),
        status: stageStatus,
        state: stateOf(stageStatus),
        ...times(info),
        pre: [],
        post: [],
        jobs
      }
    })
  // A run has no end time of its own; its last stage's end, or its last update, stands for it.
  const ends = stages.map((s) => s.finishedAt?.getTime() ?? 0)
  const finishedAt = state === 'running' || state === 'manual' ? undefined : epochMs(Math.max(...ends, 0)) ?? epochMs(run['updateTime'])
  return {
    status,
    state,
    ...(runNumber !== undefined && { runNumber }),
    ...(startedAt && { startedAt }),
    ...(finishedAt && { finishedAt }),
    stages
  }
}

function times(item: JsonObject): { startedAt?: Date; finishedAt?: Date } {
  const startedAt = epochMs(item['startTime'])
  const finishedAt = epochMs(item['endTime'])
  return { ...(startedAt && { startedAt }), ...(finishedAt && { finishedAt }) }
}
