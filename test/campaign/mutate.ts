// Seeded mutations of a valid answer's content: what a service built differently from our reading of
// its API might send. The campaign applies them to the simulator's answers on their way out.

export type Random = () => number

/** Text that would act as a workflow command, or as markup, wherever it is printed raw. */
export const HOSTILE_TEXT = [
  '\n::set-output name=conclusion::success',
  '\r::add-mask::success',
  '##[error]forged annotation',
  '%0A::warning::percent',
  '::error title=forged::at the start',
  '  ::stop-commands::abc',
  '\u2028::set-output name=status::COMPLETED',
  '\r\n##[set-output name=run-id]x',
  '<img src="https://evil.example.com/p.png">',
  '](https://evil.example.com)',
  '| cell',
  '`code`'
]

/** Every status word the SDKs document, lower-case spellings, and words no document has. */
export const STATUS_WORDS = [
  'COMPLETED',
  'FAILED',
  'CANCELED',
  'PAUSED',
  'SUSPEND',
  'IGNORED',
  'RUNNING',
  'INIT',
  'QUEUED',
  'SKIPPED',
  'ASYNC_FAILED',
  'UNSELECTED',
  'SUCCESS',
  'FAIL',
  'WAITING',
  'TIMEOUT',
  'TERMINATED',
  'completed',
  'success',
  'fail',
  'WARMING_UP',
  'HALF_DONE',
  '',
  '\n::set-output name=conclusion::success'
]

/** Bodies of a 2xx answer that carry an error, in each shape the two clouds use. */
export const ERROR_BODIES: unknown[] = [
  { error_code: 'DEVPIPE.00011001', error_msg: 'mutated error' },
  { errorCode: 'Mutated.Error', errorMsg: 'mutated error' },
  { errorCode: 'Mutated.Error', errorMessage: 'mutated error' },
  { success: false, code: 'MUTATED', message: 'mutated error' },
  { success: false },
  { error: { code: 'DEVPIPE.00011002', message: 'mutated error' } },
  { Code: 'Throttling.User', Message: 'mutated error' }
]

const NUMBER_CHANGES: ((n: number) => unknown)[] = [
  (n) => n * 1_000_000, // milliseconds read as nanoseconds
  (n) => Math.floor(n / 1000), // seconds
  () => 1e300,
  () => -1,
  () => 0,
  (n) => String(n),
  () => 2 ** 53 + 1,
  () => 'NaN',
  // biome-ignore lint/correctness/noPrecisionLoss: a literal past 2^53, as a service might write one
  () => 9007199254740993
]

interface Place {
  parent: Record<string, unknown> | unknown[]
  key: string | number
  depth: number
}

/** Every field and element of a value, to a bounded depth. */
function places(value: unknown, depth = 0, found: Place[] = []): Place[] {
  if (depth > 8 || found.length > 2_000) return found
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      found.push({ parent: value, key: i, depth })
      places(v, depth + 1, found)
    })
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      found.push({ parent: value as Record<string, unknown>, key: k, depth })
      places(v, depth + 1, found)
    }
  }
  return found
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!

/** One change to a copy of `payload`, and what it was. */
export function mutate(payload: unknown, random: Random): { payload: unknown; what: string } {
  const copy: unknown = payload === undefined ? undefined : JSON.parse(JSON.stringify(payload))
  const all = places(copy)
  // Statuses are the words the verdict hangs on: changed more often than the rest.
  const statuses = all.filter((p) => p.key === 'status')
  if (statuses.length > 0 && random() < 0.35) {
    const place = pick(random, statuses)
    const word = pick(random, STATUS_WORDS)
    set(place, word)
    return { payload: copy, what: `status → ${JSON.stringify(word)}` }
  }
  if (all.length === 0) return { payload: pick(random, ERROR_BODIES), what: 'error body' }
  const place = pick(random, all)
  const current = get(place)
  const r = random()
  if (typeof current === 'string' && r < 0.4) {
    const text = pick(random, HOSTILE_TEXT)
    set(place, random() < 0.5 ? `${current}${text}` : `${text}${current}`)
    return { payload: copy, what: `text ${String(place.key)} += ${JSON.stringify(text)}` }
  }
  if (typeof current === 'number' && r < 0.5) {
    const change = pick(random, NUMBER_CHANGES)
    set(place, change(current))
    return { payload: copy, what: `number ${String(place.key)}` }
  }
  const kind = Math.floor(random() * 4)
  if (kind === 0 && !Array.isArray(place.parent)) {
    delete (place.parent as Record<string, unknown>)[place.key as string]
    return { payload: copy, what: `missing ${String(place.key)}` }
  }
  if (kind === 1) {
    set(place, null)
    return { payload: copy, what: `null ${String(place.key)}` }
  }
  if (kind === 2) {
    set(place, typeof current === 'string' ? 12345 : typeof current === 'number' ? 'twelve' : Array.isArray(current) ? {} : [])
    return { payload: copy, what: `wrong type ${String(place.key)}` }
  }
  if (!Array.isArray(place.parent)) (place.parent as Record<string, unknown>)['unexpected_field'] = { nested: [1, 'two', null] }
  return { payload: copy, what: 'extra field' }
}

function get(place: Place): unknown {
  return (place.parent as Record<string | number, unknown>)[place.key]
}

function set(place: Place, value: unknown): void {
  ;(place.parent as Record<string | number, unknown>)[place.key] = value
}
