// The start request sent for each pipeline, and the description that ties a run to the GitHub
// job that started it.

import { randomBytes } from 'node:crypto'
import { DESCRIPTION_LIMIT } from '../action/inputs.js'
import type { Origin } from '../action/origin.js'
import type { TriggerSettings } from '../config/settings.js'
import type { StartRequest } from '../providers/provider.js'

export function defaultDescription(origin: Origin): string {
  const pr = origin.pullRequest !== undefined ? ` PR #${origin.pullRequest}` : ''
  // A part the CI system does not know is left out, not left as a gap.
  return `${origin.system ?? 'GitHub'} ${origin.repository}${pr} ${origin.sha.slice(0, 12)} ${origin.runUrl}`.replace(/\s+/g, ' ').trim()
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
