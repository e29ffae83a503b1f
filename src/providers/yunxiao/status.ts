import type { NodeState, RunState } from '../../model.js'

// Documented: SUCCESS, FAIL, CANCELED, RUNNING, WAITING (yunxiao-api.md §4); step statuses come in
// lower case. The other spellings listed are ones the reference warns may appear. Anything else
// means "still running": waiting on until the timeout is recoverable, guessing an end is not.
const STATES: Record<string, NodeState> = {
  SUCCESS: 'success',
  FAIL: 'failure',
  FAILED: 'failure',
  CANCELED: 'cancelled',
  CANCELLED: 'cancelled',
  WAITING: 'manual',
  SKIPPED: 'skipped'
}

export function stateOf(status: string): NodeState {
  return STATES[status.toUpperCase()] ?? 'running'
}

export function runStateOf(status: string): RunState {
  const state = stateOf(status)
  return state === 'skipped' ? 'running' : state
}
