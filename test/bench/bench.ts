// `npm run bench`: speed and memory figures, measured against the simulator over loopback.
//   1. Memory: the action printing a failing step's 100 MB log, ordinary lines and one line (memory.ts).
//   2. Status polling: requests per cycle for many pipelines (batch reads vs. detail reads).
//   3. Cold start of the bundle, check runs off and on (cold-start.ts).

import { performance } from 'node:perf_hooks'
import type { CodeArtsConnection } from '../../src/config/settings.ts'
import { HttpClient } from '../../src/net/http.ts'
import { createProvider } from '../../src/providers/index.ts'
import { CodeArtsSimulator, hex32 } from '../simulator/codearts.ts'
import { ACCESS_KEY, quickPipeline } from '../simulator/fixtures.ts'
import { nullLogger as quiet } from '../support/loggers.ts'
import { coldStart } from './cold-start.ts'
import { memoryBench } from './memory.ts'

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

await memoryBench()
await polling()
await coldStart()
