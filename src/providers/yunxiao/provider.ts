import type { GitRef } from '../../config/parse.js'
import type { YunxiaoConnection } from '../../config/settings.js'
import { isTransient, PreconditionError } from '../../errors.js'
import {
  hasEnded,
  type JobDetail,
  type RunDetail,
  type RunRef,
  type RunSnapshot,
  runKey,
  type StepDetail,
  type TrackedRun
} from '../../model.js'
import { isPlainId } from '../../net/ids.js'
import { arr, type JsonObject, obj, remoteTime, str } from '../../net/json.js'
import { HISTORY_RUNS, successDurations } from '../durations.js'
import { resolveNames } from '../names.js'
import type { PreparedStart, Provider, Search, StartContext, StartRequest } from '../provider.js'
import type { JobSteps, RunParams, YunxiaoApi } from './api.js'
import { stepLogLines } from './logs.js'
import { yunxiaoStatuses } from './status.js'
import { checkIdentity, detailFromRun } from './translate.js'

// Pipeline IDs are whole numbers (docs/yunxiao.md).
const PIPELINE_ID = /^[1-9]\d{0,18}$/
// Yunxiao has no batch status read: each run is one request. A cycle reads at most this many runs,
// the first asked (the wait loop asks the most overdue first, and the rest again a second later),
// so that many pipelines cannot turn one cycle into a burst.
const READS_PER_CYCLE = 8
const PARALLEL_READS = 4
// Runs listed since this long before a start was sent are searched for it: the runner's clock and
// the service's may disagree by a few minutes.
const CLOCK_MARGIN_MS = 10 * 60_000
// The run list's order is documented nowhere, so history is one page of the runs started in the
// last week, sorted here by start time.
const HISTORY_WINDOW_MS = 7 * 24 * 3_600_000
// Trigger modes of runs that no API start makes: scheduled, code commit, another pipeline, webhook.
const AUTOMATIC_TRIGGERS = new Set(['2', '3', '5', '6'])
/**
 * The run variable that carries the start's marker. The run's comment carries it too, but a
 * PipelineRun does not show its comment; it does list its variables (globalParams).
 */
export const MARKER_VARIABLE = 'GITHUB_START_MARKER'

export class YunxiaoProvider implements Provider {
  /** Each run is read on its own, jobs included: its status read is its detail. */
  readonly statusHasJobs = true
  private readonly api: YunxiaoApi
  private readonly conn: YunxiaoConnection
  /** Steps of jobs that have ended, by `runId/jobId`: they no longer change. */
  private readonly endedSteps = new Map<string, StepDetail[]>()
  private readonly endedRuns = new Map<string, RunDetail>()
  private readonly names = new Map<string, Promise<string | undefined>>()

  constructor(api: YunxiaoApi, conn: YunxiaoConnection) {
    this.api = api
    this.conn = conn
  }

  async pipelineIdsOf(names: readonly string[]): Promise<string[]> {
    const scope = this.conn.organizationId !== undefined ? `organization ${this.conn.organizationId}` : this.conn.endpoint
    return resolveNames(
      names,
      (name, cursor) => this.api.listPipelines(name, cursor),
      scope,
      (id) => PIPELINE_ID.test(id)
    )
  }

  /**
   * The newest run number is read before a start: runs numbered above it appeared after, which is
   * how a start whose answer was lost is looked for where the marker does not show (docs/yunxiao.md).
   */
  async prepareStart(pipelineId: string, request: StartRequest): Promise<PreparedStart> {
    const params: RunParams = {
      envs: { ...Object.fromEntries(request.variables.map((v) => [v.name, v.value])), [MARKER_VARIABLE]: request.marker },
      comment: request.description
    }
    const latest = await this.api.latestRunId(pipelineId)
    if (request.ref) Object.assign(params, await this.refParams(pipelineId, request.ref, latest))
    return { pipelineId, before: latest ?? '0', body: params }
  }

  async start(prepared: PreparedStart): Promise<TrackedRun> {
    const { pipelineId } = prepared
    const runId = await this.api.startRun(pipelineId, prepared.body as RunParams)
    return { pipelineId, runId, url: this.consoleUrl(pipelineId, runId), startedHere: true }
  }

