// Runs the built action the way the runner does: `node dist/index.js` with the inputs as
// INPUT_<NAME> variables (action.yml defaults merged in), fresh GITHUB_OUTPUT / GITHUB_STATE /
// GITHUB_STEP_SUMMARY files, and a clean environment, then reads back what the runner would.

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

export interface ActionResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  /** stdout and stderr, interleaved as they arrived. */
  log: string
  outputs: Record<string, string>
  state: Record<string, string>
  summary: string
}

export interface RunOptions {
  /** Extra environment: RUNNER_DEBUG, STATE_*, GITHUB_EVENT_NAME… */
  env?: Record<string, string>
  /** The event payload (GITHUB_EVENT_PATH); `{}` by default. */
  event?: object
  script?: 'dist/index.js'
  /** Called once the process is running, e.g. to send it a signal. */
  onStart?: (child: ChildProcess, log: () => string) => void
}

/** The `default:` of each input in action.yml, as the runner merges them in. */
export function actionDefaults(): Record<string, string> {
  const text = readFileSync(join(ROOT, 'action.yml'), 'utf8')
  const inputs = text.slice(text.indexOf('\ninputs:'), text.indexOf('\noutputs:'))
  const defaults: Record<string, string> = {}
  let current = ''
  for (const line of inputs.split('\n')) {
    const name = /^ {2}([a-z-]+):\s*$/.exec(line)
    if (name) current = name[1]!
    const value = /^ {4}default: '(.*)'\s*$/.exec(line)
    if (value && current) defaults[current] = value[1]!
  }
  return defaults
}

export async function runAction(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionResult> {
  const dir = mkdtempSync(join(tmpdir(), 'action-'))
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary', GITHUB_ENV: 'env', GITHUB_PATH: 'path' }
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '17',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    RUNNER_TEMP: dir
  }
  writeFileSync(env['GITHUB_EVENT_PATH']!, JSON.stringify(options.event ?? {}))
  for (const [name, file] of Object.entries(files)) {
    env[name] = join(dir, file)
    writeFileSync(env[name], '')
  }
  for (const [name, value] of Object.entries({ ...actionDefaults(), ...inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  Object.assign(env, options.env)

  const child = spawn(process.execPath, [join(ROOT, options.script ?? 'dist/index.js')], { env, cwd: dir })
  let log = ''
  child.stdout.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr.on('data', (d: Buffer) => (log += d.toString()))
  options.onStart?.(child, () => log)
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (code, sig) => done([code, sig])))
  return {
    exitCode,
    signal,
    log,
    outputs: parseFileCommand(readFileSync(env['GITHUB_OUTPUT']!, 'utf8')),
    state: parseFileCommand(readFileSync(env['GITHUB_STATE']!, 'utf8')),
    summary: readFileSync(env['GITHUB_STEP_SUMMARY']!, 'utf8')
  }
}

/** `name=value` and `name<<DELIMITER … DELIMITER` records, as the runner parses them. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1)
      values[heredoc[1]!] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}
