import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { signAcs3, type AlibabaKeys } from '../../src/providers/yunxiao/acs3.ts'
import { verifyAcs3 } from '../simulator/acs3-verify.ts'

// ---- The official implementations (CommonJS; yunxiao-api.md §5.4) -------------------------------

interface OracleRequest {
  pathname: string
  method: string
  query: Record<string, string>
  headers: Record<string, string>
}
type GetAuthorization = (request: OracleRequest, algorithm: string, payloadHash: string, ak: string, sk: string) => string

const require = createRequire(import.meta.url)
const core = (require('@alicloud/openapi-core') as { OpenApiUtil: { getAuthorization: GetAuthorization } }).OpenApiUtil
const util = (require('@alicloud/openapi-util') as { default: { getAuthorization: GetAuthorization } }).default

const KEYS: AlibabaKeys = { accessKeyId: 'LTAI5tOracleKey', accessKeySecret: 'oracle/secret+Key=1' }
const NOW = new Date(Date.UTC(2026, 10, 22, 12, 0, 0))

interface Req {
  method: string
  path: string
  query: [string, string][]
  body: string
  contentType?: string
  securityToken?: string
}

function ours(req: Req) {
  const url = new URL(`https://devops.cn-hangzhou.aliyuncs.com${req.path}`)
  for (const [k, v] of req.query) url.searchParams.append(k, v)
  const headers = { accept: 'application/json', ...(req.contentType && { 'content-type': req.contentType }) }
  const keys = { ...KEYS, ...(req.securityToken && { securityToken: req.securityToken }) }
  const sent = signAcs3({ method: req.method, url, headers, body: req.body, action: 'GetPipelineRun', version: '2021-06-25' }, keys, NOW, 'nonce-1')
  return { url, sent }
}

/** The same request through the official function, fed the headers we send (plus host). */
function oracle(req: Req, getAuthorization: GetAuthorization = core.getAuthorization): string {
  const { url, sent } = ours(req)
  const headers = Object.fromEntries(Object.entries({ ...sent, host: url.host }).filter(([k]) => k !== 'Authorization'))
  return getAuthorization(
    { pathname: url.pathname, method: req.method, query: Object.fromEntries(req.query), headers },
    'ACS3-HMAC-SHA256',
    createHash('sha256').update(req.body).digest('hex'),
    KEYS.accessKeyId,
    KEYS.accessKeySecret
  )
}

// What the action sends: ROA paths of letters and digits, ASCII parameter names. The official code
// takes the query as an object (one value a key) and does not encode keys, so keys are kept unique
// and plain; values and bodies may be anything.
const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/)
const requests: fc.Arbitrary<Req> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  path: fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => `/${s.join('/')}`),
  query: fc.uniqueArray(fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/), fc.string({ unit: 'grapheme', maxLength: 20 })), { selector: ([k]) => k, maxLength: 4 }),
  body: fc.oneof(
    fc.constant(''),
    fc.json().map((j) => j),
    fc.json().map((j) => `params=${encodeURIComponent(j)}`)
  ),
  contentType: fc.option(fc.constantFrom('application/json', 'application/x-www-form-urlencoded'), { nil: undefined }),
  securityToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{8,40}$/), { nil: undefined })
})

const authorization = (req: Req) => ours(req).sent['Authorization']!

describe('signAcs3 against the official Alibaba libraries', () => {
  it('matches @alicloud/openapi-core on generated requests', () => {
    fc.assert(fc.property(requests, (req) => authorization(req) === oracle(req)), { numRuns: 500 })
  })

  it('matches @alicloud/openapi-util too (our paths hold none of the characters it replaces only once)', () => {
    fc.assert(fc.property(requests, (req) => authorization(req) === oracle(req, util.getAuthorization)), { numRuns: 200 })
  })

  it('signs what the devops API client sends: a form start with a security token', () => {
    const req: Req = {
      method: 'POST',
      path: '/organizations/5ebbc0228123212b59a0c0de/pipelines/4100/run',
      query: [],
      body: `params=${encodeURIComponent(JSON.stringify({ envs: { TAG: '1.4.2 ✓' }, comment: '部署 [gha-1]' }))}`,
      contentType: 'application/x-www-form-urlencoded',
      securityToken: 'CAIS-sts-token'
    }
    const auth = authorization(req)
    expect(auth).toBe(oracle(req))
    expect(auth).toMatch(/^ACS3-HMAC-SHA256 Credential=LTAI5tOracleKey,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}$/)
  })

  it('changes with the body, a signed header, a query value, the path and the secret', () => {
    const base: Req = { method: 'GET', path: '/organization/o/pipelines/1/pipelineRuns', query: [['maxResults', '10']], body: '' }
    const variants = [
      { ...base, body: 'x' },
      { ...base, contentType: 'application/json' },
      { ...base, query: [['maxResults', '11']] as [string, string][] },
      { ...base, path: '/organization/o/pipelines/2/pipelineRuns' }
    ]
    const signatures = new Set([base, ...variants].map(authorization))
    expect(signatures.size).toBe(variants.length + 1)
    const { url } = ours(base)
    const other = signAcs3({ method: 'GET', url, headers: {}, body: '', action: 'A', version: 'v' }, { ...KEYS, accessKeySecret: 'other' }, NOW, 'n')
    expect(other['Authorization']).not.toBe(signAcs3({ method: 'GET', url, headers: {}, body: '', action: 'A', version: 'v' }, KEYS, NOW, 'n')['Authorization'])
  })

  it('refuses headers it sets itself', () => {
    const url = new URL('https://devops.cn-hangzhou.aliyuncs.com/x')
    expect(() => signAcs3({ method: 'GET', url, headers: { 'X-Acs-Date': 'x' }, body: '', action: 'A', version: 'v' }, KEYS, NOW, 'n')).toThrow(/sets the X-Acs-Date header itself/)
  })
})

describe('the simulated Alibaba gateway', () => {
  const arrival = (req: Req) => {
    const { url, sent } = ours(req)
    const headers = Object.fromEntries(Object.entries({ ...sent, host: url.host }).map(([k, v]) => [k.toLowerCase(), v]))
    return { method: req.method, target: `${url.pathname}${url.search}`, headers, body: Buffer.from(req.body) }
  }
  const secretOf = (id: string) => (id === KEYS.accessKeyId ? KEYS.accessKeySecret : undefined)

  it('accepts requests signed as the official code signs them, each nonce once', () => {
    fc.assert(fc.property(requests, (req) => verifyAcs3(arrival(req), secretOf, new Set(), NOW.getTime()).ok), { numRuns: 200 })
    const nonces = new Set<string>()
    const req: Req = { method: 'GET', path: '/a', query: [], body: '' }
    expect(verifyAcs3(arrival(req), secretOf, nonces, NOW.getTime()).ok).toBe(true)
    expect(verifyAcs3(arrival(req), secretOf, nonces, NOW.getTime())).toMatchObject({ ok: false, code: 'SignatureNonceUsed' })
  })

  it('refuses a tampered request', () => {
    const good = arrival({ method: 'GET', path: '/a/b', query: [['k', 'v']], body: '' })
    expect(verifyAcs3({ ...good, target: '/a/b?k=w' }, secretOf, new Set(), NOW.getTime())).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' })
    expect(verifyAcs3({ ...good, body: Buffer.from('x') }, secretOf, new Set(), NOW.getTime())).toMatchObject({ ok: false, code: 'InvalidContentSha256' })
    expect(verifyAcs3(good, () => 'wrong', new Set(), NOW.getTime())).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' })
  })
})
