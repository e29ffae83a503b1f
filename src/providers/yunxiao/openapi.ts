// The current Yunxiao API, /oapi/v1, with a personal access token (docs/yunxiao.md). The central
// edition names the organization in the path; a region edition has its own domain and does not.

import { shown } from '../../config/parse.js'
import type { YunxiaoConnection } from '../../config/settings.js'
import { MalformedResponseError, RemoteError } from '../../errors.js'
import { type CallResult, type Channel, call } from '../../net/channel.js'
import { count, isObject, type JsonObject, num, obj, str } from '../../net/json.js'
import type { PipelinePage } from '../names.js'
import type { TextPage } from '../text-pages.js'
import { type JobSteps, listItems, namedPipelines, type RunParams, readJobSteps, runRead, type YunxiaoApi } from './api.js'
import { tokenAuth } from './auth.js'

// ListPipelineRuns serves at most 30 a page; a bounded number of pages keeps a search cheap.
const PER_PAGE = 30
const MAX_PAGES = 20

export class YunxiaoOpenApi implements YunxiaoApi {
  readonly listsVariables = true
  private readonly channel: Channel
  private readonly conn: YunxiaoConnection
  private readonly token: string

  constructor(channel: Channel, conn: YunxiaoConnection, token: string) {
    this.channel = channel
    this.conn = conn
    this.token = token
  }

  /**
   * ListPipelines (`GET …/pipelines?pipelineName=&page=&perPage=`): a bare array, paged by number;
   * the `x-total-pages` (or `x-next-page`) header says whether more follow, else a full page does.
   */
  async listPipelines(name: string | undefined, cursor: string | undefined): Promise<PipelinePage> {
    const page = Number(cursor ?? 1)
    const query = { ...(name !== undefined && { pipelineName: name }), page: String(page), perPage: String(PER_PAGE) }
    const action = name !== undefined ? `listing the pipelines named like ${shown(name)}` : 'listing the pipelines of the organization'
    const result = await this.request('GET', '', '', action, { query })
    const items = namedPipelines(listItems(result.body))
    const pages = count(result.headers['x-total-pages'])
    const next = result.headers['x-next-page']
    const more = pages !== undefined ? page < pages : next !== undefined ? /^[1-9]\d*$/.test(next.trim()) : items.length >= PER_PAGE
    return { items, ...(more && items.length > 0 && { next: String(page + 1) }) }
  }

  async pipelineName(pipelineId: string): Promise<string | undefined> {
    return str(obj(await this.send('GET', pipelineId, '', `reading pipeline ${pipelineId}`))['name']) || undefined
  }

  async startRun(pipelineId: string, params: RunParams): Promise<string> {
    const action = `starting pipeline ${pipelineId}`
    // `params` is a JSON string inside the JSON body; the answer is the bare run ID.
    const body = await this.send('POST', pipelineId, '/runs', action, { body: { params: JSON.stringify(params) }, idempotent: false })
    const runId = str(isObject(body) ? body['pipelineRunId'] : body)
    if (!/^[1-9]\d*$/.test(runId)) throw new MalformedResponseError(action, 'no run ID in the answer')
    return runId
  }

  async getRun(pipelineId: string, runId: string): Promise<JsonObject> {
    return obj(await runRead(this.send('GET', pipelineId, `/runs/${runId}`, `reading run ${runId} of pipeline ${pipelineId}`)))
  }

  /**
   * GetLatestPipelineRun: the service's own answer to "which run is the newest". A pipeline that
   * never ran has none: an empty answer or a 404 (a missing pipeline shows up at the next request).
   */
  async latestRunId(pipelineId: string): Promise<string | undefined> {
    const action = `finding the latest run of pipeline ${pipelineId}`
    try {
      const id = str(obj(await this.send('GET', pipelineId, '/runs/latestPipelineRun', action))['pipelineRunId'])
      return /^[1-9]\d*$/.test(id) ? id : undefined
    } catch (error) {
      if (error instanceof RemoteError && error.httpStatus === 404) return undefined
      throw error
    }
  }

  async runsSince(pipelineId: string, since: number, pages = MAX_PAGES): Promise<JsonObject[]> {
    const runs: JsonObject[] = []
    for (let page = 1; page <= pages; page++) {
      const query = { page: String(page), perPage: String(PER_PAGE), startTime: String(Math.max(0, Math.floor(since))) }
      const items = listItems(await this.send('GET', pipelineId, '/runs', `listing the recent runs of pipeline ${pipelineId}`, { query }))
      runs.push(...items)
      if (items.length < PER_PAGE) break
    }
    return runs
  }

  /** UpdatePipelineRun answers `true` when it stopped the run. */
  async stopRun(pipelineId: string, runId: string): Promise<boolean> {
    return (await this.send('PUT', pipelineId, `/runs/${runId}`, `stopping run ${runId} of pipeline ${pipelineId}`)) === true
  }

  async jobSteps(pipelineId: string, runId: string, jobId: string): Promise<JobSteps> {
    return readJobSteps(
      await this.send('GET', pipelineId, `/pipelineRuns/${runId}/jobs/${jobId}/steps`, `reading the steps of job ${jobId} of run ${runId}`)
    )
  }

  async stepLogPage(
    pipelineId: string,
    runId: string,
    jobId: string,
    buildId: string,
    stepIndex: string,
    offset: number,
    limit: number
  ): Promise<TextPage> {
    const body = obj(
      await this.send(
        'GET',
        pipelineId,
        `/pipelineRuns/${runId}/jobs/${jobId}/step/log`,
        `reading the log of step ${stepIndex} of job ${jobId}`,
        {
          query: { stepIndex, offset: String(offset), limit: String(limit), buildId }
        }
      )
    )
    const next = num(body['last'])
    return { text: str(body['logs']), more: body['more'] === true, ...(next !== undefined && { next }) }
  }

  async jobLog(pipelineId: string, runId: string, jobId: string): Promise<string> {
    // Note the singular `job` in this path (docs/yunxiao.md).
    return str(
      obj(await this.send('GET', pipelineId, `/runs/${runId}/job/${jobId}/log`, `reading the log of job ${jobId} of run ${runId}`))[
        'content'
      ]
    )
  }

  private async send(
    method: 'GET' | 'POST' | 'PUT',
    pipelineId: string,
    path: string,
    action: string,
    options: { query?: Record<string, string>; body?: unknown; idempotent?: boolean } = {}
  ): Promise<unknown> {
    return (await this.request(method, pipelineId, path, action, options)).body
  }

  /** A request about one pipeline, or (`pipelineId` empty) about the pipelines as a whole. */
  private async request(
    method: 'GET' | 'POST' | 'PUT',
    pipelineId: string,
    path: string,
    action: string,
    options: { query?: Record<string, string>; body?: unknown; idempotent?: boolean } = {}
  ): Promise<CallResult> {
    const org = this.conn.organizationId !== undefined ? `/organizations/${this.conn.organizationId}` : ''
    const url = new URL(`${this.conn.endpoint}/oapi/v1/flow${org}/pipelines${pipelineId !== '' ? `/${pipelineId}` : ''}${path}`)
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v)
    return call(
      this.channel,
      {
        method,
        url,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
        idempotent: options.idempotent ?? true,
        action
      },
      tokenAuth(this.token)
    )
  }
}
