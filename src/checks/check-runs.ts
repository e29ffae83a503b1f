// What the gate tells the check runs, and the choice between publishing them and doing nothing.
// The code that talks to GitHub (Octokit, from @actions/github) is imported only when check runs
// are on: the bundle keeps it in a chunk of its own, so a run without check runs reads no more code
// and starts no later than before (docs/check-runs.md).

import type { Origin } from '../action/origin.js'
import type { CheckSettings } from '../config/settings.js'
import type { Logger } from '../log/logger.js'
import type { Failure, RunDetail, RunSnapshot, RunState, TrackedRun } from '../model.js'
import type { RetryPolicy } from '../net/http.js'
import type { FailedStepLog } from '../report/reporter.js'
import type { RunResult } from '../report/results.js'

/** A check run's conclusion, as GitHub names them. */
export type CheckConclusion = 'success' | 'failure' | 'cancelled' | 'timed_out' | 'action_required'

/** How a run ended, for its check run. */
export interface CheckEnding {
  run: TrackedRun
  /** "shop-test #41" */
  label: string
  conclusion: CheckConclusion
  /** The service's status word (FAILED, COMPLETED), or what the step knows instead. */
  status: string
  durationS?: number | null
  detail?: RunDetail
  snapshot?: RunSnapshot
  failures: Failure[]
  failedLogs: FailedStepLog[]
  /** Why the step could not tell how the run ended (an error that ended the step). */
  note?: string
}

/** The check runs of this step's runs: one per run, on the commit under test. */
export interface CheckRuns {
  /** A run exists (started, named by `run-ids`, or found as the latest): it gets a check run. */
  begin(run: TrackedRun): void
  /** A read of the run: its check run is created, or shows the new stages when they changed. */
  update(run: TrackedRun, snapshot: RunSnapshot, label: string): void
  /** The runs ended (or the step did): each check run is completed. Never throws. */
  complete(endings: readonly CheckEnding[]): Promise<void>
  /** What was asked is sent; the check runs stay in progress (`mode: trigger`: a later `mode: wait` completes them). */
  settle(): Promise<void>
}

/** When check runs are off: nothing is loaded and nothing is sent. */
export const NO_CHECK_RUNS: CheckRuns = {
  begin() {},
  update() {},
  complete: async () => {},
  settle: async () => {}
}

/** What the check runs need from the step, besides the settings. */
export interface CheckContext {
  origin: Origin
  logger: Logger
  /** "CodeArts Pipeline", "Yunxiao Flow" */
  service: string
  /** Aborts requests and waits: the step's deadline, then its clean-up budget. */
  signal: () => AbortSignal
  /** The pipeline's name, once the service has said it: the check run's name. */
  name: (pipelineId: string) => string | undefined
  /** Reads a run, for its name, when no read has said it yet (`mode: trigger`). */
  describe: (run: TrackedRun) => Promise<RunDetail>
  retry?: RetryPolicy
}

const HEAD_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/

/**
 * The check runs for this step: NO_CHECK_RUNS when `check-runs` is false, or when this is not a
 * GitHub run with a token (the local debugger, a token left empty); otherwise the publisher, whose
 * code loads in the background once the first run exists.
 */
export function openCheckRuns(settings: CheckSettings, context: CheckContext): CheckRuns {
  if (!settings.enabled) return NO_CHECK_RUNS
  const { origin, logger } = context
  if (settings.token === '' || !REPOSITORY.test(origin.repository) || !HEAD_SHA.test(origin.sha)) {
    logger.debug(
      `Check runs are off: ${settings.token === '' ? 'no github-token' : 'not a GitHub workflow run (repository or commit unknown)'}.`
    )
    return NO_CHECK_RUNS
  }
  // Loaded when the first run exists, that is once the first start request has had its answer: the
  // chunk's compilation never delays the step's first request, and a step that starts nothing loads nothing.
  let loading: Promise<CheckRuns> | undefined
  const publisher = (): Promise<CheckRuns> =>
    (loading ??= import('./publisher.js')
      .then(({ CheckRunPublisher }): CheckRuns => new CheckRunPublisher(settings.token, context))
      // Whatever happens to the loading, the gate goes on: a failure to load is a failure to publish.
      .catch((error: unknown) => {
        logger.warning(`Check runs are off: the GitHub client did not load (${(error as Error).message}).`)
        return NO_CHECK_RUNS
      }))
  return {
    begin: (run) => void publisher().then((p) => p.begin(run)),
    update: (run, snapshot, label) => void publisher().then((p) => p.update(run, snapshot, label)),
    complete: async (endings) => (loading && endings.length > 0 ? (await publisher()).complete(endings) : undefined),
    settle: async () => (loading ? (await publisher()).settle() : undefined)
  }
}

/** How a run ended, from what the step reports of it. */
export function endingOf(
  run: TrackedRun,
  label: string,
  result: RunResult,
  seen: { snapshot?: RunSnapshot | undefined; detail?: RunDetail | undefined; failedLogs: FailedStepLog[] }
): CheckEnding {
  return {
    run,
    label,
    conclusion: checkConclusion(result, seen.snapshot?.state),
    status: result.status,
    durationS: result.duration_s,
    ...(seen.snapshot && { snapshot: seen.snapshot }),
    ...(seen.detail && { detail: seen.detail }),
    failures: result.failures,
    failedLogs: seen.failedLogs
  }
}

/** A run whose step ended without its verdict (an error, a cancel): the step's conclusion, and why. */
export function abandonedEnding(run: TrackedRun, label: string, conclusion: CheckConclusion, note: string): CheckEnding {
  return { run, label, conclusion, status: '', failures: [], failedLogs: [], note }
}

/**
 * A run's conclusion on GitHub. A run left waiting at a manual gate (the timeout passed, or
 * `on-manual-gate: fail`) needs someone to act: `action_required`, with the link to the run.
 */
export function checkConclusion(result: RunResult, state: RunState | undefined): CheckConclusion {
  if (state === 'manual' && result.stopped !== true && result.conclusion !== 'cancelled') return 'action_required'
  return result.conclusion
}
