// Pure parsers for input values. Each throws InputError naming the input and the fix, so that
// getInputs() reads as a list of what each input is, not how it is checked.

import { InputError } from '../errors.js'

/**
 * An input value as an error message shows it: quoted, control characters escaped (so the message
 * stays one line and cannot carry terminal or workflow-command tricks), long values cut.
 */
export function shown(value: string): string {
  const cut = value.length > 80 ? `${value.slice(0, 80)}…` : value
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return `'${cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }

/** `90s`, `10m`, `1h30m`, `2.5m`. A bare number is refused: `timeout: 30` means minutes to some and seconds to others. */
export function parseDuration(input: string, value: string): number {
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) {
    throw new InputError(input, `${shown(value)} has no unit; write ${text}m for minutes or ${text}s for seconds`)
  }
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)]
  const covered = parts.map((p) => p[0]).join('')
  if (parts.length === 0 || covered !== text) {
    throw new InputError(input, `${shown(value)} is not a duration; write a number with a unit s, m or h, e.g. 90s, 10m, 1h30m`)
  }
  return Math.round(parts.reduce((total, [, n, unit]) => total + Number(n) * UNIT_MS[unit!]!, 0))
}

/**
 * Splits on commas, spaces and newlines; keeps order; refuses duplicates unless `unique` is false.
 * An empty entry (two commas in a row, a comma at either end) is refused, by its position: in
 * `run-ids` a missing entry would pair every later run with the wrong pipeline.
 */
export function parseList(input: string, value: string, unique = true): string[] {
  const items: string[] = []
  const chunks = value.trim() === '' ? [] : value.split(',')
  for (const [i, chunk] of chunks.entries()) {
    const words = chunk.split(/\s+/).filter((s) => s.length > 0)
    if (words.length === 0) {
      const where =
        i === 0 ? 'the list starts with a comma' : i === chunks.length - 1 ? 'the list ends with a comma' : 'two commas in a row'
      throw new InputError(input, `entry ${items.length + 1} is empty (${where}); remove the extra comma`)
    }
    items.push(...words)
  }
  const seen = new Set<string>()
  for (const item of items) {
    if (unique && seen.has(item)) throw new InputError(input, `${shown(item)} is listed twice; list each one once`)
    seen.add(item)
  }
  return items
}

export function parseBoolean(input: string, value: string): boolean {
  const text = value.trim().toLowerCase()
  if (text === 'true') return true
  if (text === 'false') return false
  throw new InputError(input, `${shown(value)} is not a boolean; use true or false`)
}

export function parseChoice<T extends string>(input: string, value: string, choices: readonly T[]): T {
  const text = value.trim()
  const found = choices.find((c) => c === text.toLowerCase())
  if (found === undefined) {
    throw new InputError(input, `${shown(value)} is not one of ${choices.join(', ')}`)
  }
  return found
}

export function parseInteger(input: string, value: string, min: number, max: number): number {
  const text = value.trim()
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new InputError(input, `${shown(value)} is not a whole number from ${min} to ${max}`)
  }
  return Number(text)
}

export interface Variable {
  name: string
  value: string
}

/**
 * One `NAME=value` a line. Surrounding spaces are trimmed (YAML block scalars make them easy to add
 * by accident); the value is everything after the first `=`, so values may contain `=`.
 */
export function parseVariables(input: string, value: string, maxValueLength: number): Variable[] {
  const variables: Variable[] = []
  const lines = value.split(/\r?\n/)
  lines.forEach((raw, index) => {
    const line = raw.trim()
    if (line === '') return
    const eq = line.indexOf('=')
    const name = eq < 0 ? '' : line.slice(0, eq).trim()
    if (eq < 0 || name === '' || /\s/.test(name)) {
      throw new InputError(input, `line ${index + 1} is not NAME=value; write one variable a line, e.g. IMAGE_TAG=1.2.3`)
    }
    const val = line.slice(eq + 1).trim()
    if (variables.some((v) => v.name === name)) {
      throw new InputError(input, `${shown(name)} is set twice; set each variable once`)
    }
    if (val.length > maxValueLength) {
      throw new InputError(input, `the value of ${shown(name)} is ${val.length} characters; the limit is ${maxValueLength}`)
    }
    variables.push({ name, value: val })
  })
  return variables
}

export interface GitRef {
  kind: 'branch' | 'tag'
  name: string
}

/** `main`, `refs/heads/main` or `refs/tags/v1.2.0`. */
export function parseRef(input: string, value: string): GitRef | undefined {
  const text = value.trim()
  if (text === '') return undefined
  let ref: GitRef
  if (text.startsWith('refs/tags/')) ref = { kind: 'tag', name: text.slice('refs/tags/'.length) }
  else if (text.startsWith('refs/heads/')) ref = { kind: 'branch', name: text.slice('refs/heads/'.length) }
  else if (text.startsWith('refs/')) {
    // refs/pull/N/merge exists only on GitHub; the pipeline's repository has no such ref.
    throw new InputError(
      input,
      `${shown(value)} is neither a branch nor a tag; give a branch (main, refs/heads/main) or a tag (refs/tags/v1.2.0)`
    )
  } else ref = { kind: 'branch', name: text }
  if (ref.name === '' || /[\s~^:?*[\\]|\.\.|\/\/|^\/|\/$/.test(ref.name)) {
    throw new InputError(input, `${shown(value)} is not a valid git ${ref.kind} name`)
  }
  return ref
}

/**
 * An http(s) base URL without query or fragment, returned without a trailing slash. Plain http is
 * accepted only for loopback hosts (the local simulator): elsewhere it would send tokens in clear text.
 */
export function parseBaseUrl(input: string, value: string): string {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    throw new InputError(input, `${shown(value)} is not a URL; write it like https://host or https://host/prefix`)
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(input, `${shown(value)} must use https (plain http is allowed only for 127.0.0.1 or localhost)`)
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new InputError(input, `${shown(value)} must not carry a query, fragment or user info`)
  }
  return url.href.replace(/\/+$/, '')
}
