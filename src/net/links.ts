// Links from the service are printed, written to outputs and put in the job summary, so a link is
// kept only when it points at the service itself; anything else gives way to the link the action
// builds from the IDs it knows.

/** Where a service's own pages are: its API's origin, and its console's hosts. */
export interface OwnHosts {
  /** The API base URL in use (a private cloud's or the simulator's counts as the service's own). */
  endpoint: string
  /**
   * Host names of the service's console, exactly: not whole domains, which also serve users' own
   * content (storage buckets live under `*.myhuaweicloud.com`).
   */
  hosts: readonly RegExp[]
}

/** `candidate` when it is an https link on one of the service's console hosts or on the API's own origin. */
export function ownLink(candidate: string, own: OwnHosts): string | undefined {
  let url: URL
  try {
    url = new URL(candidate.trim())
  } catch {
    return undefined
  }
  if (url.username !== '' || url.password !== '') return undefined
  const endpoint = new URL(own.endpoint)
  if (url.origin === endpoint.origin) return url.href
  if (url.protocol !== 'https:') return undefined
  return own.hosts.some((host) => host.test(url.hostname)) ? url.href : undefined
}
