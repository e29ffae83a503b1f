// The built command against the simulators: each exit code, --json and --junit, the log where it
// belongs, signals that stop the runs first. Most cases run `node dist/cli/index.js`, as a CI job
// does; the unreachable service runs the same command() in this process with short retry waits.

import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { command } from '../../src/cli/command.ts'
import { EXIT } from '../../src/cli/exit-codes.ts'
import { hex32 } from '../simulator/codearts.ts'
import { ACCESS_KEY, failingPipeline, gatedPipeline, passingPipeline, quickPipeline } from '../simulator/fixtures.ts'
import { codeartsEnv, FAST_POLLING, runCommand, yunxiaoEnv } from '../support/command.ts'
import { FAST } from '../support/in-process.ts'
import { junitSchemaErrors } from '../support/junit.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()
const scratch = () => mkdtempSync(join(tmpdir(), 'command-'))

async function codearts(pipelines: Parameters<typeof sims.codearts>[0]) {
  const sim = await sims.codearts(pipelines)
  const base = ['--project-id', sim.projectId, '--iam-project-id', sim.iamProjectId, ...FAST_POLLING]
  return { sim, base, env: codeartsEnv(sim) }
}

function signalWhen(text: string, signal: NodeJS.Signals) {
  return (child: ChildProcess, output: () => string) => {
    const timer = setInterval(() => {
      if (output().includes(text)) {
        clearInterval(timer)
        child.kill(signal)
      }
    }, 20)
    child.on('close', () => clearInterval(timer))
  }
}

