// How each Yunxiao request is authenticated: a personal access token in a header (the current
// API), or an ACS3-HMAC-SHA256 signature (the 2021 API), made afresh for every attempt.

import { randomUUID } from 'node:crypto'
import type { Authorize } from '../../net/http.js'
import { type AlibabaKeys, signAcs3 } from './signer.js'

const DEVOPS_VERSION = '2021-06-25'

export function tokenAuth(token: string): Authorize {
  return () => ({ 'x-yunxiao-token': token })
}

/** Signs one operation of the 2021 API. Each attempt gets a fresh date and nonce: the gateway refuses a nonce it has seen. */
export function signedAuth(keys: AlibabaKeys, operation: string): Authorize {
  return (req) =>
    signAcs3(
      { method: req.method, url: req.url, headers: req.headers, body: req.body ?? '', action: operation, version: DEVOPS_VERSION },
      keys,
      new Date(),
      randomUUID()
    )
}
