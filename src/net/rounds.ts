import { isTransient } from '../errors.js'
import { sleep } from '../sleep.js'

/**
 * Calls `fn` again after a transient failure, up to `rounds` calls in all. The HTTP client already
 * retried each request; this is for steps that must not fail on a bad minute, such as finding
 * the runs to wait on, bounded by the step's deadline through `signal`.
 */
export async function inRounds<T>(fn: () => Promise<T>, rounds: number, pauseMs: number, signal: () => AbortSignal): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await fn()
    } catch (error) {
      if (round >= rounds || !isTransient(error)) throw error
    }
    await sleep(pauseMs, signal())
  }
}
