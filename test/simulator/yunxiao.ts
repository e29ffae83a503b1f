// A Yunxiao Flow service on loopback: the current OpenAPI (/oapi/v1, personal access token; central
// edition paths with the organization, region edition paths without) and the 2021 `devops` API
// (ACS3-signed). Pipelines are the scripts of script.ts, moving on the real clock (or a bench's
// virtual one).

import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { verifyAcs3 } from './acs3-verify.ts'
import type { FaultPlan } from './faults.ts'
import { logOf, logPage, type PipelineScript, type RunState, runStateAt, type Status, type StepState } from './script.ts'
import { rememberSecret } from './secrets.ts'
import { parse, type RecordedRequest, type Reply, SimulatedService } from './service.ts'

export interface YunxiaoKey {
  accessKeyId: string
  accessKeySecret: string
}

export interface YunxiaoPipeline {
  script: PipelineScript
  /** Code sources (repository URLs); one Codeup repository by default. */
  repositories?: string[]
  /** Someone else starts a run of this pipeline `afterMs` after each run the action starts. */
  foreignRun?: { afterMs: number; script: PipelineScript }
}

export interface YunxiaoOptions {
  /** By pipeline ID (a whole number). */
  pipelines: Record<string, YunxiaoPipeline>
  /** A fixed port (`npm run simulator`); any free one when left out. */
  port?: number
  organizationId?: string
  tokens?: string[]
  accessKeys?: YunxiaoKey[]
  faults?: FaultPlan
  /** How ListPipelines filters by `pipelineName`: `fuzzy` (the default: a name that contains it, case aside) or `ignored`. */
  nameFilter?: 'fuzzy' | 'ignored'
  /** The clock runs move by (epoch ms; Date.now by default): see the CodeArts simulator's `now`. */
  now?: () => number
  /** Cut each step log page after this many bytes, mid-line if need be (the client must join the pieces). */
  logPageBytes?: number
}

export interface YunxiaoRun {
  /** The pipelineRunId: 1, 2, 3… for each pipeline. */
  id: string
  pipelineId: string
  script: PipelineScript
  params: { envs?: Record<string, string>; comment?: string; runningBranchs?: Record<string, string>; runningTags?: Record<string, string> }
  foreign: boolean
  startedAt: number
  stoppedAfter?: number
  /** When the service starts listing it (see hideNewRunsMs). */
  visibleAt: number
}

// The script's vocabulary → Yunxiao's (docs/statuses.md); steps report in lower case.
const STATUS: Record<Status, string> = {
  INIT: 'INIT',
  RUNNING: 'RUNNING',
  COMPLETED: 'SUCCESS',
  FAILED: 'FAIL',
  CANCELED: 'CANCELED',
  PAUSED: 'WAITING'
}

export class YunxiaoSimulator extends SimulatedService {
  readonly organizationId: string
  private readonly options: YunxiaoOptions
  private readonly runs: YunxiaoRun[] = []
  private readonly nonces = new Set<string>()
  /** Runs the action starts from now on are listed (and found) only this long after they were created: a slow gateway. */
  hideNewRunsMs = 0
  /** Tokens and access key IDs revoked while running: refused from now on. */
  readonly revoked = new Set<string>()

  private constructor(options: YunxiaoOptions) {
    super(options.faults, options.now)
    this.options = options
    this.organizationId = options.organizationId ?? '5ebbc0228123212b59a0c0de'
    for (const t of options.tokens ?? []) rememberSecret(t)
    for (const k of options.accessKeys ?? []) rememberSecret(k.accessKeySecret)
  }

  static async start(options: YunxiaoOptions): Promise<YunxiaoSimulator> {
    const sim = new YunxiaoSimulator(options)
    await sim.listen(options.port)
    return sim
  }

  runsOf(pipelineId: string): YunxiaoRun[] {
    return this.runs.filter((r) => r.pipelineId === pipelineId)
  }

  startRun(pipelineId: string, init: Partial<Pick<YunxiaoRun, 'script' | 'params' | 'foreign'>> = {}): YunxiaoRun {
    const config = this.options.pipelines[pipelineId]
    if (config === undefined) throw new Error(`no pipeline ${pipelineId}`)
    const now = this.now()
    const run: YunxiaoRun = {
      id: String(this.runsOf(pipelineId).length + 1),
      pipelineId,
      script: init.script ?? config.script,
      params: init.params ?? {},
      foreign: init.foreign ?? true,
      startedAt: now,
      visibleAt: (init.foreign ?? true) ? now : now + this.hideNewRunsMs
    }
    this.runs.push(run)
    return run
  }

