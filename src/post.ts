// The post step: a backstop for a main step that was killed (the runner's hard kill after a
// cancel, or the job's own timeout) before it could stop the runs it had started.

import { getInputs, maskSecretInputs } from './inputs.js'
import type { Logger } from './logger.js'
import { runKey, type RunRef } from './model.js'
import type { Provider } from './providers/provider.js'
import type { ActionIO } from './main.js'
import { openSession } from './session.js'
import { runsToStop, saveRunsToStop } from './state.js'
import { stopRuns } from './stop.js'

// The job's cancellation window is 5 minutes in all; the post step takes a small part of it.
const POST_BUDGET_MS = 60_000

export async function post(io: Pick<ActionIO, 'logger' | 'readInput' | 'state' | 'cancellation' | 'tuning'>): Promise<void> {
  const { logger } = io
  maskSecretInputs(io.readInput, (value) => logger.secret(value))
  const runs = runsToStop(io.state)
  if (runs.length === 0) return
  let connection
  try {
    const settings = getInputs(io.readInput)
    if (!settings.cancelOnAbort) return
    connection = settings.connection
  } catch (error) {
    return logger.warning(`Cannot stop the runs left behind: ${(error as Error).message}`)
  }
  const session = openSession(connection, POST_BUDGET_MS, io)
  try {
    await stopLeftovers(session.provider, logger, runs)
  } finally {
    session.close()
  }
  saveRunsToStop(io.state, [])
}

async function stopLeftovers(provider: Provider, logger: Logger, runs: RunRef[]): Promise<void> {
  let unfinished = runs
  try {
    const snapshots = await provider.poll(runs)
    unfinished = runs.filter((r) => {
      const state = snapshots.get(runKey(r))?.state
      return state === undefined || state === 'running' || state === 'manual'
    })
  } catch (error) {
    // Without a status, try to stop them all: stopping a run that has ended does no harm.
    logger.warning(`Could not read the status of the runs left behind: ${(error as Error).message}`)
  }
  if (unfinished.length === 0) return
  logger.info(`The main step ended before it could stop ${unfinished.length} run(s); stopping them now.`)
  await stopRuns(provider, logger, unfinished)
}
