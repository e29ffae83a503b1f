import type { NodeState, RunState } from '../model.js'

/** Reads the status words of one answer, noting those the tables do not know. */
export interface StatusReader {
  run(status: string): RunState
  node(status: string): NodeState
  /** Words seen that are in no table, in the order seen: each is warned about once, by name. */
  readonly unknown: string[]
}

/**
 * A provider's status words → states, for runs and for stages, jobs and steps. Every word the
 * official SDKs document is in a table (docs/statuses.md). Any other word means "still running":
 * waiting on until the timeout is recoverable, declaring an unknown status finished is not.
 */
export function statusClasses(
  runTable: Readonly<Record<string, RunState>>,
  nodeTable: Readonly<Record<string, NodeState>>
): { reader(): StatusReader } {
  return {
    reader: () => {
      const unknown: string[] = []
      const look = <T extends NodeState>(table: Readonly<Record<string, T>>, status: string): T | 'running' => {
        const word = status.trim().toUpperCase()
        const state = table[word]
        if (state !== undefined) return state
        const shown = word === '' ? '(no status)' : status.trim()
        if (!unknown.includes(shown)) unknown.push(shown)
        return 'running'
      }
      return { run: (s) => look(runTable, s), node: (s) => look(nodeTable, s), unknown }
    }
  }
}
