// Debug output (ACTIONS_STEP_DEBUG) shows requests and responses. The runner's masker only knows the
// values registered with it, and a signature or a minted token may not be registered yet when a line
// is printed, so anything that authenticates is cut out here instead of relying on the masker.

const SECRET_HEADERS = new Set([
  'authorization',
  'x-auth-token',
  'x-subject-token',
  'x-security-token',
  'x-yunxiao-token',
  'x-acs-security-token',
  'cookie',
  'set-cookie'
])

const SECRET_KEY = /pass(word)?|secret|token|credential|signature|^access$|^securitytoken$/i

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? '[redacted]' : String(value)
  }
  return out
}

/** JSON bodies with secret-looking keys replaced; anything that is not JSON is shown only by size. */
export function redactBody(body: string, limit = 2_000): string {
  if (body === '') return ''
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return `[${body.length} characters, not JSON]`
  }
  const text = JSON.stringify(parsed, (key, value: unknown) => (key !== '' && SECRET_KEY.test(key) ? '[redacted]' : value))
  return text.length > limit ? `${text.slice(0, limit)}… [${text.length} characters]` : text
}
