// The GitHub run this step belongs to, as the runner describes it in the environment and the event
// payload: what the default run description says about where a run came from.

import { readFileSync } from 'node:fs'
import { InputError } from '../errors.js'

/** What the default description says about the workflow run; read from the runner's environment. */
export interface Origin {
  /** The CI system, as the description names it; GitHub when absent. */
  system?: string
  repository: string
  /** The commit under test: the head of a pull request, otherwise the pushed commit. */
  sha: string
  pullRequest?: number
  runUrl: string
  /**
   * Why GitHub gives this run no secrets, when it gives none: a pull request from a fork (its
   * `owner/name`), or one Dependabot opened (which gets only Dependabot's secrets).
   */
  withoutSecrets?: { fork: string } | { dependabot: true }
  /** GitHub's REST API: api.github.com, or a GitHub Enterprise Server's (GITHUB_API_URL). */
  apiUrl?: string
  /** The workflow file (`.github/workflows/ci.yml`), where check-run annotations point. */
  workflowPath?: string
}

// Events of a pull request that run with the pull request's (not the base repository's) trust.
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_review', 'pull_request_review_comment']

/**
 * Reads the workflow run from the runner's environment and the event payload. (This is all the
 * action needs from @actions/github's context, which would bring 1.3 MB of Octokit into the bundle.)
 */
export function originFromEnv(env: NodeJS.ProcessEnv): Origin {
  const repository = env['GITHUB_REPOSITORY'] ?? ''
  const pr = readEvent(env['GITHUB_EVENT_PATH'])?.pull_request
  const head = pr?.head?.repo?.full_name
  const fork = typeof head === 'string' && head !== '' && head !== pr?.base?.repo?.full_name
  const secretless = PULL_REQUEST_EVENTS.includes(env['GITHUB_EVENT_NAME'] ?? '') && (fork || env['GITHUB_ACTOR'] === 'dependabot[bot]')
  const runUrl = `${env['GITHUB_SERVER_URL'] ?? 'https://github.com'}/${repository}/actions/runs/${env['GITHUB_RUN_ID'] ?? ''}`
  return {
    repository,
    // On pull_request events GITHUB_SHA is a merge commit that exists only on GitHub; the head is what people recognise.
    sha: pr?.head?.sha ?? env['GITHUB_SHA'] ?? '',
    ...(typeof pr?.number === 'number' && { pullRequest: pr.number }),
    runUrl,
    ...(secretless && { withoutSecrets: fork ? { fork: head } : { dependabot: true } }),
    apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
    ...workflowPathOf(env['GITHUB_WORKFLOW_REF'])
  }
}

// Inputs that a workflow fills from secrets: empty in a pull request from a fork.
const CREDENTIAL_INPUTS = ['access-key', 'secret-key', 'security-token', 'token', 'username', 'password', 'domain']

/**
 * Why credentials may be missing, when GitHub gives this run no secrets (README, "Pull requests from
 * forks"). Empty for any other error or run.
 */
export function forkNote(error: unknown, origin: Origin): string {
  const why = origin.withoutSecrets
  if (!(error instanceof InputError) || !CREDENTIAL_INPUTS.includes(error.input) || why === undefined) return ''
  if ('dependabot' in why) {
    return (
      "; this run is for a pull request Dependabot opened, and GitHub gives such runs only the repository's Dependabot secrets: " +
      'add the credentials there, or skip the gate for Dependabot (README, "Pull requests from forks")'
    )
  }
  return (
    `; this run is for a pull request from the fork ${why.fork}, and GitHub gives such runs no secrets: gate forks in the ` +
    'merge queue instead (README, "Pull requests from forks")'
  )
}

/** `octo-org/shop/.github/workflows/ci.yml@refs/heads/main` → `.github/workflows/ci.yml`. */
function workflowPathOf(ref: string | undefined): { workflowPath?: string } {
  const path = /^[^/]+\/[^/]+\/(\.github\/workflows\/[^@]+)@/.exec(ref ?? '')?.[1]
  return path !== undefined ? { workflowPath: path } : {}
}

interface EventPayload {
  pull_request?: { number?: unknown; head?: { sha?: string; repo?: { full_name?: unknown } }; base?: { repo?: { full_name?: unknown } } }
}

function readEvent(path: string | undefined): EventPayload | undefined {
  if (!path) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload
  } catch {
    return undefined
  }
}
