// Following sub-pipelines through a service that answers without end: every run's failing step runs
// another sub-pipeline (a chain deeper than any real one), or names a run already on the path.

import { describe, expect, it } from 'vitest'
import type { RunDetail, RunRef, StepDetail, TrackedRun } from '../../src/model.ts'
import type { Provider } from '../../src/providers/provider.ts'
import { failurePath } from '../../src/report/failures.ts'
import { followSubPipeline, MAX_SUB_PIPELINE_DEPTH } from '../../src/report/sub-pipelines.ts'

const step: StepDetail = { id: 's1', name: 'deploy', status: 'FAILED', state: 'failure', subPipeline: true, message: 'sub failed' }

function detailOf(run: RunRef): RunDetail {
  return {
    status: 'FAILED',
    state: 'failure',
    pipelineName: `p-${run.pipelineId}`,
    stages: [
      {
        id: 'st',
        name: 'Stage',
        status: 'FAILED',
        state: 'failure',
        pre: [],
        post: [],
        jobs: [{ id: 'j', name: 'Job', status: 'FAILED', state: 'failure', steps: [step] }]
      }
    ]
  }
}

/** A service whose every sub-pipeline step started the run `next(run)`. */
function service(next: (run: RunRef) => RunRef): Provider & { reads: number } {
  const provider = {
    reads: 0,
    subRuns: async (run: RunRef) => new Map<string, TrackedRun>([['s1', { ...next(run), url: '', startedHere: false }]]),
    detail: async (run: RunRef) => {
      provider.reads++
      return detailOf(run)
    }
  }
  return provider as unknown as Provider & { reads: number }
}

const top = { stage: 'Deploy', job: 'Rollout', step: 'deploy', message: 'sub failed' }

describe('following sub-pipelines', () => {
  it(`stops ${MAX_SUB_PIPELINE_DEPTH} levels down, and says so`, async () => {
    const provider = service((run) => ({ pipelineId: String(Number(run.pipelineId) + 1), runId: 'r' }))
    const [found, ...more] = await followSubPipeline(provider, { pipelineId: '0', runId: 'r' }, step, top)

    expect(more).toEqual([])
    expect(found!.failure.sub_pipelines).toHaveLength(MAX_SUB_PIPELINE_DEPTH + 1)
    expect(found!.failure.message).toContain(`not followed: more than ${MAX_SUB_PIPELINE_DEPTH} sub-pipelines deep`)
    expect(provider.reads).toBe(MAX_SUB_PIPELINE_DEPTH)
  })

  it('never enters a run already on the path', async () => {
    // 1 → 2 → 1 → …
    const provider = service((run) => ({ pipelineId: run.pipelineId === '1' ? '2' : '1', runId: 'r' }))
    const [found] = await followSubPipeline(provider, { pipelineId: '1', runId: 'r' }, step, top)

    expect(provider.reads).toBe(1)
    expect(found!.failure.message).toContain('not followed: it is a run already on this path')
    expect(failurePath(found!.failure)).toBe('Deploy / Rollout / deploy › sub-pipeline p-2 › Stage / Job / deploy › sub-pipeline 1')
  })
})
