// The current Yunxiao API, /oapi/v1, with a personal access token (yunxiao-api.md §2). The central
// edition names the organization in the path; a region edition has its own domain and does not.

import { MalformedResponseError } from '../../errors.js'
import type { HttpClient } from '../../http.js'
import { arr, isObject, num, obj, str, type JsonObject } from '../../json.js'
import type { YunxiaoConnection } from '../../settings.js'
import type { TextPage } from '../log-lines.js'
import type { JobSteps, RunParams, YunxiaoApi } from './api.js'
import { callYunxiao } from './call.js'

export class YunxiaoOpenApi implements YunxiaoApi {
  private readonly http: HttpClient
  private readonly conn: YunxiaoConnection
  private readonly token: string

  constructor(http: HttpClient, conn: YunxiaoConnection, token: string) {
    this.http = http
    this.conn = conn
    this.token = token
  }

  async pipelineName(pipelineId: string): Promise<string | undefined> {
    return str(obj(await this.send('GET', pipelineId, '', `reading pipeline ${pipelineId}`))['name']) || undefined
  }

  async startRun(pipelineId: string, params: RunParams): Promise<string> {
    const action = `starting pipeline ${pipelineId}`
    // `params` is a JSON string inside the JSON body; the answer is the bare run ID.
    const body = await this.send('POST', pipelineId, '/runs', action, { body: { params: JSON.stringify(params) }, idempotent: false })
    const runId = str(isObject(body) ? body['pipelineRunId'] : body)
    if (runId === '') throw new MalformedResponseError(action, 'no run ID in the answer')
    return runId
  }

  async getRun(pipelineId: string, runId: string): Promise<JsonObject> {
    return obj(await this.send('GET', pipelineId, `/runs/${runId}`, `reading run ${runId} of pipeline ${pipelineId}`))
  }

  async recentRuns(pipelineId: string, count: number): Promise<JsonObject[]> {
    const body = await this.send('GET', pipelineId, '/runs', `listing the recent runs of pipeline ${pipelineId}`, { query: { page: '1', perPage: String(count) } })
    return arr(body).map(obj)
  }

  async stopRun(pipelineId: string, runId: string): Promise<void> {
    await this.send('PUT', pipelineId, `/runs/${runId}`, `stopping run ${runId} of pipeline ${pipelineId}`)
  }

  async jobSteps(pipelineId: string, runId: string, jobId: string): Promise<JobSteps> {
    const body = await this.send('GET', pipelineId, `/pipelineRuns/${runId}/jobs/${jobId}/steps`, `reading the steps of job ${jobId} of run ${runId}`)
    // Documented as an object; the official MCP server parses an array of them. Accept both.
    const found = (Array.isArray(body) ? body.map(obj) : [obj(body)]).find((b) => Array.isArray(b['steps'])) ?? {}
    return {
      buildId: str(found['buildId']),
      steps: arr(found['steps'])
        .map(obj)
        .map((s) => ({ index: str(s['stepIndex']), name: str(s['stepName']) || str(s['nodeName']), status: str(s['status']) }))
    }
  }

  async stepLogPage(pipelineId: string, runId: string, jobId: string, buildId: string, stepIndex: string, offset: number, limit: number): Promise<TextPage> {
    const body = obj(
      await this.send('GET', pipelineId, `/pipelineRuns/${runId}/jobs/${jobId}/step/log`, `reading the log of step ${stepIndex} of job ${jobId}`, {
        query: { stepIndex, offset: String(offset), limit: String(limit), buildId }
      })
    )
    const next = num(body['last'])
    return { text: str(body['logs']), more: body['more'] === true, ...(next !== undefined && { next }) }
  }

  async jobLog(pipelineId: string, runId: string, jobId: string): Promise<string> {
    // Note the singular `job` in this path (yunxiao-api.md §2.2).
    return str(obj(await this.send('GET', pipelineId, `/runs/${runId}/job/${jobId}/log`, `reading the log of job ${jobId} of run ${runId}`))['content'])
  }

  private async send(
    method: 'GET' | 'POST' | 'PUT',
    pipelineId: string,
    path: string,
    action: string,
    options: { query?: Record<string, string>; body?: unknown; idempotent?: boolean } = {}
  ): Promise<unknown> {
    const org = this.conn.organizationId !== undefined ? `/organizations/${this.conn.organizationId}` : ''
    const url = new URL(`${this.conn.endpoint}/oapi/v1/flow${org}/pipelines/${pipelineId}${path}`)
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v)
    return callYunxiao(
      this.http,
      {
        method,
        url,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
        idempotent: options.idempotent ?? true,
        action
      },
      () => ({ 'x-yunxiao-token': this.token })
    )
  }
}
