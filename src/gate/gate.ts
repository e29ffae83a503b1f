// The gate: start (or find) the runs, wait, stop what must be stopped, report. Every effect on the
// world goes through `ActionIO` or the provider, so tests can run this against the simulator.

import type { ActionIO } from '../action/io.js'
import { type PendingStart, saveAbandoned, savePending, saveRefusal } from '../action/state.js'
import { abandonedEnding, type CheckRuns, endingOf, openCheckRuns } from '../checks/check-runs.js'
import { shown } from '../config/parse.js'
import type { Settings } from '../config/settings.js'
import { AbortedError, isExplained, StartRefusedError } from '../errors.js'
import type { Logger } from '../log/logger.js'
import { type Conclusion, hasEnded, isDetail, type RunDetail, type RunSnapshot, runKey, type TrackedRun } from '../model.js'
import { inRounds } from '../net/rounds.js'
import { serviceName } from '../providers/index.js'
import type { Provider, StartContext } from '../providers/provider.js'
import { RunLabels } from '../report/labels.js'
import { writeOutputs } from '../report/outputs.js'
import { print } from '../report/printout.js'
import { progressLines } from '../report/progress.js'
import { Reporter } from '../report/reporter.js'
import { failureLine, type Interruption, overallConclusion, type RunResult, resultOf, startedResult } from '../report/results.js'
import { renderSummary, type SummaryInput } from '../report/summary.js'
import { type WaitResult, waitForRuns } from '../wait/wait.js'
import { newMarker, startRequest } from './request.js'
import type { Session } from './session.js'
import { duplicatesOf, SEARCH_WINDOW_MS, startOnce } from './start.js'
import { type StopOutcome, stopRuns } from './stop.js'

/** A start whose request has left: its run, once known, and what a search for it would need. */
interface StartRecord {
  pipelineId: string
  context: StartContext
  run?: TrackedRun
  sentAgain?: boolean
  /** When it was last checked for a duplicate (see stopDuplicates), and the duplicates dealt with. */
  checkedAt?: number
  duplicates?: Set<string>
}

/**
 * One step's work: start the runs (or find them), wait until they end, stop what must be stopped,
 * and report. It knows runs only through the Provider, and the runner only through ActionIO.
 */
export class Gate {
  private readonly settings: Settings
  private readonly io: ActionIO
  private readonly session: Session
  private readonly provider: Provider
  private readonly logger: Logger
  /** Every run this step knows of, in pipeline order, added the moment it exists. */
  private readonly runs: TrackedRun[] = []
  /** Every start request that has left, in order; the last may not have its run yet. */
  private readonly starts: StartRecord[] = []
  private readonly reporter: Reporter
  private readonly labels = new RunLabels()
  private readonly warnedStatuses = new Set<string>()
  /** The pipelines, in input order: `pipeline-ids`, or the IDs of `pipelines` once looked up. */
  private pipelineIds: readonly string[]
  /** One check run per run on GitHub; does nothing when check runs are off (checks/). */
  private readonly checks: CheckRuns

  constructor(settings: Settings, io: ActionIO, session: Session) {
    this.settings = settings
    this.io = io
    this.session = session
    this.provider = session.provider
    this.logger = io.logger
    this.reporter = new Reporter(session.provider, settings.report)
    this.pipelineIds = settings.pipelineIds
    this.checks = openCheckRuns(settings.checks, {
      origin: io.origin(),
      logger: io.logger,
      service: serviceName(settings.connection),
      signal: () => session.clock.signal,
      name: (pipelineId) => this.labels.name(pipelineId),
      describe: (run) => this.provider.detail(run),
      ...(io.tuning?.retry && { retry: io.tuning.retry })
    })
  }

