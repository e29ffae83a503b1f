// provider: yunxiao, end to end against the Yunxiao simulator, as the runner runs the action:
// the same experience as CodeArts (trigger, wait, failing logs, summary, outputs, exit code,
// cancellation) through the current API and the 2021 AK/SK API.

import type { ChildProcess } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { failingPipeline, passingPipeline, quickPipeline, YUNXIAO_KEY } from '../simulator/fixtures.ts'
import type { PipelineScript } from '../simulator/script.ts'
import type { YunxiaoSimulator } from '../simulator/yunxiao.ts'
import { CAN_SIGNAL, runAction } from '../support/harness.ts'
import { yunxiaoInputs } from '../support/inputs.ts'
import { activeCommands } from '../support/runner-view.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()

let nextId = 4100
const pipelineId = () => String(nextId++)

const central = yunxiaoInputs

/** The 2021 devops API with an AccessKey pair. */
function devops(s: YunxiaoSimulator, extra: Record<string, string>): Record<string, string> {
  const { token: _token, ...rest } = central(s, extra)
  return { ...rest, 'access-key': YUNXIAO_KEY.accessKeyId, 'secret-key': YUNXIAO_KEY.accessKeySecret }
}

const longLog = Array.from({ length: 2_500 }, (_, i) =>
  i === 2_000 ? '::add-mask::hello' : i === 2_001 ? '::error::forged' : `test line ${i + 1}`
)
function failingWithLongLog(): PipelineScript {
  const script = failingPipeline(50)
  script.stages[1]!.jobs[0]!.steps[1]!.log = longLog
  return script
}

