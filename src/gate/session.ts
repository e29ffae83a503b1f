// What the main and the post step share: the step's clock, one HTTP client and the provider.

import type { Connection, Tuning } from '../config/settings.js'
import type { Logger } from '../log/logger.js'
import type { CredentialGuard } from '../net/guard.js'
import { HttpClient, type Transport } from '../net/http.js'
import { createProvider } from '../providers/index.js'
import type { Provider } from '../providers/provider.js'
import { StepClock } from '../wait/clock.js'

export interface Session {
  clock: StepClock
  provider: Provider
  /** Knows whether the service refused our credentials; then nothing more is sent. */
  guard: CredentialGuard
  close(): void
}

export function openSession(
  connection: Connection,
  timeoutMs: number,
  env: { logger: Logger; cancellation: AbortSignal; tuning?: Tuning; transport?: Transport }
): Session {
  const clock = new StepClock(timeoutMs)
  const onCancel = (): void => clock.cancel()
  if (env.cancellation.aborted) onCancel()
  env.cancellation.addEventListener('abort', onCancel)
  const http = new HttpClient({
    logger: env.logger,
    signal: () => clock.signal,
    ...(env.tuning?.retry && { retry: env.tuning.retry }),
    ...(env.tuning?.requestTimeoutMs && { requestTimeoutMs: env.tuning.requestTimeoutMs }),
    ...(env.transport && { transport: env.transport })
  })
  const { provider, guard } = createProvider(connection, http, env.logger)
  return {
    clock,
    provider,
    guard,
    close: () => {
      clock.dispose()
      env.cancellation.removeEventListener('abort', onCancel)
    }
  }
}
