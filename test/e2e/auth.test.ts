// Each way of signing in, end to end: the simulator checks credentials as the gateway and IAM do.

import { describe, expect, it } from 'vitest'
import { type CodeArtsSimulator, hex32 } from '../simulator/codearts.ts'
import { ACCESS_KEY, IAM_USER, quickPipeline, READY_TOKEN, TEMPORARY_KEY } from '../simulator/fixtures.ts'
import { runAction } from '../support/harness.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()
const pipeline = hex32()

/** The fixture credentials, plus the temporary key and the ready token some tests sign in with. */
function start(): Promise<CodeArtsSimulator> {
  return sims.codearts({ [pipeline]: { script: quickPipeline(50) } }, { accessKeys: [ACCESS_KEY, TEMPORARY_KEY], tokens: [READY_TOKEN] })
}

function base(s: CodeArtsSimulator): Record<string, string> {
  return { endpoint: s.url, 'iam-endpoint': s.url, 'project-id': s.projectId, 'pipeline-ids': pipeline, 'poll-interval': '0.2s' }
}

const iamCalls = (s: CodeArtsSimulator) => s.requests.filter((r) => r.path.startsWith('/v3/'))
const apiCalls = (s: CodeArtsSimulator) => s.requests.filter((r) => r.path.startsWith('/v5/'))

describe('authentication', () => {
  it('AK/SK: signs every request and looks up the IAM project once', async () => {
    const s = await start()
    const result = await runAction({ ...base(s), 'access-key': ACCESS_KEY.accessKey, 'secret-key': ACCESS_KEY.secretKey })

    expect(result.exitCode).toBe(0)
    expect(iamCalls(s).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /v3/projects 200'])
    expect(apiCalls(s).every((r) => r.auth === 'aksk' && r.status === 200)).toBe(true)
  })

  it('AK/SK with iam-project-id: no IAM call at all', async () => {
    const s = await start()
    const result = await runAction({
      ...base(s),
      'access-key': ACCESS_KEY.accessKey,
      'secret-key': ACCESS_KEY.secretKey,
      'iam-project-id': s.iamProjectId
    })

    expect(result.exitCode).toBe(0)
    expect(iamCalls(s)).toHaveLength(0)
  })

  it('temporary AK/SK: sends and signs the security token', async () => {
    const s = await start()
    const result = await runAction({
      ...base(s),
      'access-key': TEMPORARY_KEY.accessKey,
      'secret-key': TEMPORARY_KEY.secretKey,
      'security-token': TEMPORARY_KEY.securityToken!
    })

    expect(result.exitCode).toBe(0)
    expect(apiCalls(s).every((r) => r.status === 200)).toBe(true)
  })

  it('a ready token: sent as X-Auth-Token, no IAM call', async () => {
    const s = await start()
    const result = await runAction({ ...base(s), token: READY_TOKEN })

    expect(result.exitCode).toBe(0)
    expect(iamCalls(s)).toHaveLength(0)
    expect(apiCalls(s).every((r) => r.auth === 'token')).toBe(true)
  })

  it('username, password and domain: one IAM token for the whole step, masked', async () => {
    const s = await start()
    const result = await runAction({ ...base(s), username: IAM_USER.username, password: IAM_USER.password, domain: IAM_USER.domain })

    expect(result.exitCode).toBe(0)
    expect(iamCalls(s).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /v3/auth/tokens 201'])
    expect(result.log).toMatch(/::add-mask::MII/)
  })

  it('a wrong secret key: the gateway error, once, never repeated', async () => {
    const s = await start()
    const result = await runAction({
      ...base(s),
      'access-key': ACCESS_KEY.accessKey,
      'secret-key': 'not-the-right-secret',
      'iam-project-id': s.iamProjectId
    })

    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(
      /::error::starting pipeline \S+ failed: HTTP 401 APIGW\.0301: Incorrect IAM authentication information: verify aksk signature fail/
    )
    // Five bad signatures lock the key: one attempt only.
    expect(s.requests).toHaveLength(1)
    expect(result.log).not.toMatch(/\n\s+at /)
  })

  it('a wrong password: the IAM error, and no pipeline request', async () => {
    const s = await start()
    const result = await runAction({ ...base(s), username: IAM_USER.username, password: 'Wrong-Password-42', domain: IAM_USER.domain })

    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(
      /::error::signing in to IAM as octo-cloud\/ci-bot failed: HTTP 401 Unauthorized: The username or password is wrong\./
    )
    expect(apiCalls(s)).toHaveLength(0)
  })
})