  stateOf(run: YunxiaoRun): RunState {
    return runStateAt(run.script, this.now() - run.startedAt, run.stoppedAfter)
  }

  protected errorBody(code: string, message: string): object {
    return { errorCode: code, errorMessage: message, requestId: 'sim' }
  }

  protected route(req: IncomingMessage, url: URL, body: Buffer, reply: Reply, record: RecordedRequest): void {
    const method = req.method ?? 'GET'
    const openapi = /^\/oapi\/v1\/flow(?:\/organizations\/([^/]+))?\/pipelines(?:\/(\d+)(\/.*)?)?$/.exec(url.pathname)
    if (openapi) {
      const token = req.headers['x-yunxiao-token']
      record.auth = typeof token === 'string' ? 'token' : 'none'
      if (typeof token !== 'string' || !this.options.tokens?.includes(token) || this.revoked.has(token)) {
        record.refused = true
        return reply(401, { errorCode: 'Unauthorized', errorMessage: 'the personal access token is missing, invalid or expired' })
      }
      if (openapi[1] !== undefined && openapi[1] !== this.organizationId) {
        return reply(404, { errorCode: 'InvalidOrganization.NotFound', errorMessage: 'The organization is not found.' })
      }
      if (openapi[2] === undefined) return method === 'GET' ? this.listPipelinesOpenapi(url, reply) : reply(404, { errorCode: 'NotFound' })
      return this.openapi(method, openapi[2], openapi[3] ?? '', url, body, reply, record)
    }
    const devops = /^\/organizations?\/([^/]+)\/pipelines?(?:\/(\d+)(\/.*))?$/.exec(url.pathname)
    if (devops) {
      record.auth = 'aksk'
      const keys = this.options.accessKeys ?? []
      const verdict = verifyAcs3(
        { method, target: req.url ?? '/', headers: req.headers, body },
        (id) => (this.revoked.has(id) ? undefined : keys.find((k) => k.accessKeyId === id)?.accessKeySecret),
        this.nonces,
        Date.now()
      )
      record.refused = !verdict.ok
      if (!verdict.ok)
        return reply(verdict.code === 'SignatureDoesNotMatch' ? 400 : 403, {
          RequestId: 'sim',
          Code: verdict.code,
          Message: verdict.message
        })
      if (devops[1] !== this.organizationId)
        return reply(404, { success: false, errorCode: 'InvalidOrganization.NotFound', errorMessage: 'The organization is not found.' })
      if (devops[2] === undefined) {
        return method === 'GET' && url.pathname.startsWith('/organization/')
          ? this.listPipelinesDevops(url, reply)
          : reply(404, { success: false, errorCode: 'NotFound', errorMessage: `no API at ${url.pathname}` })
      }
      return this.devops(method, devops[2], devops[3]!, url, body, reply, record)
    }
    reply(404, { errorCode: 'NotFound', errorMessage: `no API at ${url.pathname}` })
  }

  // ---- /oapi/v1 ----------------------------------------------------------------------------------

