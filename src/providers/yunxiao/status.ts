import { statusClasses } from '../status-classes.js'

// The SDK documents SUCCESS, FAIL and RUNNING for runs; the list filter adds CANCELED and WAITING
// (docs/statuses.md). The other words are ones the service is reported to use: a run that ran out
// of time (TIMEOUT) failed, one that was terminated was cancelled. Step statuses come in lower case.
const ENDED = {
  SUCCESS: 'success',
  FAIL: 'failure',
  FAILED: 'failure',
  TIMEOUT: 'failure',
  CANCELED: 'cancelled',
  CANCELLED: 'cancelled',
  TERMINATED: 'cancelled',
  WAITING: 'manual',
  RUNNING: 'running',
  INIT: 'running',
  READY: 'running',
  QUEUED: 'running',
  QUEUING: 'running',
  PENDING: 'running'
} as const

export const yunxiaoStatuses = statusClasses(ENDED, { ...ENDED, SKIPPED: 'skipped' })
