// Back-pressure on the log. A write to stdout that the pipe cannot take at once is queued in memory
// (on macOS runners, and anywhere stdout is asynchronous), so printing a long log without waiting
// would queue all of it. Printing many lines waits here for the output to drain instead.

/** What of a stream this needs: whether it wants a pause, and its events. */
export interface DrainingStream {
  /** True once a write has returned false and until 'drain'. */
  readonly writableNeedDrain: boolean
  once(event: 'drain' | 'close' | 'error', listener: () => void): unknown
  off(event: 'drain' | 'close' | 'error', listener: () => void): unknown
}

/**
 * Says whether to wait before the next write: undefined when the output can take more at once (so
 * a caller that does not have to wait stays synchronous), else a promise of the 'drain'. A stream
 * that closes or fails meanwhile ends the wait too: the write that follows reports it, and a step
 * whose stdout is gone must not hang.
 */
export type Drain = () => Promise<void> | undefined

export function streamDrain(stream: DrainingStream): Drain {
  return () => {
    if (!stream.writableNeedDrain) return undefined
    return new Promise<void>((resolve) => {
      const done = (): void => {
        stream.off('drain', done)
        stream.off('close', done)
        stream.off('error', done)
        resolve()
      }
      stream.once('drain', done)
      stream.once('close', done)
      stream.once('error', done)
    })
  }
}

/** For an output that never asks to wait (a string in a test, a file written synchronously). */
export const NEVER_FULL: Drain = () => undefined
