// Runs the action's main step in this process, against the simulator, with the HTTP retry
// timings shortened: for suites that run the action hundreds of times (faults, campaigns,
// benchmarks). What it prints is captured byte for byte as the runner would read it.

import type { Tuning } from '../../src/config/settings.ts'
import type { Logger } from '../../src/log/logger.ts'
import { commandLogger } from '../../src/log/logger.ts'
import { run } from '../../src/main.ts'
import { post } from '../../src/post.ts'
import { actionDefaults } from './harness.ts'
import { runnerLines } from './runner-view.ts'

export interface InProcessResult {
  outputs: Record<string, string>
  failed?: string
  /** Lines as printed (stdout), in order. */
  lines: string[]
  /** stdout exactly as the runner would read it. */
  stdout: string
  /** For each line as the runner splits stdout: whether our own code printed it as a command. */
  commandLines: boolean[]
  summary: string
  state: Map<string, string>
}

export const FAST: Tuning = {
  retry: { attempts: 6, baseDelayMs: 20, maxDelayMs: 200 },
  requestTimeoutMs: 400,
  settleMs: 50,
  searchWindowMs: 600
}

export interface InProcessOptions {
  tuning?: Tuning
  /** Aborts like the runner's cancel. */
  cancellation?: AbortSignal
  /** Debug output on (RUNNER_DEBUG=1); on by default, as the most revealing setting. */
  debug?: boolean
  /** State from an earlier step (for the post step). */
  state?: Map<string, string>
}

export async function runInProcess(inputs: Record<string, string>, tuning: Tuning | InProcessOptions = FAST): Promise<InProcessResult> {
  const options: InProcessOptions =
    'tuning' in tuning || 'cancellation' in tuning || 'debug' in tuning || 'state' in tuning ? tuning : { tuning: tuning as Tuning }
  const values: Record<string, string> = { ...actionDefaults(), ...inputs }
  let stdout = ''
  const commandLines: boolean[] = []
  const logger: Logger = commandLogger((text, command) => {
    stdout += text
    for (const _line of runnerLines(text)) commandLines.push(command)
  }, options.debug ?? true)
  const result: InProcessResult = {
    outputs: {},
    lines: [],
    commandLines,
    stdout: '',
    summary: '',
    state: options.state ?? new Map<string, string>()
  }
  const state = result.state
  const io = {
    logger,
    readInput: (name: string) => values[name] ?? '',
    setOutput: (name: string, value: string) => {
      result.outputs[name] = value
    },
    setFailed: (message: string) => {
      result.failed = message
      logger.error(message)
    },
    state: { save: (n: string, v: string) => void state.set(n, v), get: (n: string) => state.get(n) ?? '' },
    origin: () => ({ repository: 'octo-org/shop', sha: '0123456789abcdef', runUrl: 'https://github.com/octo-org/shop/actions/runs/1' }),
    cancellation: options.cancellation ?? new AbortController().signal,
    writeSummary: async (markdown: string) => {
      result.summary += markdown
    },
    tuning: options.tuning ?? FAST
  }
  if (state.get('isPost') === 'true') await post(io)
  else {
    state.set('isPost', 'true')
    await run(io)
  }
  result.stdout = stdout
  result.lines = stdout.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '')
  return result
}
