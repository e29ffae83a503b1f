// Readers for JSON from remote services. Nothing from the wire is trusted to have its documented
// shape: optional fields may be missing or null, IDs may be numbers of any size, times may come in
// any unit (docs/remote-values.md).

export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function obj(value: unknown): JsonObject {
  return isObject(value) ? value : {}
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** A string, or a number written as one (IDs are numbers in some APIs); '' when absent. */
export function str(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return ''
}

export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
    const n = Number(value)
    return Number.isFinite(n) ? n : undefined
  }
  return undefined
}

/** A whole number that fits a JSON number exactly (run numbers, counts); undefined otherwise. */
export function count(value: unknown): number | undefined {
  const n = num(value)
  return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined
}

// Epoch values are told apart by size: 1e11 seconds is the year 5138, while 1e11 milliseconds is
// 1973; likewise for micro- and nanoseconds.
const UNITS: readonly [number, number][] = [
  [1e11, 1_000],
  [1e14, 1],
  [1e17, 1e-3],
  [1e20, 1e-6]
]
const EARLIEST = Date.UTC(2000, 0, 1)
const LATEST = Date.UTC(2200, 0, 1)

/**
 * A point in time from a remote answer: epoch seconds, milliseconds, micro- or nanoseconds (as a
 * number or a string of digits), or a date text (ISO 8601; `yyyy-MM-dd HH:mm:ss` without a zone is
 * taken as UTC). 0, negative, unreadable and implausible values (before 2000, after 2200) mean
 * "not known": a time is only ever shown, never used to decide anything.
 */
export function remoteTime(value: unknown): Date | undefined {
  let ms: number | undefined
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : undefined
  if (n !== undefined) {
    const unit = UNITS.find(([below]) => n < below)
    ms = unit && n > 0 ? n * unit[1] : undefined
  } else if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim()
    const zoneless = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
    ms = Date.parse(zoneless ? `${text.replace(' ', 'T')}Z` : text)
  }
  if (ms === undefined || !Number.isFinite(ms) || ms < EARLIEST || ms > LATEST) return undefined
  return new Date(Math.round(ms))
}

/**
 * JSON text to a value. Integers beyond 2^53 are kept as their exact digits (a string): parsed as
 * numbers they would round, and a rounded run ID names another run. (A reviver could do this too,
 * but V8 revives recursively, so a deeply nested answer would overflow the stack.)
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(/\d{16}/.test(text) ? quoteBigIntegers(text) : text) }
  } catch {
    return { ok: false }
  }
}

/** The JSON text with every integer literal that a number cannot hold exactly turned into a string. */
function quoteBigIntegers(text: string): string {
  let out = ''
  let from = 0
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      // Skip a string, escapes included.
      i++
      while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c ? 2 : 1
      i++
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const match = /^-?\d+([.eE][-+\d.eE]*)?/.exec(text.slice(i, i + 400))!
      const token = match[0]
      if (match[1] === undefined && !Number.isSafeInteger(Number(token))) {
        out += `${text.slice(from, i)}"${token}"`
        from = i + token.length
      }
      i += token.length
    } else i++
  }
  return out + text.slice(from)
}