  /**
   * Runs that appeared since the start was sent are examined. Where the service lists a run's
   * variables, each says whether it carries the marker (a record that does not list them is
   * unverifiable); where it never does (the 2021 API), any run that could have come from a start is
   * a candidate: one that no schedule, commit, other pipeline or webhook started, on the branch or
   * tag asked for.
   */
  async find(pipelineId: string, start: StartContext): Promise<Search> {
    const found: TrackedRun[] = []
    const candidates: TrackedRun[] = []
    const unverifiable: TrackedRun[] = []
    const after = BigInt(start.before ?? '0')
    for (const item of await this.api.runsSince(pipelineId, start.sentAt - CLOCK_MARGIN_MS)) {
      const runId = str(item['pipelineRunId'])
      if (!/^[1-9]\d*$/.test(runId) || BigInt(runId) <= after || found.concat(candidates).some((r) => r.runId === runId)) continue
      if (AUTOMATIC_TRIGGERS.has(str(item['triggerMode']))) continue
      const run = await this.api.getRun(pipelineId, runId)
      checkIdentity({ pipelineId, runId }, run)
      const tracked = { pipelineId, runId, url: this.consoleUrl(pipelineId, runId), startedHere: true }
      const variables = run['globalParams']
      if (Array.isArray(variables)) {
        if (variables.map(obj).some((p) => str(p['key']) === MARKER_VARIABLE && str(p['value']) === start.marker)) found.push(tracked)
      } else if (start.ref !== undefined && !runsRef(run, start.ref)) {
      } else if (this.api.listsVariables) {
        // This API lists a run's variables: a record without them cannot say whose run it is.
        unverifiable.push(tracked)
      } else {
        candidates.push(tracked)
      }
    }
    return { found, candidates, unverifiable }
  }

  async latest(pipelineId: string): Promise<TrackedRun> {
    const runId = await this.api.latestRunId(pipelineId)
    if (runId === undefined) {
      throw new PreconditionError(
        `finding the latest run of pipeline ${pipelineId}`,
        'the pipeline has never run; there is nothing to wait for'
      )
    }
    return this.adopt(pipelineId, runId)
  }

  adopt(pipelineId: string, runId: string): TrackedRun {
    return { pipelineId, runId, url: this.consoleUrl(pipelineId, runId), startedHere: false }
  }

  /** One page of ListPipelineRuns (`status`, `startTime`, `endTime` in both APIs), newest first by start time. */
  async history(pipelineId: string, now: number): Promise<number[]> {
    const statuses = yunxiaoStatuses.reader()
    const items = await this.api.runsSince(pipelineId, now - HISTORY_WINDOW_MS, 1)
    const started = (item: JsonObject) => remoteTime(item['startTime'])?.getTime() ?? 0
    const newest = [...items].sort((a, b) => started(b) - started(a)).slice(0, HISTORY_RUNS)
    return successDurations(
      newest.map((item) => ({ state: statuses.run(str(item['status'])), start: item['startTime'], end: item['endTime'] }))
    )
  }

  async poll(runs: readonly RunRef[]): Promise<Map<string, RunSnapshot>> {
    const turn = runs.slice(0, READS_PER_CYCLE)
    const snapshots = new Map<string, RunSnapshot>()
    for (let i = 0; i < turn.length; i += PARALLEL_READS) {
      const batch = turn.slice(i, i + PARALLEL_READS)
      const details = await Promise.all(batch.map((run) => this.detail(run)))
      for (const [j, run] of batch.entries()) snapshots.set(runKey(run), details[j]!)
    }
    return snapshots
  }

  async detail(run: RunRef, fresh = false): Promise<RunDetail> {
    const cached = this.endedRuns.get(runKey(run))
    if (cached && !fresh) return { ...cached, url: this.consoleUrl(run.pipelineId, run.runId) }
    const body = await this.api.getRun(run.pipelineId, run.runId)
    checkIdentity(run, body)
    const jobs = new Map<string, StepDetail[]>()
    // Steps are read once a job has ended: before that they are still changing.
    const probe = detailFromRun(body, () => [])
    for (const job of probe.stages.flatMap((s) => s.jobs)) {
      if (job.id !== '' && (hasEnded(job.state) || job.state === 'skipped')) jobs.set(job.id, await this.stepsOf(run, job))
    }
    const name = await this.nameOf(run.pipelineId)
    const detail = { ...detailFromRun(body, (job) => jobs.get(job.id) ?? []), ...(name !== undefined && { pipelineName: name }) }
    if (hasEnded(detail.state)) this.endedRuns.set(runKey(run), detail)
    return { ...detail, url: this.consoleUrl(run.pipelineId, run.runId) }
  }

