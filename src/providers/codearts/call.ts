// Sends a request to a Huawei Cloud API (CodeArts or IAM) and reads the answer: data, or a
// RemoteError with the service's own code and message (remote-answer.ts reads every error shape).

import { CredentialGuard } from '../../net/guard.js'
import { CredentialsRefusedError, MalformedResponseError } from '../../errors.js'
import type { HttpClient, HttpRequest, HttpResponse } from '../../net/http.js'
import { arr } from '../../net/json.js'
import { errorInBody, readAnswer, refusalJudge, type AnswerRules, type BodyError } from '../../net/answer.js'
import type { Authorize } from '../../net/http.js'
import type { CodeArtsAuth } from '../../action/settings.js'

/** Signs or authenticates each request; see auth.ts for one per way of signing in. */
export interface Authenticator {
  authorize: Authorize
  /** After the service refused the credentials: get fresh ones. True when the request may be tried again. */
  renew(): Promise<boolean>
}

/** How requests reach Huawei Cloud: one HTTP client and one credential guard for the whole step. */
export interface Channel {
  http: HttpClient
  guard: CredentialGuard
  rules: AnswerRules
}

export interface CallResult {
  status: number
  headers: Record<string, string>
  body: unknown
  /** The error the body carried, when the caller chose to tolerate it. */
  error?: BodyError
}

export interface CallOptions {
  /** Error codes the caller handles itself (a queued start arrives as an "error"). */
  tolerate?: readonly string[]
}

/** Is this the gateway refusing our credentials (a bad signature, an expired or foreign token)? */
export function refusesCredentials(status: number, error: BodyError | undefined): boolean {
  return status === 401 || /^APIGW?\.0301$/.test(error?.code ?? '')
}

// What to check when Huawei Cloud refuses the credentials, by way of signing in.
const REFUSAL_HINTS: Record<CodeArtsAuth['kind'], string> = {
  aksk:
    "Check 'access-key' and 'secret-key': the likely causes are a wrong or rotated secret key, a key of another account, a deleted or disabled key, " +
    "a temporary key without its 'security-token' or past its expiry, or a runner clock more than 15 minutes off. Nothing more was sent with this key: " +
    'Huawei Cloud locks an access key for 5 minutes after 5 refused signatures in a row',
  token:
    "Check 'token': an IAM token lasts 24 hours, is scoped to one region (it must be the region of 'region'), and works only for a user with CodeArts Pipeline permissions",
  password:
    "Check 'username', 'password' and 'domain' (the account name, not the user name): the likely causes are a wrong or changed password, a user of another account, " +
    'or login protection on the user. Nothing more was sent: IAM locks a user after repeated wrong passwords'
}

/** The channel for one way of signing in: its answer rules and its credential guard. */
export function openChannel(http: HttpClient, kind: CodeArtsAuth['kind']): Channel {
  const rules: AnswerRules = { refusesCredentials, refusalHint: REFUSAL_HINTS[kind] }
  // A signing key cannot be renewed, so the guard judges each answer before the next request leaves;
  // a token may have expired and be renewed, so there the caller judges after trying that.
  const guard = new CredentialGuard(kind === 'aksk' ? { limit: 2, judge: refusalJudge(rules) } : { limit: 8 })
  return { http, rules, guard }
}

export async function call(channel: Channel, req: HttpRequest, auth: Authenticator | undefined, options: CallOptions = {}): Promise<CallResult> {
  const jsonReq = { ...req, expectJson: true }
  const send = (): Promise<HttpResponse> => channel.http.send(jsonReq, auth?.authorize, channel.guard)
  let response = await send()
  // An IAM token can expire during a long wait; with a password we can get a new one. Only once,
  // and never for AK/SK (the guard has already stopped everything after a refused signature).
  if (auth && refusesCredentials(response.status, errorInBody(response.json)) && (await auth.renew())) response = await send()
  try {
    const answer = readAnswer(req.action, response, { ...channel.rules, ...(options.tolerate && { tolerate: options.tolerate }) })
    return { status: response.status, headers: response.headers, body: answer.json, ...(answer.tolerated && { error: answer.tolerated }) }
  } catch (error) {
    if (error instanceof CredentialsRefusedError) channel.guard.refuse(error)
    throw error
  }
}

/** `arr` for a body that must be an array; a clear error otherwise. */
export function expectArray(action: string, body: unknown): unknown[] {
  if (!Array.isArray(body)) throw new MalformedResponseError(action, 'expected a JSON array')
  return arr(body)
}
