// Progress lines while waiting: one when a run or one of its stages changes status, never one per
// poll, so a long wait leaves a short, readable log.

import type { Logger } from '../logger.js'
import type { RunSnapshot, TrackedRun } from '../model.js'
import type { SnapshotListener } from '../wait.js'

export function progressPrinter(logger: Logger, label: (run: TrackedRun) => string): SnapshotListener {
  return (run, previous, current) => {
    for (const line of changes(previous, current)) logger.info(`${label(run)}: ${line}`)
  }
}

/** What changed between two reads of one run, in words. */
export function changes(previous: RunSnapshot | undefined, current: RunSnapshot): string[] {
  const lines: string[] = []
  if (previous?.status !== current.status) {
    const number = current.runNumber !== undefined ? `run #${current.runNumber} ` : ''
    lines.push(`${number}${current.status || 'status unknown'}`)
  }
  if (previous === undefined) {
    // The first read shows the plan: every stage on one line.
    if (current.stages.length > 0) lines.push(`  stages: ${current.stages.map((s) => `${s.name} ${s.status}`).join(' · ')}`)
    return lines
  }
  const before = new Map(previous.stages.map((s) => [s.name, s.status]))
  for (const stage of current.stages) {
    if (before.get(stage.name) !== stage.status) lines.push(`  stage ${stage.name}: ${stage.status}`)
  }
  return lines
}
