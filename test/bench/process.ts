// The process figures of issue 14's goal table, measured in the real world rather than on the
// virtual clock: how soon the bundle's first request leaves after the runner starts Node, as a
// ratio to bare `node` doing one fetch (same binary, interleaved), beside the same ratio for a
// minimal peer (@actions/core and one fetch, peer/index.mjs); and how much JavaScript the runner
// reads (dist/index.js alone, which is all a run without check runs loads, and with the check-runs
// chunks).

import { readdirSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { coldStartSamples, ENTRY, type Samples, type Subject } from './cold-start.ts'
import type { Figure } from './figures.ts'

const ROUNDS = 15
const MB = 1_000_000
// The budget for what the runner reads before the first request (issue 14).
const DIST_GOAL_BYTES = 1 * MB

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
function pairedRatios(samples: Samples, subject: Exclude<Subject, 'bare node'>): number[] {
  return samples[subject].map((ms, i) => ms / samples['bare node'][i]!)
}

interface Row {
  subject: Subject
  ms: number
  ratio: number
}

export async function processBench(rounds = ROUNDS): Promise<Figure[]> {
  const samples = await coldStartSamples(rounds)
  const bare = median(samples['bare node'])
  const rows = (['bare node', 'minimal peer', 'check runs off', 'check runs on'] as const).map((subject) => {
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

  const [, peer, off, on] = rows as [Row, Row, Row, Row]
  return [
    {
      figure: 'first request after the process starts',
      measured: `${off.ratio.toFixed(2)}× bare node (${off.ms} ms vs ${bare} ms)`,
      // No peer can do less before its first request than the minimal one, so it stands for the fastest.
      goal: `≤ a minimal peer's ${peer.ratio.toFixed(2)}× bare node`,
      met: off.ratio <= peer.ratio,
      note:
        `check runs on: ${on.ratio.toFixed(2)}× (Octokit is read only after the first run exists); the rest over bare node is ` +
        'reading and running the action itself before it can sign its first request',
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
