// Runs the built command the way a CI job does: `node dist/cli/index.js …` (or an installed bin)
// in a clean environment, stdout and stderr apart. Every run is scanned for every secret the tests
// know of: the command has no log masker, so nothing it writes may hold one.

import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { CodeArtsSimulator } from '../simulator/codearts.ts'
import { ACCESS_KEY, YUNXIAO_TOKEN } from '../simulator/fixtures.ts'
import { allSecrets, rememberSecret } from '../simulator/secrets.ts'
import type { YunxiaoSimulator } from '../simulator/yunxiao.ts'

export const ROOT = resolve(import.meta.dirname, '../..')
export const COMMAND = join(ROOT, 'dist/cli/index.js')

export interface CommandResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface CommandOptions {
  env?: Record<string, string>
  cwd?: string
  /** The Node binary; this process's (Node 24) by default. */
  node?: string
  /** The script to run; the committed bundle by default. */
  script?: string
  /** Files the command writes (JUnit, summary), scanned for secrets too. */
  outputs?: string[]
  onStart?: (child: ChildProcess, output: () => string) => void
}

// Environment variables that carry a secret: their values must never come out.
const SECRET_ENV = /(_SK|_SECRET|SECRET_KEY|_TOKEN|PASSWORD)$/

function environment(options: CommandOptions): Record<string, string> {
  const env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...options.env }
  for (const [name, value] of Object.entries(env)) if (SECRET_ENV.test(name) && value !== '') rememberSecret(value)
  return env
}

export async function runCommand(args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> {
  const env = environment(options)
  const child = spawn(options.node ?? process.execPath, [options.script ?? COMMAND, ...args], { env, cwd: options.cwd ?? ROOT })
  return collect(child, options)
}

/** Any command line (a README example), through a shell. */
export async function runShell(script: string, options: CommandOptions & { shell?: string } = {}): Promise<CommandResult> {
  const env = environment(options)
  const child = spawn(options.shell ?? 'bash', ['-euc', script], { env, cwd: options.cwd ?? ROOT })
  return collect(child, options)
}

async function collect(child: ChildProcess, options: CommandOptions): Promise<CommandResult> {
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  options.onStart?.(child, () => stdout + stderr)
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.on('close', (code, sig) => done([code, sig]))
  )
  const written = (options.outputs ?? []).map((f) => {
    try {
      return readFileSync(f, 'utf8')
    } catch {
      return ''
    }
  })
  for (const secret of allSecrets()) {
    if ([stdout, stderr, ...written].some((text) => text.includes(secret))) {
      throw new Error(`the command printed or wrote a secret (${secret.slice(0, 3)}…)`)
    }
  }
  return { exitCode, signal, stdout, stderr }
}

/** The environment that points the command at a CodeArts simulator, signed with the fixture key, as the SDKs name it. */
export function codeartsEnv(sim: CodeArtsSimulator): Record<string, string> {
  return {
    HUAWEICLOUD_SDK_AK: ACCESS_KEY.accessKey,
    HUAWEICLOUD_SDK_SK: ACCESS_KEY.secretKey,
    HUAWEICLOUD_SDK_REGION_CODEARTSPIPELINE_CN_NORTH_4: sim.url,
    HUAWEICLOUD_SDK_IAM_ENDPOINT: sim.url
  }
}

/** Yunxiao's central edition in the simulator, with the fixture token. */
export function yunxiaoEnv(sim: YunxiaoSimulator): Record<string, string> {
  return { YUNXIAO_TOKEN, YUNXIAO_API_BASE_URL: sim.url }
}

export const FAST_POLLING = ['--poll-interval', '0.2s', '--max-poll-interval', '0.5s']
