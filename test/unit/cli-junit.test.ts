// The command's --junit report: valid against both public schemas whatever the service's text
// holds, a test case per job with the failing step's log in its failure, never green for a run
// that did not pass, and no secret in it.

import { describe, expect, it } from 'vitest'
import { renderJunit } from '../../src/cli/junit.ts'
import type { JobDetail, RunDetail, StepDetail } from '../../src/model.ts'
import type { RunResult } from '../../src/report/results.ts'
import type { SummaryInput, SummaryRun } from '../../src/report/summary.ts'
import { junitSchemaErrors } from '../support/junit.ts'

const at = (s: number) => new Date(Date.UTC(2026, 0, 2, 3, 4, s))
const step = (name: string, state: StepDetail['state'], extra: Partial<StepDetail> = {}): StepDetail => ({
  id: name,
  name,
  status: state.toUpperCase(),
  state,
  startedAt: at(0),
  finishedAt: at(3),
  ...extra
})
const job = (name: string, state: JobDetail['state'], steps: StepDetail[]): JobDetail => ({
  id: name,
  name,
  status: state.toUpperCase(),
  state,
  startedAt: at(0),
  finishedAt: at(4),
  steps
})

function result(conclusion: RunResult['conclusion'], status: string): RunResult {
  return {
    pipeline_id: 'p1',
    run_id: 'r1',
    run_number: 7,
    status,
    conclusion,
    url: 'https://example.test/run',
    started_at: at(0).toISOString(),
    finished_at: at(9).toISOString(),
    duration_s: 9,
    failures: []
  }
}

function detail(state: RunDetail['state'], jobs: JobDetail[], name = 'Build'): RunDetail {
  return {
    status: state.toUpperCase(),
    state,
    stages: [{ id: 's', name, status: state.toUpperCase(), state, pre: [], post: [step('approval', 'success')], jobs }]
  }
}

const noRedaction = (text: string) => text

function report(runs: SummaryRun[]): SummaryInput {
  return { service: 'CodeArts Pipeline', conclusion: runs.every((r) => r.result.conclusion === 'success') ? 'success' : 'failure', runs }
}

// What a hostile service may put in any name, message or log line.
const HOSTILE = [
  'a & b < c > d " e \' f',
  '\u001b[31mred\u001b[0m \u001b]52;c;ZXZpbA==\u0007 \u001b]8;;https://evil.test\u001b\\link\u001b]8;;\u001b\\',
  'NUL\u0000 BEL\u0007 VT\u000b FF\u000c ESC\u001b DEL\u007f C1\u0085\u009b',
  'lone \ud800 surrogate \udfff and a pair 😀',
  ']]> <![CDATA[ x ]]> <!-- --> <?pi?> &amp; &#0; &#x1b;',
  'non-characters \ufffe\uffff and \u2028\u2029',
  'tab\there\r\nCRLF\rCR'
]

