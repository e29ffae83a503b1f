// A CodeArts Pipeline service on loopback, with the IAM calls the action makes: scripted pipelines
// that move through their statuses on the real clock (or a bench's virtual one), authenticated as
// the gateway does it. The action reaches it only through `endpoint` and `iam-endpoint`, exactly as
// it reaches the cloud.

import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { FaultPlan } from './faults.ts'
import { verifySignature } from './gateway-auth.ts'
import { hasSubPipelines, logOf, logPage, type PipelineScript, type RunState, runStateAt, type StepState } from './script.ts'
import { rememberSecret } from './secrets.ts'
import { hex32, parse, type RecordedRequest, type Reply, SimulatedService } from './service.ts'

export { hex32, type RecordedRequest } from './service.ts'

export interface AccessKey {
  accessKey: string
  secretKey: string
  /** Temporary keys must come with this X-Security-Token. */
  securityToken?: string
}

export interface IamUser {
  domain: string
  username: string
  password: string
}

export interface Repository {
  git_type: string
  git_url: string
  codehub_id?: string
  default_branch: string
}

export interface PipelineConfig {
  script: PipelineScript
  /** The code sources; one CodeArts Repo repository by default. */
  repositories?: Repository[]
  /** Runs started while this many are running wait in the queue (the start answers DEVPIPE.00011169). */
  maxConcurrent?: number
  /** Someone else starts a run of this pipeline `afterMs` after each run the action starts. */
  foreignRun?: { afterMs: number; script: PipelineScript }
}

export interface SimulatorOptions {
  pipelines: Record<string, PipelineConfig>
  /** A fixed port (`npm run simulator`); any free one when left out. */
  port?: number
  projectId?: string
  region?: string
  iamProjectId?: string
  accessKeys?: AccessKey[]
  users?: IamUser[]
  /** Ready IAM tokens the service accepts. */
  tokens?: string[]
  /** Lifetime of tokens IAM issues from a password. */
  tokenTtlMs?: number
  faults?: FaultPlan
  /** Cut each log page after this many bytes, mid-line if need be (the client must join the pieces). */
  logPageBytes?: number
  /** Makes the IDs of new runs (random by default); a seeded one makes a campaign seed replay the same IDs. */
  newId?: () => string
  /**
   * How ListPipelines filters by `name`: `fuzzy` (the default, as documented: every pipeline whose
   * name contains it, case aside) or `ignored` (every pipeline, whatever the name).
   */
  nameFilter?: 'fuzzy' | 'ignored'
  /** The most pipelines one ListPipelines page holds, whatever `limit` asks for. */
  listPageCap?: number
  /**
   * How a log page request says where to continue. `start` (the default): from `start_offset`.
   * `end`: from `end_offset`, as the SDK's docstrings read ("fill the answer's end_offset into the
   * request's end_offset"); `start_offset` then only echoes back.
   */
  logPaging?: 'start' | 'end'
  /**
   * How ShowStepOutputs gives an output's value: a string (older SDKs), or an object (the SDK's
   * model since 3.1.193 types it so; docs/codearts.md "Sub-pipelines"), here `{value: "…"}`.
   */
  stepOutputValues?: 'string' | 'object'
  /** Stopping a run also stops the sub-pipeline runs it started (by default the service leaves them running). */
  stopsSubPipelines?: boolean
  /**
   * The clock runs move by (epoch ms; Date.now by default). The bench's virtual clock lets an hour's
   * run pass in milliseconds; credentials stay on the wall clock (service.ts).
   */
  now?: () => number
}

export interface SimRun {
  id: string
  pipelineId: string
  number: number
  script: PipelineScript
  description: string
  variables: { name: string; value: string }[]
  chooseStages: string[]
  chooseJobs: string[]
  /** What each code source runs: the default branch unless the start said otherwise. */
  refs: { git_url: string; kind: 'branch' | 'tag'; name: string }[]
  /** Started by someone other than the action. */
  foreign: boolean
  createdAt: number
  /** When it left the queue (or started at once). */
  startedAt?: number
  queueId?: string
  /** ms after startedAt when it was stopped. */
  stoppedAfter?: number
  /** Taken out of the queue before it started. */
  dequeued?: boolean
  /** When the service starts listing it (see hideNewRunsMs). */
  visibleAt: number
  /** A sub-pipeline run: the run and step that started it. */
  parent?: { runId: string; stepId: string }
}

