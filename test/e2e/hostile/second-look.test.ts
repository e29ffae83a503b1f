// Defects an adversarial review of the hostile-service work found (issue 13), each against a server
// that answers that way: queued starts in every form, a foreign run that cannot be told apart, a
// secret the masker must get as it is, refusals that never arrive intact, long secrets in debug output.

import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hex32 } from '../../simulator/codearts.ts'
import { quickPipeline } from '../../simulator/fixtures.ts'
import type { PipelineScript } from '../../simulator/script.ts'
import { FAST, runInProcess } from '../../support/in-process.ts'
import { codeartsInputs, yunxiaoInputs } from '../../support/inputs.ts'
import { activeCommands, unescapeData } from '../../support/runner-view.ts'
import { useSimulator } from '../../support/simulators.ts'

const sims = useSimulator()
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('a queued CodeArts start, whatever its answer looks like', () => {
  it.each([429, 400, 409])('queued with HTTP %i: that run is followed, and nothing is started again', async (status) => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(1_500), maxConcurrent: 1 } })
    s.startRun(id, { script: quickPipeline(300) }) // holds the only slot: our start is queued
    s.rewrite = ({ method, path, payload }) =>
      method === 'POST' && path.endsWith('/run') && (payload as { error_code?: string }).error_code === 'DEVPIPE.00011169'
        ? { status }
        : undefined
    const result = await runInProcess(codeartsInputs(s, { 'pipeline-ids': id, 'iam-project-id': s.iamProjectId, timeout: '20s' }), {
      tuning: FAST
    })

    const ours = s.runsOf(id).filter((r) => !r.foreign)
    expect(ours).toHaveLength(1)
    expect(result.outputs).toMatchObject({ conclusion: 'success', 'run-id': ours[0]!.id })
  })

  it('queued with its run ID at the top level rather than under error', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(1_500), maxConcurrent: 1 } })
    s.startRun(id, { script: quickPipeline(300) })
    s.rewrite = ({ method, path, payload }) => {
      const p = payload as { error_code?: string; error_msg?: string; error?: { pipeline_run_id: string; queue_id: string } }
      if (method === 'POST' && path.endsWith('/run') && p.error_code === 'DEVPIPE.00011169') {
        return {
          payload: {
            error_code: p.error_code,
            error_msg: p.error_msg,
            pipeline_run_id: p.error!.pipeline_run_id,
            queue_id: p.error!.queue_id
          }
        }
      }
    }
    const result = await runInProcess(codeartsInputs(s, { 'pipeline-ids': id, 'iam-project-id': s.iamProjectId, timeout: '20s' }), {
      tuning: FAST
    })

    const ours = s.runsOf(id).filter((r) => !r.foreign)
    expect(ours).toHaveLength(1)
    expect(result.outputs['run-id']).toBe(ours[0]!.id)
  })

  it('queued, its answer lost, behind ten runs that started more recently: found in the queue, not started again', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(2_000), maxConcurrent: 1 } })
    for (let i = 0; i < 10; i++) {
      s.startRun(id, { script: quickPipeline(5) })
      await settle(20)
    }
    s.startRun(id, { script: quickPipeline(600) }) // holds the only slot
    s.faults = ({ method, path }) => (method === 'POST' && path.endsWith('/run') ? { kind: 'handled-then-502' } : undefined)
    const result = await runInProcess(codeartsInputs(s, { 'pipeline-ids': id, 'iam-project-id': s.iamProjectId, timeout: '20s' }), {
      tuning: FAST
    })

    const ours = s.runsOf(id).filter((r) => !r.foreign)
    expect(ours).toHaveLength(1)
    expect(result.outputs['run-id']).toBe(ours[0]!.id)
    expect(s.requests.some((r) => r.path.endsWith('/queued-pipeline'))).toBe(true)
  })
})

