import { AbortedError } from './errors.js'

/** Resolves after `ms`, or rejects with the signal's reason (an AbortedError) as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortReason(signal))
    const abort = (): void => {
      clearTimeout(timer)
      reject(abortReason(signal))
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort)
      resolve()
    }, ms)
    signal.addEventListener('abort', abort, { once: true })
  })
}

export function abortReason(signal: AbortSignal): AbortedError {
  return signal.reason instanceof AbortedError ? signal.reason : new AbortedError('cancelled')
}
