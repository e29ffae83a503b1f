import { createRequire } from 'node:module'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AlibabaKeys, signAcs3 } from '../../src/providers/yunxiao/signer.ts'
import { verifyAcs3 } from '../simulator/acs3-verify.ts'

// ---- The official implementations (CommonJS; docs/yunxiao.md, "Signing") -------------------------------

interface OracleRequest {
  pathname?: string
  method?: string
  query?: Record<string, string>
  headers?: Record<string, string>
}
interface OpenApiUtil {
  getAuthorization(request: OracleRequest, algorithm: string, payloadHash: string, accessKeyId: string, secret: string): string
  hash(raw: Buffer, algorithm: string): Buffer
}
interface OpenApiUtilV1 extends OpenApiUtil {
  /** RFC 3986 escaping, as the canonical query uses it. */
  getEncodeParam(param: string): string
}

const require = createRequire(import.meta.url)
const core = (require('@alicloud/openapi-core') as { OpenApiUtil: OpenApiUtil }).OpenApiUtil
const util = (require('@alicloud/openapi-util') as { default: OpenApiUtilV1 }).default
// How the generated devops client encodes a path parameter, from openapi-core's own dependency tree.
const { URL: DaraUrl } = createRequire(require.resolve('@alicloud/openapi-core'))('@darabonba/typescript') as {
  URL: { percentEncode(raw: string): string }
}

const ALGORITHM = 'ACS3-HMAC-SHA256'
const HOST = 'devops.cn-hangzhou.aliyuncs.com'
const VERSION = '2021-06-25'
const NOW = new Date(Date.UTC(2026, 10, 22, 12, 0, 0, 789))
const DATE = '2026-11-22T12:00:00Z'
const NONCE = '6f1c2a9e-0b7d-4c55-9a3e-2d8f41b07c11'
const USER_AGENT = 'AlibabaCloud (linux; x64) Node.js/v24.19.0 Core/1.0.8 TeaDSL/2'

/** A request as the action would make it. */
interface Req {
  method: string
  action: string
  /** The path as it goes into the URL: parameters already encoded one way or another. */
  path: string
  /** Decoded query pairs in wire order, keys unique. */
  query: Array<[string, string]>
  /** Whether the query reaches the URL through URLSearchParams (spaces as +) or percent-encoded. */
  searchParams: boolean
  body: string
  contentType?: string
  /** Further caller headers, x-acs-* ones among them. */
  extra: Record<string, string>
  keys: AlibabaKeys
}

function urlOf(req: Req): URL {
  const url = new URL(`https://${HOST}${req.path}`)
  if (req.searchParams) for (const [k, v] of req.query) url.searchParams.append(k, v)
  else url.search = req.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
  return url
}

function sign(req: Req): Record<string, string> {
  const headers = {
    accept: 'application/json',
    'user-agent': USER_AGENT,
    ...req.extra,
    ...(req.contentType && { 'content-type': req.contentType })
  }
  return signAcs3(
    { method: req.method, url: urlOf(req), headers, body: req.body, action: req.action, version: VERSION },
    req.keys,
    NOW,
    NONCE
  )
}

const authorization = (req: Req): string => sign(req)['Authorization']!

/** The headers openapi-core's doRequest sets for this request, built here from the request alone. */
function sdkHeaders(req: Req): Record<string, string> {
  const { accessKeyId, securityToken } = req.keys
  return {
    host: urlOf(req).host,
    'x-acs-version': VERSION,
    'x-acs-action': req.action,
    'user-agent': USER_AGENT,
    'x-acs-date': DATE,
    'x-acs-signature-nonce': NONCE,
    accept: 'application/json',
    ...req.extra,
    ...(req.contentType && { 'content-type': req.contentType }),
    'x-acs-content-sha256': core.hash(Buffer.from(req.body, 'utf8'), ALGORITHM).toString('hex'),
    ...(securityToken !== undefined && { 'x-acs-accesskey-id': accessKeyId, 'x-acs-security-token': securityToken })
  }
}

function oracle(req: Req, lib: OpenApiUtil = core): string {
  const headers = sdkHeaders(req)
  // openapi-core signs query keys as given (the SDK's never need escaping), so it gets them escaped.
  const query = Object.fromEntries(req.query.map(([k, v]) => [util.getEncodeParam(k), v]))
  return lib.getAuthorization(
    { pathname: urlOf(req).pathname, method: req.method, query, headers },
    ALGORITHM,
    headers['x-acs-content-sha256']!,
    req.keys.accessKeyId,
    req.keys.accessKeySecret
  )
}

