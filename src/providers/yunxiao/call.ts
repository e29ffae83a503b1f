// Sends a request to a Yunxiao API and reads the answer: data, or a RemoteError with the service's
// own code and message (remote-answer.ts reads every error shape, whatever the HTTP status).

import { CredentialGuard } from '../../net/guard.js'
import { CredentialsRefusedError } from '../../errors.js'
import type { Authorize, HttpClient, HttpRequest } from '../../net/http.js'
import { readAnswer, refusalJudge, type AnswerRules, type BodyError } from '../../net/answer.js'
import type { YunxiaoAuth } from '../../action/settings.js'

/** How requests reach Yunxiao: one HTTP client and one credential guard for the whole step. */
export interface Channel {
  http: HttpClient
  guard: CredentialGuard
  rules: AnswerRules
}

// Alibaba Cloud's gateway codes for a signature or key it does not accept.
const REFUSED_CODES = /^(InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|SignatureNonceUsed|InvalidTimeStamp|Unauthorized)/

export function refusesCredentials(status: number, error: BodyError | undefined): boolean {
  return status === 401 || REFUSED_CODES.test(error?.code ?? '')
}

const REFUSAL_HINTS: Record<YunxiaoAuth['kind'], string> = {
  token:
    "Check 'token': a personal access token expires, is shown only once when created, and needs the Flow permissions (pipelines and pipeline runs, read and run) " +
    "in the organization of 'organization-id'",
  aksk:
    "Check 'access-key' and 'secret-key': the likely causes are a wrong or rotated secret, a key of another account, a disabled key, " +
    "a temporary key without its 'security-token' or past its expiry, or a runner clock more than 15 minutes off. Nothing more was sent with this key"
}

export function openChannel(http: HttpClient, kind: YunxiaoAuth['kind']): Channel {
  const rules: AnswerRules = { refusesCredentials, refusalHint: REFUSAL_HINTS[kind] }
  // Signed requests: judged one by one before the next leaves (see CredentialGuard); a token is never renewed.
  const guard = new CredentialGuard(kind === 'aksk' ? { limit: 2, judge: refusalJudge(rules) } : { limit: 8, judge: refusalJudge(rules) })
  return { http, rules, guard }
}

export async function callYunxiao(channel: Channel, req: HttpRequest, authorize: Authorize): Promise<unknown> {
  const response = await channel.http.send({ ...req, expectJson: true }, authorize, channel.guard)
  try {
    return readAnswer(req.action, response, channel.rules).json
  } catch (error) {
    if (error instanceof CredentialsRefusedError) channel.guard.refuse(error)
    throw error
  }
}
