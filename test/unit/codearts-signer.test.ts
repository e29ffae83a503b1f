import { createHash, createHmac } from 'node:crypto'
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AccessKeyPair, authorization, sdkDate, signRequest } from '../../src/providers/codearts/signer.ts'

// ---- The official Node SDK signer (CommonJS, deep imports; docs/codearts.md, "Signing in") -------------------

interface OracleRequest {
  endpoint: string
  method: string
  queryParams: Record<string, string | string[]>
  headers: Record<string, string>
  data?: unknown
}
interface OracleCredentials {
  withAk(ak: string): OracleCredentials
  withSk(sk: string): OracleCredentials
}
type OracleSigner = (new () => object) & {
  sign(request: OracleRequest, credentials: OracleCredentials): Record<string, string>
  CanonicalURI(path: string): string
}

const require = createRequire(import.meta.url)
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as { AKSKSigner: OracleSigner }
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials') as {
  BasicCredentials: new () => OracleCredentials
}
// The SDK's own date formatting, from the SDK's own dependency tree.
const moment = createRequire(require.resolve('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner'))('moment') as (d: Date) => {
  utcOffset(offset: number): { format(pattern: string): string }
}

interface Req {
  method: string
  host: string
  /** Decoded path segments, without the leading empty one. */
  segments: string[]
  /** Decoded query pairs in wire order. */
  query: Array<[string, string]>
  headers: Record<string, string>
  /** JSON body as a value; undefined = no body. */
  body?: unknown
}

const KEYS: AccessKeyPair = { accessKey: 'HPUAEXAMPLEACCESSKEY', secretKey: 'sEcReT/Key+ü1234567890abcdefghij' }
const DATE = '20261122T120000Z'
const NOW = new Date(Date.UTC(2026, 10, 22, 12, 0, 0))
const JSON_CT = { 'Content-Type': 'application/json' }

function oracleHeaders(req: Req, keys: AccessKeyPair = KEYS, signer: OracleSigner = AKSKSigner): Record<string, string> {
  const queryParams: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>
  for (const [k, v] of req.query) {
    const seen = queryParams[k]
    queryParams[k] = seen === undefined ? v : Array.isArray(seen) ? [...seen, v] : [seen, v]
  }
  const request: OracleRequest = {
    // The oracle encodes the path it finds in the endpoint, so it gets the decoded path.
    endpoint: `https://${req.host}/${req.segments.join('/')}`,
    method: req.method,
    queryParams,
    headers: { ...req.headers, 'X-Sdk-Date': DATE },
    // The oracle hashes JSON.stringify(data): a string would gain quotes, so it gets the value.
    ...(req.body === undefined ? {} : { data: req.body })
  }
  return signer.sign(request, new BasicCredentials().withAk(keys.accessKey).withSk(keys.secretKey))
}

/** The oracle, except that its own CanonicalURI gets the decoded path instead of what url.parse left of it. */
function oracleForDecodedPath(req: Req): Record<string, string> {
  const path = `/${req.segments.join('/')}`
  class DecodedPathSigner extends AKSKSigner {
    static override CanonicalURI(): string {
      return AKSKSigner.CanonicalURI(path)
    }
  }
  return oracleHeaders(req, KEYS, DecodedPathSigner)
}

type WireStyle = { path: 'upper' | 'lower'; query: 'form' | 'uri' }

function toUrl(req: Req, style: WireStyle = { path: 'upper', query: 'form' }): URL {
  const url = new URL(`https://${req.host}`)
  url.pathname =
    '/' +
    req.segments
      .map((s) => encodeURIComponent(s))
      .map((s) => (style.path === 'lower' ? s.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()) : s))
      .join('/')
  if (style.query === 'form') {
    for (const [k, v] of req.query) url.searchParams.append(k, v)
  } else {
    url.search = req.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
  }
  return url
}

