// Publishes one check run per pipeline run on the commit under test. Requests go out one at a time
// in the background, so the wait never waits on GitHub; a run's stages are sent again only when
// they changed. A check run is found by its external ID before one is made, so that a `mode: wait`
// step continues what a `mode: trigger` step began, and a create whose answer was lost is not made
// twice. GitHub's answers never change the verdict: a refusal turns check runs off with one
// notice, any other failure is one warning (docs/check-runs.md).

import { AbortedError } from '../errors.js'
import { type Failure, hasEnded, type RunSnapshot, runKey, type TrackedRun } from '../model.js'
import type { CheckContext, CheckEnding, CheckRuns } from './check-runs.js'
import { ChecksApi, ChecksRefusedError } from './github.js'
import { type CheckOutput, checkName, finalOutput, progressOutput } from './render.js'

export const CHECKS_NOT_ALLOWED = (why: string): string =>
  `Check runs are off: 'github-token' may not write check runs in this repository (${why}). Give the job ` +
  `'permissions: checks: write' (a pull request from a fork never gets it), or set 'check-runs: false' to leave them out.`

export const CHECKS_FAILED = (why: string): string =>
  `Could not update the check runs on GitHub (${why}); the step's result does not depend on them.`

interface Entry {
  run: TrackedRun
  id?: number
  /** The stages last shown, so that an unchanged read sends nothing. */
  shown?: string
  /** The newest read not yet shown. */
  pending?: { snapshot: RunSnapshot; label: string }
  completed?: boolean
}

export class CheckRunPublisher implements CheckRuns {
  private readonly api: ChecksApi
  private readonly context: CheckContext
  private readonly entries = new Map<string, Entry>()
  private readonly names = new Map<string, string>()
  private queue: Promise<void> = Promise.resolve()
  private off = false
  private warned = false

  constructor(token: string, context: CheckContext) {
    this.context = context
    this.api = new ChecksApi({
      token,
      apiUrl: context.origin.apiUrl ?? 'https://api.github.com',
      repository: context.origin.repository,
      logger: context.logger,
      signal: context.signal,
      ...(context.retry && { retry: context.retry })
    })
  }

  begin(run: TrackedRun): void {
    this.entry(run)
  }

  update(run: TrackedRun, snapshot: RunSnapshot, label: string): void {
    const entry = this.entry(run)
    if (entry.shown === shownOf(snapshot) && entry.pending === undefined) return
    entry.pending = { snapshot, label }
    this.enqueue(() => this.show(entry))
  }

