// The main step: validate inputs, start (or find) the runs, wait, report. Every effect on the
// world goes through `ActionIO` or the provider, so tests can run this against the simulator.

import { AbortedError, InputError, OutcomeUnknownError } from './errors.js'
import { getInputs, maskSecretInputs, type InputReader } from './inputs.js'
import type { Logger } from './logger.js'
import { isDetail, runKey, type Conclusion, type RunDetail, type RunSnapshot, type TrackedRun } from './model.js'
import { serviceName } from './providers/index.js'
import type { Provider } from './providers/provider.js'
import { failuresOf } from './report/failures.js'
import { RunLabels } from './report/labels.js'
import { writeOutputs, type SetOutput } from './report/outputs.js'
import { progressPrinter } from './report/progress.js'
import { Reporter } from './report/reporter.js'
import { failureLine, overallConclusion, resultOf, startedResult, type Interruption, type RunResult } from './report/results.js'
import { renderSummary } from './report/summary.js'
import { openSession, type Session, type Tuning } from './session.js'
import type { Settings } from './settings.js'
import { persist } from './persist.js'
import { startOnce } from './start.js'
import { saveRunsToStop, type StateStore } from './state.js'
import { stopRuns } from './stop.js'
import { newMarker, startRequest, type Origin } from './trigger.js'
import { waitForRuns, type WaitResult } from './wait.js'

export interface ActionIO {
  logger: Logger
  readInput: InputReader
  setOutput: SetOutput
  setFailed(message: string): void
  state: StateStore
  /** The GitHub run, for the default run description. */
  origin(): Origin
  /** Aborts when the runner cancels the job. */
  cancellation: AbortSignal
  writeSummary(markdown: string): Promise<void>
  tuning?: Tuning
}

export async function run(io: ActionIO): Promise<void> {
  maskSecretInputs(io.readInput, (value) => io.logger.secret(value))
  let settings: Settings
  try {
    settings = getInputs(io.readInput)
  } catch (error) {
    return io.setFailed(messageOf(error, io.logger))
  }
  const session = openSession(settings.connection, settings.wait.timeoutMs, io)
  try {
    await new MainStep(settings, io, session).run()
  } finally {
    session.close()
  }
}

class MainStep {
  private readonly settings: Settings
  private readonly io: ActionIO
  private readonly session: Session
  private readonly provider: Provider
  private readonly logger: Logger
  /** Every run this step knows of, in pipeline order, added the moment it exists. */
  private readonly runs: TrackedRun[] = []
  /** A start whose answer has not arrived yet: if the step is cancelled now, that run may exist. */
  private inflight: { pipelineId: string; marker: string } | undefined
  private readonly reporter: Reporter
  private readonly labels = new RunLabels()

  constructor(settings: Settings, io: ActionIO, session: Session) {
    this.settings = settings
    this.io = io
    this.session = session
    this.provider = session.provider
    this.logger = io.logger
    this.reporter = new Reporter(io.logger, session.provider, settings.report)
  }

  async run(): Promise<void> {
    try {
      await this.obtainRuns()
      if (this.settings.mode === 'trigger') {
        // The runs are meant to go on after this step: nothing for the post step to stop.
        saveRunsToStop(this.io.state, [])
        writeOutputs(this.io.setOutput, this.runs.map(startedResult), 'success')
        return
      }
      const progress = progressPrinter(this.logger, (run) => this.labels.label(run))
      const waited = await waitForRuns(this.runs, this.settings.wait, {
        provider: this.provider,
        logger: this.logger,
        signal: this.session.lifecycle.signal,
        onSnapshot: async (run, previous, current) => {
          this.labels.remember(run, current)
          progress(run, previous, current)
          // A job can fail long before its run ends; say why at once.
          if (isDetail(current)) await this.reporter.onDetail(run, current, this.labels.label(run))
        }
      })
      this.session.lifecycle.beginCleanup()
      const stopped = waited.interrupted ? await this.stopUnfinished(waited.snapshots, waited.interrupted) : []
      const finals = await this.finalDetails()
      const results = this.runs.map((run) => this.resultFor(run, waited, finals.get(runKey(run)), stopped))
      const conclusion = overallConclusion(results, waited.interrupted)
      writeOutputs(this.io.setOutput, results, conclusion)
      if (this.settings.report.summary) await this.writeSummary(results, conclusion, finals)
      if (conclusion !== 'success') {
        this.io.setFailed(failureLine(results, waited.interrupted, this.settings.wait.timeoutMs, (id) => this.labels.name(id)))
      }
    } catch (error) {
      await this.abandon(error)
    }
  }

