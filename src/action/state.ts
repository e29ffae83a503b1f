// What the main step leaves for the post step (GITHUB_STATE → STATE_*). One bundle serves both;
// the flag tells them apart, as in actions/checkout.
//
// The post step is a backstop for a main step that was killed before it could clean up after
// itself. So main writes down, before each thing it would have to undo, what the post step would
// need to undo it, and clears it once main has dealt with it itself: after a main step that ended
// its work, the post step finds nothing to do and sends no request.

import type { GitRef } from '../config/parse.js'
import type { RunRef } from '../model.js'
import { arr, num, obj, str } from '../net/json.js'
import { getState, saveState } from './runner-commands.js'

export interface StateStore {
  save(name: string, value: string): void
  get(name: string): string
}

export const actionsState: StateStore = { save: (n, v) => saveState(n, v), get: (n) => getState(n) }

/** A run the main step started and has not dealt with: if main dies now, the post step stops it. */
export interface AbandonedRun extends RunRef {
  url?: string
}

/** A start request that has left and whose run is not known yet: the post step looks for it by its marker. */
export interface PendingStart {
  pipelineId: string
  marker: string
  sentAt: number
  before?: string
  ref?: GitRef
}

const IS_POST = 'isPost'
const ABANDONED = 'abandonedRuns'
const PENDING = 'pendingStarts'
const REFUSED = 'credentialsRefused'

export function isPost(state: StateStore): boolean {
  return state.get(IS_POST) === 'true'
}

export function markMainStarted(state: StateStore): void {
  state.save(IS_POST, 'true')
}

export function saveAbandoned(state: StateStore, runs: readonly AbandonedRun[]): void {
  state.save(
    ABANDONED,
    JSON.stringify(
      runs.map(({ pipelineId, runId, queueId, url }) => ({ pipelineId, runId, ...(queueId && { queueId }), ...(url && { url }) }))
    )
  )
}

export function abandonedRuns(state: StateStore): AbandonedRun[] {
  return readList(state, ABANDONED)
    .map((r) => ({
      pipelineId: str(r['pipelineId']),
      runId: str(r['runId']),
      ...(str(r['queueId']) && { queueId: str(r['queueId']) }),
      ...(str(r['url']) && { url: str(r['url']) })
    }))
    .filter((r) => r.pipelineId !== '' && r.runId !== '')
}

export function savePending(state: StateStore, starts: readonly PendingStart[]): void {
  state.save(PENDING, JSON.stringify(starts))
}

export function pendingStarts(state: StateStore): PendingStart[] {
  return readList(state, PENDING)
    .map((p) => {
      const ref = obj(p['ref'])
      const kind = str(ref['kind'])
      return {
        pipelineId: str(p['pipelineId']),
        marker: str(p['marker']),
        sentAt: num(p['sentAt']) ?? 0,
        ...(str(p['before']) && { before: str(p['before']) }),
        ...((kind === 'branch' || kind === 'tag') && str(ref['name']) && { ref: { kind, name: str(ref['name']) } as GitRef })
      }
    })
    .filter((p) => p.pipelineId !== '' && p.marker !== '')
}

/** The main step's credentials were refused: the post step must not send another refused request. */
export function saveRefusal(state: StateStore, message: string): void {
  state.save(REFUSED, message)
}

export function refusal(state: StateStore): string {
  return state.get(REFUSED)
}

function readList(state: StateStore, name: string): Record<string, unknown>[] {
  try {
    return arr(JSON.parse(state.get(name) || '[]')).map(obj)
  } catch {
    return []
  }
}
