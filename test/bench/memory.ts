// Memory: how much the action's resident memory grows when the failing step's log is 100 MB, either
// a million ordinary lines or one single line. The real bundle runs in a child process, exactly as
// the runner starts it (no --expose-gc, no forced collection: what V8 leaves uncollected counts), its
// stdout read through a pipe as the runner reads it; the simulator serves the log from this process,
// so its own memory is not counted. The growth is the child's peak RSS minus the peak RSS of the same
// run with a three-line log, and the speed is the log's size over the time from its first page
// request to the process's exit.

import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CodeArtsSimulator, hex32 } from '../simulator/codearts.ts'
import { ACCESS_KEY, YUNXIAO_TOKEN } from '../simulator/fixtures.ts'
import type { GeneratedLog, PipelineScript } from '../simulator/script.ts'
import type { RecordedRequest } from '../simulator/service.ts'
import { YunxiaoSimulator } from '../simulator/yunxiao.ts'
import { actionDefaults } from '../support/harness.ts'
import type { Figure } from './figures.ts'
import { runnerEnv } from './runner-env.ts'

// ACTION_DIST points the bench at another build (as it does the tests), e.g. an older commit's.
const ENTRY = process.env['ACTION_DIST'] ?? resolve(import.meta.dirname, '../../dist/index.js')
const PROBE = resolve(import.meta.dirname, 'rss-probe.mjs')
const MB = 1_000_000
const MIB = 1024 * 1024
const LOG_BYTES = 100 * MB
const GOAL_MB = 64
const KIB = 1024

interface Case {
  name: string
  log: GeneratedLog
  /**
   * Where the simulated service cuts a page, in bytes; left out, a page is every line asked for. The
   * services page by lines and do not say how large one answer may be (docs/codearts.md,
   * docs/yunxiao.md); a log that is one 100 MB line can only be read if the service cuts it, so
   * there the simulator does, at 256 KiB (a cap that log APIs which do cap by bytes use).
   */
  pageBytes?: number
  /** Shown in the table, not a goal row: how the figure moves with the length of lines and of pages. */
  informational?: boolean
}

const LINES: GeneratedLog = { count: 1_000_000, width: 99, line: (i) => `${i} ${'lorem ipsum '.repeat(8)}` }
// Lines of 8 KB, served whole: 1,000 of them would make an 8 MB page.
const WIDE_LINES: GeneratedLog = { count: 12_500, width: 7_999, line: (i) => `${i} ${'wide '.repeat(1_600)}` }
// Long lines, each cut across pages: the tail keeps 300 of them, each from a page of its own.
const LONG_LINES: GeneratedLog = { count: 300, width: 333_332, line: (i) => `${i} ${'minified '.repeat(37_036)}` }
const ONE_LINE: GeneratedLog = { count: 1, width: LOG_BYTES - 1, line: () => `${'x'.repeat(LOG_BYTES - 20)}ERROR: the end.` }

const CASES: Case[] = [
  { name: '100 MB log, 1,000,000 lines of 100 bytes', log: LINES },
  { name: '100 MB log, one line', log: ONE_LINE, pageBytes: 256 * KIB },
  { name: '100 MB log, 12,500 lines of 8 KB', log: WIDE_LINES, informational: true },
  { name: '100 MB log, 300 lines of 333 KB', log: LONG_LINES, pageBytes: 256 * KIB, informational: true },
  { name: '100 MB log, one line, 4 MiB pages', log: ONE_LINE, pageBytes: 4 * MIB, informational: true }
]
const SMALL: GeneratedLog = { count: 3, width: 20, line: (i) => `line ${i}` }

function script(log: GeneratedLog): PipelineScript {
  return {
    name: 'huge',
    stages: [{ name: 'S', jobs: [{ name: 'J', steps: [{ name: 'noisy', durationMs: 1, fail: 'exit 1', log }] }] }]
  }
}

interface Sample {
  /** Peak RSS of the whole process, bytes. */
  peak: number
  /** RSS when the bundle began to load, bytes. */
  start: number
  /** From the first log page request to the process's exit, ms. */
  printingMs: number
  pages: number
  /** Bytes the step printed. */
  stdout: number
  exitCode: number | null
}

type Provider = 'codearts' | 'yunxiao'

