// Never leave a run behind: cancellation by the runner's signals, the post step as a backstop,
// fail-fast, and a start cut short.

import type { ChildProcess } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { type CodeArtsSimulator, hex32 } from '../simulator/codearts.ts'
import { failingPipeline, IAM_USER, quickPipeline } from '../simulator/fixtures.ts'
import { CAN_SIGNAL, runAction, runPost } from '../support/harness.ts'
import { codeartsInputs } from '../support/inputs.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()

const inputs = (s: CodeArtsSimulator, extra: Record<string, string>) => codeartsInputs(s, { 'iam-project-id': s.iamProjectId, ...extra })

/** Sends `signal` once the log shows `text`; records when. */
function signalWhen(text: string | RegExp, signal: NodeJS.Signals, sent: { at?: number }) {
  return (child: ChildProcess, log: () => string) => {
    const timer = setInterval(() => {
      if (typeof text === 'string' ? log().includes(text) : text.test(log())) {
        clearInterval(timer)
        sent.at = Date.now()
        child.kill(signal)
      }
    }, 20)
    child.on('close', () => clearInterval(timer))
  }
}

describe('cancellation', () => {
  it.skipIf(!CAN_SIGNAL).each(['SIGINT', 'SIGTERM'] as const)(
    '%s: stops the run it started, well inside the runner 7.5 s window',
    async (signal) => {
      const id = hex32()
      const s = await sims.codearts({ [id]: { script: quickPipeline(60_000) } })
      const sent: { at?: number } = {}
      const result = await runAction(inputs(s, { 'pipeline-ids': id }), { onStart: signalWhen('Started pipeline', signal, sent) })
      const exited = Date.now()

      expect(exited - sent.at!).toBeLessThan(3_000)
      expect(result.outputs['conclusion']).toBe('cancelled')
      expect(s.stateOf(s.runsOf(id)[0]!).status).toBe('CANCELED')
      expect(result.log).toContain(`Received ${signal}: cancelling.`)
      expect(JSON.parse(result.state['abandonedRuns']!)).toEqual([])
      expect(JSON.parse(result.state['pendingStarts']!)).toEqual([])
    }
  )

  it.skipIf(!CAN_SIGNAL)('takes a queued run out of the queue, and leaves the run ahead of it alone', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60_000), maxConcurrent: 1 } })
    const ahead = s.startRun(id)
    const result = await runAction(inputs(s, { 'pipeline-ids': id }), { onStart: signalWhen('(queued', 'SIGINT', {}) })

    const ours = s.runsOf(id)[1]!
    expect(result.outputs['conclusion']).toBe('cancelled')
    expect(ours.dequeued).toBe(true)
    expect(s.requests.some((r) => r.path.includes(`/${ours.id}/cancel-queuing/${ours.queueId}`))).toBe(true)
    expect(s.stateOf(ahead).status).toBe('RUNNING')
  })

  it.skipIf(!CAN_SIGNAL)('a cancel while the start request is in flight still finds and stops that run', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60_000) } })
    // The service creates the run at once but its answer takes 10 s to come back.
    s.faults = ({ path }) => (path.endsWith('/run') ? { kind: 'slow', ms: 10_000 } : undefined)
    const result = await runAction(inputs(s, { 'pipeline-ids': id }), { onStart: signalWhen(/→ POST \S+\/run /, 'SIGINT', {}) })

    const [run] = s.runsOf(id)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['conclusion']).toBe('cancelled')
    expect(s.stateOf(run!).status).toBe('CANCELED')
    expect(result.outputs['run-ids']).toBe(run!.id)
  })

  it('the post step stops runs a killed main step left behind', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60_000) } })
    const values = inputs(s, { 'pipeline-ids': id })
    const main = await runAction(values, { onStart: signalWhen('Started pipeline', 'SIGKILL', {}) })
    expect(main.signal).toBe('SIGKILL')
    expect(s.stateOf(s.runsOf(id)[0]!).status).toBe('RUNNING')

    const post = await runPost(values, main.state)
    expect(post.exitCode).toBe(0)
    expect(post.log).toContain('The main step ended before it could stop 1 run(s); stopping them now.')
    expect(s.stateOf(s.runsOf(id)[0]!).status).toBe('CANCELED')
  })

  it('the post step does nothing after a main step that finished, or with cancel-on-abort: false', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60_000) } })
    const done = await runAction(inputs(s, { 'pipeline-ids': id, mode: 'trigger' }))
    const before = s.requests.length
    await runPost(inputs(s, { 'pipeline-ids': id, mode: 'trigger' }), done.state)
    expect(s.requests.length).toBe(before)
    expect(s.stateOf(s.runsOf(id)[0]!).status).toBe('RUNNING')

    const values = inputs(s, { 'pipeline-ids': id, 'cancel-on-abort': 'false' })
    const killed = await runAction(values, { onStart: signalWhen('Started pipeline', 'SIGKILL', {}) })
    await runPost(values, killed.state)
    expect(s.stateOf(s.runsOf(id)[1]!).status).toBe('RUNNING')
  })
})

