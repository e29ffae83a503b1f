// `npm run demo` (or `npm run demo -- yunxiao`): the action's main job against the embedded
// simulator. Two pipelines, one that passes and one that fails, started and waited on by
// `node dist/index.js` exactly as a runner would run it; the job log is shown as GitHub shows it
// (groups folded until opened, so the failing step's last lines appear once, in its annotation),
// then the job summary the step wrote, as text, the outputs and the requests made.

import { createInterface } from 'node:readline'
import { CodeArtsSimulator, hex32, type RecordedRequest } from '../simulator/codearts.ts'
import { ACCESS_KEY, failingPipeline, passingPipeline, YUNXIAO_TOKEN } from '../simulator/fixtures.ts'
import { YunxiaoSimulator } from '../simulator/yunxiao.ts'
import { runAction } from '../support/harness.ts'
import { summaryText } from './summary-text.ts'

interface Demo {
  sim: { url: string; requests: RecordedRequest[]; close(): Promise<void> }
  build: string
  test: string
  inputs: Record<string, string>
  /** Turns request paths into templates for the tally. */
  template: (path: string) => string
}

async function codearts(): Promise<Demo> {
  const build = hex32()
  const test = hex32()
  const sim = await CodeArtsSimulator.start({
    pipelines: { [build]: { script: passingPipeline(400) }, [test]: { script: failingPipeline(400) } },
    accessKeys: [ACCESS_KEY]
  })
  const inputs = {
    'project-id': sim.projectId,
    'iam-endpoint': sim.url,
    'access-key': ACCESS_KEY.accessKey,
    'secret-key': ACCESS_KEY.secretKey
  }
  return { sim, build, test, inputs, template: (path) => path.replace(sim.projectId, '{project}').replace(/[0-9a-f]{32}/g, '{id}') }
}

async function yunxiao(): Promise<Demo> {
  const [build, test] = ['4101', '4102']
  const sim = await YunxiaoSimulator.start({
    pipelines: { [build]: { script: passingPipeline(400) }, [test]: { script: failingPipeline(400) } },
    tokens: [YUNXIAO_TOKEN]
  })
  const inputs = { provider: 'yunxiao', 'organization-id': sim.organizationId, token: YUNXIAO_TOKEN }
  return { sim, build, test, inputs, template: (path) => path.replace(sim.organizationId, '{org}').replace(/\/\d+/g, '/{n}') }
}

const provider = process.argv[2] === 'yunxiao' ? 'yunxiao' : 'codearts'
const { sim, build, test, inputs: credentials, template } = await (provider === 'yunxiao' ? yunxiao() : codearts())
const inputs: Record<string, string> = {
  'pipeline-ids': `${build}\n${test}`,
  endpoint: sim.url,
  ...credentials,
  variables: 'IMAGE_TAG=1.4.2',
  'poll-interval': '1s',
  'max-poll-interval': '3s'
}

console.log(`${provider} simulator at ${sim.url}: pipeline ${build} (shop-build) passes, pipeline ${test} (shop-test) fails.`)
console.log('Running: node dist/index.js with')
for (const [name, value] of Object.entries(inputs))
  console.log(`  ${name}: ${['secret-key', 'token'].includes(name) ? '***' : value.replace(/\n/g, ', ')}`)
console.log('\n──── job log ────')
const began = Date.now()
const result = await runAction(inputs, {
  onStart: (child) => {
    const view = runnerView()
    createInterface({ input: child.stdout! }).on('line', (line) => view(line))
    child.stderr?.pipe(process.stderr)
  }
})
console.log('──── end of job log ────\n')

console.log('──── job summary ────')
process.stdout.write(summaryText(result.summary))
console.log('──── end of job summary ────\n')

console.log(`Exit code ${result.exitCode} after ${((Date.now() - began) / 1000).toFixed(1)} s. Outputs:`)
for (const [name, value] of Object.entries(result.outputs)) {
  console.log(`  ${name} = ${name === 'results' ? JSON.stringify(JSON.parse(value), null, 2).replace(/\n/g, '\n    ') : value}`)
}

console.log('\nRequests the action made:')
const label = (r: RecordedRequest) => `${r.method} ${template(r.path)}`
const count = (rs: RecordedRequest[]) => {
  const tally = new Map<string, number>()
  for (const r of rs) tally.set(label(r), (tally.get(label(r)) ?? 0) + 1)
  return [...tally].map(([k, n]) => `    ${String(n).padStart(3)} × ${k}`).join('\n')
}
const shared = sim.requests.filter((r) => r.pipelineId === undefined)
console.log(`  shared by both pipelines (${shared.length}):\n${count(shared)}`)
for (const [id, name] of [
  [build, 'shop-build'],
  [test, 'shop-test']
] as const) {
  const own = sim.requests.filter((r) => r.pipelineId === id)
  console.log(`  ${name} (${own.length}):\n${count(own)}`)
}
await sim.close()

/**
 * Prints workflow commands the way the job log shows them: debug hidden, masks applied,
 * stop-commands honoured, and each group folded to its title and length, as GitHub shows it until
 * the group is opened.
 */
function runnerView(): (line: string) => void {
  const masks: string[] = []
  let stoppedBy: string | undefined
  let group: { title: string; lines: number } | undefined
  const unescapeData = (text: string) => text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
  const show = (text: string) => {
    let shown = text
    for (const secret of masks) shown = shown.split(secret).join('***')
    if (group) group.lines++
    else console.log(shown)
  }
  return (line) => {
    const command = /^::([a-z-]+|[0-9a-f]{32})(?: [^:]*)?::(.*)$/.exec(line)
    if (!command) return show(line)
    const [, name, value] = command as unknown as [string, string, string]
    if (stoppedBy !== undefined) {
      if (name === stoppedBy) stoppedBy = undefined
      else show(line)
      return
    }
    if (name === 'stop-commands') stoppedBy = value
    else if (name === 'add-mask') masks.push(value)
    else if (name === 'group') group = { title: unescapeData(value), lines: 0 }
    else if (name === 'endgroup' && group) {
      const { title, lines } = group
      group = undefined
      show(`▸ ${title}  [${lines} lines, folded]`)
    } else if (name !== 'debug' && name !== 'endgroup') {
      show(`${{ error: 'Error: ', warning: 'Warning: ' }[name] ?? ''}${unescapeData(value)}`)
    }
  }
}
