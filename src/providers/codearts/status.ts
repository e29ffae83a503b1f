import { statusClasses } from '../status-classes.js'

// Run, stage and job statuses share one vocabulary (codearts-api.md §3); INIT, QUEUED and values
// Huawei may add later are "still running".
export const { stateOf, runStateOf } = statusClasses({
  COMPLETED: 'success',
  FAILED: 'failure',
  ASYNC_FAILED: 'failure',
  CANCELED: 'cancelled',
  PAUSED: 'manual',
  SUSPEND: 'manual',
  SKIPPED: 'skipped',
  UNSELECTED: 'skipped'
})