const LOCK_AFTER_FAILURES = 5
const LOCK_MS = 5 * 60_000

export class CodeArtsSimulator extends SimulatedService {
  readonly projectId: string
  readonly region: string
  readonly iamProjectId: string

  private readonly options: SimulatorOptions
  private readonly runs: SimRun[] = []
  private readonly minted = new Map<string, number>()
  private readonly authFailures = new Map<string, { count: number; lockedUntil?: number }>()
  private nextQueueId = 1000
  /** Runs the action starts from now on are listed (and found) only this long after they were created: a slow gateway. */
  hideNewRunsMs = 0
  /** Access keys (and tokens) revoked while running: refused from now on. */
  readonly revoked = new Set<string>()

  private constructor(options: SimulatorOptions) {
    super(options.faults, options.now)
    this.options = options
    for (const key of options.accessKeys ?? []) [key.secretKey, key.securityToken ?? ''].filter(Boolean).forEach(rememberSecret)
    for (const user of options.users ?? []) rememberSecret(user.password)
    for (const token of options.tokens ?? []) rememberSecret(token)
    this.projectId = options.projectId ?? hex32()
    this.region = options.region ?? 'cn-north-4'
    this.iamProjectId = options.iamProjectId ?? hex32()
  }

  static async start(options: SimulatorOptions): Promise<CodeArtsSimulator> {
    const sim = new CodeArtsSimulator(options)
    await sim.listen(options.port)
    return sim
  }

  /** Runs of a pipeline, oldest first. */
  runsOf(pipelineId: string): SimRun[] {
    return this.runs.filter((r) => r.pipelineId === pipelineId)
  }

  run(runId: string): SimRun | undefined {
    return this.runs.find((r) => r.id === runId)
  }

  /** Starts a run as a person in the console would. */
  startRun(
    pipelineId: string,
    init: Partial<Pick<SimRun, 'script' | 'description' | 'variables' | 'chooseStages' | 'chooseJobs' | 'refs' | 'foreign'>> = {}
  ): SimRun {
    const config = this.options.pipelines[pipelineId]
    if (config === undefined) throw new Error(`no pipeline ${pipelineId}`)
    this.advanceQueues()
    const now = this.now()
    const run: SimRun = {
      id: (this.options.newId ?? hex32)(),
      pipelineId,
      number: this.runsOf(pipelineId).length + 1,
      script: init.script ?? config.script,
      description: init.description ?? '',
      variables: init.variables ?? [],
      chooseStages: init.chooseStages ?? [],
      chooseJobs: init.chooseJobs ?? [],
      refs:
        init.refs ?? this.repositories(pipelineId).map((r) => ({ git_url: r.git_url, kind: 'branch' as const, name: r.default_branch })),
      foreign: init.foreign ?? true,
      createdAt: now,
      visibleAt: (init.foreign ?? true) ? now : now + this.hideNewRunsMs
    }
    if (this.active(pipelineId, now).length >= (config.maxConcurrent ?? Infinity)) run.queueId = String(this.nextQueueId++)
    else run.startedAt = now
    this.runs.push(run)
    return run
  }

  /** The run's state now: what the service would report. */
  stateOf(run: SimRun, now = this.now()): RunState & { queued: boolean } {
    if (run.startedAt === undefined) {
      const state = runStateAt(run.script, -1)
      return { ...state, status: run.dequeued ? 'CANCELED' : 'INIT', queued: !run.dequeued }
    }
    return { ...runStateAt(run.script, now - run.startedAt, run.stoppedAfter), queued: false }
  }

  repositories(pipelineId: string): Repository[] {
    return (
      this.options.pipelines[pipelineId]?.repositories ?? [
        {
          git_type: 'codehub',
          git_url: `https://codehub.example.com/shop/${pipelineId.slice(0, 8)}.git`,
          codehub_id: '2111699716',
          default_branch: 'master'
        }
      ]
    )
  }

  private active(pipelineId: string, now: number): SimRun[] {
    return this.runsOf(pipelineId).filter((r) => r.startedAt !== undefined && this.stateOf(r, now).end === undefined)
  }

