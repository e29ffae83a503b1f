// Progress lines while waiting: one when a run, a stage or a job changes status, never one per
// poll, so a long wait leaves a short, readable log.

import { isDetail, type RunSnapshot, runKey, type TrackedRun } from '../model.js'

/** The lines that say what changed since the run was last read. Job lines appear when the read included jobs. */
export function progressLines(
  label: (run: TrackedRun) => string
): (run: TrackedRun, previous: RunSnapshot | undefined, current: RunSnapshot) => string[] {
  const jobsSeen = new Map<string, string>()
  return (run, previous, current) => {
    const lines = changes(previous, current).map((line) => `${label(run)}: ${line}`)
    if (!isDetail(current)) return lines
    for (const stage of current.stages) {
      for (const job of stage.jobs) {
        const key = `${runKey(run)}/${stage.name}/${job.name}`
        const before = jobsSeen.get(key)
        jobsSeen.set(key, job.status)
        // A job seen for the first time is worth a line once it has started.
        if (before === job.status || (before === undefined && job.state === 'running' && job.startedAt === undefined)) continue
        lines.push(`${label(run)}:     job ${stage.name} / ${job.name}: ${job.status}`)
      }
    }
    return lines
  }
}

/** What changed in the run and its stages between two reads, in words. */
export function changes(previous: RunSnapshot | undefined, current: RunSnapshot): string[] {
  const lines: string[] = []
  if (previous?.status !== current.status) lines.push(current.status || 'status unknown')
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
