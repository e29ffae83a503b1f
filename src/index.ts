// Entry point of dist/index.js.

import * as core from '@actions/core'
import { actionsLogger } from './logger.js'
import { run } from './main.js'
import { originFromEnv } from './trigger.js'

await run({
  logger: actionsLogger,
  readInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: (message) => core.setFailed(message),
  origin: () => originFromEnv(process.env)
})
