// The polling bench's figures are only as good as its clock: a run on the simulators must end at
// the virtual time its script says, the wait loop must see it end there, and a simulator given no
// clock must still move on the wall clock, as every other test expects.

import { describe, expect, it } from 'vitest'
import { AbortedError } from '../../src/errors.ts'
import { HttpClient } from '../../src/net/http.ts'
import { createProvider } from '../../src/providers/index.ts'
import { waitForRuns } from '../../src/wait/wait.ts'
import { T0 } from '../bench/scenario.ts'
import { VirtualClock } from '../bench/virtual-clock.ts'
import { CodeArtsSimulator, hex32 } from '../simulator/codearts.ts'
import { ACCESS_KEY, quickPipeline, YUNXIAO_TOKEN } from '../simulator/fixtures.ts'
import { YunxiaoSimulator } from '../simulator/yunxiao.ts'
import { codeartsConnection } from '../support/inputs.ts'
import { nullLogger as quiet } from '../support/loggers.ts'

const HOUR = 3_600_000
const SETTINGS = { timeoutMs: 2 * HOUR, pollIntervalMs: 5_000, maxPollIntervalMs: 30_000, onManualGate: 'wait', failFast: false } as const

describe('the bench’s virtual clock', () => {
  // An hour on the wall clock would outlast the test's timeout many times over.
  it('lets the wait loop see an hour-long CodeArts run end an hour in', { timeout: 20_000 }, async () => {
    const clock = new VirtualClock(T0)
    const id = hex32()
    const sim = await CodeArtsSimulator.start({
      accessKeys: [ACCESS_KEY],
      now: clock.now,
      pipelines: { [id]: { script: quickPipeline(HOUR) } }
    })
    try {
      const run = sim.startRun(id, { foreign: false })
      expect(run.startedAt).toBe(T0)
      const controller = new AbortController()
      const http = new HttpClient({ logger: quiet, signal: () => controller.signal })
      const { provider } = createProvider(codeartsConnection(sim), http, quiet)
      const tracked = { pipelineId: id, runId: run.id, url: '', startedHere: true }
      const result = await waitForRuns([tracked], SETTINGS, {
        provider,
        logger: quiet,
        signal: controller.signal,
        onSnapshot: () => {},
        clock
      })
      expect(result.interrupted).toBeUndefined()
      expect(result.snapshots.get(`${id}/${run.id}`)?.state).toBe('success')
      // It ended an hour in, and the wait saw it at the next read, at most max-poll-interval later.
      expect(sim.stateOf(run).end).toBe(HOUR)
      expect(clock.now() - T0).toBeGreaterThanOrEqual(HOUR)
      expect(clock.now() - T0).toBeLessThanOrEqual(HOUR + SETTINGS.maxPollIntervalMs)
      // Every read was recorded at virtual time, with the bytes of its answer.
      expect(sim.requests.at(-1)!.at).toBe(clock.now())
      expect(sim.requests.every((r) => (r.responseBytes ?? 0) > 0)).toBe(true)
    } finally {
      await sim.close()
    }
  })

  it('moves a Yunxiao run and its listing by the virtual clock', async () => {
    const clock = new VirtualClock(T0)
    const sim = await YunxiaoSimulator.start({
      tokens: [YUNXIAO_TOKEN],
      now: clock.now,
      pipelines: { '7': { script: quickPipeline(HOUR) } }
    })
    try {
      const run = sim.startRun('7')
      expect(run.startedAt).toBe(T0)
      clock.set(T0 + HOUR - 1)
      expect(sim.stateOf(run).status).toBe('RUNNING')
      clock.set(T0 + HOUR)
      expect(sim.stateOf(run).status).toBe('COMPLETED')
      const answer = await fetch(`${sim.url}/oapi/v1/flow/organizations/${sim.organizationId}/pipelines/7/runs`, {
        headers: { 'x-yunxiao-token': YUNXIAO_TOKEN }
      })
      const text = await answer.text()
      expect(JSON.parse(text)).toMatchObject([{ pipelineRunId: 1, status: 'SUCCESS', startTime: T0, endTime: T0 + HOUR }])
      expect(sim.requests.at(-1)).toMatchObject({ at: T0 + HOUR, responseBytes: Buffer.byteLength(text) })
    } finally {
      await sim.close()
    }
  })

  it('leaves simulators given no clock on the wall clock', async () => {
    const id = hex32()
    const codearts = await CodeArtsSimulator.start({ accessKeys: [ACCESS_KEY], pipelines: { [id]: { script: quickPipeline(HOUR) } } })
    const yunxiao = await YunxiaoSimulator.start({ tokens: [YUNXIAO_TOKEN], pipelines: { '7': { script: quickPipeline(HOUR) } } })
    try {
      const before = Date.now()
      const runs = [codearts.startRun(id).startedAt!, yunxiao.startRun('7').startedAt]
      const after = Date.now()
      for (const startedAt of runs) {
        expect(startedAt).toBeGreaterThanOrEqual(before)
        expect(startedAt).toBeLessThanOrEqual(after)
      }
    } finally {
      await Promise.all([codearts.close(), yunxiao.close()])
    }
  })

  it('stops at the deadline with a timeout, and honours an abort', async () => {
    const clock = new VirtualClock(T0)
    const controller = new AbortController()
    clock.abortAt(T0 + 10_000, controller)
    await clock.sleep(6_000, controller.signal)
    expect(clock.now()).toBe(T0 + 6_000)
    await expect(clock.sleep(6_000, controller.signal)).rejects.toEqual(new AbortedError('timeout'))
    expect(clock.now()).toBe(T0 + 10_000)
    expect(controller.signal.aborted).toBe(true)
    const cancel = new AbortController()
    cancel.abort(new AbortedError('cancelled'))
    await expect(new VirtualClock(T0).sleep(1, cancel.signal)).rejects.toMatchObject({ reason: 'cancelled' })
  })

  it('holds the time still while a request is in flight, so its answer comes within the pause', async () => {
    const clock = new VirtualClock(T0)
    let inFlight = 1
    clock.holdWhile(() => inFlight > 0)
    const answered = new Promise<string>((resolve) =>
      setTimeout(() => {
        inFlight = 0
        resolve(`answered at ${clock.now() - T0}`)
      }, 20)
    )
    const paused = clock.sleep(5_000, new AbortController().signal).then(() => `paused until ${clock.now() - T0}`)
    expect(await Promise.race([answered, paused])).toBe('answered at 0')
    expect(await paused).toBe('paused until 5000')
    // A pause the answer cuts short (the loop races its pause against a read) leaves the time as it was.
    inFlight = 1
    const nap = new AbortController()
    const napping = clock.sleep(5_000, nap.signal)
    nap.abort(new AbortedError('cancelled'))
    await expect(napping).rejects.toMatchObject({ reason: 'cancelled' })
    expect(clock.now() - T0).toBe(5_000)
  })
})
