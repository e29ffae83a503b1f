// The package as users get it: `npm pack`, installed with nothing else (offline: the bundle has no
// dependencies), run with `npx` and as an installed bin, on the system's Node 20 and on Node 24; and
// the README's GitLab CI job and Jenkins stage, their commands run as written against the simulator.

import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { EXIT } from '../../src/cli/exit-codes.ts'
import { hex32 } from '../simulator/codearts.ts'
import { quickPipeline } from '../simulator/fixtures.ts'
import { codeartsEnv, FAST_POLLING, ROOT, runCommand, runShell } from '../support/command.ts'
import { junitSchemaErrors } from '../support/junit.ts'
import { forwardingProxy } from '../support/proxy.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()

/** A Node 20 on PATH outside this repository (the system's), if there is one. */
function systemNode20(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '' || dir.startsWith(ROOT)) continue
    const node = join(dir, 'node')
    try {
      if (execFileSync(node, ['--version'], { encoding: 'utf8' }).startsWith('v20.')) return node
    } catch {}
  }
  return undefined
}

const node20 = systemNode20()
const NODES = [
  ...(node20 ? [{ name: 'Node 20', path: node20, version: /^v20\./ }] : []),
  { name: 'Node 24', path: process.execPath, version: /^v24\./ }
]

let tarball = ''
let installed = ''
let files: string[] = []

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'))
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })) as {
    filename: string
    files: { path: string }[]
  }[]
  tarball = join(dir, packed!.filename)
  files = packed!.files.map((f) => f.path).sort()
  const project = join(dir, 'project')
  mkdirSync(project)
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, encoding: 'utf8' })
  installed = join(project, 'node_modules/.bin/codearts-pipeline')
}, 60_000)

/** A PATH on which `node` is exactly this one, then the system's tools (npm, npx). */
function pathWith(node: string): string {
  const bin = mkdtempSync(join(tmpdir(), 'node-'))
  symlinkSync(node, join(bin, 'node'))
  return [bin, '/usr/local/bin', '/usr/bin', '/bin'].join(delimiter)
}

describe('the packed command', () => {
  it('holds the bundle, its licences and the README, and depends on nothing', () => {
    // 23 and 542 are check runs' (loaded only with a GitHub token), 752 is undici (loaded only for a proxy on a Node whose
    // fetch cannot take one, src/cli/transport.ts); LICENSE is added by npm itself.
    expect(files).toEqual([
      'LICENSE',
      'README.md',
      'dist/cli/23.index.js',
      'dist/cli/542.index.js',
      'dist/cli/752.index.js',
      'dist/cli/index.js',
      'dist/cli/licenses.txt',
      'dist/cli/package.json',
      'package.json'
    ])
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }))
    expect(manifest.bin).toEqual({ 'codearts-pipeline': 'dist/cli/index.js' })
    expect(manifest.dependencies ?? {}).toEqual({})
    expect(manifest.engines.node).toBe('>=20.18.1')
  })

  it('runs on the system Node 20 here (the machine this is built on has one)', () => {
    expect(node20, 'no Node 20 on PATH outside the repository').toBeDefined()
  })

  it.each(NODES)('$name: npx --package <tarball> codearts-pipeline --help', async ({ path }) => {
    const cwd = mkdtempSync(join(tmpdir(), 'npx-'))
    const result = await runShell('npx --yes --offline --package "$TARBALL" codearts-pipeline --help', {
      cwd,
      env: { TARBALL: tarball, PATH: pathWith(path), npm_config_cache: join(cwd, '.npm') }
    })
    expect(result.exitCode, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^codearts-pipeline \d+\.\d+\.\d+: /)
    expect(result.stdout).toContain('  --pipeline-ids VALUE (repeatable)')
    expect(readdirSync(cwd)).not.toContain('node_modules')
  })

  it.each(NODES)('$name: the installed bin runs a pipeline against the simulator', async ({ path, version }) => {
    const id = hex32()
    const sim = await sims.codearts({ [id]: { script: quickPipeline(50) } })
    const result = await runCommand(['--debug', '--project-id', sim.projectId, '--pipeline-ids', id, ...FAST_POLLING], {
      node: path,
      script: installed,
      env: codeartsEnv(sim)
    })
    expect(result.exitCode, result.stderr).toBe(EXIT.success)
    expect(result.stdout).toMatch(new RegExp(`debug: codearts-pipeline \\S+ on Node ${version.source.slice(1)}`))
    expect(sim.stateOf(sim.runsOf(id)[0]!).status).toBe('COMPLETED')
  })

  it.each(NODES)('$name: the installed bin runs a pipeline through the proxy HTTP_PROXY names', async ({ path, version }) => {
    const id = hex32()
    const sim = await sims.codearts({ [id]: { script: quickPipeline(50) } })
    const proxy = await forwardingProxy()
    try {
      const result = await runCommand(['--debug', '--project-id', sim.projectId, '--pipeline-ids', id, ...FAST_POLLING], {
        node: path,
        script: installed,
        env: { ...codeartsEnv(sim), HTTP_PROXY: proxy.url }
      })
      expect(result.exitCode, result.stderr).toBe(EXIT.success)
      // Node 24.14 on applies the proxy itself; Node 20 cannot, and the command sends through undici's agent instead.
      const how = version.test('v20.0.0') ? 'undici' : "Node's own support"
      expect(result.stdout).toContain(`debug: Requests go through the proxy HTTP_PROXY names (${how}`)
      expect(proxy.tunnels).toContain(new URL(sim.url).host)
      expect(sim.stateOf(sim.runsOf(id)[0]!).status).toBe('COMPLETED')
    } finally {
      await proxy.close()
    }
  })
})

