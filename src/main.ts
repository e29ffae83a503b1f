// The main step: validate inputs, start (or find) the runs, wait, report. Every effect on the
// world goes through `ActionIO` or the provider, so tests can run this against the simulator.

import { AbortedError, InputError } from './errors.js'
import { HttpClient } from './http.js'
import { getInputs, secretsOf, type InputReader } from './inputs.js'
import { Lifecycle } from './lifecycle.js'
import type { Logger } from './logger.js'
import type { Failure, RunSnapshot, TrackedRun } from './model.js'
import { createProvider } from './providers/index.js'
import type { Provider } from './providers/provider.js'
import { failurePath, failuresOf } from './report/failures.js'
import { writeOutputs, type SetOutput } from './report/outputs.js'
import { progressPrinter } from './report/progress.js'
import { overallConclusion, resultOf, type Interruption, type RunResult } from './report/results.js'
import type { Settings } from './settings.js'
import { newMarker, startRequest, type Origin } from './trigger.js'
import { waitForRuns } from './wait.js'

export interface ActionIO {
  logger: Logger
  readInput: InputReader
  setOutput: SetOutput
  setFailed(message: string): void
  /** The GitHub run, for the default run description. */
  origin(): Origin
}

// After the wait: time allowed for stopping runs and reading what failed. On cancellation the runner
// sends SIGTERM 7.5 s after SIGINT, so that budget must end well before.
const CLEANUP_MS = 30_000

export async function run(io: ActionIO): Promise<void> {
  let settings: Settings
  try {
    settings = getInputs(io.readInput)
  } catch (error) {
    return io.setFailed(messageOf(error, io.logger))
  }
  for (const secret of secretsOf(settings.connection)) io.logger.secret(secret)

  const lifecycle = new Lifecycle(settings.wait.timeoutMs)
  const http = new HttpClient({ logger: io.logger, signal: () => lifecycle.signal })
  const provider = createProvider(settings.connection, http, io.logger)
  const runs: TrackedRun[] = []
  try {
    await obtainRuns(settings, provider, io, runs)
    if (settings.mode === 'trigger') {
      writeOutputs(io.setOutput, runs.map(startedResult), 'success')
      return
    }
    const waited = await waitForRuns(runs, settings.wait, {
      provider,
      logger: io.logger,
      signal: lifecycle.signal,
      onSnapshot: progressPrinter(io.logger, (run) => `pipeline ${run.pipelineId}`)
    })
    lifecycle.beginCleanup(CLEANUP_MS)
    if (waited.interrupted) await stopUnfinished(settings, provider, io.logger, runs, waited.snapshots, waited.interrupted)
    const results = await collectResults(settings, provider, io.logger, runs, waited.snapshots, waited.interrupted)
    const conclusion = overallConclusion(results, waited.interrupted)
    writeOutputs(io.setOutput, results, conclusion)
    if (conclusion !== 'success') io.setFailed(failureLine(results, waited.interrupted, settings))
  } catch (error) {
    // A start failed or the service refused us: runs this step already started are not left behind.
    lifecycle.beginCleanup(CLEANUP_MS)
    if (settings.cancelOnAbort) await stopRuns(provider, io.logger, runs.filter((r) => r.startedHere))
    io.setOutput('conclusion', error instanceof AbortedError && error.reason === 'timeout' ? 'timed_out' : 'failure')
    io.setOutput('run-ids', runs.map((r) => r.runId).join(','))
    io.setFailed(messageOf(error, io.logger))
  } finally {
    lifecycle.dispose()
  }
}

/** Starts each pipeline in order (or finds the runs to wait on), adding each run to `runs` as soon as it exists. */
async function obtainRuns(settings: Settings, provider: Provider, io: ActionIO, runs: TrackedRun[]): Promise<void> {
  const { logger } = io
  if (settings.mode === 'wait') {
    for (const [i, pipelineId] of settings.pipelineIds.entries()) {
      const runId = settings.runIds[i]
      const run = runId !== undefined ? provider.adopt(pipelineId, runId) : await provider.latest(pipelineId)
      runs.push(run)
      logger.info(`Waiting on pipeline ${pipelineId} run ${run.runId}: ${run.url}`)
    }
    return
  }
  // One at a time, so that a refused credential fails on the first pipeline rather than on all of them.
  const origin = io.origin()
  for (const pipelineId of settings.pipelineIds) {
    const run = await provider.start(pipelineId, startRequest(settings.trigger, origin, newMarker()))
    runs.push(run)
    const queued = run.queueId !== undefined ? ' (queued: the pipeline is at its concurrency limit)' : ''
    logger.info(`Started pipeline ${pipelineId} run ${run.runId}${queued}: ${run.url}`)
  }
}

