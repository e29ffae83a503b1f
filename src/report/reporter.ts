// Prints why runs failed, as soon as a run's detail shows it: the job's message, the failing step's
// log tail in a group, and an error annotation. With `logs: all`, every step's log as it ends.
// Each step is reported once, however many details show it.

import type { ReportSettings } from '../config/settings.js'
import { type Failure, hasEnded, type RunDetail, type RunRef, runKey } from '../model.js'
import type { Provider } from '../providers/provider.js'
import { failurePath, failuresOf, type PlacedStep, placedSteps } from './failures.js'
import type { Printout } from './printout.js'
import { type FoundFailure, followSubPipeline } from './sub-pipelines.js'
import { type LogTail, readTail } from './tail.js'

/** A failed step's tail, kept for the job summary. */
export interface FailedStepLog {
  failure: Failure
  tail?: LogTail
}

// The runner shows 10 error annotations per step; the step's own failure line is the tenth.
const ANNOTATIONS = 9
// The runner cuts annotation messages at 4096 characters.
const ANNOTATION_CHARS = 4_096
const ANNOTATION_LINES = 20

export class Reporter {
  private readonly provider: Provider
  private readonly settings: ReportSettings
  private readonly reported = new Set<string>()
  private annotations = 0
  /** Failed steps with their tails, by runKey(), in the order found. */
  readonly failedLogs = new Map<string, FailedStepLog[]>()
  /** The failures found inside failed sub-pipeline steps, by runKey() and the step's path. */
  private readonly expanded = new Map<string, Failure[]>()

  constructor(provider: Provider, settings: ReportSettings) {
    this.provider = provider
    this.settings = settings
  }

  /** Reports what this detail shows that has not been reported yet. `label` names the run: "shop-build #12". */
  async onDetail(run: RunRef, detail: RunDetail, label: string): Promise<Printout[]> {
    const out: Printout[] = []
    for (const placed of placedSteps(detail)) {
      const { step } = placed
      const failed = step.state === 'failure'
      const ended = hasEnded(step.state)
      const printLog = this.settings.logs === 'all' ? ended : this.settings.logs === 'failed' && failed
      if ((!failed && !printLog) || !this.once(`${runKey(run)}/step/${step.id}`)) continue
      const failure = { stage: placed.stage.name, job: placed.jobName, step: step.name, message: step.message ?? placed.job?.message ?? '' }
      if (failed && placed.job?.message && this.once(`${runKey(run)}/job/${placed.job.id}`)) {
        out.push({ info: `${label} / ${placed.stage.name} / ${placed.job.name} failed: ${oneLine(placed.job.message)}` })
      }
      const inside = failed && step.subPipeline ? await this.followed(run, placed, failure, label, out) : []
      if (inside.length > 0) {
        this.expanded.set(
          `${runKey(run)}/${failurePath(failure)}`,
          inside.map((found) => found.failure)
        )
        for (const found of inside) {
          const tail =
            found.placed && printLog
              ? await this.stepLog(found.run, found.placed, `${label} / ${failurePath(found.failure)}`, out)
              : undefined
          this.fail(run, label, found.failure, tail, out)
        }
        continue
      }
      const tail = printLog ? await this.stepLog(run, placed, `${label} / ${failurePath(failure)}`, out) : undefined
      if (failed) this.fail(run, label, failure, tail, out)
    }
    // Failures with no failed step to show (a job refused before it ran, a stage that failed by itself).
    for (const failure of failuresOf(detail).filter((f) => f.step === '')) {
      if (this.once(`${runKey(run)}/failure/${failurePath(failure)}`)) this.fail(run, label, failure, undefined, out)
    }
    return out
  }

  /** `failuresOf(detail)`, with each failed sub-pipeline step replaced by the failures found inside it. */
  failures(run: RunRef, detail: RunDetail): Failure[] {
    return failuresOf(detail).flatMap((failure) => this.expanded.get(`${runKey(run)}/${failurePath(failure)}`) ?? [failure])
  }

  /** The failures inside a failed sub-pipeline step; none when they cannot be found (then the step itself is reported). */
  private async followed(run: RunRef, placed: PlacedStep, failure: Failure, label: string, out: Printout[]): Promise<FoundFailure[]> {
    try {
      return await followSubPipeline(this.provider, run, placed.step, failure)
    } catch (error) {
      out.push({ warning: `Could not follow the sub-pipeline of ${label} / ${failurePath(failure)}: ${(error as Error).message}` })
      return []
    }
  }

  /** Reads the step's log (its tail) and says how to show it. `where` names the step: "shop-build #12 / Build / Compile / make". */
  private async stepLog(run: RunRef, placed: PlacedStep, where: string, out: Printout[]): Promise<LogTail | undefined> {
    const { step } = placed
    const title = `${where}: ${step.status}`
    if (step.logKey === undefined) {
      out.push({ info: `${title} (no log)` })
      return undefined
    }
    let tail: LogTail
    try {
      tail = await readTail(this.provider.stepLog(run, step.logKey), this.settings.logLines)
    } catch (error) {
      out.push({ warning: `Could not read the log of ${title}: ${(error as Error).message}` })
      return undefined
    }
    const shown = tail.total > tail.lines.length ? ` (last ${tail.lines.length} of ${tail.total} lines)` : ''
    out.push({ group: `${title}${shown}`, lines: tail.lines })
    return tail
  }

  private fail(run: RunRef, label: string, failure: Failure, tail: LogTail | undefined, out: Printout[]): void {
    const list = this.failedLogs.get(runKey(run)) ?? []
    list.push({ failure, ...(tail && { tail }) })
    this.failedLogs.set(runKey(run), list)
    if (this.annotations >= ANNOTATIONS) return
    this.annotations++
    out.push({ annotation: annotationText(failure, tail), title: `${label} / ${failurePath(failure)}` })
  }

  private once(key: string): boolean {
    if (this.reported.has(key)) return false
    this.reported.add(key)
    return true
  }
}

/** The failure's message, then as many of the last lines as fit the runner's limit. */
export function annotationText(failure: Failure, tail: LogTail | undefined): string {
  const message = oneLine(failure.message || 'failed').slice(0, 1_000)
  const lines = tail?.lines.slice(-ANNOTATION_LINES) ?? []
  let text = message
  for (let i = 0; i < lines.length; i++) {
    const candidate = `${message}\n\nLast lines:\n${lines.slice(i).join('\n')}`
    if (candidate.length <= ANNOTATION_CHARS) {
      text = candidate
      break
    }
  }
  return text
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