/** The code block after `<!-- example: NAME … -->` in README.md. */
function readmeExample(name: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const at = readme.indexOf(`<!-- example: ${name} `)
  expect(at, `README.md has no example ${name}`).toBeGreaterThan(-1)
  const block = /```\w*\n([\s\S]*?)\n```/.exec(readme.slice(at))
  return block![1]!
}

describe("the README's examples, run against the simulator", () => {
  /** A pipeline that has run before (a ref is looked up in the last run), with the project's variables pointing at it. */
  async function setUp() {
    const id = hex32()
    // Over before the first status read: the examples keep the default poll interval of 5 s.
    const sim = await sims.codearts({ [id]: { script: quickPipeline(1) } })
    sim.startRun(id, { script: quickPipeline(1) })
    const cwd = dirname(installed).replace(/\/node_modules\/\.bin$/, '')
    // The CI system's own variables, the project's variables, and the simulator's endpoints in the SDKs' variables.
    const env = { ...codeartsEnv(sim), CODEARTS_PROJECT_ID: sim.projectId, CODEARTS_PIPELINE_ID: id, npm_config_offline: 'true' }
    return { id, sim, cwd, env }
  }

  it('GitLab CI: the job script passes and leaves the JUnit report its artifacts name', async () => {
    const { id, sim, cwd, env } = await setUp()
    const job = (parse(readmeExample('gitlab-ci')) as Record<string, { script: string[]; artifacts: { reports: { junit: string } } }>)[
      'codearts-gate'
    ]!
    const report = join(cwd, job.artifacts.reports.junit)
    rmSync(report, { force: true })
    const gitlab = {
      GITLAB_CI: 'true',
      CI_COMMIT_REF_NAME: 'feature/cart',
      CI_PROJECT_PATH: 'g/shop',
      CI_JOB_URL: 'https://gitlab.test/j/1'
    }
    for (const line of job.script) {
      const result = await runShell(line, { cwd, env: { ...env, ...gitlab }, outputs: [report] })
      expect(result.exitCode, result.stdout + result.stderr).toBe(0)
    }
    const ours = sim.runsOf(id).find((r) => r.description.startsWith('GitLab g/shop'))!
    expect(ours.refs[0]).toMatchObject({ kind: 'branch', name: 'feature/cart' })
    expect(await junitSchemaErrors(readFileSync(report, 'utf8'))).toEqual([])
  })

  it("Jenkins: the stage's sh step passes and leaves the file its junit step reads", async () => {
    const { id, sim, cwd, env } = await setUp()
    const stage = readmeExample('jenkinsfile')
    const commands = [...stage.matchAll(/^\s*sh '([^']*)'$/gm)].map((m) => m[1]!)
    const report = join(cwd, /junit '([^']+)'/.exec(stage)![1]!)
    expect(commands).toHaveLength(1)
    expect(stage).toContain("HUAWEICLOUD_SDK_AK = credentials('huaweicloud-ak')")
    rmSync(report, { force: true })
    const jenkins = {
      JENKINS_URL: 'https://ci.test/',
      BRANCH_NAME: 'main',
      JOB_NAME: 'shop/main',
      BUILD_URL: 'https://ci.test/job/shop/7/'
    }
    // Jenkins runs an sh step with /bin/sh -xe.
    const result = await runShell(commands[0]!, { cwd, env: { ...env, ...jenkins }, outputs: [report], shell: 'sh' })
    expect(result.exitCode, result.stdout + result.stderr).toBe(0)
    const ours = sim.runsOf(id).find((r) => r.description.startsWith('Jenkins shop/main'))!
    expect(ours.refs[0]).toMatchObject({ kind: 'branch', name: 'main' })
    expect(await junitSchemaErrors(readFileSync(report, 'utf8'))).toEqual([])
  })
})
