// The built bundle under faults: a start whose answer is lost, throttling, an outage mid-wait.

import { describe, expect, it } from 'vitest'
import { hex32 } from '../simulator/codearts.ts'
import type { FaultPlan } from '../simulator/faults.ts'
import { quickPipeline } from '../simulator/fixtures.ts'
import { runAction } from '../support/harness.ts'
import { runInProcess } from '../support/in-process.ts'
import { codeartsInputs } from '../support/inputs.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()

async function runWith(faults: FaultPlan, script = quickPipeline(300)) {
  const id = hex32()
  const sim = await sims.codearts({ [id]: { script } }, { faults })
  const result = await runAction(codeartsInputs(sim, { 'iam-project-id': sim.iamProjectId, 'pipeline-ids': id }))
  return { id, result, sim }
}

/** The first `n` requests to paths ending in `suffix` meet `fault`. */
function first(n: number, suffix: string, fault: ReturnType<FaultPlan>): FaultPlan {
  let seen = 0
  return ({ path }) => (path.endsWith(suffix) && seen++ < n ? fault : undefined)
}

describe('resilience (built bundle)', () => {
  it('a start accepted and then cut off is found again, not repeated', async () => {
    const { id, result, sim } = await runWith(first(1, '/run', { kind: 'handled-then-reset' }))
    expect(result.exitCode).toBe(0)
    expect(sim.runsOf(id)).toHaveLength(1)
    expect(result.log).toContain(`Found it: the start of pipeline ${id} had worked (run ${sim.runsOf(id)[0]!.id}).`)
  })

  it('a start answered by a gateway error before it arrived is searched for, then sent again', async () => {
    // In process: the search lasts the whole (here shortened) window before the start is sent again.
    const id = hex32()
    const sim = await sims.codearts({ [id]: { script: quickPipeline(300) } }, { faults: first(1, '/run', { kind: 'status', status: 503 }) })
    const result = await runInProcess(codeartsInputs(sim, { 'iam-project-id': sim.iamProjectId, 'pipeline-ids': id }))
    expect(result.failed).toBeUndefined()
    expect(result.outputs['conclusion']).toBe('success')
    expect(sim.runsOf(id)).toHaveLength(1)
    expect(sim.requests.filter((r) => r.path.endsWith('/run'))).toHaveLength(2)
    expect(result.stdout).toContain(`No run of pipeline ${id} appeared for that start: it did not happen. Starting again (2 of 5).`)
  })

  it('honours Retry-After on a throttled status read', async () => {
    const { result, sim } = await runWith(first(1, '/pipelines/status', { kind: 'status', status: 429 }))
    expect(result.exitCode).toBe(0)
    const reads = sim.requests.filter((r) => r.path.endsWith('/pipelines/status'))
    expect(reads[1]!.at - reads[0]!.at).toBeGreaterThanOrEqual(950)
  })

  it('keeps waiting through an outage longer than one request can retry, and says so', async () => {
    // In process, with short retry timings: through the bundle this takes the production back-off (about 15 s a cycle).
    const id = hex32()
    const sim = await sims.codearts(
      { [id]: { script: quickPipeline(200) } },
      { faults: first(12, '/pipelines/status', { kind: 'status', status: 502 }) }
    )
    const result = await runInProcess(codeartsInputs(sim, { 'iam-project-id': sim.iamProjectId, 'pipeline-ids': id }))
    expect(result.failed).toBeUndefined()
    expect(result.outputs['conclusion']).toBe('success')
    expect(result.lines).toContainEqual(
      expect.stringMatching(/^::warning::Could not read the run status \(.*HTTP 502 APIGW\.0502.*\); trying again \(1 in a row\)/)
    )
    expect(result.lines).toContainEqual(expect.stringMatching(/^Could not read the run status \(.*\); trying again \(2 in a row\)/))
    expect(result.lines.filter((l) => l.startsWith('::warning'))).toHaveLength(1)
    // Each retry is said, with what is retried and why.
    expect(result.lines).toContainEqual(
      expect.stringMatching(/^Retrying reading the status of pipeline [0-9a-f]{32} in \d+\.\d s \(try 2 of 6\): HTTP 502/)
    )
  })
})
