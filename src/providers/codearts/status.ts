import type { NodeState, RunState } from '../../model.js'

// Run, stage and job statuses share one vocabulary (codearts-api.md §3). Anything not listed, including
// INIT, QUEUED and values Huawei may add later, is "still running": waiting on until the timeout is
// recoverable, declaring an unknown status finished is not.
const STATES: Record<string, NodeState> = {
  COMPLETED: 'success',
  FAILED: 'failure',
  ASYNC_FAILED: 'failure',
  CANCELED: 'cancelled',
  PAUSED: 'manual',
  SUSPEND: 'manual',
  SKIPPED: 'skipped',
  UNSELECTED: 'skipped'
}

export function stateOf(status: string): NodeState {
  return STATES[status.toUpperCase()] ?? 'running'
}

/** A run is never "skipped"; should the service ever say so, keep waiting rather than guess. */
export function runStateOf(status: string): RunState {
  const state = stateOf(status)
  return state === 'skipped' ? 'running' : state
}
