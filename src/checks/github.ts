// The checks part of GitHub's REST API, through @actions/github's Octokit: create a check run, update
// it, find one by its external ID. Loaded only with check runs on (see check-runs.ts). Octokit
// retries nothing here; this file does, the way GitHub asks (docs/check-runs.md): a rate limit
// (primary or secondary, 403 or 429) waits as long as `retry-after` or `x-ratelimit-reset` says, a
// gateway error backs off, and every retry is a line in the log.

import { getOctokit } from '@actions/github'
import type { Logger } from '../log/logger.js'
import { type RetryPolicy, retryAfterMs, retryLine } from '../net/http.js'
import { arr, count, obj, str } from '../net/json.js'
import { abortReason, sleep } from '../sleep.js'

/** GitHub refused the token for this (403 without a rate limit, 401, 404): check runs cannot be made. */
export class ChecksRefusedError extends Error {
  readonly status: number
  constructor(what: string, status: number, message: string) {
    super(`${what} failed: HTTP ${status}: ${message}`)
    this.name = 'ChecksRefusedError'
    this.status = status
  }
}

// GitHub's advice for a secondary rate limit that names no time: wait at least a minute.
const SECONDARY_LIMIT_MS = 60_000
const REQUEST_TIMEOUT_MS = 20_000
// The primary limit resets within the hour; the step's own deadline cuts a long wait short anyway.
const RESET_CAP_MS = 5 * 60_000
// At most this many pages of 100 check runs are searched for an external ID.
const SEARCH_PAGES = 5
const GATEWAY = new Set([500, 502, 503, 504])
// Check runs are not worth holding the step for: fewer tries than the pipeline service gets.
const RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 }

export interface ChecksApiOptions {
  token: string
  apiUrl: string
  /** owner/repo */
  repository: string
  logger: Logger
  signal: () => AbortSignal
  retry?: RetryPolicy
}

interface Failure {
  status?: number
  message: string
  headers: Record<string, string>
}

export class ChecksApi {
  private readonly octokit: ReturnType<typeof getOctokit>
  private readonly options: ChecksApiOptions
  private readonly owner: string
  private readonly repo: string

  constructor(options: ChecksApiOptions) {
    this.options = options
    this.octokit = getOctokit(options.token, { baseUrl: options.apiUrl.replace(/\/+$/, '') })
    ;[this.owner, this.repo] = options.repository.split('/') as [string, string]
  }

  /** Creates a check run: its ID and page. Not repeated blindly: a lost answer may have created it (see publisher.ts). */
  async create(body: Record<string, unknown>, what: string): Promise<{ id: number; url: string }> {
    const data = obj(
      await this.call(what, false, (request) =>
        this.octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner: this.owner, repo: this.repo, ...body, request } as never)
      )
    )
    const id = count(data['id'])
    if (id === undefined) throw new Error(`${what}: GitHub's answer has no check run ID`)
    return { id, url: str(data['html_url']) }
  }

  async update(id: number, body: Record<string, unknown>, what: string): Promise<void> {
    await this.call(what, true, (request) =>
      this.octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        owner: this.owner,
        repo: this.repo,
        check_run_id: id,
        ...body,
        request
      } as never)
    )
  }

  /** The check run on `sha` whose external ID is `externalId` (the newest, should there be several). */
  async find(sha: string, externalId: string, what: string): Promise<number | undefined> {
    let found: number | undefined
    for (let page = 1; page <= SEARCH_PAGES; page++) {
      const data = obj(
        await this.call(what, true, (request) =>
          this.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
            owner: this.owner,
            repo: this.repo,
            ref: sha,
            filter: 'all',
            per_page: 100,
            page,
            request
          })
        )
      )
      const runs = arr(data['check_runs']).map(obj)
      for (const run of runs) {
        const id = count(run['id'])
        if (id !== undefined && str(run['external_id']) === externalId && (found === undefined || id > found)) found = id
      }
      if (runs.length < 100) break
    }
    return found
  }

  private async call(
    what: string,
    idempotent: boolean,
    send: (request: { signal: AbortSignal }) => Promise<{ data: unknown }>
  ): Promise<unknown> {
    const { logger, signal } = this.options
    const policy = this.options.retry ?? RETRY
    for (let attempt = 1; ; attempt++) {
      try {
        logger.debug(`→ GitHub: ${what} (attempt ${attempt})`)
        return (await send({ signal: AbortSignal.any([signal(), AbortSignal.timeout(REQUEST_TIMEOUT_MS)]) })).data
      } catch (error) {
        if (signal().aborted) throw abortReason(signal())
        const failure = failureOf(error)
        const limited = rateLimitWait(failure)
        const why = `HTTP ${failure.status ?? '(no answer)'}: ${failure.message}`
        if (limited === undefined && (failure.status === 401 || failure.status === 403 || failure.status === 404)) {
          throw new ChecksRefusedError(what, failure.status, failure.message)
        }
        // A create whose answer was lost may have worked; only a rate limit says it was not acted on.
        const transient = limited !== undefined || (idempotent && (failure.status === undefined || GATEWAY.has(failure.status)))
        if (!transient || attempt >= policy.attempts) throw new Error(`${what} failed: ${why}`)
        const wait = limited ?? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
        logger.info(retryLine(`${what} on GitHub`, attempt + 1, policy.attempts, wait, why))
        await sleep(wait, signal())
      }
    }
  }
}

function failureOf(error: unknown): Failure {
  const e = error as { status?: unknown; message?: unknown; response?: { headers?: Record<string, unknown>; data?: unknown } }
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(e.response?.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = String(v)
  const remote = str(obj(e.response?.data)['message'])
  // Octokit says 500 for a request that got no answer at all; only a response has a real status.
  const status = e.response !== undefined && typeof e.status === 'number' ? e.status : undefined
  return { ...(status !== undefined && { status }), message: (remote || str(e.message) || String(error)).slice(0, 300), headers }
}

/** How long GitHub asks to wait, when the answer is a rate limit; undefined when it is not one. */
export function rateLimitWait(failure: Failure, now = Date.now()): number | undefined {
  if (failure.status !== 403 && failure.status !== 429) return undefined
  const after = retryAfterMs(failure.headers['retry-after'], now)
  if (after !== undefined) return after
  if (failure.headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(failure.headers['x-ratelimit-reset'])
    if (Number.isFinite(reset)) return Math.min(RESET_CAP_MS, Math.max(1_000, reset * 1_000 - now + 1_000))
  }
  if (failure.status === 429 || /secondary rate limit|abuse/i.test(failure.message)) return SECONDARY_LIMIT_MS
  return undefined
}
