import type { Failure, JobDetail, RunDetail, StageDetail, StepDetail } from '../model.js'

/** A step with the stage and job around it; gate steps have a label in place of a job. */
export interface PlacedStep {
  stage: StageDetail
  jobName: string
  job?: JobDetail
  step: StepDetail
}

export const ENTRY_CHECK = '(stage entry check)'
export const EXIT_CHECK = '(stage exit check)'

/** A stage's steps in run order: entry checks, each job's steps, exit checks. */
function stageSteps(stage: StageDetail): PlacedStep[] {
  return [
    ...stage.pre.map((step) => ({ stage, jobName: ENTRY_CHECK, step })),
    ...stage.jobs.flatMap((job) => job.steps.map((step) => ({ stage, jobName: job.name, job, step }))),
    ...stage.post.map((step) => ({ stage, jobName: EXIT_CHECK, step }))
  ]
}

export function placedSteps(detail: RunDetail): PlacedStep[] {
  return detail.stages.flatMap(stageSteps)
}

/**
 * Every failed step of a run, in run order. A failed job without a failed step (refused before it
 * started, or timed out) is listed by itself; so is a failed stage whose failure shows nowhere below it.
 */
export function failuresOf(detail: RunDetail): Failure[] {
  return detail.stages.flatMap((stage) => {
    const found: Failure[] = stageSteps(stage)
      .filter(({ step }) => step.state === 'failure')
      .map(({ jobName, job, step }) => ({ stage: stage.name, job: jobName, step: step.name, message: step.message ?? job?.message ?? '' }))
    for (const job of stage.jobs) {
      if (job.state === 'failure' && !job.steps.some((s) => s.state === 'failure')) {
        found.push({ stage: stage.name, job: job.name, step: '', message: job.message ?? '' })
      }
    }
    if (found.length === 0 && stage.state === 'failure') found.push({ stage: stage.name, job: '', step: '', message: '' })
    return found
  })
}

/**
 * `Build / Compile / make`, leaving out the parts that are empty; through sub-pipelines,
 * `Deploy / Rollout / deploy › sub-pipeline prod-rollout › Release / Helm / Helm upgrade`.
 */
export function failurePath(failure: Failure): string {
  const at = (node: Pick<Failure, 'stage' | 'job' | 'step'>) => [node.stage, node.job, node.step].filter((part) => part !== '').join(' / ')
  const hops = (failure.sub_pipelines ?? []).map((hop) =>
    [`sub-pipeline ${hop.pipeline}`, at(hop)].filter((part) => part !== '').join(' › ')
  )
  return [at(failure), ...hops].filter((part) => part !== '').join(' › ')
}
