// What the reports ask to be printed, as data: the reports decide what to say, and the step prints
// it (through its Logger, the one place that decides how text reaches the job log).

import type { Logger } from '../log/logger.js'

export type Printout =
  /** A plain line. */
  | { info: string }
  | { warning: string }
  /** An error annotation with a title. */
  | { annotation: string; title: string }
  /** A collapsed group of lines from the service, printed as they are. */
  | { group: string; lines: readonly string[] }

/** Resolves once everything is printed: a group of log lines waits for the output to drain (Logger.verbatim). */
export async function print(logger: Logger, printouts: readonly Printout[]): Promise<void> {
  for (const p of printouts) {
    if ('info' in p) logger.info(p.info)
    else if ('warning' in p) logger.warning(p.warning)
    else if ('annotation' in p) logger.error(p.annotation, { title: p.title })
    else {
      logger.startGroup(p.group)
      await logger.verbatim(p.lines)
      logger.endGroup()
    }
  }
}
