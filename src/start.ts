// Starting a run is the one request that must not be repeated blindly: if its answer is lost, the
// run may exist. So a lost answer is followed by a search for the run by its marker, and the start
// is sent again only once the search has found nothing. A search that fails is searched again,
// never replaced by a start.

import { isTransient, MalformedResponseError, OutcomeUnknownError, TransportError } from './errors.js'
import type { Logger } from './logger.js'
import type { TrackedRun } from './model.js'
import type { Provider, StartRequest } from './providers/provider.js'
import { sleep } from './sleep.js'

export interface StartContext {
  provider: Provider
  logger: Logger
  signal: () => AbortSignal
  /** Pause between rounds, so that a slow service has listed a run it just created. */
  settleMs?: number
}

// Rounds of "search if needed, then start". Each request in a round was already retried by the
// HTTP client, so this is reached only in a long outage; the step's deadline bounds it too.
const ROUNDS = 8

export async function startOnce(pipelineId: string, request: StartRequest, ctx: StartContext): Promise<TrackedRun> {
  let mayExist = false
  let lastProblem = ''
  for (let round = 1; round <= ROUNDS; round++) {
    if (round > 1) await sleep(ctx.settleMs ?? 1_000, ctx.signal())
    try {
      if (mayExist) {
        const found = await ctx.provider.find(pipelineId, request.marker)
        if (found) {
          ctx.logger.info(`Found it: the start of pipeline ${pipelineId} had worked (run ${found.runId}).`)
          return found
        }
        mayExist = false
      }
      return await ctx.provider.start(pipelineId, request)
    } catch (error) {
      if (error instanceof OutcomeUnknownError || error instanceof MalformedResponseError) {
        // A reset, a timeout, a gateway 5xx or a garbled answer: the start may or may not have happened.
        mayExist = true
        ctx.logger.warning(`${error.message}. Looking for the run ${request.marker} before starting again.`)
      } else if (!isTransient(error)) {
        throw error
      }
      // Otherwise nothing was sent (or the search failed): the same round's work is done again.
      lastProblem = (error as Error).message
    }
  }
  throw new TransportError(`starting pipeline ${pipelineId}`, `${lastProblem} (${ROUNDS} rounds, and no run with marker ${request.marker})`)
}
