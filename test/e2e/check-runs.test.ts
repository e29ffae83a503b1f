// Check runs: one per pipeline on the pull request's head commit, against a fake GitHub API that
// takes only what GitHub's OpenAPI description allows (useSimulator fails a test on anything else).
// Its stages while it runs, its conclusion and failing step when it ends; GitHub's own failures
// never change the step's result.

import type { ChildProcess } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { type CodeArtsSimulator, hex32 } from '../simulator/codearts.ts'
import { failingPipeline, GITHUB_TOKEN, gatedPipeline, passingPipeline, quickPipeline } from '../simulator/fixtures.ts'
import type { GitHubSimulator } from '../simulator/github.ts'
import { runAction } from '../support/harness.ts'
import { codeartsInputs, yunxiaoInputs } from '../support/inputs.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()

/** The pull request's head; GITHUB_SHA (the merge commit) is another. */
const HEAD = 'feedc0de'.repeat(5)

function step(sim: CodeArtsSimulator, github: GitHubSimulator, inputs: Record<string, string>, onStart?: (child: ChildProcess) => void) {
  return runAction(codeartsInputs(sim, { 'iam-project-id': sim.iamProjectId, 'github-token': GITHUB_TOKEN, ...inputs }), {
    event: { pull_request: { number: 7, head: { sha: HEAD } } },
    env: { GITHUB_API_URL: github.url, GITHUB_WORKFLOW_REF: 'octo-org/shop/.github/workflows/ci.yml@refs/pull/7/merge' },
    ...(onStart && { onStart })
  })
}

const pullRequest = (github: GitHubSimulator) => ({
  event: { pull_request: { number: 7, head: { sha: HEAD } } },
  env: { GITHUB_API_URL: github.url, GITHUB_WORKFLOW_REF: 'octo-org/shop/.github/workflows/ci.yml@refs/pull/7/merge' }
})

/** The bodies sent to update a check run, in order. */
function updates(github: GitHubSimulator, id: number) {
  return github.calls.filter((c) => c.operationId === 'checks/update' && c.path.endsWith(`/${id}`)).map((c) => c.body!)
}

