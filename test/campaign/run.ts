// `npm run campaign`: the long invariant campaign. CAMPAIGN_SEEDS seeds (2,000 by default) of each
// provider and way of signing in, from CAMPAIGN_FROM; prints a line per violation and a summary.

import { CONFIGS, type Config, campaign } from './campaign.ts'

const seeds = Number(process.env['CAMPAIGN_SEEDS'] ?? 2_000)
const from = Number(process.env['CAMPAIGN_FROM'] ?? 1)
const configs = (process.env['CAMPAIGN_CONFIGS']?.split(',') as Config[] | undefined) ?? CONFIGS
const began = Date.now()
let done = 0
const outcomes = await campaign(
  configs,
  Array.from({ length: seeds }, (_, i) => from + i),
  Number(process.env['CAMPAIGN_PARALLEL'] ?? 8),
  (o) => {
    done++
    for (const v of o.violations) console.log(`VIOLATION ${o.config} seed ${o.seed}: ${v}`)
    if (done % 500 === 0) console.error(`${done} runs, ${Math.round((Date.now() - began) / 1000)} s`)
  }
)
for (const config of configs) {
  const mine = outcomes.filter((o) => o.config === config)
  const conclusions: Record<string, number> = {}
  for (const o of mine) conclusions[o.conclusion || '(none)'] = (conclusions[o.conclusion || '(none)'] ?? 0) + 1
  console.log(
    `${config}: ${mine.length} seeds, ${mine.reduce((a, o) => a + o.requests, 0)} requests, ${mine.reduce((a, o) => a + o.mutations, 0)} ` +
      `answers mutated, ` +
      `conclusions ${JSON.stringify(conclusions)}, violations ${mine.filter((o) => o.violations.length > 0).length}`
  )
}
console.log(`${outcomes.length} runs in ${Math.round((Date.now() - began) / 1000)} s`)
process.exitCode = outcomes.some((o) => o.violations.length > 0) ? 1 : 0
