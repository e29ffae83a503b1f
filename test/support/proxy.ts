// A loopback HTTP proxy for the tests of HTTP_PROXY / HTTPS_PROXY. undici's proxy agent asks for a
// CONNECT tunnel for every request; Node's http agent sends a plain-http request to the proxy whole,
// with the target's absolute address (RFC 9112, absolute-form). It serves both, as real proxies do.

import { createServer, type IncomingMessage, request } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import type { Duplex } from 'node:stream'

/** A proxy that opens the CONNECT tunnels and forwards the requests it is asked for, and records each target host in `tunnels`. */
export async function forwardingProxy(): Promise<{ url: string; tunnels: string[]; close(): Promise<void> }> {
  const tunnels: string[] = []
  const server = createServer((req, res) => {
    if (!req.url?.startsWith('http://')) return void res.writeHead(405).end()
    const target = new URL(req.url)
    tunnels.push(target.host)
    const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = new URL(`http://${req.url}`)
    tunnels.push(target.host)
    const upstream = connect(Number(target.port), target.hostname, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(socket).pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    close: async () => {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  }
}
