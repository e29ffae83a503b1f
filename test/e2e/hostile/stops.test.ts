// Stopping only what we must, and saying only what the service confirmed (issue 13, defects 7, 11–13).

import type { ChildProcess } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { hex32 } from '../../simulator/codearts.ts'
import { gatedPipeline, quickPipeline } from '../../simulator/fixtures.ts'
import { runAction, runPost } from '../../support/harness.ts'
import { codeartsInputs, yunxiaoInputs } from '../../support/inputs.ts'
import { useSimulator } from '../../support/simulators.ts'

const sims = useSimulator()

/** Sends `signal` once `ready` says so. */
const signalWhen = (ready: () => boolean, signal: NodeJS.Signals) => (child: ChildProcess) => {
  const timer = setInterval(() => {
    if (ready()) {
      clearInterval(timer)
      child.kill(signal)
    }
  }, 20)
  child.on('close', () => clearInterval(timer))
}

describe('defect 7: a stop counts only when the service confirms it', () => {
  it.each([
    ['{"success": false}', { status: 200, payload: { success: false } }],
    ['a bare false', { status: 200, payload: false }],
    ['an empty object', { status: 200, payload: {} }],
    ['a 302', { status: 302, payload: {}, headers: { location: 'https://login.example.com/' } }]
  ])('CodeArts: a stop answered with %s, the run going on', async (_what, answer) => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60_000) } })
    s.faults = ({ path }) => (path.endsWith('/stop') ? { kind: 'answer', ...answer } : undefined)
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id, timeout: '2s' }))

    const [run] = s.runsOf(id)
    expect(s.stateOf(run!).status).toBe('RUNNING')
    expect(result.outputs['conclusion']).toBe('timed_out')
    expect(result.log).not.toContain(`Stopped pipeline ${id}`)
    expect(result.log).toMatch(
      new RegExp(`::warning::Could not confirm that pipeline ${id} run ${run!.id} stopped .*It may still be running: http`)
    )
    expect(JSON.parse(result.outputs['results']!)[0]).toMatchObject({ stopped: false, status: 'RUNNING' })
    expect(result.summary).toContain('the run may still be running')
    // The post step is left to try again.
    expect(JSON.parse(result.state['abandonedRuns']!)).toMatchObject([{ pipelineId: id, runId: run!.id }])
  })

  it('CodeArts: a stop that says success is believed', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60_000) } })
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id, timeout: '2s' }))

    expect(s.stateOf(s.runsOf(id)[0]!).status).toBe('CANCELED')
    expect(result.log).toContain(`Stopped pipeline ${id} run ${s.runsOf(id)[0]!.id}.`)
    expect(JSON.parse(result.outputs['results']!)[0]).toMatchObject({ stopped: true, status: 'CANCELED' })
    expect(JSON.parse(result.state['abandonedRuns']!)).toEqual([])
  })

  it('Yunxiao: a stop answered false', async () => {
    const s = await sims.yunxiao({ '601': { script: quickPipeline(60_000) } })
    s.faults = ({ method, path }) =>
      method === 'PUT' && /\/runs\/\d+$/.test(path) ? { kind: 'answer', status: 200, payload: false } : undefined
    const result = await runAction(yunxiaoInputs(s, { 'pipeline-ids': '601', timeout: '2s' }))

    expect(s.stateOf(s.runsOf('601')[0]!).status).toBe('RUNNING')
    expect(result.log).not.toContain('Stopped pipeline 601')
    expect(result.log).toMatch(/::warning::Could not confirm that pipeline 601 run 1 stopped/)
  })
})