describe('--junit', () => {
  it('validates against both schemas, for passing, failing, skipped and unfinished jobs, and for an early failure', async () => {
    const failing: SummaryRun = {
      result: result('failure', 'FAILED'),
      pipeline: 'shop.test',
      detail: detail('failure', [
        job('Unit tests', 'failure', [step('npm ci', 'success'), step('npm test', 'failure', { message: 'exit code 1' })]),
        job('Lint', 'success', [step('lint', 'success')]),
        job('Docs', 'skipped', []),
        job('Deploy', 'running', [])
      ]),
      failedLogs: [
        {
          failure: { stage: 'Build', job: 'Unit tests', step: 'npm test', message: 'exit code 1' },
          tail: { lines: ['FAIL a', 'FAIL b'], total: 2 }
        }
      ]
    }
    const timedOut: SummaryRun = {
      result: { ...result('timed_out', 'RUNNING'), run_number: null, duration_s: null, started_at: null },
      pipeline: 'slow',
      detail: detail('running', [job('Wait', 'running', [])]),
      failedLogs: []
    }
    const unread: SummaryRun = { result: result('success', 'COMPLETED'), pipeline: 'quick', failedLogs: [] }
    const reports = [
      renderJunit({ report: report([failing, timedOut, unread]), reason: 'failed', redact: noRedaction }),
      renderJunit({ failure: "Input 'timeout': '1 day' is not a duration", reason: 'badInput', redact: noRedaction }),
      renderJunit({ report: report([]), reason: 'success', redact: noRedaction })
    ]
    expect(await junitSchemaErrors(...reports)).toEqual([])

    const xml = reports[0]!
    expect(xml).toContain('<testsuite name="shop.test #7"')
    // A job per test case, classed by pipeline and stage (dots would read as package levels).
    expect(xml).toMatch(
      /<testcase name="Unit tests" classname="shop_test\.Build" time="4\.000">\s*<failure message="npm test: exit code 1" type="FAILURE">/
    )
    // The failing step's log in the failure, line by line.
    expect(xml).toContain('npm test: exit code 1\nFAIL a\nFAIL b</failure>')
    expect(xml).toMatch(/<testcase name="Lint" classname="shop_test\.Build" time="4\.000"\/>/)
    expect(xml).toMatch(/<testcase name="Docs"[^>]*>\s*<skipped message="SKIPPED"/)
    // In a run that ended, a job that never started did not run; in one cut short, it is an error.
    expect(xml).toMatch(/<testcase name="Deploy"[^>]*>\s*<skipped message="did not run \(RUNNING\)"/)
    expect(xml).toMatch(/<testcase name="Wait"[^>]*>\s*<error message="still RUNNING when the command ended"/)
    expect(xml).toContain('<testcase name="(stage exit check) approval"')
    // A run without its detail is one test case; one that did not pass is never all green.
    expect(xml).toMatch(/<testsuite name="quick #7"[^>]*tests="1" failures="0" errors="0"/)
    expect(reports[1]).toMatch(/<error message="Input &apos;timeout&apos;: &apos;1 day&apos; is not a duration" type="badInput">/)
  })

  it('fails a run that did not pass even when no job shows why', async () => {
    const stopped: SummaryRun = {
      result: result('cancelled', 'CANCELED'),
      pipeline: 'p',
      detail: detail('cancelled', [job('Build', 'cancelled', [])]),
      failedLogs: []
    }
    const xml = renderJunit({ report: report([stopped]), reason: 'cancelled', redact: noRedaction })
    expect(xml).toMatch(/<testcase name="\(run\)"[^>]*>\s*<failure message="cancelled: CANCELED" type="CANCELED">/)
    expect(xml).toMatch(/tests="3" failures="1" errors="0" skipped="1"/)
    expect(await junitSchemaErrors(xml)).toEqual([])
  })

  it('stays valid and inert whatever the service puts in names, messages and logs', async () => {
    const xmls = HOSTILE.map((text) => {
      const run: SummaryRun = {
        result: { ...result('failure', text), url: text, duration_s: 1e300 },
        pipeline: text,
        detail: detail('failure', [job(text, 'failure', [step(text, 'failure', { message: text })])], text),
        failedLogs: [{ failure: { stage: text, job: text, step: text, message: text }, tail: { lines: [text, text], total: 2 } }]
      }
      return renderJunit({ report: report([run]), reason: 'failed', redact: noRedaction, hostname: text })
    })
    expect(await junitSchemaErrors(...xmls)).toEqual([])
    for (const xml of xmls) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character but tab and line feed may reach the file
      expect(xml).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ud800-\udfff]/u)
      expect(xml).not.toContain('<![CDATA[')
    }
  })

  it('cuts out every secret, in attributes and in logs', () => {
    const secret = 'sk-very-secret-value'
    const run: SummaryRun = {
      result: result('failure', 'FAILED'),
      pipeline: `p ${secret}`,
      detail: detail('failure', [job('J', 'failure', [step('S', 'failure', { message: `bad ${secret}` })])]),
      failedLogs: [{ failure: { stage: 'Build', job: 'J', step: 'S', message: '' }, tail: { lines: [`echo ${secret}`], total: 1 } }]
    }
    const xml = renderJunit({ report: report([run]), reason: 'failed', redact: (t) => t.split(secret).join('***') })
    expect(xml).not.toContain(secret)
    expect(xml).toContain('echo ***')
  })
})
