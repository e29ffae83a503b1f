// Stopping runs, and saying only what the service confirmed. A stop counts when the answer says the
// run was stopped, or when the run's own record, read again, shows it has ended; anything else
// means the run may still be running, and the log says so with its link.

import type { Logger } from '../log/logger.js'
import { hasEnded, type RunDetail, type RunRef } from '../model.js'
import type { Provider } from '../providers/provider.js'

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
  return Promise.all(runs.map((run) => stopOne(provider, logger, run)))
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
