// What must never be printed, and the bounded printer for anything that came from the wire.
//
// Two nets, because each misses something. The runner masks the values registered with it
// (`::add-mask::`), but a signature or a freshly minted token may be printed before it is
// registered, and a value the runner does not know of is printed as is. So debug output also cuts
// out, by itself, every header and field that authenticates, every value registered so far, and the
// value of every run variable whose name says it is secret.

/** Values registered as secret, in the forms they take when embedded in JSON or a URL. */
export class SecretSet {
  private readonly values = new Set<string>()
  private forms: string[] = []

  /**
   * Registers a value; returns what to hand to the runner's masker: the value and, for a value of
   * several lines, each line (the runner matches a secret within one line of output).
   */
  add(value: string): string[] {
    const parts = [value, ...value.split(/\r?\n/).filter((l) => l.trim().length >= 4)].filter(
      (v, i, all) => v !== '' && all.indexOf(v) === i
    )
    const fresh = parts.filter((v) => !this.values.has(v))
    for (const v of fresh) this.values.add(v)
    if (fresh.length > 0) {
      const forms = new Set<string>()
      for (const v of this.values) {
        for (const f of [v, JSON.stringify(v).slice(1, -1), encodeURIComponent(v)]) forms.add(f)
      }
      // Longest first, so that a secret containing another is cut whole.
      this.forms = [...forms].sort((a, b) => b.length - a.length)
    }
    return fresh
  }

  /** Every registered form, longest first. */
  all(): readonly string[] {
    return this.forms
  }
}

export function redactText(text: string, secrets: SecretSet): string {
  let out = text
  for (const form of secrets.all()) if (form !== '' && out.includes(form)) out = out.split(form).join('***')
  return out
}

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

// Field names whose values authenticate, in request and response bodies.
const SECRET_KEY = /pass(word)?|secret|token|credential|signature|^access$|^securitytoken$/i

// Run variables: a name that says secret hides its value from the summary and from debug output.
const SECRET_NAME = /pass|secret|token|key|credential|auth|cookie|session|private|cert/i

/** Whether a run variable's name says that its value is secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name)
}

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? '[redacted]' : String(value)
  }
  return out
}

/** How much of an answer a debug line shows before the logger cuts it (after cutting out secrets). */
export const PREVIEW_LIMIT = 64 * 1024

/**
 * A request or response body for the debug log: JSON (also JSON inside a string field, and a form
 * field holding JSON, as the Yunxiao start request has) with secret fields replaced, cut to
 * `limit` characters; anything else is shown only by its size.
 */
export function redactBody(body: string, parsed?: unknown, limit = PREVIEW_LIMIT): string {
  if (body === '') return ''
  let value = parsed
  if (value === undefined) {
    value = parseLoose(body)
    if (value === undefined) {
      const form = formFields(body)
      if (form === undefined) return `[${body.length} characters, not JSON]`
      value = form
    }
  }
  return preview(redactValue(value, 0, ''), limit)
}

function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** `a=1&b=2` as an object, when the body looks like a form. */
function formFields(body: string): Record<string, unknown> | undefined {
  if (!/^[\w.%-]+=[^&]*(&[\w.%-]+=[^&]*)*$/.test(body.trim())) return undefined
  return Object.fromEntries([...new URLSearchParams(body)].map(([k, v]) => [k, parseLoose(v) ?? v]))
}

const MAX_DEPTH = 16

function redactValue(value: unknown, depth: number, parentKey: string): unknown {
  if (depth > MAX_DEPTH) return '…'
  if (typeof value === 'string') {
    // JSON inside a string (the Yunxiao `params` field): redact inside it too.
    if (/^\s*[[{]/.test(value)) {
      const inner = parseLoose(value)
      if (inner !== undefined) return redactValue(inner, depth + 1, parentKey)
    }
    return value
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1, parentKey))
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value as Record<string, unknown>)
  // `{name: "DB_PASSWORD", value: "…"}` (CodeArts) or `{key: …, value: …}` (Yunxiao globalParams).
  const named = entries.find(([k]) => k === 'name' || k === 'key')?.[1]
  const hideValue = typeof named === 'string' && isSecretName(named)
  const out: Record<string, unknown> = {}
  for (const [key, v] of entries) {
    // `envs: {DB_PASSWORD: "…"}`: the Yunxiao shape, where the key is the variable's name.
    const secret = SECRET_KEY.test(key) || (parentKey === 'envs' && isSecretName(key)) || (hideValue && key === 'value')
    out[key] = secret ? '[redacted]' : redactValue(v, depth + 1, key)
  }
  return out
}

/**
 * JSON text of a value from the wire, bounded in depth and in length: a service can answer with
 * thousands of nested levels (JSON.stringify would overflow the stack) or with megabytes.
 */
export function preview(value: unknown, limit = 2_000): string {
  const out: string[] = []
  let length = 0
  const push = (s: string): boolean => {
    out.push(s)
    length += s.length
    return length <= limit
  }
  const walk = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return push(String(v))
    if (typeof v === 'string') return push(JSON.stringify(v.length > limit ? `${v.slice(0, limit)}…` : v))
    if (typeof v !== 'object') return push('null')
    if (depth >= MAX_DEPTH) return push(Array.isArray(v) ? '[…]' : '{…}')
    if (Array.isArray(v)) {
      if (!push('[')) return false
      for (let i = 0; i < v.length; i++) if ((i > 0 && !push(',')) || !walk(v[i], depth + 1)) return false
      return push(']')
    }
    if (!push('{')) return false
    let first = true
    for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
      if ((!first && !push(',')) || !push(`${JSON.stringify(k)}:`) || !walk(item, depth + 1)) return false
      first = false
    }
    return push('}')
  }
  const complete = walk(value, 0)
  const text = out.join('')
  return complete && text.length <= limit ? text : `${text.slice(0, limit)}… [cut]`
}