describe('defect 11: a failure to read never stops the run', () => {
  it('trigger-and-wait: reads refused with 403 after the start', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60_000) } })
    s.faults = ({ path }) =>
      path.endsWith('/pipelines/status') || path.endsWith('/pipeline-runs/detail')
        ? { kind: 'answer', status: 403, payload: { error_code: 'DEVPIPE.30011011', error_msg: 'no permission to view the run' } }
        : undefined
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id }))

    const [run] = s.runsOf(id)
    expect(s.stateOf(run!).status).toBe('RUNNING')
    expect(s.requests.some((r) => r.path.endsWith('/stop'))).toBe(false)
    expect(result.outputs['conclusion']).toBe('failure')
    expect(result.log).toMatch(
      /::error::reading .* failed: HTTP 403 DEVPIPE\.30011011: no permission to view the run.* The run was left as they are|::error::.*HTTP 403 DEVPIPE\.30011011.*left as they are/
    )
    // Nothing for the post step either.
    const before = s.requests.length
    await runPost(codeartsInputs(s, { 'pipeline-ids': id }), result.state)
    expect(s.requests.length).toBe(before)
  })

  it('trigger: the second pipeline cannot be prepared; the first run goes on', async () => {
    const [first, second] = [hex32(), hex32()]
    const s = await sims.codearts({ [first]: { script: quickPipeline(60_000) }, [second]: { script: quickPipeline(60_000) } })
    // Both have run before (ref needs a previous run); then every read of the second one fails.
    s.startRun(first)
    s.startRun(second)
    s.faults = ({ method, path }) =>
      (method !== 'POST' || !path.endsWith('/run')) && path.includes(second)
        ? { kind: 'answer', status: 403, payload: { error_code: 'DEVPIPE.30011011', error_msg: 'no permission to view the run' } }
        : undefined
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': `${first} ${second}`, mode: 'trigger', ref: 'main' }))

    const ours = s.runsOf(first).filter((r) => !r.foreign)
    expect(ours).toHaveLength(1)
    expect(s.stateOf(ours[0]!).status).toBe('RUNNING')
    expect(result.exitCode).toBe(1)
    expect(result.log).toContain('left as they are')
  })
})

describe('defect 12: the post step acts only on what main left undone', () => {
  it('leaves a run at a manual gate that main deliberately left (on-manual-gate: fail)', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: gatedPipeline() } })
    const values = codeartsInputs(s, { 'pipeline-ids': id, 'on-manual-gate': 'fail' })
    const main = await runAction(values)
    expect(main.outputs['conclusion']).toBe('failure')

    const before = s.requests.length
    const post = await runPost(values, main.state)
    expect(post.exitCode).toBe(0)
    expect(s.requests.length).toBe(before)
    expect(s.stateOf(s.runsOf(id)[0]!).status).toBe('PAUSED')
  })

  it('sends no request at all after a main step that ended cleanly (not even to IAM)', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60) } })
    // No iam-project-id: a post step that did anything would first sign in to IAM for it.
    const values = { ...codeartsInputs(s, { 'pipeline-ids': id }) }
    const main = await runAction(values)
    expect(main.outputs['conclusion']).toBe('success')

    const before = s.requests.length
    await runPost(values, main.state)
    expect(s.requests.length).toBe(before)
  })
})

describe('defect 13: a start cut short by the end of the main step', () => {
  it('the post step finds the run by its marker and stops it', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60_000) } })
    // The service creates the run at once, but its answer takes 10 s; the main step is killed meanwhile.
    s.faults = ({ path }) => (path.endsWith('/run') ? { kind: 'slow', ms: 10_000 } : undefined)
    const values = codeartsInputs(s, { 'pipeline-ids': id, 'iam-project-id': s.iamProjectId })
    const main = await runAction(values, { onStart: signalWhen(() => s.runsOf(id).length > 0, 'SIGKILL') })
    expect(main.signal).toBe('SIGKILL')
    const [run] = s.runsOf(id)
    expect(s.stateOf(run!).status).toBe('RUNNING')

    s.faults = undefined
    const post = await runPost(values, main.state)
    expect(post.exitCode).toBe(0)
    expect(s.stateOf(run!).status).toBe('CANCELED')
    expect(post.log).toContain(`Stopped pipeline ${id} run ${run!.id}.`)
  })
})
