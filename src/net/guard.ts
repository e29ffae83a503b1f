// Huawei Cloud locks an access key for five minutes after five refused signatures in a row, and a
// locked key breaks every other job that uses it. So once the service has refused our credentials,
// nothing more is sent with them in this job (the post step is told too), and requests signed with a
// key go out at most two at a time, the refusal noted before the next may leave.
//
// A refusal can also come back unreadable: a proxy may turn the gateway's 401 into a 502 page, or the
// connection may drop after the gateway counted it. So until one request has shown that the key is
// accepted, an answer that could have hidden a refusal counts towards the same limit of two.

import type { CredentialsRefusedError } from '../errors.js'
import { type HttpResponse, NOT_SENT_CODES } from './http.js'

export interface GuardOptions {
  /** How many requests may be in flight at once. */
  limit: number
  /**
   * Whether an answer refuses the credentials, judged before the next request may leave. Given for
   * signing keys; for tokens the caller judges, after it had a chance to renew an expired one.
   */
  judge?: (action: string, response: HttpResponse) => CredentialsRefusedError | undefined
  /**
   * Given for a signing key: the error to stop with after this many answers that could have hidden a
   * refusal (a 5xx, a dropped connection) before any answer showed the key accepted.
   */
  doubts?: { limit: number; error: (action: string, seen: string[]) => CredentialsRefusedError }
}

export class CredentialGuard {
  private refusal: CredentialsRefusedError | undefined
  private active = 0
  private readonly waiting: (() => void)[] = []
  private readonly options: GuardOptions
  /** An answer has shown the credentials accepted. */
  private proven = false
  private readonly doubts: string[] = []

  constructor(options: GuardOptions) {
    this.options = options
  }

  /** The refusal that stopped all further requests, if any. */
  get refused(): CredentialsRefusedError | undefined {
    return this.refusal
  }

  /** Remembers a refusal: from now on nothing is sent. */
  refuse(error: CredentialsRefusedError): void {
    this.refusal ??= error
  }

  /** One network exchange made with our credentials: never after a refusal, at most `limit` at a time. */
  async exchange(action: string, send: () => Promise<HttpResponse>): Promise<HttpResponse> {
    if (this.refusal) throw this.refusal
    if (this.active >= this.options.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.active++
    try {
      // A refusal may have come in while this one waited for its turn.
      if (this.refusal) throw this.refusal
      let response: HttpResponse
      try {
        response = await send()
      } catch (error) {
        // A request that never left (a refused connection, a name that did not resolve) was refused by no one.
        const code = errorCode(error)
        if (code === undefined || !NOT_SENT_CODES.has(code)) this.doubt(action, whatHappened(error, code))
        throw error
      }
      const refusal = this.options.judge?.(action, response)
      if (refusal) this.refuse(refusal)
      else if (response.status >= 500) this.doubt(action, `HTTP ${response.status}`)
      else this.proven = true
      return response
    } finally {
      this.active--
      this.waiting.shift()?.()
    }
  }

  private doubt(action: string, what: string): void {
    const doubts = this.options.doubts
    if (doubts === undefined || this.proven) return
    this.doubts.push(what)
    if (this.doubts.length >= doubts.limit) this.refuse(doubts.error(action, this.doubts))
  }
}

/** The system's or undici's code for a failed exchange (`ECONNRESET`); numeric DOM codes are not names. */
function errorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } }
  if (typeof e.code === 'string') return e.code
  return typeof e.cause?.code === 'string' ? e.cause.code : undefined
}

/** A few words for the log on why an exchange got no answer. */
function whatHappened(error: unknown, code: string | undefined): string {
  if ((error as Error).name === 'TimeoutError') return 'no answer in time'
  return code ?? (error as Error).name ?? 'no answer'
}