describe('Yunxiao with a token: a run that cannot say whose it is', () => {
  it('is never taken for ours after a lost start, and nothing is started again', async () => {
    const s = await sims.yunxiao({ '1301': { script: quickPipeline(300) } })
    let foreign = ''
    s.faults = ({ method, path }) => {
      if (method !== 'POST' || !path.endsWith('/runs') || foreign !== '') return undefined
      // Someone clicks Run in the console while our start is lost at the gateway.
      foreign = s.startRun('1301').id
      return { kind: 'status', status: 502 }
    }
    // Its record leaves out the variables this API otherwise lists.
    s.rewrite = ({ method, path, payload }) => {
      if (method === 'GET' && foreign !== '' && path.endsWith(`/runs/${foreign}`)) {
        const { globalParams: _variables, ...rest } = payload as Record<string, unknown>
        return { payload: rest }
      }
    }
    const result = await runInProcess(yunxiaoInputs(s, { 'pipeline-ids': '1301', timeout: '20s' }), { tuning: FAST })

    expect(result.outputs['run-id']).not.toBe(foreign)
    expect(result.outputs['conclusion']).toBe('failure')
    expect(s.runsOf('1301').filter((r) => !r.foreign)).toHaveLength(0)
    expect(s.stateOf(s.runsOf('1301')[0]!).status).not.toBe('CANCELED')
    expect(result.failed).toMatch(/cannot tell which is this one/)
  })
})

describe('a secret the masker must get exactly', () => {
  it('a password containing ##[ is masked where the pipeline log echoes it', async () => {
    const password = 'Tr0ub4dor##[3'
    const id = hex32()
    const script: PipelineScript = {
      name: 'p',
      stages: [
        {
          name: 'S',
          jobs: [{ name: 'J', steps: [{ name: 'db', durationMs: 50, fail: 'exit 1', log: [`connecting with ${password}`, 'denied'] }] }]
        }
      ]
    }
    const s = await sims.codearts({ [id]: { script } })
    const result = await runInProcess(
      codeartsInputs(s, { 'pipeline-ids': id, 'iam-project-id': s.iamProjectId, variables: `DB_PASSWORD=${password}` }),
      { tuning: FAST }
    )

    const masks = activeCommands(result.stdout)
      .filter((c) => c.name === 'add-mask')
      .map((c) => unescapeData(c.data))
    expect(masks).toContain(password)
  })

  it.each(['codearts', 'yunxiao'] as const)(
    '%s: a long secret-variables value appears in no debug line, whole or cut',
    async (provider) => {
      const secret = randomBytes(1_800).toString('base64') // 2,400 characters, like a base64 kubeconfig
      const extra = { variables: `KUBECONFIG_B64=${secret}`, 'secret-variables': 'KUBECONFIG_B64' }
      let inputs: Record<string, string>
      if (provider === 'codearts') {
        const id = hex32()
        const s = await sims.codearts({ [id]: { script: quickPipeline(100) } })
        inputs = codeartsInputs(s, { 'pipeline-ids': id, 'iam-project-id': s.iamProjectId, ...extra })
      } else {
        const s = await sims.yunxiao({ '1302': { script: quickPipeline(100) } })
        inputs = yunxiaoInputs(s, { 'pipeline-ids': '1302', ...extra })
      }
      const result = await runInProcess(inputs, { tuning: FAST, debug: true })

      const printed = result.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n')
      expect(printed).not.toContain(secret.slice(0, 64))
    }
  )
})

describe('refusals that never arrive intact', () => {
  it.each(['trigger-and-wait', 'wait'])('%s: a proxy turns every 401 into a 502 page; at most 2 refused signed requests', async (mode) => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60_000) } })
    const runId = s.startRun(id).id
    s.rewrite = ({ status }) => (status === 401 ? { status: 502, raw: '<html>502 Bad Gateway</html>' } : undefined)
    const result = await runInProcess(
      codeartsInputs(s, {
        'pipeline-ids': id,
        'iam-project-id': s.iamProjectId,
        'secret-key': 'sk-wrong-000000000000000000000000',
        timeout: '8s',
        mode,
        ...(mode === 'wait' && { 'run-ids': runId })
      }),
      { tuning: FAST }
    )

    expect(s.requests.filter((r) => r.refused).length).toBeLessThanOrEqual(2)
    expect(result.outputs['conclusion']).toBe('failure')
    expect(result.failed).toMatch(/got no answer that shows it was accepted .*Check 'access-key' and 'secret-key'/)
  })
})
