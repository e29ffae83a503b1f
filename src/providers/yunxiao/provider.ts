import { isTransient, PreconditionError } from '../../errors.js'
import { arr, num, obj, str } from '../../json.js'
import { runKey, type JobDetail, type RunDetail, type RunRef, type RunSnapshot, type StepDetail, type TrackedRun } from '../../model.js'
import type { GitRef } from '../../parse.js'
import type { YunxiaoConnection } from '../../settings.js'
import { pagedLines, splitLines } from '../log-lines.js'
import type { Provider, StartRequest } from '../provider.js'
import type { RunParams, YunxiaoApi } from './api.js'
import { stateOf } from './status.js'
import { detailFromRun } from './translate.js'

// Yunxiao has no batch status read: each run is one request. A cycle reads at most this many runs,
// taking turns, so that many pipelines cannot turn one cycle into a burst.
const READS_PER_CYCLE = 8
const PARALLEL_READS = 4
const RECENT_RUNS = 10
const LOG_PAGE_LINES = 1_000
/**
 * The run variable that carries the start's marker. The run's comment carries it too, but a
 * PipelineRun does not show its comment; it does list its variables (globalParams).
 */
export const MARKER_VARIABLE = 'GITHUB_START_MARKER'

export class YunxiaoProvider implements Provider {
  private readonly api: YunxiaoApi
  private readonly conn: YunxiaoConnection
  private cursor = 0
  /** Steps of jobs that have ended, by `runId/jobId`: they no longer change. */
  private readonly endedSteps = new Map<string, StepDetail[]>()
  private readonly endedRuns = new Map<string, RunDetail>()
  private readonly names = new Map<string, Promise<string | undefined>>()

  constructor(api: YunxiaoApi, conn: YunxiaoConnection) {
    this.api = api
    this.conn = conn
  }

  async start(pipelineId: string, request: StartRequest): Promise<TrackedRun> {
    const params: RunParams = {
      envs: { ...Object.fromEntries(request.variables.map((v) => [v.name, v.value])), [MARKER_VARIABLE]: request.marker },
      comment: request.description
    }
    if (request.ref) Object.assign(params, await this.refParams(pipelineId, request.ref))
    const runId = await this.api.startRun(pipelineId, params)
    return { pipelineId, runId, url: this.consoleUrl(pipelineId, runId), startedHere: true }
  }

  async find(pipelineId: string, marker: string): Promise<TrackedRun | undefined> {
    for (const item of await this.api.recentRuns(pipelineId, RECENT_RUNS)) {
      const runId = str(item['pipelineRunId'])
      if (runId === '') continue
      const run = await this.api.getRun(pipelineId, runId)
      const variables = arr(run['globalParams']).map(obj)
      if (variables.some((p) => str(p['key']) === MARKER_VARIABLE && str(p['value']) === marker)) {
        return { pipelineId, runId, url: this.consoleUrl(pipelineId, runId), startedHere: true }
      }
    }
    return undefined
  }

  async latest(pipelineId: string): Promise<TrackedRun> {
    const ids = (await this.api.recentRuns(pipelineId, RECENT_RUNS)).map((r) => num(r['pipelineRunId']) ?? 0)
    const newest = Math.max(0, ...ids)
    if (newest === 0) {
      throw new PreconditionError(`finding the latest run of pipeline ${pipelineId}`, 'the pipeline has never run; there is nothing to wait for')
    }
    return { ...this.adopt(pipelineId, String(newest)) }
  }

  adopt(pipelineId: string, runId: string): TrackedRun {
    return { pipelineId, runId, url: this.consoleUrl(pipelineId, runId), startedHere: false }
  }

  async poll(runs: readonly RunRef[]): Promise<Map<string, RunSnapshot>> {
    const count = Math.min(READS_PER_CYCLE, runs.length)
    const turn = Array.from({ length: count }, (_, i) => runs[(this.cursor + i) % runs.length]!)
    this.cursor = (this.cursor + count) % Math.max(1, runs.length)
    const snapshots = new Map<string, RunSnapshot>()
    for (let i = 0; i < turn.length; i += PARALLEL_READS) {
      const batch = turn.slice(i, i + PARALLEL_READS)
      const details = await Promise.all(batch.map((run) => this.detail(run)))
      batch.forEach((run, j) => snapshots.set(runKey(run), details[j]!))
    }
    return snapshots
  }

