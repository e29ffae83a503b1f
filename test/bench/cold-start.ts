// Cold start: how long `node dist/index.js` takes from its spawn to the first request the service
// receives, with check runs off and on (a token given: the GitHub client is loaded only once a run
// exists, so never before that request), side by side, alternating; and the size of the bundle. The
// start is refused (a wrong secret key), so each run ends right after that first request.

import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { CodeArtsSimulator, hex32 } from '../simulator/codearts.ts'
import { ACCESS_KEY, quickPipeline } from '../simulator/fixtures.ts'
import { actionDefaults } from '../support/harness.ts'

// ACTION_DIST points the bench at another build (as it does the tests), e.g. an older commit's.
const ENTRY = process.env['ACTION_DIST'] ?? resolve(import.meta.dirname, '../../dist/index.js')
const DIST = dirname(ENTRY)
const PAIRS = 10

async function firstRequestMs(sim: CodeArtsSimulator, pipelineId: string, checkRuns: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cold-'))
  for (const file of ['output', 'state', 'summary']) writeFileSync(join(dir, file), '')
  writeFileSync(join(dir, 'event.json'), '{}')
  const inputs: Record<string, string> = {
    ...actionDefaults(),
    'pipeline-ids': pipelineId,
    endpoint: sim.url,
    'iam-endpoint': sim.url,
    'project-id': sim.projectId,
    'iam-project-id': sim.iamProjectId,
    'access-key': ACCESS_KEY.accessKey,
    'secret-key': 'a-wrong-secret-so-the-start-is-refused',
    'check-runs': String(checkRuns),
    'github-token': checkRuns ? 'ghs_benchmarkToken' : ''
  }
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '1',
    // Nothing listens there: with no run started, the step sends GitHub nothing.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary')
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const before = sim.requests.length
  const spawned = Date.now()
  const child = spawn(process.execPath, [ENTRY], { env, stdio: 'ignore' })
  await new Promise((done) => child.on('close', done))
  const first = sim.requests[before]
  if (first === undefined) throw new Error('the action sent no request')
  return first.at - spawned
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export async function coldStart(): Promise<void> {
  const id = hex32()
  const sim = await CodeArtsSimulator.start({ accessKeys: [ACCESS_KEY], pipelines: { [id]: { script: quickPipeline() } } })
  const off: number[] = []
  const on: number[] = []
  try {
    await firstRequestMs(sim, id, false) // warm-up: the file cache
    for (let i = 0; i < PAIRS; i++) {
      off.push(await firstRequestMs(sim, id, false))
      on.push(await firstRequestMs(sim, id, true))
    }
  } finally {
    await sim.close()
  }
  const sizes = readdirSync(DIST)
    .filter((f) => f.endsWith('.js') && (f === basename(ENTRY) || /^\d+\.index\.js$/.test(f)))
    .map((f) => `${f} ${(statSync(join(DIST, f)).size / 1024).toFixed(0)} KiB`)
  console.log(
    `Cold start, spawn to first request (median of ${PAIRS}, alternating): check runs off ${median(off)} ms ` +
      `(${Math.min(...off)}–${Math.max(...off)}), on ${median(on)} ms (${Math.min(...on)}–${Math.max(...on)}). ` +
      `dist: ${sizes.join(', ')}; a run without check runs reads index.js only.`
  )
}
