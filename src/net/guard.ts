// Huawei Cloud locks an access key for five minutes after five refused signatures in a row, and a
// locked key breaks every other job that uses it. So once the service has refused our credentials,
// nothing more is sent with them in this job (the post step is told too), and requests signed with a
// key go out at most two at a time, the refusal noted before the next may leave: however the key
// fails, at most two refusals per job.

import { CredentialsRefusedError } from '../errors.js'
import type { HttpResponse } from './http.js'

export interface GuardOptions {
  /** How many requests may be in flight at once. */
  limit: number
  /**
   * Whether an answer refuses the credentials, judged before the next request may leave. Given for
   * signing keys; for tokens the caller judges, after it had a chance to renew an expired one.
   */
  judge?: (action: string, response: HttpResponse) => CredentialsRefusedError | undefined
}

export class CredentialGuard {
  private refusal: CredentialsRefusedError | undefined
  private active = 0
  private readonly waiting: (() => void)[] = []
  private readonly options: GuardOptions

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
      const response = await send()
      const refusal = this.options.judge?.(action, response)
      if (refusal) this.refuse(refusal)
      return response
    } finally {
      this.active--
      this.waiting.shift()?.()
    }
  }
}
