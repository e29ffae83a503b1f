import { describe, expect, it } from 'vitest'
import type { JobDetail, RunDetail, StageDetail } from '../../src/model.ts'
import { duration, esc } from '../../src/report/markup.ts'
import type { RunResult } from '../../src/report/results.ts'
import { renderSummary, SUMMARY_LIMIT, type SummaryRun } from '../../src/report/summary.ts'

const result = (over: Partial<RunResult> = {}): RunResult => ({
  pipeline_id: 'p',
  run_id: 'r',
  run_number: 7,
  status: 'FAILED',
  conclusion: 'failure',
  url: 'https://devcloud.example/run',
  started_at: '2026-11-22T12:00:00.000Z',
  finished_at: '2026-11-22T12:03:00.000Z',
  duration_s: 180,
  failures: [],
  ...over
})

function bigRun(stages: number, jobsPerStage: number, tailLine: string): SummaryRun {
  const job = (s: number, j: number): JobDetail => ({
    id: `${s}-${j}`,
    name: `job ${s}.${j} ${'x'.repeat(40)}`,
    status: 'FAILED',
    state: 'failure',
    steps: []
  })
  const stage = (s: number): StageDetail => ({
    id: `${s}`,
    name: `stage ${s}`,
    status: 'FAILED',
    state: 'failure',
    pre: [],
    post: [],
    jobs: Array.from({ length: jobsPerStage }, (_, j) => job(s, j))
  })
  const detail: RunDetail = { status: 'FAILED', state: 'failure', stages: Array.from({ length: stages }, (_, s) => stage(s)) }
  const tail = { lines: Array.from({ length: 300 }, () => tailLine), total: 300 }
  return {
    result: result(),
    pipeline: 'huge',
    detail,
    failedLogs: Array.from({ length: 50 }, (_, i) => ({ failure: { stage: 's', job: `j${i}`, step: 'st', message: 'boom' }, tail }))
  }
}

