// `ref`: run a branch or a tag of the pipeline's repositories.

import { describe, expect, it } from 'vitest'
import { hex32, type PipelineConfig } from '../simulator/codearts.ts'
import { quickPipeline } from '../simulator/fixtures.ts'
import { runAction } from '../support/harness.ts'
import { codeartsInputs } from '../support/inputs.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()

async function run(config: PipelineConfig, ref: string, { ranBefore = true } = {}) {
  const id = hex32()
  const sim = await sims.codearts({ [id]: config })
  if (ranBefore) sim.startRun(id, { script: quickPipeline(1) })
  const result = await runAction(codeartsInputs(sim, { 'pipeline-ids': id, ref }))
  return { id, result, ours: sim.runsOf(id).find((r) => !r.foreign) }
}

describe('ref', () => {
  it.each([
    ['feature/cart', 'branch', 'feature/cart'],
    ['refs/heads/main', 'branch', 'main'],
    ['refs/tags/v1.2.0', 'tag', 'v1.2.0']
  ])('%s runs %s %s', async (ref, kind, name) => {
    const { result, ours } = await run({ script: quickPipeline(50) }, ref)
    expect(result.exitCode).toBe(0)
    expect(ours!.refs).toEqual([{ git_url: expect.stringMatching(/^https:\/\/codehub/), kind, name }])
  })

  it('points every repository of a multi-repository pipeline at the ref', async () => {
    const repositories = [
      { git_type: 'codehub', git_url: 'https://codehub.example.com/shop/api.git', default_branch: 'master' },
      { git_type: 'github', git_url: 'https://github.com/octo-org/web.git', default_branch: 'main' }
    ]
    const { result, ours } = await run({ script: quickPipeline(50), repositories }, 'release/2.0')
    expect(result.exitCode).toBe(0)
    expect(ours!.refs.map((r) => `${r.git_url} ${r.kind} ${r.name}`)).toEqual([
      'https://codehub.example.com/shop/api.git branch release/2.0',
      'https://github.com/octo-org/web.git branch release/2.0'
    ])
  })

  it('explains what to do when the pipeline has never run', async () => {
    const { result, ours } = await run({ script: quickPipeline(50) }, 'main', { ranBefore: false })
    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(
      /::error::finding the repositories of pipeline \S+ to run branch main: the pipeline has never run, so its repositories are unknown; run it once in the console, or leave ref empty/
    )
    expect(ours).toBeUndefined()
  })
})