  async run(): Promise<void> {
    try {
      await this.findByName()
      await this.obtainRuns()
      if (this.settings.mode === 'trigger') {
        this.session.clock.beginCleanup()
        await this.stopDuplicates()
        // The runs are meant to go on after this step: nothing for the post step to stop.
        this.settle([])
        const started = this.runs.map(startedResult)
        writeOutputs(this.io.setOutput, started, 'success')
        this.io.report?.(this.summaryInput(started, 'success', new Map()))
        await this.checks.settle()
        return
      }
      const progress = progressLines((run) => this.labels.label(run))
      const waited = await waitForRuns(this.runs, this.settings.wait, {
        provider: this.provider,
        logger: this.logger,
        signal: this.session.clock.signal,
        onSnapshot: async (run, previous, current) => {
          this.labels.remember(run, current)
          this.warnUnknownStatuses(run, current)
          for (const line of progress(run, previous, current)) this.logger.info(line)
          this.checks.update(run, current, this.labels.label(run))
          // A job can fail long before its run ends; say why at once.
          if (isDetail(current)) await print(this.logger, await this.reporter.onDetail(run, current, this.labels.label(run)))
        },
        onCycle: () => this.stopDuplicates(true),
        notFoundGraceUntil: Math.max(0, ...this.starts.map((s) => s.context.sentAt)) + (this.io.tuning?.searchWindowMs ?? SEARCH_WINDOW_MS)
      })
      this.session.clock.beginCleanup()
      const stops = waited.interrupted ? await this.stopUnfinished(waited.snapshots, waited.interrupted) : []
      await this.stopDuplicates()
      const finals = await this.finalDetails()
      const results = this.runs.map((run) => this.resultFor(run, waited, finals.get(runKey(run)), stops))
      const conclusion = overallConclusion(results, waited.interrupted)
      writeOutputs(this.io.setOutput, results, conclusion)
      this.settle(stops.filter((s) => !s.confirmed).map((s) => s.run))
      const summary = this.summaryInput(results, conclusion, finals, waited.snapshots)
      this.io.report?.(summary)
      if (this.settings.report.summary) await this.writeSummary(summary)
      await this.checks.complete(
        this.runs.map((run, i) =>
          endingOf(run, this.labels.label(run), results[i]!, {
            snapshot: waited.snapshots.get(runKey(run)),
            detail: finals.get(runKey(run)),
            failedLogs: this.reporter.failedLogs.get(runKey(run)) ?? []
          })
        )
      )
      if (conclusion !== 'success') {
        this.io.setFailed(failureLine(results, waited.interrupted, this.settings.wait.timeoutMs, (id) => this.labels.name(id)))
      }
    } catch (error) {
      await this.abandon(error)
    }
  }

  /** `pipelines`: every name is looked up before anything starts, so that a wrong name starts nothing. */
  private async findByName(): Promise<void> {
    const names = this.settings.pipelineNames
    if (names.length === 0) return
    this.pipelineIds = await this.provider.pipelineIdsOf(names)
    for (const [i, name] of names.entries()) this.logger.info(`Pipeline ${shown(name)} is ${this.pipelineIds[i]}`)
  }

  /** Starts each pipeline in order (or finds the runs to wait on). */
  private async obtainRuns(): Promise<void> {
    if (this.settings.mode === 'wait') {
      for (const [i, pipelineId] of this.pipelineIds.entries()) {
        const runId = this.settings.runIds[i]
        const run =
          runId !== undefined
            ? this.provider.adopt(pipelineId, runId)
            : await inRounds(
                () => this.provider.latest(pipelineId),
                4,
                this.io.tuning?.settleMs ?? 2_000,
                () => this.session.clock.signal
              )
        this.runs.push(run)
        this.checks.begin(run)
        this.logger.info(`Waiting on pipeline ${pipelineId} run ${run.runId}: ${run.url}`)
      }
      return
    }
    // One at a time, so that a refused credential fails on the first pipeline rather than on all of them.
    const origin = this.io.origin()
    for (const pipelineId of this.pipelineIds) {
      const request = startRequest(this.settings.trigger, origin, newMarker())
      const started = await startOnce(pipelineId, request, {
        provider: this.provider,
        logger: this.logger,
        signal: () => this.session.clock.signal,
        ...(this.io.tuning?.searchWindowMs !== undefined && { searchWindowMs: this.io.tuning.searchWindowMs }),
        // Written down before the request leaves: if the step dies now, the post step looks for this run.
        onSend: (context) => {
          this.starts.push({ pipelineId, context })
          savePending(this.io.state, [pendingOf(pipelineId, context)])
        }
      })
      Object.assign(this.starts.at(-1)!, { run: started.run, sentAgain: started.sentAgain })
      this.runs.push(started.run)
      this.checks.begin(started.run)
      saveAbandoned(this.io.state, this.runs)
      savePending(this.io.state, [])
      const queued = started.run.queueId !== undefined ? ' (queued: the pipeline is at its concurrency limit)' : ''
      this.logger.info(`Started pipeline ${pipelineId} run ${started.run.runId}${queued}: ${started.run.url}`)
    }
  }