  private openapi(method: string, pipelineId: string, rest: string, url: URL, body: Buffer, reply: Reply, record: RecordedRequest): void {
    record.pipelineId = pipelineId
    if (!(pipelineId in this.options.pipelines))
      return reply(404, { errorCode: 'InvalidPipeline.NotFound', errorMessage: 'The pipeline is not found.' })
    if (method === 'GET' && rest === '') {
      const config = this.options.pipelines[pipelineId]!
      return reply(200, {
        name: config.script.name,
        pipelineConfig: {
          sources: this.repositories(pipelineId).map((repo) => ({ type: 'Codeup', sign: 'source', data: { repo, branch: 'master' } }))
        }
      })
    }
    if (method === 'POST' && rest === '/runs') {
      const params = typeof parse(body)?.params === 'string' ? parse(Buffer.from(parse(body).params)) : undefined
      if (params === undefined)
        return reply(400, { errorCode: 'InvalidParam.ParamNotPresent', errorMessage: 'params must be a JSON string' })
      const problem = this.checkParams(pipelineId, params)
      if (problem) return reply(400, { errorCode: 'InvalidParam', errorMessage: problem })
      return reply(200, Number(this.startOurs(pipelineId, params).id))
    }
    if (method === 'GET' && rest === '/runs') {
      const perPage = Math.min(30, Number(url.searchParams.get('perPage') ?? 10))
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
      const runs = this.listed(pipelineId, url.searchParams.get('startTime'))
      return reply(
        200,
        runs.slice((page - 1) * perPage, page * perPage).map((r) => this.listItem(r))
      )
    }
    if (method === 'GET' && rest === '/runs/latestPipelineRun') {
      const [latest] = this.newestFirst(pipelineId)
      return latest
        ? reply(200, this.pipelineRun(latest, true))
        : reply(404, { errorCode: 'InvalidPipelineRun.NotFound', errorMessage: 'The pipeline has no run.' })
    }
    let m = /^\/runs\/(\d+)$/.exec(rest)
    if (m) {
      const run = this.find(pipelineId, m[1]!)
      if (!run)
        return reply(404, { errorCode: 'InvalidPipelineRun.NotFound', errorMessage: 'The pipeline execution instance is not found.' })
      if (method === 'GET') return reply(200, this.pipelineRun(run, true))
      if (method === 'PUT') return this.stop(run, reply, (ok) => ok)
    }
    m = /^\/pipelineRuns\/(\d+)\/jobs\/(\d+)\/steps$/.exec(rest)
    if (method === 'GET' && m) {
      const job = this.findJob(pipelineId, m[1]!, m[2]!)
      if (!job) return reply(404, { errorCode: 'InvalidJob.NotFound', errorMessage: 'The job is not found.' })
      return reply(200, {
        jobId: Number(m[2]),
        buildId: job.buildId,
        actionCode: 'sim',
        steps: job.steps.map((s) => ({
          stepIndex: String(s.index),
          stepName: s.script.name,
          status: STATUS[s.status].toLowerCase(),
          finish: s.end !== undefined,
          running: s.status === 'RUNNING'
        }))
      })
    }
    m = /^\/pipelineRuns\/(\d+)\/jobs\/(\d+)\/step\/log$/.exec(rest)
    if (method === 'GET' && m) {
      const job = this.findJob(pipelineId, m[1]!, m[2]!)
      const step = job?.steps.find((s) => String(s.index) === url.searchParams.get('stepIndex'))
      if (!job || !step || url.searchParams.get('buildId') !== String(job.buildId)) {
        return reply(404, { errorCode: 'InvalidStep.NotFound', errorMessage: 'The step is not found.' })
      }
      // Offsets count bytes here (the service's unit is not documented); the client only passes back what `last` says.
      const text = logOf(step.script)
      const offset = Number(url.searchParams.get('offset') ?? 0)
      const limit = Number(url.searchParams.get('limit') ?? 100)
      const page = logPage(text, offset, limit, text.count, this.options.logPageBytes)
      return reply(200, { logs: page.text, last: page.end, more: page.end < text.offsetOf(text.count) })
    }
    m = /^\/runs\/(\d+)\/job\/(\d+)\/log$/.exec(rest)
    if (method === 'GET' && m) {
      const job = this.findJob(pipelineId, m[1]!, m[2]!)
      if (!job) return reply(404, { errorCode: 'InvalidJob.NotFound', errorMessage: 'The job is not found.' })
      return reply(200, { content: jobLog(job.steps), last: 0, more: false })
    }
    reply(404, { errorCode: 'NotFound', errorMessage: `no API at ${url.pathname}` })
  }

  /** The pipelines ListPipelines answers with, by name, filtered as `nameFilter` says. */
  private named(name: string | null): [string, YunxiaoPipeline][] {
    const wanted = name !== null && this.options.nameFilter !== 'ignored' ? name.toLowerCase() : ''
    return Object.entries(this.options.pipelines)
      .filter(([, config]) => config.script.name.toLowerCase().includes(wanted))
      .sort(([a], [b]) => Number(a) - Number(b))
  }

  /** ListPipelines: a bare array, paged by `page`/`perPage` (at most 30), with the documented paging headers. */
  private listPipelinesOpenapi(url: URL, reply: Reply): void {
    const perPage = Math.min(30, Number(url.searchParams.get('perPage') ?? 10))
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
    const pipelines = this.named(url.searchParams.get('pipelineName'))
    const pages = Math.max(1, Math.ceil(pipelines.length / perPage))
    const headers = {
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-total': String(pipelines.length),
      'x-total-pages': String(pages),
      'x-next-page': page < pages ? String(page + 1) : '',
      'x-prev-page': page > 1 ? String(page - 1) : ''
    }
    const items = pipelines.slice((page - 1) * perPage, page * perPage).map(([id, config]) => ({
      createAccountId: 'someone',
      createTime: 1_767_225_600_000,
      pipelineId: Number(id),
      pipelineName: config.script.name
    }))
    reply(200, items, headers)
  }

  // ---- devops 2021-06-25 -------------------------------------------------------------------------

