// The command's exit codes: one per ending a script may want to branch on (README, "Exit codes").
// The step's conclusion says how the runs ended; the error that ended the step, if one did, says
// why the command could not follow them to their end.

import {
  AbortedError,
  CredentialsRefusedError,
  InputError,
  OutcomeUnknownError,
  StartRefusedError,
  TransportError,
  UnconfirmedKeyError
} from '../errors.js'
import type { SummaryInput } from '../report/summary.js'

export const EXIT = {
  /** Every run passed (mode trigger: every run started). */
  success: 0,
  /** A run failed. */
  failed: 1,
  /** A flag, an environment variable or a file is wrong; nothing was sent. */
  badInput: 2,
  /** The service refused the credentials; nothing more was sent with them. */
  credentialsRefused: 3,
  /** The service could not be reached, or did not answer, after the retries. */
  unreachable: 4,
  /** The timeout passed before the runs ended. */
  timedOut: 5,
  /** A run waits for a person (a manual gate) and on-manual-gate is fail. */
  manualGate: 6,
  /** Cancelled: SIGINT or SIGTERM, or a run cancelled in the console. */
  cancelled: 7,
  /** The service refused a request, or answered what cannot be followed (the message says which). */
  serviceError: 8
} as const

export type ExitReason = keyof typeof EXIT

export interface Ending {
  /** The `conclusion` output, when the step set one. */
  conclusion?: string
  /** The error that ended the step, when one did. */
  cause?: unknown
  report?: SummaryInput
}

export function exitReason({ conclusion, cause, report }: Ending): ExitReason {
  if (cause !== undefined) return causeReason(cause instanceof StartRefusedError ? cause.cause : cause)
  switch (conclusion) {
    case 'success':
      return 'success'
    case 'cancelled':
      return 'cancelled'
    case 'timed_out':
      return 'timedOut'
  }
  // A failure: only a manual gate, when every unsuccessful run is one waiting for a person.
  const unsuccessful = report?.runs.filter((run) => run.result.conclusion !== 'success') ?? []
  if (unsuccessful.length > 0 && unsuccessful.every((run) => run.state === 'manual')) return 'manualGate'
  return 'failed'
}

function causeReason(cause: unknown): ExitReason {
  if (cause instanceof InputError) return 'badInput'
  // No answer showed the key was accepted: the service did not answer, rather than refuse.
  if (cause instanceof UnconfirmedKeyError) return 'unreachable'
  if (cause instanceof CredentialsRefusedError) return 'credentialsRefused'
  if (cause instanceof TransportError || cause instanceof OutcomeUnknownError) return 'unreachable'
  if (cause instanceof AbortedError) return cause.reason === 'timeout' ? 'timedOut' : 'cancelled'
  return 'serviceError'
}
