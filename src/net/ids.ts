// IDs from the service go into the paths of later requests (a run's ID into its stop request, a
// job's into its log's). One that holds a slash, `..`, spaces or worse would send that request
// somewhere else, so only plain IDs are taken: letters, digits, `-`, `_`, `.`.

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

/** Whether an ID from an answer can be put in a URL path as it is. */
export function isPlainId(id: string): boolean {
  return PLAIN.test(id) && !id.includes('..')
}