  /** After a timeout, a cancel or fail-fast: stop what this step started and has not ended. */
  private async stopUnfinished(
    snapshots: Map<string, RunSnapshot>,
    interrupted: NonNullable<Interruption>
  ): Promise<StopOutcome<TrackedRun>[]> {
    // fail-fast always stops the others (that is what it asks for); a timeout or a cancel only with cancel-on-abort.
    if (interrupted !== 'fail-fast' && !this.settings.cancelOnAbort) return []
    const unfinished = this.runs.filter((r) => {
      const state = snapshots.get(runKey(r))?.state
      return r.startedHere && !hasEnded(state)
    })
    return stopRuns(this.provider, this.logger, unfinished)
  }

  /**
   * A start sent again after its first answer was lost and no run showed up: should the first run
   * show up after all, it is stopped, and the log says so.
   */
  private async stopDuplicates(onlyDue = false): Promise<void> {
    const every = this.io.tuning?.searchWindowMs ?? SEARCH_WINDOW_MS
    for (const start of this.starts.filter((s) => s.sentAgain && s.run)) {
      // While waiting, a start is checked once a search window; at the end, once more.
      if (onlyDue && Date.now() - (start.checkedAt ?? start.context.sentAt) < every) continue
      start.checkedAt = Date.now()
      try {
        start.duplicates ??= new Set()
        const extra = (await duplicatesOf(this.provider, start.run!, start.context)).filter((r) => !start.duplicates!.has(r.runId))
        if (extra.length === 0) continue
        for (const run of extra) start.duplicates.add(run.runId)
        this.logger.warning(
          `Pipeline ${start.pipelineId} was started ${extra.length + 1} times (a start's answer was lost, and its run appeared only ` +
            `later): ` +
            `keeping run ${start.run!.runId}, stopping ${extra.map((r) => `run ${r.runId}`).join(', ')}.`
        )
        await stopRuns(this.provider, this.logger, extra)
      } catch (error) {
        this.logger.warning(`Could not check whether pipeline ${start.pipelineId} was started twice: ${(error as Error).message}`)
      }
    }
  }

  /**
   * The step cannot go on. The runs it started are stopped only when the job was cancelled, the
   * timeout passed, or a later pipeline's start was refused (the runs were meant to go together).
   * Anything else (a read that failed, refused credentials, an answer that makes no sense) says
   * nothing about the runs: they are left alone, and the message says where they are.
   */
  private async abandon(error: unknown): Promise<void> {
    this.session.clock.beginCleanup()
    const refused = this.session.guard.refused
    const stopThem = this.settings.cancelOnAbort && !refused && (error instanceof AbortedError || error instanceof StartRefusedError)
    let unconfirmed: TrackedRun[] = []
    let pending: PendingStart[] = []
    if (stopThem) {
      // A start cut short by the cancel or the timeout may have created its run; find it so that it can be stopped too.
      const lost = error instanceof AbortedError ? this.starts.find((s) => s.run === undefined) : undefined
      if (lost) {
        const found = await this.provider.find(lost.pipelineId, lost.context).catch(() => undefined)
        if (found?.found[0]) this.runs.push(found.found[0])
        else pending = [pendingOf(lost.pipelineId, lost.context)]
      }
      const outcomes = await stopRuns(
        this.provider,
        this.logger,
        this.runs.filter((r) => r.startedHere)
      )
      unconfirmed = outcomes.filter((o) => !o.confirmed).map((o) => o.run)
    }
    this.settle(unconfirmed, pending)
    const conclusion = error instanceof AbortedError ? (error.reason === 'timeout' ? 'timed_out' : 'cancelled') : 'failure'
    this.io.setOutput('conclusion', conclusion)
    this.io.setOutput('run-ids', this.runs.map((r) => r.runId).join(','))
    const left =
      stopThem || this.runs.length === 0
        ? ''
        : ` ${this.runs.length === 1 ? 'The run was' : 'The runs were'} left as they are: ${this.runs.map((r) => r.url).join(', ')}`
    const message = `${messageOf(error, this.logger)}${left}`
    await this.checks.complete(this.runs.map((run) => abandonedEnding(run, this.labels.label(run), conclusion, message)))
    this.io.setFailed(message, error)
  }

