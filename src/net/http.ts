// The one HTTP client. It owns timeouts, retries and debug output, and knows nothing of any cloud:
// providers give it a request and an `authorize` hook and get back status, headers and text.

import { CredentialsRefusedError, OutcomeUnknownError, TransportError } from '../errors.js'
import type { Logger } from '../log/logger.js'
import { redactBody, redactHeaders } from '../log/redact.js'
import { abortReason, sleep } from '../sleep.js'
import { parseJson } from './json.js'
import { nodeTransport } from './node-transport.js'

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  url: URL
  headers: Record<string, string>
  body?: string
  /**
   * Whether sending it twice is harmless. Reads and stops are; starting a run is not, so a start is
   * retried only when the server certainly did not act on it (it refused the connection, or said 429).
   */
  idempotent: boolean
  /** What the request is for, in words, for error messages: "starting pipeline 3f2a…". */
  action: string
  /**
   * The service answers JSON: a 2xx whose body is not (a proxy's error page, a cut-off answer) is
   * treated like a 5xx, retried for a read and "outcome unknown" for a start.
   */
  expectJson?: boolean
  /**
   * An answer that settles the request whatever its status, so that it is never retried: a start
   * the service queued (it made a run), even if it said so with a 429.
   */
  settles?: (response: HttpResponse) => boolean
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  body: string
  /** The parsed body, for a request that expects JSON and got a parseable one (empty: `{}`). */
  json?: unknown
}

/** Adds authentication headers. Called before every attempt, so signatures carry a fresh timestamp. */
export type Authorize = (request: HttpRequest) => Promise<Record<string, string>> | Record<string, string>

/** Admits each network exchange made with credentials (see CredentialGuard). */
export interface Gate {
  exchange(action: string, send: () => Promise<HttpResponse>): Promise<HttpResponse>
}

export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
}

export interface HttpClientOptions {
  logger: Logger
  /**
   * The signal that aborts requests and back-off sleeps (the deadline or the job's cancellation),
   * read at each use because it changes when the wait ends and the clean-up begins.
   */
  signal: () => AbortSignal
  requestTimeoutMs?: number
  retry?: RetryPolicy
  /** The largest answer held: MAX_BODY_BYTES unless given (tests give less). */
  maxBodyBytes?: number
  /** How requests leave: Node's own http.request (node-transport.ts) unless another is given (the command's proxy fallback, src/cli/transport.ts). */
  transport?: Transport
  random?: () => number
}

/** What sends one request: `fetch`'s shape, so that Node's own and undici's are interchangeable. */
export type Transport = (url: URL, init: RequestInit) => Promise<Response>

// Gateways answer these when busy or restarting; a later try may well succeed.
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504])

// Errors raised before a single byte of the request left: the server cannot have acted on it.
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH'
])

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 30_000 }

// A Retry-After longer than this is not waited for in full: a wait that long is better spent
// failing with the service's own words (the step's deadline bounds every wait anyway).
const RETRY_AFTER_CAP_MS = 5 * 60_000

// No answer the action needs is this large (a log page is about 1,000 lines); a larger one is refused
// rather than held in memory.
export const MAX_BODY_BYTES = 32 * 1024 * 1024

export class HttpClient {
  private readonly transport: Transport
  private readonly retry: RetryPolicy
  private readonly requestTimeoutMs: number
  private readonly random: () => number
  private readonly options: HttpClientOptions

  constructor(options: HttpClientOptions) {
    this.options = options
    // Node's http.request goes through the module's global agent, which a proxy set up at run time replaces (net/proxy.ts).
    this.transport = options.transport ?? nodeTransport
    this.retry = options.retry ?? DEFAULT_RETRY
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000
    this.random = options.random ?? Math.random
  }

  async send(req: HttpRequest, authorize?: Authorize, gate?: Gate): Promise<HttpResponse> {
    const { logger } = this.options
    for (let attempt = 1; ; attempt++) {
      this.throwIfAborted()
      const headers = { ...req.headers, ...(authorize ? await authorize(req) : {}) }
      logger.debug(`→ ${req.method} ${req.url.href} (attempt ${attempt})`)
      if (logger.isDebug()) {
        logger.debug(`  headers ${JSON.stringify(redactHeaders(headers))}`)
        if (req.body) logger.debug(`  body ${redactBody(req.body)}`)
      }
      const started = Date.now()
      let outcome: { response: HttpResponse } | { failure: string; sent: boolean; final?: boolean }
      try {
        outcome = { response: gate ? await gate.exchange(req.action, () => this.once(req, headers)) : await this.once(req, headers) }
        if (req.expectJson && outcome.response.status < 300 && outcome.response.json === undefined) {
          outcome = {
            failure: `HTTP ${outcome.response.status} with a body that is not JSON: ${snippet(outcome.response.body)}`,
            sent: true
          }
        }
      } catch (error) {
        // The gate refuses to send after the credentials were refused: that is final, not a network fault.
        if (error instanceof CredentialsRefusedError) throw error
        this.throwIfAborted()
        outcome = describeFailure(error, req.url)
      }
      const last = attempt >= this.retry.attempts
      if ('response' in outcome) {
        const { response } = outcome
        logger.debug(`← ${response.status} ${req.method} ${req.url.pathname} in ${Date.now() - started} ms`)
        if (logger.isDebug()) logger.debug(`  body ${redactBody(response.body, response.json)}`)
        if (!RETRYABLE_STATUS.has(response.status) || req.settles?.(response)) return response
        if (!req.idempotent && response.status !== 429) {
          throw new OutcomeUnknownError(req.action, `HTTP ${response.status}`)
        }
        if (last) return response
        const wait = retryAfterMs(response.headers['retry-after']) ?? this.backoff(attempt)
        await this.pause(req, attempt, wait, `HTTP ${response.status}`)
        continue
      }
      logger.debug(`✗ ${req.method} ${req.url.pathname}: ${outcome.failure}`)
      if (outcome.final) throw new TransportError(req.action, outcome.failure, false)
      if (!req.idempotent && outcome.sent) throw new OutcomeUnknownError(req.action, outcome.failure)
      if (last) throw new TransportError(req.action, `${outcome.failure} (after ${attempt} tries)`)
      await this.pause(req, attempt, this.backoff(attempt), outcome.failure)
    }
  }

