// The post step: a backstop for a main step that was killed (the runner's hard kill after a
// cancel, or the job's own timeout) before it could deal with the runs it had started. It acts only
// on what main wrote down as left undone (state.ts): after a main step that ended its work it finds
// nothing, and sends no request at all.

import { getInputs } from './action/inputs.js'
import type { ActionIO } from './action/io.js'
import { maskSecretInputs, maskSecretVariables } from './action/secrets.js'
import { type AbandonedRun, abandonedRuns, type PendingStart, pendingStarts, refusal, saveAbandoned, savePending } from './action/state.js'
import type { Connection } from './config/settings.js'
import { openSession } from './gate/session.js'
import { stopRuns } from './gate/stop.js'
import type { Logger } from './log/logger.js'
import type { TrackedRun } from './model.js'
import type { Provider } from './providers/provider.js'

// The job's cancellation window is 5 minutes in all; the post step takes a small part of it.
const POST_BUDGET_MS = 60_000

export async function post(io: Pick<ActionIO, 'logger' | 'readInput' | 'state' | 'cancellation' | 'tuning'>): Promise<void> {
  const { logger } = io
  maskSecretInputs(io.readInput, (value) => logger.secret(value))
  const runs = abandonedRuns(io.state)
  const pending = pendingStarts(io.state)
  if (runs.length === 0 && pending.length === 0) return
  const refused = refusal(io.state)
  if (refused !== '') {
    // Another refused request could lock the key; the runs are named so that a person can stop them.
    return logger.warning(
      `Not stopping the runs left behind: the main step's credentials were refused (${refused}). ${leftBehind(runs, pending)}`
    )
  }
  let connection: Connection
  try {
    const settings = getInputs(io.readInput)
    maskSecretVariables(settings.trigger, (value) => logger.secret(value))
    if (!settings.cancelOnAbort) return
    connection = settings.connection
  } catch (error) {
    return logger.warning(`Cannot stop the runs left behind: ${(error as Error).message}`)
  }
  const session = openSession(connection, POST_BUDGET_MS, io)
  try {
    const found = await findPending(session.provider, logger, pending)
    const toStop: AbandonedRun[] = [...runs, ...found]
    if (toStop.length > 0) logger.info(`The main step ended before it could stop ${toStop.length} run(s); stopping them now.`)
    const outcomes = await stopRuns(session.provider, logger, toStop)
    saveAbandoned(
      io.state,
      outcomes.filter((o) => !o.confirmed).map((o) => o.run)
    )
    savePending(io.state, [])
  } finally {
    session.close()
  }
}

/** The runs of starts whose answer main never saw: a run that has appeared by now carries the start's marker. */
async function findPending(provider: Provider, logger: Logger, pending: PendingStart[]): Promise<TrackedRun[]> {
  const found: TrackedRun[] = []
  for (const start of pending) {
    try {
      const search = await provider.find(start.pipelineId, start)
      found.push(...search.found)
      if (search.found.length === 0)
        logger.info(`No run of pipeline ${start.pipelineId} carries the marker ${start.marker}: that start did not make a run.`)
    } catch (error) {
      logger.warning(`Could not look for the run of pipeline ${start.pipelineId} whose start was cut short: ${(error as Error).message}`)
    }
  }
  return found
}

function leftBehind(runs: AbandonedRun[], pending: PendingStart[]): string {
  const named = runs.map((r) => r.url ?? `pipeline ${r.pipelineId} run ${r.runId}`)
  const unnamed = pending.map((p) => `a run of pipeline ${p.pipelineId} with ${p.marker} in its description`)
  return `Stop them in the console if they are still running: ${[...named, ...unnamed].join('; ')}.`
}
