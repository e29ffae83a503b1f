// Faults the simulated gateway can inject, and a seeded plan that picks them at random.

export type Fault =
  /** Answer with this status before the service sees the request (429 carries Retry-After). */
  | { kind: 'status'; status: 429 | 500 | 502 | 503 | 504 }
  /** Drop the connection before the service sees the request. */
  | { kind: 'reset' }
  /** Answer 200 with a proxy's HTML error page before the service sees the request. */
  | { kind: 'garbage' }
  /** Let the service act, then hold the answer back this long. */
  | { kind: 'slow'; ms: number }
  /** Let the service act, then drop the connection: the client cannot know it worked. */
  | { kind: 'handled-then-reset' }
  /** Let the service act, then answer 502 as a gateway whose upstream timed out. */
  | { kind: 'handled-then-502' }
  /** Answer this before the service sees the request: a service that says something and does nothing. */
  | { kind: 'answer'; status: number; payload: unknown; headers?: Record<string, string> }

export type FaultPlan = (request: { method: string; path: string }) => Fault | undefined

/** A small, fast, seedable PRNG (mulberry32), so that a failing seed can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const KINDS: ((random: () => number, slowMs: number) => Fault)[] = [
  (r) => ({ kind: 'status', status: ([429, 500, 502, 503, 504] as const)[Math.floor(r() * 5)]! }),
  () => ({ kind: 'reset' }),
  () => ({ kind: 'garbage' }),
  (_r, slowMs) => ({ kind: 'slow', ms: slowMs }),
  () => ({ kind: 'handled-then-reset' }),
  () => ({ kind: 'handled-then-502' })
]

/** Each request meets a fault with probability `rate`, of a kind chosen at random. */
export function randomFaults(seed: number, rate: number, slowMs: number): FaultPlan {
  const random = seededRandom(seed)
  return () => (random() < rate ? KINDS[Math.floor(random() * KINDS.length)]!(random, slowMs) : undefined)
}
