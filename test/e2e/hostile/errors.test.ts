// Errors in every shape, and a network that is not there (issue 13, defects 8, 16, 17).

import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { hex32 } from '../../simulator/codearts.ts'
import { ACCESS_KEY, quickPipeline } from '../../simulator/fixtures.ts'
import { runAction } from '../../support/harness.ts'
import { codeartsInputs, yunxiaoInputs } from '../../support/inputs.ts'
import { useSimulator } from '../../support/simulators.ts'

const sims = useSimulator()

describe('defect 8: 2xx answers that carry an error are errors', () => {
  it.each([
    ['error_code/error_msg', { error_code: 'DEVPIPE.00011003', error_msg: 'the branch does not exist' }],
    ['errorCode/errorMsg', { errorCode: 'DEVPIPE.00011003', errorMsg: 'the branch does not exist' }],
    ['code/message with success: false', { success: false, code: 'DEVPIPE.00011003', message: 'the branch does not exist' }]
  ])('CodeArts: a start answered 200 with %s', async (_shape, payload) => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60) } })
    s.faults = ({ path }) => (path.endsWith('/run') ? { kind: 'answer', status: 200, payload } : undefined)
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id, 'iam-project-id': s.iamProjectId }))

    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(/::error::starting pipeline [0-9a-f]{32} failed: HTTP 200 DEVPIPE\.00011003: the branch does not exist/)
    // Read as the error it is: not searched for as a lost start, not sent again.
    expect(s.requests.filter((r) => r.path.endsWith('/run'))).toHaveLength(1)
    expect(s.requests.filter((r) => r.path.endsWith('/pipeline-runs/list'))).toHaveLength(0)
  })

  it('Yunxiao: a run read answered 200 with {success: false}', async () => {
    const s = await sims.yunxiao({ '701': { script: quickPipeline(60) } })
    s.faults = ({ method, path }) =>
      method === 'GET' && /\/runs\/\d+$/.test(path)
        ? { kind: 'answer', status: 200, payload: { success: false, errorCode: 'Forbidden.NoPermission', errorMessage: 'no permission' } }
        : undefined
    const result = await runAction(yunxiaoInputs(s, { 'pipeline-ids': '701' }))

    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(/::error::reading run 1 of pipeline 701 failed: HTTP 200 Forbidden\.NoPermission: no permission/)
    // A failure to read: the run goes on.
    expect(s.stateOf(s.runsOf('701')[0]!).status).not.toBe('CANCELED')
  })
})

describe('defect 16: an endpoint that is not there', () => {
  it('a host name that does not resolve fails at once, saying which input to check, once', async () => {
    const began = Date.now()
    const result = await runAction({
      endpoint: 'https://cloudpipeline-ext.cn-north-4.invalid',
      'iam-endpoint': 'https://iam.cn-north-4.invalid',
      'project-id': 'a'.repeat(32),
      'pipeline-ids': 'b'.repeat(32),
      'access-key': ACCESS_KEY.accessKey,
      'secret-key': ACCESS_KEY.secretKey
    })

    expect(Date.now() - began).toBeLessThan(10_000)
    expect(result.exitCode).toBe(1)
    const errors = result.log.split('\n').filter((l) => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/the host name iam\.cn-north-4\.invalid does not resolve \(ENOTFOUND\): check the endpoint/)
    expect(result.log).not.toContain('Retrying')
  })

  it('a refused connection: each retry is said, with what and why, and the message comes once', async () => {
    // A port with nothing listening on it.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number }
        server.close(() => resolve(port))
      })
    })
    const result = await runAction({
      endpoint: `http://127.0.0.1:${port}`,
      'iam-endpoint': `http://127.0.0.1:${port}`,
      'project-id': 'a'.repeat(32),
      'iam-project-id': 'c'.repeat(32),
      'pipeline-ids': 'b'.repeat(32),
      'access-key': ACCESS_KEY.accessKey,
      'secret-key': ACCESS_KEY.secretKey
    })

    expect(result.exitCode).toBe(1)
    const retries = result.log.split('\n').filter((l) => l.startsWith('Retrying'))
    expect(retries.length).toBeGreaterThanOrEqual(4)
    for (const line of retries)
      expect(line).toMatch(/^Retrying starting pipeline b{32} in \d+\.\d s \(try \d of 5\): connect ECONNREFUSED 127\.0\.0\.1:\d+$/)
    const errors = result.log.split('\n').filter((l) => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]!.match(/ECONNREFUSED/g)).toHaveLength(1)
  }, 60_000)
})

describe('defect 17: a redirect on a status read', () => {
  it('says where it points and what that usually means', async () => {
    const id = hex32()
    const s = await sims.codearts({ [id]: { script: quickPipeline(60_000) } })
    s.faults = ({ path }) =>
      path.endsWith('/pipelines/status')
        ? { kind: 'answer', status: 302, payload: {}, headers: { location: 'https://auth.example.com/login?next=/v5' } }
        : undefined
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': id, timeout: '30s' }))

    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(
      /::error::reading the status of pipeline [0-9a-f]{32} failed: HTTP 302 HTTP\.302: redirected to https%3A|redirected to https:\/\/auth\.example\.com\/login\?next=\/v5/
    )
    expect(result.log).toMatch(/wrong 'endpoint'/)
    // A failure to read: the run goes on.
    expect(s.stateOf(s.runsOf(id)[0]!).status).toBe('RUNNING')
  })
})
