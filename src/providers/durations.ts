// How long a pipeline's recent runs took, from its run list: the one rule both providers use to turn
// list items into durations for Provider.history (docs/polling.md).

import type { RunState } from '../model.js'
import { remoteTime } from '../net/json.js'

/** How many of the newest listed runs are looked at: enough for a median, one small page. */
export const HISTORY_RUNS = 10

// No run this action waits on lasts longer than its longest `timeout` (120 h); a longer "duration"
// is a wrong time, not a slow run.
const LONGEST_RUN_MS = 120 * 3_600_000

/** A run list item, read by its provider: its state, and its start and end as the service wrote them. */
export interface ListedRun {
  state: RunState
  start: unknown
  end: unknown
}

/**
 * The durations (ms) of the runs that succeeded, in the list's order. Only a success tells how long
 * the whole pipeline takes: a failure or a cancel stops part-way. An item whose times are missing,
 * unreadable, implausible (remoteTime), in the wrong order or longer than any run can be is left
 * out, never guessed at: a duration only shapes when the status is read, so one fewer is harmless.
 */
export function successDurations(items: readonly ListedRun[]): number[] {
  const durations: number[] = []
  for (const item of items) {
    if (item.state !== 'success') continue
    const start = remoteTime(item.start)?.getTime()
    const end = remoteTime(item.end)?.getTime()
    if (start === undefined || end === undefined) continue
    const ms = end - start
    if (ms > 0 && ms <= LONGEST_RUN_MS) durations.push(ms)
  }
  return durations
}
