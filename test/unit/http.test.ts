// The HTTP client against a loopback server that answers from a script.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { AbortedError, OutcomeUnknownError, TransportError } from '../../src/errors.ts'
import { fetchFailure, HttpClient, type HttpRequest, retryAfterMs, type Transport } from '../../src/net/http.ts'
import { nullLogger as quiet } from '../support/loggers.ts'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((r) => server?.close(r) ?? r(undefined))
  server = undefined
})

/** A server that answers the n-th request with handlers[n] (the last one repeats). */
async function serve(...handlers: Handler[]): Promise<{ url: URL; hits: () => number }> {
  let hits = 0
  server = createServer((req, res) => {
    const handler = handlers[Math.min(hits, handlers.length - 1)]!
    hits++
    req.resume()
    req.on('end', () => handler(req, res))
  })
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  return { url: new URL(`http://127.0.0.1:${(server!.address() as AddressInfo).port}/x`), hits: () => hits }
}

const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(code, headers)
    res.end(JSON.stringify({ code }))
  }
const hang: Handler = () => undefined
const reset: Handler = (req) => req.socket.destroy()

function client(options: { timeoutMs?: number; signal?: AbortSignal; transport?: Transport; maxBodyBytes?: number } = {}): HttpClient {
  const signal = options.signal ?? new AbortController().signal
  return new HttpClient({
    logger: quiet,
    signal: () => signal,
    requestTimeoutMs: options.timeoutMs ?? 2_000,
    retry: { attempts: 4, baseDelayMs: 10, maxDelayMs: 40 },
    ...(options.transport && { transport: options.transport }),
    ...(options.maxBodyBytes && { maxBodyBytes: options.maxBodyBytes })
  })
}

const get = (url: URL): HttpRequest => ({ method: 'GET', url, headers: {}, idempotent: true, action: 'reading' })
const start = (url: URL): HttpRequest => ({ method: 'POST', url, headers: {}, body: '{}', idempotent: false, action: 'starting' })