// ---- Generated requests ---------------------------------------------------------------------------

const OPERATIONS = [
  { action: 'GetPipelineRun', template: '/organization/{org}/pipelines/{pipeline}/pipelineRuns/{run}' },
  { action: 'ListPipelineRuns', template: '/organization/{org}/pipelines/{pipeline}/pipelineRuns' },
  { action: 'LogPipelineJobRun', template: '/organization/{org}/pipeline/{pipeline}/pipelineRun/{run}/job/{job}/logs' },
  { action: 'StopPipelineRun', template: '/organization/{org}/pipelines/{pipeline}/pipelineRuns/{run}/stop' },
  { action: 'StartPipelineRun', template: '/organizations/{org}/pipelines/{pipeline}/run' }
] as const

// Characters that URL encoders treat differently, and the three spellings the canonical URI rewrites.
const RESERVED = [...` !"#$%&'()*+,/:;<=>?@[\\]^\`{|}~`, '%7E', '%7e', 'é', '中', '😀', 'ü']
const reserved = (maxLength: number) => fc.string({ unit: fc.constantFrom(...RESERVED), minLength: 1, maxLength })
const unicode = (maxLength: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength })

const id = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,24}$/) },
  { weight: 1, arbitrary: unicode(8) },
  { weight: 1, arbitrary: reserved(8) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('+', '*', '~', '%7E', 'a'), minLength: 1, maxLength: 6 }) }
)
// The SDK's encoder, a plain encodeURIComponent, or the value as it is (what the URL parser then
// escapes) when that cannot change the path's structure.
const encodedId = fc
  .tuple(id, fc.constantFrom('sdk', 'component', 'raw', 'raw'))
  .map(([value, how]) =>
    how === 'sdk' ? DaraUrl.percentEncode(value) : how === 'raw' && !/[/?#\\]/.test(value) ? value : encodeURIComponent(value)
  )
const path = fc
  .tuple(fc.constantFrom(...OPERATIONS), fc.array(encodedId, { minLength: 4, maxLength: 4 }))
  .map(([op, [org, pipeline, run, job]]) => ({
    action: op.action,
    path: op.template.replace('{org}', org!).replace('{pipeline}', pipeline!).replace('{run}', run!).replace('{job}', job!)
  }))

// openapi-core is given keys escaped (see `oracle`) and sorts them so; signAcs3 sorts them decoded, as the
// SDK does. The orders differ only around keys that need escaping, so each gets a first letter of its own.
const plainKey = fc.stringMatching(/^[a-m][A-Za-z0-9._~-]{0,10}$/)
const oddKey = fc.tuple(fc.constantFrom(...'nopqrstuvwxyz'), fc.oneof(unicode(6), reserved(6))).map(([letter, rest]) => `${letter}${rest}`)
const value = fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), unicode(12), reserved(12))
const queries = fc
  .tuple(
    fc.uniqueArray(fc.tuple(plainKey, value), { selector: ([k]) => k, maxLength: 4 }),
    fc.uniqueArray(fc.tuple(oddKey, value), { selector: ([k]) => k[0], maxLength: 3 })
  )
  .chain(([plain, odd]) => fc.shuffledSubarray([...plain, ...odd], { minLength: plain.length + odd.length }))

const bodies = fc.oneof(
  fc.constant({ body: '' }),
  fc.json({ stringUnit: 'grapheme' }).map((json) => ({ body: json, contentType: 'application/json; charset=utf-8' })),
  // StartPipelineRun: params=<the JSON, URL-encoded>.
  fc
    .json({ stringUnit: 'grapheme' })
    .map((json) => ({ body: `params=${encodeURIComponent(json)}`, contentType: 'application/x-www-form-urlencoded' }))
)

const extras = fc.dictionary(
  fc.constantFrom('x-acs-caller-tag', 'X-Acs-Request-Source', 'X-ACS-TRACE', 'x-request-id'),
  fc.stringMatching(/^[\x20-\x7E]{0,24}$/),
  {
    maxKeys: 2,
    noNullPrototype: true
  }
)

const keys: fc.Arbitrary<AlibabaKeys> = fc
  .record({
    accessKeyId: fc.stringMatching(/^LTAI[A-Za-z0-9]{12,20}$/),
    accessKeySecret: unicode(30),
    securityToken: fc.option(fc.stringMatching(/^CAIS[A-Za-z0-9+/=]{12,60}$/), { nil: undefined, freq: 2 })
  })
  .map(({ securityToken, ...pair }) => (securityToken === undefined ? pair : { ...pair, securityToken }))