function ours(req: Req, style?: WireStyle, keys: AccessKeyPair = KEYS): Record<string, string> {
  const body = req.body === undefined ? '' : JSON.stringify(req.body)
  return signRequest(req.method, toUrl(req, style), req.headers, body, keys, NOW)
}

// ---- Generators --------------------------------------------------------------------------------

const ascii = (chars: string) => fc.constantFrom(...chars)
const HOSTS = [
  'cloudpipeline-ext.cn-north-4.myhuaweicloud.com',
  'iam.ap-southeast-1.myhuaweicloud.com',
  '127.0.0.1:8443',
  'codearts.example.com:9000'
]

// Path characters: unreserved, reserved sub-delims, '%', and any Unicode code point.
const anyPathChar = fc.oneof(
  ascii('abcxyzABCXYZ0189-._~'),
  ascii(":@!$&'()*+,;=% "),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c !== '/')
)
// Exactly the characters url.parse escapes, trims or cuts at in the oracle; its encoder then escapes the '%' again (' ' → %2520).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters url.parse changes
const URL_PARSE_ALTERED = /[\u0000-\u0020"'<>\\^`{|}#?\u00a0\ufeff]/
const segment = (char: fc.Arbitrary<string>) =>
  fc.string({ unit: char, minLength: 1, maxLength: 10 }).filter((s) => s !== '.' && s !== '..') // URL would resolve these
const pathArb = (char: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.array(segment(char), { minLength: 1, maxLength: 6 }),
    // A CodeArts-shaped path with one odd segment.
    segment(char).map((odd) => ['v5', '0a1b2c3d4e5f', 'api', 'pipelines', odd, 'pipeline-runs', 'detail'])
  )

const queryArb = fc.array(
  fc.tuple(
    fc.oneof(ascii('ab'), fc.constantFrom('pipeline_run_id', 'limit', 'ü', '空 键'), fc.string({ unit: 'binary', maxLength: 8 })),
    fc.oneof(fc.constant(''), fc.constantFrom('a', 'b', "it's (1+1)=2 & more"), fc.string({ unit: 'binary', maxLength: 12 }))
  ),
  { maxLength: 7 }
)

const headerValue = fc.stringMatching(/^[!-~](?:[ -~]{0,30}[!-~])?$/)
const headersArb = fc
  .record(
    {
      project: fc.tuple(fc.constantFrom('X-Project-Id', 'x-project-id'), fc.stringMatching(/^[0-9a-f]{32}$/)),
      token: fc.tuple(fc.constantFrom('X-Security-Token', 'x-security-token'), fc.stringMatching(/^[A-Za-z0-9+/=_-]{1,200}$/)),
      contentType: fc.tuple(
        fc.constantFrom('Content-Type', 'content-type'),
        fc.constantFrom('application/json', 'application/json;charset=UTF-8', 'text/plain')
      ),
      // No '_' in names: the oracle orders SignedHeaders by code unit but the header lines by localeCompare, which put '_' elsewhere.
      custom: fc.array(fc.tuple(fc.stringMatching(/^[Xx]-[A-Za-z0-9][A-Za-z0-9-]{0,12}$/), headerValue), { maxLength: 3 })
    },
    { requiredKeys: ['custom'] }
  )
  .map(({ project, token, contentType, custom }) => {
    const headers: Record<string, string> = {}
    const seen = new Set<string>()
    for (const [name, value] of [project, token, contentType, ...custom].filter((h) => h !== undefined)) {
      // x-sdk-* are the signer's own headers (X-Sdk-Date is refused, X-Sdk-Content-Sha256 replaces the body hash).
      if (seen.has(name.toLowerCase()) || /^x-sdk-/i.test(name)) continue
      seen.add(name.toLowerCase())
      headers[name] = value
    }
    return headers
  })

const jsonLeaf = fc.jsonValue({ stringUnit: 'binary', maxDepth: 2 })
// Objects or arrays only: the oracle hashes an empty body for a falsy `data` such as 0 or "".
const bodyArb = fc.option(
  fc.oneof(fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), jsonLeaf, { maxKeys: 5 }), fc.array(jsonLeaf, { maxLength: 5 })),
  {
    nil: undefined
  }
)

