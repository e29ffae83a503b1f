// Cold start: how long `node dist/index.js` takes from its spawn to the first request the service
// receives, with check runs off and on (a token given: the GitHub client is loaded only once a run
// exists, so never before that request); how long the same Node binary takes to send one fetch with
// nothing else loaded (the floor any action on this runtime stands on); and how long a minimal peer
// takes (peer/index.mjs: @actions/core and one fetch, bundled with ncc as actions ship). The four are
// spawned in turn, so a slow patch of the machine slows all of them. The start is refused (a wrong
// secret key), so each action run ends right after that first request.

import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CodeArtsSimulator, hex32 } from '../simulator/codearts.ts'
import { ACCESS_KEY, quickPipeline } from '../simulator/fixtures.ts'
import { actionDefaults } from '../support/harness.ts'
import { runnerEnv } from './runner-env.ts'

// ACTION_DIST points the bench at another build (as it does the tests), e.g. an older commit's.
export const ENTRY = process.env['ACTION_DIST'] ?? resolve(import.meta.dirname, '../../dist/index.js')

export type Subject = 'bare node' | 'minimal peer' | 'check runs off' | 'check runs on'

/** Milliseconds from each spawn to the first request the simulator received from it, per subject. */
export type Samples = Record<Subject, number[]>

async function spawnToFirstRequest(sim: CodeArtsSimulator, argv: string[], env: Record<string, string>): Promise<number> {
  const before = sim.requests.length
  const spawned = Date.now()
  const child = spawn(process.execPath, argv, { env, stdio: 'ignore' })
  await new Promise((done) => child.on('close', done))
  const first = sim.requests[before]
  if (first === undefined) throw new Error(`${argv.join(' ')} sent no request`)
  return first.at - spawned
}

function actionEnv(sim: CodeArtsSimulator, pipelineId: string, checkRuns: boolean): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'cold-'))
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
  // Nothing listens at that GitHub API address: with no run started, the step sends GitHub nothing.
  return runnerEnv(dir, inputs, { GITHUB_API_URL: 'http://127.0.0.1:9' })
}

// The reference: Node's own fetch, one GET, nothing else read or run.
const BARE_FETCH = 'await fetch(process.env.TARGET).then((r) => r.arrayBuffer())'

/** peer/index.mjs bundled with ncc into a temporary directory; the path of the bundle. */
async function bundlePeer(): Promise<string> {
  // ncc ships no types; its default export takes an entry and returns the bundle's code.
  const { default: ncc } = (await import('@vercel/ncc' as string)) as {
    default: (entry: string, options: { quiet: boolean }) => Promise<{ code: string }>
  }
  const { code } = await ncc(resolve(import.meta.dirname, 'peer/index.mjs'), { quiet: true })
  const path = join(mkdtempSync(join(tmpdir(), 'peer-')), 'index.mjs')
  writeFileSync(path, code)
  return path
}

/** `rounds` rounds of bare node, the minimal peer, the action with check runs off and on, one after the other, after a warm-up round. */
export async function coldStartSamples(rounds: number): Promise<Samples> {
  const id = hex32()
  const sim = await CodeArtsSimulator.start({ accessKeys: [ACCESS_KEY], pipelines: { [id]: { script: quickPipeline() } } })
  const samples: Samples = { 'bare node': [], 'minimal peer': [], 'check runs off': [], 'check runs on': [] }
  const bareEnv = { PATH: process.env['PATH'] ?? '', TARGET: `${sim.url}/bare-node` }
  const peer = await bundlePeer()
  const peerEnv = { ...actionEnv(sim, id, false), INPUT_ENDPOINT: `${sim.url}/peer` }
  const once = {
    'bare node': () => spawnToFirstRequest(sim, ['--input-type=module', '-e', BARE_FETCH], bareEnv),
    'minimal peer': () => spawnToFirstRequest(sim, [peer], peerEnv),
    'check runs off': () => spawnToFirstRequest(sim, [ENTRY], actionEnv(sim, id, false)),
    'check runs on': () => spawnToFirstRequest(sim, [ENTRY], actionEnv(sim, id, true))
  }
  try {
    // The warm-up round fills the file cache; it is not counted.
    for (let round = -1; round < rounds; round++) {
      for (const subject of Object.keys(once) as Subject[]) {
        const ms = await once[subject]()
        if (round >= 0) samples[subject].push(ms)
      }
    }
  } finally {
    await sim.close()
  }
  return samples
}
