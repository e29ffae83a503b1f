// The seam between the action and the world it runs in. Everything the step does to the runner
// (inputs, outputs, state, the log, the summary, cancellation) goes through an ActionIO, so that the
// same code runs under the runner, in tests against the simulator, and under GitHub's local debugger.

import * as core from '@actions/core'
import type { InputReader } from '../config/input-rules.js'
import type { Tuning } from '../config/settings.js'
import { actionsLogger, type Logger } from '../log/logger.js'
import type { SetOutput } from '../report/outputs.js'
import type { SummaryInput } from '../report/summary.js'
import { type Origin, originFromEnv } from './origin.js'
import { actionsState, type StateStore } from './state.js'

export interface ActionIO {
  logger: Logger
  readInput: InputReader
  setOutput: SetOutput
  /** `cause` is the error that ended the step, if one did: an IO may tell kinds of failure apart (the command's exit codes). */
  setFailed(message: string, cause?: unknown): void
  state: StateStore
  /** The GitHub run, for the default run description. */
  origin(): Origin
  /** Aborts when the runner cancels the job. */
  cancellation: AbortSignal
  writeSummary(markdown: string): Promise<void>
  /**
   * What the summary is made of, given whether or not a summary is written: for an IO that reports
   * the runs in a form of its own (the command's --junit and exit codes).
   */
  report?(input: SummaryInput): void
  tuning?: Tuning
}

let cancellation: AbortController | undefined

/**
 * The runner's IO: inputs from INPUT_*, outputs and state through the runner's files, the log on
 * stdout. The first call also installs the signal handlers that turn the runner's cancel into an
 * aborted signal.
 */
export function actionIO(): ActionIO {
  if (cancellation === undefined) {
    cancellation = new AbortController()
    // The runner cancels a step with SIGINT, then SIGTERM 7.5 s later (Ctrl+C then Ctrl+Break, which
    // Node calls SIGBREAK, on Windows). Without handlers Node exits at once and no run would be stopped.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGBREAK'] as const) {
      process.on(signal, () => {
        if (!cancellation!.signal.aborted) actionsLogger.info(`Received ${signal}: cancelling.`)
        cancellation!.abort()
      })
    }
  }
  return {
    logger: actionsLogger,
    readInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    // What core.setFailed does, through our own logger: the message names remote things.
    setFailed: (message) => {
      process.exitCode = 1
      actionsLogger.error(message)
    },
    state: actionsState,
    origin: () => originFromEnv(process.env),
    cancellation: cancellation.signal,
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write()
    }
  }
}
