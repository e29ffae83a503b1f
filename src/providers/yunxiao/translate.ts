// A Yunxiao PipelineRun (docs/yunxiao.md) → the action's model. A run lists stages and jobs;
// steps come from another call, so they are passed in.

import { MalformedResponseError } from '../../errors.js'
import { hasEnded, type JobDetail, type RunDetail, type RunRef, type StepDetail } from '../../model.js'
import { isPlainId } from '../../net/ids.js'
import { arr, count, type JsonObject, obj, remoteTime, str } from '../../net/json.js'
import { yunxiaoStatuses } from './status.js'

/**
 * Whether a PipelineRun is the record of the run asked for: its `pipelineRunId` must be that run
 * (a record that does not say is not taken), and its `pipelineId`, when given, that pipeline.
 */
export function checkIdentity(run: RunRef, body: JsonObject): void {
  const action = `reading run ${run.runId} of pipeline ${run.pipelineId}`
  const id = str(body['pipelineRunId'])
  if (id !== run.runId)
    throw new MalformedResponseError(
      action,
      id === '' ? 'the record does not say which run it is' : `it is the record of run ${id}, not of run ${run.runId}`
    )
  const pipeline = str(body['pipelineId'])
  if (pipeline !== '' && pipeline !== run.pipelineId)
    throw new MalformedResponseError(action, `it is the record of a run of pipeline ${pipeline}, not of ${run.pipelineId}`)
}

export function detailFromRun(run: JsonObject, stepsOf: (job: JobDetail) => StepDetail[]): RunDetail {
  const statuses = yunxiaoStatuses.reader()
  const status = str(run['status'])
  const state = statuses.run(status)
  const runNumber = count(run['pipelineRunId'])
  const startedAt = remoteTime(run['createTime'])
  const stages = arr(run['stages'])
    .map(obj)
    .map((stage, i) => {
      const info = obj(stage['stageInfo'])
      const stageStatus = str(info['status'])
      const jobs = arr(info['jobs'])
        .map(obj)
        .map((j): JobDetail => {
          const jobStatus = str(j['status'])
          // A job's ID goes into the paths of its steps and logs: only a plain one is kept.
          const id = str(j['id'])
          const job: JobDetail = {
            id: isPlainId(id) ? id : '',
            name: str(j['name']) || str(j['jobSign']),
            status: jobStatus,
            state: statuses.node(jobStatus),
            ...times(j),
            steps: []
          }
          job.steps = stepsOf(job).map((s) => ({ ...s, state: statuses.node(s.status) }))
          return job
        })
      return {
        id: str(info['id']) || str(stage['index']) || String(i),
        name: str(stage['name']) || str(info['name']),
        status: stageStatus,
        state: statuses.node(stageStatus),
        ...times(info),
        pre: [],
        post: [],
        jobs
      }
    })
  // A run has no end time of its own; its last stage's end, or its last update, stands for it.
  const ends = stages.map((s) => s.finishedAt?.getTime() ?? 0)
  const finishedAt = !hasEnded(state) ? undefined : (remoteTime(Math.max(...ends, 0)) ?? remoteTime(run['updateTime']))
  return {
    status,
    state,
    ...(runNumber !== undefined && runNumber > 0 && { runNumber }),
    ...(startedAt && { startedAt }),
    ...(finishedAt && { finishedAt }),
    stages,
    ...(statuses.unknown.length > 0 && { unknown: statuses.unknown })
  }
}

function times(item: JsonObject): { startedAt?: Date; finishedAt?: Date } {
  const startedAt = remoteTime(item['startTime'])
  const finishedAt = remoteTime(item['endTime'])
  return { ...(startedAt && { startedAt }), ...(finishedAt && { finishedAt }) }
}
