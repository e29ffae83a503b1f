// The CodeArts Pipeline v5 endpoints the action uses (docs/codearts.md), as thin typed calls.
// Translation into the action's model lives in provider.ts.

import { shown } from '../../config/parse.js'
import type { CodeArtsConnection } from '../../config/settings.js'
import { MalformedResponseError, RemoteError, RunNotFoundError, UnnamedRunError } from '../../errors.js'
import { errorInBody } from '../../net/answer.js'
import { type CallOptions, type Channel, call } from '../../net/channel.js'
import type { HttpRequest } from '../../net/http.js'
import { isPlainId } from '../../net/ids.js'
import { arr, count, type JsonObject, obj, str } from '../../net/json.js'
import type { PipelinePage } from '../names.js'
import type { Authenticator } from './call.js'

// "The pipeline run does not exist" (docs/codearts.md, "Errors").
const RUN_NOT_FOUND = ['DEVPIPE.00011404']

/** A start that hit a concurrency limit: the run exists and waits in the pipeline's queue. */
export const QUEUED_CODES = ['DEVPIPE.00011169', 'DEVPIPE.00011170'] as const

export interface RunBody {
  description: string
  variables?: { name: string; value: string }[]
  choose_stages?: string[]
  choose_jobs?: string[]
  sources?: JsonObject[]
}

export interface StartedRun {
  runId: string
  queueId?: string
}

interface Endpoint {
  method: 'GET' | 'POST'
  path: string
  action: string
  query?: Record<string, string>
  body?: unknown
  idempotent?: boolean
  settles?: HttpRequest['settles']
}

export class CodeArtsApi {
  private readonly channel: Channel
  private readonly conn: CodeArtsConnection
  private readonly auth: Authenticator

  constructor(channel: Channel, conn: CodeArtsConnection, auth: Authenticator) {
    this.channel = channel
    this.conn = conn
    this.auth = auth
  }

  async run(pipelineId: string, body: RunBody): Promise<StartedRun> {
    const action = `starting pipeline ${pipelineId}`
    const queued = (json: unknown): boolean => QUEUED_CODES.some((code) => code === errorInBody(json)?.code)
    const result = await this.send(
      {
        method: 'POST',
        path: `/pipelines/${pipelineId}/run`,
        action,
        body,
        idempotent: false,
        settles: (response) => queued(response.json)
      },
      { tolerate: QUEUED_CODES }
    )
    const data = obj(result.body)
    if (result.error) {
      // The run exists and waits in the queue; its ID is under `error` (or, from some gateways, at the top).
      const details = obj(data['error'])
      const runId = str(details['pipeline_run_id']) || str(data['pipeline_run_id'])
      if (!isPlainId(runId)) throw new UnnamedRunError(action, `${result.error.code} (queued) without a usable pipeline_run_id`)
      const queueId = str(details['queue_id']) || str(data['queue_id'])
      return { runId, ...(isPlainId(queueId) && { queueId }) }
    }
    const runId = str(data['pipeline_run_id'])
    if (!isPlainId(runId)) throw new MalformedResponseError(action, 'no usable pipeline_run_id')
    return { runId }
  }

  /**
   * ListPipelines (`POST …/pipelines/list`): a page of the project's pipelines whose names the
   * service finds like `name` (docs/codearts.md, "Pipelines by name"); the next page's offset while
   * the answer's `total` says there are more.
   */
  async listPipelines(name: string | undefined, offset: number, limit: number): Promise<PipelinePage> {
    const result = await this.send({
      method: 'POST',
      path: '/pipelines/list',
      body: { ...(name !== undefined && { name }), offset, limit, sort_key: 'name', sort_dir: 'asc' },
      action: name !== undefined ? `listing the pipelines named like ${shown(name)}` : 'listing the pipelines of the project'
    })
    const body = obj(result.body)
    const items = arr(body['pipelines'])
      .map(obj)
      .map((p) => ({ id: str(p['pipeline_id']), name: str(p['name']) }))
    const total = count(body['total'])
    const end = offset + items.length
    const more = total !== undefined ? end < total : items.length >= limit
    return { items, ...(more && items.length > 0 && { next: String(end) }) }
  }

  /** Each pipeline's latest run (only pipelines that have run at least once are listed). */
  async latestRuns(pipelineIds: readonly string[]): Promise<JsonObject[]> {
    const action = `reading the status of ${pipelineIds.length === 1 ? `pipeline ${pipelineIds[0]}` : `${pipelineIds.length} pipelines`}`
    const result = await this.send({ method: 'POST', path: '/pipelines/status', action, body: pipelineIds })
    // A bare JSON array (BatchShowPipelinesLatestStatusResponse).
    if (!Array.isArray(result.body)) throw new MalformedResponseError(action, 'expected a JSON array')
    return arr(result.body).map(obj)
  }

