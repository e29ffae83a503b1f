// How Huawei Cloud (CodeArts and IAM) says it refuses the credentials, and what to check then.
// Requests go through the shared channel (net/channel.ts); this is what is particular to Huawei.

import type { CodeArtsConnection } from '../../config/settings.js'
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

/**
 * How to tell the two 32-character project IDs apart, said wherever one may have been given for the
 * other (docs/codearts.md, "Hosts and IDs").
 */
export const PROJECT_IDS =
  "'project-id' is the CodeArts project ID, the 32 characters after /project/ in the address of a pipeline's page in the CodeArts " +
  "console (…/cicd/project/<project-id>/pipeline/detail/<pipeline-id>); 'iam-project-id' is the IAM project ID of the region, " +
  'under My Credentials → API Credentials (leave it empty and the action looks it up)'

/** What the connection says about where requests go and how they are signed: the hints name it. */
type Where = Pick<CodeArtsConnection, 'region' | 'endpoint' | 'projectId' | 'auth'>

/** What to check when Huawei Cloud refuses the credentials, by way of signing in. */
function refusalHint(conn: Where): string {
  switch (conn.auth.kind) {
    case 'aksk': {
      const project =
        conn.auth.iamProjectId !== undefined
          ? `, an 'iam-project-id' that is not the IAM project ID of region ${conn.region} (a CodeArts project ID there is refused ` +
            'the same way)'
          : ''
      return (
        "Check 'access-key' and 'secret-key': the likely causes are a wrong or rotated secret key, a key of another account, a deleted " +
        "or disabled key, a temporary key without its 'security-token' or past its expiry, a runner clock more than 15 minutes off" +
        `${project}. Nothing more was sent with this key: Huawei Cloud locks an access key for 5 minutes after 5 refused signatures ` +
        'in a row'
      )
    }
    case 'token':
      return (
        `Check 'token': an IAM token lasts 24 hours, is scoped to one region (it must be a token of ${conn.region}), and works only ` +
        'for a user with CodeArts Pipeline permissions'
      )
    case 'password':
      return (
        "Check 'username', 'password' and 'domain' (the account name, not the user name): the likely causes are a wrong or changed " +
        'password, a user of another account, or login protection on the user. Nothing more was sent: IAM locks a user after repeated ' +
        'wrong passwords'
      )
  }
}

/** What to do about the service's own errors that mean an input points at the wrong thing (docs/codearts.md, "Errors"). */
function errorHint(conn: Where): (error: BodyError) => string | undefined {
  const project =
    `Check 'project-id' (${conn.projectId}): CodeArts has no such project in ${conn.region}, or the user of the credentials is not a ` +
    `member of it. ${PROJECT_IDS}`
  return (error) => {
    if (error.code === 'DEVPIPE.00011412' || error.code === 'DEVPIPE.00011136') return project
    if (error.code === 'DEVPIPE.00011401') {
      return (
        `Check 'pipeline-ids': the pipeline must belong to CodeArts project ${conn.projectId} in region ${conn.region} (the host of ` +
        "the pipeline's page, devcloud.<region>.huaweicloud.com, names its region)"
      )
    }
    if (/^APIGW?\.0101$/.test(error.code)) return `No such API at ${conn.endpoint}: check 'endpoint' and 'region'`
    return undefined
  }
}

/** The channel for one way of signing in to Huawei Cloud: an access key two requests at a time; a token may be renewed. */
export function huaweiChannel(http: HttpClient, conn: Where): Channel {
  const rules = { refusesCredentials, refusalHint: refusalHint(conn), hint: errorHint(conn) }
  return conn.auth.kind === 'aksk' ? openSigningChannel(http, rules) : openChannel(http, rules, 8, false)
}
