// Runs the action's main step in this process, against the simulator, with the HTTP retry
// timings shortened: for suites that run the action hundreds of times (faults, benchmarks).

import { run } from '../../src/main.ts'
import type { Logger } from '../../src/logger.ts'
import type { Tuning } from '../../src/session.ts'
import { actionDefaults } from './harness.ts'

export interface InProcessResult {
  outputs: Record<string, string>
  failed?: string
  lines: string[]
  summary: string
}

export const FAST: Tuning = { retry: { attempts: 6, baseDelayMs: 20, maxDelayMs: 200 }, requestTimeoutMs: 400, settleMs: 50 }

export async function runInProcess(inputs: Record<string, string>, tuning: Tuning = FAST): Promise<InProcessResult> {
  const values: Record<string, string> = { ...actionDefaults(), ...inputs }
  const result: InProcessResult = { outputs: {}, lines: [], summary: '' }
  const say = (prefix: string) => (message: string) => void result.lines.push(`${prefix}${message}`)
  const logger: Logger = {
    debug: say('debug: '),
    info: say(''),
    warning: say('warning: '),
    error: say('error: '),
    startGroup: say('group: '),
    endGroup: () => undefined,
    secret: () => undefined,
    isDebug: () => false
  }
  const state = new Map<string, string>()
  await run({
    logger,
    readInput: (name) => values[name] ?? '',
    setOutput: (name, value) => void (result.outputs[name] = value),
    setFailed: (message) => void (result.failed = message),
    state: { save: (n, v) => void state.set(n, v), get: (n) => state.get(n) ?? '' },
    origin: () => ({ repository: 'octo-org/shop', sha: '0123456789abcdef', runUrl: 'https://github.com/octo-org/shop/actions/runs/1' }),
    cancellation: new AbortController().signal,
    writeSummary: async (markdown) => void (result.summary += markdown),
    tuning
  })
  return result
}
