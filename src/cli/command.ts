// The command from its arguments to its exit code: flags, files and environment become inputs,
// then the action's own run() does the work through the command's IO; afterwards the results are
// written as JSON and JUnit XML when asked for, and the exit code says how it all ended.

import { writeFileSync } from 'node:fs'
import { VERSION } from '../action/action-yml.generated.js'
import type { Tuning } from '../config/settings.js'
import type { Drain } from '../log/drain.js'
import { run } from '../main.js'
import { FlagError, parseArgs } from './args.js'
import { EXIT, type ExitReason, exitReason } from './exit-codes.js'
import { helpText, secretAdvice } from './help.js'
import { type Given, resolveInputs } from './inputs.js'
import { commandIO, type StepRecord } from './io.js'
import { renderJunit } from './junit.js'
import { type TerminalLogger, terminalLogger } from './logger.js'
import { commandTransport } from './transport.js'

export interface Terminal {
  stdout(text: string): void
  stderr(text: string): void
  /** Whether each stream is a terminal (colours only then). */
  stdoutIsTTY: boolean
  stderrIsTTY: boolean
  /** When each stream is full (log/drain.ts); left out, the streams are never waited for. */
  stdoutDrain?: Drain
  stderrDrain?: Drain
}

export async function command(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  terminal: Terminal,
  cancellation: AbortSignal,
  tuning?: Tuning
): Promise<number> {
  const json = argv.includes('--json')
  const color = (tty: boolean): boolean => tty && (env['NO_COLOR'] ?? '') === ''
  const drain = json ? terminal.stderrDrain : terminal.stdoutDrain
  const logger = terminalLogger({
    write: json ? terminal.stderr : terminal.stdout,
    ...(drain !== undefined && { drain }),
    color: color(json ? terminal.stderrIsTTY : terminal.stdoutIsTTY),
    gitlab: (env['GITLAB_CI'] ?? '') !== '',
    debug: argv.includes('--debug')
  })

  // Which build on which Node: the first thing to know about a report.
  logger.debug(`codearts-pipeline ${VERSION} on Node ${process.version}`)
  let given: Map<string, Given>
  let options: ReturnType<typeof parseArgs>['options']
  try {
    const args = parseArgs(argv, secretAdvice)
    options = args.options
    if (options.help) {
      terminal.stdout(helpText())
      return EXIT.success
    }
    if (options.version) {
      terminal.stdout(`${VERSION}\n`)
      return EXIT.success
    }
    given = resolveInputs(args, env)
  } catch (error) {
    if (!(error instanceof FlagError)) throw error
    logger.error(error.message)
    if (json)
      terminal.stdout(
        `${JSON.stringify({ conclusion: 'failure', exit_code: EXIT.badInput, reason: 'badInput', message: error.message, results: [] })}\n`
      )
    return EXIT.badInput
  }

  const { io, record } = commandIO({
    given,
    logger,
    env,
    cancellation,
    ...(options.summaryFile !== undefined && { summaryFile: options.summaryFile })
  })
  if (tuning) io.tuning = tuning
  const transport = await commandTransport(env)
  if (transport.transport) io.transport = transport.transport
  logger.debug(`Requests go ${transport.how}.`)
  const onCancel = (): void =>
    logger.info(`Received ${String(cancellation.reason ?? 'a stop signal')}: stopping the runs this command started.`)
  cancellation.addEventListener('abort', onCancel, { once: true })
  try {
    await run(io)
  } finally {
    cancellation.removeEventListener('abort', onCancel)
    transport.restore()
  }

  const reason = exitReason({ conclusion: record.outputs['conclusion'], cause: record.failure?.cause, report: record.report })
  if (options.junit !== undefined) writeJunit(options.junit, record, reason, logger)
  if (options.json) terminal.stdout(`${JSON.stringify(jsonResult(record, reason, logger))}\n`)
  return EXIT[reason]
}

function writeJunit(path: string, record: StepRecord, reason: ExitReason, logger: TerminalLogger): void {
  try {
    writeFileSync(
      path,
      renderJunit({
        ...(record.report && { report: record.report }),
        ...(record.failure && { failure: record.failure.message }),
        reason,
        redact: (text) => logger.redact(text)
      })
    )
  } catch (error) {
    logger.warning(`Could not write the JUnit report to ${path}: ${(error as Error).message}`)
  }
}

/** The results output with the exit code and its reason; every string cut free of secrets. */
function jsonResult(record: StepRecord, reason: ExitReason, logger: TerminalLogger): unknown {
  let results: unknown = []
  try {
    results = JSON.parse(record.outputs['results'] ?? '[]')
  } catch {
    results = []
  }
  return redactStrings(
    {
      conclusion: record.outputs['conclusion'] ?? 'failure',
      exit_code: EXIT[reason],
      reason,
      message: record.failure?.message ?? null,
      run_ids: (record.outputs['run-ids'] ?? '').split(',').filter((id) => id !== ''),
      results
    },
    logger
  )
}

function redactStrings(value: unknown, logger: TerminalLogger): unknown {
  if (typeof value === 'string') return logger.redact(value)
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, logger))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactStrings(v, logger)]))
  }
  return value
}
