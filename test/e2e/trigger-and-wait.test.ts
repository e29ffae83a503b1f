// The built action against the simulator, run as the runner runs it.

import { describe, expect, it } from 'vitest'
import { hex32 } from '../simulator/codearts.ts'
import { failingPipeline, gatedPipeline, passingPipeline, quickPipeline } from '../simulator/fixtures.ts'
import { runAction } from '../support/harness.ts'
import { codeartsInputs } from '../support/inputs.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()

const inputs = codeartsInputs

describe('trigger-and-wait', () => {
  it('passes when the run completes, and says which run it was', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: passingPipeline() } })
    const result = await runAction(inputs(s, { 'pipeline-ids': id, variables: 'IMAGE_TAG=1.2.3\nENV = staging' }))

    expect(result.exitCode).toBe(0)
    const [run] = s.runsOf(id)
    expect(result.outputs).toMatchObject({ conclusion: 'success', status: 'COMPLETED', 'run-id': run!.id, 'run-ids': run!.id })
    const [entry] = JSON.parse(result.outputs['results']!)
    expect(entry).toMatchObject({
      pipeline_id: id,
      run_id: run!.id,
      run_number: 1,
      status: 'COMPLETED',
      conclusion: 'success',
      failures: []
    })
    expect(entry.duration_s).toBeGreaterThanOrEqual(0)
    expect(result.outputs['run-url']).toBe(`${s.url}/console/${s.projectId}/${id}/${run!.id}`)
    // The run was started with our parameters and a description that leads back to this job.
    expect(run!.variables).toEqual([
      { name: 'IMAGE_TAG', value: '1.2.3' },
      { name: 'ENV', value: 'staging' }
    ])
    expect(run!.description).toMatch(
      /^GitHub octo-org\/shop 0123456789ab https:\/\/github\.com\/octo-org\/shop\/actions\/runs\/4242 \[gha-[0-9a-f]{16}\]$/
    )
    expect(result.log).toContain(`Started pipeline ${id} run ${run!.id}`)
    expect(result.log).toMatch(/stage Deploy: COMPLETED/)
  })

  it('fails when the run fails, naming the stage, job and step', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: failingPipeline() } })
    const result = await runAction(inputs(s, { 'pipeline-ids': id }))

    expect(result.exitCode).toBe(1)
    expect(result.outputs['conclusion']).toBe('failure')
    expect(result.outputs['status']).toBe('FAILED')
    expect(result.log).toMatch(new RegExp(`::error::shop-test \\(pipeline ${id}\\) run #1 FAILED at Build / Unit tests / npm test`))
    const [entry] = JSON.parse(result.outputs['results']!)
    expect(entry.failures).toEqual([
      { stage: 'Build', job: 'Unit tests', step: 'npm test', message: 'exit code 1', path: 'Build / Unit tests / npm test' }
    ])
    // The later stage never ran.
    expect(result.log).not.toMatch(/stage Deploy: (RUNNING|COMPLETED)/)
  })

  it('follows its own run of each pipeline when someone starts a newer one', async () => {
    const ours = hex32()
    const busy = hex32()
    const s = await sims.codearts({
      [ours]: { script: passingPipeline(150) },
      // Our run of `busy` fails slowly; a newer run someone else starts meanwhile passes quickly.
      [busy]: { script: failingPipeline(200), foreignRun: { afterMs: 300, script: quickPipeline(50) } }
    })
    const result = await runAction(inputs(s, { 'pipeline-ids': `${ours}, ${busy}` }))

    expect(result.exitCode).toBe(1)
    const [first, second] = JSON.parse(result.outputs['results']!)
    const [busyOurs, busyForeign] = s.runsOf(busy)
    expect(busyForeign!.foreign).toBe(true)
    expect(s.stateOf(busyForeign!).status).toBe('COMPLETED')
    expect(first).toMatchObject({ pipeline_id: ours, conclusion: 'success', run_id: s.runsOf(ours)[0]!.id })
    expect(second).toMatchObject({ pipeline_id: busy, run_id: busyOurs!.id, run_number: 1, status: 'FAILED', conclusion: 'failure' })
    expect(result.outputs['run-ids']).toBe(`${s.runsOf(ours)[0]!.id},${busyOurs!.id}`)
    // One batch request per cycle for both. Once the newer run exists, our run of `busy` is read by
    // its detail in every cycle; `ours` only when its batch row changes or parallel jobs run.
    const batch = s.requests.filter((r) => r.path.endsWith('/pipelines/status'))
    const details = (id: string) => s.requests.filter((r) => r.path.endsWith('/pipeline-runs/detail') && r.pipelineId === id)
    const cyclesAfterForeign = batch.filter((r) => r.at > busyForeign!.createdAt && r.at < busyOurs!.startedAt! + 1_400)
    expect(batch.length).toBeGreaterThan(2)
    for (const cycle of cyclesAfterForeign) expect(details(busy).some((d) => d.at >= cycle.at && d.at - cycle.at < 150)).toBe(true)
  })

  it('reads run detail only when the batch status cannot tell', async () => {
    const id = hex32()
    // One stage, one job: nothing changes for 2.5 s, then the run ends.
    const s = await sims.codearts({ [id]: { script: quickPipeline(2_500) } })
    const result = await runAction(inputs(s, { 'pipeline-ids': id, 'max-poll-interval': '0.3s' }))

    expect(result.exitCode).toBe(0)
    const batch = s.requests.filter((r) => r.path.endsWith('/pipelines/status'))
    const details = s.requests.filter((r) => r.path.endsWith('/pipeline-runs/detail'))
    expect(batch.length).toBeGreaterThanOrEqual(8)
    // The first read (to learn the run's jobs) and the end; the report reuses the last one.
    expect(details).toHaveLength(2)
  })

  it('treats a start that lands in the queue as started, and waits for it', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(100), maxConcurrent: 1 } })
    // Long enough that the action's process has started before it ends, on a busy machine too.
    const blocker = s.startRun(id, { script: quickPipeline(4_000) })
    const result = await runAction(inputs(s, { 'pipeline-ids': id }))

    expect(result.exitCode).toBe(0)
    const ours = s.runsOf(id)[1]!
    expect(ours.queueId).toBeDefined()
    expect(ours.startedAt!).toBeGreaterThanOrEqual(blocker.startedAt! + 4_000)
    expect(result.log).toContain('(queued: the pipeline is at its concurrency limit)')
    expect(result.outputs).toMatchObject({ conclusion: 'success', 'run-id': ours.id })
  })

  it('ends timed_out when the deadline passes first, and stops the run', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60_000) } })
    const result = await runAction(inputs(s, { 'pipeline-ids': id, timeout: '1s' }))

    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ conclusion: 'timed_out', status: 'CANCELED' })
    expect(result.log).toMatch(/::error::Timed out after 1s: quick \(pipeline [0-9a-f]{32}\) run #1 did not end in time and was stopped/)
    expect(s.stateOf(s.runsOf(id)[0]!).status).toBe('CANCELED')
  })

  it('with cancel-on-abort: false, leaves the run going at the timeout', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60_000) } })
    const result = await runAction(inputs(s, { 'pipeline-ids': id, timeout: '1s', 'cancel-on-abort': 'false' }))

    expect(result.outputs).toMatchObject({ conclusion: 'timed_out', status: 'RUNNING' })
    expect(result.log).toMatch(/did not end in time \(RUNNING\)/)
    expect(s.stateOf(s.runsOf(id)[0]!).status).toBe('RUNNING')
  })
})

