// Reading the right record, and reading it whole (issue 13, defects 15, 18–20).

import { describe, expect, it } from 'vitest'
import { hex32 } from '../../simulator/codearts.ts'
import { failingPipeline, quickPipeline } from '../../simulator/fixtures.ts'
import type { PipelineScript } from '../../simulator/script.ts'
import { runAction } from '../../support/harness.ts'
import { codeartsInputs, yunxiaoInputs } from '../../support/inputs.ts'
import { runnerLines } from '../../support/runner-view.ts'
import { useSimulator } from '../../support/simulators.ts'

const sims = useSimulator()

/** The lines printed between a stop-commands block's start and end. */
function verbatimBlocks(log: string): string[][] {
  const lines = runnerLines(log)
  const blocks: string[][] = []
  lines.forEach((line, i) => {
    const start = /^::stop-commands::([0-9a-f]{32})$/.exec(line)
    if (start) blocks.push(lines.slice(i + 1, lines.indexOf(`::${start[1]}::`, i)))
  })
  return blocks
}

describe("defect 18: another run's record is never taken for ours", () => {
  it('CodeArts: a detail answer about another run', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: failingPipeline(50) } })
    const other = hex32()
    s.rewrite = ({ path, payload }) =>
      path.endsWith('/pipeline-runs/detail')
        ? { payload: { ...(payload as object), id: other, status: 'COMPLETED', stages: [] } }
        : undefined
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id, timeout: '5s' }))

    expect(result.outputs['conclusion']).not.toBe('success')
    expect(result.log).toContain(`it is the record of run ${other}, not of run ${s.runsOf(id)[0]!.id}`)
  })

  it('Yunxiao: a run answer about another run', async () => {
    const s = await sims.yunxiao({ '901': { script: failingPipeline(50) } })
    s.rewrite = ({ method, path, payload }) =>
      method === 'GET' && /\/runs\/\d+$/.test(path)
        ? { payload: { ...(payload as object), pipelineRunId: 77, status: 'SUCCESS', stages: [] } }
        : undefined
    const result = await runAction(yunxiaoInputs(s, { 'pipeline-ids': '901', timeout: '5s' }))

    expect(result.outputs['conclusion']).not.toBe('success')
    expect(result.log).toContain('it is the record of run 77, not of run 1')
  })
})

describe('defect 19: Yunxiao, the latest run by number, not by list order', () => {
  it('waits on run 12 of a pipeline whose list comes oldest first', async () => {
    const s = await sims.yunxiao({ '902': { script: quickPipeline(40) } })
    for (let i = 0; i < 12; i++) s.startRun('902')
    const result = await runAction(yunxiaoInputs(s, { 'pipeline-ids': '902', mode: 'wait' }))

    expect(result.outputs).toMatchObject({ conclusion: 'success', 'run-id': '12' })
  })
})

describe('defect 20: CodeArts log pages, whichever offset the service reads', () => {
  it.each(['start', 'end'] as const)('a service that continues from %s_offset: every line once, in order', async (logPaging) => {
    const id = hex32()
    const lines = Array.from({ length: 2_500 }, (_, i) => `log line ${i + 1}`)
    const script = failingPipeline(50)
    script.stages[1]!.jobs[0]!.steps[1]!.log = lines
    const s = await sims.codearts({ [id]: { script } }, { logPaging, logPageBytes: 9_000 })
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id }))

    expect(verbatimBlocks(result.log)).toEqual([lines.slice(-300)])
  })
})

describe('defect 15: a failing step whose log is one huge line', () => {
  it('keeps the end of the line, where the error is, and says how much was cut', async () => {
    const id = hex32()
    const width = 6_000_000
    const script: PipelineScript = {
      name: 'one-line',
      stages: [
        {
          name: 'S',
          jobs: [
            {
              name: 'J',
              steps: [
                {
                  name: 'minified',
                  durationMs: 40,
                  fail: 'exit 1',
                  log: { count: 1, width, line: () => `${'x'.repeat(width - 15)}ERROR: the end.` }
                }
              ]
            }
          ]
        }
      ]
    }
    const s = await sims.codearts({ [id]: { script } }, { logPageBytes: 256 * 1024 })
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id }))

    const [block] = verbatimBlocks(result.log)
    expect(block).toHaveLength(1)
    expect(block![0]).toBe(
      `[line cut: the first ${width - 2_000} of ${width} characters are not shown]…${'x'.repeat(2_000 - 15)}ERROR: the end.`
    )
  })
})
