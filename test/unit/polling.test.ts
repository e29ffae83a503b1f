// The polling plan (src/wait/plan.ts, docs/polling.md), driven through the wait loop on a virtual
// clock against a fake service whose runs follow a timeline: which reads happen when, in virtual
// milliseconds, with no real waiting.

import { describe, expect, it } from 'vitest'
import type { CodeArtsConnection, WaitSettings, YunxiaoConnection } from '../../src/config/settings.ts'
import type { NodeState, RunDetail, RunRef, RunSnapshot, RunState, TrackedRun } from '../../src/model.ts'
import type { CodeArtsApi } from '../../src/providers/codearts/api.ts'
import { CodeArtsProvider } from '../../src/providers/codearts/provider.ts'
import { successDurations } from '../../src/providers/durations.ts'
import type { Provider } from '../../src/providers/provider.ts'
import type { YunxiaoApi } from '../../src/providers/yunxiao/api.ts'
import { YunxiaoProvider } from '../../src/providers/yunxiao/provider.ts'
import { expectationOf } from '../../src/wait/plan.ts'
import { waitForRuns } from '../../src/wait/wait.ts'
import { nullLogger, recordingLogger } from '../support/loggers.ts'

const S = 1_000

/** A stage of a timeline: its jobs run side by side from `start` to each job's end (ms since the run began). */
interface Stage {
  name: string
  start: number
  jobs: { name: string; end: number; fails?: boolean }[]
}

interface Timeline {
  stages: Stage[]
  /** Waits in the queue this long (no start time) before its stages begin. */
  queuedFor?: number
  /** A manual gate holds the run from `at` for `for` ms (the stages after it are shifted). */
  gate?: { at: number; for: number }
}

interface Read {
  kind: 'status' | 'detail'
  runId: string
  at: number
}

/** One stage after another, one job each, the last ending at `ms`. */
function plainRun(ms: number): Timeline {
  return {
    stages: [
      { name: 'Build', start: 0, jobs: [{ name: 'build', end: ms / 2 }] },
      { name: 'Deploy', start: ms / 2, jobs: [{ name: 'deploy', end: ms }] }
    ]
  }
}

function nodeState(t: number, start: number, end: number, fails = false): NodeState {
  if (t < start) return 'running'
  if (t < end) return 'running'
  return fails ? 'failure' : 'success'
}

/** The run at `t` ms after it began: a batch status (stages only) or a detail (stages and jobs). */
function runAt(timeline: Timeline, at: number, detail: boolean): RunSnapshot {
  const queue = timeline.queuedFor ?? 0
  const t = at - queue
  const gate = timeline.gate
  const held = gate !== undefined && t >= gate.at && t < gate.at + gate.for
  const shifted = gate !== undefined && t >= gate.at + gate.for ? t - gate.for : t
  const stages = timeline.stages.map((stage) => {
    const end = Math.max(...stage.jobs.map((j) => j.end))
    const jobs = stage.jobs.map((j) => {
      const state = nodeState(shifted, stage.start, j.end, j.fails)
      return { id: j.name, name: j.name, status: state.toUpperCase(), state, steps: [] }
    })
    // Jobs side by side: the stage fails only once all have ended.
    const state: NodeState = shifted < end ? 'running' : jobs.some((j) => j.state === 'failure') ? 'failure' : 'success'
    const base = { name: stage.name, status: state.toUpperCase(), state }
    return detail ? { ...base, id: stage.name, pre: [], post: [], jobs } : base
  })
  const last = Math.max(...timeline.stages.flatMap((s) => s.jobs.map((j) => j.end)))
  const failed = stages.some((s) => s.state === 'failure')
  const state: RunState = held ? 'manual' : shifted < last ? 'running' : failed ? 'failure' : 'success'
  // Runs that were never queued show their start from the first read, as a started run does.
  return { status: state.toUpperCase(), state, stages, ...(t >= 0 && { startedAt: new Date(Date.UTC(2026, 0, 1) + queue) }) }
}

