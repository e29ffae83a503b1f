import type { HttpClient } from '../http.js'
import type { Logger } from '../logger.js'
import type { Connection } from '../settings.js'
import { CodeArtsApi } from './codearts/api.js'
import { createAuthenticator } from './codearts/auth.js'
import { CodeArtsProvider } from './codearts/provider.js'
import type { Provider } from './provider.js'
import { YunxiaoDevopsApi } from './yunxiao/devops.js'
import { YunxiaoOpenApi } from './yunxiao/openapi.js'
import { YunxiaoProvider } from './yunxiao/provider.js'

export function createProvider(connection: Connection, http: HttpClient, logger: Logger): Provider {
  if (connection.provider === 'codearts') {
    return new CodeArtsProvider(new CodeArtsApi(http, connection, createAuthenticator(connection, http, logger)), connection)
  }
  const { auth } = connection
  const api =
    auth.kind === 'token'
      ? new YunxiaoOpenApi(http, connection, auth.token)
      : new YunxiaoDevopsApi(http, { ...connection, organizationId: connection.organizationId ?? '' }, auth)
  return new YunxiaoProvider(api, connection)
}

/** The service's name, for the job summary. */
export function serviceName(connection: Connection): string {
  return connection.provider === 'codearts' ? 'CodeArts Pipeline' : 'Yunxiao Flow'
}
