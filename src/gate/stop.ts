// Stopping runs, and saying only what the service confirmed. A stop counts when the answer says the
// run was stopped, or when the run's own record, read again, shows it has ended; anything else
// means the run may still be running, and the log says so with its link.

import type { Logger } from '../log/logger.js'
import { hasEnded, type RunDetail, type RunRef, runKey } from '../model.js'
import type { Provider } from '../providers/provider.js'
import { placedSteps } from '../report/failures.js'
import { MAX_SUB_PIPELINE_DEPTH } from '../report/sub-pipelines.js'

export interface StopOutcome<T extends RunRef> {
  run: T
  /** The service confirmed that the run is stopped (or has ended). */
  confirmed: boolean
  /** The run's record as read after an unconfirmed stop. */
  detail?: RunDetail
}

/** Stops the runs at once, in parallel. */
export async function stopRuns<T extends RunRef & { url?: string }>(
  provider: Provider,
  logger: Logger,
  runs: readonly T[]
): Promise<StopOutcome<T>[]> {
  return Promise.all(
    runs.map(async (run) => {
      const outcome = await stopOne(provider, logger, run)
      if (provider.subRuns) await stopSubRuns(provider, logger, run, outcome.detail, new Set([runKey(run)]), 1)
      return outcome
    })
  )
}

/**
 * The sub-pipeline runs a stopped run started, and theirs, are stopped too when they are still
 * running after it: the service may leave them running (docs/codearts.md, "Sub-pipelines"). Each
 * is confirmed like any stop; the descent is bounded as when following a failure.
 */
async function stopSubRuns(
  provider: Provider,
  logger: Logger,
  run: RunRef,
  known: RunDetail | undefined,
  seen: Set<string>,
  depth: number
): Promise<void> {
  if (depth > MAX_SUB_PIPELINE_DEPTH) return
  const name = `pipeline ${run.pipelineId} run ${run.runId}`
  try {
    const detail = known ?? (await provider.detail(run, true))
    const stepIds = placedSteps(detail)
      .filter((placed) => placed.step.subPipeline)
      .map((placed) => placed.step.id)
    if (stepIds.length === 0) return
    for (const sub of (await provider.subRuns!(run, stepIds)).values()) {
      if (seen.has(runKey(sub))) continue
      seen.add(runKey(sub))
      const state = await provider.detail(sub, true)
      if (hasEnded(state.state)) continue
      logger.info(
        `Sub-pipeline ${sub.pipelineId} run ${sub.runId}, started by ${name}, is still ${state.status || 'running'}: stopping it.`
      )
      const outcome = await stopOne(provider, logger, sub)
      await stopSubRuns(provider, logger, sub, outcome.detail, seen, depth + 1)
    }
  } catch (error) {
    logger.warning(
      `Could not check whether the sub-pipeline runs of ${name} stopped: ${(error as Error).message}. They may still be running.`
    )
  }
}

async function stopOne<T extends RunRef & { url?: string }>(provider: Provider, logger: Logger, run: T): Promise<StopOutcome<T>> {
  const name = `pipeline ${run.pipelineId} run ${run.runId}`
  let why: string
  try {
    if (await provider.stop(run)) {
      logger.info(`Stopped ${name}.`)
      return { run, confirmed: true }
    }
    why = 'the service did not say it stopped it'
  } catch (error) {
    why = (error as Error).message
  }
  try {
    const detail = await provider.detail(run, true)
    if (hasEnded(detail.state)) {
      logger.info(`Stopped ${name}: it has ended (${detail.status}).`)
      return { run, confirmed: true, detail }
    }
    why = `${why}; it is still ${detail.status || 'running'}`
    logger.warning(`Could not confirm that ${name} stopped (${why}). It may still be running${run.url ? `: ${run.url}` : ''}`)
    return { run, confirmed: false, detail }
  } catch (error) {
    why = `${why}; reading it again failed: ${(error as Error).message}`
  }
  logger.warning(`Could not confirm that ${name} stopped (${why}). It may still be running${run.url ? `: ${run.url}` : ''}`)
  return { run, confirmed: false }
}
