import type { Logger } from './logger.js'
import type { RunRef } from './model.js'
import type { Provider } from './providers/provider.js'

/** Stops the runs at once, in parallel; returns those that could not be stopped. */
export async function stopRuns<T extends RunRef>(provider: Provider, logger: Logger, runs: readonly T[]): Promise<T[]> {
  const notStopped: T[] = []
  await Promise.all(
    runs.map(async (run) => {
      try {
        await provider.stop(run)
        logger.info(`Stopped pipeline ${run.pipelineId} run ${run.runId}.`)
      } catch (error) {
        logger.warning(`Could not stop pipeline ${run.pipelineId} run ${run.runId}: ${(error as Error).message}`)
        notStopped.push(run)
      }
    })
  )
  return notStopped
}
