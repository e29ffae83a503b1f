// Huawei Cloud locks an access key after 5 refused signatures in a row (issue 13, defect 14): at
// most 2 refused signed requests per job, main and post together, on every path.

import { describe, expect, it } from 'vitest'
import { type CodeArtsSimulator, hex32 } from '../../simulator/codearts.ts'
import { ACCESS_KEY, passingPipeline, quickPipeline } from '../../simulator/fixtures.ts'
import { type ActionResult, runAction, runPost } from '../../support/harness.ts'
import { codeartsInputs } from '../../support/inputs.ts'
import { useSimulator } from '../../support/simulators.ts'

const sims = useSimulator()

const refused = (s: CodeArtsSimulator) => s.requests.filter((r) => r.auth === 'aksk' && r.status === 401).length

/** Main, then post with main's state: the whole job. */
async function job(values: Record<string, string>, during?: (s: CodeArtsSimulator) => void, s?: CodeArtsSimulator): Promise<ActionResult> {
  const main = await runAction(values, during && s ? { onStart: () => during(s) } : {})
  await runPost(values, main.state)
  return main
}

const WRONG = { 'secret-key': 'sk-not-the-right-one-00000000000000' }

describe('defect 14: a refused key', () => {
  it.each<[string, Record<string, string>, number]>([
    ['a start, with the IAM project looked up first', { 'iam-project-id': '' }, 1],
    ['a start, with iam-project-id given', {}, 1],
    ['three pipelines to start', {}, 3],
    ['mode: wait on given runs', { mode: 'wait' }, 3]
  ])('%s: one refused request in the whole job, and a message that names the inputs and the lockout', async (_path, extra, count) => {
    const ids = Array.from({ length: count }, () => hex32())
    const s = await sims.codearts(Object.fromEntries(ids.map((id) => [id, { script: quickPipeline(60_000) }])))
    const runIds = ids.map((id) => s.startRun(id).id)
    const values = codeartsInputs(s, {
      'pipeline-ids': ids.join(' '),
      'iam-project-id': s.iamProjectId,
      ...(extra['mode'] === 'wait' && { 'run-ids': runIds.join(' ') }),
      ...extra,
      ...WRONG
    })
    const main = await job(values)

    expect(refused(s)).toBe(1)
    expect(main.exitCode).toBe(1)
    expect(main.log).toMatch(
      /::error::.*HTTP 401 APIGW\.0301: .*Check 'access-key' and 'secret-key'.*locks an access key for 5 minutes after 5 refused signatures/
    )
  })

  it('a key revoked while several pipelines are polled: at most 2 refused, main and post together', async () => {
    const ids = [hex32(), hex32(), hex32(), hex32()]
    const s = await sims.codearts(Object.fromEntries(ids.map((id) => [id, { script: passingPipeline(2_000) }])))
    const values = codeartsInputs(s, {
      'pipeline-ids': ids.join(' '),
      'iam-project-id': s.iamProjectId,
      'poll-interval': '0.1s',
      'max-poll-interval': '0.1s'
    })
    // Revoke the key once every run has started and parallel jobs are being read.
    const revoke = setInterval(() => {
      if (ids.every((id) => s.runsOf(id).length > 0)) {
        setTimeout(() => s.revoked.add(ACCESS_KEY.accessKey), 400)
        clearInterval(revoke)
      }
    }, 10)
    const main = await job(values)
    clearInterval(revoke)

    expect(refused(s)).toBeGreaterThanOrEqual(1)
    expect(refused(s)).toBeLessThanOrEqual(2)
    expect(main.exitCode).toBe(1)
    // A refusal says nothing about the runs: they were left alone.
    for (const id of ids) expect(s.stateOf(s.runsOf(id)[0]!).status).not.toBe('CANCELED')
  })

  it('the post step after a refused main step sends nothing', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60_000) } })
    const values = codeartsInputs(s, { 'pipeline-ids': id, 'iam-project-id': s.iamProjectId })
    // The start goes through, then the key is refused: main ends with a run it would have stopped.
    s.rewrite = ({ method, path }) => {
      if (method === 'POST' && path.endsWith('/run')) s.revoked.add(ACCESS_KEY.accessKey)
    }
    const main = await runAction({ ...values, timeout: '5s' })
    const before = s.requests.length
    const post = await runPost(values, main.state)

    expect(s.requests.length).toBe(before)
    expect(refused(s)).toBe(1)
    expect(post.log).toMatch(/::warning::Not stopping the runs left behind: the main step's credentials were refused|^$/m)
  })
})