interface Service {
  /** The timeline of each run, by run ID; every run begins at virtual time 0. */
  runs: Record<string, Timeline>
  /** What history answers (durations in ms), or the error it throws; absent: no history at all. */
  history?: number[] | Error
  /** Status reads carry jobs (Yunxiao); otherwise a status read shows stages only (CodeArts' batch). */
  statusIsDetail?: boolean
  /** How many runs one status request reads (CodeArts: 20); absent: one. */
  statusBatch?: number
  /** A poll reads at most this many of the runs asked (Yunxiao: 8), the first ones; absent: all. */
  readsPerCycle?: number
}

const DEFAULTS: WaitSettings = {
  timeoutMs: 3 * 3_600_000,
  pollIntervalMs: 5 * S,
  maxPollIntervalMs: 30 * S,
  onManualGate: 'wait',
  failFast: false
}

/** A repeatable random, so that a failure can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
  return seed / 2 ** 31
}

/** Waits on the service's runs on a virtual clock; returns every read, and when the wait ended. */
async function wait(service: Service, settings: Partial<WaitSettings> = {}, random: () => number = seeded(11), logger = nullLogger) {
  let now = 0
  let historyReads = 0
  const reads: Read[] = []
  const provider = {
    poll: async (runs: readonly RunRef[]) => {
      const answers = new Map<string, RunSnapshot>()
      for (const run of runs.slice(0, service.readsPerCycle ?? runs.length)) {
        reads.push({ kind: 'status', runId: run.runId, at: now })
        answers.set(`${run.pipelineId}/${run.runId}`, runAt(service.runs[run.runId]!, now, service.statusIsDetail ?? false))
      }
      return answers
    },
    detail: async (run: RunRef) => {
      reads.push({ kind: 'detail', runId: run.runId, at: now })
      return runAt(service.runs[run.runId]!, now, true) as RunDetail
    },
    ...(service.history !== undefined && {
      history: async () => {
        historyReads++
        if (service.history instanceof Error) throw service.history
        return service.history!
      }
    }),
    ...(service.statusIsDetail && { statusHasJobs: true }),
    ...(service.statusBatch !== undefined && { statusBatch: service.statusBatch })
  } as unknown as Provider
  const runs: TrackedRun[] = Object.keys(service.runs).map((runId) => ({ pipelineId: 'p', runId, url: '', startedHere: true }))
  const result = await waitForRuns(
    runs,
    { ...DEFAULTS, ...settings },
    {
      provider,
      logger,
      signal: new AbortController().signal,
      onSnapshot: () => undefined,
      random,
      clock: {
        now: () => now,
        sleep: async (ms) => {
          // Lets the history read (a resolved promise here) answer before time moves on, as a
          // real one does long before the first interval is over.
          await new Promise((resolve) => setImmediate(resolve))
          now += ms
        }
      }
    }
  )
  return { reads, endedAt: now, result, historyReads }
}

/** The longest time between two reads (of any kind) of each run, from its first read to the wait's end. */
function longestGap(reads: Read[], runId: string): number {
  const times = reads.filter((r) => r.runId === runId).map((r) => r.at)
  return Math.max(...times.slice(1).map((t, i) => t - times[i]!))
}

