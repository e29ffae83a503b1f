// Why it failed, without opening the console: the failing step's log tail, annotations, the job
// summary, and remote text that cannot act as a workflow command.

import { describe, expect, it } from 'vitest'
import { hex32, type SimulatorOptions } from '../simulator/codearts.ts'
import { ACCESS_KEY, passingPipeline } from '../simulator/fixtures.ts'
import type { PipelineScript, StepScript } from '../simulator/script.ts'
import { runAction } from '../support/harness.ts'
import { codeartsInputs } from '../support/inputs.ts'
import { activeCommands } from '../support/runner-view.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()

const HOSTILE = [
  '::add-mask::hello',
  '::error title=forged::all green',
  '::set-output name=conclusion::success',
  '::stop-commands::guess',
  '::endgroup::'
]

/** 2,500 numbered lines, a few of them trying to issue workflow commands; the last says what broke. */
const longLog: StepScript['log'] = Array.from({ length: 2_500 }, (_, i) =>
  i === 2_400
    ? HOSTILE.join('\n').split('\n')[0]!
    : i > 2_400 && i <= 2_400 + HOSTILE.length - 1
      ? HOSTILE[i - 2_400]!
      : i === 2_499
        ? 'Error: 3 tests failed'
        : `test output line ${i + 1}`
)

function pipeline(extra: Partial<StepScript> = {}): PipelineScript {
  return {
    name: 'shop-test',
    stages: [
      {
        name: 'Build',
        jobs: [
          {
            name: 'Unit tests',
            steps: [
              { name: 'npm ci', durationMs: 50 },
              { name: 'npm test', durationMs: 100, fail: 'exit code 1', log: longLog, ...extra }
            ]
          },
          { name: 'Lint', steps: [{ name: 'eslint', durationMs: 50, log: ['LINT-OK-MARKER no problems'] }] }
        ]
      },
      { name: 'Deploy', jobs: [{ name: 'Staging', steps: [{ name: 'kubectl apply', durationMs: 50 }] }] }
    ]
  }
}

async function run(script: PipelineScript, extra: Record<string, string> = {}, options: Partial<SimulatorOptions> = {}) {
  const id = hex32()
  const sim = await sims.codearts({ [id]: { script } }, options)
  const result = await runAction(codeartsInputs(sim, { 'iam-project-id': sim.iamProjectId, 'pipeline-ids': id, ...extra }))
  return { id, result, sim }
}

/** The lines printed inside the group whose title starts with `title`, from ::stop-commands:: to its resume line. */
function group(log: string, title: string): string[] {
  const lines = log.split('\n')
  const start = lines.findIndex((l) => l.startsWith(`::group::${title}`))
  if (start < 0) return []
  const token = lines[start + 1]!.slice('::stop-commands::'.length)
  return lines.slice(start + 1, lines.indexOf(`::${token}::`, start + 2) + 1)
}

describe('failing step logs', () => {
  it('prints the job message, then the last log-lines lines of the failing step, paged, in order, each once', async () => {
    const { result, sim } = await run(pipeline(), { 'log-lines': '300' })

    expect(result.exitCode).toBe(1)
    expect(result.log).toContain('shop-test #1 / Build / Unit tests failed: Step npm test failed: exit code 1')
    const title = 'shop-test #1 / Build / Unit tests / npm test: FAILED (last 300 of 2500 lines)'
    const printed = group(result.log, title)
    // Between the stop-commands markers: exactly lines 2201…2500 of the log.
    expect(printed[0]).toMatch(/^::stop-commands::[0-9a-f]{32}$/)
    expect(printed.at(-1)).toBe(`::${printed[0]!.slice('::stop-commands::'.length)}::`)
    expect(printed.slice(1, -1)).toEqual(longLog.slice(-300))
    // Three pages of 1,000 lines were read.
    expect(sim.requests.filter((r) => r.path.endsWith('/logs'))).toHaveLength(3)
  })

  it('joins lines that a page cuts in two', async () => {
    const { result, sim } = await run(pipeline(), { 'log-lines': '2500' }, { logPageBytes: 777 })
    const printed = group(result.log, 'shop-test #1 / Build / Unit tests / npm test: FAILED')
    expect(printed.slice(1, -1)).toEqual(longLog)
    expect(sim.requests.filter((r) => r.path.endsWith('/logs')).length).toBeGreaterThan(50)
  })

  it('does not print the log of a parallel job that passed, with logs: failed', async () => {
    const { result } = await run(pipeline())
    expect(result.log).not.toContain('LINT-OK-MARKER')
    expect(result.log).not.toMatch(/::group::.*eslint/)
  })

  it('prints every step with logs: all, and none with logs: none (the annotation stays)', async () => {
    const all = await run(pipeline(), { logs: 'all' })
    expect(group(all.result.log, 'shop-test #1 / Build / Lint / eslint: COMPLETED')).toContain('LINT-OK-MARKER no problems')
    expect(group(all.result.log, 'shop-test #1 / Build / Unit tests / npm ci: COMPLETED').length).toBeGreaterThan(0)

    const none = await run(pipeline(), { logs: 'none' })
    const { sim } = none
    expect(none.result.log).not.toContain('::group::')
    expect(sim.requests.filter((r) => r.path.endsWith('/logs'))).toHaveLength(0)
    expect(activeCommands(none.result.log).filter((c) => c.name === 'error')).toHaveLength(2)
  })

  it('shows remote lines that look like workflow commands without obeying them', async () => {
    const { result } = await run(pipeline())
    for (const hostile of HOSTILE) expect(result.log).toContain(`\n${hostile}\n`)
    const active = activeCommands(result.log)
    expect(active.filter((c) => c.name === 'add-mask').map((c) => c.data)).not.toContain('hello')
    expect(active.filter((c) => c.name === 'error').map((c) => c.properties)).not.toContain('title=forged')
    expect(active.filter((c) => c.name === 'set-output')).toHaveLength(0)
    // Groups still open and close around each step.
    expect(active.filter((c) => c.name === 'group').length).toBe(active.filter((c) => c.name === 'endgroup').length)
    expect(result.outputs['conclusion']).toBe('failure')
  })

  it('reports a job that fails while a parallel job still runs, before the run ends', async () => {
    // The failing job fails 1 s in, long after the first read even on a loaded machine (at 100 ms the
    // first read sometimes came after it, and nothing was seen running); Lint runs 2 s longer.
    const script = pipeline({ durationMs: 950 })
    script.stages[0]!.jobs[1]!.steps[0]!.durationMs = 3_000
    const { result } = await run(script)

    const lines = result.log.split('\n')
    const reported = lines.findIndex((l) => l.startsWith('::group::shop-test #1 / Build / Unit tests / npm test'))
    const ended = lines.indexOf('shop-test #1: FAILED')
    expect(reported).toBeGreaterThan(-1)
    expect(reported).toBeLessThan(ended)
    expect(result.log).toMatch(/job Build \/ Lint: RUNNING[\s\S]*job Build \/ Unit tests: FAILED[\s\S]*job Build \/ Lint: COMPLETED/)
  })
})

