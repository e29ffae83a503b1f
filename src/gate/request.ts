// The start request sent for each pipeline, and the description that ties a run to the GitHub
// job that started it.

import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { DESCRIPTION_LIMIT } from '../action/inputs.js'
import type { StartRequest } from '../providers/provider.js'
import type { TriggerSettings } from '../action/settings.js'

/** What the default description says about the workflow run; read from the runner's environment. */
export interface Origin {
  repository: string
  /** The commit under test: the head of a pull request, otherwise the pushed commit. */
  sha: string
  pullRequest?: number
  runUrl: string
}

/**
 * Reads the workflow run from the runner's environment and the event payload. (This is all the
 * action needs from @actions/github's context, which would bring 1.3 MB of Octokit into the bundle.)
 */
export function originFromEnv(env: NodeJS.ProcessEnv): Origin {
  const repository = env['GITHUB_REPOSITORY'] ?? ''
  const pr = readEvent(env['GITHUB_EVENT_PATH'])?.pull_request
  const runUrl = `${env['GITHUB_SERVER_URL'] ?? 'https://github.com'}/${repository}/actions/runs/${env['GITHUB_RUN_ID'] ?? ''}`
  return {
    repository,
    // On pull_request events GITHUB_SHA is a merge commit that exists only on GitHub; the head is what people recognise.
    sha: pr?.head?.sha ?? env['GITHUB_SHA'] ?? '',
    ...(typeof pr?.number === 'number' && { pullRequest: pr.number }),
    runUrl
  }
}

interface EventPayload {
  pull_request?: { number?: unknown; head?: { sha?: string } }
}

function readEvent(path: string | undefined): EventPayload | undefined {
  if (!path) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload
  } catch {
    return undefined
  }
}

export function defaultDescription(origin: Origin): string {
  const pr = origin.pullRequest !== undefined ? ` PR #${origin.pullRequest}` : ''
  return `GitHub ${origin.repository}${pr} ${origin.sha.slice(0, 12)} ${origin.runUrl}`
}

/**
 * A random tag appended to every description. Starting a run is not idempotent, so when a start's
 * answer is lost the run is looked for by this tag before starting again.
 */
export function newMarker(): string {
  return `[gha-${randomBytes(8).toString('hex')}]`
}

export function startRequest(trigger: TriggerSettings, origin: Origin, marker: string): StartRequest {
  const text = trigger.description ?? defaultDescription(origin)
  const description = `${text.slice(0, DESCRIPTION_LIMIT - marker.length - 1)} ${marker}`
  return {
    ...(trigger.ref && { ref: trigger.ref }),
    variables: trigger.variables,
    description,
    marker,
    stages: trigger.stages,
    jobs: trigger.jobs
  }
}