const requestArb = (char: fc.Arbitrary<string>): fc.Arbitrary<Req> =>
  fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
    host: fc.constantFrom(...HOSTS),
    segments: pathArb(char),
    query: queryArb,
    headers: headersArb,
    body: bodyArb
  })

const styleArb: fc.Arbitrary<WireStyle> = fc.record({ path: fc.constantFrom('upper', 'lower'), query: fc.constantFrom('form', 'uri') })

// ---- Tests -------------------------------------------------------------------------------------

describe('authorization() against the published Go SDK vectors', () => {
  const goKeys = { accessKey: 'AccessKey', secretKey: 'SecretKey' }
  const goDate = { 'X-Sdk-Date': '20060102T150405Z' }
  const expected = (signature: string) => `SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=${signature}`

  it('signs GET /path?limit=1 with an empty body', () => {
    const auth = authorization({ method: 'GET', path: '/path', query: [['limit', '1']], headers: goDate, body: '' }, goKeys)
    expect(auth).toBe(expected('5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624'))
  })

  it('signs POST /path?key=value with the body Go encodes (trailing newline included)', () => {
    const body = '{"Name":"test","Id":1}\n'
    const auth = authorization({ method: 'POST', path: '/path', query: [['key', 'value']], headers: goDate, body }, goKeys)
    expect(auth).toBe(expected('cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59'))
  })

  it('builds the Go canonical query string (sorted keys, sorted repeated values, RFC 3986 escapes)', () => {
    const goQuery = 'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29'
    const canonical = [
      'GET',
      '/path/',
      goQuery,
      'x-sdk-date:20060102T150405Z\n',
      'x-sdk-date',
      createHash('sha256').update('').digest('hex')
    ].join('\n')
    const toSign = `SDK-HMAC-SHA256\n20060102T150405Z\n${createHash('sha256').update(canonical).digest('hex')}`
    const signature = createHmac('sha256', 'SecretKey').update(toSign).digest('hex')
    const query: Array<[string, string]> = [
      ['test', '一 (&=?!#%.*)'],
      ['multi', '3'],
      ['limit', '1'],
      ['multi', '1'],
      ['path', '/tmp/123'],
      ['enable', 'true'],
      ['multi', '2']
    ]
    expect(authorization({ method: 'GET', path: '/path', query, headers: goDate, body: '' }, goKeys)).toBe(expected(signature))
  })
})

describe('sdkDate', () => {
  it('formats UTC as YYYYMMDDTHHMMSSZ', () => {
    expect(sdkDate(NOW)).toBe(DATE)
    expect(sdkDate(new Date('2006-01-02T15:04:05.999Z'))).toBe('20060102T150405Z')
    expect(sdkDate(new Date('2027-03-04T05:06:07+08:00'))).toBe('20270303T210607Z')
  })

  it('agrees with the SDK formatting', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        expect(sdkDate(d)).toBe(`${moment(d).utcOffset(0).format('YYYYMMDDTHHmmss')}Z`)
      }),
      { numRuns: 200 }
    )
  })
})