describe('annotations', () => {
  it('one per failing step, titled pipeline / stage / job / step, with the message and the last lines', async () => {
    const { result } = await run(pipeline())
    const errors = activeCommands(result.log).filter((c) => c.name === 'error')
    expect(errors).toHaveLength(2) // the failing step, then the step's own failure line
    expect(errors[0]!.properties).toBe('title=shop-test #1 / Build / Unit tests / npm test')
    const text = decodeURIComponent(errors[0]!.data.replace(/%(?![0-9A-F]{2})/g, '%25'))
    expect(text).toMatch(/^exit code 1\n\nLast lines:\n/)
    expect(text.endsWith('Error: 3 tests failed')).toBe(true)
    expect(errors[0]!.data.length).toBeLessThanOrEqual(4_096 * 3)
  })

  it('at most 9, leaving the tenth for the step failure', async () => {
    const jobs = Array.from({ length: 12 }, (_, i) => ({
      name: `shard ${i + 1}`,
      steps: [{ name: 'test', durationMs: 30, fail: `shard ${i + 1} failed` }]
    }))
    const { result } = await run({ name: 'shards', stages: [{ name: 'Test', jobs }] })
    const errors = activeCommands(result.log).filter((c) => c.name === 'error')
    expect(errors).toHaveLength(10)
    expect(errors[9]!.data).toMatch(
      /^shards \(pipeline [0-9a-f]{32}\) run #1 FAILED at Test \/ shard 1 \/ test, .*Test \/ shard 12 \/ test$/
    )
    expect(JSON.parse(result.outputs['results']!)[0].failures).toHaveLength(12)
  })
})

describe('job summary', () => {
  it('has each run with its link, status and duration, a stage and job table, the failing tail and the trigger parameters', async () => {
    const green = hex32()
    const red = hex32()
    const sim = await sims.codearts({ [green]: { script: passingPipeline(40) }, [red]: { script: pipeline() } })
    // `ref` reuses the repositories of an earlier run.
    for (const id of [green, red]) sim.startRun(id, { script: { name: 'earlier', stages: [] } })
    const { summary, exitCode } = await runAction({
      endpoint: sim.url,
      'iam-endpoint': sim.url,
      'project-id': sim.projectId,
      'iam-project-id': sim.iamProjectId,
      'pipeline-ids': `${green} ${red}`,
      'access-key': ACCESS_KEY.accessKey,
      'secret-key': ACCESS_KEY.secretKey,
      'poll-interval': '0.2s',
      ref: 'main',
      variables: 'IMAGE_TAG=1.4.2\nDEPLOY_TOKEN=dt-not-for-the-summary'
    })

    expect(exitCode).toBe(1)
    expect(summary).toContain('## ❌ CodeArts Pipeline: failure')
    const greenRun = sim.runsOf(green)[1]!
    expect(summary).toContain(
      `<tr><td>shop-build</td><td><a href="${sim.url}/console/${sim.projectId}/${green}/${greenRun.id}">#2</a></td><td>✅ COMPLETED</td>`
    )
    expect(summary).toMatch(/<tr><td>shop-test<\/td><td><a href="[^"]+">#2<\/a><\/td><td>❌ FAILED<\/td><td>\d+s<\/td><\/tr>/)
    expect(summary).toContain('<tr><th>Stage</th><th>Job</th><th>Status</th><th>Duration</th></tr>')
    expect(summary).toMatch(
      /<tr><td><b>Build<\/b><\/td><td><\/td><td>❌ FAILED<\/td><td>\d+s<\/td><\/tr><tr><td><\/td><td>Unit tests<\/td><td>❌ FAILED<\/td>/
    )
    expect(summary).toContain('<tr><td><b>Deploy</b></td><td></td><td>⏳ INIT</td><td></td></tr>')
    expect(summary).toContain('<details><summary>❌ Build / Unit tests / npm test: exit code 1 (last 30 lines)</summary>')
    expect(summary).toContain('Error: 3 tests failed</pre>')
    expect(summary).toContain('<tr><td>variable <code>IMAGE&#95;TAG</code></td><td><code>1.4.2</code></td></tr>')
    expect(summary).toContain('<tr><td>variable <code>DEPLOY&#95;TOKEN</code></td><td>(hidden)</td></tr>')
    expect(summary).not.toContain('dt-not-for-the-summary')
    expect(summary).toContain('<tr><td>branch</td><td><code>main</code></td></tr>')
  })
})
