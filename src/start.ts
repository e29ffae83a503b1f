// Starting a run is the one request that must not be repeated blindly: if its answer is lost, the
// run may exist. So a lost answer is followed by a search for the run by its marker, and only if
// the run is not there is the start sent again.

import { MalformedResponseError, OutcomeUnknownError, TransportError } from './errors.js'
import type { Logger } from './logger.js'
import type { TrackedRun } from './model.js'
import type { Provider, StartRequest } from './providers/provider.js'
import { sleep } from './sleep.js'

export interface StartContext {
  provider: Provider
  logger: Logger
  signal: () => AbortSignal
  /** Pause between the lost answer and the search, so a slow service has listed the run. */
  settleMs?: number
}

const ATTEMPTS = 3

export async function startOnce(pipelineId: string, request: StartRequest, ctx: StartContext): Promise<TrackedRun> {
  let lastProblem = ''
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return await ctx.provider.start(pipelineId, request)
    } catch (error) {
      // A reset, a timeout, a gateway 5xx or a proxy's error page: the start may or may not have happened.
      if (!(error instanceof OutcomeUnknownError || error instanceof MalformedResponseError)) throw error
      lastProblem = error.message
      ctx.logger.warning(`${error.message}. Looking for the run ${request.marker} before starting again.`)
    }
    await sleep(ctx.settleMs ?? 1_000, ctx.signal())
    const found = await ctx.provider.find(pipelineId, request.marker)
    if (found) {
      ctx.logger.info(`Found it: the start of pipeline ${pipelineId} had worked (run ${found.runId}).`)
      return found
    }
  }
  throw new TransportError(`starting pipeline ${pipelineId}`, `${lastProblem} (${ATTEMPTS} tries, and no run with marker ${request.marker})`)
}
