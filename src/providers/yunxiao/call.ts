// Sends a request to a Yunxiao API and turns every kind of error answer into a RemoteError.

import { RemoteError } from '../../errors.js'
import { snippet, type Authorize, type HttpClient, type HttpRequest } from '../../http.js'
import { isObject, str } from '../../json.js'

/**
 * The current API reports errors with an HTTP status and `{errorCode, errorMessage}`; the 2021 API
 * also answers `{success: false, errorCode, errorMessage}`, and Alibaba's gateway `{Code, Message}`.
 * All are looked for, whatever the status.
 */
export function yunxiaoErrorOf(body: unknown): { code: string; message: string } | undefined {
  // The 2021 API's documented success example carries `"errorCode": "\"\""` beside `success: true`.
  if (!isObject(body) || body['success'] === true) return undefined
  const code = str(body['errorCode']) || str(body['Code']) || (typeof body['code'] === 'string' ? body['code'] : '')
  const message = str(body['errorMessage']) || str(body['errorDescription']) || str(body['Message']) || str(body['message'])
  if (code === '' && body['success'] !== false) return undefined
  return { code: code || 'Unsuccessful', message: message || '(no message)' }
}

export async function callYunxiao(http: HttpClient, req: HttpRequest, authorize: Authorize): Promise<unknown> {
  const response = await http.send({ ...req, expectJson: true }, authorize)
  const error = yunxiaoErrorOf(response.json)
  if (response.status >= 400 || error !== undefined) {
    throw new RemoteError(
      req.action,
      response.status,
      error?.code ?? `HTTP.${response.status}`,
      error?.message ?? (snippet(response.body) || 'no error message in the response'),
      response.headers['x-request-id'] ?? response.headers['x-acs-request-id']
    )
  }
  return response.json
}
