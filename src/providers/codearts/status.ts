import { statusClasses } from '../status-classes.js'

// Every status the official SDK documents (docs/statuses.md). A run IGNORED was not run by the
// service: it has ended, and not with success. QUEUED and INIT, seen though not in the run enum,
// are a run that has not started yet.
export const codeartsStatuses = statusClasses(
  {
    COMPLETED: 'success',
    FAILED: 'failure',
    IGNORED: 'failure',
    CANCELED: 'cancelled',
    PAUSED: 'manual',
    SUSPEND: 'manual',
    RUNNING: 'running',
    INIT: 'running',
    QUEUED: 'running'
  },
  {
    COMPLETED: 'success',
    FAILED: 'failure',
    ASYNC_FAILED: 'failure',
    CANCELED: 'cancelled',
    PAUSED: 'manual',
    SUSPEND: 'manual',
    SKIPPED: 'skipped',
    IGNORED: 'skipped',
    UNSELECTED: 'skipped',
    INIT: 'running',
    QUEUED: 'running',
    RUNNING: 'running',
    ASYNC_RUNNING: 'running',
    REDISPATCH: 'running'
  }
)