describe('check runs', () => {
  it('one per pipeline on the head commit: named after it, linked, stages while running, success at the end', async () => {
    const [a, b] = [hex32(), hex32()]
    const sim = await sims.codearts({ [a]: { script: passingPipeline(300) }, [b]: { script: quickPipeline(100, 'shop-lint') } })
    const github = await sims.github()
    const result = await step(sim, github, { 'pipeline-ids': `${a},${b}` })

    expect(result.exitCode).toBe(0)
    expect(github.checkRunsOf(HEAD).map((c) => [c.name, c.status, c.conclusion])).toEqual([
      ['shop-build', 'completed', 'success'],
      ['shop-lint', 'completed', 'success']
    ])
    expect(github.checkRuns.every((c) => c.head_sha === HEAD)).toBe(true)
    const [build] = github.checkRunsOf(HEAD)
    const run = sim.runsOf(a)[0]!
    expect(build!.external_id).toBe(`${a}/${run.id}`)
    // The service's own link to the run (the simulator's console).
    expect(build!.details_url).toBe(`${sim.url}/console/${sim.projectId}/${a}/${run.id}`)
    expect(build!.output.summary).toContain('<td>Checkout</td><td>✅ COMPLETED</td>')
    expect(build!.output.title).toBe('shop-build #1: COMPLETED')
    // In progress first; then only when a stage changed, never once per poll.
    const create = github.calls.find((c) => c.operationId === 'checks/create' && c.body!['name'] === 'shop-build')!
    expect(create.body!['status']).toBe('in_progress')
    const progress = updates(github, build!.id).filter((u) => u['status'] === 'in_progress')
    const summaries = [create.body!, ...progress].map((u) => (u['output'] as { summary: string }).summary)
    expect(new Set(summaries).size).toBe(summaries.length)
    const polls = sim.requests.filter((r) => r.path.endsWith('/pipelines/status')).length
    expect(progress.length).toBeLessThan(polls)
  })

  it('a failure: the failing step in the title and annotations, its log tail in the text', async () => {
    const id = hex32()
    const sim = await sims.codearts({ [id]: { script: failingPipeline(60) } })
    const github = await sims.github()
    const result = await step(sim, github, { 'pipeline-ids': id })

    expect(result.exitCode).toBe(1)
    const [check] = github.checkRunsOf(HEAD)
    expect(check!.conclusion).toBe('failure')
    expect(check!.output.title).toBe('shop-test #1: FAILED at Build / Unit tests / npm test')
    expect(check!.output.text).toContain('AssertionError: expected 2 to be 3')
    expect(github.annotations.get(check!.id)).toEqual([
      expect.objectContaining({
        path: '.github/workflows/ci.yml',
        annotation_level: 'failure',
        title: 'shop-test #1 / Build / Unit tests / npm test',
        message: expect.stringContaining('Test Files  1 failed (1)')
      })
    ])
  })

  it('secrets the step masks in its log are cut out of the check run too (the runner masks only the log)', async () => {
    const id = hex32()
    const secret = 'hunter2-db-password-7f3e'
    const script = {
      name: 'leaky',
      stages: [
        {
          name: 'Build',
          jobs: [
            { name: 'Make', steps: [{ name: 'make', durationMs: 50, fail: `cannot connect with ${secret}`, log: [`password=${secret}`] }] }
          ]
        }
      ]
    }
    const sim = await sims.codearts({ [id]: { script } })
    const github = await sims.github()
    const result = await step(sim, github, { 'pipeline-ids': id, variables: `DB_PASSWORD=${secret}` })

    expect(result.exitCode).toBe(1)
    const [check] = github.checkRunsOf(HEAD)
    const shown = JSON.stringify([check, github.annotations.get(check!.id)])
    expect(shown).toContain('password=***')
    expect(shown).not.toContain(secret)
  })

  it('a huge failing log: the text keeps its end within 65,535 characters', async () => {
    const id = hex32()
    const width = 1_900
    const log = { count: 5_000, width, line: (i: number) => `line ${i} <${'x'.repeat(width)}` }
    const script = {
      name: 'huge',
      stages: [{ name: 'Build', jobs: [{ name: 'Make', steps: [{ name: 'make', durationMs: 50, fail: 'exit 2', log }] }] }]
    }
    const sim = await sims.codearts({ [id]: { script } })
    const github = await sims.github()
    const result = await step(sim, github, { 'pipeline-ids': id, 'log-lines': '10000' })

    expect(result.exitCode).toBe(1)
    const text = github.checkRunsOf(HEAD)[0]!.output.text!
    expect([...text].length).toBeLessThanOrEqual(65_535)
    expect(text.length).toBeGreaterThan(30_000)
    expect(text).toContain('line 4999 &#60;xxx')
    expect(text).toMatch(/Last \d+ of 5000 lines/)
  })

  it.each([
    ['cancelled', { 'pipeline-ids': '' }],
    ['timed_out', { timeout: '2s' }],
    ['action_required', { 'on-manual-gate': 'fail' }]
  ] as const)('%s', async (conclusion, extra) => {
    const id = hex32()
    const script = conclusion === 'action_required' ? gatedPipeline() : quickPipeline(60_000)
    const sim = await sims.codearts({ [id]: { script } })
    const github = await sims.github()
    const cancel = (child: ChildProcess) => {
      const timer = setInterval(() => {
        if (github.checkRuns.length > 0) {
          clearInterval(timer)
          child.kill('SIGINT')
        }
      }, 20)
      child.on('close', () => clearInterval(timer))
    }
    const result = await step(sim, github, { ...extra, 'pipeline-ids': id }, conclusion === 'cancelled' ? cancel : undefined)

    expect(result.exitCode).toBe(1)
    const [check] = github.checkRunsOf(HEAD)
    expect([check!.status, check!.conclusion]).toEqual(['completed', conclusion])
    expect(check!.details_url).toContain(sim.runsOf(id)[0]!.id)
  })

  it('mode: trigger in one job and mode: wait in another continue the same check run', async () => {
    const id = hex32()
    const sim = await sims.codearts({ [id]: { script: failingPipeline(100) } })
    const github = await sims.github()
    const started = await step(sim, github, { 'pipeline-ids': id, mode: 'trigger' })

    expect(started.exitCode).toBe(0)
    const [check] = github.checkRunsOf(HEAD)
    expect([check!.name, check!.status]).toEqual(['shop-test', 'in_progress'])

    const waited = await step(sim, github, { 'pipeline-ids': id, mode: 'wait', 'run-ids': started.outputs['run-id']! })

    expect(waited.exitCode).toBe(1)
    expect(waited.log).toContain(`Continuing the check run of pipeline ${id} run ${started.outputs['run-id']}`)
    expect(github.checkRunsOf(HEAD).map((c) => [c.id, c.status, c.conclusion])).toEqual([[check!.id, 'completed', 'failure']])
  })

  it('a token that may not write checks: one notice, no check runs, the same result', async () => {
    const id = hex32()
    const sim = await sims.codearts({ [id]: { script: quickPipeline() } })
    const github = await sims.github({ checks: 'read' })
    const result = await step(sim, github, { 'pipeline-ids': id })

    expect(result.exitCode).toBe(0)
    expect(result.outputs['conclusion']).toBe('success')
    expect(github.checkRuns).toEqual([])
    const notices = result.log.split('\n').filter((l) => l.startsWith('::notice::'))
    expect(notices).toEqual([expect.stringContaining("Check runs are off: 'github-token' may not write check runs")])
    expect(notices[0]).toContain('Resource not accessible by integration')
    expect(result.log).not.toContain('::warning::')
  })

  it('rate limits are waited out as GitHub asks, each retry in the log', async () => {
    const id = hex32()
    const sim = await sims.codearts({ [id]: { script: quickPipeline() } })
    const github = await sims.github()
    let limited = 0
    github.faults = (req) =>
      req.method === 'POST' && limited++ === 0
        ? {
            kind: 'answer',
            status: 403,
            payload: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
            headers: { 'retry-after': '1' }
          }
        : undefined
    const result = await step(sim, github, { 'pipeline-ids': id })

    expect(result.exitCode).toBe(0)
    expect(result.log).toMatch(
      /Retrying creating the check run of pipeline \w+ run \w+ on GitHub in 1\.0 s \(try 2 of 3\): HTTP 403: You have/
    )
    expect(github.checkRunsOf(HEAD).map((c) => c.conclusion)).toEqual(['success'])
    expect(result.log).not.toContain('::warning::')
  })

  it('GitHub failing on every update: one warning, and the same result', async () => {
    const id = hex32()
    const sim = await sims.codearts({ [id]: { script: quickPipeline() } })
    const github = await sims.github()
    github.faults = (req) => (req.method === 'PATCH' ? { kind: 'status', status: 502 } : undefined)
    const result = await step(sim, github, { 'pipeline-ids': id })

    expect(result.exitCode).toBe(0)
    expect(result.outputs['conclusion']).toBe('success')
    const warnings = result.log.split('\n').filter((l) => l.startsWith('::warning::'))
    expect(warnings).toEqual([expect.stringContaining('Could not update the check runs on GitHub')])
    expect(result.log).toMatch(/Retrying completing the check run of pipeline \w+ run \w+ on GitHub in 1\.0 s \(try 2 of 3\): HTTP 502/)
  })

  it('Yunxiao runs get the same check runs, named by the pipeline, one per run number', async () => {
    const sim = await sims.yunxiao({ '1201': { script: failingPipeline(50) } })
    const github = await sims.github()
    const result = await runAction(yunxiaoInputs(sim, { 'pipeline-ids': '1201', 'github-token': GITHUB_TOKEN }), pullRequest(github))

    expect(result.exitCode).toBe(1)
    expect(github.checkRunsOf(HEAD).map((c) => [c.name, c.external_id, c.conclusion])).toEqual([['shop-test', '1201/1', 'failure']])
  })

  it('a hostile pipeline name stays one plain line, and text from the service is escaped', async () => {
    const id = hex32()
    const name = '<img src=x onerror=alert(1)>\n**bold** [click](javascript:alert(1))'
    const sim = await sims.codearts({ [id]: { script: { ...failingPipeline(50), name } } })
    const github = await sims.github()
    const result = await step(sim, github, { 'pipeline-ids': id })

    expect(result.exitCode).toBe(1)
    const [check] = github.checkRunsOf(HEAD)
    expect(check!.name).toBe('<img src=x onerror=alert(1)> **bold** [click](javascript:alert(1))')
    expect(check!.output.summary).not.toMatch(/<img|\*\*bold|\[click\]/)
    expect(check!.output.text).not.toMatch(/<img|\*\*bold|\[click\]/)
  })

  it('check-runs: false sends nothing to GitHub', async () => {
    const id = hex32()
    const sim = await sims.codearts({ [id]: { script: quickPipeline() } })
    const github = await sims.github()
    const result = await step(sim, github, { 'pipeline-ids': id, 'check-runs': 'false' })

    expect(result.exitCode).toBe(0)
    expect(github.requests).toEqual([])
  })
})
