// The environment a runner gives the action's process, for the bench's spawned runs: fresh
// GITHUB_OUTPUT/STATE/STEP_SUMMARY files and an empty event in `dir`, and the inputs as INPUT_ names.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

export function runnerEnv(dir: string, inputs: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '1',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    ...extra
  }
  for (const file of ['output', 'state', 'summary']) writeFileSync(join(dir, file), '')
  writeFileSync(env['GITHUB_EVENT_PATH']!, '{}')
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return env
}