function startedResult(run: TrackedRun): RunResult {
  return {
    pipeline_id: run.pipelineId,
    run_id: run.runId,
    run_number: null,
    status: run.queueId !== undefined ? 'QUEUED' : 'STARTED',
    conclusion: 'success',
    url: run.url,
    started_at: null,
    finished_at: null,
    duration_s: null,
    failures: []
  }
}

async function stopUnfinished(
  settings: Settings,
  provider: Provider,
  logger: Logger,
  runs: TrackedRun[],
  snapshots: Map<string, RunSnapshot>,
  interrupted: NonNullable<Interruption>
): Promise<void> {
  // fail-fast always stops the others (that is what it asks for); a timeout or a cancelled job only with cancel-on-abort.
  if (interrupted !== 'fail-fast' && !settings.cancelOnAbort) return
  const unfinished = runs.filter((r) => {
    const state = snapshots.get(r.runId)?.state
    return r.startedHere && (state === undefined || state === 'running' || state === 'manual')
  })
  await stopRuns(provider, logger, unfinished)
}

async function stopRuns(provider: Provider, logger: Logger, runs: TrackedRun[]): Promise<void> {
  await Promise.all(
    runs.map(async (run) => {
      try {
        await provider.stop(run)
        logger.info(`Stopped pipeline ${run.pipelineId} run ${run.runId}.`)
      } catch (error) {
        logger.warning(`Could not stop pipeline ${run.pipelineId} run ${run.runId}: ${(error as Error).message}`)
      }
    })
  )
}

async function collectResults(
  settings: Settings,
  provider: Provider,
  logger: Logger,
  runs: TrackedRun[],
  snapshots: Map<string, RunSnapshot>,
  interrupted: Interruption
): Promise<RunResult[]> {
  const ending = { interrupted, onManualGate: settings.wait.onManualGate }
  return Promise.all(
    runs.map(async (run) => {
      const snapshot = snapshots.get(run.runId)
      let failures: Failure[] = []
      if (snapshot?.state === 'failure') {
        try {
          failures = failuresOf(await provider.detail(run))
        } catch (error) {
          logger.warning(`Could not read what failed in pipeline ${run.pipelineId} run ${run.runId}: ${(error as Error).message}`)
        }
      }
      return resultOf(run, snapshot, ending, failures)
    })
  )
}

/** The step's one-line failure: each unsuccessful pipeline and what failed in it. */
function failureLine(results: readonly RunResult[], interrupted: Interruption, settings: Settings): string {
  const parts = results
    .filter((r) => r.conclusion !== 'success')
    .map((r) => {
      const run = r.run_number !== null ? `run #${r.run_number}` : `run ${r.run_id}`
      const where = r.failures.map(failurePath).filter((p) => p !== '')
      const detail = where.length > 0 ? ` at ${where.join(', ')}` : ''
      return `pipeline ${r.pipeline_id} ${run} ${r.conclusion === 'timed_out' ? `did not end in time (${r.status || 'not read'})` : r.status || r.conclusion}${detail}`
    })
  const why =
    interrupted === 'timeout'
      ? `Timed out after ${settings.wait.timeoutMs / 1000}s: `
      : interrupted === 'cancelled'
        ? 'Cancelled: '
        : ''
  return `${why}${parts.join('; ')}`
}

function messageOf(error: unknown, logger: Logger): string {
  if (error instanceof Error) {
    // Our own errors are complete sentences; anything else is a bug, and its stack helps only in debug mode.
    if (!(error instanceof InputError) && error.stack) logger.debug(error.stack)
    return error.message
  }
  return String(error)
}