const requests: fc.Arbitrary<Req> = fc
  .record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
    path,
    query: queries,
    searchParams: fc.boolean(),
    body: bodies,
    extra: extras,
    keys
  })
  .map(({ path: { action, path: p }, body, ...rest }) => ({ ...rest, action, path: p, ...body }))

// openapi-util rewrites only the first `+`, `*` and `%7E` of the path (String.replace with a string).
const oneOfEachAtMost = (pathname: string) => ['+', '*', '%7E'].every((s) => pathname.split(s).length <= 2)

// ---- Tests ----------------------------------------------------------------------------------------

describe('the official libraries', () => {
  it('reproduce the published vector (openapi-util test suite)', () => {
    // signAcs3 cannot express it (no method, no path, two spellings of x-acs-test, which it refuses), so only the oracles.
    const request: OracleRequest = { query: { test: 'ok', empty: '' }, headers: { 'x-acs-TEST': 'https', 'x-acs-test': 'http' } }
    const payloadHash = '55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23'
    const expected =
      'ACS3-HMAC-SHA256 ' +
      'Credential=acesskey,SignedHeaders=x-acs-test,Signature=0f2d549523cf082c83bb8135b5863614f7fe16ca7c2c7fc537e74d67374eeeac'
    expect(core.getAuthorization(request, ALGORITHM, payloadHash, 'acesskey', 'secret')).toBe(expected)
    expect(util.getAuthorization(request, ALGORITHM, payloadHash, 'acesskey', 'secret')).toBe(expected)
    const empty =
      'ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=,Signature=608b887e491f3e88e85276b188a4d24e29230a559464685ccbf2dcc458e1fde8'
    expect(core.getAuthorization({}, ALGORITHM, payloadHash, 'acesskey', 'secret')).toBe(empty)
  })

  it('disagree on a path with two of the characters the canonical URI rewrites', () => {
    const req: Req = {
      method: 'GET',
      action: 'GetPipelineRun',
      path: '/organization/a+b+c/pipelines/x*y*z/pipelineRuns/%7E%7E',
      query: [],
      searchParams: true,
      body: '',
      extra: {},
      keys: { accessKeyId: 'LTAIexample', accessKeySecret: 's' }
    }
    expect(oracle(req, util)).not.toBe(oracle(req, core))
    expect(authorization(req)).toBe(oracle(req, core))
  })
})

describe('signAcs3 against the official libraries', () => {
  it('sends the headers the SDK sends and signs them as openapi-core does, on generated requests', () => {
    let withUtil = 0
    fc.assert(
      fc.property(requests, (req) => {
        const { Authorization, ...sent } = sign(req)
        const { host: _host, ...expected } = sdkHeaders(req)
        expect(sent).toEqual(expected)
        expect(Authorization).toBe(oracle(req))
        if (oneOfEachAtMost(urlOf(req).pathname)) {
          expect(Authorization).toBe(oracle(req, util))
          withUtil++
        }
      }),
      { numRuns: 500 }
    )
    expect(withUtil).toBeGreaterThan(300)
  })

  it('signs a form start with a temporary key as the devops client does', () => {
    const req: Req = {
      method: 'POST',
      action: 'StartPipelineRun',
      path: '/organizations/5ebbc0228123212b59a0c0de/pipelines/4100/run',
      query: [],
      searchParams: true,
      body: `params=${encodeURIComponent(JSON.stringify({ envs: { TAG: '1.4.2 ✓' }, comment: '部署 [gha-1]' }))}`,
      contentType: 'application/x-www-form-urlencoded',
      extra: {},
      keys: { accessKeyId: 'LTAI5tExampleKey', accessKeySecret: 'example/secret+Key=1', securityToken: 'CAIS-sts-token' }
    }
    const auth = authorization(req)
    expect(auth).toBe(oracle(req))
    expect(auth).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAI5tExampleKey,SignedHeaders=content-type;host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}$/
    )
  })
})