  /** ListPipelines of the 2021 API: `{pipelines, nextToken, totalCount}` in the usual envelope. */
  private listPipelinesDevops(url: URL, reply: Reply): void {
    const max = Number(url.searchParams.get('maxResults') ?? 10)
    const from = Number(url.searchParams.get('nextToken') || 0)
    const pipelines = this.named(url.searchParams.get('pipelineName'))
    reply(200, {
      requestId: 'sim',
      success: true,
      errorCode: '',
      errorMessage: '',
      totalCount: pipelines.length,
      nextToken: from + max < pipelines.length ? String(from + max) : '',
      pipelines: pipelines.slice(from, from + max).map(([id, config]) => ({
        pipelineId: Number(id),
        pipelineName: config.script.name,
        createTime: 1_767_225_600_000,
        creatorAccountId: 'someone',
        groupId: 0
      }))
    })
  }

  private devops(method: string, pipelineId: string, rest: string, url: URL, body: Buffer, reply: Reply, record: RecordedRequest): void {
    record.pipelineId = pipelineId
    const ok = (payload: object) => reply(200, { requestId: 'sim', success: true, errorCode: '', errorMessage: '', ...payload })
    if (!(pipelineId in this.options.pipelines))
      return reply(404, { success: false, errorCode: 'InvalidPipeline.NotFound', errorMessage: 'The pipeline is not found.' })
    if (method === 'POST' && rest === '/run') {
      const form = new URLSearchParams(body.toString('utf8'))
      const params = parse(Buffer.from(form.get('params') ?? ''))
      if (params === undefined)
        return reply(400, { success: false, errorCode: 'InvalidParam.ParamNotPresent', errorMessage: 'params must be a JSON string' })
      const problem = this.checkParams(pipelineId, params)
      if (problem) return reply(400, { success: false, errorCode: 'InvalidParam', errorMessage: problem })
      return ok({ pipelineRunId: Number(this.startOurs(pipelineId, params).id) })
    }
    if (method === 'GET' && rest === '/pipelineRuns') {
      const max = Number(url.searchParams.get('maxResults') ?? 10)
      const from = Number(url.searchParams.get('nextToken') || 0)
      const runs = this.listed(pipelineId, url.searchParams.get('startTime'))
      const next = from + max < runs.length ? String(from + max) : ''
      return ok({ totalCount: runs.length, nextToken: next, pipelineRuns: runs.slice(from, from + max).map((r) => this.listItem(r)) })
    }
    let m = /^\/pipelineRuns\/(\d+)(\/stop)?$/.exec(rest)
    if (m) {
      const run = this.find(pipelineId, m[1]!)
      if (!run)
        return reply(404, {
          success: false,
          errorCode: 'InvalidPipelineRun.NotFound',
          errorMessage: 'The pipeline execution instance is not found.'
        })
      // The SDK's PipelineRun model has no globalParams: the 2021 API does not list a run's variables.
      if (method === 'GET' && !m[2]) return ok({ pipelineRun: this.pipelineRun(run, false) })
      if (method === 'PUT' && m[2]) return this.stop(run, reply, () => ({ requestId: 'sim', success: true }))
    }
    m = /^\/pipelineRun\/(\d+)\/job\/(\d+)\/logs$/.exec(rest)
    if (method === 'GET' && m) {
      const job = this.findJob(pipelineId, m[1]!, m[2]!)
      if (!job) return reply(404, { success: false, errorCode: 'InvalidJob.NotFound', errorMessage: 'The job is not found.' })
      return ok({ log: { content: jobLog(job.steps), more: false } })
    }
    reply(404, { success: false, errorCode: 'NotFound', errorMessage: `no API at ${url.pathname}` })
  }

  // ---- shared -----------------------------------------------------------------------------------

  private checkParams(pipelineId: string, params: YunxiaoRun['params']): string | undefined {
    if ('version' in (params.envs ?? {})) return 'the variable name version is reserved'
    const repos = this.repositories(pipelineId)
    for (const repo of [...Object.keys(params.runningBranchs ?? {}), ...Object.keys(params.runningTags ?? {})]) {
      if (!repos.includes(repo)) return `${repo} is not a source of this pipeline`
    }
    return undefined
  }

  private startOurs(pipelineId: string, params: YunxiaoRun['params']): YunxiaoRun {
    const run = this.startRun(pipelineId, { params, foreign: false })
    const foreign = this.options.pipelines[pipelineId]!.foreignRun
    if (foreign) setTimeout(() => this.startRun(pipelineId, { script: foreign.script }), foreign.afterMs).unref()
    return run
  }

  private stop(run: YunxiaoRun, reply: Reply, answer: (ok: boolean) => unknown): void {
    if (this.stateOf(run).end !== undefined)
      return reply(400, { success: false, errorCode: 'InvalidPipelineRun.Status', errorMessage: 'The run has already ended.' })
    run.stoppedAfter = this.now() - run.startedAt
    reply(200, answer(true))
  }