  async settle(): Promise<void> {
    for (const entry of this.entries.values()) {
      this.enqueue(async () => {
        if (entry.id !== undefined || entry.pending !== undefined) return this.show(entry)
        // Nothing read the run yet (`mode: trigger`): one read gives its name and stages.
        const detail = await this.context.describe(entry.run).catch(() => undefined)
        if (detail?.pipelineName) this.names.set(entry.run.pipelineId, detail.pipelineName)
        const name = this.nameOf(entry.run)
        if (detail) entry.pending = { snapshot: detail, label: `${name}${detail.runNumber !== undefined ? ` #${detail.runNumber}` : ''}` }
        else await this.ensure(entry)
        await this.show(entry)
      })
    }
    await this.queue
  }

  async complete(endings: readonly CheckEnding[]): Promise<void> {
    for (const ending of endings) {
      this.enqueue(async () => {
        const entry = this.entry(ending.run)
        entry.pending = undefined
        const { origin, service } = this.context
        await this.ensure(entry)
        await this.api.update(
          entry.id!,
          {
            status: 'completed',
            conclusion: ending.conclusion,
            completed_at: isoSeconds(new Date()),
            details_url: ending.detail?.url ?? ending.snapshot?.url ?? ending.run.url,
            output: this.redacted(finalOutput(this.cleaned(ending), service, origin.workflowPath))
          },
          `completing the check run of ${this.runName(ending.run)}`
        )
        entry.completed = true
      })
    }
    await this.queue
    const open = endings.filter((ending) => !this.entry(ending.run).completed)
    if (open.length > 0 && !this.off) {
      this.failed(new Error(`${open.map((e) => `the check run of ${this.runName(e.run)}`).join(', ')} left in progress: no time left`))
    }
  }

  private entry(run: TrackedRun): Entry {
    let entry = this.entries.get(runKey(run))
    if (entry === undefined) {
      entry = { run }
      this.entries.set(runKey(run), entry)
    }
    return entry
  }

  /** Shows the newest read: in the new check run, or in an update of the one there is. */
  private async show(entry: Entry): Promise<void> {
    const pending = entry.pending
    if (pending === undefined) return
    entry.pending = undefined
    const shown = shownOf(pending.snapshot)
    if (shown === entry.shown) return
    const output = this.redacted(
      progressOutput(pending.label, pending.snapshot, pending.snapshot.url ?? entry.run.url, this.context.service)
    )
    const made = await this.ensure(entry, output)
    // A run that has ended is completed by complete(), with everything known by then.
    if (!made && !hasEnded(pending.snapshot.state)) {
      await this.api.update(entry.id!, { status: 'in_progress', output }, `updating the check run of ${this.runName(entry.run)}`)
    }
    entry.shown = shown
  }

  /**
   * The run's check run, found by its external ID or made (in progress, with `output`). True when
   * it was made now. A create whose answer was lost leaves no ID: the next call looks again first.
   */
  private async ensure(entry: Entry, output?: CheckOutput): Promise<boolean> {
    if (entry.id !== undefined) return false
    const { run } = entry
    const externalId = runKey(run)
    const found = await this.api.find(this.context.origin.sha, externalId, `looking for the check run of ${this.runName(run)}`)
    if (found !== undefined) {
      entry.id = found
      this.context.logger.info(`Continuing the check run of ${this.runName(run)} (external ID ${externalId}).`)
      return false
    }
    const name = checkName(this.context.logger.redact(this.nameOf(run)))
    const made = await this.api.create(
      {
        name,
        head_sha: this.context.origin.sha,
        external_id: externalId,
        details_url: run.url,
        status: 'in_progress',
        started_at: isoSeconds(new Date()),
        output: output ?? { title: `${name}: started`, summary: `Waiting for the first read of ${this.runName(run)}.` }
      },
      `creating the check run of ${this.runName(run)}`
    )
    entry.id = made.id
    this.context.logger.info(`Check run "${name}" for ${this.runName(run)}${made.url ? `: ${made.url}` : ''}`)
    return true
  }

  /**
   * The ending with every secret the step knows cut out of the remote text it carries, before that
   * text is escaped for Markdown: the runner masks the job log, but nothing masks a check run.
   */
  private cleaned(ending: CheckEnding): CheckEnding {
    const redact = (text: string) => this.context.logger.redact(text)
    const failure = (f: Failure): Failure => ({ ...f, message: redact(f.message) })
    return {
      ...ending,
      failures: ending.failures.map(failure),
      failedLogs: ending.failedLogs.map(({ failure: f, tail }) => ({
        failure: failure(f),
        ...(tail && { tail: { ...tail, lines: tail.lines.map(redact) } })
      })),
      ...(ending.note !== undefined && { note: redact(ending.note) })
    }
  }

  /** Everything the output says, with the secrets cut out once more (names, titles). */
  private redacted(output: CheckOutput): CheckOutput {
    const redact = (text: string) => this.context.logger.redact(text)
    return {
      title: redact(output.title),
      summary: redact(output.summary),
      ...(output.text !== undefined && { text: redact(output.text) }),
      ...(output.annotations && {
        annotations: output.annotations.map((a) => ({ ...a, title: redact(a.title), message: redact(a.message) }))
      })
    }
  }

  private nameOf(run: TrackedRun): string {
    return this.context.name(run.pipelineId) ?? this.names.get(run.pipelineId) ?? `pipeline ${run.pipelineId}`
  }

  private runName(run: TrackedRun): string {
    return `pipeline ${run.pipelineId} run ${run.runId}`
  }

  /** One request at a time, in order; a failure is reported and the next task still runs. */
  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.off) return
      try {
        await task()
      } catch (error) {
        this.failed(error)
      }
    })
  }

  private failed(error: unknown): void {
    const message = (error as Error).message
    if (error instanceof ChecksRefusedError) {
      this.off = true
      this.context.logger.notice(CHECKS_NOT_ALLOWED(message))
      return
    }
    this.context.logger.debug(`Check runs: ${message}`)
    // The step's deadline or its cancel cut a request short: complete() tries again, and says so if it cannot.
    if (this.warned || error instanceof AbortedError) return
    this.warned = true
    this.context.logger.warning(CHECKS_FAILED(message))
  }
}

/** What a check run's progress shows: the run's status and its stages'. */
function shownOf(snapshot: RunSnapshot): string {
  return JSON.stringify([snapshot.status, snapshot.stages.map((s) => [s.name, s.status])])
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the form GitHub documents. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z')
}