describe('signRequest() against the official Node SDK signer', () => {
  it('matches the oracle on generated requests', () => {
    const pathChar = anyPathChar.filter((c) => !URL_PARSE_ALTERED.test(c))
    fc.assert(
      fc.property(requestArb(pathChar), styleArb, (req, style) => {
        expect(ours(req, style)['Authorization']).toBe(oracleHeaders(req)['Authorization'])
      }),
      { numRuns: 400 }
    )
  })

  it('matches the oracle on paths with spaces, quotes and every other character, given the decoded path', () => {
    fc.assert(
      fc.property(requestArb(anyPathChar), styleArb, (req, style) => {
        expect(ours(req, style)['Authorization']).toBe(oracleForDecodedPath(req)['Authorization'])
      }),
      { numRuns: 300 }
    )
  })

  const runPost: Req = {
    method: 'POST',
    host: 'cloudpipeline-ext.cn-north-4.myhuaweicloud.com',
    segments: ['v5', '6d4c1a8e2f0b4a5c9e7d3b1a0f2e4c6d', 'api', 'pipelines', 'b8f6e2a4c0d94e1f8a7b6c5d4e3f2a1b', 'run'],
    query: [],
    headers: { ...JSON_CT, 'X-Project-Id': '0e1d2c3b4a5968778695a4b3c2d1e0f9' },
    body: {
      sources: [
        {
          type: 'code',
          params: {
            git_type: 'github',
            git_url: 'https://github.com/acme/app.git',
            build_params: { build_type: 'branch', target_branch: 'main' }
          }
        }
      ],
      description: 'Déclenché depuis GitHub — 从 GitHub 触发 ✓ 🚀',
      variables: [{ name: 'GREETING', value: 'grüß dich "quoted" \\ back' }]
    }
  }
  const detailGet: Req = {
    method: 'GET',
    host: 'cloudpipeline-ext.cn-north-4.myhuaweicloud.com',
    segments: ['v5', '6d4c1a8e2f0b4a5c9e7d3b1a0f2e4c6d', 'api', 'pipelines', 'b8f6e2a4c0d94e1f8a7b6c5d4e3f2a1b', 'pipeline-runs', 'detail'],
    query: [['pipeline_run_id', '9a8b7c6d5e4f30211203f4e5d6c7b8a9']],
    headers: { ...JSON_CT, 'X-Project-Id': '0e1d2c3b4a5968778695a4b3c2d1e0f9' },
    body: undefined
  }
  const withSecurityToken: Req = {
    ...detailGet,
    method: 'POST',
    segments: ['v5', '6d4c1a8e2f0b4a5c9e7d3b1a0f2e4c6d', 'api', 'pipelines', 'list'],
    query: [],
    headers: { ...detailGet.headers, 'X-Security-Token': 'gQpjbi1ub3J0aC00jB3Wk4xUFdtT0lLeW5SaVp0aW1lc3RhbXA9MTY5Nz' },
    body: { offset: 0, limit: 10, sort_key: 'name' }
  }

  it.each([
    ['a CodeArts run POST with a unicode body', runPost, 'content-type;host;x-project-id;x-sdk-date'],
    ['a run-detail GET with pipeline_run_id', detailGet, 'content-type;host;x-project-id;x-sdk-date'],
    ['a request with X-Security-Token', withSecurityToken, 'content-type;host;x-project-id;x-sdk-date;x-security-token']
  ])('matches the oracle on %s', (_name, req, signed) => {
    const sent = ours(req)
    expect(sent['Authorization']).toContain(`SignedHeaders=${signed}, `)
    expect(sent['Authorization']).toBe(oracleHeaders(req)['Authorization'])
  })

  it('matches the oracle when the payload is declared unsigned', () => {
    const req: Req = { ...runPost, headers: { ...runPost.headers, 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' } }
    expect(ours(req)['Authorization']).toBe(oracleHeaders(req)['Authorization'])
  })

  it('returns the given headers plus X-Sdk-Date and Authorization, without host', () => {
    const sent = ours(runPost)
    expect(Object.keys(sent).sort()).toEqual(['Authorization', 'Content-Type', 'X-Project-Id', 'X-Sdk-Date'])
    expect(sent['X-Sdk-Date']).toBe(DATE)
    expect(sent['Content-Type']).toBe('application/json')
    expect(sent['Authorization']).toMatch(/^SDK-HMAC-SHA256 Access=HPUAEXAMPLEACCESSKEY, SignedHeaders=[a-z;-]+, Signature=[0-9a-f]{64}$/)
  })

  it('signs the decoded path, whatever escapes the URL uses', () => {
    const sign = (href: string) => signRequest('GET', new URL(href), {}, '', KEYS, NOW)['Authorization']
    const base = sign("https://h.example.com/v5/a%20b/it's/%C3%BC/100%25?q=x%20y")
    expect(sign('https://h.example.com/v5/a b/it%27s/ü/100%25?q=x+y')).toBe(base)
    expect(sign('https://h.example.com/v5/a%20b/it%27s/%c3%bc/100%25?q=x%20y')).toBe(base)
    expect(sign('https://h.example.com/v5/a%20b/it%27s/%c3%bc/100%?q=x%20y')).toBe(base)
  })

  it('refuses what it cannot sign faithfully', () => {
    const url = new URL('https://h.example.com/v5/x')
    expect(() => signRequest('GET', url, { Host: 'other.example.com' }, '', KEYS, NOW)).toThrow(/Host/)
    expect(() => signRequest('GET', url, { 'x-sdk-date': DATE }, '', KEYS, NOW)).toThrow(/x-sdk-date/)
    expect(() => signRequest('GET', url, { 'X-A': '1', 'x-a': '2' }, '', KEYS, NOW)).toThrow(/twice/)
    expect(() => signRequest('GET', new URL('https://h.example.com/%FF'), {}, '', KEYS, NOW)).toThrow(/UTF-8/)
    expect(() => signRequest('GET', url, { 'X-Project-Id': ' p' }, '', KEYS, NOW)).toThrow(/X-Project-Id/)
    expect(() => signRequest('GET', url, { 'X-Security-Token': 't\n' }, '', KEYS, NOW)).toThrow(/X-Security-Token/)
    expect(() => authorization({ method: 'GET', path: '/', query: [], headers: {}, body: '' }, KEYS)).toThrow(/X-Sdk-Date/)
  })
})

describe('the signature depends on what it covers', () => {
  const base: Req = {
    method: 'POST',
    host: 'cloudpipeline-ext.cn-north-4.myhuaweicloud.com',
    segments: ['v5', 'p', 'api', 'pipelines', 'x', 'pipeline-runs', 'detail'],
    query: [['pipeline_run_id', 'r1']],
    headers: { ...JSON_CT, 'X-Project-Id': 'proj' },
    body: { name: 'a' }
  }
  const sig = (req: Req, keys: AccessKeyPair = KEYS) => ours(req, undefined, keys)['Authorization']!.replace(/.*Signature=/, '')

  it.each<[string, Req | AccessKeyPair]>([
    ['body', { ...base, body: { name: 'b' } }],
    ['header value', { ...base, headers: { ...base.headers, 'X-Project-Id': 'proj2' } }],
    ['query value', { ...base, query: [['pipeline_run_id', 'r2']] }],
    ['path', { ...base, segments: [...base.segments.slice(0, -1), 'detail2'] }],
    ['method', { ...base, method: 'PUT' }],
    ['host', { ...base, host: 'cloudpipeline-ext.cn-south-1.myhuaweicloud.com' }],
    ['secret key', { ...KEYS, secretKey: `${KEYS.secretKey}x` }]
  ])('a changed %s changes the signature', (_what, change) => {
    const changed = 'secretKey' in change ? sig(base, change) : sig(change)
    expect(changed).toMatch(/^[0-9a-f]{64}$/)
    expect(changed).not.toBe(sig(base))
  })

  it('the oracle, too, changes its signature for a changed body, query value or secret key', () => {
    const oracleSig = (req: Req, keys?: AccessKeyPair) => oracleHeaders(req, keys)['Authorization']
    expect(oracleSig({ ...base, body: { name: 'b' } })).not.toBe(oracleSig(base))
    expect(oracleSig({ ...base, query: [['pipeline_run_id', 'r2']] })).not.toBe(oracleSig(base))
    expect(oracleSig(base, { ...KEYS, secretKey: 'other' })).not.toBe(oracleSig(base))
  })
})
