// Huawei Cloud AK/SK request signing (`SDK-HMAC-SHA256`), written from the published algorithm
// (docs/codearts.md, "Signing in"). The gateway rebuilds the canonical request from what arrives, so every
// choice below is about producing the same bytes the gateway will produce, not about taste.

import { byCodeUnits, hmacSha256Hex, sha256Hex } from '../../net/hash.js'

/** An access key pair. */
export interface AccessKeyPair {
  accessKey: string
  secretKey: string
}

/** What the signature covers. `headers` are the headers to sign, names in any case, values sent exactly as given. */
export interface CanonicalInput {
  method: string
  /** The request path as the server will decode it, NOT percent-encoded (e.g. "/v5/abc/api/a b"). */
  path: string
  /** Decoded query pairs in wire order; repeated keys allowed. */
  query: ReadonlyArray<readonly [string, string]>
  headers: Readonly<Record<string, string>>
  body: string
}

const ALGORITHM = 'SDK-HMAC-SHA256'
const DATE_HEADER = 'x-sdk-date'
// When this header is sent the gateway takes its value (e.g. UNSIGNED-PAYLOAD) as the payload
// hash instead of hashing the body, so we must do the same.
const CONTENT_SHA256_HEADER = 'x-sdk-content-sha256'

/** `SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...` for the input, which must contain an x-sdk-date header. */
export function authorization(input: CanonicalInput, keys: AccessKeyPair): string {
  const headers = canonicalHeaders(input.headers)
  const date = headers.get(DATE_HEADER)
  if (date === undefined) throw new Error('Cannot sign a request without an X-Sdk-Date header.')
  const names = [...headers.keys()].sort(byCodeUnits)
  const signedHeaders = names.join(';')
  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalUri(input.path),
    canonicalQuery(input.query),
    names.map((name) => `${name}:${headers.get(name)}\n`).join(''),
    signedHeaders,
    headers.get(CONTENT_SHA256_HEADER) ?? sha256Hex(input.body)
  ].join('\n')
  const stringToSign = `${ALGORITHM}\n${date}\n${sha256Hex(canonicalRequest)}`
  const signature = hmacSha256Hex(keys.secretKey, stringToSign)
  return `${ALGORITHM} Access=${keys.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`
}

/** Formats a Date as X-Sdk-Date: YYYYMMDDTHHMMSSZ (UTC). */
export function sdkDate(now: Date): string {
  // "2026-11-22T12:00:00.000Z" → "20261122T120000Z"
  return now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '')
}

/**
 * Signs a request about to be sent to `url`. Signs `host` (url.host), `x-sdk-date` and every header in `headers`.
 * Returns the headers to send: the given ones plus `X-Sdk-Date` and `Authorization`
 * (do not return `host`: the HTTP client sets it from the URL with the same value).
 */
export function signRequest(
  method: string,
  url: URL,
  headers: Readonly<Record<string, string>>,
  body: string,
  keys: AccessKeyPair,
  now: Date
): Record<string, string> {
  for (const name of Object.keys(headers)) {
    // A caller's copy would either be signed with a different value than the one sent or be sent twice.
    if (RESERVED.has(name.toLowerCase())) throw new Error(`signRequest sets the ${name} header itself; do not pass it.`)
  }
  const sent = { ...headers, 'X-Sdk-Date': sdkDate(now) }
  const auth = authorization(
    { method, path: decodePath(url.pathname), query: [...url.searchParams], headers: { ...sent, host: url.host }, body },
    keys
  )
  return { ...sent, Authorization: auth }
}

const RESERVED = new Set(['host', DATE_HEADER, 'authorization'])

function canonicalHeaders(headers: Readonly<Record<string, string>>): Map<string, string> {
  const byName = new Map<string, string>()
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    // Two spellings of one name would reach the server as one header with an unknown value.
    if (byName.has(lower)) throw new Error(`Header ${name} is given twice (names are case-insensitive).`)
    // HTTP drops surrounding blanks and cannot carry line breaks, so the gateway would see another value.
    if (/^[ \t]|[ \t]$|[\r\n]/.test(value))
      throw new Error(`Header ${name} has surrounding blanks or a line break; it cannot be sent as signed.`)
    byName.set(lower, value)
  }
  return byName
}

function canonicalUri(path: string): string {
  const encoded = path.split('/').map(uriEncode).join('/')
  // The gateway's canonical form always ends in '/', whether or not the request path does.
  return encoded.endsWith('/') ? encoded : `${encoded}/`
}

function canonicalQuery(query: ReadonlyArray<readonly [string, string]>): string {
  // Sorting whole pairs orders by key and, within a repeated key, by value; both compare the
  // decoded strings, as the SDKs do, so the wire encoding of the query cannot change the order.
  return [...query]
    .sort(([ak, av], [bk, bv]) => byCodeUnits(ak, bk) || byCodeUnits(av, bv))
    .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
    .join('&')
}

// RFC 3986 unreserved characters: A-Z a-z 0-9 - . _ ~
const UNRESERVED = /^[A-Za-z0-9\-._~]$/
const ENCODED_BYTE: readonly string[] = Array.from({ length: 256 }, (_, byte) => {
  const char = String.fromCharCode(byte)
  return UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
})

// Stricter than encodeURIComponent, which leaves !'()* alone; the gateway escapes them.
function uriEncode(text: string): string {
  let out = ''
  for (const byte of Buffer.from(text, 'utf8')) out += ENCODED_BYTE[byte]
  return out
}

// The gateway canonicalises the decoded path, so the wire's choice of escapes must not matter.
// Runs of escapes are decoded together because one character can span several bytes; a '%' not
// followed by two hex digits is not an escape and stays literal (decodeURIComponent would throw).
function decodePath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) =>
      segment.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
        try {
          return decodeURIComponent(run)
        } catch {
          throw new Error(`Cannot sign the path ${pathname}: ${run} is not UTF-8.`)
        }
      })
    )
    .join('/')
}
