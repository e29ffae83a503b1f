// GitHub's local debugger (`npx local-action . src/debug.ts .env`, README "Debug locally") runs the
// TypeScript sources with its own @actions/core. The action itself writes the runner's files without
// @actions/core; src/debug.ts hands main.ts's run() the same IO with inputs, outputs, state and
// summary through @actions/core, so that the debugger sees them. This runs it once, with .env.example
// as shipped (only the simulator's address changed), so that the README's three commands keep working.

import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OUTPUT_NAMES } from '../../src/action/action-yml.generated.ts'
import { failingPipeline, passingPipeline, SERVED } from '../simulator/fixtures.ts'
import { useSimulator } from '../support/simulators.ts'

const ROOT = join(import.meta.dirname, '../..')
const sims = useSimulator()

/** The debugger's environment: ours without anything a CI runner set for its own step. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(INPUT_|GITHUB_|RUNNER_|STATE_|ACTIONS_)/.test(name)))
}

describe('the local debugger', () => {
  it("runs main.ts's run() through src/debug.ts with .env.example and shows every output", { timeout: 90_000 }, async () => {
    const { projectId, passes, fails } = SERVED.codearts
    const sim = await sims.codearts({ [passes]: { script: passingPipeline(40) }, [fails]: { script: failingPipeline(40) } }, { projectId })
    const dir = mkdtempSync(join(tmpdir(), 'local-action-'))
    const summary = join(dir, 'summary.md')
    const env = readFileSync(join(ROOT, '.env.example'), 'utf8')
      .replaceAll('http://127.0.0.1:4010', sim.url)
      .replace(/^GITHUB_STEP_SUMMARY=.*$/m, `GITHUB_STEP_SUMMARY=${summary}`)
      .replace(/^INPUT_POLL-INTERVAL=.*$/m, 'INPUT_POLL-INTERVAL=0.2s')
      .replace(/^INPUT_MAX-POLL-INTERVAL=.*$/m, 'INPUT_MAX-POLL-INTERVAL=0.5s')
    writeFileSync(join(dir, '.env'), env)

    // Not spawnSync: the simulator answers from this process.
    const child = spawn(join(ROOT, 'node_modules/.bin/local-action'), ['.', 'src/debug.ts', join(dir, '.env')], {
      cwd: ROOT,
      env: cleanEnv()
    })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (out += chunk))
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve))

    // One pipeline fails, so the step fails: the debugger exits 1.
    expect(status, out).toBe(1)
    expect(out).not.toMatch(/TypeError|Cannot read properties/)
    // Its "Action Outputs" table lists every output the action sets.
    const table = out.slice(out.indexOf('Action Outputs'))
    for (const name of OUTPUT_NAMES) expect(table, name).toContain(`'${name}'`)
    expect(table).toMatch(/'conclusion'\s*│\s*'failure'/)
    expect(table).toMatch(/'run-ids'\s*│\s*'[0-9a-f]{32},[0-9a-f]{32}'/)
    // The failing step's log and the summary, as on a runner.
    expect(out).toContain('AssertionError: expected 2 to be 3')
    expect(readFileSync(summary, 'utf8')).toContain('shop-test')
    expect(sim.runsOf(passes)).toHaveLength(1)
    expect(sim.runsOf(fails)).toHaveLength(1)
  })
})