describe('fail-fast', () => {
  it('stops the other runs as soon as one fails', async () => {
    const failing = hex32()
    const slow = hex32()
    const s = await sims.codearts({ [failing]: { script: failingPipeline(50) }, [slow]: { script: quickPipeline(60_000) } })
    const result = await runAction(inputs(s, { 'pipeline-ids': `${failing} ${slow}`, 'fail-fast': 'true' }))

    expect(result.exitCode).toBe(1)
    const [first, second] = JSON.parse(result.outputs['results']!)
    expect(first).toMatchObject({ conclusion: 'failure', status: 'FAILED' })
    expect(second).toMatchObject({ conclusion: 'cancelled', status: 'CANCELED' })
    expect(s.stateOf(s.runsOf(slow)[0]!).status).toBe('CANCELED')
    expect(result.log).toMatch(
      /::error::Stopped early \(fail-fast\): shop-test \(pipeline [0-9a-f]{32}\) run #1 FAILED at Build \/ Unit tests \/ npm test; quick \(pipeline [0-9a-f]{32}\) run #1 CANCELED/
    )
  })

  it('without fail-fast, waits for every run', async () => {
    const failing = hex32()
    const slower = hex32()
    const s = await sims.codearts({ [failing]: { script: failingPipeline(50) }, [slower]: { script: quickPipeline(1_200) } })
    const result = await runAction(inputs(s, { 'pipeline-ids': `${failing} ${slower}` }))

    const [, second] = JSON.parse(result.outputs['results']!)
    expect(second).toMatchObject({ conclusion: 'success', status: 'COMPLETED' })
    expect(result.outputs['conclusion']).toBe('failure')
  })
})

describe('password tokens', () => {
  it('an expired IAM token is renewed once and the wait goes on', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(2_000) } }, { tokenTtlMs: 700 })
    const result = await runAction({
      endpoint: s.url,
      'iam-endpoint': s.url,
      'project-id': s.projectId,
      'pipeline-ids': id,
      username: IAM_USER.username,
      password: IAM_USER.password,
      domain: IAM_USER.domain,
      'poll-interval': '0.3s',
      'max-poll-interval': '0.3s'
    })

    expect(result.exitCode).toBe(0)
    expect(result.log).toContain('The IAM token has expired; signing in again.')
    const tokenRequests = s.requests.filter((r) => r.path === '/v3/auth/tokens')
    expect(tokenRequests.length).toBeGreaterThanOrEqual(2)
    // Each refusal is followed by one renewal, never by a second refusal of the same request.
    const refused = s.requests.filter((r) => r.status === 401)
    expect(refused.length).toBe(tokenRequests.length - 1)
  })
})
