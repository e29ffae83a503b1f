// Readers for JSON from remote services. Nothing from the wire is trusted to have its documented
// shape: optional fields may be missing or null, IDs may be numbers, times may be 0 for "not yet".

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
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value)
  return undefined
}

/** Epoch milliseconds to a Date; 0, negative and absent mean "not yet". */
export function epochMs(value: unknown): Date | undefined {
  const ms = num(value)
  return ms !== undefined && ms > 0 ? new Date(ms) : undefined
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}