describe('the command against the simulator', () => {
  it('0: passes, with the results as JSON on stdout, the log on stderr, and a valid JUnit report', async () => {
    const id = hex32()
    const { sim, base, env } = await codearts({ [id]: { script: passingPipeline(50) } })
    const dir = scratch()
    const [junit, summary] = [join(dir, 'report.xml'), join(dir, 'summary.md')]
    const gitlab = {
      GITLAB_CI: 'true',
      CI_PROJECT_PATH: 'g/shop',
      CI_COMMIT_SHA: 'abcdef0123456789',
      CI_JOB_URL: 'https://gitlab.test/j/1'
    }
    const result = await runCommand([...base, '--pipeline-ids', id, '--json', '--junit', junit, '--summary-file', summary], {
      env: { ...env, ...gitlab },
      outputs: [junit, summary]
    })

    expect(result.exitCode).toBe(EXIT.success)
    const json = JSON.parse(result.stdout)
    expect(json).toMatchObject({ conclusion: 'success', exit_code: 0, reason: 'success', message: null, run_ids: [sim.runsOf(id)[0]!.id] })
    expect(json.results[0]).toMatchObject({ pipeline_id: id, status: 'COMPLETED', conclusion: 'success' })
    expect(result.stderr).toContain(`Started pipeline ${id} run`)
    // The run's description names the GitLab job that started it.
    expect(sim.runsOf(id)[0]!.description).toMatch(/^GitLab g\/shop abcdef012345 https:\/\/gitlab\.test\/j\/1 \[gha-[0-9a-f]{16}\]$/)
    const xml = readFileSync(junit, 'utf8')
    expect(await junitSchemaErrors(xml)).toEqual([])
    expect(xml).toMatch(/<testsuite name="shop-build #1"[^>]* tests="4" failures="0" errors="0"/)
    expect(readFileSync(summary, 'utf8')).toMatch(/^## .* CodeArts Pipeline: success/)
  })

  it('1: a run failed; the failing step log in a GitLab section and in the JUnit failure', async () => {
    const id = hex32()
    const { base, env } = await codearts({ [id]: { script: failingPipeline(50) } })
    const junit = join(scratch(), 'report.xml')
    const result = await runCommand([...base, '--pipeline-ids', id, '--junit', junit], {
      env: { ...env, GITLAB_CI: 'true' },
      outputs: [junit]
    })

    expect(result.exitCode).toBe(EXIT.failed)
    const start = result.stdout.indexOf('\u001b[0Ksection_start:')
    const end = result.stdout.indexOf('\u001b[0Ksection_end:')
    expect(result.stdout.slice(start, result.stdout.indexOf('\n', start))).toMatch(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: GitLab's section marker
      /^\u001b\[0Ksection_start:\d+:codearts_pipeline_1\[collapsed=true\]\r\u001b\[0Kshop-test #1 \/ Build \/ Unit tests \/ npm test: FAILED$/
    )
    expect(result.stdout.slice(start, end)).toContain('\nAssertionError: expected 2 to be 3\n')
    expect(result.stdout).toContain('error: shop-test (pipeline')
    const xml = readFileSync(junit, 'utf8')
    expect(await junitSchemaErrors(xml)).toEqual([])
    expect(xml).toMatch(
      /<testcase name="Unit tests" classname="shop-test\.Build"[^>]*>\s*<failure message="npm test: exit code 1" type="FAILED">/
    )
    expect(xml).toContain('AssertionError: expected 2 to be 3')
  })

  it('2: bad input, before any request; a secret given as a flag is refused without being repeated', async () => {
    const id = hex32()
    const { sim, base, env } = await codearts({ [id]: { script: quickPipeline() } })
    const bad = await runCommand([...base, '--pipeline-ids', 'not-an-id', '--json'], { env })
    expect(bad.exitCode).toBe(EXIT.badInput)
    expect(bad.stderr).toContain("error: Input 'pipeline-ids': 'not-an-id' is not a pipeline ID")
    expect(JSON.parse(bad.stdout)).toMatchObject({ conclusion: 'failure', exit_code: 2, reason: 'badInput' })

    const secret = await runCommand([...base, '--pipeline-ids', id, '--secret-key', ACCESS_KEY.secretKey], { env })
    expect(secret.exitCode).toBe(EXIT.badInput)
    expect(secret.stdout).toContain('error: Flag --secret-key is not taken')
    expect(sim.requests).toHaveLength(0)
  })

  it('3: credentials refused, after which nothing more is sent', async () => {
    const id = hex32()
    const { sim, base, env } = await codearts({ [id]: { script: quickPipeline() } })
    const result = await runCommand([...base, '--pipeline-ids', id], {
      env: { ...env, HUAWEICLOUD_SDK_SK: 'sk-wrong-0000000000000000000000' }
    })
    expect(result.exitCode).toBe(EXIT.credentialsRefused)
    expect(sim.requests.length).toBeLessThanOrEqual(2)
    expect(sim.runsOf(id)).toHaveLength(0)
  })

  it('4: the service cannot be reached', async () => {
    // A port nothing listens on: connections are refused, retried (with short waits here), then given up.
    const server = createServer()
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const { port } = server.address() as { port: number }
    await new Promise((done) => server.close(done))
    let out = ''
    const code = await command(
      ['--project-id', hex32(), '--pipeline-ids', hex32(), '--iam-project-id', hex32(), '--json'],
      {
        HUAWEICLOUD_SDK_AK: 'ak',
        HUAWEICLOUD_SDK_SK: 'sk',
        HUAWEICLOUD_SDK_REGION_CODEARTSPIPELINE_CN_NORTH_4: `http://127.0.0.1:${port}`
      },
      {
        stdout: (t) => {
          out += t
        },
        stderr: () => {},
        stdoutIsTTY: false,
        stderrIsTTY: false
      },
      new AbortController().signal,
      FAST
    )
    expect(code).toBe(EXIT.unreachable)
    expect(JSON.parse(out)).toMatchObject({ reason: 'unreachable', exit_code: 4 })
  })

  it('5: the timeout passes; the run is stopped first', async () => {
    const id = hex32()
    const { sim, base, env } = await codearts({ [id]: { script: quickPipeline(60_000) } })
    const result = await runCommand([...base, '--pipeline-ids', id, '--timeout', '1s'], { env })
    expect(result.exitCode, result.stdout + result.stderr).toBe(EXIT.timedOut)
    expect(sim.stateOf(sim.runsOf(id)[0]!).status).toBe('CANCELED')
  })

  it('6: a run waits for a person, with --on-manual-gate fail', async () => {
    const id = hex32()
    const { base, env } = await codearts({ [id]: { script: gatedPipeline() } })
    const result = await runCommand([...base, '--pipeline-ids', id, '--on-manual-gate', 'fail'], { env })
    expect(result.exitCode).toBe(EXIT.manualGate)
  })

  it.each(['SIGINT', 'SIGTERM'] as const)('7: %s stops the run this command started, then exits cancelled', async (signal) => {
    const id = hex32()
    const { sim, base, env } = await codearts({ [id]: { script: quickPipeline(60_000) } })
    const result = await runCommand([...base, '--pipeline-ids', id], { env, onStart: signalWhen('Started pipeline', signal) })
    expect(result.exitCode).toBe(EXIT.cancelled)
    expect(result.stdout).toContain(`Received ${signal}: stopping the runs this command started.`)
    expect(sim.stateOf(sim.runsOf(id)[0]!).status).toBe('CANCELED')
  })

  it('8: the service refuses a request for another reason (a pipeline it does not know)', async () => {
    const { base, env } = await codearts({ [hex32()]: { script: quickPipeline() } })
    const result = await runCommand([...base, '--pipeline-ids', hex32()], { env })
    expect(result.exitCode).toBe(EXIT.serviceError)
  })

  it('Yunxiao: the token from YUNXIAO_TOKEN, the region edition from YUNXIAO_API_BASE_URL', async () => {
    const sim = await sims.yunxiao({ '101': { script: quickPipeline(50) } })
    const result = await runCommand(
      ['--provider', 'yunxiao', '--organization-id', sim.organizationId, '--pipeline-ids', '101', ...FAST_POLLING],
      {
        env: yunxiaoEnv(sim)
      }
    )
    expect(result.exitCode).toBe(EXIT.success)
    expect(result.stdout).toContain('Started pipeline 101 run')
  })
})
