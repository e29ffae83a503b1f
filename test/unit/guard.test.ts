// The credential guard's doubts: answers that could have hidden a refusal, before the key is proven.

import { describe, expect, it } from 'vitest'
import type { HttpResponse } from '../../src/net/http.ts'
import { huaweiChannel } from '../../src/providers/codearts/call.ts'

const signingGuard = () =>
  huaweiChannel({} as never, {
    region: 'cn-north-4',
    endpoint: '',
    projectId: '',
    auth: { kind: 'aksk', accessKey: 'AK', secretKey: 'SK' }
  }).guard

describe('a signing key with no answer yet', () => {
  it.each([
    ['a request timeout', () => new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'no answer in time'],
    ['a reset connection', () => Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }), 'UND_ERR_SOCKET'],
    ['a reset socket', () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }), 'ECONNRESET']
  ])('stops after two of %s, and says what happened in words', async (_, failure, words) => {
    const guard = signingGuard()
    const fail = async (): Promise<HttpResponse> => {
      throw failure()
    }
    await expect(guard.exchange('reading a run', fail)).rejects.toThrow()
    await expect(guard.exchange('reading a run', fail)).rejects.toThrow()
    expect(guard.refused?.message).toContain(`(${words}, ${words})`)
    await expect(guard.exchange('reading a run', fail)).rejects.toThrow(/got no answer that shows it was accepted/)
  })

  it('does not count a connection that was never made', async () => {
    const guard = signingGuard()
    const refused = async (): Promise<HttpResponse> => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })
    }
    for (let i = 0; i < 3; i++) await expect(guard.exchange('reading a run', refused)).rejects.toThrow('fetch failed')
    expect(guard.refused).toBeUndefined()
  })
})
