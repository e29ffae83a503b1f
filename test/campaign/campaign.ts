// The invariant campaign (issue 13): the action against a simulator whose answers are mutated in
// content (text, numbers, fields, statuses, error shapes, redirects, stops that say no), whose
// gateway loses answers and lists new runs late, and whose key may be refused mid-run. After each
// run, the invariants a gate must keep are checked against what was printed, written and sent.
// A seed replays the same service and the same mutations (timings may differ):
// `CAMPAIGN_SEEDS=1 CAMPAIGN_FROM=<seed> CAMPAIGN_CONFIGS=<config> CAMPAIGN_VERBOSE=1 npm run campaign`.

import { CodeArtsSimulator } from '../simulator/codearts.ts'
import { type Fault, seededRandom } from '../simulator/faults.ts'
import { ACCESS_KEY, READY_TOKEN, YUNXIAO_KEY, YUNXIAO_TOKEN } from '../simulator/fixtures.ts'
import type { PipelineScript, StepScript } from '../simulator/script.ts'
import type { Exchange } from '../simulator/service.ts'
import { YunxiaoSimulator } from '../simulator/yunxiao.ts'
import { FAST, type InProcessResult, runInProcess } from '../support/in-process.ts'
import { activeCommands } from '../support/runner-view.ts'
import { mutate, type Random } from './mutate.ts'

export type Config = 'codearts-aksk' | 'codearts-token' | 'yunxiao-token' | 'yunxiao-aksk'
export const CONFIGS: readonly Config[] = ['codearts-aksk', 'codearts-token', 'yunxiao-token', 'yunxiao-aksk']

export interface Outcome {
  config: Config
  seed: number
  violations: string[]
  conclusion: string
  mutations: number
  requests: number
}

/** What a run's record said, as the server sent it (after any mutation). */
interface Statement {
  pipelineId: string
  runId: string
  status: string
  at: number
}

const TIMEOUT_S = 3
const SUCCESS_WORDS = new Set(['COMPLETED', 'SUCCESS'])
const ENDED_WORDS = new Set(['COMPLETED', 'SUCCESS', 'FAILED', 'FAIL', 'CANCELED', 'CANCELLED', 'TERMINATED', 'TIMEOUT', 'IGNORED'])
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '')
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}

function script(random: Random, name: string): PipelineScript {
  const ms = () => 30 + Math.floor(random() * 150)
  const fail = random() < 0.3
  const step = (n: string, failing = false): StepScript => ({
    name: n,
    durationMs: ms(),
    ...(failing && { fail: 'exit 1', log: ['line one', 'error: it broke'] })
  })
  const gate = random() < 0.1
  return {
    name,
    stages: [
      {
        name: 'Build',
        jobs: [{ name: 'Compile', steps: [step('make')] }, ...(random() < 0.5 ? [{ name: 'Lint', steps: [step('lint')] }] : [])]
      },
      ...(gate ? [{ name: 'Approve', jobs: [{ name: 'Gate', steps: [{ name: 'review', durationMs: 0, manual: {} }] }] }] : []),
      { name: 'Test', jobs: [{ name: 'Unit', steps: [step('test', fail)] }] }
    ]
  }
}

/** The records an answer carries: which run each is, and the status it gives. */
function statementsOf(ex: Exchange, payload: unknown, pipelineOfPath: string): Statement[] {
  const at = Date.now()
  const one = (record: Record<string, unknown>, runKey: string, pipelineKey: string): Statement => ({
    pipelineId: str(record[pipelineKey]) || pipelineOfPath,
    runId: str(record[runKey]),
    status: str(record['status']),
    at
  })
  if (ex.path.endsWith('/pipelines/status') && Array.isArray(payload))
    return payload.map((item) => one(obj(item), 'pipeline_run_id', 'pipeline_id'))
  if (ex.path.endsWith('/pipeline-runs/detail')) return [one(obj(payload), 'id', 'pipeline_id')]
  if (ex.method === 'GET' && /\/oapi\/.*\/runs\/(\d+|latestPipelineRun)$/.test(ex.path))
    return [one(obj(payload), 'pipelineRunId', 'pipelineId')]
  if (ex.method === 'GET' && /\/pipelineRuns\/\d+$/.test(ex.path))
    return [one(obj(obj(payload)['pipelineRun']), 'pipelineRunId', 'pipelineId')]
  return []
}

