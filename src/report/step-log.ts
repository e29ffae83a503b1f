// A step's log as the job log shows it: only its tail is kept (a 100 MB log streams through in
// bounded memory), and it is printed so that no line of it can act as a workflow command.

import { randomBytes } from 'node:crypto'
import type { Logger } from '../logger.js'

export interface LogTail {
  /** The last lines, in order. */
  lines: string[]
  /** How many lines the log had in all. */
  total: number
}

// The web log cuts lines at 1024 characters anyway; longer ones would only cost memory.
const MAX_LINE = 2_000

/** Consumes the lines, keeping the last `limit` (a ring buffer: memory is `limit` lines, whatever the log's size). */
export async function readTail(lines: AsyncIterable<string>, limit: number): Promise<LogTail> {
  const ring: string[] = new Array<string>(limit)
  let total = 0
  for await (const line of lines) {
    ring[total % limit] = line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… [line cut at ${MAX_LINE} characters]` : line
    total++
  }
  const kept = Math.min(total, limit)
  const start = total - kept
  return { lines: Array.from({ length: kept }, (_, i) => ring[(start + i) % limit]!), total }
}

/**
 * Prints text that came from the pipeline service. Between `::stop-commands::<token>` and
 * `::<token>::` the runner treats every line as plain text, so a log line such as `::add-mask::…` or
 * `::error::…` is shown, not obeyed. The token is random, so the text cannot end the block itself.
 */
export function printVerbatim(logger: Logger, lines: readonly string[]): void {
  const token = randomBytes(16).toString('hex')
  logger.info(`::stop-commands::${token}`)
  for (const line of lines) logger.info(line)
  logger.info(`::${token}::`)
}
