// What Alibaba's gateway does with an ACS3-HMAC-SHA256 request: rebuild the canonical request from
// what arrived and compare signatures. Written from the published algorithm (docs/yunxiao.md, "Signing"),
// independently of the action's signer. A nonce may be used once.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

export interface SignedArrival {
  method: string
  /** Path and query as sent. */
  target: string
  headers: IncomingHttpHeaders
  body: Buffer
}

export type AcsVerdict = { ok: true; accessKeyId: string } | { ok: false; code: string; message: string }

const MAX_SKEW_MS = 15 * 60_000

export function verifyAcs3(
  req: SignedArrival,
  secretOf: (id: string) => string | undefined,
  usedNonces: Set<string>,
  now: number
): AcsVerdict {
  const match = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/.exec(
    String(req.headers['authorization'] ?? '')
  )
  if (!match) return { ok: false, code: 'IncompleteSignature', message: 'The request signature does not conform to Aliyun standards.' }
  const [, accessKeyId, signedList, signature] = match as unknown as [string, string, string, string]
  const secret = secretOf(accessKeyId)
  if (secret === undefined) return { ok: false, code: 'InvalidAccessKeyId.NotFound', message: 'Specified access key is not found.' }

  const date = Date.parse(String(req.headers['x-acs-date'] ?? ''))
  if (Number.isNaN(date) || Math.abs(date - now) > MAX_SKEW_MS)
    return { ok: false, code: 'InvalidTimeStamp.Expired', message: 'Specified time stamp or date value is expired.' }
  const nonce = String(req.headers['x-acs-signature-nonce'] ?? '')
  if (nonce === '') return { ok: false, code: 'MissingSignatureNonce', message: 'SignatureNonce is mandatory for this action.' }
  if (usedNonces.has(nonce)) return { ok: false, code: 'SignatureNonceUsed', message: 'Specified signature nonce was used already.' }

  const bodyHash = createHash('sha256').update(req.body).digest('hex')
  if (req.headers['x-acs-content-sha256'] !== bodyHash)
    return { ok: false, code: 'InvalidContentSha256', message: 'x-acs-content-sha256 does not match the body.' }

  const signed = signedList.split(';')
  for (const required of ['host', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256']) {
    if (!signed.includes(required)) return { ok: false, code: 'IncompleteSignature', message: `${required} must be signed.` }
  }
  const [rawPath = '/', rawQuery = ''] = req.target.split('?', 2)
  const path = rawPath.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~')
  const query = rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((p) => p.split('=', 2).map((x) => decodeURIComponent((x ?? '').replace(/\+/g, ' '))) as [string, string?])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v = '']) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join('&')
  const headerLines = signed.map((name) => `${name}:${String(req.headers[name] ?? '').trim()}\n`).join('')
  const canonical = [req.method.toUpperCase(), path, query, headerLines, signed.join(';'), bodyHash].join('\n')
  const expected = createHmac('sha256', secret)
    .update(`ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`)
    .digest()
  const given = Buffer.from(signature, 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      ok: false,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided.'
    }
  }
  usedNonces.add(nonce)
  return { ok: true, accessKeyId }
}

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
