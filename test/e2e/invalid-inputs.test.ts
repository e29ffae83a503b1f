// Bad inputs end the step with one line that names the input and the fix, before any request.

import { describe, expect, it } from 'vitest'
import { hex32 } from '../simulator/codearts.ts'
import { ACCESS_KEY, quickPipeline } from '../simulator/fixtures.ts'
import { runAction } from '../support/harness.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()
const pipeline = hex32()

const cases: [string, Record<string, string>, RegExp][] = [
  ['no pipeline', { 'pipeline-ids': '' }, /Input 'pipeline-ids': is required/],
  ['a pipeline name instead of an ID', { 'pipeline-ids': 'shop-build' }, /Input 'pipeline-ids': 'shop-build' is not a pipeline ID/],
  ['the same pipeline twice', { 'pipeline-ids': `${pipeline},${pipeline}` }, /Input 'pipeline-ids': '[0-9a-f]{32}' is listed twice/],
  ['no credentials', { 'access-key': '', 'secret-key': '' }, /Input 'access-key': no credentials given/],
  [
    'two kinds of credentials',
    { token: 'tok-two-kinds-of-credentials-1' },
    /Input 'token': credentials given twice \(access-key\/secret-key and token\)/
  ],
  ['half an AK/SK pair', { 'secret-key': '' }, /Input 'secret-key': is missing; access-key, secret-key go together/],
  ['a duration without unit', { timeout: '10x' }, /Input 'timeout': '10x' is not a duration/],
  ['an unknown mode', { mode: 'fire' }, /Input 'mode': 'fire' is not one of trigger-and-wait, trigger, wait/],
  ['run-ids outside wait mode', { 'run-ids': hex32() }, /Input 'run-ids': is only used with mode: wait/],
  ['a broken variable line', { variables: 'JUST_A_NAME' }, /Input 'variables': line 1 is not NAME=value/],
  ['plain http to a remote host', { endpoint: 'http://example.com' }, /Input 'endpoint': 'http:\/\/example.com' must use https/],
  ['a pull request ref', { ref: 'refs/pull/7/merge' }, /Input 'ref': 'refs\/pull\/7\/merge' is neither a branch nor a tag/],
  [
    'an unknown region without endpoint',
    { endpoint: '', region: 'xx-nowhere-9' },
    /Input 'region': xx-nowhere-9 has no known CodeArts Pipeline endpoint/
  ],
  ['a boolean that is not one', { 'fail-fast': 'yes' }, /Input 'fail-fast': 'yes' is not a boolean; use true or false/]
]

describe('invalid inputs', () => {
  it.each(cases)('%s', async (_name, bad, message) => {
    const sim = await sims.codearts({ [pipeline]: { script: quickPipeline() } })
    const before = sim.requests.length
    const result = await runAction({
      endpoint: sim.url,
      'iam-endpoint': sim.url,
      'project-id': sim.projectId,
      'pipeline-ids': pipeline,
      'access-key': ACCESS_KEY.accessKey,
      'secret-key': ACCESS_KEY.secretKey,
      ...bad
    })
    expect(result.exitCode).toBe(1)
    // Later steps branch on it: an input error is a failure like any other.
    expect(result.outputs['conclusion']).toBe('failure')
    const errors = result.log.split('\n').filter((l) => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
    expect(result.log).not.toMatch(/\n\s+at /)
    expect(sim.requests.length).toBe(before)
  })
})

describe('a pull request from a fork', () => {
  it('has no secrets: the error says why the credentials are empty, at once', async () => {
    const sim = await sims.codearts({ [pipeline]: { script: quickPipeline() } })
    const pr = (repo: string) => ({ repo: { full_name: repo } })
    const result = await runAction(
      {
        endpoint: sim.url,
        'iam-endpoint': sim.url,
        'project-id': sim.projectId,
        'pipeline-ids': pipeline,
        'access-key': '',
        'secret-key': ''
      },
      {
        event: { pull_request: { number: 7, head: { sha: 'abc', ...pr('someone/shop') }, base: pr('octo-org/shop') } },
        env: { GITHUB_EVENT_NAME: 'pull_request' }
      }
    )

    expect(result.exitCode).toBe(1)
    expect(result.outputs['conclusion']).toBe('failure')
    expect(result.log).toContain(
      "::error::Input 'access-key': no credentials given; set access-key and secret-key (recommended), or token, or username, password " +
        'and domain; this run is for a pull request from the fork someone/shop, and GitHub gives such runs no secrets: gate forks in ' +
        'the merge queue instead (README, "Pull requests from forks")'
    )
    expect(sim.requests).toHaveLength(0)
  })
})