  /** The most recent runs, newest first. The items carry no description; see runDetail. */
  async recentRuns(pipelineId: string, offset: number, limit: number): Promise<JsonObject[]> {
    const result = await this.send({
      method: 'POST',
      path: `/pipelines/${pipelineId}/pipeline-runs/list`,
      body: { offset, limit, sort_key: 'start_time', sort_dir: 'desc' },
      action: `listing the recent runs of pipeline ${pipelineId}`
    })
    return arr(obj(result.body)['pipeline_runs']).map(obj)
  }

  /**
   * The IDs of the runs waiting in the pipeline's queue (Huawei's Terraform provider reads them from
   * here; docs/codearts.md): a queued run has no start time, so a list by start time shows it last.
   * Where a gateway does not serve this path (APIGW.0101), there are none to add.
   */
  async queuedRunIds(pipelineId: string): Promise<string[]> {
    try {
      const result = await this.send({
        method: 'GET',
        path: `/pipelines/${pipelineId}/queued-pipeline`,
        query: { limit: '20', offset: '0' },
        action: `listing the queued runs of pipeline ${pipelineId}`
      })
      return arr(obj(result.body)['queuedPipelines']).map((q) => str(obj(q)['pipeline_run_id']))
    } catch (error) {
      if (error instanceof RemoteError && /^APIGW?\.0101$/.test(error.code)) return []
      throw error
    }
  }

  async runDetail(pipelineId: string, runId: string): Promise<JsonObject> {
    try {
      const result = await this.send({
        method: 'GET',
        path: `/pipelines/${pipelineId}/pipeline-runs/detail`,
        query: { pipeline_run_id: runId },
        action: `reading run ${runId} of pipeline ${pipelineId}`
      })
      return obj(result.body)
    } catch (error) {
      throw error instanceof RemoteError && RUN_NOT_FOUND.includes(error.code) ? new RunNotFoundError(error) : error
    }
  }

  /** One page of a step's log from `offset` (docs/codearts.md, "Step logs"). */
  async stepLogPage(
    run: { pipelineId: string; runId: string },
    jobId: string,
    stepId: string,
    offset: number,
    limit: number
  ): Promise<JsonObject> {
    const result = await this.send({
      method: 'POST',
      path: `/pipelines/${run.pipelineId}/pipeline-runs/${run.runId}/jobs/${jobId}/steps/${stepId}/logs`,
      body: { start_offset: offset, end_offset: offset, limit, sort: 'asc' },
      action: `reading the log of step ${stepId} of run ${run.runId}`
    })
    return obj(result.body)
  }

  /**
   * ShowStepOutputs: each asked step's outputs as `{key, value}` pairs (docs/codearts.md,
   * "Sub-pipelines"). Step IDs go into one comma-separated query value, so only plain ones are sent.
   */
  async stepOutputs(pipelineId: string, runId: string, stepIds: readonly string[]): Promise<JsonObject[]> {
    const result = await this.send({
      method: 'GET',
      path: `/pipelines/${pipelineId}/pipeline-runs/${runId}/steps/outputs`,
      query: { step_run_ids: stepIds.filter(isPlainId).join(',') },
      action: `reading the sub-pipeline steps of run ${runId} of pipeline ${pipelineId}`
    })
    return arr(obj(result.body)['step_outputs']).map(obj)
  }

  /** StopPipelineRun answers `{success: true | false}`; true is the only confirmation. */
  async stop(pipelineId: string, runId: string): Promise<boolean> {
    const result = await this.send({
      method: 'POST',
      path: `/pipelines/${pipelineId}/pipeline-runs/${runId}/stop`,
      action: `stopping run ${runId} of pipeline ${pipelineId}`
    })
    return obj(result.body)['success'] === true
  }

  async cancelQueuing(pipelineId: string, runId: string, queueId: string): Promise<boolean> {
    // No `pipeline-runs/` segment in this path (Huawei's Terraform provider; docs/codearts.md).
    const result = await this.send({
      method: 'POST',
      path: `/pipelines/${pipelineId}/${runId}/cancel-queuing/${queueId}`,
      body: {},
      action: `taking run ${runId} of pipeline ${pipelineId} out of the queue`
    })
    return obj(result.body)['success'] === true
  }

  private async send(endpoint: Endpoint, options?: CallOptions) {
    const url = new URL(`${this.conn.endpoint}/v5/${this.conn.projectId}/api${endpoint.path}`)
    for (const [k, v] of Object.entries(endpoint.query ?? {})) url.searchParams.set(k, v)
    return call(
      this.channel,
      {
        method: endpoint.method,
        url,
        headers: { 'Content-Type': 'application/json' },
        ...(endpoint.body !== undefined && { body: JSON.stringify(endpoint.body) }),
        // Reads, stops and queue cancellations are safe to repeat; only a start is not.
        idempotent: endpoint.idempotent ?? true,
        action: endpoint.action,
        ...(endpoint.settles && { settles: endpoint.settles })
      },
      this.auth.authorize,
      { ...options, renew: (sentAt) => this.auth.renew(sentAt) }
    )
  }
}
