// A loopback HTTP proxy for the tests of HTTP_PROXY / HTTPS_PROXY: Node's and undici's proxy agents
// ask for a CONNECT tunnel for every request (http targets too), so that is all it serves.

import { createServer, type IncomingMessage } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import type { Duplex } from 'node:stream'

/** A proxy that opens the CONNECT tunnels it is asked for (as proxy agents ask, for http targets too) and records them. */
export async function forwardingProxy(): Promise<{ url: string; tunnels: string[]; close(): Promise<void> }> {
  const tunnels: string[] = []
  const server = createServer((_req, res) => res.writeHead(405).end())
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
