import type { GitRef } from '../../config/parse.js'
import type { CodeArtsConnection } from '../../config/settings.js'
import { PreconditionError, RemoteError } from '../../errors.js'
import { hasEnded, type RunDetail, type RunRef, type RunSnapshot, runKey, type TrackedRun } from '../../model.js'
import { isPlainId } from '../../net/ids.js'
import { arr, type JsonObject, obj, remoteTime, str } from '../../net/json.js'
import { type OwnHosts, ownLink } from '../../net/links.js'
import { HISTORY_RUNS, successDurations } from '../durations.js'
import { resolveNames } from '../names.js'
import type { PreparedStart, Provider, Search, StartContext, StartRequest } from '../provider.js'
import type { CodeArtsApi, RunBody } from './api.js'
import { stepLogLines } from './logs.js'
import { codeartsStatuses } from './status.js'
import { checkIdentity, detailFromRun, snapshotFromLatest, subRunsFromOutputs } from './translate.js'

// The batch status endpoint documents no limit on its list; keep requests modest.
const STATUS_BATCH = 20
// A lost start is looked for among the runs listed since shortly before it was sent (the runner's
// clock and the service's may disagree by minutes), a page of the list at a time.
const CLOCK_MARGIN_MS = 10 * 60_000
const LIST_PAGE = 20
const LIST_PAGES = 5
// ListPipelines documents no largest page; a modest one keeps each answer small.
const NAME_PAGE = 50
// Pipeline IDs are 32 letters and digits (docs/codearts.md, "Hosts and IDs").
const PIPELINE_ID = /^[0-9A-Za-z]{32}$/
// The CodeArts console: devcloud.{region}.huaweicloud.com (and console.huaweicloud.com, console-intl.…).
const CONSOLE_HOSTS = [/^devcloud\.[a-z0-9-]+\.huaweicloud\.com$/, /^console(-intl)?\.huaweicloud\.com$/]

export class CodeArtsProvider implements Provider {
  /** One batch status request reads this many pipelines. */
  readonly statusBatch = STATUS_BATCH
  private readonly api: CodeArtsApi
  private readonly conn: CodeArtsConnection
  /** Run and stage statuses from each run's last batch read: a change is what makes a detail worth reading. */
  private readonly seen = new Map<string, string>()
  /** Details of runs that have ended: they no longer change. */
  private readonly ended = new Map<string, RunDetail>()
  /** Descriptions of runs read while searching for a start's marker: they never change. */
  private readonly descriptions = new Map<string, string>()

  private readonly own: OwnHosts

  constructor(api: CodeArtsApi, conn: CodeArtsConnection) {
    this.api = api
    this.conn = conn
    this.own = { endpoint: conn.endpoint, hosts: CONSOLE_HOSTS }
  }

  /** The run's link as the service gives it, when it points at the service itself (links.ts). */
  private link<T extends RunSnapshot>(snapshot: T): T {
    if (snapshot.url === undefined) return snapshot
    const url = ownLink(snapshot.url, this.own)
    const { url: _untrusted, ...rest } = snapshot
    return (url !== undefined ? { ...rest, url } : rest) as T
  }

  async pipelineIdsOf(names: readonly string[]): Promise<string[]> {
    return resolveNames(
      names,
      (name, cursor) => this.api.listPipelines(name, Number(cursor ?? 0), NAME_PAGE),
      `CodeArts project ${this.conn.projectId}`,
      (id) => PIPELINE_ID.test(id)
    )
  }

  /** CodeArts keeps a run's description, so every run listed says for itself whether it is ours: no `before`. */
  async prepareStart(pipelineId: string, request: StartRequest): Promise<PreparedStart> {
    const body: RunBody = { description: request.description }
    if (request.variables.length > 0) body.variables = request.variables
    if (request.stages.length > 0) body.choose_stages = request.stages
    if (request.jobs.length > 0) body.choose_jobs = request.jobs
    if (request.ref) body.sources = await this.sourcesAt(pipelineId, request.ref)
    return { pipelineId, body }
  }

  async start(prepared: PreparedStart): Promise<TrackedRun> {
    const { pipelineId } = prepared
    const { runId, queueId } = await this.api.run(pipelineId, prepared.body as RunBody)
    return { pipelineId, runId, ...(queueId && { queueId }), url: this.consoleUrl(pipelineId, runId), startedHere: true }
  }

