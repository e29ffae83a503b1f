// Yunxiao as documented (issue 12): the step list in its current shape and its legacy one, run
// numbers that repeat across pipelines, and a link to the run only where the service says it is.

import { describe, expect, it } from 'vitest'
import { failingPipeline, quickPipeline } from '../simulator/fixtures.ts'
import { runAction } from '../support/harness.ts'
import { yunxiaoInputs } from '../support/inputs.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()

type Step = { stepIndex: string; stepName: string; status: string }

/** The simulator's `steps` answer, reshaped as a current revision of GetPipelineJobSteps documents it. */
const shapes: [string, (group: { buildId: number; steps: Step[] }) => unknown][] = [
  ['buildProcessNodes, one object', ({ buildId, steps }) => ({ buildId, buildProcessNodes: steps })],
  ['buildProcessNodes, an array of objects', ({ buildId, steps }) => [{ buildId, buildProcessNodes: steps }]],
  ['buildProcessNodes beside an empty legacy list', ({ buildId, steps }) => ({ buildId, steps: [], buildProcessNodes: steps })],
  [
    'deprecated nodeName/nodeIndex only',
    ({ buildId, steps }) => ({
      buildId,
      buildProcessNodes: steps.map((s) => ({ nodeIndex: Number(s.stepIndex), nodeName: s.stepName, status: s.status }))
    })
  ],
  ['legacy steps, an array of objects', ({ buildId, steps }) => [{ buildId, steps }]]
]

describe('the failing step is named, whichever shape the step list comes in', () => {
  it.each(shapes)('%s', async (_shape, reshape) => {
    const s = await sims.yunxiao({ '1201': { script: failingPipeline(50) } })
    s.rewrite = ({ path, payload }) => {
      if (!path.endsWith('/steps')) return undefined
      const { buildId, steps } = payload as { buildId: number; steps: Step[] }
      return { payload: reshape({ buildId, steps }) }
    }
    const result = await runAction(yunxiaoInputs(s, { 'pipeline-ids': '1201' }))

    expect(result.outputs['conclusion']).toBe('failure')
    const [entry] = JSON.parse(result.outputs['results']!)
    expect(entry.failures).toEqual([
      { stage: 'Build', job: 'Unit tests', step: 'npm test', message: '', path: 'Build / Unit tests / npm test' }
    ])
    expect(result.log).toContain('::error title=shop-test #1 / Build / Unit tests / npm test::')
    expect(result.log).not.toContain('Unit tests / job log')
    expect(result.summary).toContain('Build / Unit tests / npm test')
  })
})

describe('run numbers count from 1 in each pipeline', () => {
  it('trigger in one step, wait in the next with run-ids 1,1', async () => {
    const s = await sims.yunxiao({ '1202': { script: quickPipeline(60) }, '1203': { script: quickPipeline(60) } })
    const started = await runAction(yunxiaoInputs(s, { 'pipeline-ids': '1202,1203', mode: 'trigger' }))
    expect(started.outputs['run-ids']).toBe('1,1')

    const waited = await runAction(yunxiaoInputs(s, { 'pipeline-ids': '1202,1203', mode: 'wait', 'run-ids': started.outputs['run-ids']! }))
    expect(waited.exitCode).toBe(0)
    expect(
      JSON.parse(waited.outputs['results']!).map((r: { pipeline_id: string; run_id: string }) => `${r.pipeline_id}/${r.run_id}`)
    ).toEqual(['1202/1', '1203/1'])
  })
})
