// One Authenticator per way of signing in. Everything it needs from IAM is fetched on first use,
// so bad inputs fail before any request and a `mode: wait` step with a ready token makes no IAM call.

import type { CodeArtsConnection } from '../../config/settings.js'
import type { Logger } from '../../log/logger.js'
import type { Channel } from '../../net/channel.js'
import type { Authorize } from '../../net/http.js'
import type { Authenticator } from './call.js'
import { type IamToken, passwordToken, refuseMixedProjects, regionProjectId } from './iam.js'
import { signRequest } from './signer.js'

export type { Authenticator } from './call.js'

// A refused token is renewed only when IAM's own expiry time says it has run out (or is about to).
// A token refused while still valid means missing permissions: a new one would be refused too, and
// renewing it again and again would only hide that.
const EXPIRY_MARGIN_MS = 5 * 60_000

export function createAuthenticator(
  conn: CodeArtsConnection,
  channel: Channel,
  logger: Logger,
  now: () => number = Date.now
): Authenticator {
  const auth = conn.auth
  switch (auth.kind) {
    case 'token':
      return { authorize: () => ({ 'X-Auth-Token': auth.token }), renew: async () => false }

    case 'password': {
      let token: Promise<IamToken> | undefined
      const mint = (): Promise<IamToken> => {
        token = passwordToken(channel, conn.iamEndpoint, conn.region, auth).then(
          (t) => {
            // Masked before anything, debug output included, could print it.
            logger.secret(t.token)
            if (t.projectId !== undefined) refuseMixedProjects(conn.projectId, t.projectId, conn.region)
            logger.debug(`IAM token obtained${t.expiresAt ? `, valid until ${t.expiresAt.toISOString()}` : ''}`)
            return t
          },
          (error: unknown) => {
            token = undefined
            throw error
          }
        )
        return token
      }
      // Requests in flight together all meet the expired token at once: they share one sign-in (a
      // wrong password signed in eight times over could lock the user), and a request refused with
      // a token that has been renewed since it left is simply sent again with the new one.
      let renewing: Promise<boolean> | undefined
      let renewedAt = Number.NEGATIVE_INFINITY
      return {
        authorize: async () => ({ 'X-Auth-Token': (await (token ?? mint())).token }),
        renew: (sentAt) => {
          if (renewedAt > sentAt) return Promise.resolve(true)
          renewing ??= (async () => {
            const current = await token
            if (current?.expiresAt === undefined || now() < current.expiresAt.getTime() - EXPIRY_MARGIN_MS) return false
            logger.info('The IAM token has expired; signing in again.')
            await mint()
            renewedAt = now()
            return true
          })().finally(() => {
            renewing = undefined
          })
          return renewing
        }
      }
    }

    case 'aksk': {
      const keys = { accessKey: auth.accessKey, secretKey: auth.secretKey }
      const sts: Record<string, string> = auth.securityToken ? { 'X-Security-Token': auth.securityToken } : {}
      const signWith =
        (extra: Record<string, string>): Authorize =>
        (req) =>
          signRequest(req.method, req.url, { ...req.headers, ...extra }, req.body ?? '', keys, new Date(now()))
      // The project lookup itself is signed without X-Project-Id: IAM is a global service.
      const bare: Authenticator = { authorize: signWith(sts), renew: async () => false }
      let projectId: Promise<string> | undefined = auth.iamProjectId ? Promise.resolve(auth.iamProjectId) : undefined
      const resolveProject = (): Promise<string> =>
        (projectId ??= regionProjectId(channel, conn.iamEndpoint, conn.region, bare).then(
          (id) => {
            logger.debug(`IAM project of ${conn.region}: ${id}`)
            refuseMixedProjects(conn.projectId, id, conn.region)
            return id
          },
          (error: unknown) => {
            projectId = undefined
            throw error
          }
        ))
      return {
        authorize: async (req) => signWith({ ...sts, 'X-Project-Id': await resolveProject() })(req),
        // Never re-sign a refused request: five failures in a row lock the key for five minutes.
        renew: async () => false
      }
    }
  }
}
