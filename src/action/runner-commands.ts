// What the step tells the runner through its environment and files rather than through the log:
// inputs (INPUT_*), outputs and state (the files GITHUB_OUTPUT and GITHUB_STATE name), state given
// back to the post step (STATE_*), and the job summary (GITHUB_STEP_SUMMARY). The formats are the
// runner's (docs/runner-commands.md, "Files"); @actions/core writes the same, but importing it
// brings its OIDC client and a second copy of undici into the bundle (docs/proxy.md), for five
// small functions.

import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import { access, appendFile, constants } from 'node:fs/promises'
import { EOL } from 'node:os'
import { command } from '../log/logger.js'

/**
 * An input as the runner passes it: `INPUT_` and the name in capitals, spaces as underscores, dashes
 * kept; surrounding white space trimmed; '' when not set.
 */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

export function setOutput(name: string, value: string, env: NodeJS.ProcessEnv = process.env): void {
  keyValue('OUTPUT', 'set-output', name, value, env)
}

export function saveState(name: string, value: string, env: NodeJS.ProcessEnv = process.env): void {
  keyValue('STATE', 'save-state', name, value, env)
}

/** What the main step saved, as the runner hands it to the post step. */
export function getState(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`STATE_${name}`] ?? ''
}

/**
 * A `name<<DELIMITER` record appended to the runner's file: the value runs, line breaks and all, up
 * to a line that is the delimiter alone, so the delimiter is fresh and random each time and a value
 * that held it would be refused (it cannot, short of guessing a UUID). Without the file (the bundle
 * run by hand, outside a runner) the value is printed as the runner's older stdout command instead.
 */
function keyValue(file: 'OUTPUT' | 'STATE', legacy: string, name: string, value: string, env: NodeJS.ProcessEnv): void {
  const path = env[`GITHUB_${file}`] ?? ''
  if (path === '') {
    process.stdout.write(`${EOL}${command(legacy, { name }, value)}${EOL}`)
    return
  }
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`the ${file.toLowerCase()} ${name} holds its own delimiter`)
  // The runner creates the file; one that is missing means GITHUB_* names a wrong path, which is an error, not a file to create.
  if (!existsSync(path)) throw new Error(`GITHUB_${file} names a file that does not exist: ${path}`)
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
}

/** Appends Markdown to the job summary; refused when the runner gave no summary file or it cannot be written. */
export async function appendSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const path = env['GITHUB_STEP_SUMMARY'] ?? ''
  if (path === '') throw new Error('GITHUB_STEP_SUMMARY is not set: this runner offers no job summary')
  try {
    await access(path, constants.R_OK | constants.W_OK)
  } catch {
    throw new Error(`the summary file ${path} (GITHUB_STEP_SUMMARY) cannot be read and written`)
  }
  await appendFile(path, markdown, 'utf8')
}
