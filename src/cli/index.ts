#!/usr/bin/env node
// Entry point of dist/cli/index.js, the `codearts-pipeline` command. SIGINT and SIGTERM abort the
// work the way the runner's cancel does: the runs this command started are stopped, then it exits
// with the cancelled code. A second signal exits at once, without waiting for the stops.

import { streamDrain } from '../log/drain.js'
import { command } from './command.js'
import { EXIT } from './exit-codes.js'

const cancellation = new AbortController()
// SIGBREAK: Ctrl+Break on Windows, as the runner sends it (action/io.ts).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGBREAK'] as const) {
  process.on(signal, () => {
    if (!cancellation.signal.aborted) return cancellation.abort(signal)
    process.stderr.write(`Received ${signal} again: exiting without waiting for the runs to stop.\n`)
    process.exit(EXIT.cancelled)
  })
}

process.exitCode = await command(
  process.argv.slice(2),
  process.env,
  {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdoutDrain: streamDrain(process.stdout),
    stderrDrain: streamDrain(process.stderr)
  },
  cancellation.signal
)
