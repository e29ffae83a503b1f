// The built action reads each pipeline's recent runs once, and plans its reads from how long they
// took (docs/polling.md); a run list that cannot be read changes nothing but the plan.

import { describe, expect, it } from 'vitest'
import { hex32 } from '../simulator/codearts.ts'
import { quickPipeline } from '../simulator/fixtures.ts'
import { runAction } from '../support/harness.ts'
import { codeartsInputs, yunxiaoInputs } from '../support/inputs.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()

const ended = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('history', () => {
  it('CodeArts: one run list read, and the debug log says what the earlier runs took', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(600) } })
    s.startRun(id)
    await ended(700)
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id }))

    expect(result.exitCode).toBe(0)
    expect(s.requests.filter((r) => r.path.endsWith('/pipeline-runs/list'))).toHaveLength(1)
    expect(result.log).toMatch(new RegExp(`::debug::Pipeline ${id}: recent runs took 1 s \\(± 0 s\\); reading often near that time\\.`))
  })

  it('CodeArts: a run list answered with an error leaves the plain backoff and a debug line, nothing else', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(1_000) } })
    s.faults = ({ path }) =>
      path.endsWith('/pipeline-runs/list')
        ? { kind: 'answer', status: 200, payload: { error_code: 'DEVPIPE.00011001', error_msg: 'no' } }
        : undefined
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id }))

    expect(result.exitCode).toBe(0)
    expect(result.outputs['conclusion']).toBe('success')
    expect(s.requests.filter((r) => r.path.endsWith('/pipeline-runs/list'))).toHaveLength(1)
    expect(result.log).toMatch(
      new RegExp(`::debug::Pipeline ${id}: could not read its recent runs \\(.*DEVPIPE\\.00011001.*\\); reading on the plain backoff\\.`)
    )
    expect(result.log).not.toMatch(/::(warning|error)::.*recent runs/)
  })

  it('Yunxiao: one read of the run list, and the debug log says what the earlier runs took', async () => {
    const s = await sims.yunxiao({ '41': { script: quickPipeline(600) } })
    s.startRun('41')
    await ended(700)
    const result = await runAction(yunxiaoInputs(s, { 'pipeline-ids': '41' }))

    expect(result.exitCode).toBe(0)
    const lists = s.requests.filter((r) => r.method === 'GET' && /\/runs$/.test(r.path))
    expect(lists).toHaveLength(1)
    expect(result.log).toMatch(/::debug::Pipeline 41: recent runs took 1 s \(± 0 s\); reading often near that time\./)
  })
})
