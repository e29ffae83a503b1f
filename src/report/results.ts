// The per-run results (the `results` output) and the step's overall conclusion.

import type { ManualGatePolicy } from '../config/settings.js'
import type { Conclusion, Failure, RunSnapshot, TrackedRun } from '../model.js'
import { failurePath } from './failures.js'

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
  /** `path` is failurePath(): where it failed, through sub-pipelines, in words. */
  failures: (Failure & { path: string })[]
  /** Set when the action stopped the run: true when the service confirmed it, false when it may still be running. */
  stopped?: boolean
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
    failures: failures.map((failure) => ({ ...failure, path: failurePath(failure) }))
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

/** A run started in `mode: trigger`: nothing is known of it but that it exists. */
export function startedResult(run: TrackedRun): RunResult {
  return {
    pipeline_id: run.pipelineId,
    run_id: run.runId,
    run_number: null,
    status: run.queueId !== undefined ? 'QUEUED' : 'STARTED',
    conclusion: 'success',
    url: run.url,
    started_at: null,
    finished_at: null,
    duration_s: null,
    failures: []
  }
}

/** The step's one-line failure: each unsuccessful pipeline (by name when known) and what failed in it. */
export function failureLine(
  results: readonly RunResult[],
  interrupted: Interruption,
  timeoutMs: number,
  nameOf: (pipelineId: string) => string | undefined
): string {
  const parts = results
    .filter((r) => r.conclusion !== 'success')
    .map((r) => {
      const run = r.run_number !== null ? `run #${r.run_number}` : `run ${r.run_id}`
      const where = r.failures.map(failurePath).filter((p) => p !== '')
      const detail = where.length > 0 ? ` at ${where.join(', ')}` : ''
      const late = r.status === 'CANCELED' ? 'and was stopped' : `(${r.status || 'not read'})`
      const state = r.conclusion === 'timed_out' ? `did not end in time ${late}` : r.status || r.conclusion
      const name = nameOf(r.pipeline_id)
      return `${name !== undefined ? `${name} (pipeline ${r.pipeline_id})` : `pipeline ${r.pipeline_id}`} ${run} ${state}${detail}`
    })
  const why = { timeout: `Timed out after ${timeoutMs / 1000}s: `, cancelled: 'Cancelled: ', 'fail-fast': 'Stopped early (fail-fast): ' }
  return `${interrupted ? why[interrupted] : ''}${parts.join('; ')}`
}