  /** Read once per pipeline; a failure only costs the name, so it is not an error. */
  private nameOf(pipelineId: string): Promise<string | undefined> {
    let name = this.names.get(pipelineId)
    if (name === undefined) {
      name = this.api.pipelineName(pipelineId).catch(() => {
        this.names.delete(pipelineId)
        return undefined
      })
      this.names.set(pipelineId, name)
    }
    return name
  }

  async stop(run: RunRef): Promise<boolean> {
    return this.api.stopRun(run.pipelineId, run.runId)
  }

  stepLog(run: RunRef, logKey: string): AsyncIterable<string> {
    return stepLogLines(this.api, run, logKey)
  }

  /**
   * A finished job's steps, each with its own paged log; where the API has no steps, or none of a
   * failed job's steps shows the failure, the job's whole log stands in as one step.
   */
  private async stepsOf(run: RunRef, job: JobDetail): Promise<StepDetail[]> {
    const key = `${runKey(run)}/${job.id}`
    const cached = this.endedSteps.get(key)
    if (cached) return cached
    const jobLog: StepDetail = { id: `${job.id}.log`, name: 'job log', status: job.status, state: job.state, logKey: `job:${job.id}` }
    let found: JobSteps | undefined
    try {
      found = await this.api.jobSteps(run.pipelineId, run.runId, job.id)
    } catch (error) {
      // Read again next time; meanwhile the job's log stands in.
      if (isTransient(error)) return [jobLog]
      found = undefined
    }
    // States are read where the whole run is read (translate.ts), so that unknown words are noted.
    const steps: StepDetail[] = (found?.steps ?? []).map((s) => ({
      id: `${job.id}.${s.index}`,
      name: s.name || `step ${s.index}`,
      status: s.status.toUpperCase(),
      state: 'running',
      ...(isPlainId(found!.buildId) && isPlainId(s.index) && { logKey: `step:${job.id}:${found!.buildId}:${s.index}` })
    }))
    const failedStep = (found?.steps ?? []).some((s) => /^(FAIL|FAILED|TIMEOUT)$/i.test(s.status))
    const shown = job.state === 'failure' && !failedStep ? [...steps, jobLog] : steps.length > 0 ? steps : [jobLog]
    this.endedSteps.set(key, shown)
    return shown
  }

  /** `runningBranchs`/`runningTags` for every repository of the pipeline, as its latest run lists them. */
  private async refParams(pipelineId: string, ref: GitRef, latest: string | undefined): Promise<Partial<RunParams>> {
    const action = `finding the repositories of pipeline ${pipelineId} to run ${ref.kind} ${ref.name}`
    if (latest === undefined)
      throw new PreconditionError(
        action,
        'the pipeline has never run, so its repositories are unknown; run it once in Yunxiao, or leave ref empty'
      )
    const run = await this.api.getRun(pipelineId, latest)
    checkIdentity({ pipelineId, runId: latest }, run)
    const repos = arr(run['sources'])
      .map((s) => str(obj(obj(s)['data'])['repo']))
      .filter((repo) => repo !== '')
    if (repos.length === 0)
      throw new PreconditionError(action, 'the pipeline has no code repository to run a branch or tag of; leave ref empty')
    const map = Object.fromEntries(repos.map((repo) => [repo, ref.name]))
    return ref.kind === 'branch' ? { runningBranchs: map } : { runningTags: map }
  }

  /** The console page of a run (flow.aliyun.com on the central edition; the region edition's own domain). */
  private consoleUrl(pipelineId: string, runId: string): string {
    const host = this.conn.api === 'openapi' && this.conn.organizationId === undefined ? this.conn.endpoint : 'https://flow.aliyun.com'
    return `${host}/pipelines/${pipelineId}/builds/${runId}`
  }
}

/** Whether a run's code sources run the branch or tag asked for (an unreadable source cannot rule it out). */
function runsRef(run: JsonObject, ref: GitRef): boolean {
  const sources = arr(run['sources']).map((s) => obj(obj(s)['data']))
  const named = sources.map((data) => str(data[ref.kind === 'branch' ? 'branch' : 'tag'])).filter((name) => name !== '')
  return named.length === 0 || named.includes(ref.name)
}
