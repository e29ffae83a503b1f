// One timeline laid down on a simulator: each pipeline's earlier runs, then the runs a waiter waits
// for, all on a virtual clock. The same seed lays down the same timeline, so every waiter of a
// comparison meets exactly the same runs.

import type { Connection } from '../../src/config/settings.ts'
import type { TrackedRun } from '../../src/model.ts'
import { CodeArtsSimulator, type SimRun } from '../simulator/codearts.ts'
import { seededRandom } from '../simulator/faults.ts'
import { ACCESS_KEY, READY_TOKEN, YUNXIAO_TOKEN } from '../simulator/fixtures.ts'
import { type PipelineScript, type RunState, runDuration } from '../simulator/script.ts'
import type { RecordedRequest } from '../simulator/service.ts'
import { type YunxiaoRun, YunxiaoSimulator } from '../simulator/yunxiao.ts'
import { codeartsConnection, yunxiaoConnection } from '../support/inputs.ts'
import type { Service, Timeline } from './timelines.ts'
import { VirtualClock } from './virtual-clock.ts'

/** When every timeline starts: a fixed day, far from the wall clock, so a mix-up of the two shows. */
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0)

export interface Scenario {
  clock: VirtualClock
  runs: TrackedRun[]
  /** The connection our provider uses. */
  connection: Connection
  /** A peer's read of one run: the URL of the run's status and the headers it sends. */
  statusRequest(run: TrackedRun): { url: string; headers: Record<string, string> }
  requests: RecordedRequest[]
  /** When the run ended, by the service's timeline (undefined: it had not). */
  endOf(run: TrackedRun): number | undefined
  /** When its first job failed (undefined: none did). */
  failureOf(run: TrackedRun): number | undefined
  close(): Promise<void>
}

export async function layDown(service: Service, timeline: Timeline, seed: number): Promise<Scenario> {
  const random = seededRandom(seed)
  const clock = new VirtualClock(T0)
  const ids = Array.from({ length: timeline.pipelines }, (_, i) =>
    service === 'codearts' ? `${String(seed).padStart(8, '0')}${String(i).padStart(24, '0')}` : String(1000 + i)
  )
  const scale = 0.9 + 0.2 * random()
  const scripts = ids.map(() => timeline.script(random, false, scale))
  const earlier = ids.map(() => Array.from({ length: timeline.history }, () => timeline.script(random, true, scale)))
  // Earlier runs one after another, each ended well before the next (and ours) started.
  const period = 1.5 * Math.max(...earlier.flat().map((s) => runDuration(s) ?? 0), timeline.nominalMs)
  const lay = (start: (id: string, script: PipelineScript) => void) => {
    for (const [i, id] of ids.entries()) {
      for (const [k, script] of earlier[i]!.entries()) {
        clock.set(T0 - (timeline.history - k) * period - (timeline.queuedBehindMs ?? 0))
        start(id, script)
      }
    }
  }
  if (service === 'codearts') {
    const sim = await CodeArtsSimulator.start({
      accessKeys: [ACCESS_KEY],
      tokens: [READY_TOKEN],
      now: clock.now,
      pipelines: Object.fromEntries(
        ids.map((id, i) => [id, { script: scripts[i]!, ...(timeline.queuedBehindMs !== undefined && { maxConcurrent: 1 }) }])
      )
    })
    lay((id, script) => sim.startRun(id, { script }))
    if (timeline.queuedBehindMs !== undefined) {
      for (const [i, id] of ids.entries()) {
        clock.set(T0 - timeline.queuedBehindMs)
        sim.startRun(id, { script: { ...scripts[i]!, name: 'someone else' } })
      }
    }
    clock.set(T0)
    const runs = ids.map((id, i): TrackedRun => {
      const run = sim.startRun(id, { script: scripts[i]!, foreign: false })
      return { pipelineId: id, runId: run.id, ...(run.queueId && { queueId: run.queueId }), url: '', startedHere: true }
    })
    const find = (run: TrackedRun): SimRun => sim.run(run.runId)!
    return {
      clock,
      runs,
      connection: codeartsConnection(sim),
      statusRequest: (run) => ({
        url: `${sim.url}/v5/${sim.projectId}/api/pipelines/${run.pipelineId}/pipeline-runs/detail?pipeline_run_id=${run.runId}`,
        headers: { 'x-auth-token': READY_TOKEN }
      }),
      requests: sim.requests,
      endOf: (run) => ended(find(run).startedAt, sim.stateOf(find(run))),
      failureOf: (run) => firstFailure(find(run).startedAt, sim.stateOf(find(run))),
      close: () => sim.close()
    }
  }
  const sim = await YunxiaoSimulator.start({
    tokens: [YUNXIAO_TOKEN],
    now: clock.now,
    pipelines: Object.fromEntries(ids.map((id, i) => [id, { script: scripts[i]! }]))
  })
  lay((id, script) => sim.startRun(id, { script }))
  clock.set(T0)
  const runs = ids.map((id, i): TrackedRun => {
    const run = sim.startRun(id, { script: scripts[i]!, foreign: false })
    return { pipelineId: id, runId: run.id, url: '', startedHere: true }
  })
  const find = (run: TrackedRun): YunxiaoRun => sim.runsOf(run.pipelineId).find((r) => r.id === run.runId)!
  return {
    clock,
    runs,
    connection: yunxiaoConnection(sim),
    statusRequest: (run) => ({
      url: `${sim.url}/oapi/v1/flow/organizations/${sim.organizationId}/pipelines/${run.pipelineId}/runs/${run.runId}`,
      headers: { 'x-yunxiao-token': YUNXIAO_TOKEN }
    }),
    requests: sim.requests,
    endOf: (run) => ended(find(run).startedAt, sim.stateOf(find(run))),
    failureOf: (run) => firstFailure(find(run).startedAt, sim.stateOf(find(run))),
    close: () => sim.close()
  }
}

function ended(startedAt: number | undefined, state: RunState): number | undefined {
  return startedAt !== undefined && state.end !== undefined ? startedAt + state.end : undefined
}

function firstFailure(startedAt: number | undefined, state: RunState): number | undefined {
  const ends = state.stages.flatMap((s) => s.jobs.filter((j) => j.status === 'FAILED').map((j) => j.end!))
  return startedAt !== undefined && ends.length > 0 ? startedAt + Math.min(...ends) : undefined
}
