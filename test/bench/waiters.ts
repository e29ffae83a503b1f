// The waiters the polling bench compares on one scenario: the action's own wait loop, driven
// directly with the real provider and HTTP client, and a fixed-interval poller modelled on the
// peer actions.

import { request } from 'undici'
import type { WaitSettings } from '../../src/config/settings.ts'
import { AbortedError } from '../../src/errors.ts'
import { hasEnded, type RunSnapshot, runKey, type TrackedRun } from '../../src/model.ts'
import { HttpClient, type HttpResponse } from '../../src/net/http.ts'
import type { JsonObject } from '../../src/net/json.ts'
import { detailFromRun as codeartsDetail } from '../../src/providers/codearts/translate.ts'
import { createProvider } from '../../src/providers/index.ts'
import { detailFromRun as yunxiaoDetail } from '../../src/providers/yunxiao/translate.ts'
import { waitForRuns } from '../../src/wait/wait.ts'
import { seededRandom } from '../simulator/faults.ts'
import { nullLogger as quiet } from '../support/loggers.ts'
import type { Scenario } from './scenario.ts'

export interface Outcome {
  /** When the wait returned (virtual ms); undefined: the deadline passed first. */
  stepEnd: number | undefined
  /** When the waiter first saw each run's failing job (by runKey). */
  reported: Map<string, number>
  /** Rounds of reads. */
  cycles: number
}

/** Whether a read of the run shows a job that failed: the action says why at once (gate.ts). */
function showsFailure(snapshot: RunSnapshot): boolean {
  return snapshot.state === 'failure' || snapshot.stages.some((s) => s.state === 'failure' || s.jobs?.some((j) => j.state === 'failure'))
}

/** The real client, counting the requests it has in flight. */
class CountingClient extends HttpClient {
  inFlight = 0

  override async send(...args: Parameters<HttpClient['send']>): Promise<HttpResponse> {
    this.inFlight++
    try {
      return await super.send(...args)
    } finally {
      this.inFlight--
    }
  }
}

/** The action's wait: waitForRuns with the real provider over loopback, on the scenario's clock. */
export async function ours(scenario: Scenario, settings: WaitSettings, seed: number, deadline: number): Promise<Outcome> {
  const controller = new AbortController()
  scenario.clock.abortAt(deadline, controller)
  const http = new CountingClient({ logger: quiet, signal: () => controller.signal })
  scenario.clock.holdWhile(() => http.inFlight > 0)
  const { provider } = createProvider(scenario.connection, http, quiet)
  const reported = new Map<string, number>()
  const sleepsBefore = scenario.clock.sleeps
  const result = await waitForRuns(scenario.runs, settings, {
    provider,
    logger: quiet,
    signal: controller.signal,
    onSnapshot: (run, _previous, current) => {
      if (!reported.has(runKey(run)) && showsFailure(current)) reported.set(runKey(run), scenario.clock.now())
    },
    random: seededRandom(seed ^ 0x5eed),
    clock: scenario.clock
  })
  return {
    stepEnd: result.interrupted === undefined ? scenario.clock.now() : undefined,
    reported,
    cycles: scenario.clock.sleeps - sleepsBefore + 1
  }
}

/**
 * What the peer actions do, as their sources read: after the start, sleep the interval, then read
 * the status of each run still going with one request per run (the run's detail, which also shows
 * its jobs), until every run has ended. No read at the start, no backoff, no batch read: one
 * request per run per interval. A failing job counts as reported at the first read that shows it,
 * which is generous: most peers only look at the run's own status.
 */
export async function fixedPoller(scenario: Scenario, intervalMs: number, deadline: number): Promise<Outcome> {
  const controller = new AbortController()
  scenario.clock.abortAt(deadline, controller)
  const reported = new Map<string, number>()
  let pending = [...scenario.runs]
  let cycles = 0
  try {
    while (pending.length > 0) {
      await scenario.clock.sleep(intervalMs, controller.signal)
      cycles++
      const reads = await Promise.all(pending.map((run) => peerRead(scenario, run)))
      for (const [i, run] of pending.entries()) {
        if (!reported.has(runKey(run)) && showsFailure(reads[i]!)) reported.set(runKey(run), scenario.clock.now())
      }
      pending = pending.filter((_run, i) => !hasEnded(reads[i]!.state))
    }
  } catch (error) {
    if (error instanceof AbortedError) return { stepEnd: undefined, reported, cycles }
    throw error
  }
  return { stepEnd: scenario.clock.now(), reported, cycles }
}

async function peerRead(scenario: Scenario, run: TrackedRun): Promise<RunSnapshot> {
  const { url, headers } = scenario.statusRequest(run)
  const response = await request(url, { headers })
  if (response.statusCode !== 200) throw new Error(`${url}: HTTP ${response.statusCode}`)
  const body = (await response.body.json()) as JsonObject
  return scenario.connection.provider === 'codearts' ? codeartsDetail(body, run) : yunxiaoDetail(body, () => [])
}
