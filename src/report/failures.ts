import type { Failure, RunDetail, StepDetail } from '../model.js'

/**
 * Every failed step of a run, in run order, with the job's or stage's name around it. A failed job
 * without a failed step (refused before it started, or timed out) is listed by itself; so is a failed
 * stage whose failure shows nowhere below it.
 */
export function failuresOf(detail: RunDetail): Failure[] {
  const failures: Failure[] = []
  for (const stage of detail.stages) {
    const before = failures.length
    const gate = (steps: StepDetail[], job: string): void => {
      for (const step of steps.filter((s) => s.state === 'failure')) {
        failures.push({ stage: stage.name, job, step: step.name, message: step.message ?? '' })
      }
    }
    gate(stage.pre, '(stage entry check)')
    for (const job of stage.jobs) {
      const steps = job.steps.filter((s) => s.state === 'failure')
      for (const step of steps) {
        failures.push({ stage: stage.name, job: job.name, step: step.name, message: step.message ?? job.message ?? '' })
      }
      if (steps.length === 0 && job.state === 'failure') {
        failures.push({ stage: stage.name, job: job.name, step: '', message: job.message ?? '' })
      }
    }
    gate(stage.post, '(stage exit check)')
    if (failures.length === before && stage.state === 'failure') {
      failures.push({ stage: stage.name, job: '', step: '', message: '' })
    }
  }
  return failures
}

/** `Build / Compile / make`, leaving out the parts that are empty. */
export function failurePath(failure: Failure): string {
  return [failure.stage, failure.job, failure.step].filter((part) => part !== '').join(' / ')
}
