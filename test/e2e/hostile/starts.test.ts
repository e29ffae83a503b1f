// Starting exactly once, whatever the gateway answers (issue 13, defects 9 and 10).

import { describe, expect, it } from 'vitest'
import { hex32 } from '../../simulator/codearts.ts'
import { quickPipeline, YUNXIAO_KEY } from '../../simulator/fixtures.ts'
import { runAction } from '../../support/harness.ts'
import { FAST, runInProcess } from '../../support/in-process.ts'
import { codeartsInputs, yunxiaoInputs } from '../../support/inputs.ts'
import { useSimulator } from '../../support/simulators.ts'

const sims = useSimulator()

/** The gateway gave up waiting for the service (which went on and created the run). */
const GATEWAY_504 = { status: 504, payload: { error_code: 'APIGW.0504', error_msg: 'Backend timeout' } }

describe('defect 9: a 504 whose run appears seconds later', () => {
  it('CodeArts: the run is found by its marker, never started again', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(300) } })
    s.hideNewRunsMs = 3_000
    s.rewrite = ({ method, path }) => (method === 'POST' && path.endsWith('/run') ? GATEWAY_504 : undefined)
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id, 'iam-project-id': s.iamProjectId }))

    expect(s.runsOf(id)).toHaveLength(1)
    expect(result.outputs).toMatchObject({ conclusion: 'success', 'run-id': s.runsOf(id)[0]!.id })
    expect(result.log).toContain(`Found it: the start of pipeline ${id} had worked (run ${s.runsOf(id)[0]!.id}).`)
  })

  it('a run that appears only after the search gave up is noticed as a duplicate, stopped, and said', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(2_500) } })
    // The first start's run shows up 1.5 s late; the (shortened) search gives up after 0.6 s.
    let first = true
    s.rewrite = ({ method, path }) => {
      if (method !== 'POST' || !path.endsWith('/run') || !first) return undefined
      first = false
      s.hideNewRunsMs = 0
      return GATEWAY_504
    }
    s.hideNewRunsMs = 1_500
    const result = await runInProcess(codeartsInputs(s, { 'pipeline-ids': id, 'iam-project-id': s.iamProjectId }), {
      tuning: { ...FAST, searchWindowMs: 600 }
    })

    const [late, kept] = s.runsOf(id)
    expect(result.outputs).toMatchObject({ conclusion: 'success', 'run-id': kept!.id })
    expect(s.stateOf(late!).status).toBe('CANCELED')
    expect(
      result.stdout.match(
        new RegExp(`::warning::Pipeline ${id} was started 2 times .*keeping run ${kept!.id}, stopping run ${late!.id}`, 'g')
      )
    ).toHaveLength(1)
  })
})

describe('defect 10: Yunxiao AK/SK, where a run does not show its variables', () => {
  const devops = (s: Awaited<ReturnType<typeof sims.yunxiao>>, extra: Record<string, string>) => {
    const { token: _token, ...rest } = yunxiaoInputs(s, extra)
    return { ...rest, 'access-key': YUNXIAO_KEY.accessKeyId, 'secret-key': YUNXIAO_KEY.accessKeySecret }
  }

  it('a lost start answer: the one run that appeared since is taken, none started again', async () => {
    const s = await sims.yunxiao({ '801': { script: quickPipeline(300) } })
    s.rewrite = ({ method, path }) =>
      method === 'POST' && path.endsWith('/run')
        ? { status: 504, payload: { Code: 'GatewayTimeout', Message: 'upstream timed out' } }
        : undefined
    const result = await runAction(devops(s, { 'pipeline-ids': '801' }))

    expect(s.runsOf('801')).toHaveLength(1)
    expect(result.outputs).toMatchObject({ conclusion: 'success', 'run-id': '1' })
    expect(result.log).toMatch(/::warning::Run 1 of pipeline 801 is taken as the one this start made/)
  })

  it('several runs appeared since: an error, and nothing started again', async () => {
    const s = await sims.yunxiao({ '802': { script: quickPipeline(60_000), foreignRun: { afterMs: 0, script: quickPipeline(60_000) } } })
    s.rewrite = ({ method, path }) =>
      method === 'POST' && path.endsWith('/run')
        ? { status: 504, payload: { Code: 'GatewayTimeout', Message: 'upstream timed out' } }
        : undefined
    const result = await runAction(devops(s, { 'pipeline-ids': '802' }))

    expect(s.runsOf('802').filter((r) => !r.foreign)).toHaveLength(1)
    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(
      /::error::starting pipeline 802: the answer was lost and 2 run\(s\) appeared since that may be it .*cannot tell which is this one/
    )
  })
})