  /** Starts each pipeline in order (or finds the runs to wait on). */
  private async obtainRuns(): Promise<void> {
    if (this.settings.mode === 'wait') {
      for (const [i, pipelineId] of this.settings.pipelineIds.entries()) {
        const runId = this.settings.runIds[i]
        const run =
          runId !== undefined
            ? this.provider.adopt(pipelineId, runId)
            : await persist(() => this.provider.latest(pipelineId), 4, this.io.tuning?.settleMs ?? 2_000, () => this.session.lifecycle.signal)
        this.runs.push(run)
        this.logger.info(`Waiting on pipeline ${pipelineId} run ${run.runId}: ${run.url}`)
      }
      return
    }
    // One at a time, so that a refused credential fails on the first pipeline rather than on all of them.
    const origin = this.io.origin()
    const ctx = { provider: this.provider, logger: this.logger, signal: () => this.session.lifecycle.signal, settleMs: this.io.tuning?.settleMs }
    for (const pipelineId of this.settings.pipelineIds) {
      const request = startRequest(this.settings.trigger, origin, newMarker())
      this.inflight = { pipelineId, marker: request.marker }
      const run = await startOnce(pipelineId, request, ctx)
      this.inflight = undefined
      this.runs.push(run)
      saveRunsToStop(this.io.state, this.runs)
      const queued = run.queueId !== undefined ? ' (queued: the pipeline is at its concurrency limit)' : ''
      this.logger.info(`Started pipeline ${pipelineId} run ${run.runId}${queued}: ${run.url}`)
    }
  }

  /** After a timeout, a cancel or fail-fast: stop what this step started and has not ended. Returns the runs stopped. */
  private async stopUnfinished(snapshots: Map<string, RunSnapshot>, interrupted: NonNullable<Interruption>): Promise<TrackedRun[]> {
    // fail-fast always stops the others (that is what it asks for); a timeout or a cancel only with cancel-on-abort.
    if (interrupted !== 'fail-fast' && !this.settings.cancelOnAbort) {
      saveRunsToStop(this.io.state, [])
      return []
    }
    const unfinished = this.runs.filter((r) => {
      const state = snapshots.get(runKey(r))?.state
      return r.startedHere && (state === undefined || state === 'running' || state === 'manual')
    })
    const notStopped = await stopRuns(this.provider, this.logger, unfinished)
    saveRunsToStop(this.io.state, notStopped)
    return unfinished.filter((r) => !notStopped.includes(r))
  }

  /** The step cannot go on (a start refused, the service unusable, the job cancelled while starting). */
  private async abandon(error: unknown): Promise<void> {
    this.session.lifecycle.beginCleanup()
    if (this.settings.cancelOnAbort) {
      // A start cut short by the cancel may have created its run; find it so that it can be stopped too.
      if (this.inflight && (error instanceof AbortedError || error instanceof OutcomeUnknownError)) {
        const found = await this.provider.find(this.inflight.pipelineId, this.inflight.marker).catch(() => undefined)
        if (found) this.runs.push(found)
      }
      saveRunsToStop(this.io.state, await stopRuns(this.provider, this.logger, this.runs.filter((r) => r.startedHere)))
    }
    this.io.setOutput('conclusion', error instanceof AbortedError ? (error.reason === 'timeout' ? 'timed_out' : 'cancelled') : 'failure')
    this.io.setOutput('run-ids', this.runs.map((r) => r.runId).join(','))
    this.io.setFailed(messageOf(error, this.logger))
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
        await this.reporter.onDetail(run, detail, this.labels.label(run))
      } catch (error) {
        this.logger.warning(`Could not read pipeline ${run.pipelineId} run ${run.runId}: ${(error as Error).message}`)
      }
    }
    return finals
  }

  private resultFor(run: TrackedRun, waited: WaitResult, detail: RunDetail | undefined, stopped: TrackedRun[]): RunResult {
    // The wait's last snapshot is what decided the verdict; the detail adds what failed.
    const snapshot = waited.snapshots.get(runKey(run))
    const failures = snapshot?.state === 'failure' && detail ? failuresOf(detail) : []
    const result = resultOf(run, snapshot, { interrupted: waited.interrupted, onManualGate: this.settings.wait.onManualGate }, failures)
    // What we know of a run we just stopped is its status before the stop; say what happened to it.
    return stopped.includes(run) ? { ...result, status: 'CANCELED' } : result
  }

  private async writeSummary(results: RunResult[], conclusion: Conclusion, finals: Map<string, RunDetail>): Promise<void> {
    const runs = this.runs.map((run, i) => {
      const detail = finals.get(runKey(run))
      const pipeline = this.labels.name(run.pipelineId) ?? run.pipelineId
      return { result: results[i]!, pipeline, ...(detail && { detail }), failedLogs: this.reporter.failedLogs.get(runKey(run)) ?? [] }
    })
    try {
      await this.io.writeSummary(renderSummary({ service: serviceName(this.settings.connection), conclusion, runs, trigger: this.settings.trigger }))
    } catch (error) {
      this.logger.warning(`Could not write the job summary: ${(error as Error).message}`)
    }
  }
}

function messageOf(error: unknown, logger: Logger): string {
  if (error instanceof Error) {
    // Our own errors are complete sentences; anything else is a bug, and its stack helps only in debug mode.
    if (!(error instanceof InputError) && error.stack) logger.debug(error.stack)
    return error.message
  }
  return String(error)
}
