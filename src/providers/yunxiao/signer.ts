// Alibaba Cloud ACS3-HMAC-SHA256 request signing (the "V3" signature), the default of the official SDK
// for the `devops` 2021-06-25 ROA API, written from the published algorithm (docs/yunxiao.md, "Signing").
// The gateway rebuilds the canonical request from what arrives, so every choice below is about
// producing the bytes it will produce; where the SDK has a quirk, we follow the SDK (openapi-core),
// because what it sends is what the gateway is known to accept.

import { byCodeUnits, hmacSha256Hex, sha256Hex } from '../../net/hash.js'

/** An access key pair, with the token when it is temporary (STS). */
export interface AlibabaKeys {
  accessKeyId: string
  accessKeySecret: string
  securityToken?: string
}

const ALGORITHM = 'ACS3-HMAC-SHA256'
const SIGNED_PREFIX = 'x-acs-'

// Headers this module sets. A caller's copy would either be signed with a value other than the
// one sent or be sent twice.
const OWN_HEADERS = new Set([
  'host',
  'authorization',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
  'x-acs-version',
  'x-acs-action',
  'x-acs-accesskey-id',
  'x-acs-security-token'
])

/**
 * Signs a request to an Alibaba Cloud ROA API. Returns every header to send: the given ones plus
 * x-acs-date, x-acs-signature-nonce, x-acs-content-sha256, x-acs-version, x-acs-action, with a
 * security token also x-acs-accesskey-id and x-acs-security-token (as the SDK sends them), and
 * Authorization. `host` is signed (url.host) but not returned: the HTTP client sets it from the URL.
 * `headers` are sent as given and, when named x-acs-* or content-type, signed.
 * The nonce must differ for every request, retries included: the gateway refuses one it has seen.
 */
export function signAcs3(
  request: { method: string; url: URL; headers: Readonly<Record<string, string>>; body: string; action: string; version: string },
  keys: AlibabaKeys,
  now: Date,
  nonce: string
): Record<string, string> {
  for (const name of Object.keys(request.headers)) {
    if (OWN_HEADERS.has(name.toLowerCase())) throw new Error(`signAcs3 sets the ${name} header itself; do not pass it.`)
  }
  const payloadHash = sha256Hex(request.body)
  const sent: Record<string, string> = {
    ...request.headers,
    'x-acs-action': request.action,
    'x-acs-version': request.version,
    'x-acs-date': acsDate(now),
    'x-acs-signature-nonce': nonce,
    'x-acs-content-sha256': payloadHash
  }
  // The SDK sends the key id alongside a temporary token, so we do too; it takes "" as no token.
  if (keys.securityToken !== undefined && keys.securityToken !== '') {
    sent['x-acs-accesskey-id'] = keys.accessKeyId
    sent['x-acs-security-token'] = keys.securityToken
  }
  const signed = signedHeaders({ ...sent, host: request.url.host })
  const names = [...signed.keys()].sort(byCodeUnits)
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(request.url.pathname),
    canonicalQuery(request.url.searchParams),
    names.map((name) => `${name}:${signed.get(name)}\n`).join(''),
    names.join(';'),
    payloadHash
  ].join('\n')
  const signature = hmacSha256Hex(keys.accessKeySecret, `${ALGORITHM}\n${sha256Hex(canonicalRequest)}`)
  return { ...sent, Authorization: `${ALGORITHM} Credential=${keys.accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}` }
}

/** x-acs-date: ISO 8601 UTC to the second, e.g. 2026-11-22T12:00:00Z. */
function acsDate(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z')
}

/** Lower-case name → trimmed value, for host, content-type and every x-acs-* header. */
function signedHeaders(headers: Readonly<Record<string, string>>): Map<string, string> {
  const signed = new Map<string, string>()
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    if (lower !== 'host' && lower !== 'content-type' && !lower.startsWith(SIGNED_PREFIX)) continue
    // The SDK would sign both spellings as "a,b" (values sorted), but an HTTP client merges them
    // into one header in its own order and separator, so the gateway would see another value.
    if (signed.has(lower)) throw new Error(`Header ${name} is given twice (names are case-insensitive).`)
    // Outside printable ASCII, the SDK's trim, HTTP's whitespace stripping and the gateway's own
    // trim disagree about what the value is, and a line break cannot be sent at all.
    if (!/^[\t\x20-\x7E]*$/.test(value)) throw new Error(`Header ${name} is signed, so its value must be printable ASCII.`)
    signed.set(lower, value.trim())
  }
  return signed
}

// The path is signed as sent (already percent-encoded), with the three spellings the SDK
// normalises, every occurrence (openapi-util's older copy replaced only the first).
function canonicalUri(pathname: string): string {
  return pathname.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~')
}

function canonicalQuery(params: URLSearchParams): string {
  const pairs = [...params]
  const keys = new Set<string>()
  for (const [key] of pairs) {
    // The SDK takes the query as an object, one value per key, and never sends a key twice, so
    // there is no known canonical form to match; signing only the last value would be rejected.
    if (keys.has(key)) throw new Error(`Query parameter ${key} is given twice; it cannot be signed as the SDK signs.`)
    keys.add(key)
  }
  // Sorted by the decoded key, as the SDK sorts its query object, so the wire encoding cannot change
  // the order. Keys are escaped as the published algorithm says; openapi-core leaves them as they
  // are, which is the same thing for the plain names the API uses. An empty value gives "key=".
  return pairs
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`)
    .join('&')
}

// encodeURIComponent leaves !'()* alone; RFC 3986 (and the gateway) escape them.
function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
