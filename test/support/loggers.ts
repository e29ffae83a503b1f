// Loggers for tests: one that prints nothing, and one that records exactly what the runner would read.

import { commandLogger, type Logger } from '../../src/log/logger.ts'

/** Prints nothing; for tests that assert on behaviour, not on the log. */
export const nullLogger: Logger = {
  debug() {},
  info() {},
  notice() {},
  warning() {},
  error() {},
  startGroup() {},
  endGroup() {},
  async verbatim() {},
  secret() {},
  redact: (text) => text,
  isDebug: () => false
}

/** A logger whose output is kept, byte for byte as the runner would read it from stdout. */
export function recordingLogger(debug = true): Logger & { stdout: () => string } {
  let out = ''
  return Object.assign(
    commandLogger((text) => {
      out += text
    }, debug),
    { stdout: () => out }
  )
}
