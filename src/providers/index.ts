import type { Connection } from '../config/settings.js'
import type { Logger } from '../log/logger.js'
import type { CredentialGuard } from '../net/guard.js'
import type { HttpClient } from '../net/http.js'
import { CodeArtsApi } from './codearts/api.js'
import { createAuthenticator } from './codearts/auth.js'
import { huaweiChannel } from './codearts/call.js'
import { CodeArtsProvider } from './codearts/provider.js'
import type { Provider } from './provider.js'
import { alibabaChannel } from './yunxiao/call.js'
import { YunxiaoDevopsApi } from './yunxiao/devops.js'
import { YunxiaoOpenApi } from './yunxiao/openapi.js'
import { YunxiaoProvider } from './yunxiao/provider.js'

/** The provider for a connection, and the guard that all its requests go through. */
export function createProvider(connection: Connection, http: HttpClient, logger: Logger): { provider: Provider; guard: CredentialGuard } {
  if (connection.provider === 'codearts') {
    const channel = huaweiChannel(http, connection)
    return {
      provider: new CodeArtsProvider(new CodeArtsApi(channel, connection, createAuthenticator(connection, channel, logger)), connection),
      guard: channel.guard
    }
  }
  const { auth } = connection
  const channel = alibabaChannel(http, connection)
  const api =
    auth.kind === 'token'
      ? new YunxiaoOpenApi(channel, connection, auth.token)
      : new YunxiaoDevopsApi(channel, { ...connection, organizationId: connection.organizationId ?? '' }, auth)
  return { provider: new YunxiaoProvider(api, connection), guard: channel.guard }
}

/** The service's name, for the job summary. */
export function serviceName(connection: Connection): string {
  return connection.provider === 'codearts' ? 'CodeArts Pipeline' : 'Yunxiao Flow'
}
