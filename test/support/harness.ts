// Runs the built action the way the runner does: `node dist/index.js` with the inputs as
// INPUT_<NAME> variables (action.yml defaults merged in), fresh GITHUB_OUTPUT / GITHUB_STATE /
// GITHUB_STEP_SUMMARY files and a clean environment; then the post step with STATE_*. Every run
// has debug output on and is scanned for every secret the tests know of.

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { allSecrets, rememberSecret, secretsSince } from '../simulator/secrets.ts'

const ROOT = resolve(import.meta.dirname, '../..')
// The bundle under test. ACTION_DIST points the same tests at another build, e.g. an older commit's,
// to show that a test fails on the code before a fix (CONTRIBUTING.md).
const DIST = process.env['ACTION_DIST'] ?? join(ROOT, 'dist/index.js')
const SECRET_INPUTS = ['secret-key', 'security-token', 'token', 'password', 'github-token']
const WINDOWS_ENV = process.platform === 'win32' ? ['SystemRoot', 'windir', 'ComSpec', 'PATHEXT', 'TEMP', 'TMP', 'USERPROFILE'] : []

/**
 * Whether a test can cancel the action as the runner does, with SIGINT or SIGTERM. On Windows the
 * runner sends a console Ctrl+C, which Node cannot send to a child: its kill() ends the process at
 * once, so the tests of cancellation run on Linux and macOS only.
 */
export const CAN_SIGNAL = process.platform !== 'win32'

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
  /** Extra environment, e.g. STATE_* for the post step. */
  env?: Record<string, string>
  /** The event payload (GITHUB_EVENT_PATH); `{}` by default. */
  event?: object
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

/** The main step. */
export function runAction(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionResult> {
  return runStep(inputs, options)
}

/** The post step, with the state the main step saved, as the runner passes it. */
export function runPost(inputs: Record<string, string>, state: Record<string, string>, options: RunOptions = {}): Promise<ActionResult> {
  const env = Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]))
  return runStep(inputs, { ...options, env: { ...env, ...options.env } })
}

async function runStep(inputs: Record<string, string>, options: RunOptions): Promise<ActionResult> {
  const dir = mkdtempSync(join(tmpdir(), 'action-'))
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STATE: 'state', GITHUB_STEP_SUMMARY: 'summary', GITHUB_ENV: 'env', GITHUB_PATH: 'path' }
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    // The most verbose output there is: what a user gets with ACTIONS_STEP_DEBUG.
    RUNNER_DEBUG: '1',
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '17',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    RUNNER_TEMP: dir,
    // Windows needs these in any process: without SystemRoot, Node cannot open a socket there.
    ...Object.fromEntries(WINDOWS_ENV.flatMap((name) => (process.env[name] !== undefined ? [[name, process.env[name]!]] : [])))
  }
  writeFileSync(env['GITHUB_EVENT_PATH']!, JSON.stringify(options.event ?? {}))
  for (const [name, file] of Object.entries(files)) {
    env[name] = join(dir, file)
    writeFileSync(env[name], '')
  }
  const all = { ...actionDefaults(), ...inputs }
  for (const [name, value] of Object.entries(all)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  Object.assign(env, options.env)
  const secretInputs = SECRET_INPUTS.map((name) => all[name] ?? '').filter((v) => v !== '')
  secretInputs.forEach(rememberSecret)

  const began = Date.now()
  const child = spawn(process.execPath, [DIST], { env, cwd: dir })
  let log = ''
  child.stdout.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr.on('data', (d: Buffer) => (log += d.toString()))
  options.onStart?.(child, () => log)
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.on('close', (code, sig) => done([code, sig]))
  )
  const read = (name: string) => readFileSync(env[name]!, 'utf8')
  const result = {
    exitCode,
    signal,
    log,
    outputs: parseFileCommand(read('GITHUB_OUTPUT')),
    state: parseFileCommand(read('GITHUB_STATE')),
    summary: read('GITHUB_STEP_SUMMARY')
  }
  assertNoSecretPrinted([log, read('GITHUB_OUTPUT'), read('GITHUB_STATE'), read('GITHUB_STEP_SUMMARY')].join('\n'))
  // Each secret input, and each token IAM issued meanwhile, must have been handed to the masker.
  for (const secret of [...secretInputs, ...secretsSince(began).filter((s) => log.includes(s))]) {
    if (!log.includes(`::add-mask::${secret}\n`))
      throw new Error(`a secret (${secret.slice(0, 3)}…) was never registered with ::add-mask::`)
  }
  return result
}

/** Fails when anything the step printed or wrote holds a secret outside the masker's own command. */
function assertNoSecretPrinted(text: string): void {
  const visible = text
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  for (const secret of allSecrets()) {
    if (visible.includes(secret)) throw new Error(`the step printed a secret (${secret.slice(0, 3)}…)`)
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
