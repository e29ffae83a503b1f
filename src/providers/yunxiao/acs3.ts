// Alibaba Cloud ACS3-HMAC-SHA256 request signing, the default of the official SDK for the `devops`
// 2021-06-25 API, written from the published algorithm (yunxiao-api.md §5.3). The gateway rebuilds
// the canonical request from what arrives, so each choice below is about producing its bytes.

import { createHash, createHmac } from 'node:crypto'

export interface AlibabaKeys {
  accessKeyId: string
  accessKeySecret: string
  securityToken?: string
}

export interface Acs3Request {
  method: string
  url: URL
  /** Sent as given; signed when named x-acs-* or content-type. */
  headers: Readonly<Record<string, string>>
  body: string
  /** The operation, e.g. GetPipelineRun, and the API version, e.g. 2021-06-25. */
  action: string
  version: string
}

const ALGORITHM = 'ACS3-HMAC-SHA256'
const OWN_HEADERS = ['host', 'authorization', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256', 'x-acs-version', 'x-acs-action', 'x-acs-security-token']

/**
 * The headers to send: the given ones plus the x-acs-* headers and Authorization (not `host`: the
 * HTTP client sets it from the URL, with the value signed here). The nonce must never repeat: the
 * gateway refuses a request whose nonce it has seen, so a retry needs a new one.
 */
export function signAcs3(request: Acs3Request, keys: AlibabaKeys, now: Date, nonce: string): Record<string, string> {
  for (const name of Object.keys(request.headers)) {
    if (OWN_HEADERS.includes(name.toLowerCase())) throw new Error(`signAcs3 sets the ${name} header itself; do not pass it.`)
  }
  const payloadHash = sha256Hex(request.body)
  const headers: Record<string, string> = {
    ...request.headers,
    'x-acs-action': request.action,
    'x-acs-version': request.version,
    'x-acs-date': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': nonce,
    'x-acs-content-sha256': payloadHash,
    ...(keys.securityToken !== undefined && { 'x-acs-security-token': keys.securityToken })
  }
  const signed = new Map<string, string>([['host', request.url.host]])
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    if (lower.startsWith('x-acs-') || lower === 'content-type') signed.set(lower, value.trim())
  }
  const names = [...signed.keys()].sort()
  const canonical = [
    request.method.toUpperCase(),
    // The path as sent, with the three spellings the SDK normalises.
    request.url.pathname.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~'),
    canonicalQuery(request.url.searchParams),
    names.map((n) => `${n}:${signed.get(n)}\n`).join(''),
    names.join(';'),
    payloadHash
  ].join('\n')
  const signature = createHmac('sha256', keys.accessKeySecret).update(`${ALGORITHM}\n${sha256Hex(canonical)}`).digest('hex')
  return { ...headers, Authorization: `${ALGORITHM} Credential=${keys.accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}` }
}

function canonicalQuery(params: URLSearchParams): string {
  return [...params]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join('&')
}

// encodeURIComponent leaves !'()* alone; the gateway escapes them.
function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
