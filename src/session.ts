// What the main and the post step share: the step's clock, one HTTP client and the provider.

import { HttpClient, type RetryPolicy } from './http.js'
import { Lifecycle } from './lifecycle.js'
import type { Logger } from './logger.js'
import { createProvider } from './providers/index.js'
import type { Provider } from './providers/provider.js'
import type { Connection } from './settings.js'

/** Timings that tests shorten; production uses the defaults. */
export interface Tuning {
  retry?: RetryPolicy
  requestTimeoutMs?: number
  /** See StartContext.settleMs. */
  settleMs?: number
}

export interface Session {
  lifecycle: Lifecycle
  provider: Provider
  close(): void
}

export function openSession(
  connection: Connection,
  timeoutMs: number,
  env: { logger: Logger; cancellation: AbortSignal; tuning?: Tuning }
): Session {
  const lifecycle = new Lifecycle(timeoutMs)
  const onCancel = (): void => lifecycle.cancel()
  if (env.cancellation.aborted) onCancel()
  env.cancellation.addEventListener('abort', onCancel)
  const http = new HttpClient({
    logger: env.logger,
    signal: () => lifecycle.signal,
    ...(env.tuning?.retry && { retry: env.tuning.retry }),
    ...(env.tuning?.requestTimeoutMs && { requestTimeoutMs: env.tuning.requestTimeoutMs })
  })
  return {
    lifecycle,
    provider: createProvider(connection, http, env.logger),
    close: () => {
      lifecycle.dispose()
      env.cancellation.removeEventListener('abort', onCancel)
    }
  }
}