  /** What the post step must still do: stop `runs`, look for `pending` starts. Nothing, after a clean end. */
  private settle(runs: readonly TrackedRun[], pending: readonly PendingStart[] = []): void {
    saveAbandoned(this.io.state, runs)
    savePending(this.io.state, pending)
    // Whatever the ending, a refusal is passed on: the post step must not be refused once more.
    const refused = this.session.guard.refused
    if (refused) saveRefusal(this.io.state, refused.message)
  }

  private warnUnknownStatuses(run: TrackedRun, snapshot: RunSnapshot): void {
    for (const word of snapshot.unknown ?? []) {
      if (this.warnedStatuses.has(word)) continue
      this.warnedStatuses.add(word)
      this.logger.warning(
        `${this.labels.label(run)}: unknown status ${word}; it is read as still running, so the action waits on (at most until the ` +
          `timeout).`
      )
    }
  }

  /**
   * Each run's detail after the wait (the provider keeps those of ended runs, so this costs nothing
   * for them), with whatever was not reported yet reported now.
   */
  private async finalDetails(): Promise<Map<string, RunDetail>> {
    const finals = new Map<string, RunDetail>()
    for (const run of this.runs) {
      try {
        const detail = await this.provider.detail(run)
        this.labels.remember(run, detail)
        finals.set(runKey(run), detail)
        await print(this.logger, await this.reporter.onDetail(run, detail, this.labels.label(run)))
      } catch (error) {
        this.logger.warning(`Could not read pipeline ${run.pipelineId} run ${run.runId}: ${(error as Error).message}`)
      }
    }
    return finals
  }

  private resultFor(run: TrackedRun, waited: WaitResult, detail: RunDetail | undefined, stops: StopOutcome<TrackedRun>[]): RunResult {
    // The wait's last snapshot is what decided the verdict; the detail adds what failed.
    const snapshot = waited.snapshots.get(runKey(run))
    const failures = snapshot?.state === 'failure' && detail ? this.reporter.failures(run, detail) : []
    const result = resultOf(run, snapshot, { interrupted: waited.interrupted, onManualGate: this.settings.wait.onManualGate }, failures)
    const stop = stops.find((s) => s.run === run)
    if (stop === undefined) return result
    // What we know of a run we just stopped is its status before the stop; say what happened to it.
    return { ...result, stopped: stop.confirmed, ...(stop.confirmed && { status: stop.detail?.status || 'CANCELED' }) }
  }

  private summaryInput(
    results: RunResult[],
    conclusion: Conclusion,
    finals: Map<string, RunDetail>,
    snapshots?: Map<string, RunSnapshot>
  ): SummaryInput {
    const runs = this.runs.map((run, i) => {
      const detail = finals.get(runKey(run))
      const state = snapshots?.get(runKey(run))?.state
      const pipeline = this.labels.name(run.pipelineId) ?? run.pipelineId
      return {
        result: results[i]!,
        pipeline,
        ...(detail && { detail }),
        ...(state && { state }),
        failedLogs: this.reporter.failedLogs.get(runKey(run)) ?? []
      }
    })
    return { service: serviceName(this.settings.connection), conclusion, runs, trigger: this.settings.trigger }
  }

  private async writeSummary(input: SummaryInput): Promise<void> {
    try {
      await this.io.writeSummary(renderSummary(input))
    } catch (error) {
      this.logger.warning(`Could not write the job summary: ${(error as Error).message}`)
    }
  }
}

function pendingOf(pipelineId: string, context: StartContext): PendingStart {
  return {
    pipelineId,
    marker: context.marker,
    sentAt: context.sentAt,
    ...(context.before && { before: context.before }),
    ...(context.ref && { ref: context.ref })
  }
}

export function messageOf(error: unknown, logger: Logger): string {
  if (error instanceof Error) {
    // Our own errors are complete sentences; anything else is a bug, and its stack helps only in debug mode.
    if (!isExplained(error) && error.stack) logger.debug(error.stack)
    return error.message
  }
  return String(error)
}
