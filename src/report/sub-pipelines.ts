// A failed step that ran a sub-pipeline, followed down to the steps that really failed: the run the
// step started is found (Provider.subRuns), read, and its failed steps taken; one that ran a
// sub-pipeline again is followed too. Everything here comes from the service, so the descent is
// bounded: at most MAX_SUB_PIPELINE_DEPTH levels, and never into a run already on the path (a
// service that names a parent as its own child must not loop).

import { type Failure, type RunRef, runKey, type StepDetail, type SubPipelineHop } from '../model.js'
import type { Provider } from '../providers/provider.js'
import { failuresOf, type PlacedStep, placedSteps } from './failures.js'

export const MAX_SUB_PIPELINE_DEPTH = 5

/** A failure found inside sub-pipelines, with the run its step belongs to (where its log is read). */
export interface FoundFailure {
  failure: Failure
  run: RunRef
  /** The failed step itself; absent when the failure shows no step (a job refused, a run cut short). */
  placed?: PlacedStep
}

/**
 * The failures inside the sub-pipeline that `step` of `run` ran, each as `top` (the failure in the
 * pipeline that was started) with the hops that lead to it. Empty when the step's run cannot be
 * told: the caller then reports the step itself. Errors reading the service are thrown.
 */
export async function followSubPipeline(provider: Provider, run: RunRef, step: StepDetail, top: Failure): Promise<FoundFailure[]> {
  return descend(provider, run, step, top, [], new Set([runKey(run)]))
}

async function descend(
  provider: Provider,
  run: RunRef,
  step: StepDetail,
  top: Failure,
  path: SubPipelineHop[],
  seen: Set<string>
): Promise<FoundFailure[]> {
  const sub = (await provider.subRuns?.(run, [step.id]))?.get(step.id)
  if (sub === undefined) return []
  const hop = (name: string, at: Pick<Failure, 'stage' | 'job' | 'step'> = { stage: '', job: '', step: '' }): SubPipelineHop => ({
    pipeline_id: sub.pipelineId,
    run_id: sub.runId,
    pipeline: name,
    ...at
  })
  if (seen.has(runKey(sub)) || path.length >= MAX_SUB_PIPELINE_DEPTH) {
    const why = seen.has(runKey(sub)) ? 'it is a run already on this path' : `more than ${MAX_SUB_PIPELINE_DEPTH} sub-pipelines deep`
    return [
      {
        failure: { ...top, message: `${top.message} (not followed: ${why})`.trim(), sub_pipelines: [...path, hop(sub.pipelineId)] },
        run: sub
      }
    ]
  }
  const detail = await provider.detail(sub)
  const name = detail.pipelineName || sub.pipelineId
  const within = new Set([...seen, runKey(sub)])
  const found: FoundFailure[] = []
  for (const placed of placedSteps(detail).filter((p) => p.step.state === 'failure')) {
    const at = hop(name, { stage: placed.stage.name, job: placed.jobName, step: placed.step.name })
    const failure: Failure = { ...top, message: placed.step.message ?? placed.job?.message ?? '', sub_pipelines: [...path, at] }
    const deeper = placed.step.subPipeline ? await descend(provider, sub, placed.step, top, [...path, at], within) : []
    found.push(...(deeper.length > 0 ? deeper : [{ failure, run: sub, placed }]))
  }
  // A job that failed before any step ran, or a stage that failed by itself.
  for (const f of failuresOf(detail).filter((f) => f.step === '')) {
    found.push({ failure: { ...top, message: f.message || top.message, sub_pipelines: [...path, hop(name, f)] }, run: sub })
  }
  // The sub-pipeline's run shows no failure (cancelled, or still running): say at least which run it is.
  if (found.length === 0) {
    const message = `${top.message} (sub-pipeline run ${detail.status || 'status unknown'})`.trim()
    found.push({ failure: { ...top, message, sub_pipelines: [...path, hop(name)] }, run: sub })
  }
  return found
}
