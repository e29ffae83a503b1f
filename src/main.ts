// The main step's logic: read the inputs, then let the gate do the work. `run()` with no argument
// runs under the runner (and under GitHub's local debugger, `npx @github/local-action . src/main.ts
// .env`); tests give it an IO of their own.

import { getInputs } from './action/inputs.js'
import { type ActionIO, actionIO } from './action/io.js'
import { forkNote } from './action/origin.js'
import { maskSecretInputs, maskSecretVariables } from './action/secrets.js'
import type { Settings } from './config/settings.js'
import { Gate, messageOf } from './gate/gate.js'
import { openSession } from './gate/session.js'

export async function run(io: ActionIO = actionIO()): Promise<void> {
  // Before anything can print one, the secrets are handed to the log masker.
  maskSecretInputs(io.readInput, (value) => io.logger.secret(value))
  let settings: Settings
  try {
    settings = getInputs(io.readInput)
  } catch (error) {
    // Later steps branch on `conclusion`; an input error is a failure like any other.
    io.setOutput('conclusion', 'failure')
    return io.setFailed(`${messageOf(error, io.logger)}${forkNote(error, io.origin())}`, error)
  }
  maskSecretVariables(settings.trigger, (value) => io.logger.secret(value))
  const session = openSession(settings.connection, settings.wait.timeoutMs, io)
  try {
    await new Gate(settings, io, session).run()
  } finally {
    session.close()
  }
}
