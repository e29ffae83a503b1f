// Numbers and statuses as documented, not as assumed (issue 13, defects 4–6).

import { describe, expect, it } from 'vitest'
import { hex32 } from '../../simulator/codearts.ts'
import { quickPipeline } from '../../simulator/fixtures.ts'
import { runAction } from '../../support/harness.ts'
import { codeartsInputs, yunxiaoInputs } from '../../support/inputs.ts'
import { useSimulator } from '../../support/simulators.ts'

const sims = useSimulator()

describe('defect 4: timestamps in any unit never change a verdict', () => {
  it.each([
    ['nanoseconds', (ms: number) => ms * 1_000_000],
    ['seconds', (ms: number) => Math.floor(ms / 1000)],
    ['ISO strings', (ms: number) => new Date(ms).toISOString()],
    ['digit strings', (ms: number) => String(ms)],
    ['garbage', () => 'soon'],
    ['missing', () => undefined]
  ])('%s', async (_unit, convert) => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60) } })
    const times = (item: Record<string, unknown>) => ({
      ...item,
      start_time: convert(Number(item['start_time']) || Date.now()),
      end_time: item['end_time'] ? convert(Number(item['end_time'])) : item['end_time']
    })
    s.rewrite = ({ path, payload }) => {
      if (path.endsWith('/pipelines/status')) return { payload: (payload as Record<string, unknown>[]).map(times) }
      if (path.endsWith('/pipeline-runs/detail')) return { payload: times(payload as Record<string, unknown>) }
    }
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id }))

    expect(result.outputs['conclusion']).toBe('success')
    expect(s.stateOf(s.runsOf(id)[0]!).status).toBe('COMPLETED')
    const [entry] = JSON.parse(result.outputs['results']!)
    if (entry.started_at !== null) expect(Math.abs(Date.parse(entry.started_at) - Date.now())).toBeLessThan(60_000)
  })
})

describe('defect 5: every documented status ends the wait as it should', () => {
  it('CodeArts IGNORED: the run ended, not with success', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60) } })
    s.rewrite = ({ path, payload }) => {
      const ignore = (item: Record<string, unknown>) => (item['status'] === 'COMPLETED' ? { ...item, status: 'IGNORED' } : item)
      if (path.endsWith('/pipelines/status')) return { payload: (payload as Record<string, unknown>[]).map(ignore) }
      if (path.endsWith('/pipeline-runs/detail')) return { payload: ignore(payload as Record<string, unknown>) }
    }
    const began = Date.now()
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id, timeout: '30s' }))

    expect(Date.now() - began).toBeLessThan(15_000)
    expect(result.outputs).toMatchObject({ conclusion: 'failure', status: 'IGNORED' })
  })

  it.each([
    ['TIMEOUT', 'failure'],
    ['TERMINATED', 'cancelled']
  ])('Yunxiao %s → %s', async (word, conclusion) => {
    const s = await sims.yunxiao({ '501': { script: quickPipeline(60) } })
    s.rewrite = ({ path, payload }) => {
      if (/\/runs\/\d+$/.test(path) && (payload as Record<string, unknown>)['status'] === 'SUCCESS')
        return { payload: { ...(payload as object), status: word } }
    }
    const began = Date.now()
    const result = await runAction(yunxiaoInputs(s, { 'pipeline-ids': '501', timeout: '30s' }))

    expect(Date.now() - began).toBeLessThan(15_000)
    expect(result.outputs).toMatchObject({ conclusion, status: word })
  })

  it('an unknown status keeps the wait going and is warned about once, by name', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(1_500) } })
    s.rewrite = ({ path, payload }) => {
      const odd = (item: Record<string, unknown>) => (item['status'] === 'RUNNING' ? { ...item, status: 'WARMING_UP' } : item)
      if (path.endsWith('/pipelines/status')) return { payload: (payload as Record<string, unknown>[]).map(odd) }
      if (path.endsWith('/pipeline-runs/detail')) return { payload: odd(payload as Record<string, unknown>) }
    }
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id }))

    expect(result.outputs['conclusion']).toBe('success')
    expect(result.log.match(/::warning::.*unknown status WARMING_UP/g)).toHaveLength(1)
  })
})

describe('defect 6: a timeout too long for a timer', () => {
  it.each(['600h', '597h', '121h'])('%s is refused before any request, naming the limit', async (timeout) => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60) } })
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id, timeout }))

    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(/::error::Input 'timeout': '\d+h' is longer than 120h/)
    expect(result.outputs['conclusion']).toBe('failure')
    expect(s.requests).toHaveLength(0)
  })
})
