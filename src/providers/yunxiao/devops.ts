// The older Yunxiao API, `devops` 2021-06-25 (ROA, AK/SK signed with ACS3-HMAC-SHA256), for
// organizations still on it (yunxiao-api.md §3). It has no step-level operations: logs are whole
// job logs. Its paths mix `organization`/`organizations` and `pipeline`/`pipelines` as documented.

import { randomUUID } from 'node:crypto'
import { MalformedResponseError } from '../../errors.js'
import type { HttpClient } from '../../http.js'
import { arr, obj, str, type JsonObject } from '../../json.js'
import type { YunxiaoConnection } from '../../settings.js'
import { signAcs3, type AlibabaKeys } from './acs3.js'
import type { TextPage } from '../log-lines.js'
import type { RunParams, YunxiaoApi } from './api.js'
import { callYunxiao } from './call.js'

const VERSION = '2021-06-25'

export class YunxiaoDevopsApi implements YunxiaoApi {
  private readonly http: HttpClient
  private readonly conn: YunxiaoConnection & { organizationId: string }
  private readonly keys: AlibabaKeys

  constructor(http: HttpClient, conn: YunxiaoConnection & { organizationId: string }, keys: AlibabaKeys) {
    this.http = http
    this.conn = conn
    this.keys = keys
  }

  async pipelineName(): Promise<undefined> {
    return undefined
  }

  async startRun(pipelineId: string, params: RunParams): Promise<string> {
    const action = `starting pipeline ${pipelineId}`
    // StartPipelineRun takes a form body: params=<the JSON, URL-encoded>.
    const body = obj(
      await this.send('POST', `/organizations/${this.org}/pipelines/${pipelineId}/run`, 'StartPipelineRun', action, {
        form: `params=${encodeURIComponent(JSON.stringify(params))}`,
        idempotent: false
      })
    )
    const runId = str(body['pipelineRunId'])
    if (runId === '') throw new MalformedResponseError(action, 'no pipelineRunId in the answer')
    return runId
  }

  async getRun(pipelineId: string, runId: string): Promise<JsonObject> {
    const path = `/organization/${this.org}/pipelines/${pipelineId}/pipelineRuns/${runId}`
    return obj(obj(await this.send('GET', path, 'GetPipelineRun', `reading run ${runId} of pipeline ${pipelineId}`))['pipelineRun'])
  }

  async recentRuns(pipelineId: string, count: number): Promise<JsonObject[]> {
    const path = `/organization/${this.org}/pipelines/${pipelineId}/pipelineRuns`
    const body = await this.send('GET', path, 'ListPipelineRuns', `listing the recent runs of pipeline ${pipelineId}`, { query: { maxResults: String(count) } })
    return arr(obj(body)['pipelineRuns']).map(obj)
  }

  async stopRun(pipelineId: string, runId: string): Promise<void> {
    const path = `/organization/${this.org}/pipelines/${pipelineId}/pipelineRuns/${runId}/stop`
    await this.send('PUT', path, 'StopPipelineRun', `stopping run ${runId} of pipeline ${pipelineId}`)
  }

  async jobSteps(): Promise<undefined> {
    return undefined
  }

  stepLogPage(): Promise<TextPage> {
    return Promise.reject(new Error('the devops 2021-06-25 API has no step logs'))
  }

  async jobLog(pipelineId: string, runId: string, jobId: string): Promise<string> {
    const path = `/organization/${this.org}/pipeline/${pipelineId}/pipelineRun/${runId}/job/${jobId}/logs`
    return str(obj(obj(await this.send('GET', path, 'LogPipelineJobRun', `reading the log of job ${jobId} of run ${runId}`))['log'])['content'])
  }

  private get org(): string {
    return this.conn.organizationId
  }

  private async send(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    operation: string,
    action: string,
    options: { query?: Record<string, string>; form?: string; idempotent?: boolean } = {}
  ): Promise<unknown> {
    const url = new URL(`${this.conn.endpoint}${path}`)
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v)
    const headers: Record<string, string> = { accept: 'application/json' }
    if (options.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded'
    return callYunxiao(
      this.http,
      { method, url, headers, ...(options.form !== undefined && { body: options.form }), idempotent: options.idempotent ?? true, action },
      // Signed again for each attempt: the date and the nonce must be fresh.
      (req) => signAcs3({ method: req.method, url: req.url, headers: req.headers, body: req.body ?? '', action: operation, version: VERSION }, this.keys, new Date(), randomUUID())
    )
  }
}
