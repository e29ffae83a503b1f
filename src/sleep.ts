import { AbortedError } from './errors.js'

// setTimeout fires at once for a delay that does not fit 32 bits (about 24.8 days); longer waits
// are made of several timers.
const MAX_TIMER_MS = 2 ** 31 - 1

/** Resolves after `ms`, or rejects with the signal's reason (an AbortedError) as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal))
    const until = Date.now() + ms
    let timer: NodeJS.Timeout
    const abort = (): void => {
      clearTimeout(timer)
      reject(abortReason(signal))
    }
    const arm = (left: number): void => {
      timer = setTimeout(
        () => {
          const rest = until - Date.now()
          if (rest > 0) return arm(rest)
          signal.removeEventListener('abort', abort)
          resolve()
        },
        Math.min(Math.max(0, left), MAX_TIMER_MS)
      )
    }
    signal.addEventListener('abort', abort, { once: true })
    arm(ms)
  })
}

export function abortReason(signal: AbortSignal): AbortedError {
  return signal.reason instanceof AbortedError ? signal.reason : new AbortedError('cancelled')
}