  /** Queued runs start as soon as a slot is free. */
  private advanceQueues(): void {
    const now = this.now()
    for (const run of this.runs) {
      if (run.startedAt !== undefined || run.dequeued) continue
      const limit = this.options.pipelines[run.pipelineId]?.maxConcurrent ?? Infinity
      if (this.active(run.pipelineId, now).length < limit) run.startedAt = now
    }
  }

  /** The run a sub-pipeline step started, once the step has started. */
  subRunOf(run: SimRun, stepId: string): SimRun | undefined {
    return this.runs.find((r) => r.parent?.runId === run.id && r.parent.stepId === stepId)
  }

  /** Starts the run of every sub-pipeline step that has started (and theirs, in the same pass). */
  private spawnSubRuns(): void {
    const now = this.now()
    for (let i = 0; i < this.runs.length; i++) {
      const run = this.runs[i]!
      if (run.startedAt === undefined || !hasSubPipelines(run.script)) continue
      const id = this.nodeId(run)
      for (const stage of this.stateOf(run, now).stages) {
        for (const job of stage.jobs) {
          for (const step of job.steps) {
            const sub = step.script.subPipeline
            const stepId = id('job', stage.index, job.index, step.index)
            if (sub === undefined || step.start === undefined || this.subRunOf(run, stepId)) continue
            const config = this.options.pipelines[sub]
            if (config === undefined) throw new Error(`no sub-pipeline ${sub}`)
            this.runs.push({
              id: (this.options.newId ?? hex32)(),
              pipelineId: sub,
              number: this.runsOf(sub).length + 1,
              script: config.script,
              description: `Started by pipeline ${run.pipelineId} run ${run.id}`,
              variables: [],
              chooseStages: [],
              chooseJobs: [],
              refs: this.repositories(sub).map((r) => ({ git_url: r.git_url, kind: 'branch' as const, name: r.default_branch })),
              foreign: true,
              createdAt: now,
              startedAt: run.startedAt + step.start,
              visibleAt: now,
              parent: { runId: run.id, stepId }
            })
          }
        }
      }
    }
  }

  // ---- HTTP --------------------------------------------------------------------------------

  protected errorBody(code: string, message: string): object {
    return {
      error_code: code.startsWith('Gateway.') ? `APIGW.0${code.slice(8)}` : code === 'Throttling' ? 'APIGW.0308' : code,
      error_msg: message
    }
  }