describe('a run whose earlier runs took about as long', () => {
  it('is read at once, at most 3 times, and the wait ends within 10 s of its end (60 s, default inputs)', async () => {
    const { reads, endedAt, result } = await wait({ runs: { r1: plainRun(60 * S) }, history: [60 * S, 60 * S, 60 * S, 59 * S, 61 * S] })

    expect(result.snapshots.get('p/r1')?.state).toBe('success')
    expect(reads[0]).toEqual({ kind: 'status', runId: 'r1', at: 0 })
    expect(reads.filter((r) => r.kind === 'status').length).toBeLessThanOrEqual(3)
    // Besides, the one detail with the first read, which shows that each stage runs one job.
    expect(reads.filter((r) => r.kind === 'detail')).toEqual([{ kind: 'detail', runId: 'r1', at: 0 }])
    expect(endedAt - 60 * S).toBeGreaterThanOrEqual(0)
    expect(endedAt - 60 * S).toBeLessThanOrEqual(10 * S)
  })

  it.each([
    ['1 min', 60 * S],
    ['10 min', 600 * S],
    ['1 h', 3_600 * S]
  ])('%s: at most half the status reads of a fixed 10 s poller, and a lag within its 10 s', async (_name, ms) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { reads, endedAt } = await wait({ runs: { r1: plainRun(ms) }, history: [ms - 2 * S, ms, ms + 2 * S] }, {}, seeded(seed))

      expect(reads.filter((r) => r.kind === 'status').length).toBeLessThanOrEqual(Math.ceil(ms / (10 * S)) / 2)
      // The one detail, with the first read, says that each stage runs a single job.
      expect(reads.filter((r) => r.kind === 'detail')).toEqual([{ kind: 'detail', runId: 'r1', at: 0 }])
      expect(endedAt - ms).toBeLessThanOrEqual(10 * S)
    }
  })

  it('with only three earlier runs, a run as slow as the slowest of them is read densely at its end', async () => {
    // The median is 600 s and one run strayed 80 s: so may this one.
    for (const seed of [1, 2, 3]) {
      const { endedAt } = await wait({ runs: { r1: plainRun(680 * S) }, history: [600 * S, 680 * S, 590 * S] }, {}, seeded(seed))
      expect(endedAt - 680 * S).toBeLessThanOrEqual(5 * S)
    }
  })

  it('a run that ends early is still seen within max-poll-interval', async () => {
    const { endedAt } = await wait({ runs: { r1: plainRun(200 * S) }, history: [600 * S] })
    expect(endedAt - 200 * S).toBeLessThanOrEqual(30 * S)
  })
})

describe('a queued run', () => {
  it('is planned from when it starts (the first read that shows a start time), not from when it was queued', async () => {
    const queued = { ...plainRun(600 * S), queuedFor: 300 * S }
    const { endedAt } = await wait({ runs: { r1: queued }, history: [600 * S] })
    expect(endedAt - 900 * S).toBeLessThanOrEqual(5 * S)
  })
})

describe('a run held at a manual gate', () => {
  it('is read densely at the end its predecessors took, since their durations include their own hold', async () => {
    // 600 s of work and 300 s at the gate; the earlier runs took 900 s from start to end likewise.
    const gated = { ...plainRun(600 * S), gate: { at: 100 * S, for: 300 * S } }
    for (const seed of [1, 2, 3]) {
      const { endedAt } = await wait({ runs: { r1: gated }, history: [890 * S, 900 * S, 910 * S] }, {}, seeded(seed))
      expect(endedAt - 900 * S).toBeLessThanOrEqual(5 * S)
    }
  })
})

describe('runs read together', () => {
  it('where one request reads many runs, ten runs that end apart share their status reads, and each is seen ending sooner', async () => {
    const runs = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`r${i}`, plainRun((600 + 7 * i) * S)]))
    const alone = await wait({ runs, history: [600 * S, 640 * S, 620 * S] })
    const shared = await wait({ runs, history: [600 * S, 640 * S, 620 * S], statusBatch: 20 })
    const requests = (reads: Read[]) => new Set(reads.filter((r) => r.kind === 'status').map((r) => r.at)).size

    expect(requests(shared.reads)).toBeLessThan(requests(alone.reads) / 2)
    expect(shared.endedAt).toBeLessThanOrEqual(alone.endedAt)
  })
})

describe('a provider that reads a few runs a cycle', () => {
  it('reads twenty runs for the first time within a few seconds, 8 a cycle', async () => {
    const runs = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`r${i}`, plainRun(600 * S)]))
    const { reads } = await wait({ runs, history: [600 * S], statusIsDetail: true, readsPerCycle: 8 })
    const firstReads = Object.keys(runs).map((runId) => reads.find((r) => r.runId === runId)!.at)
    expect(Math.max(...firstReads)).toBeLessThanOrEqual(3 * S)
  })

  it('keeps sixty runs within max-poll-interval but for the second a crowd of more than 8 due runs may cost', async () => {
    const runs = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`r${i}`, plainRun((300 + 5 * i) * S)]))
    for (const seed of [1, 2, 3]) {
      const { reads } = await wait({ runs, history: [1_000 * S], statusIsDetail: true, readsPerCycle: 8 }, {}, seeded(seed))
      for (const runId of Object.keys(runs)) expect(longestGap(reads, runId)).toBeLessThanOrEqual(31 * S)
    }
  })
})

