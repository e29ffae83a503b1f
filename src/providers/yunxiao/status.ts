import { statusClasses } from '../status-classes.js'

// Documented: SUCCESS, FAIL, CANCELED, RUNNING, WAITING (yunxiao-api.md §4); step statuses come in
// lower case. The other spellings listed are ones the reference warns may appear.
export const { stateOf, runStateOf } = statusClasses({
  SUCCESS: 'success',
  FAIL: 'failure',
  FAILED: 'failure',
  CANCELED: 'cancelled',
  CANCELLED: 'cancelled',
  WAITING: 'manual',
  SKIPPED: 'skipped'
})
