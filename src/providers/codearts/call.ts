// How Huawei Cloud (CodeArts and IAM) says it refuses the credentials, and what to check then.
// Requests go through the shared channel (net/channel.ts); this is what is particular to Huawei.

import type { CodeArtsAuth } from '../../config/settings.js'
import type { BodyError } from '../../net/answer.js'
import { type Channel, openChannel, openSigningChannel } from '../../net/channel.js'
import type { Authorize, HttpClient } from '../../net/http.js'

/** Signs or authenticates each request; see auth.ts for one per way of signing in. */
export interface Authenticator {
  authorize: Authorize
  /**
   * After the service refused the credentials of a request sent at `sentAt`: get fresh ones. True
   * when the request may be tried again.
   */
  renew(sentAt: number): Promise<boolean>
}

/** Is this the gateway refusing our credentials (a bad signature, an expired or foreign token)? */
export function refusesCredentials(status: number, error: BodyError | undefined): boolean {
  return status === 401 || /^APIGW?\.0301$/.test(error?.code ?? '')
}

// What to check when Huawei Cloud refuses the credentials, by way of signing in.
const REFUSAL_HINTS: Record<CodeArtsAuth['kind'], string> = {
  aksk:
    "Check 'access-key' and 'secret-key': the likely causes are a wrong or rotated secret key, a key of another account, a deleted or " +
    'disabled key, ' +
    "a temporary key without its 'security-token' or past its expiry, or a runner clock more than 15 minutes off. Nothing more was sent " +
    'with this key: ' +
    'Huawei Cloud locks an access key for 5 minutes after 5 refused signatures in a row',
  token:
    "Check 'token': an IAM token lasts 24 hours, is scoped to one region (it must be the region of 'region'), and works only for a user " +
    'with CodeArts Pipeline permissions',
  password:
    "Check 'username', 'password' and 'domain' (the account name, not the user name): the likely causes are a wrong or changed password, " +
    'a user of another account, ' +
    'or login protection on the user. Nothing more was sent: IAM locks a user after repeated wrong passwords'
}

/** The channel for one way of signing in to Huawei Cloud: an access key two requests at a time; a token may be renewed. */
export function huaweiChannel(http: HttpClient, kind: CodeArtsAuth['kind']): Channel {
  const rules = { refusesCredentials, refusalHint: REFUSAL_HINTS[kind] }
  return kind === 'aksk' ? openSigningChannel(http, rules) : openChannel(http, rules, 8, false)
}