describe('max-poll-interval is kept', () => {
  const cases: [string, Service, Partial<WaitSettings>][] = [
    ['no history, 10 min', { runs: { r1: plainRun(600 * S) } }, {}],
    ['history, on time', { runs: { r1: plainRun(600 * S) }, history: [600 * S] }, {}],
    ['history, the run far slower', { runs: { r1: plainRun(3_600 * S) }, history: [60 * S] }, {}],
    ['history, the run far faster', { runs: { r1: plainRun(30 * S) }, history: [3_600 * S] }, {}],
    ['history that failed to read', { runs: { r1: plainRun(600 * S) }, history: new Error('list refused') }, {}],
    ['a manual gate for 20 min', { runs: { r1: { ...plainRun(600 * S), gate: { at: 100 * S, for: 1_200 * S } } }, history: [600 * S] }, {}],
    [
      'max 10 s, first 1 s',
      { runs: { r1: plainRun(600 * S) }, history: [300 * S, 600 * S] },
      { pollIntervalMs: S, maxPollIntervalMs: 10 * S }
    ],
    ['max = first', { runs: { r1: plainRun(120 * S) }, history: [120 * S] }, { pollIntervalMs: 7 * S, maxPollIntervalMs: 7 * S }],
    [
      'ten runs read in one request',
      {
        runs: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`r${i}`, plainRun((300 + 20 * i) * S)])),
        history: [400 * S],
        statusBatch: 20
      },
      {}
    ],
    [
      'ten runs, parallel stages',
      {
        runs: Object.fromEntries(
          Array.from({ length: 10 }, (_, i) => [
            `r${i}`,
            {
              stages: [
                {
                  name: 'Test',
                  start: 0,
                  jobs: [
                    { name: 'a', end: (300 + 10 * i) * S },
                    { name: 'b', end: 200 * S }
                  ]
                }
              ]
            }
          ])
        ),
        history: [300 * S]
      },
      {}
    ]
  ]
  it.each(cases)('%s', async (_name, service, settings) => {
    const max = settings.maxPollIntervalMs ?? DEFAULTS.maxPollIntervalMs
    for (const seed of [1, 2, 3]) {
      const { reads } = await wait(service, settings, seeded(seed))
      for (const runId of Object.keys(service.runs)) expect(longestGap(reads, runId)).toBeLessThanOrEqual(max)
    }
  })
})

