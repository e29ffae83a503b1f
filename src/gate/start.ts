// Starting a run is the one request that must not be repeated blindly: if its answer is lost (a
// reset, a timeout, a gateway 5xx, a garbled answer), the run may exist, and a gateway can take many
// seconds to list a run it created. So a lost answer is followed by a search for the run by the
// start's marker, repeated for a window that covers such delays, and a start is sent again only
// after a search that succeeded, at the end of that window, found nothing. A search that fails is
// searched again, never replaced by a start (docs/starting.md).

import {
  CredentialsRefusedError,
  isTransient,
  MalformedResponseError,
  OutcomeUnknownError,
  PreconditionError,
  RemoteError,
  StartRefusedError,
  TransportError,
  UnnamedRunError
} from '../errors.js'
import type { Logger } from '../log/logger.js'
import type { TrackedRun } from '../model.js'
import type { Provider, StartContext, StartRequest } from '../providers/provider.js'
import { sleep } from '../sleep.js'

export interface StartDeps {
  provider: Provider
  logger: Logger
  signal: () => AbortSignal
  /** Called with what a search would need, before the start request leaves (main saves it for the post step). */
  onSend?: (context: StartContext) => void
  /** How long a lost start is searched for; tests shorten it. */
  searchWindowMs?: number
}

export interface Started {
  run: TrackedRun
  /** The start was sent more than once (each earlier one looked lost): a late duplicate is possible. */
  sentAgain: boolean
  context: StartContext
}

/** Gateways answer 504 after about 30 s (Huawei's APIG, Alibaba's): a run may appear that much later. */
export const SEARCH_WINDOW_MS = 45_000
const MAX_SENDS = 5

export async function startOnce(pipelineId: string, request: StartRequest, deps: StartDeps): Promise<Started> {
  const prepared = await deps.provider.prepareStart(pipelineId, request)
  const context: StartContext = {
    marker: request.marker,
    sentAt: Date.now(),
    ...(prepared.before !== undefined && { before: prepared.before }),
    ...(request.ref && { ref: request.ref })
  }
  deps.onSend?.(context)
  for (let send = 1; send <= MAX_SENDS; send++) {
    try {
      return { run: await deps.provider.start(prepared), sentAgain: send > 1, context }
    } catch (error) {
      if (error instanceof RemoteError && !(error instanceof CredentialsRefusedError) && !isTransient(error))
        throw new StartRefusedError(error)
      if (!(error instanceof OutcomeUnknownError || error instanceof MalformedResponseError)) throw error
      const window = deps.searchWindowMs ?? SEARCH_WINDOW_MS
      deps.logger.warning(`${error.message}. Looking for its run (marker ${request.marker}) for ${seconds(window)} before starting again.`)
      const found = await searchLost(pipelineId, context, deps, window)
      if (found) return { run: found, sentAgain: send > 1, context }
      if (error instanceof UnnamedRunError) {
        throw new PreconditionError(
          `starting pipeline ${pipelineId}`,
          `the service says it made a run but not which, and no run carrying ${request.marker} could be found; nothing is started again: ` +
            `look for it in the console`
        )
      }
      deps.logger.info(
        `No run of pipeline ${pipelineId} appeared for that start: it did not happen. Starting again (${send + 1} of ${MAX_SENDS}).`
      )
    }
  }
  throw new TransportError(
    `starting pipeline ${pipelineId}`,
    `${MAX_SENDS} start requests got no answer, and none of them made a run`,
    false
  )
}

/**
 * Searches until a run is found, or until a search that began after the window had passed finds
 * nothing. Where the service cannot show the marker, one candidate is taken as the run (nothing
 * else could have made it) and several are an error: starting again could make a second run, and
 * taking one of them could report someone else's run.
 */
async function searchLost(pipelineId: string, context: StartContext, deps: StartDeps, window: number): Promise<TrackedRun | undefined> {
  const until = Date.now() + window
  for (let round = 0; ; round++) {
    const began = Date.now()
    try {
      const search = await deps.provider.find(pipelineId, context)
      const [first, ...others] = search.found
      if (first) {
        deps.logger.info(`Found it: the start of pipeline ${pipelineId} had worked (run ${first.runId}).`)
        for (const other of others)
          deps.logger.warning(`Run ${other.runId} of pipeline ${pipelineId} carries the same marker: the start was made twice.`)
        return first
      }
      const unverifiable = search.unverifiable ?? []
      if (search.candidates.length === 1 && unverifiable.length === 0) {
        const [only] = search.candidates
        deps.logger.warning(
          `Run ${only!.runId} of pipeline ${pipelineId} is taken as the one this start made: it is the only run that appeared since, ` +
            'and the service does not show which run a start made.'
        )
        return only
      }
      const maybe = [...search.candidates, ...unverifiable]
      // Several runs that may be it, or one that cannot be told apart: starting again could make a
      // second run, and taking one could report someone else's.
      if (search.candidates.length > 1 || (began >= until && maybe.length > 0)) {
        throw new PreconditionError(
          `starting pipeline ${pipelineId}`,
          `the answer was lost and ${maybe.length} run(s) appeared since that may be it (${maybe.map((r) => r.url).join(', ')}); ` +
            'the service does not show which run this start made, so the action cannot tell which is this one, and starts nothing more'
        )
      }
      if (began >= until) return undefined
    } catch (error) {
      if (!isTransient(error)) throw error
      deps.logger.info(`Searching for the run of pipeline ${pipelineId} failed (${(error as Error).message}); searching again.`)
    }
    await sleep(Math.min(8_000, 1_000 * 2 ** round, Math.max(100, until - Date.now())), deps.signal())
  }
}

/** Runs other than `run` that carry its start's marker: a start that was made twice after all. */
export async function duplicatesOf(provider: Provider, run: TrackedRun, context: StartContext): Promise<TrackedRun[]> {
  const search = await provider.find(run.pipelineId, context)
  return search.found.filter((r) => r.runId !== run.runId)
}

function seconds(ms: number): string {
  return `${ms < 10_000 ? (ms / 1000).toFixed(1) : Math.round(ms / 1000)} s`
}
