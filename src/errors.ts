// Errors the action reports to users. Each carries a message that is already a complete sentence for
// the job log, so the top level prints `error.message` and never a stack trace.

/** A bad input: names the input and says how to fix it. Thrown before any request is sent. */
export class InputError extends Error {
  readonly input: string

  constructor(input: string, problem: string) {
    super(`Input '${input}': ${problem}`)
    this.name = 'InputError'
    this.input = input
  }
}

/** The remote API answered with an error: its code and message, verbatim. */
export class RemoteError extends Error {
  readonly httpStatus: number
  readonly code: string

  /** `action` says what we were doing, e.g. "starting pipeline 3f2a…". */
  constructor(action: string, httpStatus: number, code: string, remoteMessage: string, requestId?: string) {
    const id = requestId ? ` (request ${requestId})` : ''
    super(`${action} failed: HTTP ${httpStatus} ${code}: ${remoteMessage}${id}`)
    this.name = 'RemoteError'
    this.httpStatus = httpStatus
    this.code = code
  }
}

/**
 * The request may or may not have reached the server (a timeout or a reset after it was sent).
 * For a request that is not safe to repeat, such as starting a run, the caller must find out
 * what happened before trying again.
 */
export class OutcomeUnknownError extends Error {
  constructor(action: string, cause: string) {
    super(`${action}: no answer (${cause}); the request may or may not have taken effect`)
    this.name = 'OutcomeUnknownError'
  }
}

/** The server could not be reached, or kept failing, until retries or the deadline ran out. */
export class TransportError extends Error {
  constructor(action: string, cause: string) {
    super(`${action} failed: ${cause}`)
    this.name = 'TransportError'
  }
}

/** The wait was cut short: by the action's own timeout or by the job being cancelled. */
export class AbortedError extends Error {
  readonly reason: 'timeout' | 'cancelled'

  constructor(reason: 'timeout' | 'cancelled') {
    super(reason === 'timeout' ? 'the timeout passed' : 'the job was cancelled')
    this.name = 'AbortedError'
    this.reason = reason
  }
}

/** The service answered, and the answer means the action cannot go on (a pipeline that never ran, say). */
export class PreconditionError extends Error {
  constructor(action: string, problem: string) {
    super(`${action}: ${problem}`)
    this.name = 'PreconditionError'
  }
}

/** A response that does not have the shape the API documents. */
export class MalformedResponseError extends Error {
  constructor(action: string, problem: string) {
    super(`${action}: unexpected response (${problem})`)
    this.name = 'MalformedResponseError'
  }
}

/** Worth trying again later: the service was unreachable, overloaded or answered nonsense. */
export function isTransient(error: unknown): boolean {
  if (error instanceof TransportError || error instanceof MalformedResponseError) return true
  return error instanceof RemoteError && (error.httpStatus >= 500 || error.httpStatus === 429)
}
