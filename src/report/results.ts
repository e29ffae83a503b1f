// The per-run results (the `results` output) and the step's overall conclusion.

import type { Conclusion, Failure, RunSnapshot, TrackedRun } from '../model.js'
import type { ManualGatePolicy } from '../settings.js'

export interface RunResult {
  pipeline_id: string
  run_id: string
  run_number: number | null
  status: string
  conclusion: Conclusion
  url: string
  started_at: string | null
  finished_at: string | null
  duration_s: number | null
  failures: Failure[]
}

/** Why the wait ended early, if it did; see WaitResult. */
export type Interruption = 'timeout' | 'cancelled' | 'fail-fast' | undefined

export function conclusionOf(snapshot: RunSnapshot | undefined, interrupted: Interruption, onManualGate: ManualGatePolicy): Conclusion {
  switch (snapshot?.state) {
    case 'success':
      return 'success'
    case 'failure':
      return 'failure'
    case 'cancelled':
      return 'cancelled'
  }
  if (snapshot?.state === 'manual' && onManualGate === 'fail') return 'failure'
  // Still running (or waiting at a gate) when the wait ended.
  if (interrupted === 'timeout') return 'timed_out'
  return 'cancelled' // the job was cancelled, or fail-fast stopped it
}

export interface Ending {
  interrupted: Interruption
  onManualGate: ManualGatePolicy
}

export function resultOf(run: TrackedRun, snapshot: RunSnapshot | undefined, ending: Ending, failures: Failure[]): RunResult {
  const started = snapshot?.startedAt
  const finished = snapshot?.finishedAt
  return {
    pipeline_id: run.pipelineId,
    run_id: run.runId,
    run_number: snapshot?.runNumber ?? null,
    status: snapshot?.status ?? '',
    conclusion: conclusionOf(snapshot, ending.interrupted, ending.onManualGate),
    url: snapshot?.url ?? run.url,
    started_at: started?.toISOString() ?? null,
    finished_at: finished?.toISOString() ?? null,
    duration_s: started && finished ? Math.round((finished.getTime() - started.getTime()) / 1000) : null,
    failures
  }
}

/**
 * One word for all runs. A cancelled job says so whatever the runs did; otherwise a failure
 * outweighs a timeout, which outweighs a run someone cancelled in the console.
 */
export function overallConclusion(results: readonly RunResult[], interrupted: Interruption): Conclusion {
  if (interrupted === 'cancelled') return 'cancelled'
  for (const c of ['failure', 'timed_out', 'cancelled'] as const) {
    if (results.some((r) => r.conclusion === c)) return c
  }
  return 'success'
}