describe('yunxiao: trigger and wait', () => {
  it('central edition: passes when the run succeeds, with variables, marker and description', async () => {
    const id = pipelineId()
    const s = await sims.yunxiao({ [id]: { script: passingPipeline(40) } })
    const result = await runAction(central(s, { 'pipeline-ids': id, variables: 'IMAGE_TAG=1.4.2' }))

    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      conclusion: 'success',
      status: 'SUCCESS',
      'run-id': '1',
      'run-url': `https://flow.aliyun.com/pipelines/${id}/builds/1`
    })
    const [run] = s.runsOf(id)
    expect(run!.params.envs).toMatchObject({ IMAGE_TAG: '1.4.2', GITHUB_START_MARKER: expect.stringMatching(/^\[gha-[0-9a-f]{16}\]$/) })
    expect(run!.params.comment).toMatch(
      /^GitHub octo-org\/shop 0123456789ab https:\/\/github\.com\/octo-org\/shop\/actions\/runs\/4242 \[gha-/
    )
    expect(s.requests.every((r) => r.path.startsWith(`/oapi/v1/flow/organizations/${s.organizationId}/pipelines/${id}`))).toBe(true)
    expect(result.log).toMatch(/stage Deploy: SUCCESS/)
  })

  it('fails when a step fails: the step log paged, the parallel job quiet, remote text inert, an annotation, a summary', async () => {
    const id = pipelineId()
    const s = await sims.yunxiao({ [id]: { script: failingWithLongLog() } })
    const result = await runAction(central(s, { 'pipeline-ids': id, 'log-lines': '600' }))

    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ conclusion: 'failure', status: 'FAIL' })
    expect(JSON.parse(result.outputs['results']!)[0].failures).toEqual([
      { stage: 'Build', job: 'Unit tests', step: 'npm test', message: '', path: 'Build / Unit tests / npm test' }
    ])
    const lines = result.log.split('\n')
    const start = lines.findIndex((l) =>
      l.startsWith('::group::shop-test #1 / Build / Unit tests / npm test: FAIL (last 600 of 2500 lines)')
    )
    expect(start).toBeGreaterThan(-1)
    const token = lines[start + 1]!.slice('::stop-commands::'.length)
    expect(lines.slice(start + 2, lines.indexOf(`::${token}::`))).toEqual(longLog.slice(-600))
    expect(s.requests.filter((r) => r.path.endsWith('/step/log'))).toHaveLength(3)
    expect(result.log).not.toMatch(/::group::.*Lint/)
    const active = activeCommands(result.log)
    expect(active.filter((c) => c.name === 'add-mask').map((c) => c.data)).not.toContain('hello')
    expect(active.filter((c) => c.name === 'error')[0]!.properties).toBe('title=shop-test #1 / Build / Unit tests / npm test')
    expect(result.summary).toContain('## ❌ Yunxiao Flow: failure')
    expect(result.summary).toContain('Open in Yunxiao Flow')
  })

  it('keeps apart two pipelines whose runs have the same number', async () => {
    const green = pipelineId()
    const red = pipelineId()
    const s = await sims.yunxiao({ [green]: { script: passingPipeline(40) }, [red]: { script: failingPipeline(40) } })
    const result = await runAction(central(s, { 'pipeline-ids': `${green},${red}` }))

    expect(result.outputs['run-ids']).toBe('1,1')
    expect(
      JSON.parse(result.outputs['results']!).map((r: { pipeline_id: string; conclusion: string }) => `${r.pipeline_id} ${r.conclusion}`)
    ).toEqual([`${green} success`, `${red} failure`])
    expect(result.log).toContain('::group::shop-test #1 / Build / Unit tests / npm test: FAIL')
    expect(result.log).not.toContain('::group::shop-build #1 / Build')
  })

  it('region edition: paths without the organization, on the instance domain', async () => {
    const id = pipelineId()
    const s = await sims.yunxiao({ [id]: { script: quickPipeline(50) } })
    const { 'organization-id': _org, ...inputs } = central(s, { 'pipeline-ids': id })
    const result = await runAction(inputs)

    expect(result.exitCode).toBe(0)
    expect(s.requests.every((r) => r.path.startsWith(`/oapi/v1/flow/pipelines/${id}`))).toBe(true)
    expect(result.outputs['run-url']).toBe(`${s.url}/pipelines/${id}/builds/1`)
  })

  it('follows its own run when someone starts a newer one', async () => {
    const id = pipelineId()
    const s = await sims.yunxiao({ [id]: { script: failingPipeline(150), foreignRun: { afterMs: 200, script: quickPipeline(20) } } })
    const result = await runAction(central(s, { 'pipeline-ids': id }))

    expect(s.runsOf(id)).toHaveLength(2)
    expect(result.outputs).toMatchObject({ conclusion: 'failure', 'run-id': '1', status: 'FAIL' })
  })

  it('runs a branch or a tag of every repository of the pipeline', async () => {
    const id = pipelineId()
    const repos = ['https://codeup.aliyun.com/o/shop/api.git', 'https://codeup.aliyun.com/o/shop/web.git']
    const s = await sims.yunxiao({ [id]: { script: quickPipeline(20), repositories: repos } })
    s.startRun(id, { script: quickPipeline(1) })
    await runAction(central(s, { 'pipeline-ids': id, ref: 'refs/heads/release/2.0' }))
    await runAction(central(s, { 'pipeline-ids': id, ref: 'refs/tags/v2.0.0' }))

    const [, byBranch, byTag] = s.runsOf(id)
    expect(byBranch!.params.runningBranchs).toEqual({ [repos[0]!]: 'release/2.0', [repos[1]!]: 'release/2.0' })
    expect(byTag!.params.runningTags).toEqual({ [repos[0]!]: 'v2.0.0', [repos[1]!]: 'v2.0.0' })
  })

  it('reads a bounded number of runs per poll cycle', async () => {
    const ids = Array.from({ length: 12 }, pipelineId)
    const s = await sims.yunxiao(Object.fromEntries(ids.map((id) => [id, { script: quickPipeline(1_500) }])))
    const result = await runAction(central(s, { 'pipeline-ids': ids.join(','), 'poll-interval': '0.4s', 'max-poll-interval': '0.4s' }))

    expect(result.exitCode).toBe(0)
    const reads = s.requests.filter((r) => r.method === 'GET' && /\/runs\/\d+$/.test(r.path))
    // Group the reads into cycles by the pauses between them.
    const cycles: number[] = []
    for (const [i, r] of reads.entries()) {
      if (i === 0 || r.at - reads[i - 1]!.at > 150) cycles.push(1)
      else cycles[cycles.length - 1]!++
    }
    expect(cycles.length).toBeGreaterThan(2)
    expect(Math.max(...cycles)).toBeLessThanOrEqual(8)
  })
})