async function runOnce(provider: Provider, log: GeneratedLog, pageBytes: number | undefined): Promise<Sample> {
  // Yunxiao's pipeline IDs are whole numbers.
  const pipelineId = provider === 'codearts' ? hex32() : String(1000 + Math.floor(Math.random() * 1e6))
  const pipelines = { [pipelineId]: { script: script(log) } }
  const sim =
    provider === 'codearts'
      ? await CodeArtsSimulator.start({ accessKeys: [ACCESS_KEY], pipelines, ...(pageBytes !== undefined && { logPageBytes: pageBytes }) })
      : await YunxiaoSimulator.start({ tokens: [YUNXIAO_TOKEN], pipelines, ...(pageBytes !== undefined && { logPageBytes: pageBytes }) })
  const dir = mkdtempSync(join(tmpdir(), 'memory-'))
  try {
    const inputs: Record<string, string> = {
      ...actionDefaults(),
      'pipeline-ids': pipelineId,
      endpoint: sim.url,
      'poll-interval': '0.2s',
      'max-poll-interval': '0.5s',
      summary: 'false',
      'check-runs': 'false',
      ...(sim instanceof CodeArtsSimulator
        ? {
            'iam-endpoint': sim.url,
            'project-id': sim.projectId,
            'iam-project-id': sim.iamProjectId,
            'access-key': ACCESS_KEY.accessKey,
            'secret-key': ACCESS_KEY.secretKey
          }
        : { provider: 'yunxiao', 'organization-id': sim.organizationId, token: YUNXIAO_TOKEN })
    }
    const env = runnerEnv(dir, inputs, { BENCH_RSS_FILE: join(dir, 'rss.json') })
    const child = spawn(process.execPath, ['--import', PROBE, ENTRY], { env, stdio: ['ignore', 'pipe', 'inherit'] })
    let stdout = 0
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.length
    })
    const exitCode = await new Promise<number | null>((done) => child.on('close', done))
    const ended = Date.now()
    const rss = JSON.parse(readFileSync(env['BENCH_RSS_FILE']!, 'utf8')) as { startRss: number; maxRss: number }
    const logRequests = sim.requests.filter(isLogPage)
    return {
      peak: rss.maxRss,
      start: rss.startRss,
      printingMs: ended - (logRequests[0]?.at ?? ended),
      pages: logRequests.length,
      stdout,
      exitCode
    }
  } finally {
    await sim.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

function isLogPage(r: RecordedRequest): boolean {
  return r.path.endsWith('/logs') || r.path.endsWith('/step/log')
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

// Each figure is the median of a few runs, each run paired with a reference run so that a busy
// machine weighs on both alike.
const RUNS = 3

function pageSize(bytes: number | undefined): string {
  return bytes === undefined ? 'the lines asked for' : bytes >= MIB ? `≤ ${bytes / MIB} MiB` : `≤ ${bytes / KIB} KiB`
}

export async function memoryBench(providers: readonly Provider[] = ['codearts', 'yunxiao'], only = ''): Promise<Figure[]> {
  const figures: Figure[] = []
  const rows: string[] = []
  for (const provider of providers) {
    for (const c of CASES) {
      // The informational rows cost a dozen seconds each; once, on CodeArts, is enough to show the trend.
      if ((c.informational && provider !== 'codearts') || !c.name.includes(only)) continue
      const refs: Sample[] = []
      const samples: Sample[] = []
      for (let i = 0; i < RUNS; i++) {
        refs.push(await runOnce(provider, SMALL, c.pageBytes))
        samples.push(await runOnce(provider, c.log, c.pageBytes))
      }
      const growth = median(samples.map((s, i) => s.peak - refs[i]!.peak)) / MB
      const seconds = median(samples.map((s) => s.printingMs)) / 1000
      const speed = LOG_BYTES / MB / seconds
      const pages = samples[0]!.pages
      const printed = samples[0]!.stdout
      const ok = samples.every((s) => s.exitCode === 1)
      rows.push(
        `${provider.padEnd(9)} ${`${c.name}${c.informational ? ' (not a goal)' : ''}`.padEnd(52)} +${growth.toFixed(1).padStart(5)} MB  ` +
          `peak ${(median(samples.map((s) => s.peak)) / MB).toFixed(0)} MB vs ${(median(refs.map((s) => s.peak)) / MB).toFixed(0)} MB  ` +
          `${seconds.toFixed(1)} s, ${speed.toFixed(0)} MB/s, ${pages} pages of ${pageSize(c.pageBytes)}, ` +
          `${(printed / KIB).toFixed(0)} KiB printed${ok ? '' : ', NOT the expected failure'}`
      )
      if (c.informational) continue
      figures.push({
        figure: `memory growth printing a failing log: ${c.name} (${provider})`,
        measured: `+${growth.toFixed(0)} MB, ${speed.toFixed(0)} MB/s`,
        goal: `≤ ${GOAL_MB} MB`,
        met: ok && growth <= GOAL_MB,
        note:
          `peak RSS of the action's process (the bundle as the runner runs it, no forced GC) minus that of the same run with a ` +
          `three-line log; pages of ${pageSize(c.pageBytes)}`,
        data: {
          provider,
          case: c.name,
          growthMB: growth,
          peakMB: samples.map((s) => s.peak / MB),
          referencePeakMB: refs.map((s) => s.peak / MB),
          seconds,
          mbPerSecond: speed,
          pages,
          pageBytes: c.pageBytes,
          printedBytes: printed
        }
      })
    }
  }
  console.log(`Memory: the action printing a failing step's 100 MB log (median of ${RUNS}; growth = peak RSS over a three-line log's run)`)
  for (const row of rows) console.log(`  ${row}`)
  return figures
}

// `node --import ./test/ts-resolve.mjs test/bench/memory.ts [codearts|yunxiao] [part of a case's name]` runs this part alone.
if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  const provider = process.argv[2] as Provider | undefined
  console.log(JSON.stringify(await memoryBench(provider ? [provider] : undefined, process.argv[3]), null, 2))
}
