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

/** The remote API answered with an error: its code and message, and what to do about it. */
export class RemoteError extends Error {
  readonly httpStatus: number
  readonly code: string
  readonly remoteMessage: string

  /** `action` says what we were doing, e.g. "starting pipeline 3f2a…"; `hint` what to do about it. */
  constructor(
    action: string,
    httpStatus: number,
    code: string,
    remoteMessage: string,
    options: { requestId?: string; hint?: string } = {}
  ) {
    const id = options.requestId ? ` (request ${options.requestId})` : ''
    super(`${action} failed: HTTP ${httpStatus} ${code}: ${remoteMessage}${id}${options.hint ? `. ${options.hint}` : ''}`)
    this.name = 'RemoteError'
    this.httpStatus = httpStatus
    this.code = code
    this.remoteMessage = remoteMessage
  }
}

/**
 * The service says a run does not exist. Right after a start, a service whose lists and records lag
 * behind may say so of the run it has just made; later, it means a wrong run ID.
 */
export class RunNotFoundError extends RemoteError {
  constructor(cause: RemoteError) {
    super('', cause.httpStatus, cause.code, cause.remoteMessage)
    this.message = cause.message
    this.name = 'RunNotFoundError'
  }
}

/**
 * The service refused our credentials. Nothing more is sent with them in this job: Huawei Cloud
 * locks an access key after five refused signatures in a row.
 */
export class CredentialsRefusedError extends RemoteError {
  constructor(action: string, httpStatus: number, code: string, remoteMessage: string, hint: string, requestId?: string) {
    super(action, httpStatus, code, remoteMessage, { hint, ...(requestId && { requestId }) })
    this.name = 'CredentialsRefusedError'
  }
}

/**
 * The service refused a start request itself (not a read made to prepare it): the runs started
 * before it by this step were meant to go with it, so they are stopped.
 */
export class StartRefusedError extends Error {
  override readonly cause: RemoteError

  constructor(cause: RemoteError) {
    super(cause.message)
    this.name = 'StartRefusedError'
    this.cause = cause
  }
}

/**
 * Requests signed with a key got no answer that shows the key was accepted, as many times as a
 * hidden refusal may be risked: treated like a refusal, so nothing more is sent with the key.
 */
export class UnconfirmedKeyError extends CredentialsRefusedError {
  constructor(action: string, message: string) {
    super(action, 0, 'NoConfirmedAnswer', '', '')
    this.message = `${action} failed: ${message}`
    this.name = 'UnconfirmedKeyError'
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
  /** False when trying again cannot help (a host name that does not resolve). */
  readonly transient: boolean

  constructor(action: string, cause: string, transient = true) {
    super(`${action} failed: ${cause}`)
    this.name = 'TransportError'
    this.transient = transient
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

/**
 * The service says it made a run (a queued start) but not which: it exists for certain, so it is
 * looked for, and never started again.
 */
export class UnnamedRunError extends MalformedResponseError {
  constructor(action: string, problem: string) {
    super(action, problem)
    this.name = 'UnnamedRunError'
  }
}

/** Worth trying again later: the service was unreachable, overloaded or answered nonsense. */
export function isTransient(error: unknown): boolean {
  if (error instanceof TransportError) return error.transient
  if (error instanceof MalformedResponseError) return true
  return (
    error instanceof RemoteError && !(error instanceof CredentialsRefusedError) && (error.httpStatus >= 500 || error.httpStatus === 429)
  )
}

/** Errors whose message is the whole story; anything else is a bug, and its stack is worth printing. */
export function isExplained(error: unknown): boolean {
  return [
    InputError,
    RemoteError,
    StartRefusedError,
    OutcomeUnknownError,
    TransportError,
    AbortedError,
    PreconditionError,
    MalformedResponseError
  ].some((kind) => error instanceof kind)
}