describe('renderSummary', () => {
  it('escapes remote text so it cannot add markup, links or break the table', () => {
    const hostile = '<img src=x onerror=alert(1)> | [link](javascript:x) `code`\n\nnew paragraph'
    const text = renderSummary({
      service: 'CodeArts Pipeline',
      conclusion: 'failure',
      runs: [
        {
          result: result({ status: hostile }),
          pipeline: hostile,
          failedLogs: [{ failure: { stage: hostile, job: 'j', step: 's', message: hostile }, tail: { lines: [hostile], total: 1 } }]
        }
      ]
    })
    expect(text).not.toContain('<img')
    expect(text).not.toContain('](javascript')
    expect(text).toContain('&#60;img src=x onerror=alert(1)&#62; &#124; &#91;link&#93;(javascript:x) &#96;code&#96;')
    // Every table is one line: a blank line inside would end GitHub's HTML block.
    for (const line of text.split('\n').filter((l) => l.startsWith('<table>'))) expect(line).toMatch(/<\/table>$/)
  })

  // Issue 12: every remote string, in every place it lands (heading, table cell, link text, code
  // span, <details> summary, <pre>, list item), can add no element, link or line of its own.
  it.each([
    ['a table cell separator', 'build | deploy'],
    ['a Markdown link', 'x](https://evil.example.com) [y'],
    ['an image', '<img src="https://evil.example.com/pixel.png">'],
    ['a details block', '<details><summary>fake</summary>'],
    ['backticks', '`rm -rf /`'],
    ['a newline', 'one\n# Heading'],
    ['a blank line', 'one\n\n![alt](https://evil.example.com/i.png)'],
    ['a bare URL', 'see https://evil.example.com now']
  ])('remote text holding %s stays text, wherever it lands', (_what, hostile) => {
    const detail: RunDetail = {
      status: 'FAILED',
      state: 'failure',
      stages: [
        {
          id: 's',
          name: hostile,
          status: 'FAILED',
          state: 'failure',
          pre: [],
          post: [],
          jobs: [
            {
              id: 'j',
              name: hostile,
              status: hostile,
              state: 'failure',
              steps: [{ id: 'st', name: hostile, status: 'FAILED', state: 'failure' }]
            }
          ]
        }
      ]
    }
    const failure = { stage: hostile, job: hostile, step: hostile, message: hostile }
    for (const level of [undefined, 900, 300]) {
      const text = renderSummary(
        {
          service: 'CodeArts Pipeline',
          conclusion: 'failure',
          runs: [
            {
              result: result({ status: hostile }),
              pipeline: hostile,
              detail,
              failedLogs: [{ failure, tail: { lines: [hostile.replace(/\n/g, ' ')], total: 1 } }]
            }
          ],
          trigger: { variables: [{ name: 'V', value: hostile }], secretVariables: [], stages: [], jobs: [], description: hostile }
        },
        level
      )
      // What is left once our own tags are taken out holds no markup, no link syntax, no table separator.
      const bare = text.replace(/<\/?(table|tr|th|td|b|code|details|summary|pre|h3|p|ul|li)>|<a href="[^"<>]*">|<\/a>/g, '')
      expect(bare).not.toMatch(/[<>|`]|\]\(/)
      // No element spans a blank line (which would end GitHub's HTML block, and Markdown would resume).
      const elements = text.split('\n').filter((l) => l.startsWith('<') && !l.startsWith('<pre>'))
      for (const line of elements) expect(line).not.toBe('')
      expect(text.match(/<details>/g)?.length ?? 0).toBeLessThanOrEqual(1)
      // Every line is ours: the heading, an element, or the cut notice; remote text starts none.
      expect(text.split('\n').filter((l) => l !== '' && !l.startsWith('<') && !l.startsWith('## ') && !l.startsWith('…(cut'))).toEqual([])
      expect(text).not.toContain('href="https://evil')
    }
  })

  it('only links http(s) URLs', () => {
    const text = renderSummary({
      service: 'CodeArts Pipeline',
      conclusion: 'success',
      runs: [{ result: result({ url: 'javascript:alert(1)' }), pipeline: 'p', failedLogs: [] }]
    })
    expect(text).not.toContain('href="javascript')
  })

  it.each([
    ['a small run', 2, 3, 'short line', 'job 1.2'],
    ['many jobs', 200, 50, 'short line', 'stage 199'],
    ['many jobs and long tails', 400, 100, 'y'.repeat(2_000), 'stage 0']
  ])('fits the 1 MiB limit with %s', (_name, stages, jobs, line, expected) => {
    const text = renderSummary({ service: 'CodeArts Pipeline', conclusion: 'failure', runs: [bigRun(stages, jobs, line)] })
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expect(text).toContain('## ❌ CodeArts Pipeline: failure')
    expect(text).toContain(expected)
  })

  it('drops detail level by level, keeping the overview', () => {
    const run = bigRun(30, 30, 'z'.repeat(500))
    const full = renderSummary({ service: 'CodeArts Pipeline', conclusion: 'failure', runs: [run] }, 10_000_000)
    const squeezed = renderSummary({ service: 'CodeArts Pipeline', conclusion: 'failure', runs: [run] }, 60_000)
    expect(full).toContain('job 29.29')
    expect(squeezed.length).toBeLessThanOrEqual(60_000)
    expect(squeezed).toContain('<tr><th>Pipeline</th><th>Run</th><th>Status</th><th>Duration</th></tr>')
  })
})

describe('summary helpers', () => {
  it.each([
    [undefined, ''],
    [400, '0s'],
    [59_600, '1m 0s'],
    [185_000, '3m 5s'],
    [3_725_000, '1h 2m']
  ])('duration(%s) = %j', (ms, text) => {
    expect(duration(ms)).toBe(text)
  })

  it('esc leaves plain text alone', () => {
    expect(esc('Build 1.2 (linux)')).toBe('Build 1.2 (linux)')
  })
})