  async find(pipelineId: string, start: StartContext): Promise<Search> {
    const found: TrackedRun[] = []
    for (const runId of await this.runsSince(pipelineId, start.sentAt - CLOCK_MARGIN_MS)) {
      // The list has no descriptions, so each run's detail is read (once: descriptions never change).
      let description = this.descriptions.get(runId)
      if (description === undefined) {
        const detail = await this.api.runDetail(pipelineId, runId)
        checkIdentity(`reading run ${runId} of pipeline ${pipelineId}`, { pipelineId, runId }, detail['id'], detail['pipeline_id'])
        description = str(detail['description'])
        this.descriptions.set(runId, description)
      }
      if (description.includes(start.marker)) found.push({ pipelineId, runId, url: this.consoleUrl(pipelineId, runId), startedHere: true })
    }
    return { found, candidates: [] }
  }

  /**
   * The runs that started since `since` (pages of the list by start time, newest first, until one
   * started earlier), and every run waiting in the queue, which has not started at all.
   */
  private async runsSince(pipelineId: string, since: number): Promise<string[]> {
    const ids = new Set<string>()
    for (let page = 0; page < LIST_PAGES; page++) {
      const items = await this.api.recentRuns(pipelineId, page * LIST_PAGE, LIST_PAGE)
      for (const item of items) ids.add(str(item['pipeline_run_id']))
      const oldest = remoteTime(items.at(-1)?.['start_time'])
      if (items.length < LIST_PAGE || (oldest !== undefined && oldest.getTime() < since)) break
    }
    for (const id of await this.api.queuedRunIds(pipelineId)) ids.add(id)
    return [...ids].filter(isPlainId)
  }

  async latest(pipelineId: string): Promise<TrackedRun> {
    const item = (await this.api.latestRuns([pipelineId])).find((i) => str(i['pipeline_id']) === pipelineId)
    const runId = str(item?.['pipeline_run_id'])
    if (item === undefined || !isPlainId(runId)) {
      throw new PreconditionError(
        `finding the latest run of pipeline ${pipelineId}`,
        'the pipeline has never run; there is nothing to wait for'
      )
    }
    return { pipelineId, runId, url: ownLink(str(item['detail_url']), this.own) ?? this.consoleUrl(pipelineId, runId), startedHere: false }
  }

  adopt(pipelineId: string, runId: string): TrackedRun {
    return { pipelineId, runId, url: this.consoleUrl(pipelineId, runId), startedHere: false }
  }

  /** One page of ListPipelineRuns, newest first, with each run's `status`, `start_time` and `end_time`. */
  async history(pipelineId: string): Promise<number[]> {
    const statuses = codeartsStatuses.reader()
    const items = await this.api.recentRuns(pipelineId, 0, HISTORY_RUNS)
    return successDurations(
      items
        .slice(0, HISTORY_RUNS)
        .map((item) => ({ state: statuses.run(str(item['status'])), start: item['start_time'], end: item['end_time'] }))
    )
  }

  /**
   * One batch request gives the latest run of every pipeline asked about, and its stages. A run's
   * detail (its jobs and steps) is read here only where the batch cannot tell or the report needs
   * it: the latest run is not ours (someone started a newer one, or ours is queued), or the batch
   * shows a change that ends, fails or pauses something (so the job behind it is named at once, and
   * an ended run is read once). A stage that merely started or passed needs no detail. Jobs that run
   * side by side are read by the wait loop at its own slower cadence (wait/plan.ts, DetailWatch).
   * Another run's status is never taken for ours.
   */
  async poll(runs: readonly RunRef[]): Promise<Map<string, RunSnapshot>> {
    const pipelineIds = [...new Set(runs.map((r) => r.pipelineId))]
    const latest = new Map<string, JsonObject>()
    for (let i = 0; i < pipelineIds.length; i += STATUS_BATCH) {
      const asked = pipelineIds.slice(i, i + STATUS_BATCH)
      for (const item of await this.api.latestRuns(asked)) {
        // An item for a pipeline not asked about, or a second item for one, is not trusted as ours.
        const id = str(item['pipeline_id'])
        if (!asked.includes(id)) continue
        if (latest.has(id)) latest.set(id, {})
        else latest.set(id, item)
      }
    }
    const snapshots = new Map<string, RunSnapshot>()
    const needDetail: RunRef[] = []
    const changed: [string, string][] = []
    for (const run of runs) {
      const item = latest.get(run.pipelineId)
      if (item === undefined || str(item['pipeline_run_id']) !== run.runId) {
        needDetail.push(run)
        continue
      }
      const snapshot = this.link(snapshotFromLatest(item))
      const fingerprint = [snapshot.status, ...snapshot.stages.map((s) => `${s.name}=${s.status}`)].join('|')
      if (this.seen.get(runKey(run)) !== fingerprint && tellsOfAnEnd(snapshot)) {
        needDetail.push(run)
        changed.push([runKey(run), fingerprint])
      } else {
        this.seen.set(runKey(run), fingerprint)
        snapshots.set(runKey(run), snapshot)
      }
    }
    const details = await Promise.all(needDetail.map((run) => this.detail(run)))
    for (const [i, run] of needDetail.entries()) snapshots.set(runKey(run), details[i]!)
    // Only once the detail is in: a detail that failed is read again at the next poll.
    for (const [key, fingerprint] of changed) this.seen.set(key, fingerprint)
    return snapshots
  }

