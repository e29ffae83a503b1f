// What the main step leaves for the post step (GITHUB_STATE → STATE_*). One bundle serves both;
// the flag tells them apart, as in actions/checkout.

import * as core from '@actions/core'
import { arr, obj, str } from './json.js'
import type { RunRef } from './model.js'

export interface StateStore {
  save(name: string, value: string): void
  get(name: string): string
}

export const actionsState: StateStore = { save: (n, v) => core.saveState(n, v), get: (n) => core.getState(n) }

const IS_POST = 'isPost'
const RUNS_TO_STOP = 'runsToStop'

export function isPost(state: StateStore): boolean {
  return state.get(IS_POST) === 'true'
}

export function markMainStarted(state: StateStore): void {
  state.save(IS_POST, 'true')
}

/**
 * The runs the post step must stop if the main step is killed before it can: written as each run
 * starts, rewritten once they are settled. The last value written is the one the post step sees.
 */
export function saveRunsToStop(state: StateStore, runs: readonly RunRef[]): void {
  state.save(RUNS_TO_STOP, JSON.stringify(runs.map(({ pipelineId, runId, queueId }) => ({ pipelineId, runId, ...(queueId && { queueId }) }))))
}

export function runsToStop(state: StateStore): RunRef[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(state.get(RUNS_TO_STOP) || '[]')
  } catch {
    return []
  }
  return arr(parsed)
    .map(obj)
    .map((r) => ({ pipelineId: str(r['pipelineId']), runId: str(r['runId']), ...(str(r['queueId']) && { queueId: str(r['queueId']) }) }))
    .filter((r) => r.pipelineId !== '' && r.runId !== '')
}
