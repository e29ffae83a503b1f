// What the API gateway does with an `SDK-HMAC-SHA256` request: rebuild the canonical request from
// what actually arrived, recompute the signature with the secret key it knows for the access key,
// and compare. Written from the published algorithm (docs/codearts.md, "Signing in"), independently of the
// action's signer, so that a mistake in one is not mirrored in the other.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

export interface ArrivedRequest {
  method: string
  /** The request target as sent: path and query, percent-encoded. */
  target: string
  headers: IncomingHttpHeaders
  body: Buffer
}

export type Verdict = { ok: true; accessKey: string } | { ok: false; accessKey?: string; reason: string }

const MAX_SKEW_MS = 15 * 60_000

export function verifySignature(req: ArrivedRequest, secretOf: (accessKey: string) => string | undefined, now: number): Verdict {
  const header = String(req.headers['authorization'] ?? '')
  const match = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]+)$/.exec(header)
  if (!match) return { ok: false, reason: 'Authorization header is not SDK-HMAC-SHA256' }
  const [, accessKey, signedList, signature] = match as unknown as [string, string, string, string]
  const secret = secretOf(accessKey)
  if (secret === undefined) return { ok: false, accessKey, reason: 'the access key does not exist' }

  const date = String(req.headers['x-sdk-date'] ?? '')
  const parsed = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date)
  if (!parsed) return { ok: false, accessKey, reason: 'X-Sdk-Date missing or malformed' }
  const [, y, mo, d, h, mi, s] = parsed.map(Number) as number[]
  if (Math.abs(Date.UTC(y!, mo! - 1, d, h, mi, s) - now) > MAX_SKEW_MS) return { ok: false, accessKey, reason: 'signature expired' }

  const signed = signedList.split(';')
  if (!signed.includes('x-sdk-date')) return { ok: false, accessKey, reason: 'x-sdk-date is not signed' }
  const headerLines = signed.map((name) => `${name}:${String(req.headers[name] ?? '').trim()}\n`).join('')

  const [rawPath = '/', rawQuery = ''] = req.target.split('?', 2)
  const canonicalPath = rawPath
    .split('/')
    .map((segment) => rfc3986(decodeURIComponent(segment)))
    .join('/')
  const pairs = rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const [k = '', v = ''] = p.split('=', 2)
      return [formDecode(k), formDecode(v)] as const
    })
    // Ordered by the decoded strings, so that the client's choice of escapes cannot change the order.
    .sort(([ak, av], [bk, bv]) => (ak === bk ? compare(av, bv) : compare(ak, bk)))
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
  const payloadHash =
    req.headers['x-sdk-content-sha256'] === 'UNSIGNED-PAYLOAD' ? 'UNSIGNED-PAYLOAD' : createHash('sha256').update(req.body).digest('hex')

  const canonical = [
    req.method.toUpperCase(),
    canonicalPath.endsWith('/') ? canonicalPath : `${canonicalPath}/`,
    pairs.map(([k, v]) => `${k}=${v}`).join('&'),
    headerLines,
    signed.join(';'),
    payloadHash
  ].join('\n')
  const toSign = `SDK-HMAC-SHA256\n${date}\n${createHash('sha256').update(canonical).digest('hex')}`
  const expected = createHmac('sha256', secret).update(toSign).digest()
  const given = Buffer.from(signature, 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, accessKey, reason: 'verify aksk signature fail' }
  }
  return { ok: true, accessKey }
}

function rfc3986(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const c = String.fromCharCode(byte)
      return /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
    })
    .join('')
}

function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '))
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