  async detail(run: RunRef): Promise<RunDetail> {
    const cached = this.endedRuns.get(runKey(run))
    if (cached) return cached
    const body = await this.api.getRun(run.pipelineId, run.runId)
    const jobs = new Map<string, StepDetail[]>()
    // Steps are read once a job has ended: before that they are still changing.
    const probe = detailFromRun(body, () => [])
    for (const job of probe.stages.flatMap((s) => s.jobs)) {
      if (job.state !== 'running' && job.state !== 'manual') jobs.set(job.id, await this.stepsOf(run, job))
    }
    const name = await this.nameOf(run.pipelineId)
    const detail = { ...detailFromRun(body, (job) => jobs.get(job.id) ?? []), ...(name !== undefined && { pipelineName: name }) }
    if (detail.state === 'success' || detail.state === 'failure' || detail.state === 'cancelled') this.endedRuns.set(runKey(run), detail)
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

  async stop(run: RunRef): Promise<void> {
    await this.api.stopRun(run.pipelineId, run.runId)
  }

  /**
   * A step's log page by page (offset paging, passing back where the service says the next page
   * starts); or, for a job without step-level logs, the job's whole log.
   */
  async *stepLog(run: RunRef, logKey: string): AsyncIterable<string> {
    const [kind, jobId = '', buildId = '', stepIndex = ''] = logKey.split(':')
    if (kind === 'job') {
      yield* splitLines(await this.api.jobLog(run.pipelineId, run.runId, jobId))
      return
    }
    yield* pagedLines((offset) => this.api.stepLogPage(run.pipelineId, run.runId, jobId, buildId, stepIndex, offset, LOG_PAGE_LINES))
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
    let found
    try {
      found = await this.api.jobSteps(run.pipelineId, run.runId, job.id)
    } catch (error) {
      // Read again next time; meanwhile the job's log stands in.
      if (isTransient(error)) return [jobLog]
      found = undefined
    }
    const steps: StepDetail[] = (found?.steps ?? []).map((s) => {
      const status = s.status.toUpperCase()
      return { id: `${job.id}.${s.index}`, name: s.name, status, state: stateOf(status), logKey: `step:${job.id}:${found!.buildId}:${s.index}` }
    })
    const shown = job.state === 'failure' && !steps.some((s) => s.state === 'failure') ? [...steps, jobLog] : steps.length > 0 ? steps : [jobLog]
    this.endedSteps.set(key, shown)
    return shown
  }

  /** `runningBranchs`/`runningTags` for every repository of the pipeline, as its latest run lists them. */
  private async refParams(pipelineId: string, ref: GitRef): Promise<Partial<RunParams>> {
    const action = `finding the repositories of pipeline ${pipelineId} to run ${ref.kind} ${ref.name}`
    const latest = await this.latest(pipelineId).catch(() => undefined)
    if (latest === undefined) throw new PreconditionError(action, 'the pipeline has never run, so its repositories are unknown; run it once in Yunxiao, or leave ref empty')
    const repos = arr((await this.api.getRun(pipelineId, latest.runId))['sources'])
      .map((s) => str(obj(obj(s)['data'])['repo']))
      .filter((repo) => repo !== '')
    if (repos.length === 0) throw new PreconditionError(action, 'the pipeline has no code repository to run a branch or tag of; leave ref empty')
    const map = Object.fromEntries(repos.map((repo) => [repo, ref.name]))
    return ref.kind === 'branch' ? { runningBranchs: map } : { runningTags: map }
  }

  /** The console page of a run (flow.aliyun.com on the central edition; the region edition's own domain). */
  private consoleUrl(pipelineId: string, runId: string): string {
    const host = this.conn.api === 'openapi' && this.conn.organizationId === undefined ? this.conn.endpoint : 'https://flow.aliyun.com'
    return `${host}/pipelines/${pipelineId}/builds/${runId}`
  }
}
