// How the command's requests leave. Like the action, it sends them with Node's own fetch and turns
// Node's proxy support on when HTTPS_PROXY or HTTP_PROXY is set (net/proxy.ts). The command also
// runs on Node 20 and 22, whose fetch cannot be given a proxy at run time: there, and only when a
// proxy is named, it sends through undici's fetch and proxy agent instead, which honour the same
// variables and NO_PROXY. undici is then read from a chunk of its own (dist/cli/), so a command
// without a proxy loads no more than the action does, and the action's bundle holds no undici at all.

import type { Transport } from '../net/http.js'
import { type ProxySetup, useProxyFromEnv } from '../net/proxy.js'

export interface CommandTransport {
  /** Set only when the requests must not go through Node's own fetch. */
  transport?: Transport
  /** What the proxy set-up changed in this process, undone (the command's tests share one). */
  restore(): void
  /** For --debug: how requests leave. */
  how: string
}

export async function commandTransport(
  env: NodeJS.ProcessEnv,
  nodeProxy: (env: NodeJS.ProcessEnv) => ProxySetup & { restore(): void } = useProxyFromEnv
): Promise<CommandTransport> {
  const setup = nodeProxy(env)
  if (setup.kind === 'none') return { restore: setup.restore, how: 'directly (no proxy variable is set)' }
  if (setup.kind === 'node') return { restore: setup.restore, how: `through the proxy ${setup.variable} names (Node's own support)` }
  const { EnvHttpProxyAgent, fetch } = await import('undici')
  // Given explicitly, so that the command reads the environment it was handed, as it does for everything else.
  const dispatcher = new EnvHttpProxyAgent({
    httpProxy: env['http_proxy'] || env['HTTP_PROXY'] || '',
    httpsProxy: env['https_proxy'] || env['HTTPS_PROXY'] || '',
    noProxy: env['no_proxy'] || env['NO_PROXY'] || ''
  })
  return {
    // undici's Request and Response are the ones Node's fetch is built on; only their TypeScript types differ.
    transport: (url, init) => fetch(url, { ...(init as object), dispatcher }) as unknown as Promise<Response>,
    restore: () => void dispatcher.close(),
    how: `through the proxy ${setup.variable} names (undici: Node ${process.version} cannot apply one to its fetch)`
  }
}
