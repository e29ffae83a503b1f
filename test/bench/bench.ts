// `npm run bench`: speed and memory figures, measured against the simulator over loopback.
//   1. Streaming the tail of a 100 MB step log: time, requests, and the heap it needs.
//   2. Status polling: requests per cycle for many pipelines (batch reads vs. detail reads).
//   3. Cold start of the bundle against bare node, and the bundle's size (process.ts).

import { performance } from 'node:perf_hooks'
import type { CodeArtsConnection } from '../../src/config/settings.ts'
import { HttpClient } from '../../src/net/http.ts'
import { createProvider } from '../../src/providers/index.ts'
import { readTail } from '../../src/report/tail.ts'
import { CodeArtsSimulator, hex32 } from '../simulator/codearts.ts'
import { ACCESS_KEY, quickPipeline } from '../simulator/fixtures.ts'
import { nullLogger as quiet } from '../support/loggers.ts'
import { processBench } from './process.ts'

function provider(sim: CodeArtsSimulator) {
  const connection: CodeArtsConnection = {
    provider: 'codearts',
    region: 'cn-north-4',
    endpoint: sim.url,
    iamEndpoint: sim.url,
    projectId: sim.projectId,
    auth: { kind: 'aksk', accessKey: ACCESS_KEY.accessKey, secretKey: ACCESS_KEY.secretKey, iamProjectId: sim.iamProjectId }
  }
  return createProvider(connection, new HttpClient({ logger: quiet, signal: () => new AbortController().signal }), quiet).provider
}

async function hugeLog(): Promise<void> {
  const LINES = 1_000_000
  const WIDTH = 99 // + newline: 100 bytes a line, 100 MB in all
  const id = hex32()
  const sim = await CodeArtsSimulator.start({
    accessKeys: [ACCESS_KEY],
    pipelines: {
      [id]: {
        script: {
          name: 'huge',
          stages: [
            {
              name: 'S',
              jobs: [
                {
                  name: 'J',
                  steps: [
                    {
                      name: 'noisy',
                      durationMs: 1,
                      fail: 'x',
                      log: { count: LINES, width: WIDTH, line: (i) => `${i} ${'lorem ipsum '.repeat(8)}` }
                    }
                  ]
                }
              ]
            }
          ]
        }
      }
    }
  })
  const run = sim.startRun(id, { foreign: false })
  await new Promise((r) => setTimeout(r, 20))
  const p = provider(sim)
  const detail = await p.detail({ pipelineId: id, runId: run.id })
  const step = detail.stages[0]!.jobs[0]!.steps[0]!
  // Live memory, not garbage V8 has yet to collect: each sample follows a full collection.
  const gc = global.gc ?? (() => undefined)
  gc()
  const before = process.memoryUsage().heapUsed
  let peak = before
  const sampler = setInterval(() => {
    gc()
    peak = Math.max(peak, process.memoryUsage().heapUsed)
  }, 25)
  const began = performance.now()
  const tail = await readTail(p.stepLog({ pipelineId: id, runId: run.id }, step.logKey!), 300)
  const seconds = (performance.now() - began) / 1000
  clearInterval(sampler)
  const pages = sim.requests.filter((r) => r.path.endsWith('/logs')).length
  console.log(
    `100 MB step log (${LINES.toLocaleString('en')} lines of ${WIDTH + 1} bytes): tail of ${tail.lines.length} read in ` +
      `${seconds.toFixed(1)} s, ` +
      `${pages} pages (${((LINES * (WIDTH + 1)) / 1e6 / seconds).toFixed(0)} MB/s); live heap grew by at most ` +
      `${((peak - before) / 1e6).toFixed(1)} MB ` +
      `(${tail.total.toLocaleString('en')} lines seen, last: "${tail.lines.at(-1)!.slice(0, 12)}…")`
  )
  await sim.close()
}

async function polling(): Promise<void> {
  const PIPELINES = 50
  const ids = Array.from({ length: PIPELINES }, () => hex32())
  const sim = await CodeArtsSimulator.start({
    accessKeys: [ACCESS_KEY],
    pipelines: Object.fromEntries(ids.map((id) => [id, { script: quickPipeline(60_000) }]))
  })
  const runs = ids.map((id) => ({ pipelineId: id, runId: sim.startRun(id, { foreign: false }).id }))
  const p = provider(sim)
  const CYCLES = 10
  const began = performance.now()
  for (let i = 0; i < CYCLES; i++) await p.poll(runs)
  const ms = (performance.now() - began) / CYCLES
  const batch = sim.requests.filter((r) => r.path.endsWith('/pipelines/status')).length
  const details = sim.requests.filter((r) => r.path.endsWith('/detail')).length
  console.log(
    `polling ${PIPELINES} running pipelines for ${CYCLES} cycles: ${batch} batch status requests (${batch / CYCLES} a cycle, ` +
      `${Math.ceil(PIPELINES / 20)} needed at 20 a batch), ` +
      `${details} detail reads (the first cycle's, to learn each run's jobs), ${ms.toFixed(1)} ms a cycle`
  )
  await sim.close()
}

await hugeLog()
await polling()
await processBench()
