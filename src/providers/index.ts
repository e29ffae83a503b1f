import type { HttpClient } from '../http.js'
import type { Logger } from '../logger.js'
import type { Connection } from '../settings.js'
import { CodeArtsApi } from './codearts/api.js'
import { createAuthenticator } from './codearts/auth.js'
import { CodeArtsProvider } from './codearts/provider.js'
import type { Provider } from './provider.js'

export function createProvider(connection: Connection, http: HttpClient, logger: Logger): Provider {
  const auth = createAuthenticator(connection, http, logger)
  return new CodeArtsProvider(new CodeArtsApi(http, connection, auth), connection)
}
