// `pipelines:` by name, end to end on both services: each name is looked up once through the service's
// ListPipelines, before anything starts; a name that is unknown or not unique starts nothing.

import { describe, expect, it } from 'vitest'
import { hex32 } from '../simulator/codearts.ts'
import { failingPipeline, passingPipeline, quickPipeline, YUNXIAO_KEY } from '../simulator/fixtures.ts'
import { runAction } from '../support/harness.ts'
import { codeartsInputs, yunxiaoInputs } from '../support/inputs.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()
const starts = (s: { requests: { method: string; path: string }[] }) =>
  s.requests.filter((r) => r.method === 'POST' && /\/runs?$/.test(r.path)).length

describe('pipelines by name on CodeArts', () => {
  it('starts the pipelines named, in order, and reports them under their IDs', async () => {
    const [build, test, other] = [hex32(), hex32(), hex32()]
    const s = await sims.codearts({
      [build]: { script: passingPipeline(40) },
      [test]: { script: failingPipeline(40) },
      [other]: { script: quickPipeline(40, 'shop-build-nightly') }
    })
    const result = await runAction(codeartsInputs(s, { pipelines: 'shop-test, shop-build' }))

    expect(result.exitCode).toBe(1)
    expect(result.log).toContain(`Pipeline 'shop-test' is ${test}`)
    expect(result.log).toContain(`Pipeline 'shop-build' is ${build}`)
    expect(JSON.parse(result.outputs['results']!).map((r: { pipeline_id: string }) => r.pipeline_id)).toEqual([test, build])
    expect(s.runsOf(other)).toHaveLength(0)
    // Both names were looked up before the first start.
    const paths = s.requests.map((r) => r.path)
    expect(paths.lastIndexOf(`/v5/${s.projectId}/api/pipelines/list`)).toBeLessThan(paths.findIndex((p) => p.endsWith('/run')))
  })

  it('a service that ignores the name filter and pages by two: the exact name is still found', async () => {
    const ids = Array.from({ length: 7 }, () => hex32())
    const s = await sims.codearts(Object.fromEntries(ids.map((id, i) => [id, { script: quickPipeline(40, `svc-${i}`) }])), {
      nameFilter: 'ignored',
      listPageCap: 2
    })
    const result = await runAction(codeartsInputs(s, { pipelines: 'svc-5' }))

    expect(result.exitCode).toBe(0)
    expect(s.runsOf(ids[5]!)).toHaveLength(1)
    // Every page is read, to the end: another pipeline further on could have the same name.
    expect(s.requests.filter((r) => r.path.endsWith('/pipelines/list'))).toHaveLength(4)
  })

  it('an unknown name: the close names, and nothing started', async () => {
    const [build, test] = [hex32(), hex32()]
    const s = await sims.codearts({ [build]: { script: passingPipeline(40) }, [test]: { script: failingPipeline(40) } })
    const result = await runAction(codeartsInputs(s, { pipelines: 'shop-build shop-tset' }))

    expect(result.exitCode).toBe(1)
    expect(result.outputs['conclusion']).toBe('failure')
    expect(result.log).toContain(
      `::error::finding the pipeline named 'shop-tset': no pipeline of CodeArts project ${s.projectId} has exactly this name (names ` +
        `match whole, case included); the closest names are 'shop-test' (ID '${test}')`
    )
    expect(starts(s)).toBe(0)
  })
})

describe('pipelines by name on Yunxiao', () => {
  it('the current API, paged by 30 with its headers', async () => {
    const pipelines = Object.fromEntries(
      Array.from({ length: 35 }, (_, i) => [String(5000 + i), { script: quickPipeline(40, i === 33 ? 'deploy' : `deploy-${i}`) }])
    )
    const s = await sims.yunxiao(pipelines)
    const result = await runAction(yunxiaoInputs(s, { pipelines: 'deploy' }))

    expect(result.exitCode).toBe(0)
    expect(result.log).toContain("Pipeline 'deploy' is 5033")
    expect(s.runsOf('5033')).toHaveLength(1)
    expect(s.requests.filter((r) => r.path === `/oapi/v1/flow/organizations/${s.organizationId}/pipelines`)).toHaveLength(2)
  })

  it('the current API without paging headers, ignoring the filter: full pages are followed', async () => {
    const pipelines = Object.fromEntries(
      Array.from({ length: 31 }, (_, i) => [String(6000 + i), { script: quickPipeline(40, `app-${i}`) }])
    )
    const s = await sims.yunxiao(pipelines, { nameFilter: 'ignored' })
    s.rewrite = (exchange) => (exchange.path.endsWith('/pipelines') ? { headers: { 'content-type': 'application/json' } } : undefined)
    const result = await runAction(yunxiaoInputs(s, { pipelines: 'app-30' }))

    expect(result.exitCode).toBe(0)
    expect(s.runsOf('6030')).toHaveLength(1)
  })

  it('the 2021 API, signed, paged by its token', async () => {
    const s = await sims.yunxiao({ '4201': { script: quickPipeline(40, 'api') }, '4202': { script: quickPipeline(40, 'api-gateway') } })
    const { token: _token, ...inputs } = yunxiaoInputs(s, { pipelines: 'api' })
    const result = await runAction({ ...inputs, 'access-key': YUNXIAO_KEY.accessKeyId, 'secret-key': YUNXIAO_KEY.accessKeySecret })

    expect(result.exitCode).toBe(0)
    expect(s.runsOf('4201')).toHaveLength(1)
    expect(s.runsOf('4202')).toHaveLength(0)
  })
})
