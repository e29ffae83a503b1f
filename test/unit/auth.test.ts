// How a password token is renewed when several requests meet its expiry at once.

import { describe, expect, it } from 'vitest'
import type { CodeArtsConnection } from '../../src/config/settings.ts'
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/net/http.ts'
import { createAuthenticator } from '../../src/providers/codearts/auth.ts'
import { huaweiChannel } from '../../src/providers/codearts/call.ts'
import { nullLogger } from '../support/loggers.ts'

describe('password tokens', () => {
  it('requests that meet the expired token together share one sign-in', async () => {
    let signIns = 0
    const http = {
      send: async (
        req: HttpRequest,
        _authorize: unknown,
        guard: { exchange(a: string, s: () => Promise<HttpResponse>): Promise<HttpResponse> }
      ) =>
        guard.exchange(req.action, async (): Promise<HttpResponse> => {
          signIns++
          await new Promise((resolve) => setTimeout(resolve, 20))
          if (signIns === 1)
            return {
              status: 201,
              headers: { 'x-subject-token': 'tok-1' },
              body: '{}',
              json: { token: { expires_at: new Date(Date.now() + 1_000).toISOString() } }
            }
          // The password was changed meanwhile: IAM refuses every sign-in.
          return { status: 401, headers: {}, body: '', json: { error: { code: 401, title: 'Unauthorized', message: 'wrong password' } } }
        })
    } as unknown as HttpClient
    const connection: CodeArtsConnection = {
      provider: 'codearts',
      region: 'cn-north-4',
      endpoint: 'https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com',
      iamEndpoint: 'https://iam.cn-north-4.myhuaweicloud.com',
      projectId: 'p',
      auth: { kind: 'password', username: 'u', password: 'p', domain: 'd' }
    }
    const auth = createAuthenticator(connection, huaweiChannel(http, connection), nullLogger)
    await auth.authorize({} as HttpRequest)
    // Eight parallel reads meet the 401 of the expired token and all ask for a new one.
    await Promise.allSettled(Array.from({ length: 8 }, () => auth.renew(Date.now())))
    expect(signIns - 1).toBe(1)
  })
})
