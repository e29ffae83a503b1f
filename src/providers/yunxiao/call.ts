// How Yunxiao (and Alibaba Cloud's gateway) says it refuses the credentials, and what to check then.
// Requests go through the shared channel (net/channel.ts); this is what is particular to Alibaba.

import type { YunxiaoAuth, YunxiaoConnection } from '../../config/settings.js'
import type { BodyError } from '../../net/answer.js'
import { type Channel, openChannel, openSigningChannel } from '../../net/channel.js'
import type { HttpClient } from '../../net/http.js'

// Alibaba Cloud's gateway codes for a signature or key it does not accept.
const REFUSED_CODES =
  /^(InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|SignatureNonceUsed|InvalidTimeStamp|Unauthorized)/

export function refusesCredentials(status: number, error: BodyError | undefined): boolean {
  return status === 401 || REFUSED_CODES.test(error?.code ?? '')
}

const REFUSAL_HINTS: Record<YunxiaoAuth['kind'], string> = {
  token:
    "Check 'token': a personal access token expires, is shown only once when created, and needs the Flow permissions (pipelines and " +
    'pipeline runs, read and run) ' +
    "in the organization of 'organization-id'",
  aksk:
    "Check 'access-key' and 'secret-key': the likely causes are a wrong or rotated secret, a key of another account, a disabled key, " +
    "a temporary key without its 'security-token' or past its expiry, or a runner clock more than 15 minutes off. Nothing more was sent " +
    'with this key'
}

/** What to do about the service's own errors that mean an input points at the wrong thing (docs/yunxiao.md, "Errors"). */
function errorHint(conn: Pick<YunxiaoConnection, 'organizationId'>): (error: BodyError) => string | undefined {
  const org = conn.organizationId !== undefined ? ` (${conn.organizationId})` : ''
  return (error) => {
    if (/^InvalidOrganization\.NotFound$/.test(error.code)) {
      return (
        `Check 'organization-id'${org}: it is the ID in the address of the organization's pages, ` +
        'devops.aliyun.com/organization/<ID>, and the token or key must belong to a member of it'
      )
    }
    if (/^InvalidPipeline\.NotFound$/.test(error.code)) {
      return (
        "Check 'pipeline-ids': the pipeline must be in the organization of 'organization-id' (its ID is in " +
        'flow.aliyun.com/pipelines/<ID>)'
      )
    }
    if (/^Forbidden\.UserNotInCurrentOrganization$/.test(error.code)) {
      return (
        "The user of the credentials is not a member of the organization of 'organization-id'; add the user, or use the ID of " +
        'its own organization'
      )
    }
    return undefined
  }
}

/** The channel for one way of signing in to Yunxiao: an access key two requests at a time; a token is never renewed. */
export function alibabaChannel(http: HttpClient, conn: Pick<YunxiaoConnection, 'auth' | 'organizationId'>): Channel {
  const rules = { refusesCredentials, refusalHint: REFUSAL_HINTS[conn.auth.kind], hint: errorHint(conn) }
  return conn.auth.kind === 'aksk' ? openSigningChannel(http, rules) : openChannel(http, rules, 8, true)
}
