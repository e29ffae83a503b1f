// What an answer from either cloud means: data, or an error in one of the many shapes both clouds
// use, whatever the HTTP status says (docs/remote-values.md, "Errors"). One reading for both
// providers, so that a shape learnt from one is recognised in the other.

import { CredentialsRefusedError, RemoteError } from '../errors.js'
import { type HttpResponse, snippet } from './http.js'
import { isObject, obj, str } from './json.js'

export interface BodyError {
  code: string
  message: string
}

// A code that says "no error": the 2021 Yunxiao API documents `"errorCode": "\"\""` beside success.
const NO_CODE = /^(|""|null|0|OK|SUCCESS)$/i

/**
 * The error a body carries, if any:
 * - `{success: false, …}` always (with whatever code and message it gives);
 * - `{error_code, error_msg}` (Huawei gateway and services), `{errorCode, errorMsg | errorMessage}`
 *   (Yunxiao, and some Huawei services), `{Code, Message}` (Alibaba's gateway);
 * - `{error: {code, message}}` (Huawei; IAM puts the HTTP status in `code` and the name in `title`).
 * A body that says `success: true` carries none, whatever else it holds.
 */
export function errorInBody(body: unknown): BodyError | undefined {
  if (!isObject(body) || body['success'] === true) return undefined
  const nested = obj(body['error'])
  const nestedCode = typeof nested['code'] === 'number' ? str(nested['title']) || str(nested['code']) : str(nested['code'])
  const codes = [body['error_code'], body['errorCode'], body['Code'], nestedCode].map(str).filter((c) => !NO_CODE.test(c.trim()))
  const unsuccessful = body['success'] === false
  if (codes.length === 0 && !unsuccessful) return undefined
  const code = codes[0] ?? (str(body['code']) || 'Unsuccessful')
  const message =
    [
      body['error_msg'],
      body['errorMsg'],
      body['errorMessage'],
      body['errorDescription'],
      body['Message'],
      nested['message'],
      body['message']
    ]
      .map(str)
      .find((m) => m.trim() !== '' && !NO_CODE.test(m.trim())) ?? '(no message)'
  return { code, message }
}

/** How a provider reads its answers: which errors refuse our credentials, and what to say then. */
export interface AnswerRules {
  /** True when this answer refuses the credentials (not a permission or a missing resource). */
  refusesCredentials(status: number, error: BodyError | undefined): boolean
  /** What to check when the credentials are refused: names the inputs and the likely causes. */
  refusalHint: string
  /** What to do about another error the service reports, when its code says which input is wrong. */
  hint?: (error: BodyError) => string | undefined
  /** Codes the caller handles itself (a queued CodeArts start arrives as an "error"). */
  tolerate?: readonly string[]
}

export interface Answer {
  json: unknown
  /** The error the body carried, when the caller chose to tolerate it. */
  tolerated?: BodyError
}

const REDIRECT_HINT =
  "A redirect here usually means a wrong 'endpoint' (another host or path), or a proxy or sign-in page answering in place of the " +
  "service; set 'endpoint' to the API's own URL"

/** The data of an answer, or the RemoteError it means. Redirects are never followed: they are errors. */
export function readAnswer(action: string, response: HttpResponse, rules: AnswerRules): Answer {
  const requestId = response.headers['x-request-id'] ?? response.headers['x-acs-request-id']
  const id = requestId ? { requestId } : {}
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers['location']
    throw new RemoteError(
      action,
      response.status,
      `HTTP.${response.status}`,
      location ? `redirected to ${location}` : 'a redirect without a Location',
      {
        ...id,
        hint: REDIRECT_HINT
      }
    )
  }
  const error = errorInBody(response.json)
  if (response.status < 400 && error === undefined) return { json: response.json ?? {} }
  // A code the caller handles itself counts whatever the status (a queued CodeArts start has come with 2xx and 4xx).
  if (error && rules.tolerate?.includes(error.code)) return { json: response.json ?? {}, tolerated: error }
  const code = error?.code ?? `HTTP.${response.status}`
  // An error page from a proxy or gateway is HTML; its text is all there is to show.
  const message = error?.message ?? (snippet(response.body) || 'no error message in the response')
  if (rules.refusesCredentials(response.status, error)) {
    throw new CredentialsRefusedError(action, response.status, code, message, rules.refusalHint, requestId)
  }
  const hint = error && rules.hint?.(error)
  throw new RemoteError(action, response.status, code, message, { ...id, ...(hint && { hint }) })
}

/** For a CredentialGuard: the refusal an answer means, judged by the provider's rules. */
export function refusalJudge(rules: AnswerRules): (action: string, response: HttpResponse) => CredentialsRefusedError | undefined {
  return (action, response) => {
    if (!rules.refusesCredentials(response.status, errorInBody(response.json))) return undefined
    try {
      readAnswer(action, response, rules)
    } catch (error) {
      if (error instanceof CredentialsRefusedError) return error
    }
    return undefined
  }
}