describe('HttpClient', () => {
  it.each([429, 500, 502, 503, 504])('retries a read after %i', async (code) => {
    const { url, hits } = await serve(status(code), status(200))
    expect((await client().send(get(url))).status).toBe(200)
    expect(hits()).toBe(2)
  })

  it('returns the last answer when a read keeps failing', async () => {
    const { url, hits } = await serve(status(503))
    expect((await client().send(get(url))).status).toBe(503)
    expect(hits()).toBe(4)
  })

  it.each([400, 401, 403, 404])('never repeats %i', async (code) => {
    const { url, hits } = await serve(status(code))
    expect((await client().send(get(url))).status).toBe(code)
    expect(hits()).toBe(1)
  })

  it('waits as long as Retry-After says', async () => {
    const { url } = await serve(status(429, { 'retry-after': '1' }), status(200))
    const began = Date.now()
    await client().send(get(url))
    expect(Date.now() - began).toBeGreaterThanOrEqual(950)
  })

  it('retries a start refused with 429: the server did not act on it', async () => {
    const { url, hits } = await serve(status(429), status(200))
    expect((await client().send(start(url))).status).toBe(200)
    expect(hits()).toBe(2)
  })

  it.each([
    ['a 502', status(502)],
    ['a reset', reset],
    ['no answer', hang]
  ])('does not repeat a start after %s: the run may exist', async (_name, handler) => {
    const { url, hits } = await serve(handler)
    await expect(client({ timeoutMs: 300 }).send(start(url))).rejects.toBeInstanceOf(OutcomeUnknownError)
    expect(hits()).toBe(1)
  })

  it('repeats a start the server never received', async () => {
    const { url } = await serve(status(200))
    const closed = new URL(url)
    server!.close()
    server!.closeAllConnections()
    const tries: string[] = []
    const counting: Transport = (u, init) => {
      tries.push(u.href)
      return fetch(u, init)
    }
    const refused = client({ transport: counting }).send(start(closed))
    // Not "outcome unknown": fetch's own "fetch failed" is read down to the refused connection under it.
    await expect(refused).rejects.toThrow(TransportError)
    await expect(refused).rejects.not.toThrow(OutcomeUnknownError)
    await expect(refused).rejects.toThrow(/connect ECONNREFUSED 127\.0\.0\.1:\d+ \(after 4 tries\)/)
    expect(tries).toHaveLength(4)
  })

  it('answers a redirect as it is, without following it', async () => {
    const { url, hits } = await serve((_req, res) => {
      res.writeHead(302, { location: '/elsewhere' })
      res.end()
    })
    const response = await client().send(get(url))
    expect(response.status).toBe(302)
    expect(response.headers['location']).toBe('/elsewhere')
    expect(hits()).toBe(1)
  })

  it('gives the headers with lower-case names, a repeated one joined', async () => {
    const { url } = await serve((_req, res) => {
      res.setHeader('X-Request-Id', 'abc')
      res.setHeader('Warning', ['199 - "one"', '199 - "two"'])
      res.end('{}')
    })
    const { headers } = await client().send(get(url))
    expect(headers['x-request-id']).toBe('abc')
    expect(headers['warning']).toBe('199 - "one", 199 - "two"')
  })

  it('refuses an answer larger than the limit before holding it all, and does not ask again', async () => {
    let sent = 0
    const { url, hits } = await serve((_req, res) => {
      // An endless answer: only the client's refusal ends it.
      const chunk = Buffer.alloc(1024 * 1024, 'x')
      const more = (): void => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length
      }
      res.on('drain', more)
      more()
    })
    const limit = 1024 * 1024
    await expect(client({ maxBodyBytes: limit }).send(get(url))).rejects.toThrow('reading failed: the answer is larger than 1 MB')
    expect(hits()).toBe(1)
    // What the sockets' buffers took in before the refusal, not the endless rest.
    expect(sent).toBeLessThan(limit + 16 * 1024 * 1024)
  })

  it('sends through the transport it is given', async () => {
    const { url } = await serve(status(200))
    const seen: string[] = []
    const transport: Transport = (u, init) => {
      seen.push(`${init.method} ${u.pathname}`)
      return fetch(u, init)
    }
    expect((await client({ transport }).send(get(url))).status).toBe(200)
    expect(seen).toEqual(['GET /x'])
  })

  const htmlPage: Handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end('<html>Bad gateway</html>')
  }

  it('retries a read that expects JSON and got a proxy page', async () => {
    const { url, hits } = await serve(htmlPage, status(200))
    const response = await client().send({ ...get(url), expectJson: true })
    expect(response.json).toEqual({ code: 200 })
    expect(hits()).toBe(2)
  })

  it('treats a proxy page in answer to a start as an unknown outcome', async () => {
    const { url } = await serve(htmlPage)
    await expect(client().send({ ...start(url), expectJson: true })).rejects.toThrow(
      /starting: no answer \(HTTP 200 with a body that is not JSON: <html>Bad gateway<\/html>\)/
    )
  })

  it('retries a read that timed out', async () => {
    const { url, hits } = await serve(hang, status(200))
    expect((await client({ timeoutMs: 200 }).send(get(url))).status).toBe(200)
    expect(hits()).toBe(2)
  })

  it('stops at once when its signal aborts, with the signal reason', async () => {
    const { url } = await serve(hang)
    const controller = new AbortController()
    setTimeout(() => controller.abort(new AbortedError('timeout')), 100)
    await expect(client({ signal: controller.signal }).send(get(url))).rejects.toEqual(new AbortedError('timeout'))
  })

  it('adds the authorize headers to every attempt', async () => {
    const seen: string[] = []
    const { url } = await serve(
      (req, res) => {
        seen.push(String(req.headers['x-try']))
        status(503)(req, res)
      },
      (req, res) => {
        seen.push(String(req.headers['x-try']))
        status(200)(req, res)
      }
    )
    let n = 0
    await client().send(get(url), () => ({ 'X-Try': String(++n) }))
    expect(seen).toEqual(['1', '2'])
  })
})

describe('fetchFailure', () => {
  it('passes on the system error under "fetch failed"', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' })
    expect(fetchFailure(new TypeError('fetch failed', { cause }))).toBe(cause)
  })

  it("names the first address tried when connecting to each of a host's addresses failed", () => {
    const errors = [new Error('connect ECONNREFUSED ::1:443'), new Error('connect ECONNREFUSED 127.0.0.1:443')]
    const cause = Object.assign(new AggregateError(errors, ''), { code: 'ECONNREFUSED' })
    const passed = fetchFailure(new TypeError('fetch failed', { cause })) as Error & { code: string }
    expect(passed.message).toBe('connect ECONNREFUSED ::1:443')
    expect(passed.code).toBe('ECONNREFUSED')
  })

  it('passes anything else on as it is', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError')
    expect(fetchFailure(timeout)).toBe(timeout)
    const plain = new TypeError('Invalid URL')
    expect(fetchFailure(plain)).toBe(plain)
  })
})

describe('retryAfterMs', () => {
  it.each([
    ['2', 2_000],
    ['0', 0],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5_000],
    ['soon', undefined],
    [undefined, undefined]
  ])('%s', (value, ms) => {
    expect(retryAfterMs(value, Date.UTC(2026, 0, 1))).toBe(ms)
  })
})
