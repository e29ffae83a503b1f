// The check-run publisher against the fake GitHub API, fed reads by hand: a check run is made on the
// first read and updated only when the run's or a stage's status changed, however often it is read.

import { afterEach, describe, expect, it } from 'vitest'
import { rateLimitWait } from '../../src/checks/github.ts'
import { CheckRunPublisher } from '../../src/checks/publisher.ts'
import type { RunSnapshot, TrackedRun } from '../../src/model.ts'
import { GITHUB_TOKEN } from '../simulator/fixtures.ts'
import { GitHubSimulator } from '../simulator/github.ts'
import { nullLogger } from '../support/loggers.ts'

let github: GitHubSimulator | undefined
afterEach(async () => {
  expect(github?.violations ?? []).toEqual([])
  await github?.close()
})

const SHA = 'c0ffee00'.repeat(5)
const run: TrackedRun = { pipelineId: 'p1', runId: 'r1', url: 'https://devcloud.cn-north-4.huaweicloud.com/run', startedHere: true }

function read(status: string, stages: [string, string][]): RunSnapshot {
  const state = (word: string) => (word === 'COMPLETED' ? 'success' : 'running') as 'success' | 'running'
  return { status, state: state(status), stages: stages.map(([name, word]) => ({ name, status: word, state: state(word) })) }
}

describe('check run progress', () => {
  it('is sent on the first read and on each change of status, never for a read that changed nothing', async () => {
    github = await GitHubSimulator.start({ token: GITHUB_TOKEN, repository: 'octo-org/shop' })
    const publisher = new CheckRunPublisher(GITHUB_TOKEN, {
      origin: { repository: 'octo-org/shop', sha: SHA, runUrl: '', apiUrl: github.url },
      logger: nullLogger,
      service: 'CodeArts Pipeline',
      signal: () => new AbortController().signal,
      name: () => 'shop-build',
      describe: () => Promise.reject(new Error('not needed'))
    })
    const reads = [
      read('RUNNING', [
        ['Build', 'RUNNING'],
        ['Deploy', 'INIT']
      ]),
      read('RUNNING', [
        ['Build', 'RUNNING'],
        ['Deploy', 'INIT']
      ]),
      read('RUNNING', [
        ['Build', 'RUNNING'],
        ['Deploy', 'INIT']
      ]),
      read('RUNNING', [
        ['Build', 'COMPLETED'],
        ['Deploy', 'RUNNING']
      ]),
      read('RUNNING', [
        ['Build', 'COMPLETED'],
        ['Deploy', 'RUNNING']
      ])
    ]
    publisher.begin(run)
    for (const snapshot of reads) {
      publisher.update(run, snapshot, 'shop-build #3')
      await publisher.settle()
    }

    const sent = github.calls.filter((c) => c.method !== 'GET')
    expect(sent.map((c) => c.operationId)).toEqual(['checks/create', 'checks/update'])
    expect(sent.map((c) => (c.body!['output'] as { title: string }).title)).toEqual([
      'shop-build #3: RUNNING (stage Build)',
      'shop-build #3: RUNNING (stage Deploy)'
    ])
    expect(github.checkRuns[0]).toMatchObject({ name: 'shop-build', head_sha: SHA, external_id: 'p1/r1', status: 'in_progress' })
  })
})

describe('rate limits', () => {
  const now = Date.UTC(2026, 0, 1)
  it.each([
    ['403 with retry-after', { status: 403, message: 'x', headers: { 'retry-after': '2' } }, 2_000],
    ['429 with retry-after', { status: 429, message: 'x', headers: { 'retry-after': '7' } }, 7_000],
    [
      'primary limit used up',
      {
        status: 403,
        message: 'API rate limit exceeded',
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 10) }
      },
      11_000
    ],
    ['secondary limit naming no time', { status: 403, message: 'You have exceeded a secondary rate limit', headers: {} }, 60_000],
    ['429 naming no time', { status: 429, message: 'Too many requests', headers: {} }, 60_000],
    ['a refusal', { status: 403, message: 'Resource not accessible by integration', headers: {} }, undefined],
    ['a gateway error', { status: 502, message: 'Bad gateway', headers: { 'retry-after': '3' } }, undefined]
  ])('%s', (_what, failure, wait) => {
    expect(rateLimitWait(failure, now)).toBe(wait)
  })
})
