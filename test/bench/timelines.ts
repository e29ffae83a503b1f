// The timelines the polling bench waits through: how many pipelines, how long their runs take, and
// what happens inside them. Every duration is drawn around its nominal value from a seeded random,
// and each seed scales the whole timeline too, so the seeds put the last run's end at a different
// point between two reads and no lucky phase decides a figure (without the scale, the longest of
// 100 runs would always end just before the same round minute). Each pipeline has earlier runs of
// about the same length, listed as the services list them.

import type { PipelineScript, StageScript } from '../simulator/script.ts'

export type Service = 'codearts' | 'yunxiao'

export const MINUTE = 60_000

export interface Timeline {
  name: string
  services: Service[]
  pipelines: number
  /** Nominal length of a run, ms (a gated run's includes the time it waits for a person). */
  nominalMs: number
  /**
   * A run of each pipeline, `scale` times the nominal length give or take a tenth; `earlier`: one of
   * the runs before ours, which never fail.
   */
  script: (random: () => number, earlier: boolean, scale: number) => PipelineScript
  /** Runs of each pipeline that ended before ours started. */
  history: number
  seeds: number
  /**
   * CodeArts only: the pipeline runs one run at a time, and someone else's started this long before
   * ours, so ours waits in the queue until it ends.
   */
  queuedBehindMs?: number
}

/** `ms` moved by up to ±`spread` (a fraction), at random. */
export function around(ms: number, spread: number, random: () => number): number {
  return Math.round(ms * (1 - spread + 2 * spread * random()))
}

type Job = [name: string, share: number, fails?: boolean]

/** Stages one after another; each job a single step lasting its share of `total`. */
function stages(name: string, total: number, layout: [stage: string, jobs: Job[]][], earlier: boolean): PipelineScript {
  return {
    name,
    stages: layout.map(
      ([stage, jobs]): StageScript => ({
        name: stage,
        jobs: jobs.map(([job, share, fails]) => ({
          name: job,
          steps: [{ name: job.toLowerCase(), durationMs: Math.round(share * total), ...(fails && !earlier && { fail: 'exit code 1' }) }]
        }))
      })
    )
  }
}

/** Checkout, build, deploy: one job each. */
export function sequential(total: number): Timeline['script'] {
  return (random, earlier, scale) =>
    stages(
      'sequential',
      around(scale * total, 0.1, random),
      [
        ['Checkout', [['Fetch', 0.05]]],
        ['Build', [['Compile', 0.7]]],
        ['Deploy', [['Roll out', 0.25]]]
      ],
      earlier
    )
}

/** The build stage runs three jobs side by side. */
export function parallel(total: number): Timeline['script'] {
  return (random, earlier, scale) =>
    stages(
      'parallel',
      around(scale * total, 0.1, random),
      [
        ['Checkout', [['Fetch', 0.05]]],
        [
          'Build',
          [
            ['Compile', 0.7],
            ['Lint', 0.2],
            ['Unit tests', 0.55]
          ]
        ],
        ['Deploy', [['Roll out', 0.25]]]
      ],
      earlier
    )
}

/**
 * Unit tests fail a quarter of the way in while the end-to-end job beside them goes on; the run
 * fails when that job ends, and never deploys. Its earlier runs passed.
 */
export function failingParallel(total: number): Timeline['script'] {
  return (random, earlier, scale) =>
    stages(
      'failing-parallel',
      around(scale * total, 0.1, random),
      [
        ['Checkout', [['Fetch', 0.05]]],
        [
          'Test',
          [
            ['Unit tests', 0.2, true],
            ['End-to-end', 0.7]
          ]
        ],
        ['Deploy', [['Roll out', 0.25]]]
      ],
      earlier
    )
}

/** Build (a tenth), then a person approves after half the run, then deploy. */
export function gated(total: number): Timeline['script'] {
  return (random, earlier, scale) => {
    const length = around(scale * total, 0.1, random)
    const script = stages(
      'gated',
      length,
      [
        ['Build', [['Package', 0.1]]],
        ['Deploy', [['Roll out', 0.4]]]
      ],
      earlier
    )
    const approval = around(0.5 * length, 0.2, random)
    script.stages.splice(1, 0, {
      name: 'Approve',
      jobs: [{ name: 'Release manager', steps: [{ name: 'manual review', durationMs: 0, manual: { approveAfterMs: approval } }] }]
    })
    return script
  }
}

const BOTH: Service[] = ['codearts', 'yunxiao']

export const TIMELINES: Timeline[] = [
  { name: '1 × 1 min', services: BOTH, pipelines: 1, nominalMs: MINUTE, script: sequential(MINUTE), history: 5, seeds: 12 },
  { name: '1 × 10 min', services: BOTH, pipelines: 1, nominalMs: 10 * MINUTE, script: sequential(10 * MINUTE), history: 5, seeds: 6 },
  { name: '1 × 1 h', services: BOTH, pipelines: 1, nominalMs: 60 * MINUTE, script: sequential(60 * MINUTE), history: 5, seeds: 4 },
  {
    name: '1 × 10 min, parallel stage',
    services: BOTH,
    pipelines: 1,
    nominalMs: 10 * MINUTE,
    script: parallel(10 * MINUTE),
    history: 5,
    seeds: 6
  },
  {
    name: '1 × 10 min, parallel job fails',
    services: BOTH,
    pipelines: 1,
    nominalMs: 10 * MINUTE,
    script: failingParallel(10 * MINUTE),
    history: 5,
    seeds: 6
  },
  {
    name: '1 × 10 min, queued 5 min',
    services: ['codearts'],
    pipelines: 1,
    nominalMs: 10 * MINUTE,
    script: sequential(10 * MINUTE),
    history: 5,
    seeds: 6,
    queuedBehindMs: 5 * MINUTE
  },
  {
    name: '1 × 10 min, manual gate',
    services: BOTH,
    pipelines: 1,
    nominalMs: 10 * MINUTE,
    script: gated(10 * MINUTE),
    history: 5,
    seeds: 6
  },
  { name: '10 × 10 min', services: BOTH, pipelines: 10, nominalMs: 10 * MINUTE, script: sequential(10 * MINUTE), history: 3, seeds: 2 },
  {
    name: '10 × 10 min, parallel stage',
    services: BOTH,
    pipelines: 10,
    nominalMs: 10 * MINUTE,
    script: parallel(10 * MINUTE),
    history: 3,
    seeds: 2
  },
  // One seed of 100 pipelines costs as many requests as everything above: the figure it gives,
  // requests per cycle, does not depend on the run's length or phase.
  {
    name: '100 × 5 min, parallel stage',
    services: ['codearts'],
    pipelines: 100,
    nominalMs: 5 * MINUTE,
    script: parallel(5 * MINUTE),
    history: 2,
    seeds: 1
  }
]