describe('jobs side by side', () => {
  // One job fails at 95 s while the other runs on to 10 min: the stage still says RUNNING.
  const parallel: Timeline = {
    stages: [
      {
        name: 'Test',
        start: 0,
        jobs: [
          { name: 'unit', end: 95 * S, fails: true },
          { name: 'e2e', end: 600 * S }
        ]
      }
    ]
  }

  it.each([1, 2, 3, 4])('a failing job is read within max-poll-interval of its failure (seed %i)', async (seed) => {
    const { reads } = await wait({ runs: { r1: parallel }, history: [600 * S] }, {}, seeded(seed))
    const firstDetailAfter = reads.find((r) => r.kind === 'detail' && r.at >= 95 * S)
    expect(firstDetailAfter).toBeDefined()
    expect(firstDetailAfter!.at - 95 * S).toBeLessThanOrEqual(30 * S)
  })

  it('a stage known to run one job needs no detail while it runs', async () => {
    const { reads } = await wait({ runs: { r1: plainRun(600 * S) }, history: [600 * S] })
    // The detail with the first read learns that each stage has one job; none after.
    expect(reads.filter((r) => r.kind === 'detail')).toEqual([{ kind: 'detail', runId: 'r1', at: 0 }])
  })

  it('100 runs with parallel stages: after the first read, few detail reads in any cycle', async () => {
    const runs = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`r${i}`, parallel]))
    const { reads } = await wait({ runs, history: [600 * S] }, {}, seeded(7))
    const perCycle = new Map<number, number>()
    for (const r of reads.filter((r) => r.kind === 'detail' && r.at > 0)) perCycle.set(r.at, (perCycle.get(r.at) ?? 0) + 1)
    // 100 details every 30 s, spread over the interval rather than all in one cycle.
    expect(Math.max(...perCycle.values())).toBeLessThanOrEqual(20)
  })

  it('a service whose status read carries the jobs reads them no more often than a single job', async () => {
    const single: Timeline = { stages: [{ name: 'Test', start: 0, jobs: [{ name: 'e2e', end: 600 * S }] }] }
    for (const seed of [1, 2, 3]) {
      const side = await wait({ runs: { r1: parallel }, history: [600 * S], statusIsDetail: true }, {}, seeded(seed))
      const alone = await wait({ runs: { r1: single }, history: [600 * S], statusIsDetail: true }, {}, seeded(seed))
      expect(side.reads.map((r) => r.at)).toEqual(alone.reads.map((r) => r.at))
    }
  })
})

describe('history', () => {
  it('without any, the plain backoff: 5 s growing by half to 30 s', async () => {
    const { reads } = await wait({ runs: { r1: plainRun(120 * S) }, statusIsDetail: true }, {}, () => 0.5)
    expect(reads.map((r) => r.at / S)).toEqual([0, 5, 12.5, 23.75, 40.625, 65.938, 95.938, 125.938])
  })

  it('a failed history read falls back to the same plain backoff', async () => {
    const plain = await wait({ runs: { r1: plainRun(120 * S) } }, {}, () => 0.5)
    const failed = await wait({ runs: { r1: plainRun(120 * S) }, history: new Error('HTTP 500') }, {}, () => 0.5)
    expect(failed.reads).toEqual(plain.reads)
  })

  it('the expectation is the median of the five newest, and twice how far they stray from it but for the odd one (of five)', () => {
    expect(expectationOf([60, 62, 58, 600, 61, 1, 1, 1])).toEqual({ expected: 61, spread: 6 })
    expect(expectationOf([60, 70])).toEqual({ expected: 65, spread: 10 })
    // Of three, one is the median: the furthest is all that says how far they stray.
    expect(expectationOf([60, 68, 59])).toEqual({ expected: 60, spread: 16 })
    expect(expectationOf([])).toBeUndefined()
    expect(expectationOf([Number.NaN, -5, 0, Number.POSITIVE_INFINITY])).toBeUndefined()
  })

  const at = (iso: string) => Date.parse(iso)
  it.each([
    ['no start', { state: 'success', end: at('2026-01-01T00:01:00Z') }],
    ['no end', { state: 'success', start: at('2026-01-01T00:00:00Z') }],
    ['end before start', { state: 'success', start: at('2026-01-01T00:01:00Z'), end: at('2026-01-01T00:00:00Z') }],
    ['end equal to start', { state: 'success', start: at('2026-01-01T00:01:00Z'), end: at('2026-01-01T00:01:00Z') }],
    ['a negative start', { state: 'success', start: -60_000, end: at('2026-01-01T00:00:00Z') }],
    ['an absurd duration (a week)', { state: 'success', start: at('2026-01-01T00:00:00Z'), end: at('2026-01-08T00:00:00Z') }],
    ['a year 3000 end', { state: 'success', start: at('2026-01-01T00:00:00Z'), end: at('3000-01-01T00:00:00Z') }],
    ['times that are not numbers', { state: 'success', start: true, end: { ms: 1 } }],
    ['times as words', { state: 'success', start: 'yesterday', end: 'today' }],
    ['a run still running', { state: 'running', start: at('2026-01-01T00:00:00Z'), end: at('2026-01-01T00:01:00Z') }],
    ['a failed run', { state: 'failure', start: at('2026-01-01T00:00:00Z'), end: at('2026-01-01T00:01:00Z') }]
  ] as const)('an item with %s gives no duration', (_name, item) => {
    expect(successDurations([{ start: undefined, end: undefined, ...item }])).toEqual([])
  })

  it('reads epoch milliseconds, seconds and digit strings alike', () => {
    const start = at('2026-01-01T00:00:00Z')
    expect(
      successDurations([
        { state: 'success', start, end: start + 90_000 },
        { state: 'success', start: start / 1000, end: (start + 60_000) / 1000 },
        { state: 'success', start: String(start), end: String(start + 30_000) }
      ])
    ).toEqual([90_000, 60_000, 30_000])
  })
})

