// The pure rules of waiting: the poll schedule, status classes and what a run's end means.

import { describe, expect, it } from 'vitest'
import type { RunSnapshot } from '../../src/model.ts'
import { codeartsStatuses } from '../../src/providers/codearts/status.ts'
import { yunxiaoStatuses } from '../../src/providers/yunxiao/status.ts'
import { conclusionOf, failureLine, overallConclusion, type RunResult } from '../../src/report/results.ts'
import { PollSchedule } from '../../src/wait/schedule.ts'
import { isSettled } from '../../src/wait/wait.ts'

describe('PollSchedule', () => {
  it('starts at the first interval and grows by half up to the maximum, without jitter', () => {
    const schedule = new PollSchedule(1_000, 5_000, () => 0.5)
    expect(Array.from({ length: 7 }, () => schedule.next())).toEqual([1_000, 1_500, 2_250, 3_375, 5_000, 5_000, 5_000])
  })

  it.each([0, 0.25, 0.999])('keeps jitter (random %f) within ±20% and never above the maximum', (r) => {
    const schedule = new PollSchedule(1_000, 4_000, () => r)
    const bases = [1_000, 1_500, 2_250, 3_375, 4_000, 4_000]
    for (const base of bases) {
      const delay = schedule.next()
      expect(delay).toBeGreaterThanOrEqual(Math.round(base * 0.8))
      expect(delay).toBeLessThanOrEqual(Math.min(4_000, Math.round(base * 1.2)))
    }
  })
})

// Every status word the official SDKs document, and what it means (docs/statuses.md).
describe.each([
  [
    'CodeArts',
    codeartsStatuses,
    {
      run: [
        ['COMPLETED', 'success'],
        ['FAILED', 'failure'],
        ['IGNORED', 'failure'],
        ['CANCELED', 'cancelled'],
        ['PAUSED', 'manual'],
        ['SUSPEND', 'manual'],
        ['RUNNING', 'running'],
        ['INIT', 'running'],
        ['QUEUED', 'running'],
        ['completed', 'success']
      ],
      node: [
        ['COMPLETED', 'success'],
        ['FAILED', 'failure'],
        ['ASYNC_FAILED', 'failure'],
        ['CANCELED', 'cancelled'],
        ['PAUSED', 'manual'],
        ['SUSPEND', 'manual'],
        ['SKIPPED', 'skipped'],
        ['IGNORED', 'skipped'],
        ['UNSELECTED', 'skipped'],
        ['INIT', 'running'],
        ['QUEUED', 'running'],
        ['RUNNING', 'running'],
        ['ASYNC_RUNNING', 'running'],
        ['REDISPATCH', 'running']
      ]
    }
  ],
  [
    'Yunxiao',
    yunxiaoStatuses,
    {
      run: [
        ['SUCCESS', 'success'],
        ['FAIL', 'failure'],
        ['TIMEOUT', 'failure'],
        ['CANCELED', 'cancelled'],
        ['TERMINATED', 'cancelled'],
        ['WAITING', 'manual'],
        ['RUNNING', 'running'],
        ['QUEUED', 'running'],
        ['success', 'success']
      ],
      node: [
        ['SUCCESS', 'success'],
        ['fail', 'failure'],
        ['SKIPPED', 'skipped'],
        ['ready', 'running']
      ]
    }
  ]
] as const)('%s status words', (_name, classes, table) => {
  it.each(table.run as unknown as [string, string][])('run %s → %s, known', (status, state) => {
    const reader = classes.reader()
    expect(reader.run(status)).toBe(state)
    expect(reader.unknown).toEqual([])
  })

  it.each(table.node as unknown as [string, string][])('stage, job or step %s → %s, known', (status, state) => {
    const reader = classes.reader()
    expect(reader.node(status)).toBe(state)
    expect(reader.unknown).toEqual([])
  })

  it.each(['SOMETHING_NEW', '', 'SKIPPED_LATER'])('an unknown run status %j keeps waiting and is noted once, by name', (status) => {
    const reader = classes.reader()
    expect(reader.run(status)).toBe('running')
    reader.run(status)
    expect(reader.unknown).toEqual([status === '' ? '(no status)' : status])
  })
})

const snap = (state: RunSnapshot['state']): RunSnapshot => ({ status: state.toUpperCase(), state, stages: [] })

