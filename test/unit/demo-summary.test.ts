// `npm run demo` prints the job summary as text (test/demo/summary-text.ts): every table row and
// heading is there, remote text reads as written, and the failing step's lines stay folded, since
// the job log above it already showed them.

import { describe, expect, it } from 'vitest'
import type { RunDetail } from '../../src/model.ts'
import { renderSummary } from '../../src/report/summary.ts'
import { summaryText } from '../demo/summary-text.ts'

const detail: RunDetail = {
  status: 'FAILED',
  state: 'failure',
  stages: [
    {
      id: 's',
      name: 'Build <main>',
      status: 'FAILED',
      state: 'failure',
      pre: [],
      post: [],
      jobs: [{ id: 'j', name: 'Unit tests', status: 'FAILED', state: 'failure', steps: [] }]
    }
  ]
}

describe('the summary as text', () => {
  it('shows the tables and headings, and folds the failing step lines', () => {
    const html = renderSummary({
      service: 'CodeArts Pipeline',
      conclusion: 'failure',
      runs: [
        {
          result: {
            pipeline_id: 'p',
            run_id: 'r',
            run_number: 3,
            status: 'FAILED',
            conclusion: 'failure',
            url: 'https://devcloud.cn-north-4.huaweicloud.com/run',
            started_at: null,
            finished_at: null,
            duration_s: 65,
            failures: []
          },
          pipeline: 'shop-test',
          detail,
          failedLogs: [
            {
              failure: { stage: 'Build <main>', job: 'Unit tests', step: 'npm test', message: 'exit code 1' },
              tail: { lines: ['> vitest run', 'AssertionError: expected 2 to be 3'], total: 2 }
            }
          ]
        }
      ]
    })
    const text = summaryText(html)

    expect(text).toContain('## ❌ CodeArts Pipeline: failure')
    expect(text).toMatch(/^Pipeline {3}Run {2}Status {4}Duration$/m)
    expect(text).toMatch(/^shop-test {2}#3 {3}❌ FAILED {2}1m 5s$/m)
    expect(text).toContain('### shop-test #3: FAILED')
    expect(text).toContain('Open in CodeArts Pipeline (https://devcloud.cn-north-4.huaweicloud.com/run)')
    expect(text).toMatch(/^Build <main> {2}\s+❌ FAILED$/m)
    expect(text).toContain('▸ ❌ Build <main> / Unit tests / npm test: exit code 1 (last 2 lines) (folded)')
    expect(text).not.toContain('AssertionError')
    expect(text).not.toMatch(/<(table|tr|td|pre|details|h3|a )/)
  })
})
