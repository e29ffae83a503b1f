// The seam between the action and the world it runs in. Everything the step does to the runner
// (inputs, outputs, state, the log, the summary, cancellation) goes through an ActionIO, so that the
// same code runs under the runner, in tests against the simulator, and under GitHub's local debugger.

import type { InputReader } from '../config/input-rules.js'
import type { Tuning } from '../config/settings.js'
import { actionsLogger, type Logger } from '../log/logger.js'
import type { Transport } from '../net/http.js'
import { type ProxySetup, useProxyFromEnv } from '../net/proxy.js'
import type { SetOutput } from '../report/outputs.js'
import type { SummaryInput } from '../report/summary.js'
import { type Origin, originFromEnv } from './origin.js'
import { appendSummary, getInput, setOutput } from './runner-commands.js'
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
  /** How requests leave, when not by Node's own fetch (the command's proxy on an older Node). */
  transport?: Transport
}

let cancellation: AbortController | undefined

/**
 * The runner's IO: inputs from INPUT_*, outputs and state through the runner's files, the log on
 * stdout. The first call also installs the signal handlers that turn the runner's cancel into an
 * aborted signal, and turns Node's proxy support on when the runner names a proxy.
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
    turnOnProxy(process.env, actionsLogger)
  }
  return {
    logger: actionsLogger,
    readInput: (name) => getInput(name),
    setOutput: (name, value) => setOutput(name, value),
    // A failed step is exit code 1 and an error line; the line goes through our logger: the message names remote things.
    setFailed: (message) => {
      process.exitCode = 1
      actionsLogger.error(message)
    },
    state: actionsState,
    origin: () => originFromEnv(process.env),
    cancellation: cancellation.signal,
    writeSummary: (markdown) => appendSummary(markdown)
  }
}

/**
 * Node's proxy support, on when the runner names a proxy. The runner's Node 24 may predate turning
 * it on at run time; from 24.5 it applies it given NODE_USE_ENV_PROXY=1 at start-up (docs/proxy.md).
 * The warning names the variable, never its value, which may hold the proxy's password.
 */
export function turnOnProxy(env: NodeJS.ProcessEnv, logger: Logger, setUp: (env: NodeJS.ProcessEnv) => ProxySetup = useProxyFromEnv): void {
  const proxy = setUp(env)
  if (proxy.kind === 'unavailable' && env['NODE_USE_ENV_PROXY'] !== '1') {
    logger.warning(
      `${proxy.variable} is set, but Node ${process.version} cannot apply a proxy at run time (Node 24.14 or later can), so ` +
        `requests go directly; set NODE_USE_ENV_PROXY: 1 in the step's env for Node to apply it at start-up (docs/proxy.md)`
    )
  }
}