  async detail(run: RunRef, fresh = false): Promise<RunDetail> {
    const cached = this.ended.get(runKey(run))
    if (cached && !fresh) return cached
    const detail = this.link(detailFromRun(await this.api.runDetail(run.pipelineId, run.runId), run))
    if (hasEnded(detail.state)) this.ended.set(runKey(run), detail)
    return detail
  }

  stepLog(run: RunRef, logKey: string): AsyncIterable<string> {
    return stepLogLines(this.api, run, logKey)
  }

  async subRuns(run: RunRef, stepIds: readonly string[]): Promise<Map<string, TrackedRun>> {
    const asked = stepIds.filter(isPlainId)
    const runs = new Map<string, TrackedRun>()
    if (asked.length === 0) return runs
    const found = subRunsFromOutputs(await this.api.stepOutputs(run.pipelineId, run.runId, asked), asked)
    for (const [stepId, sub] of found) {
      runs.set(stepId, { ...sub, url: this.consoleUrl(sub.pipelineId, sub.runId), startedHere: false })
    }
    return runs
  }

  async stop(run: RunRef): Promise<boolean> {
    if (run.queueId !== undefined) {
      try {
        if (await this.api.cancelQueuing(run.pipelineId, run.runId, run.queueId)) return true
      } catch (error) {
        // It may have left the queue since it was started; then it is a running run to stop.
        if (!(error instanceof RemoteError)) throw error
      }
    }
    return this.api.stop(run.pipelineId, run.runId)
  }

  /**
   * The pipeline's code sources, pointed at `ref`. A start that names a branch must repeat each
   * source's repository (git_type, git_url, …), which the API gives only in a run's detail, so the
   * latest run's sources are reused. Every code source gets the ref: a pipeline that builds several
   * repositories needs the branch or tag to exist in each.
   */
  private async sourcesAt(pipelineId: string, ref: GitRef): Promise<JsonObject[]> {
    const action = `finding the repositories of pipeline ${pipelineId} to run ${ref.kind} ${ref.name}`
    const latest = (await this.api.latestRuns([pipelineId])).find((i) => str(i['pipeline_id']) === pipelineId)
    const runId = str(latest?.['pipeline_run_id'])
    if (!isPlainId(runId)) {
      throw new PreconditionError(
        action,
        'the pipeline has never run, so its repositories are unknown; run it once in the console, or leave ref empty'
      )
    }
    const detail = await this.api.runDetail(pipelineId, runId)
    checkIdentity(action, { pipelineId, runId }, detail['id'], detail['pipeline_id'])
    const sources = arr(detail['sources']).map(obj)
    const code = sources.filter((s) => str(s['type']) === 'code')
    if (code.length === 0)
      throw new PreconditionError(action, 'the pipeline has no code repository to run a branch or tag of; leave ref empty')
    return sources.map((source) => {
      if (str(source['type']) !== 'code') return source
      const params = obj(source['params'])
      const keep = ['git_type', 'git_url', 'codehub_id', 'default_branch', 'endpoint_id', 'alias'].filter((k) => str(params[k]) !== '')
      return {
        type: 'code',
        params: {
          ...Object.fromEntries(keep.map((k) => [k, params[k]])),
          build_params:
            ref.kind === 'branch'
              ? { build_type: 'branch', target_branch: ref.name, event_type: 'Manual' }
              : { build_type: 'tag', tag: ref.name, event_type: 'Manual' }
        }
      }
    })
  }

  /**
   * The console page of a run, for links printed before the service has told us its own
   * `detail_url`. Form from the CodeArts console (docs/codearts.md, "Not verified against the live service").
   */
  private consoleUrl(pipelineId: string, runId: string): string {
    const console = `https://devcloud.${this.conn.region}.huaweicloud.com/cicd/project/${this.conn.projectId}`
    return `${console}/pipeline/detail/${pipelineId}/${runId}?v=1`
  }
}

/** Whether the run, or one of its stages, has ended other than by passing, or waits for a person; or the run has ended. */
function tellsOfAnEnd(snapshot: RunSnapshot): boolean {
  if (snapshot.state !== 'running') return true
  return snapshot.stages.some((s) => s.state === 'failure' || s.state === 'cancelled' || s.state === 'manual')
}
