// What both request signers (CodeArts SDK-HMAC-SHA256, Alibaba ACS3-HMAC-SHA256) are built from.

import { createHash, createHmac } from 'node:crypto'

/** Lower-case hex SHA-256 of the UTF-8 text. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** Lower-case hex HMAC-SHA256 of the UTF-8 text, keyed with the UTF-8 key. */
export function hmacSha256Hex(key: string, text: string): string {
  return createHmac('sha256', Buffer.from(key, 'utf8')).update(text, 'utf8').digest('hex')
}

/** Orders by UTF-16 code units, as both signature specs sort names and keys. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
