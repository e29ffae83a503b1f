// Loaded into the action's own process by memory.ts (`node --import`): when the process exits, it
// writes its peak resident set size, as the kernel counted it, to BENCH_RSS_FILE. Plain JavaScript,
// so that the bundle runs exactly as the runner runs it, with nothing compiled on the side.

import { writeFileSync } from 'node:fs'

const file = process.env.BENCH_RSS_FILE
const startRss = process.memoryUsage().rss
if (file) {
  // resourceUsage().maxRSS is in kilobytes.
  process.on('exit', () => writeFileSync(file, JSON.stringify({ startRss, maxRss: process.resourceUsage().maxRSS * 1024 })))
}
