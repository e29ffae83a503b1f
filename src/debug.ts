// The entry for GitHub's local debugger (`npx local-action . src/debug.ts .env`, README "Debug
// locally"). The debugger replaces @actions/core with its own to collect what a step sets. The
// action does not use @actions/core (it writes the runner's files itself, action/runner-commands.ts,
// which keeps a second HTTP client out of its bundle), so this entry hands run() the runner's IO
// with its inputs, outputs, state and summary going through @actions/core, for the debugger to see.
// Nothing else differs; the bundle never reads this file.

import * as core from '@actions/core'
import { actionIO } from './action/io.js'
import { run as runStep } from './main.js'

export async function run(): Promise<void> {
  await runStep({
    ...actionIO(),
    readInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    state: { save: (name, value) => core.saveState(name, value), get: (name) => core.getState(name) },
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write()
    }
  })
}
