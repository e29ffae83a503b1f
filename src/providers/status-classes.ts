import type { NodeState, RunState } from '../model.js'

/**
 * A provider's status words → states. Any word not in the table means "still running": waiting on
 * until the timeout is recoverable, declaring an unknown status finished is not (DESIGN.md).
 */
export function statusClasses(table: Readonly<Record<string, NodeState>>): { stateOf(status: string): NodeState; runStateOf(status: string): RunState } {
  const stateOf = (status: string): NodeState => table[status.toUpperCase()] ?? 'running'
  return {
    stateOf,
    // A run is never "skipped"; should a service ever say so, keep waiting rather than guess.
    runStateOf: (status) => {
      const state = stateOf(status)
      return state === 'skipped' ? 'running' : state
    }
  }
}