  private repositories(pipelineId: string): string[] {
    return this.options.pipelines[pipelineId]?.repositories ?? [`https://codeup.aliyun.com/${this.organizationId}/shop/p${pipelineId}.git`]
  }

  private find(pipelineId: string, runId: string): YunxiaoRun | undefined {
    return this.runs.find((r) => r.pipelineId === pipelineId && r.id === runId && this.visible(r))
  }

  private visible(run: YunxiaoRun): boolean {
    return this.now() >= run.visibleAt
  }

  private newestFirst(pipelineId: string): YunxiaoRun[] {
    return this.runsOf(pipelineId)
      .filter((r) => this.visible(r))
      .sort((a, b) => Number(b.id) - Number(a.id))
  }

  /** A run list as the service might give it: filtered by start time, in an order no document promises (here: oldest first). */
  private listed(pipelineId: string, startTime: string | null): YunxiaoRun[] {
    const since = Number(startTime ?? 0)
    return this.runsOf(pipelineId).filter((r) => r.startedAt >= since && this.visible(r))
  }

  private findJob(pipelineId: string, runId: string, jobId: string): { steps: StepState[]; buildId: number } | undefined {
    const run = this.find(pipelineId, runId)
    if (!run) return undefined
    for (const stage of this.stateOf(run).stages) {
      for (const job of stage.jobs) {
        if (String(jobNumber(run, stage.index, job.index)) === jobId)
          return { steps: job.steps, buildId: jobNumber(run, stage.index, job.index, 'build') }
      }
    }
    return undefined
  }

  private listItem(run: YunxiaoRun): object {
    const state = this.stateOf(run)
    return {
      pipelineId: Number(run.pipelineId),
      pipelineRunId: Number(run.id),
      status: STATUS[state.status],
      startTime: run.startedAt,
      endTime: state.end !== undefined ? run.startedAt + state.end : 0,
      triggerMode: 1,
      creatorAccountId: run.foreign ? 'someone-else' : 'github-actions'
    }
  }

  private pipelineRun(run: YunxiaoRun, withVariables: boolean): object {
    const state = this.stateOf(run)
    const at = (offset: number | undefined) => (offset !== undefined ? run.startedAt + offset : 0)
    return {
      pipelineId: Number(run.pipelineId),
      pipelineRunId: Number(run.id),
      status: STATUS[state.status],
      triggerMode: 1,
      createTime: run.startedAt,
      updateTime: at(state.end) || this.now(),
      creatorAccountId: run.foreign ? 'someone-else' : 'github-actions',
      stageGroup: [state.stages.map((s) => s.script.name)],
      sources: this.repositories(run.pipelineId).map((repo) => ({
        sign: 'source',
        type: 'Codeup',
        data: {
          repo,
          branch: run.params.runningBranchs?.[repo] ?? (run.params.runningTags?.[repo] ? undefined : 'master'),
          tag: run.params.runningTags?.[repo]
        }
      })),
      ...(withVariables && {
        globalParams: Object.entries(run.params.envs ?? {}).map(([key, value]) => ({ key, value, encrypted: false, masked: false }))
      }),
      stages: state.stages.map((s) => ({
        name: s.script.name,
        index: `Group0-Stage${s.index}`,
        stageInfo: {
          name: s.script.name,
          status: STATUS[s.status],
          startTime: at(s.start),
          endTime: at(s.end),
          jobs: s.jobs.map((j) => ({
            id: jobNumber(run, s.index, j.index),
            name: j.script.name,
            jobSign: `job_${s.index}_${j.index}`,
            status: STATUS[j.status],
            startTime: at(j.start),
            endTime: at(j.end),
            params: '{}',
            result: '{}',
            actions: []
          }))
        }
      }))
    }
  }
}

/** Job (and build) IDs are whole numbers, stable for a run and distinct across runs. */
function jobNumber(run: YunxiaoRun, stage: number, job: number, kind = 'job'): number {
  return parseInt(createHash('sha256').update(`${run.pipelineId}/${run.id}/${stage}/${job}/${kind}`).digest('hex').slice(0, 10), 16)
}

/** A job's log: each step's lines, in order, as far as the step has got. */
function jobLog(steps: StepState[]): string {
  let text = ''
  for (const step of steps.filter((s) => s.start !== undefined)) {
    const log = logOf(step.script)
    text += `[${step.script.name}]\n`
    for (let i = 0; i < log.count; i++) text += `${log.line(i)}\n`
  }
  return text
}
