// Entry point of dist/index.js, for both the main and the post step.

import * as core from '@actions/core'
import { actionsLogger } from './log/logger.js'
import { run } from './gate/gate.js'
import { post } from './action/post.js'
import { actionsState, isPost, markMainStarted } from './action/state.js'
import { originFromEnv } from './gate/request.js'

// The runner cancels a step with SIGINT, then SIGTERM 7.5 s later (Ctrl+C then Ctrl+Break, which
// Node calls SIGBREAK, on Windows). Without handlers Node exits at once and no run would be stopped.
const cancellation = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM', 'SIGBREAK'] as const) {
  process.on(signal, () => {
    if (!cancellation.signal.aborted) actionsLogger.info(`Received ${signal}: cancelling.`)
    cancellation.abort()
  })
}

const io = {
  logger: actionsLogger,
  readInput: (name: string) => core.getInput(name),
  setOutput: (name: string, value: string) => core.setOutput(name, value),
  // What core.setFailed does, through our own logger: the message names remote things.
  setFailed: (message: string) => {
    process.exitCode = 1
    actionsLogger.error(message)
  },
  state: actionsState,
  origin: () => originFromEnv(process.env),
  cancellation: cancellation.signal,
  writeSummary: async (markdown: string) => {
    await core.summary.addRaw(markdown).write()
  }
}

if (isPost(actionsState)) {
  await post(io)
} else {
  markMainStarted(actionsState)
  await run(io)
}