describe('manual gates', () => {
  it('on-manual-gate: wait keeps waiting through an approval', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: gatedPipeline(600) } })
    const result = await runAction(inputs(s, { 'pipeline-ids': id }))

    expect(result.exitCode).toBe(0)
    expect(result.log).toMatch(/shop-release #1: PAUSED[\s\S]*shop-release #1: COMPLETED/)
  })

  it('on-manual-gate: fail ends the step as soon as the run waits for a person', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: gatedPipeline() } })
    const result = await runAction(inputs(s, { 'pipeline-ids': id, 'on-manual-gate': 'fail' }))

    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ conclusion: 'failure', status: 'PAUSED' })
    expect(result.log).toMatch(/::error::shop-release \(pipeline [0-9a-f]{32}\) run #1 PAUSED/)
  })

  it('on-manual-gate: wait ends timed_out when nobody approves', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: gatedPipeline() } })
    const result = await runAction(inputs(s, { 'pipeline-ids': id, timeout: '2s' }))

    expect(result.outputs).toMatchObject({ conclusion: 'timed_out', status: 'CANCELED' })
    expect(result.log).toMatch(/shop-release #1: PAUSED/)
  })
})

describe('mode', () => {
  it('trigger: starts the runs and returns at once', async () => {
    const a = hex32()
    const b = hex32()
    const s = await sims.codearts({ [a]: { script: quickPipeline(5_000) }, [b]: { script: quickPipeline(5_000) } })
    const result = await runAction(inputs(s, { 'pipeline-ids': `${a}\n${b}`, mode: 'trigger' }))

    expect(result.exitCode).toBe(0)
    const ids = [s.runsOf(a)[0]!.id, s.runsOf(b)[0]!.id]
    expect(result.outputs).toMatchObject({ conclusion: 'success', 'run-ids': ids.join(','), 'run-id': ids[0], status: 'STARTED' })
    expect(s.requests.filter((r) => r.path.endsWith('/pipelines/status'))).toHaveLength(0)
  })

  it('wait with run-ids: waits on exactly those runs', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: failingPipeline(100) } })
    const target = s.startRun(id)
    s.startRun(id, { script: quickPipeline(50) }) // newer and green: must not be reported
    const result = await runAction(inputs(s, { 'pipeline-ids': id, mode: 'wait', 'run-ids': target.id }))

    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ conclusion: 'failure', 'run-id': target.id, status: 'FAILED' })
    expect(s.requests.filter((r) => r.path.endsWith('/run'))).toHaveLength(0)
  })

  it('reads the status at once: a run that has already ended takes no poll interval', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(10) } })
    const done = s.startRun(id)
    await new Promise((r) => setTimeout(r, 50))
    const began = Date.now()
    const result = await runAction(
      inputs(s, { 'pipeline-ids': id, mode: 'wait', 'run-ids': done.id, 'poll-interval': '30s', 'max-poll-interval': '30s' })
    )

    expect(result.exitCode).toBe(0)
    expect(Date.now() - began).toBeLessThan(10_000)
    expect(s.requests.filter((r) => r.path.endsWith('/pipelines/status'))).toHaveLength(1)
  })

  it('wait without run-ids: waits on the latest run of each pipeline', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(300) } })
    s.startRun(id, { script: failingPipeline(10) })
    await new Promise((r) => setTimeout(r, 100))
    const latest = s.startRun(id)
    const result = await runAction(inputs(s, { 'pipeline-ids': id, mode: 'wait' }))

    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ conclusion: 'success', 'run-id': latest.id })
    expect(result.log).toContain(`Waiting on pipeline ${id} run ${latest.id}`)
  })
})