describe('yunxiao: the 2021 AK/SK API', () => {
  it('signs every request (a fresh nonce each time) and passes', async () => {
    const id = pipelineId()
    const s = await sims.yunxiao({ [id]: { script: passingPipeline(40) } })
    const result = await runAction(devops(s, { 'pipeline-ids': id }))

    expect(result.exitCode).toBe(0)
    expect(s.requests.every((r) => r.auth === 'aksk' && r.status === 200)).toBe(true)
    expect(s.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      `/organizations/${s.organizationId}/pipelines/${id}/run`
    ])
  })

  it('prints the failing job log (this API has no step logs)', async () => {
    const id = pipelineId()
    const s = await sims.yunxiao({ [id]: { script: failingPipeline(40) } })
    const result = await runAction(devops(s, { 'pipeline-ids': id }))

    expect(result.exitCode).toBe(1)
    expect(result.log).toContain(`::group::pipeline ${id} #1 / Build / Unit tests / job log: FAIL`)
    expect(result.log).toContain('AssertionError: expected 2 to be 3')
    expect(s.requests.some((r) => r.path.endsWith('/logs'))).toBe(true)
  })

  it('a wrong secret: the gateway error, once', async () => {
    const id = pipelineId()
    const s = await sims.yunxiao({ [id]: { script: quickPipeline() } })
    const result = await runAction({ ...devops(s, { 'pipeline-ids': id }), 'secret-key': 'not-the-alibaba-secret-000' })

    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(/::error::[a-z ]+ pipeline \d+ failed: HTTP 400 SignatureDoesNotMatch: The request signature we calculated/)
    expect(result.log).toContain("Check 'access-key' and 'secret-key'")
    expect(s.requests).toHaveLength(1)
  })
})

describe('yunxiao: modes, credentials, cancellation', () => {
  it('wait with run-ids, and wait on the latest run', async () => {
    const id = pipelineId()
    const s = await sims.yunxiao({ [id]: { script: quickPipeline(100) } })
    const first = s.startRun(id, { script: failingPipeline(20) })
    const second = s.startRun(id)

    const named = await runAction(central(s, { 'pipeline-ids': id, mode: 'wait', 'run-ids': first.id }))
    expect(named.outputs).toMatchObject({ conclusion: 'failure', 'run-id': '1' })
    const latest = await runAction(central(s, { 'pipeline-ids': id, mode: 'wait' }))
    expect(latest.outputs).toMatchObject({ conclusion: 'success', 'run-id': second.id })
  })

  it('a wrong token: the service error, and no retry', async () => {
    const id = pipelineId()
    const s = await sims.yunxiao({ [id]: { script: quickPipeline() } })
    const result = await runAction({ ...central(s, { 'pipeline-ids': id }), token: 'pt-not-a-valid-token-000000' })

    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(
      /::error::[a-z ]+ pipeline \d+ failed: HTTP 401 Unauthorized: the personal access token is missing, invalid or expired/
    )
    expect(result.log).toContain("Check 'token'")
    expect(s.requests).toHaveLength(1)
  })

  it.skipIf(!CAN_SIGNAL)('SIGINT stops the run', async () => {
    const id = pipelineId()
    const s = await sims.yunxiao({ [id]: { script: quickPipeline(60_000) } })
    const result = await runAction(central(s, { 'pipeline-ids': id }), {
      onStart: (child: ChildProcess, log: () => string) => {
        const timer = setInterval(() => {
          if (!log().includes('Started pipeline')) return
          clearInterval(timer)
          child.kill('SIGINT')
        }, 20)
      }
    })

    expect(result.outputs['conclusion']).toBe('cancelled')
    expect(s.stateOf(s.runsOf(id)[0]!).status).toBe('CANCELED')
    expect(s.requests.some((r) => r.method === 'PUT' && r.path.endsWith('/runs/1'))).toBe(true)
  })

  it.each([
    [{ 'pipeline-ids': 'shop-build' }, /Input 'pipeline-ids': 'shop-build' is not a Yunxiao pipeline ID/],
    [{ 'organization-id': '', endpoint: '' }, /Input 'organization-id': is required on the central edition/],
    [{ stages: 'build' }, /Input 'stages': Yunxiao runs every stage of a pipeline/],
    [{ 'project-id': '0123456789abcdef0123456789abcdef' }, /Input 'project-id': is a CodeArts input and provider is yunxiao; remove it/],
    [{ variables: 'version=2' }, /Input 'variables': Yunxiao reserves the variable name version/],
    [
      { 'access-key': 'LTAI5tOther000', 'secret-key': 'other-secret-000000' },
      /Input 'access-key': credentials given twice \(token and access-key\/secret-key\)/
    ]
  ])('refuses %j before any request', async (bad, message) => {
    const s = await sims.yunxiao({ '77': { script: quickPipeline() } })
    const result = await runAction(central(s, { 'pipeline-ids': '77', ...bad }))
    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(message)
    expect(s.requests).toHaveLength(0)
  })
})
