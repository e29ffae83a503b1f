// Self-hosted runners often reach the internet only through a proxy named by HTTPS_PROXY or
// HTTP_PROXY (NO_PROXY lists the hosts to reach directly). Node's fetch ignores those variables
// unless told otherwise: from Node 24.14 (and 25.4) `http.setGlobalProxyFromEnv()` turns its
// built-in proxy support on at run time, for every request the process makes after it; before
// that only NODE_USE_ENV_PROXY=1 (or --use-env-proxy) at start-up did, and Node 20 has neither
// (docs/proxy.md, with Node's documentation as sources).

/** The variables that name a proxy, lower case first as curl and Node read them. */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const

export type ProxySetup =
  /** No proxy variable is set: requests go directly. */
  | { kind: 'none' }
  /** Node sends every request through the proxy the variables name (and NO_PROXY excepts). */
  | { kind: 'node'; variable: string }
  /** A proxy is named, but this Node cannot apply it at run time. */
  | { kind: 'unavailable'; variable: string }

/** The first proxy variable that is set, by name (its value may hold the proxy's password). */
export function proxyVariable(env: NodeJS.ProcessEnv): string | undefined {
  return PROXY_VARIABLES.find((name) => (env[name] ?? '') !== '')
}

type SetGlobalProxyFromEnv = (env?: NodeJS.ProcessEnv) => () => void

/**
 * Turns Node's own proxy support on when a proxy variable is set. Called once, before the first
 * request; the returned restore() undoes it (for tests, which share one process).
 */
export function useProxyFromEnv(env: NodeJS.ProcessEnv = process.env): ProxySetup & { restore(): void } {
  const variable = proxyVariable(env)
  if (variable === undefined) return { kind: 'none', restore: () => undefined }
  // The module object itself, whose globalAgent the call replaces (net/node-transport.ts reads it
  // there at each request). The function is absent before Node 24.14.
  const http = process.getBuiltinModule('node:http') as { setGlobalProxyFromEnv?: SetGlobalProxyFromEnv }
  const setGlobalProxyFromEnv = http.setGlobalProxyFromEnv
  if (typeof setGlobalProxyFromEnv !== 'function') return { kind: 'unavailable', variable, restore: () => undefined }
  return { kind: 'node', variable, restore: setGlobalProxyFromEnv(env) }
}
