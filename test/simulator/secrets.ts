// Every secret the tests know of: credentials in the fixtures and tokens the simulated IAM issues.
// The harness fails any run that prints one of them.

const known = new Map<string, number>()

export function rememberSecret(value: string): void {
  if (!known.has(value)) known.set(value, Date.now())
}

export function allSecrets(): string[] {
  return [...known.keys()]
}

/** Secrets that came into being at or after `since` (tokens issued during a run). */
export function secretsSince(since: number): string[] {
  return [...known].filter(([, at]) => at >= since).map(([value]) => value)
}