describe('history from each service', () => {
  const start = Date.parse('2026-01-01T00:00:00Z')

  it('CodeArts: one page of ListPipelineRuns, newest first; successes with usable times only', async () => {
    const asked: unknown[][] = []
    const api = {
      recentRuns: async (...args: unknown[]) => {
        asked.push(args)
        return [
          { status: 'COMPLETED', start_time: start, end_time: start + 61_000 },
          { status: 'FAILED', start_time: start, end_time: start + 5_000 },
          { status: 'COMPLETED', start_time: start, end_time: 0 },
          { status: 'COMPLETED', start_time: '1767225600000', end_time: '1767225659000' },
          { status: 'RUNNING', start_time: start, end_time: 0 },
          { status: 'COMPLETED', start_time: start + 9_000, end_time: start }
        ]
      }
    } as unknown as CodeArtsApi
    const provider = new CodeArtsProvider(api, { region: 'cn-north-4', projectId: 'p' } as CodeArtsConnection)

    expect(await provider.history('a'.repeat(32))).toEqual([61_000, 59_000])
    expect(asked).toEqual([['a'.repeat(32), 0, 10]])
  })

  it('Yunxiao: one page of the last week, sorted by start time here (the list has no documented order)', async () => {
    const asked: unknown[][] = []
    const items = Array.from({ length: 14 }, (_, i) => ({
      status: 'SUCCESS',
      startTime: start + i * 3_600_000,
      endTime: start + i * 3_600_000 + (i + 1) * 1_000
    }))
    const api = {
      runsSince: async (...args: unknown[]) => {
        asked.push(args)
        return [...items, { status: 'FAIL', startTime: start + 99 * 3_600_000, endTime: start + 99 * 3_600_000 + 1 }]
      }
    } as unknown as YunxiaoApi
    const provider = new YunxiaoProvider(api, { api: 'openapi', endpoint: 'https://openapi-rdc.aliyuncs.com' } as YunxiaoConnection)
    const now = start + 100 * 3_600_000

    // The newest ten (the failed one among them counts for none), newest first.
    expect(await provider.history('41', now)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6].map((s) => s * 1_000))
    expect(asked).toEqual([['41', now - 7 * 24 * 3_600_000, 1]])
  })

  it('is read once per pipeline, and not at all when every run had ended by the first read', async () => {
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`r${i}`, plainRun(60 * S)]))
    expect((await wait({ runs: ten, history: [60 * S] })).historyReads).toBe(1)
    const ended: Timeline = { stages: [{ name: 'Build', start: 0, jobs: [{ name: 'build', end: 0 }] }] }
    expect((await wait({ runs: { r1: ended }, history: [60 * S] })).historyReads).toBe(0)
  })

  it('a history that cannot be read is one line in the debug log, and the wait goes on as without it', async () => {
    const logger = recordingLogger()
    const { result } = await wait(
      { runs: { r1: plainRun(60 * S) }, history: new Error('HTTP 500 from the run list') },
      {},
      seeded(1),
      logger
    )

    expect(result.snapshots.get('p/r1')?.state).toBe('success')
    const lines = logger
      .stdout()
      .split('\n')
      .filter((l) => l.includes('recent runs'))
    expect(lines).toEqual([
      '::debug::Pipeline p: could not read its recent runs (HTTP 500 from the run list); reading on the plain backoff.'
    ])
  })
})