describe('isSettled', () => {
  it.each([
    ['success', 'wait', true],
    ['failure', 'wait', true],
    ['cancelled', 'wait', true],
    ['running', 'fail', false],
    ['manual', 'wait', false],
    ['manual', 'fail', true]
  ] as const)('%s with on-manual-gate %s → %s', (state, onManualGate, settled) => {
    expect(isSettled(snap(state), { onManualGate })).toBe(settled)
  })
})

describe('conclusions', () => {
  it.each([
    ['success', undefined, 'wait', 'success'],
    ['failure', 'timeout', 'wait', 'failure'],
    ['cancelled', undefined, 'wait', 'cancelled'],
    ['manual', undefined, 'fail', 'failure'],
    ['manual', 'fail-fast', 'fail', 'failure'],
    ['manual', 'timeout', 'wait', 'timed_out'],
    ['running', 'timeout', 'wait', 'timed_out'],
    ['running', 'cancelled', 'wait', 'cancelled'],
    ['running', 'fail-fast', 'wait', 'cancelled'],
    [undefined, 'timeout', 'wait', 'timed_out']
  ] as const)('a %s run, interrupted by %s, on-manual-gate %s → %s', (state, interrupted, policy, expected) => {
    expect(conclusionOf(state ? snap(state) : undefined, interrupted, policy)).toBe(expected)
  })

  const result = (conclusion: RunResult['conclusion']) => ({ conclusion }) as RunResult
  it.each([
    [['success', 'success'], undefined, 'success'],
    [['success', 'failure'], undefined, 'failure'],
    [['timed_out', 'failure'], 'timeout', 'failure'],
    [['timed_out', 'success'], 'timeout', 'timed_out'],
    [['cancelled', 'success'], undefined, 'cancelled'],
    [['failure', 'success'], 'cancelled', 'cancelled']
  ] as const)('%j interrupted by %s → %s', (conclusions, interrupted, expected) => {
    expect(overallConclusion(conclusions.map(result), interrupted)).toBe(expected)
  })
})

describe('failureLine', () => {
  const r = (over: Partial<RunResult>): RunResult => ({
    pipeline_id: 'p1',
    run_id: 'r1',
    run_number: 4,
    status: 'FAILED',
    conclusion: 'failure',
    url: '',
    started_at: null,
    finished_at: null,
    duration_s: null,
    failures: [],
    ...over
  })
  const names = (id: string) => (id === 'p1' ? 'shop-build' : undefined)

  it.each([
    [
      [r({ failures: [{ stage: 'Build', job: 'Compile', step: 'make', message: 'x', path: 'Build / Compile / make' }] })],
      undefined,
      'shop-build (pipeline p1) run #4 FAILED at Build / Compile / make'
    ],
    [
      [
        r({ conclusion: 'success', status: 'COMPLETED' }),
        r({ pipeline_id: 'p2', run_number: null, run_id: 'r9', status: 'CANCELED', conclusion: 'cancelled' })
      ],
      undefined,
      'pipeline p2 run r9 CANCELED'
    ],
    [
      [r({ status: 'CANCELED', conclusion: 'timed_out' })],
      'timeout',
      'Timed out after 90s: shop-build (pipeline p1) run #4 did not end in time and was stopped'
    ],
    [
      [r({ status: 'RUNNING', conclusion: 'timed_out' })],
      'timeout',
      'Timed out after 90s: shop-build (pipeline p1) run #4 did not end in time (RUNNING)'
    ],
    [[r({ status: 'RUNNING', conclusion: 'cancelled' })], 'cancelled', 'Cancelled: shop-build (pipeline p1) run #4 RUNNING'],
    [
      [
        r({
          failures: [
            { stage: 'Test', job: 'a', step: '', message: '', path: 'Test / a' },
            { stage: 'Test', job: 'b', step: 's', message: '', path: 'Test / b / s' }
          ]
        })
      ],
      'fail-fast',
      'Stopped early (fail-fast): shop-build (pipeline p1) run #4 FAILED at Test / a, Test / b / s'
    ]
  ] as const)('%#', (results, interrupted, line) => {
    expect(failureLine(results, interrupted, 90_000, names)).toBe(line)
  })
})
