import type { Conclusion } from '../model.js'
import type { RunResult } from './results.js'

export type SetOutput = (name: string, value: string) => void

/** Every output of action.yml, from the results in `pipeline-ids` order. */
export function writeOutputs(setOutput: SetOutput, results: readonly RunResult[], conclusion: Conclusion): void {
  setOutput('conclusion', conclusion)
  setOutput('results', JSON.stringify(results))
  setOutput('run-ids', results.map((r) => r.run_id).join(','))
  const first = results[0]
  setOutput('run-id', first?.run_id ?? '')
  setOutput('run-url', first?.url ?? '')
  setOutput('status', first?.status ?? '')
}
