// Requests through a proxy named by HTTP_PROXY / HTTPS_PROXY, against a loopback proxy that records
// what reaches it: Node's own support turned on at run time (the action, and the command on a Node
// that has it), and the command's undici fallback (Node 20 and 22).

import { createServer, type IncomingMessage, type Server } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import type { Duplex } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { turnOnProxy } from '../../src/action/io.ts'
import { commandTransport } from '../../src/cli/transport.ts'
import { TransportError } from '../../src/errors.ts'
import { HttpClient, type HttpRequest, type Transport } from '../../src/net/http.ts'
import { proxyVariable, useProxyFromEnv } from '../../src/net/proxy.ts'
import { nullLogger as quiet, recordingLogger } from '../support/loggers.ts'

const servers: Server[] = []
const undo: (() => void)[] = []
afterEach(async () => {
  for (const restore of undo.splice(0)) restore()
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((r) => server.close(r))
  }
})

async function listen(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/**
 * A proxy that records what reaches it. Node's and undici's proxy agents open a CONNECT tunnel for
 * every request; this one refuses a tunnel to port 443 (there is no TLS server here) and connects
 * any other to a loopback server that answers {"via":"proxy"}, whatever host was asked for.
 */
async function proxy(): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = []
  const behind = await listen(
    createServer((req, res) => {
      seen.push(`${req.method} ${req.headers.host}${req.url}`)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"via":"proxy"}')
    })
  )
  // Node's http agent sends a plain-http request whole, in absolute form; it is answered as behind.
  const server = createServer((req, res) => {
    if (!req.url?.startsWith('http://')) return void res.writeHead(405).end()
    const target = new URL(req.url)
    seen.push(`${req.method} ${target.host}${target.pathname}`)
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"via":"proxy"}')
  })
  server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`)
    if (req.url?.endsWith(':443')) return void socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n')
    const upstream = connect(Number(new URL(behind).port), '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(socket).pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  return { url: await listen(server), seen }
}

/** A server reached directly: what NO_PROXY excepts. */
async function direct(): Promise<string> {
  return listen(
    createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"via":"direct"}')
    })
  )
}

function client(transport?: Transport): HttpClient {
  const signal = new AbortController().signal
  return new HttpClient({
    logger: quiet,
    signal: () => signal,
    requestTimeoutMs: 2_000,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    ...(transport && { transport })
  })
}

const get = (url: string): HttpRequest => ({
  method: 'GET',
  url: new URL(url),
  headers: {},
  idempotent: true,
  action: 'reading',
  expectJson: true
})

describe("Node's own proxy support, turned on at run time", () => {
  it('sends a request for a host it cannot resolve through the proxy HTTP_PROXY names', async () => {
    const { url, seen } = await proxy()
    const setup = useProxyFromEnv({ HTTP_PROXY: url })
    undo.push(setup.restore)
    expect(setup.kind).toBe('node')
    // Without the proxy, the name would not resolve (.invalid never does).
    expect((await client().send(get('http://codearts.invalid/v5/pipelines'))).json).toEqual({ via: 'proxy' })
    expect(seen).toEqual(['GET codearts.invalid/v5/pipelines'])
  })

  it('tunnels an https request through the proxy HTTPS_PROXY names', async () => {
    const { url, seen } = await proxy()
    undo.push(useProxyFromEnv({ HTTPS_PROXY: url }).restore)
    await expect(client().send(get('https://devops.invalid/oapi/v1/flow'))).rejects.toThrow(TransportError)
    expect(seen).toEqual(['CONNECT devops.invalid:443'])
  })

  it('reaches a host NO_PROXY names directly', async () => {
    const { url, seen } = await proxy()
    const target = await direct()
    undo.push(useProxyFromEnv({ HTTP_PROXY: url, NO_PROXY: '127.0.0.1' }).restore)
    expect((await client().send(get(`${target}/x`))).json).toEqual({ via: 'direct' })
    expect(seen).toEqual([])
  })

  it('changes nothing when no proxy is named', () => {
    expect(useProxyFromEnv({ NO_PROXY: '*' }).kind).toBe('none')
    expect(proxyVariable({ http_proxy: '', HTTP_PROXY: 'http://p:3128' })).toBe('HTTP_PROXY')
  })
})

describe("the command's fallback where Node's fetch cannot take a proxy", () => {
  const olderNode = (env: NodeJS.ProcessEnv) => ({ kind: 'unavailable' as const, variable: proxyVariable(env)!, restore: () => undefined })

  it('sends through undici and the proxy the variables name', async () => {
    const { url, seen } = await proxy()
    const setup = await commandTransport({ http_proxy: url }, olderNode)
    undo.push(setup.restore)
    expect(setup.transport).toBeDefined()
    expect((await client(setup.transport).send(get('http://codearts.invalid/v5/pipelines'))).json).toEqual({ via: 'proxy' })
    expect(seen).toEqual(['CONNECT codearts.invalid:80', 'GET codearts.invalid/v5/pipelines'])
  })

  it('honours NO_PROXY too', async () => {
    const { url, seen } = await proxy()
    const target = await direct()
    const setup = await commandTransport({ HTTP_PROXY: url, no_proxy: '127.0.0.1' }, olderNode)
    undo.push(setup.restore)
    expect((await client(setup.transport).send(get(`${target}/x`))).json).toEqual({ via: 'direct' })
    expect(seen).toEqual([])
  })

  it("uses Node's own fetch when Node can take the proxy, and when none is named", async () => {
    const { url } = await proxy()
    const withProxy = await commandTransport({ HTTPS_PROXY: url })
    undo.push(withProxy.restore)
    expect(withProxy.transport).toBeUndefined()
    expect((await commandTransport({})).transport).toBeUndefined()
  })
})

describe('the action on a Node that cannot apply a proxy at run time', () => {
  const olderNode = (env: NodeJS.ProcessEnv) => ({ kind: 'unavailable' as const, variable: proxyVariable(env)!, restore: () => undefined })

  it("warns, naming the variable but never its value (it may hold the proxy's password)", () => {
    const logger = recordingLogger(false)
    turnOnProxy({ HTTPS_PROXY: 'http://user:s3cret@proxy.corp:3128' }, logger, olderNode)
    expect(logger.stdout()).toMatch(
      /^::warning::HTTPS_PROXY is set, but Node v[\d.]+ cannot apply a proxy at run time.*NODE_USE_ENV_PROXY: 1/
    )
    expect(logger.stdout()).not.toContain('s3cret')
  })

  it('says nothing when Node applied the proxy at start-up, or none is named', () => {
    const logger = recordingLogger(false)
    turnOnProxy({ HTTPS_PROXY: 'http://proxy.corp:3128', NODE_USE_ENV_PROXY: '1' }, logger, olderNode)
    turnOnProxy({}, logger)
    expect(logger.stdout()).toBe('')
  })
})
