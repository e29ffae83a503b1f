// The process figures of issue 14's goal table, measured in the real world rather than on the
// virtual clock: how soon the bundle's first request leaves after the runner starts Node, as a
// ratio to bare `node` doing one fetch (same binary, interleaved), and how much JavaScript the
// runner reads (dist/index.js alone, which is all a run without check runs loads, and with the
// check-runs chunks).

import { readdirSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { coldStartSamples, ENTRY, type Samples } from './cold-start.ts'
import type { Figure } from './figures.ts'

const ROUNDS = 15
const MB = 1_000_000
// The budget for what the runner reads before the first request (issue 14).
const DIST_GOAL_BYTES = 1 * MB
// The peers the issue measured start within the bare runtime's own noise: the goal is to add
// nothing one can tell from it, i.e. a median ratio within 1.1× of bare node's.
const COLD_GOAL_RATIO = 1.1

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const range = (values: readonly number[]): string => `${Math.min(...values)}–${Math.max(...values)}`

/** The bundle's files: the entry and the numbered chunks ncc splits off for dynamic imports. */
export function distSizes(entry = ENTRY): { entry: number; chunks: Record<string, number> } {
  const dir = dirname(entry)
  const chunks: Record<string, number> = {}
  for (const file of readdirSync(dir)) if (/^\d+\.index\.js$/.test(file)) chunks[file] = statSync(join(dir, file)).size
  return { entry: statSync(entry).size, chunks }
}

/** The ratio of each action run to the bare-node run of the same round: a drift of the machine's speed cancels. */
function pairedRatios(samples: Samples, subject: 'check runs off' | 'check runs on'): number[] {
  return samples[subject].map((ms, i) => ms / samples['bare node'][i]!)
}

export async function processBench(rounds = ROUNDS): Promise<Figure[]> {
  const samples = await coldStartSamples(rounds)
  const bare = median(samples['bare node'])
  const rows = (['bare node', 'check runs off', 'check runs on'] as const).map((subject) => {
    const ms = median(samples[subject])
    const ratio = subject === 'bare node' ? 1 : median(pairedRatios(samples, subject))
    return { subject, ms, ratio }
  })
  const sizes = distSizes()
  const chunkBytes = Object.values(sizes.chunks).reduce((a, b) => a + b, 0)

  console.log(`\nCold start, spawn to first request (${rounds} interleaved rounds after a warm-up; ${process.version}):`)
  console.log('| run | median ms | range ms | × bare node (median of paired ratios) |')
  console.log('|---|---|---|---|')
  for (const { subject, ms, ratio } of rows) console.log(`| ${subject} | ${ms} | ${range(samples[subject])} | ${ratio.toFixed(2)} |`)
  console.log(`\ndist: ${basename(ENTRY)} ${(sizes.entry / MB).toFixed(2)} MB`)
  for (const [file, bytes] of Object.entries(sizes.chunks)) console.log(`      ${file} ${(bytes / MB).toFixed(2)} MB (check runs only)`)

  const off = rows[1]!
  const on = rows[2]!
  return [
    {
      figure: 'first request after the process starts',
      measured: `${off.ratio.toFixed(2)}× bare node (${off.ms} ms vs ${bare} ms)`,
      goal: `≤ ${COLD_GOAL_RATIO}× bare node`,
      met: off.ratio <= COLD_GOAL_RATIO,
      note: `check runs on: ${on.ratio.toFixed(2)}× (Octokit is read only after the first run exists)`,
      data: { rounds, node: process.version, samples }
    },
    {
      figure: 'dist/ loaded by the runner',
      measured: `${(sizes.entry / MB).toFixed(2)} MB (${((sizes.entry + chunkBytes) / MB).toFixed(2)} MB with the check-runs chunks)`,
      goal: `≤ ${DIST_GOAL_BYTES / MB} MB`,
      met: sizes.entry <= DIST_GOAL_BYTES,
      note: 'a run without check runs reads index.js only; the chunks are read once a check run is created',
      data: { entryBytes: sizes.entry, chunkBytes: sizes.chunks }
    }
  ]
}
