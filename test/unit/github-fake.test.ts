// The fake GitHub API takes only what GitHub's OpenAPI description allows: a request with an unknown
// field, a wrong type, a missing required field (or anything else the description forbids) is
// answered 422 and recorded, which fails any end-to-end test that sends it. Its own answers are
// checked the same way.

import { afterEach, describe, expect, it } from 'vitest'
import { GITHUB_TOKEN } from '../simulator/fixtures.ts'
import { GitHubSimulator } from '../simulator/github.ts'
import { findOperation, responseViolations } from '../simulator/openapi.ts'

let github: GitHubSimulator | undefined
afterEach(async () => {
  await github?.close()
  github = undefined
})

const SHA = 'a'.repeat(40)
const good = { name: 'shop-build', head_sha: SHA, external_id: 'p/r', status: 'in_progress', output: { title: 't', summary: 's' } }

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; violations: string[] }> {
  github ??= await GitHubSimulator.start({ token: GITHUB_TOKEN, repository: 'octo-org/shop' })
  const before = github.violations.length
  const res = await fetch(`${github.url}${path}`, {
    method,
    headers: { authorization: `token ${GITHUB_TOKEN}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) })
  })
  await res.text()
  return { status: res.status, violations: github.violations.slice(before) }
}

describe('the fake GitHub API', () => {
  it('takes a request GitHub documents', async () => {
    expect(await send('POST', '/repos/octo-org/shop/check-runs', good)).toEqual({ status: 201, violations: [] })
  })

  it.each([
    ['an unknown field', { ...good, colour: 'green' }, 'body.colour: not a documented field'],
    ['an unknown field in output', { ...good, output: { ...good.output, body: 'x' } }, 'body.output.body: not a documented field'],
    ['a wrong type', { ...good, external_id: 42 }, 'body.external_id: expected string'],
    ['a missing required field', { name: 'x', status: 'in_progress' }, 'body.head_sha: required'],
    ['a status GitHub does not know', { ...good, status: 'running' }, 'body.status: "running" is not one of'],
    ['a summary over 65,535 characters', { ...good, output: { title: 't', summary: 'x'.repeat(65_536) } }, '65536 characters'],
    [
      'more than 50 annotations',
      {
        ...good,
        output: {
          ...good.output,
          annotations: Array.from({ length: 51 }, () => ({
            path: 'a',
            start_line: 1,
            end_line: 1,
            annotation_level: 'failure',
            message: 'm'
          }))
        }
      },
      '51 items, more than 50'
    ],
    ['a time that is not a date-time', { ...good, started_at: 'yesterday' }, 'is not a date-time']
  ])('refuses %s with 422 and records it', async (_what, body, problem) => {
    const { status, violations } = await send('POST', '/repos/octo-org/shop/check-runs', body)

    expect(status).toBe(422)
    expect(violations).toEqual([expect.stringContaining(problem)])
  })

  it('refuses a completion without a conclusion, an unknown query parameter, and a path GitHub has not', async () => {
    await send('POST', '/repos/octo-org/shop/check-runs', good)
    const id = github!.checkRuns[0]!.id
    expect((await send('PATCH', `/repos/octo-org/shop/check-runs/${id}`, { status: 'completed' })).violations).toEqual([
      expect.stringContaining('matches none of anyOf')
    ])
    expect((await send('GET', `/repos/octo-org/shop/commits/${SHA}/check-runs?external_id=p`)).violations).toEqual([
      expect.stringContaining('query external_id: not a parameter')
    ])
    expect((await send('POST', '/repos/octo-org/shop/check-run', good)).violations).toEqual([expect.stringContaining('no such operation')])
  })

  it('checks its own answers: one missing a field GitHub always sends is a violation', () => {
    const op = findOperation('POST', '/repos/octo-org/shop/check-runs')!
    expect(responseViolations(op, 201, { id: 1, name: 'x' })).toEqual(expect.arrayContaining(['response 201.head_sha: required']))
  })
})