/** A stop request's run, and whether its answer says the run was stopped. */
function stopOf(ex: Exchange, payload: unknown): { runId: string; confirmed: boolean } | undefined {
  const codearts = /\/pipeline-runs\/([^/]+)\/stop$/.exec(ex.path) ?? /\/pipelines\/[^/]+\/([^/]+)\/cancel-queuing\//.exec(ex.path)
  const yunxiao = ex.method === 'PUT' ? (/\/runs\/(\d+)$/.exec(ex.path) ?? /\/pipelineRuns\/(\d+)\/stop$/.exec(ex.path)) : null
  const match = codearts ?? yunxiao
  if (!match) return undefined
  return { runId: match[1]!, confirmed: payload === true || obj(payload)['success'] === true }
}

interface Service {
  url: string
  requests: { method: string; path: string; status: number; auth: string; refused?: boolean; fault?: string }[]
  rewrite: ((ex: Exchange) => { status?: number; payload?: unknown; headers?: Record<string, string> } | undefined) | undefined
  faults: ((r: { method: string; path: string }) => Fault | undefined) | undefined
  hideNewRunsMs: number
  revoked: Set<string>
  close(): Promise<void>
}

export async function runSeed(config: Config, seed: number): Promise<Outcome> {
  const random = seededRandom(seed * 7919 + CONFIGS.indexOf(config))
  const codearts = config.startsWith('codearts')
  const spread = random()
  const count = spread < 0.6 ? 1 : spread < 0.9 ? 2 : 4
  const hex = () => Array.from({ length: 32 }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('')
  const ids = Array.from({ length: count }, (_, i) => (codearts ? hex() : String(1000 + seed * 10 + i)))
  const scripts = Object.fromEntries(ids.map((id, i) => [id, { script: script(random, `pipe-${i}`) }]))

  let sim: CodeArtsSimulator | YunxiaoSimulator
  let inputs: Record<string, string>
  let credential: string
  const secrets: string[] = []
  if (codearts) {
    const s = await CodeArtsSimulator.start({
      pipelines: scripts,
      accessKeys: [ACCESS_KEY],
      tokens: [READY_TOKEN],
      projectId: hex(),
      newId: hex
    })
    sim = s
    const auth: Record<string, string> =
      config === 'codearts-aksk'
        ? {
            'access-key': ACCESS_KEY.accessKey,
            'secret-key': ACCESS_KEY.secretKey,
            ...(random() < 0.5 && { 'iam-project-id': s.iamProjectId })
          }
        : { token: READY_TOKEN }
    credential = config === 'codearts-aksk' ? ACCESS_KEY.accessKey : READY_TOKEN
    secrets.push(ACCESS_KEY.secretKey, READY_TOKEN)
    inputs = { endpoint: s.url, 'iam-endpoint': s.url, 'project-id': s.projectId, ...auth }
  } else {
    const s = await YunxiaoSimulator.start({ pipelines: scripts, tokens: [YUNXIAO_TOKEN], accessKeys: [YUNXIAO_KEY] })
    sim = s
    const auth: Record<string, string> =
      config === 'yunxiao-token'
        ? { token: YUNXIAO_TOKEN }
        : { 'access-key': YUNXIAO_KEY.accessKeyId, 'secret-key': YUNXIAO_KEY.accessKeySecret }
    credential = config === 'yunxiao-token' ? YUNXIAO_TOKEN : YUNXIAO_KEY.accessKeyId
    secrets.push(YUNXIAO_TOKEN, YUNXIAO_KEY.accessKeySecret)
    inputs = { provider: 'yunxiao', endpoint: s.url, 'organization-id': s.organizationId, ...auth }
  }
  const service = sim as unknown as Service
  const secretValue = `pw-${seed}-campaign-secret`
  secrets.push(secretValue)

  // What this seed does to the service.
  const mutationRate = [0, 0.05, 0.15, 0.3][Math.floor(random() * 4)]!
  const faultRate = random() < 0.5 ? 0 : 0.1
  service.hideNewRunsMs = [0, 0, 300, 900][Math.floor(random() * 4)]!
  const revokeAfter = random() < 0.15 ? 3 + Math.floor(random() * 20) : Infinity
  const cancelAfterMs = random() < 0.2 ? Math.floor(random() * 1_500) : undefined
  // A service that answers a stop with "no" (in each documented way) and goes on running the run.
  const stopsRefused = random() < 0.25
  const statements: Statement[] = []
  const stops: { runId: string; confirmed: boolean; at: number }[] = []
  let mutations = 0
  let answered = 0

  service.rewrite = (ex) => {
    answered++
    if (answered >= revokeAfter) service.revoked.add(credential)
    const pipelineOfPath = /\/pipelines?\/([^/]+)/.exec(ex.path)?.[1] ?? ''
    let payload = ex.payload
    let status = ex.status
    let headers = ex.headers
    const r = random()
    if (r < mutationRate) {
      mutations++
      const which = random()
      if (which < 0.06) {
        status = 302
        headers = { location: 'https://login.example.com/' }
      } else if (which < 0.14 && stopOf(ex, payload)) {
        payload = [false, { success: false }, {}][Math.floor(random() * 3)]
      } else payload = mutate(payload, random).payload
    }
    if (status < 300) statements.push(...statementsOf(ex, payload, pipelineOfPath))
    const stop = stopOf(ex, payload)
    if (stop) stops.push({ ...stop, confirmed: stop.confirmed && status < 300, at: Date.now() })
    return { status, payload, headers }
  }
  const faultRandom = seededRandom(seed + 17)
  service.faults = (request) => {
    const stop = stopOf({ ...request, url: new URL('http://x'), body: Buffer.alloc(0), status: 200, payload: {}, headers: {} }, {})
    if (stopsRefused && stop) {
      const payload = [false, { success: false }, {}][Math.floor(faultRandom() * 3)]
      stops.push({ runId: stop.runId, confirmed: false, at: Date.now() })
      return { kind: 'answer', status: 200, payload }
    }
    if (faultRandom() >= faultRate) return undefined
    const kinds: Fault[] = [
      { kind: 'status', status: 503 },
      { kind: 'reset' },
      { kind: 'handled-then-502' },
      { kind: 'handled-then-reset' },
      { kind: 'garbage' }
    ]
    return kinds[Math.floor(faultRandom() * kinds.length)]
  }

  const values = {
    ...inputs,
    'pipeline-ids': ids.join(','),
    timeout: `${TIMEOUT_S}s`,
    'poll-interval': '0.1s',
    'max-poll-interval': '0.3s',
    'on-manual-gate': random() < 0.5 ? 'wait' : 'fail',
    'fail-fast': random() < 0.3 ? 'true' : 'false',
    logs: random() < 0.2 ? 'all' : 'failed',
    variables: `DB_PASSWORD=${secretValue}\nIMAGE=shop:1`
  }
  const cancel = new AbortController()
  const timer = cancelAfterMs !== undefined ? setTimeout(() => cancel.abort(), cancelAfterMs) : undefined
  const began = Date.now()
  let main: InProcessResult
  let post: InProcessResult
  try {
    main = await runInProcess(values, { tuning: { ...FAST, searchWindowMs: 1_500 }, cancellation: cancel.signal })
    const elapsed = Date.now() - began
    clearTimeout(timer)
    post = await runInProcess(values, { tuning: FAST, state: main.state })
    if (process.env['CAMPAIGN_VERBOSE']) {
      const requests = service.requests.map(
        (r) => `${r.method} ${r.path} ${r.status}${r.refused ? ' refused' : ''}${r.fault ? ` (${r.fault})` : ''}`
      )
      console.log(`--- main\n${main.stdout}--- post\n${post.stdout}--- requests\n${requests.join('\n')}`)
    }
    const violations = check({ main, post, elapsed, codearts, config, statements, stops, service, ids, secrets, sim })
    return { config, seed, violations, conclusion: main.outputs['conclusion'] ?? '', mutations, requests: service.requests.length }
  } finally {
    clearTimeout(timer)
    await sim.close()
  }
}

interface Evidence {
  main: InProcessResult
  post: InProcessResult
  elapsed: number
  codearts: boolean
  config: Config
  statements: Statement[]
  stops: { runId: string; confirmed: boolean; at: number }[]
  service: Service
  ids: string[]
  secrets: string[]
  sim: CodeArtsSimulator | YunxiaoSimulator
}

/** The invariants; each violation is one line naming what broke. */
export function check(e: Evidence): string[] {
  const violations: string[] = []
  const results = parseResults(e.main.outputs['results'])
  const ours = (id: string) => e.sim.runsOf(id).filter((r) => !r.foreign)

  // 1. Success only when our own run's own record said so.
  if (e.main.outputs['conclusion'] === 'success') {
    if (results.length !== e.ids.length) violations.push('success: results do not list every pipeline')
    for (const r of results) {
      const own = ours(r.pipeline_id).some((run) => run.id === r.run_id)
      const said = e.statements.some(
        (s) => s.pipelineId === r.pipeline_id && s.runId === r.run_id && SUCCESS_WORDS.has(s.status.toUpperCase())
      )
      if (!own) violations.push(`success: run ${r.run_id} of ${r.pipeline_id} is not a run this step started`)
      if (!said) violations.push(`success: no record of run ${r.run_id} of ${r.pipeline_id} said success`)
    }
  }

  // 2. No line outside our own commands is obeyed as a command.
  for (const [name, run] of [
    ['main', e.main],
    ['post', e.post]
  ] as const) {
    for (const c of activeCommands(run.stdout)) {
      if (!run.commandLines[c.index]) violations.push(`${name}: remote text became a command: ${JSON.stringify(c.line.slice(0, 120))}`)
    }
  }

  // 3. Each pipeline started at most once.
  for (const id of e.ids) if (ours(id).length > 1) violations.push(`pipeline ${id} started ${ours(id).length} times`)

  // 4. At most 2 refused signed requests in the job (main and post).
  if (e.config.endsWith('aksk')) {
    const refused = e.service.requests.filter((r) => r.auth === 'aksk' && r.refused).length
    if (refused > 2) violations.push(`${refused} refused signed requests`)
  }

  // 5. Ends in time, no stack trace, no secret.
  if (e.elapsed > (TIMEOUT_S + 10) * 1000) violations.push(`main took ${e.elapsed} ms`)
  for (const [name, run] of [
    ['main', e.main],
    ['post', e.post]
  ] as const) {
    if (/(^|\n|%0A)\s+at [\w.<>]+ \(/.test(run.stdout)) violations.push(`${name}: a stack trace was printed`)
    const printed = [
      run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
      JSON.stringify(run.outputs),
      run.summary,
      JSON.stringify([...run.state])
    ].join('\n')
    for (const secret of e.secrets) {
      if (printed.includes(secret)) violations.push(`${name}: a secret was printed (${secret.slice(0, 6)}…)`)
    }
  }

  // 6. A stop is claimed only when the service confirmed it.
  for (const [name, run] of [
    ['main', e.main],
    ['post', e.post]
  ] as const) {
    for (const m of run.stdout.matchAll(/^Stopped pipeline (\S+) run (\S+?)[.:]/gm)) {
      const [, pipelineId, runId] = m as unknown as [string, string, string]
      if (!confirmed(e, pipelineId, runId))
        violations.push(`${name}: claimed to have stopped run ${runId} of ${pipelineId} without confirmation`)
    }
  }
  for (const r of results) {
    if (r.stopped === true && !confirmed(e, r.pipeline_id, r.run_id))
      violations.push(`results: stopped: true for run ${r.run_id} without confirmation`)
  }
  return violations
}

function confirmed(e: Evidence, pipelineId: string, runId: string): boolean {
  const asked = e.stops.filter((s) => s.runId === runId)
  if (asked.some((s) => s.confirmed)) return true
  const first = asked[0]?.at ?? Infinity
  return e.statements.some(
    (s) => s.pipelineId === pipelineId && s.runId === runId && s.at >= first && ENDED_WORDS.has(s.status.toUpperCase())
  )
}

interface Result {
  pipeline_id: string
  run_id: string
  stopped?: boolean
}

function parseResults(text: string | undefined): Result[] {
  try {
    const parsed = JSON.parse(text ?? '[]') as unknown
    return Array.isArray(parsed) ? (parsed as Result[]) : []
  } catch {
    return []
  }
}

/** Runs `seeds` seeds of each config, `parallel` at a time; returns every outcome. */
export async function campaign(
  configs: readonly Config[],
  seeds: number[],
  parallel = 8,
  onOutcome?: (o: Outcome) => void
): Promise<Outcome[]> {
  const jobs = configs.flatMap((config) => seeds.map((seed) => ({ config, seed })))
  const outcomes: Outcome[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!
        let outcome: Outcome
        try {
          outcome = await runSeed(job.config, job.seed)
        } catch (error) {
          outcome = {
            ...job,
            violations: [`the campaign itself failed: ${(error as Error).stack}`],
            conclusion: '',
            mutations: 0,
            requests: 0
          }
        }
        outcomes.push(outcome)
        onOutcome?.(outcome)
      }
    })
  )
  return outcomes
}