describe('signAcs3', () => {
  const base: Req = {
    method: 'GET',
    action: 'ListPipelineRuns',
    path: '/organization/o1/pipelines/41/pipelineRuns',
    query: [['maxResults', '10']],
    searchParams: true,
    body: '',
    contentType: 'application/json',
    extra: { 'x-acs-caller-tag': 'gha' },
    keys: { accessKeyId: 'LTAI5tExampleKey', accessKeySecret: 'secret' }
  }

  it('changes the signature with the body, a signed header, a query value, the path and the secret', () => {
    const variants: Req[] = [
      { ...base, body: '{}' },
      { ...base, contentType: 'application/x-www-form-urlencoded' },
      { ...base, extra: { 'x-acs-caller-tag': 'gha2' } },
      { ...base, query: [['maxResults', '11']] },
      { ...base, path: '/organization/o1/pipelines/42/pipelineRuns' },
      { ...base, keys: { ...base.keys, accessKeySecret: 'secreT' } }
    ]
    const signatures = new Set([base, ...variants].map(authorization))
    expect(signatures.size).toBe(variants.length + 1)
    // An unsigned header is not covered, and HTTP clients send standard methods upper-case.
    expect(authorization({ ...base, extra: { ...base.extra, 'x-request-id': '7' } })).toBe(authorization(base))
    expect(authorization({ ...base, method: 'get' })).toBe(authorization(base))
  })

  it('refuses headers it sets itself, and headers or queries it cannot sign as they will arrive', () => {
    const url = new URL(`https://${HOST}/a`)
    const attempt =
      (headers: Record<string, string>, target = url) =>
      () =>
        signAcs3({ method: 'GET', url: target, headers, body: '', action: 'A', version: VERSION }, base.keys, NOW, NONCE)
    for (const name of [
      'Host',
      'authorization',
      'X-Acs-Date',
      'x-acs-signature-nonce',
      'x-acs-content-sha256',
      'x-acs-version',
      'x-acs-action',
      'x-acs-security-token',
      'x-acs-accesskey-id'
    ]) {
      expect(attempt({ [name]: 'x' })).toThrow(`signAcs3 sets the ${name} header itself`)
    }
    expect(attempt({ 'x-acs-TEST': 'https', 'x-acs-test': 'http' })).toThrow(/given twice/)
    expect(attempt({ 'content-type': 'text/plain\r\nx-acs-evil: 1' })).toThrow(/printable ASCII/)
    expect(attempt({ 'x-acs-note': 'café' })).toThrow(/printable ASCII/)
    expect(attempt({ 'user-agent': 'café' })).not.toThrow()
    expect(attempt({}, new URL(`https://${HOST}/a?k=1&k=2`))).toThrow(/k is given twice/)
  })
})

describe('the simulated Alibaba gateway', () => {
  const arrival = (req: Req) => {
    const url = urlOf(req)
    const headers = Object.fromEntries(Object.entries({ ...sign(req), host: url.host }).map(([k, v]) => [k.toLowerCase(), v.trim()]))
    return { method: req.method, target: `${url.pathname}${url.search}`, headers, body: Buffer.from(req.body) }
  }

  it('accepts what signAcs3 signs, each nonce once, and refuses a tampered request', () => {
    fc.assert(
      fc.property(requests, (req) => {
        const secretOf = (id: string) => (id === req.keys.accessKeyId ? req.keys.accessKeySecret : undefined)
        expect(verifyAcs3(arrival(req), secretOf, new Set(), NOW.getTime())).toMatchObject({ ok: true })
      }),
      { numRuns: 100 }
    )
    const secretOf = (id: string) => (id === base().keys.accessKeyId ? 'secret' : undefined)
    // Sorted by the decoded key: the escaped keys would sort a%3A before a0 and %C3%A9 before z.
    const unordered = arrival({
      ...base(),
      query: [
        ['z', '1'],
        ['é', '2'],
        ['a0', '3'],
        ['a:', '4']
      ]
    })
    expect(verifyAcs3(unordered, secretOf, new Set(), NOW.getTime())).toMatchObject({ ok: true })
    const nonces = new Set<string>()
    const good = arrival(base())
    expect(verifyAcs3(good, secretOf, nonces, NOW.getTime()).ok).toBe(true)
    expect(verifyAcs3(good, secretOf, nonces, NOW.getTime())).toMatchObject({ ok: false, code: 'SignatureNonceUsed' })
    expect(verifyAcs3({ ...good, target: '/a/b?k=w' }, secretOf, new Set(), NOW.getTime())).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch'
    })
    expect(verifyAcs3({ ...good, body: Buffer.from('x') }, secretOf, new Set(), NOW.getTime())).toMatchObject({
      ok: false,
      code: 'InvalidContentSha256'
    })
    expect(verifyAcs3(good, () => 'wrong', new Set(), NOW.getTime())).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' })
  })

  function base(): Req {
    return {
      method: 'GET',
      action: 'GetPipelineRun',
      path: '/a/b',
      query: [['k', 'v']],
      searchParams: true,
      body: '',
      extra: {},
      keys: { accessKeyId: 'LTAIsim', accessKeySecret: 'secret' }
    }
  }
})
