// The GitHub run this step belongs to, as the runner describes it in the environment and the event
// payload: what the default run description says about where a run came from.

import { readFileSync } from 'node:fs'

/** What the default description says about the workflow run; read from the runner's environment. */
export interface Origin {
  /** The CI system, as the description names it; GitHub when absent. */
  system?: string
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
