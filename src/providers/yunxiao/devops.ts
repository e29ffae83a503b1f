// The older Yunxiao API, `devops` 2021-06-25 (ROA, AK/SK signed with ACS3-HMAC-SHA256), for
// organizations still on it (docs/yunxiao.md). It has no step-level operations: logs are whole
// job logs. Its paths mix `organization`/`organizations` and `pipeline`/`pipelines` as documented.

import { shown } from '../../config/parse.js'
import type { YunxiaoConnection } from '../../config/settings.js'
import { MalformedResponseError } from '../../errors.js'
import { type Channel, call } from '../../net/channel.js'
import { type JsonObject, obj, str } from '../../net/json.js'
import type { PipelinePage } from '../names.js'
import type { TextPage } from '../text-pages.js'
import { listItems, namedPipelines, type RunParams, runRead, type YunxiaoApi } from './api.js'
import { signedAuth } from './auth.js'
import type { AlibabaKeys } from './signer.js'

const PAGE_SIZE = 50
const MAX_PAGES = 20
// No document promises an order for ListPipelineRuns, so "the newest run" is the largest run number
// among all runs of a recent window, widened until one has any.
const LATEST_WINDOWS_MS = [24 * 3_600_000, 31 * 24 * 3_600_000, Number.POSITIVE_INFINITY]

export class YunxiaoDevopsApi implements YunxiaoApi {
  // The SDK's PipelineRun model has no variables and no comment (docs/yunxiao.md).
  readonly listsVariables = false
  private readonly channel: Channel
  private readonly conn: YunxiaoConnection & { organizationId: string }
  private readonly keys: AlibabaKeys

  constructor(channel: Channel, conn: YunxiaoConnection & { organizationId: string }, keys: AlibabaKeys) {
    this.channel = channel
    this.conn = conn
    this.keys = keys
  }

  /** ListPipelines (`GET /organization/{org}/pipelines`): `{pipelines, nextToken}`, paged by the token. */
  async listPipelines(name: string | undefined, cursor: string | undefined): Promise<PipelinePage> {
    const query: Record<string, string> = {
      ...(name !== undefined && { pipelineName: name }),
      maxResults: String(PAGE_SIZE),
      ...(cursor !== undefined && { nextToken: cursor })
    }
    const action = name !== undefined ? `listing the pipelines named like ${shown(name)}` : 'listing the pipelines of the organization'
    const body = await this.send('GET', `/organization/${this.org}/pipelines`, 'ListPipelines', action, { query })
    const next = str(obj(body)['nextToken'])
    return { items: namedPipelines(listItems(body, 'pipelines')), ...(next !== '' && next !== cursor && { next }) }
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
    if (!/^[1-9]\d*$/.test(runId)) throw new MalformedResponseError(action, 'no pipelineRunId in the answer')
    return runId
  }

  async getRun(pipelineId: string, runId: string): Promise<JsonObject> {
    const path = `/organization/${this.org}/pipelines/${pipelineId}/pipelineRuns/${runId}`
    return obj(
      obj(await runRead(this.send('GET', path, 'GetPipelineRun', `reading run ${runId} of pipeline ${pipelineId}`)))['pipelineRun']
    )
  }

  async latestRunId(pipelineId: string): Promise<string | undefined> {
    for (const window of LATEST_WINDOWS_MS) {
      const runs = await this.runsSince(pipelineId, Number.isFinite(window) ? Date.now() - window : 0)
      const ids = runs.map((r) => str(r['pipelineRunId'])).filter((id) => /^[1-9]\d*$/.test(id))
      if (ids.length > 0) return ids.reduce((a, b) => (BigInt(a) >= BigInt(b) ? a : b))
    }
    return undefined
  }

  async runsSince(pipelineId: string, since: number, pages = MAX_PAGES): Promise<JsonObject[]> {
    const path = `/organization/${this.org}/pipelines/${pipelineId}/pipelineRuns`
    const runs: JsonObject[] = []
    let nextToken = ''
    for (let page = 0; page < pages; page++) {
      const query: Record<string, string> = {
        maxResults: String(PAGE_SIZE),
        ...(since > 0 && { startTime: String(Math.floor(since)) }),
        ...(nextToken && { nextToken })
      }
      const body = await this.send('GET', path, 'ListPipelineRuns', `listing the recent runs of pipeline ${pipelineId}`, { query })
      const items = listItems(body, 'pipelineRuns')
      runs.push(...items)
      nextToken = str(obj(body)['nextToken'])
      if (nextToken === '' || items.length === 0) break
    }
    return runs
  }

  /** StopPipelineRun answers the usual envelope; `success: true` is the confirmation. */
  async stopRun(pipelineId: string, runId: string): Promise<boolean> {
    const path = `/organization/${this.org}/pipelines/${pipelineId}/pipelineRuns/${runId}/stop`
    return obj(await this.send('PUT', path, 'StopPipelineRun', `stopping run ${runId} of pipeline ${pipelineId}`))['success'] === true
  }

  async jobSteps(): Promise<undefined> {
    return undefined
  }

  stepLogPage(): Promise<TextPage> {
    return Promise.reject(new Error('the devops 2021-06-25 API has no step logs'))
  }

  async jobLog(pipelineId: string, runId: string, jobId: string): Promise<string> {
    const path = `/organization/${this.org}/pipeline/${pipelineId}/pipelineRun/${runId}/job/${jobId}/logs`
    return str(
      obj(obj(await this.send('GET', path, 'LogPipelineJobRun', `reading the log of job ${jobId} of run ${runId}`))['log'])['content']
    )
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
    return (
      await call(
        this.channel,
        { method, url, headers, ...(options.form !== undefined && { body: options.form }), idempotent: options.idempotent ?? true, action },
        signedAuth(this.keys, operation)
      )
    ).body
  }
}
