// The polling part of `npm run bench`: the action's wait against fixed 5 s, 10 s and 30 s pollers on
// exactly the same timelines (timelines.ts), on a virtual clock, against the simulators over
// loopback. Prints a table of every timeline and returns rows 1–5 of the goal table (issue 14).

import { performance } from 'node:perf_hooks'
import { INPUT_DEFAULTS } from '../../src/action/action-yml.generated.ts'
import { parseDuration } from '../../src/config/parse.ts'
import type { WaitSettings } from '../../src/config/settings.ts'
import { runKey } from '../../src/model.ts'
import type { Figure } from './figures.ts'
import { layDown, T0 } from './scenario.ts'
import { MINUTE, type Service, TIMELINES, type Timeline } from './timelines.ts'
import { fixedPoller, ours } from './waiters.ts'

/** The peers' intervals: the range their defaults and examples use. */
const FIXED = [5_000, 10_000, 30_000]
type Waiter = 'ours' | number

/**
 * The inputs' defaults, read from action.yml as the action reads them; only the timeout is longer,
 * so that the hour-long runs end before it (a user with such runs sets it so).
 */
const SETTINGS: WaitSettings = {
  timeoutMs: 4 * 60 * MINUTE,
  pollIntervalMs: parseDuration('poll-interval', INPUT_DEFAULTS['poll-interval']!),
  maxPollIntervalMs: parseDuration('max-poll-interval', INPUT_DEFAULTS['max-poll-interval']!),
  onManualGate: INPUT_DEFAULTS['on-manual-gate'] === 'fail' ? 'fail' : 'wait',
  failFast: INPUT_DEFAULTS['fail-fast'] === 'true'
}

/** What one waiter did on every seed of one timeline and service. */
interface Measure {
  timeline: Timeline
  service: Service
  waiter: Waiter
  byEndpoint: Map<string, number>
  requests: number
  bytes: number
  /** From the last run's end to the wait's end, one per seed, ms. */
  lags: number[]
  /** From a job's failure to the first read that showed it, one per failing run, ms. */
  failReports: number[]
  cycles: number
  /** Seeds whose wait did not end before the deadline. */
  timeouts: number
}

/** The endpoint a request went to, in the words the table uses. */
function endpointOf(service: Service, path: string): string {
  const rules: [RegExp, string][] =
    service === 'codearts'
      ? [
          [/\/pipelines\/status$/, 'batch status'],
          [/\/pipeline-runs\/detail$/, 'run detail'],
          [/\/pipeline-runs\/list$/, 'run list'],
          [/\/queued-pipeline$/, 'queue'],
          [/^\/v3\//, 'IAM']
        ]
      : [
          [/\/runs\/\d+$/, 'run'],
          [/\/jobs\/\d+\/steps$/, 'job steps'],
          [/\/runs$/, 'run list'],
          [/\/pipelines\/\d+$/, 'pipeline']
        ]
  return rules.find(([pattern]) => pattern.test(path))?.[1] ?? path
}

function emptyMeasure(timeline: Timeline, service: Service, waiter: Waiter): Measure {
  return { timeline, service, waiter, byEndpoint: new Map(), requests: 0, bytes: 0, lags: [], failReports: [], cycles: 0, timeouts: 0 }
}

/** One waiter on one seed of one timeline and service. */
interface Pass {
  timeline: Timeline
  service: Service
  waiter: Waiter
  seed: number
}

/** Passes run side by side: each has its own simulator and clock, and each mostly waits on loopback. */
const CONCURRENT_PASSES = 8

async function runPass(pass: Pass): Promise<Measure> {
  const { timeline, service, waiter, seed } = pass
  const m = emptyMeasure(timeline, service, waiter)
  const scenario = await layDown(service, timeline, seed)
  try {
    const deadline = T0 + SETTINGS.timeoutMs
    const outcome = waiter === 'ours' ? await ours(scenario, SETTINGS, seed, deadline) : await fixedPoller(scenario, waiter, deadline)
    for (const request of scenario.requests) {
      const endpoint = endpointOf(service, request.path)
      m.byEndpoint.set(endpoint, (m.byEndpoint.get(endpoint) ?? 0) + 1)
      m.bytes += (request.requestBytes ?? 0) + (request.responseBytes ?? 0)
    }
    m.requests = scenario.requests.length
    m.cycles = outcome.cycles
    const ends = scenario.runs.map((run) => scenario.endOf(run))
    if (outcome.stepEnd === undefined || ends.some((end) => end === undefined)) m.timeouts++
    else m.lags.push(outcome.stepEnd - Math.max(...(ends as number[])))
    for (const run of scenario.runs) {
      const failed = scenario.failureOf(run)
      const seen = outcome.reported.get(runKey(run))
      if (failed !== undefined && seen !== undefined) m.failReports.push(seen - failed)
    }
  } finally {
    await scenario.close()
  }
  return m
}

/** The seeds of one waiter on one timeline and service, added up. */
function combine(parts: Measure[]): Measure {
  const { timeline, service, waiter } = parts[0]!
  const total = emptyMeasure(timeline, service, waiter)
  for (const part of parts) {
    for (const [endpoint, count] of part.byEndpoint) total.byEndpoint.set(endpoint, (total.byEndpoint.get(endpoint) ?? 0) + count)
    total.requests += part.requests
    total.bytes += part.bytes
    total.lags.push(...part.lags)
    total.failReports.push(...part.failReports)
    total.cycles += part.cycles
    total.timeouts += part.timeouts
  }
  return total
}

async function measureAll(): Promise<Measure[]> {
  const passes: Pass[] = []
  for (const timeline of TIMELINES) {
    for (const service of timeline.services) {
      for (const waiter of ['ours', ...FIXED] as Waiter[]) {
        for (let seed = 1; seed <= timeline.seeds; seed++) passes.push({ timeline, service, waiter, seed })
      }
    }
  }
  const results: Measure[] = new Array(passes.length)
  let next = 0
  const worker = async () => {
    while (next < passes.length) {
      const i = next++
      results[i] = await runPass(passes[i]!)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENT_PASSES }, worker))
  const groups = new Map<string, Measure[]>()
  for (const [i, pass] of passes.entries()) {
    const key = `${pass.timeline.name}|${pass.service}|${pass.waiter}`
    groups.set(key, [...(groups.get(key) ?? []), results[i]!])
  }
  return [...groups.values()].map(combine)
}

