// `npm run bench`: issue 14's goal table, measured in one run. Each part prints its own detailed
// table and hands back its rows (figures.ts); the goal table comes last, then the same as JSON for the
// record (also written to bench-results.json). Timed figures are ratios to a reference measured in
// the same run, because absolute times vary by machine.
//   1. Process: spawn to first request against bare node and a minimal peer, and the bundle's size (process.ts).
//   2. Memory: the action printing a failing step's 100 MB log, ordinary lines and one line (memory.ts).
//   3. Polling on a virtual clock against fixed 5 s, 10 s and 30 s pollers, on the same timelines (polling.ts).

import { writeFileSync } from 'node:fs'
import type { Figure } from './figures.ts'
import { memoryBench } from './memory.ts'
import { pollingBench } from './polling.ts'
import { processBench } from './process.ts'

const parts: Array<[string, () => Promise<Figure[]>]> = [
  ['process', () => processBench()],
  ['memory', () => memoryBench()],
  ['polling', () => pollingBench()]
]

const rows: Figure[] = []
for (const [name, part] of parts) {
  console.log(`\n## ${name}\n`)
  rows.push(...(await part()))
}

console.log('\n## Goal table (issue 14)\n')
console.log('| figure | measured | goal | met |')
console.log('|---|---|---|---|')
for (const row of rows) console.log(`| ${row.figure} | ${row.measured} | ${row.goal} | ${row.met ? 'yes' : 'NO'} |`)
for (const row of rows.filter((r) => r.note)) console.log(`- ${row.figure}: ${row.note}`)
const record = JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2)
writeFileSync('bench-results.json', `${record}\n`)
console.log(`\n${record}`)