  protected route(req: IncomingMessage, url: URL, body: Buffer, reply: Reply, record: RecordedRequest): void {
    this.advanceQueues()
    this.spawnSubRuns()
    if (url.pathname.startsWith('/v3/')) return this.iam(req, url, body, reply, record)
    const api = /^\/v5\/([^/]+)\/api(\/.*)$/.exec(url.pathname)
    if (!api)
      return reply(404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published in the environment' })
    const denied = this.authenticate(req, body, record, true)
    record.refused = denied !== undefined
    if (denied) return reply(401, { error_code: 'APIGW.0301', error_msg: `Incorrect IAM authentication information: ${denied}` })
    if (api[1] !== this.projectId)
      return reply(403, { error_code: 'DEVPIPE.00011412', error_msg: 'The project does not exist or you are not a member of it' })
    return this.pipelineApi(req.method ?? 'GET', api[2]!, url, body, reply, record)
  }

  /** Undefined when the request carries valid credentials; otherwise why not. */
  private authenticate(req: IncomingMessage, body: Buffer, record: RecordedRequest, needsProject: boolean): string | undefined {
    const token = req.headers['x-auth-token']
    if (typeof token === 'string') {
      record.auth = 'token'
      if (this.revoked.has(token)) return 'token revoked'
      if (this.options.tokens?.includes(token)) return undefined
      const expires = this.minted.get(token)
      if (expires === undefined) return 'token invalid'
      return Date.now() < expires ? undefined : 'token expired'
    }
    if (req.headers['authorization'] === undefined) return 'no credentials'
    record.auth = 'aksk'
    const keys = this.options.accessKeys ?? []
    const verdict = verifySignature(
      { method: req.method ?? 'GET', target: req.url ?? '/', headers: req.headers, body },
      (ak) => (this.revoked.has(ak) ? undefined : keys.find((k) => k.accessKey === ak)?.secretKey),
      Date.now()
    )
    const ak = verdict.accessKey
    const failures = ak !== undefined ? (this.authFailures.get(ak) ?? { count: 0 }) : undefined
    if (failures?.lockedUntil !== undefined && Date.now() < failures.lockedUntil) return 'the access key is locked after repeated failures'
    const reason = verdict.ok ? this.checkKeyHeaders(req, verdict.accessKey, needsProject) : verdict.reason
    if (ak !== undefined && failures !== undefined) {
      failures.count = reason === undefined ? 0 : failures.count + 1
      if (failures.count >= LOCK_AFTER_FAILURES) failures.lockedUntil = Date.now() + LOCK_MS
      this.authFailures.set(ak, failures)
    }
    return reason
  }

  private checkKeyHeaders(req: IncomingMessage, accessKey: string, needsProject: boolean): string | undefined {
    const key = this.options.accessKeys!.find((k) => k.accessKey === accessKey)!
    const signed = /SignedHeaders=([^,]+)/.exec(String(req.headers['authorization']))![1]!.split(';')
    if (
      key.securityToken !== undefined &&
      (req.headers['x-security-token'] !== key.securityToken || !signed.includes('x-security-token'))
    ) {
      return 'security token missing or wrong'
    }
    if (needsProject && req.headers['x-project-id'] !== this.iamProjectId) return 'get token error,status:400 (X-Project-Id)'
    return undefined
  }

  private iam(req: IncomingMessage, url: URL, body: Buffer, reply: Reply, record: RecordedRequest): void {
    if (req.method === 'POST' && url.pathname === '/v3/auth/tokens') {
      const auth = parse(body)?.auth
      const user = auth?.identity?.password?.user
      const known = (this.options.users ?? []).find(
        (u) => u.username === user?.name && u.password === user?.password && u.domain === user?.domain?.name
      )
      if (!known) return reply(401, { error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } })
      if (auth?.scope?.project?.name !== this.region)
        return reply(400, { error: { code: 400, message: 'project scope required', title: 'Bad Request' } })
      const token = `MII${randomBytes(24).toString('base64url')}`
      rememberSecret(token)
      const expires = Date.now() + (this.options.tokenTtlMs ?? 24 * 3_600_000)
      this.minted.set(token, expires)
      return reply(
        201,
        { token: { expires_at: new Date(expires).toISOString(), project: { id: this.iamProjectId, name: this.region } } },
        { 'x-subject-token': token }
      )
    }
    if (req.method === 'GET' && url.pathname === '/v3/projects') {
      const denied = this.authenticate(req, body, record, false)
      record.refused = denied !== undefined
      if (denied) return reply(401, { error_code: 'APIGW.0301', error_msg: `Incorrect IAM authentication information: ${denied}` })
      const name = url.searchParams.get('name')
      const projects = name === null || name === this.region ? [{ id: this.iamProjectId, name: this.region }] : []
      return reply(200, { projects })
    }
    reply(404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist' })
  }

  private pipelineApi(method: string, path: string, url: URL, body: Buffer, reply: Reply, record: RecordedRequest): void {
    if (method === 'POST' && path === '/pipelines/status') {
      const ids = parse(body)
      if (!Array.isArray(ids)) return reply(400, { error_code: 'DEVPIPE.00011001', error_msg: 'body must be an array of pipeline IDs' })
      if (ids.length === 1) record.pipelineId = String(ids[0])
      return reply(
        200,
        ids.flatMap((id) => this.latestOf(String(id)))
      )
    }
    if (method === 'POST' && path === '/pipelines/list') return this.listPipelines(body, reply)
    const match = /^\/pipelines\/([^/]+)(\/.*)$/.exec(path)
    const pipelineId = match?.[1] ?? ''
    record.pipelineId = pipelineId
    // The service reports a missing pipeline in a 200 body, as Huawei's own Terraform provider expects.
    if (!(pipelineId in this.options.pipelines))
      return reply(200, { error_code: 'DEVPIPE.00011401', error_msg: 'The pipeline does not exist' })
    const rest = match![2]!
    if (method === 'POST' && rest === '/run') return this.runPipeline(pipelineId, body, reply)
    if (method === 'GET' && rest === '/pipeline-runs/detail') {
      const run = this.findRun(pipelineId, url.searchParams.get('pipeline_run_id'))
      return run
        ? reply(200, this.detailOf(run))
        : reply(200, { error_code: 'DEVPIPE.00011404', error_msg: 'The pipeline run does not exist' })
    }
    if (method === 'POST' && rest === '/pipeline-runs/list') return this.listRuns(pipelineId, body, reply)
    if (method === 'GET' && rest === '/queued-pipeline') {
      // As Huawei's Terraform provider reads it: the runs waiting for a slot.
      const queued = this.runsOf(pipelineId).filter((r) => this.visible(r) && r.startedAt === undefined && !r.dequeued)
      return reply(200, {
        queuedPipelines: queued.map((r) => ({ id: Number(r.queueId), pipeline_run_id: r.id, enqueue_time: r.createdAt, status: 'QUEUED' }))
      })
    }
    const outputs = /^\/pipeline-runs\/([^/]+)\/steps\/outputs$/.exec(rest)
    if (method === 'GET' && outputs) return this.stepOutputs(this.findRun(pipelineId, outputs[1]!), url, reply)
    const stop = /^\/pipeline-runs\/([^/]+)\/stop$/.exec(rest)
    if (method === 'POST' && stop) return this.stop(this.findRun(pipelineId, stop[1]!), reply)
    const log = /^\/pipeline-runs\/([^/]+)\/jobs\/([^/]+)\/steps\/([^/]+)\/logs$/.exec(rest)
    if (method === 'POST' && log) return this.stepLog(this.findRun(pipelineId, log[1]!), log[2]!, log[3]!, body, reply)
    const dequeue = /^\/([^/]+)\/cancel-queuing\/([^/]+)$/.exec(rest)
    if (method === 'POST' && dequeue) return this.cancelQueuing(this.findRun(pipelineId, dequeue[1]!), dequeue[2]!, reply)
    reply(404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published in the environment' })
  }

  private runPipeline(pipelineId: string, body: Buffer, reply: Reply): void {
    const dto = parse(body) ?? {}
    if (typeof dto.description === 'string' && dto.description.length > 1024) {
      return reply(400, { error_code: 'DEVPIPE.00011002', error_msg: 'description is longer than 1024 characters' })
    }
    const refs = this.refsOf(pipelineId, dto.sources)
    if (typeof refs === 'string') return reply(400, { error_code: 'DEVPIPE.00011003', error_msg: refs })
    const run = this.startRun(pipelineId, {
      refs,
      description: dto.description ?? '',
      variables: dto.variables ?? [],
      chooseStages: dto.choose_stages ?? [],
      chooseJobs: dto.choose_jobs ?? [],
      foreign: false
    })
    const foreign = this.options.pipelines[pipelineId]!.foreignRun
    if (foreign) setTimeout(() => this.startRun(pipelineId, { script: foreign.script }), foreign.afterMs).unref()
    if (run.queueId !== undefined) {
      const message = 'The maximum concurrency of a single pipeline is limited, enter the queue state'
      return reply(200, {
        error_code: 'DEVPIPE.00011169',
        error_msg: message,
        error: { code: 'DEVPIPE.00011169', message, pipeline_run_id: run.id, queue_id: run.queueId }
      })
    }
    reply(200, { pipeline_run_id: run.id })
  }

  /**
   * `POST .../pipelines/list` (ListPipelines), shaped as the SDK's ListPipelinesResponse: `offset`,
   * `limit`, `total` and `pipelines` (ListPipelinesPagePipelines), sorted as asked.
   */
  private listPipelines(body: Buffer, reply: Reply): void {
    const query = parse(body) ?? {}
    const offset = Number(query.offset ?? 0)
    const limit = Math.min(Number(query.limit ?? 10), this.options.listPageCap ?? Number.POSITIVE_INFINITY)
    const wanted = typeof query.name === 'string' && this.options.nameFilter !== 'ignored' ? query.name.toLowerCase() : ''
    const pipelines = Object.entries(this.options.pipelines)
      .filter(([, config]) => config.script.name.toLowerCase().includes(wanted))
      .sort(([, a], [, b]) => (query.sort_dir === 'desc' ? -1 : 1) * a.script.name.localeCompare(b.script.name))
    reply(200, {
      offset,
      limit,
      total: pipelines.length,
      pipelines: pipelines.slice(offset, offset + limit).map(([id, config]) => ({
        pipeline_id: id,
        name: config.script.name,
        project_id: this.projectId,
        project_name: 'shop',
        component_id: '',
        is_publish: false,
        is_collect: false,
        manifest_version: '3.0',
        create_time: 1_767_225_600_000,
        latest_run: this.latestOf(id)[0] ?? null
      }))
    })
  }

  /** `POST .../pipeline-runs/list`, newest first by default; items carry no description, as documented. */
  private listRuns(pipelineId: string, body: Buffer, reply: Reply): void {
    const query = parse(body) ?? {}
    const offset = Number(query.offset ?? 0)
    const limit = Number(query.limit ?? 10)
    // By start time, as asked: a queued run has none (0), so it comes last of a newest-first list.
    const started = (r: SimRun) => r.startedAt ?? 0
    const runs = this.runsOf(pipelineId)
      .filter((r) => this.visible(r))
      .sort((a, b) =>
        query.sort_dir === 'asc' ? started(a) - started(b) || a.number - b.number : started(b) - started(a) || b.number - a.number
      )
    reply(200, {
      offset,
      limit,
      total: runs.length,
      pipeline_runs: runs.slice(offset, offset + limit).map((run) => {
        const state = this.stateOf(run)
        return {
          pipeline_id: pipelineId,
          pipeline_run_id: run.id,
          status: state.queued ? 'QUEUED' : state.status,
          run_number: run.number,
          trigger_type: 'Manual',
          start_time: run.startedAt ?? 0,
          end_time: state.end !== undefined ? run.startedAt! + state.end : 0,
          detail_url: this.consoleUrl(run)
        }
      })
    })
  }

  /**
   * `POST .../steps/{step}/logs`: up to `limit` lines from byte `start_offset`, with the offset to
   * ask for next. A step still running has written only part of its log.
   */
  private stepLog(run: SimRun | undefined, jobId: string, stepId: string, body: Buffer, reply: Reply): void {
    const found = run && this.findStep(run, jobId, stepId)
    if (!run || !found) return reply(200, { error_code: 'DEVPIPE.00011407', error_msg: 'The step run does not exist' })
    const query = parse(body) ?? {}
    const limit = Number(query.limit)
    if (!Number.isInteger(limit) || limit < 1 || query.sort === undefined) {
      return reply(400, { error_code: 'DEVPIPE.00011001', error_msg: 'limit and sort are required' })
    }
    // Under the SDK's reading the request's end_offset says where the previous page ended.
    const echo = query.start_offset
    if (this.options.logPaging === 'end') query.start_offset = Number(query.end_offset ?? 0)
    const text = logOf(found.script)
    const elapsed = this.now() - (run.startedAt ?? this.now())
    const written =
      found.end !== undefined
        ? text.count
        : found.start === undefined
          ? 0
          : Math.floor((text.count * (elapsed - found.start)) / Math.max(1, found.script.durationMs))
    const visible = Math.min(text.count, written)
    // Resume mid-line where the previous page was cut, and cut this one if it is over budget.
    const from = Number(query.start_offset ?? 0)
    const { text: log, end } = logPage(text, from, limit, visible, this.options.logPageBytes)
    reply(200, {
      has_more: end < text.offsetOf(visible),
      start_offset: String(this.options.logPaging === 'end' ? (echo ?? 0) : from),
      end_offset: String(end),
      log,
      location: 'simulator',
      step_run_id: stepId
    })
  }

  private findStep(run: SimRun, jobId: string, stepId: string): StepState | undefined {
    const id = this.nodeId(run)
    for (const stage of this.stateOf(run).stages) {
      if (jobId === id('stage', stage.index)) {
        return [...stage.pre.map((s) => ['pre', s] as const), ...stage.post.map((s) => ['post', s] as const)].find(
          ([where, s]) => stepId === id(where, stage.index, s.index)
        )?.[1]
      }
      for (const job of stage.jobs) {
        if (jobId === id('job', stage.index, job.index)) return job.steps.find((s) => stepId === id('job', stage.index, job.index, s.index))
      }
    }
    return undefined
  }

  /** IDs of stages, jobs and steps: stable for a run, distinct across runs. */
  private nodeId(run: SimRun): (...path: (string | number)[]) => string {
    return (...path) =>
      createHash('sha256')
        .update([run.id, ...path].join('/'))
        .digest('hex')
        .slice(0, 32)
  }

  /** What a start's `sources` ask each repository to run, or why they are refused. */
  private refsOf(pipelineId: string, sources: unknown): SimRun['refs'] | string {
    const repositories = this.repositories(pipelineId)
    if (sources === undefined) return repositories.map((r) => ({ git_url: r.git_url, kind: 'branch', name: r.default_branch }))
    if (!Array.isArray(sources)) return 'sources must be an array'
    const refs: SimRun['refs'] = []
    for (const [i, source] of sources.entries()) {
      const params = source?.params ?? {}
      const build = params.build_params ?? {}
      if (typeof source?.type !== 'string') return `sources[${i}].type is required`
      if (!params.git_type || !params.git_url) return `sources[${i}].params.git_type and git_url are required`
      if (!repositories.some((r) => r.git_url === params.git_url && r.git_type === params.git_type))
        return `sources[${i}]: ${params.git_url} is not a source of this pipeline`
      if (build.build_type === 'branch' && build.target_branch)
        refs.push({ git_url: params.git_url, kind: 'branch', name: build.target_branch })
      else if (build.build_type === 'tag' && build.tag) refs.push({ git_url: params.git_url, kind: 'tag', name: build.tag })
      else return `sources[${i}].params.build_params needs build_type branch with target_branch, or tag with tag`
    }
    return refs
  }

  private stop(run: SimRun | undefined, reply: Reply): void {
    if (!run) return reply(200, { error_code: 'DEVPIPE.00011404', error_msg: 'The pipeline run does not exist' })
    const state = this.stateOf(run)
    if (run.startedAt === undefined || state.end !== undefined) {
      return reply(200, { error_code: 'DEVPIPE.00011405', error_msg: `The pipeline run is not running (${state.status})` })
    }
    run.stoppedAfter = this.now() - run.startedAt
    if (this.options.stopsSubPipelines) this.stopSubRuns(run)
    reply(200, { success: true })
  }

  /** ShowStepOutputs: a sub-pipeline step's outputs name the run it started. */
  private stepOutputs(run: SimRun | undefined, url: URL, reply: Reply): void {
    if (!run) return reply(200, { error_code: 'DEVPIPE.00011404', error_msg: 'The pipeline run does not exist' })
    const asked = (url.searchParams.get('step_run_ids') ?? '').split(',').filter((id) => id !== '')
    if (asked.length === 0) return reply(400, { error_code: 'DEVPIPE.00011001', error_msg: 'step_run_ids is required' })
    const value = (text: string) => (this.options.stepOutputValues === 'object' ? { value: text } : text)
    const step_outputs = asked.map((stepId) => {
      const sub = this.subRunOf(run, stepId)
      return {
        step_run_id: stepId,
        output_result: sub
          ? [
              { key: 'pipeline_id', value: value(sub.pipelineId) },
              { key: 'pipeline_run_id', value: value(sub.id) }
            ]
          : []
      }
    })
    reply(200, { step_outputs, current_system_time: this.now() })
  }

  private stopSubRuns(run: SimRun): void {
    for (const sub of this.runs.filter((r) => r.parent?.runId === run.id)) {
      if (sub.startedAt === undefined || this.stateOf(sub).end !== undefined) continue
      sub.stoppedAfter = this.now() - sub.startedAt
      this.stopSubRuns(sub)
    }
  }

  private cancelQueuing(run: SimRun | undefined, queueId: string, reply: Reply): void {
    if (!run || run.queueId !== queueId || run.startedAt !== undefined || run.dequeued) {
      return reply(200, { error_code: 'DEVPIPE.00011406', error_msg: 'The run is not in the queue' })
    }
    run.dequeued = true
    reply(200, { success: true })
  }

  private findRun(pipelineId: string, runId: string | null): SimRun | undefined {
    return this.runs.find((r) => r.pipelineId === pipelineId && r.id === runId && this.visible(r))
  }

  /** Whether the service lists a run yet (see hideNewRunsMs). */
  private visible(run: SimRun): boolean {
    return this.now() >= run.visibleAt
  }

  // ---- Response bodies -----------------------------------------------------------------------

  /** The pipeline's latest started run, as `POST .../pipelines/status` lists it (nothing if it never ran). */
  private latestOf(pipelineId: string): object[] {
    const started = this.runsOf(pipelineId).filter((r) => r.startedAt !== undefined && this.visible(r))
    const run = started.sort((a, b) => b.startedAt! - a.startedAt! || b.number - a.number)[0]
    if (!run) return []
    const state = this.stateOf(run)
    return [
      {
        pipeline_id: pipelineId,
        pipeline_run_id: run.id,
        executor_id: 'e0c1',
        executor_name: run.foreign ? 'someone-else' : 'github-actions',
        stage_status_list: state.stages.map((s) => ({
          name: s.script.name,
          sequence: s.index,
          status: s.status,
          start_time: s.start !== undefined ? dateTime(run.startedAt! + s.start) : null,
          end_time: s.end !== undefined ? dateTime(run.startedAt! + s.end) : null
        })),
        status: state.status,
        run_number: run.number,
        trigger_type: 'Manual',
        build_params: null,
        artifact_params: null,
        start_time: run.startedAt,
        end_time: state.end !== undefined ? run.startedAt! + state.end : 0,
        modify_url: '',
        detail_url: this.consoleUrl(run)
      }
    ]
  }

  private detailOf(run: SimRun): object {
    const state = this.stateOf(run)
    const base = run.startedAt ?? run.createdAt
    const at = (offset: number | undefined): number => (offset !== undefined ? base + offset : 0)
    const id = this.nodeId(run)
    const step = (s: StepState, ...path: (string | number)[]) => ({
      id: id(...path, s.index),
      name: s.script.name,
      task: s.script.subPipeline !== undefined ? 'official_devcloud_subPipeline' : 'official_shell_plugin',
      sequence: s.index,
      status: s.status,
      message: s.status === 'FAILED' ? s.script.fail : '',
      start_time: at(s.start),
      end_time: at(s.end)
    })
    return {
      id: run.id,
      pipeline_id: run.pipelineId,
      name: this.options.pipelines[run.pipelineId]!.script.name,
      description: run.description,
      manifest_version: '3.0',
      status: state.queued ? 'QUEUED' : state.status,
      trigger_type: 'Manual',
      run_number: run.number,
      start_time: run.startedAt ?? 0,
      end_time: at(state.end),
      detail_url: this.consoleUrl(run),
      sources: this.repositories(run.pipelineId).map((repo) => {
        const ref = run.refs.find((r) => r.git_url === repo.git_url)
        return {
          type: 'code',
          params: {
            ...repo,
            repo_name: repo.git_url.replace(/^.*\/|\.git$/g, ''),
            build_params:
              ref?.kind === 'tag'
                ? { build_type: 'tag', tag: ref.name }
                : { build_type: 'branch', target_branch: ref?.name ?? repo.default_branch }
          }
        }
      }),
      stages: state.stages.map((s) => ({
        id: id('stage', s.index),
        name: s.script.name,
        identifier: `stage_${s.index}`,
        sequence: s.index,
        status: s.status,
        start_time: at(s.start),
        end_time: at(s.end),
        pre: s.pre.map((p) => step(p, 'pre', s.index)),
        post: s.post.map((p) => step(p, 'post', s.index)),
        jobs: s.jobs.map((j) => ({
          id: id('job', s.index, j.index),
          name: j.script.name,
          identifier: `job_${s.index}_${j.index}`,
          sequence: j.index,
          status: j.status,
          message: j.message ?? '',
          start_time: at(j.start),
          end_time: at(j.end),
          steps: j.steps.map((st) => step(st, 'job', s.index, j.index))
        }))
      }))
    }
  }

  private consoleUrl(run: SimRun): string {
    return `${this.url}/console/${this.projectId}/${run.pipelineId}/${run.id}`
  }
}

function dateTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19)
}