const mean = (xs: number[]): number => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length)

/** The value at or below which 95 % of `xs` lie (nearest rank). */
function p95(xs: number[]): number {
  if (xs.length === 0) return Number.NaN
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.ceil(0.95 * sorted.length) - 1]!
}

const cpuSeconds = (usage: NodeJS.CpuUsage): string => ((usage.user + usage.system) / 1e6).toFixed(1)
const seconds = (ms: number): string => (Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(1)} s`)
const percent = (x: number): string => `${Math.round(100 * x)} %`
const endpoints = (m: Measure): string => [...m.byEndpoint].map(([endpoint, count]) => `${endpoint} ${count}`).join(', ')
const waiterName = (w: Waiter): string => (w === 'ours' ? 'action' : `every ${w / 1000} s`)

function printTable(measures: Measure[]): void {
  const header = [
    'timeline',
    'service',
    'waiter',
    'requests',
    'vs 10 s',
    'req/cycle',
    'kB',
    'lag mean',
    'lag p95',
    'failure seen',
    'by endpoint'
  ]
  const rows = measures.map((m) => {
    const poller = measures.find((p) => p.timeline === m.timeline && p.service === m.service && p.waiter === 10_000)!
    return [
      m.timeline.name,
      m.service,
      waiterName(m.waiter),
      String(m.requests),
      percent(m.requests / poller.requests),
      (m.requests / m.cycles).toFixed(1),
      (m.bytes / 1000).toFixed(0),
      seconds(mean(m.lags)),
      seconds(p95(m.lags)),
      m.failReports.length > 0 ? `${seconds(mean(m.failReports))} (max ${seconds(Math.max(...m.failReports))})` : '',
      endpoints(m) + (m.timeouts > 0 ? ` — ${m.timeouts} timed out` : '')
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')
  console.log(line(header))
  for (const row of rows) console.log(line(row))
}

export async function pollingBench(): Promise<Figure[]> {
  const began = performance.now()
  const cpu = process.cpuUsage()
  const measures = await measureAll()
  console.log(
    `Polling on a virtual clock: the action (poll-interval ${SETTINGS.pollIntervalMs / 1000} s, max-poll-interval ` +
      `${SETTINGS.maxPollIntervalMs / 1000} s) and fixed pollers on the same timelines, ` +
      `${((performance.now() - began) / 1000).toFixed(1)} s of real time (${cpuSeconds(process.cpuUsage(cpu))} s of CPU). ` +
      'Each run lasts its nominal length ±10 %, each seed scales its timeline by ±10 %, earlier runs vary alike. ' +
      'Requests and kB (bodies both ways) summed over the seeds; req/cycle: requests per wake-up of the waiter; lag: from ' +
      'the last run’s end to the wait’s end; failure seen: from a job’s failure to the first read that shows it.'
  )
  printTable(measures)
  return figures(measures)
}

function figures(measures: Measure[]): Figure[] {
  const find = (name: string, service: Service, waiter: Waiter) =>
    measures.find((m) => m.timeline.name === name && m.service === service && m.waiter === waiter)
  const services = (name: string) => TIMELINES.find((t) => t.name === name)!.services
  /** Ours against the 10 s poller on one timeline, for each service it runs on. */
  const versus = (name: string) =>
    services(name).map((service) => {
      const action = find(name, service, 'ours')!
      const poller = find(name, service, 10_000)!
      return { service, ratio: action.requests / poller.requests, action, poller }
    })
  const listed = (xs: { service: Service; ratio: number }[]) => xs.map((x) => `${x.service} ${percent(x.ratio)}`).join(', ')

  const long = versus('1 × 1 h')
  const short = versus('1 × 1 min')
  const wideNames = ['1 × 10 min, parallel stage', '10 × 10 min', '10 × 10 min, parallel stage', '100 × 5 min, parallel stage']
  const wide = wideNames.flatMap((name) => versus(name).map((v) => ({ ...v, name })))
  const allOurs = measures.filter((m) => m.waiter === 'ours')
  // A failing job beside others that still run: from its failure to the first read that shows it.
  const failureSeen = allOurs.flatMap((m) => m.failReports)
  const pollerFailureSeen = measures.filter((m) => m.waiter === 10_000).flatMap((m) => m.failReports)
  const lags = allOurs.flatMap((m) => m.lags)
  const pollerLags = measures.filter((m) => m.waiter === 10_000).flatMap((m) => m.lags)
  const hundred = find('100 × 5 min, parallel stage', 'codearts', 'ours')!
  const perCycle = hundred.requests / hundred.cycles
  const longLags = long.map((v) => `${seconds(mean(v.action.lags))} vs ${seconds(mean(v.poller.lags))}`).join(', ')
  const worstLags = short.map((v) => `${v.service} ${seconds(Math.max(...v.action.lags))}`).join(', ')
  const reads10 = short.map((v) => `${v.service} ${(v.poller.requests / v.poller.timeline.seeds).toFixed(1)}`).join(', ')

  return [
    {
      figure: 'status requests vs a fixed 10 s poller, one pipeline, long runs',
      measured: `${listed(long)} (lag ${longLags})`,
      goal: '≤ 50 % with lag ≤ the poller’s',
      met: long.every((v) => v.ratio <= 0.5 && mean(v.action.lags) <= mean(v.poller.lags)),
      note: `one pipeline, 1 h runs (±10 %), ${long[0]!.action.timeline.seeds} seeds each; mean lags`,
      data: Object.fromEntries(long.map((v) => [v.service, summary(v.action, v.poller)]))
    },
    {
      figure: 'same, a 60 s run whose earlier runs also took about 60 s, default inputs',
      measured: `${listed(short)} (worst lag ${worstLags})`,
      goal: '≤ 50 % with lag ≤ 10 s',
      met: short.every((v) => v.ratio <= 0.5 && Math.max(...v.action.lags) <= 10_000),
      note: `the 10 s poller's requests a run: ${reads10}; lag: the worst of ${short[0]!.action.timeline.seeds} seeds`,
      data: Object.fromEntries(short.map((v) => [v.service, summary(v.action, v.poller)]))
    },
    {
      figure: 'same, parallel stages / 10+ pipelines',
      measured: wide.map((v) => `${v.name} ${v.service} ${percent(v.ratio)}`).join('; '),
      goal: '≤ 20 %',
      met: wide.every((v) => v.ratio <= 0.2),
      note: 'each timeline, against the 10 s poller',
      data: Object.fromEntries(wide.map((v) => [`${v.name} / ${v.service}`, summary(v.action, v.poller)]))
    },
    {
      figure: 'mean delay from the run’s end to the step’s end',
      measured: `${seconds(mean(lags))} (p95 ${seconds(p95(lags))})`,
      goal: '≤ 5 s (a fixed 10 s poller’s)',
      met: mean(lags) <= 5_000,
      note:
        `every timeline, service and seed (${lags.length} waits); ` +
        `the 10 s poller measured ${seconds(mean(pollerLags))} (p95 ${seconds(p95(pollerLags))})`,
      data: {
        meanMs: mean(lags),
        p95Ms: p95(lags),
        waits: lags.length,
        poller10MeanMs: mean(pollerLags),
        poller10P95Ms: p95(pollerLags),
        failingJobSeenMeanMs: mean(failureSeen),
        failingJobSeenMaxMs: Math.max(...failureSeen),
        poller10FailingJobSeenMeanMs: mean(pollerFailureSeen)
      }
    },
    {
      figure: 'requests per cycle, 100 pipelines with parallel stages',
      measured: perCycle.toFixed(1),
      goal: '≈ 5 (batch status + few details)',
      // Five batch reads of 20 pipelines, and on average at most one detail read.
      met: perCycle <= 6,
      note: `CodeArts, ${endpoints(hundred)} in ${hundred.cycles} cycles; met at ≤ 6`,
      data: { ...summary(hundred, find('100 × 5 min, parallel stage', 'codearts', 10_000)!), perCycle }
    }
  ]
}

function summary(action: Measure, poller: Measure): Record<string, unknown> {
  return {
    requests: action.requests,
    poller10Requests: poller.requests,
    byEndpoint: Object.fromEntries(action.byEndpoint),
    bytes: action.bytes,
    poller10Bytes: poller.bytes,
    lagMeanMs: mean(action.lags),
    lagP95Ms: p95(action.lags),
    poller10LagMeanMs: mean(poller.lags),
    cycles: action.cycles,
    timeouts: action.timeouts
  }
}