  private async pause(req: HttpRequest, attempt: number, ms: number, why: string): Promise<void> {
    this.options.logger.info(retryLine(req.action, attempt + 1, this.retry.attempts, ms, why))
    await sleep(ms, this.options.signal())
  }

  private async once(req: HttpRequest, headers: Record<string, string>): Promise<HttpResponse> {
    const signal = AbortSignal.any([this.options.signal(), AbortSignal.timeout(this.requestTimeoutMs)])
    let res: Response
    try {
      // A redirect is answered as it is: following it would send the signed request somewhere it was not signed for.
      res = await this.transport(req.url, { method: req.method, headers, body: req.body ?? null, signal, redirect: 'manual' })
    } catch (error) {
      throw fetchFailure(error)
    }
    const body = await readBounded(res.body, this.options.maxBodyBytes ?? MAX_BODY_BYTES)
    // fetch's Headers are lower-case already, and join a repeated header with ", ".
    const flat: Record<string, string> = {}
    res.headers.forEach((value, name) => {
      flat[name] = value
    })
    const response: HttpResponse = { status: res.status, headers: flat, body }
    if (req.expectJson) {
      const parsed = body.trim() === '' ? { ok: true as const, value: {} } : parseJson(body)
      if (parsed.ok) response.json = parsed.value
    }
    return response
  }

  /** Exponential, with jitter so that many runners retrying at once spread out. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1))
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2)
  }

  private throwIfAborted(): void {
    const signal = this.options.signal()
    if (signal.aborted) throw abortReason(signal)
  }
}

/** The body as text, refusing one larger than `limit` bytes before it is all in memory. */
async function readBounded(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> {
  if (body === null) return ''
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    let read: Awaited<ReturnType<typeof reader.read>>
    try {
      read = await reader.read()
    } catch (error) {
      throw fetchFailure(error)
    }
    if (read.done) break
    size += read.value.byteLength
    if (size > limit) {
      // Cancelling closes the connection: the rest of the answer is never read.
      reader.cancel().catch(() => undefined)
      throw Object.assign(new Error(`the answer is larger than ${limit / 1024 / 1024} MB`), { code: 'ANSWER_TOO_LARGE' })
    }
    chunks.push(read.value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * fetch reports every network fault as `TypeError: fetch failed` with the system's error as its
 * `cause`; the cause is what says whether the request left (`ECONNREFUSED`: it did not), so it is
 * what is passed on. An abort (the deadline, the request timeout) is passed on as it is.
 */
export function fetchFailure(error: unknown): unknown {
  const cause = (error as { cause?: unknown } | undefined)?.cause
  if (!(error instanceof TypeError) || typeof cause !== 'object' || cause === null) return error
  // Connecting to each address of a name in turn fails with an AggregateError whose own message may be empty.
  const inner = cause as { message?: unknown; errors?: unknown }
  if (inner.message === '' && Array.isArray(inner.errors) && inner.errors[0] instanceof Error) {
    return Object.assign(cause, { message: inner.errors[0].message })
  }
  return cause
}

/** What went wrong with a request that got no answer, whether it may have been sent, and whether trying again can help. */
function describeFailure(error: unknown, url: URL): { failure: string; sent: boolean; final: boolean } {
  const err = error as { code?: string; name?: string; message?: string; cause?: { code?: string } }
  const code = err.code ?? err.cause?.code
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return { failure: 'no response before the request timeout', sent: true, final: false }
  }
  // A name that does not resolve will not resolve in a few seconds either (EAI_AGAIN is the temporary kind).
  if (code === 'ENOTFOUND') {
    return {
      failure:
        `the host name ${url.hostname} does not resolve (ENOTFOUND): check the endpoint (the 'endpoint' or 'region' input) and ` +
        `the runner's DNS`,
      sent: false,
      final: true
    }
  }
  if (code === 'ANSWER_TOO_LARGE') return { failure: err.message ?? code, sent: true, final: true }
  const message = err.message ?? String(error)
  const text = code && !message.includes(code) ? `${code}: ${message}` : message
  return { failure: text, sent: !(code !== undefined && NOT_SENT_CODES.has(code)), final: false }
}

/** Every retry is said in the log, with what is retried and why, so a slow step is never silent. */
export function retryLine(action: string, attempt: number, attempts: number, ms: number, why: string): string {
  return `Retrying ${action} in ${(ms / 1000).toFixed(1)} s (try ${attempt} of ${attempts}): ${why}`
}

export function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat
}

/** Retry-After in seconds or as an HTTP date, at most 5 minutes; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const text = value.trim()
  let ms: number
  if (/^\d+(\.\d+)?$/.test(text)) ms = Math.round(Number(text) * 1_000)
  else {
    // An HTTP date names its day and month in words ("Wed, 21 Oct 2026 07:28:00 GMT").
    const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN
    if (Number.isNaN(date)) return undefined
    ms = Math.max(0, date - now)
  }
  return Number.isFinite(ms) ? Math.min(ms, RETRY_AFTER_CAP_MS) : undefined
}
