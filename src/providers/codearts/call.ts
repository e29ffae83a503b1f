// Sends a request to a Huawei Cloud API (CodeArts or IAM) and turns every kind of error answer into
// a RemoteError carrying the service's own code and message.

import { MalformedResponseError, RemoteError } from '../../errors.js'
import { snippet, type HttpClient, type HttpRequest } from '../../http.js'
import { arr, isObject, obj, str } from '../../json.js'
import type { Authenticator } from './auth.js'

export interface HuaweiError {
  code: string
  message: string
}

export interface CallResult {
  status: number
  headers: Record<string, string>
  body: unknown
  /** The error the body carried, when the caller chose to tolerate it. */
  error?: HuaweiError
}

export interface CallOptions {
  /** Error codes the caller handles itself (a queued start arrives as an "error"). */
  tolerate?: readonly string[]
}

/**
 * Huawei services report errors as `{error_code, error_msg}` or `{error: {code, message}}`, and
 * sometimes with HTTP 200 (Huawei's own Terraform provider checks every 2xx body for them), so the
 * body is always inspected, whatever the status.
 */
export function huaweiErrorOf(body: unknown): HuaweiError | undefined {
  if (!isObject(body)) return undefined
  const nested = obj(body['error'])
  // IAM (Keystone style) puts the HTTP status in error.code and the name of the error in error.title.
  const nestedCode = typeof nested['code'] === 'number' ? str(nested['title']) || str(nested['code']) : str(nested['code'])
  const code = str(body['error_code']) || nestedCode
  if (code === '') return undefined
  const message = str(body['error_msg']) || str(nested['message']) || '(no message)'
  return { code, message }
}

/** Is this the gateway refusing our credentials? Such a request must not be repeated as is. */
export function isAuthFailure(status: number, error: HuaweiError | undefined): boolean {
  return status === 401 || status === 403 || /^APIGW?\.0301$/.test(error?.code ?? '')
}

export async function call(http: HttpClient, req: HttpRequest, auth: Authenticator | undefined, options: CallOptions = {}): Promise<CallResult> {
  const jsonReq = { ...req, expectJson: true }
  let response = await http.send(jsonReq, auth?.authorize)
  let error = huaweiErrorOf(response.json)
  // An IAM token can expire during a long wait; with a password we can get a new one. Only once,
  // and never for AK/SK: five bad signatures in a row lock the key for five minutes.
  if (auth && isAuthFailure(response.status, error) && (await auth.renew())) {
    response = await http.send(jsonReq, auth.authorize)
    error = huaweiErrorOf(response.json)
  }
  const failed = response.status >= 400 || error !== undefined
  if (failed && !(error && options.tolerate?.includes(error.code))) {
    throw new RemoteError(
      req.action,
      response.status,
      error?.code ?? `HTTP.${response.status}`,
      // An error page from a proxy or gateway is HTML; its text is all there is to show.
      error?.message ?? (snippet(response.body) || 'no error message in the response'),
      response.headers['x-request-id']
    )
  }
  return { status: response.status, headers: response.headers, body: response.json ?? {}, ...(error && { error }) }
}

/** `arr` for a body that must be an array; a clear error otherwise. */
export function expectArray(action: string, body: unknown): unknown[] {
  if (!Array.isArray(body)) throw new MalformedResponseError(action, 'expected a JSON array')
  return arr(body)
}
