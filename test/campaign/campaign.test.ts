// A fixed set of seeds of the invariant campaign, in every `npm test`; `npm run campaign` runs
// thousands. Each violation names its config and seed, which replays it exactly.

import { describe, expect, it } from 'vitest'
import { CONFIGS, campaign } from './campaign.ts'

const SEEDS = Array.from({ length: Number(process.env['CAMPAIGN_TEST_SEEDS'] ?? 25) }, (_, i) => i + 1)

describe('invariant campaign against a mutating service', () => {
  it(`${SEEDS.length} seeds of each provider and way of signing in: every invariant holds`, { timeout: 120_000 }, async () => {
    const outcomes = await campaign(CONFIGS, SEEDS)
    const violations = outcomes.flatMap((o) => o.violations.map((v) => `${o.config} seed ${o.seed}: ${v}`))
    expect(violations).toEqual([])
    // The campaign did mutate answers, and saw every kind of ending.
    expect(outcomes.reduce((a, o) => a + o.mutations, 0)).toBeGreaterThan(SEEDS.length)
    const conclusions = new Set(outcomes.map((o) => o.conclusion))
    for (const c of ['success', 'failure']) expect(conclusions).toContain(c)
  })
})
