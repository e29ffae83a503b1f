// How a provider's requests reach its service: the one HTTP client, the credential guard, and the
// provider's rules for reading answers. Both providers send every request through `call`, so they
// differ only in what their services differ in: how a request is signed, and what a refusal looks like.

import { CredentialsRefusedError, UnconfirmedKeyError } from '../errors.js'
import { type AnswerRules, type BodyError, errorInBody, readAnswer, refusalJudge } from './answer.js'
import { CredentialGuard } from './guard.js'
import type { Authorize, HttpClient, HttpRequest, HttpResponse } from './http.js'

export interface Channel {
  http: HttpClient
  guard: CredentialGuard
  rules: AnswerRules
}

/**
 * A channel for one way of signing in. `limit`: requests in flight at once (two for a signing key,
 * whose refusals count towards a lockout). `judged`: the guard judges each answer before the next
 * request leaves; not where a refused token may be renewed, which the caller judges after trying.
 */
export function openChannel(http: HttpClient, rules: AnswerRules, limit: number, judged: boolean): Channel {
  const guard = new CredentialGuard({ limit, ...(judged && { judge: refusalJudge(rules) }) })
  return { http, rules, guard }
}

/**
 * A channel for a signing key: two requests at a time, each answer judged before the next leaves,
 * and, until one answer shows the key accepted, no more than two answers that could have hidden a
 * refusal (see CredentialGuard).
 */
export function openSigningChannel(http: HttpClient, rules: AnswerRules): Channel {
  const guard = new CredentialGuard({
    limit: 2,
    judge: refusalJudge(rules),
    doubts: {
      limit: 2,
      error: (action, seen) =>
        new UnconfirmedKeyError(
          action,
          `${seen.length} requests signed with this key got no answer that shows it was accepted (${seen.join(', ')}). A proxy or a ` +
            `dropped connection ` +
            `can hide a refused signature, and five refusals in a row lock a key, so nothing more is sent with it. ${rules.refusalHint}; ` +
            `then check ` +
            "the network path to the 'endpoint' and run the job again"
        )
    }
  })
  return { http, rules, guard }
}

export interface CallResult {
  status: number
  headers: Record<string, string>
  /** The answer's data (`{}` for an empty body). */
  body: unknown
  /** The error the body carried, when the caller chose to tolerate it. */
  error?: BodyError
}

export interface CallOptions {
  /** Error codes the caller handles itself (a queued CodeArts start arrives as an "error"). */
  tolerate?: readonly string[]
  /**
   * After the credentials were refused: get fresh ones; true when the request may be sent once more.
   * `sentAt`: when the refused request left (a token made since then is already fresh).
   */
  renew?: (sentAt: number) => Promise<boolean>
}

/** Sends a request and reads its answer: the data, or the RemoteError it means. */
export async function call(
  channel: Channel,
  req: HttpRequest,
  authorize: Authorize | undefined,
  options: CallOptions = {}
): Promise<CallResult> {
  const jsonReq = { ...req, expectJson: true }
  const send = (): Promise<HttpResponse> => channel.http.send(jsonReq, authorize, channel.guard)
  const sentAt = Date.now()
  let response = await send()
  // An IAM token can expire during a long wait; with a password a new one can be had. Only once.
  if (options.renew && channel.rules.refusesCredentials(response.status, errorInBody(response.json)) && (await options.renew(sentAt)))
    response = await send()
  try {
    const answer = readAnswer(req.action, response, { ...channel.rules, ...(options.tolerate && { tolerate: options.tolerate }) })
    return { status: response.status, headers: response.headers, body: answer.json, ...(answer.tolerated && { error: answer.tolerated }) }
  } catch (error) {
    if (error instanceof CredentialsRefusedError) channel.guard.refuse(error)
    throw error
  }
}
