// A step's log as the job log shows it: only its tail is kept, so a 100 MB log streams through in
// bounded memory. (Printing it so that no line can act as a workflow command is Logger.verbatim.)

export interface LogTail {
  /** The last lines, in order. */
  lines: string[]
  /** How many lines the log had in all. */
  total: number
}

/**
 * Consumes the lines, keeping the last `limit` (a ring buffer: memory is `limit` lines, whatever the
 * log's size; the providers' line readers already cut each line to text-pages.ts MAX_LINE, and each
 * kept line is a copy that holds no page alive).
 */
export async function readTail(lines: AsyncIterable<string>, limit: number): Promise<LogTail> {
  const ring: string[] = new Array<string>(limit)
  let total = 0
  for await (const line of lines) {
    ring[total % limit] = line
    total++
  }
  const kept = Math.min(total, limit)
  const start = total - kept
  return { lines: Array.from({ length: kept }, (_, i) => ring[(start + i) % limit]!), total }
}
