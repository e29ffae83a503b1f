// The command's ActionIO: inputs from the flags, files and environment (inputs.ts), outputs and
// state kept in memory (there is no post step: the command stops its own runs before it exits), the
// log through the terminal logger, and the run description naming the GitLab or Jenkins job.

import { writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import type { ActionIO } from '../action/io.js'
import type { Origin } from '../action/origin.js'
import { InputError } from '../errors.js'
import type { SummaryInput } from '../report/summary.js'
import { envNote } from './help.js'
import type { Given } from './inputs.js'
import type { TerminalLogger } from './logger.js'

/** What the step left behind, for the exit code, --json and --junit. */
export interface StepRecord {
  outputs: Record<string, string>
  failure?: { message: string; cause?: unknown }
  report?: SummaryInput
}

export interface CommandIO {
  io: ActionIO
  record: StepRecord
}

export function commandIO(options: {
  given: ReadonlyMap<string, Given>
  logger: TerminalLogger
  env: NodeJS.ProcessEnv
  cancellation: AbortSignal
  summaryFile?: string
}): CommandIO {
  const { given, logger } = options
  const record: StepRecord = { outputs: {} }
  const state = new Map<string, string>()
  const io: ActionIO = {
    logger,
    readInput: (name) => given.get(name)?.value ?? '',
    setOutput: (name, value) => {
      record.outputs[name] = value
    },
    setFailed: (message, cause) => {
      record.failure = { message, ...(cause !== undefined && { cause }) }
      logger.error(cause instanceof InputError ? `${message} (${whereFrom(cause.input, given)})` : message)
    },
    state: { save: (name, value) => void state.set(name, value), get: (name) => state.get(name) ?? '' },
    origin: () => originFromCi(options.env),
    cancellation: options.cancellation,
    writeSummary: async (markdown) => {
      if (options.summaryFile !== undefined) writeFileSync(options.summaryFile, logger.redact(markdown))
    },
    report: (input) => {
      record.report = input
    }
  }
  return { io, record }
}

/** Where the input named in an error came from, or how to give it: the command's words for an action's input. */
function whereFrom(input: string, given: ReadonlyMap<string, Given>): string {
  const from = given.get(input)?.from
  if (from !== undefined) return `given by ${from}`
  return `flag --${input}, or --${input}-file FILE${envNote(input, ', or')}`
}

/**
 * The CI job running the command, for the default run description: GitLab's and Jenkins' own
 * variables (docs/command.md), or the machine's name when neither is there.
 */
export function originFromCi(env: NodeJS.ProcessEnv): Origin {
  const number = (value: string | undefined): number | undefined => (value && /^\d{1,9}$/.test(value) ? Number(value) : undefined)
  if (env['GITLAB_CI']) {
    const mr = number(env['CI_MERGE_REQUEST_IID'])
    return {
      system: 'GitLab',
      repository: env['CI_PROJECT_PATH'] ?? '',
      sha: env['CI_MERGE_REQUEST_SOURCE_BRANCH_SHA'] || env['CI_COMMIT_SHA'] || '',
      ...(mr !== undefined && { pullRequest: mr }),
      runUrl: env['CI_JOB_URL'] ?? ''
    }
  }
  if (env['JENKINS_URL']) {
    const change = number(env['CHANGE_ID'])
    return {
      system: 'Jenkins',
      repository: env['JOB_NAME'] ?? '',
      sha: env['GIT_COMMIT'] ?? '',
      ...(change !== undefined && { pullRequest: change }),
      runUrl: env['BUILD_URL'] ?? ''
    }
  }
  return { system: 'codearts-pipeline', repository: hostname(), sha: '', runUrl: '' }
}
