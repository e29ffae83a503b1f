/**
 * Delays between status reads: `first`, then growing by half each time up to `max`, each with ±20%
 * jitter. Runs usually take minutes, so reading often at the start catches a fast failure (a bad
 * parameter, a refused start) and reading rarely later keeps a long wait cheap. The jitter keeps
 * many jobs started by one push from polling in lockstep.
 */
export class PollSchedule {
  private base: number
  private readonly max: number
  private readonly random: () => number

  constructor(first: number, max: number, random: () => number = Math.random) {
    this.base = first
    this.max = max
    this.random = random
  }

  next(): number {
    const delay = Math.min(this.max, Math.round(this.base * (0.8 + 0.4 * this.random())))
    this.base = Math.min(this.max, this.base * 1.5)
    return delay
  }
}
