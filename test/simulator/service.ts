// What every simulated service shares: a loopback HTTP server, a record of each request, and the
// gateway faults of faults.ts. A service supplies its routes and the shape of its error bodies.

import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Fault, FaultPlan } from './faults.ts'

export interface RecordedRequest {
  at: number
  method: string
  path: string
  status: number
  /** The pipeline the request was about, when it names one. */
  pipelineId?: string
  auth: 'aksk' | 'token' | 'none'
  /** The service refused the request's credentials (a bad signature, an unknown or revoked key or token). */
  refused?: boolean
  fault?: Fault['kind']
  /** Bytes of the request body and of the response body as sent (headers left out). */
  requestBytes?: number
  responseBytes?: number
}

export type Reply = (status: number, payload: unknown, headers?: Record<string, string>) => void

/** One answer on its way out, for a test's `rewrite` to change. */
export interface Exchange {
  method: string
  path: string
  url: URL
  /** The request body. */
  body: Buffer
  status: number
  payload: unknown
  headers: Record<string, string>
}

/**
 * Changes an answer after the service acted on the request: what a hostile or differently built
 * service would say instead. `raw` sends that text as the body instead of JSON.
 */
export type Rewrite = (
  exchange: Exchange
) => { status?: number; payload?: unknown; headers?: Record<string, string>; raw?: string } | undefined

const GATEWAY_PAGE = '<html><body>Bad gateway</body></html>'

export abstract class SimulatedService {
  readonly requests: RecordedRequest[] = []
  url = ''
  /** Faults to inject from now on; replaceable while running. */
  faults: FaultPlan | undefined
  /** Rewrites answers from now on; replaceable while running. */
  rewrite: Rewrite | undefined
  /**
   * The service's clock for its runs' timelines and its record of requests: the wall clock unless a
   * bench gives it a virtual one. Credentials are judged on the wall clock whatever this says,
   * because the client signs and times its tokens by the wall clock.
   */
  protected readonly now: () => number
  private readonly server: Server

  protected constructor(faults: FaultPlan | undefined, now: () => number = Date.now) {
    this.faults = faults
    this.now = now
    this.server = createServer((req, res) => void this.handle(req, res))
  }

  /** Listens on loopback: on `port`, or on any free port when it is 0. */
  protected async listen(port = 0): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(port, '127.0.0.1', resolve)
    })
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  /** The service's error body, for faults and failures the service itself raises. */
  protected abstract errorBody(code: string, message: string): object

  protected abstract route(req: IncomingMessage, url: URL, body: Buffer, reply: Reply, record: RecordedRequest): void

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const url = new URL(req.url ?? '/', 'http://simulator')
    const record: RecordedRequest = {
      at: this.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      status: 0,
      auth: 'none',
      requestBytes: body.length
    }
    this.requests.push(record)
    const send: Reply = (status, payload, headers = {}) => {
      const text = JSON.stringify(payload)
      record.status = status
      record.responseBytes = Buffer.byteLength(text)
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(text)
    }
    // The answer the service gives, as a test may rewrite it.
    const answer: Reply = (status, payload, headers = {}) => {
      const changed = this.rewrite?.({ method: record.method, path: record.path, url, body, status, payload, headers })
      if (!changed) return send(status, payload, headers)
      if (changed.raw !== undefined) {
        record.status = changed.status ?? status
        record.responseBytes = Buffer.byteLength(changed.raw)
        res.writeHead(record.status, { 'content-type': 'application/json', ...(changed.headers ?? headers) })
        return void res.end(changed.raw)
      }
      send(changed.status ?? status, 'payload' in changed ? changed.payload : payload, changed.headers ?? headers)
    }
    const fault = this.faults?.({ method: record.method, path: record.path })
    if (fault) record.fault = fault.kind
    switch (fault?.kind) {
      case 'status':
        return fault.status === 429
          ? send(
              429,
              this.errorBody('Throttling', 'The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 minute'),
              { 'retry-after': '1' }
            )
          : send(fault.status, this.errorBody(`Gateway.${fault.status}`, 'Service temporarily unavailable'))
      case 'reset':
        return void req.socket.destroy()
      case 'garbage':
        record.status = 200
        record.responseBytes = Buffer.byteLength(GATEWAY_PAGE)
        res.writeHead(200, { 'content-type': 'text/html' })
        return void res.end(GATEWAY_PAGE)
      case 'answer':
        return send(fault.status, fault.payload, fault.headers)
    }
    // The service itself acts on the request; some faults then spoil the answer on its way back.
    const reply: Reply = (status, payload, headers = {}) => {
      // A gateway refuses credentials itself, at its edge: what can go wrong after the service
      // acted (a lost or replaced answer) happens only to requests it let through.
      if (record.refused) return answer(status, payload, headers)
      if (fault?.kind === 'handled-then-reset') return void req.socket.destroy()
      if (fault?.kind === 'handled-then-502') return send(502, this.errorBody('Gateway.502', 'Bad gateway: upstream timed out'))
      if (fault?.kind === 'slow') return void setTimeout(() => answer(status, payload, headers), fault.ms).unref()
      answer(status, payload, headers)
    }
    try {
      this.route(req, url, body, reply, record)
    } catch (error) {
      reply(500, this.errorBody('Simulator.500', String(error)))
    }
  }
}

/** A request body the simulators inspect loosely: `any` is its honest type. */
// biome-ignore lint/suspicious/noExplicitAny: the simulators read request bodies loosely on purpose
export function parse(body: Buffer): any {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return undefined
  }
}

export function hex32(): string {
  return randomBytes(16).toString('hex')
}
