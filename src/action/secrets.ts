// Which values are secret, handed to the runner's log masker before anything can print them.

import type { InputReader } from '../config/input-rules.js'
import type { TriggerSettings } from '../config/settings.js'
import { isSecretName } from '../log/redact.js'

// Inputs whose values must never appear in the log (nor, in the command, on its command line).
export const SECRET_INPUTS: readonly string[] = ['secret-key', 'security-token', 'token', 'password', 'github-token']

/**
 * Registers every secret input with the log masker. Called before the inputs are validated, so that
 * no path, an error path included, can print one unmasked. (Values from `secrets.*` are masked by
 * the runner already; values built in the workflow from other sources are not.)
 */
export function maskSecretInputs(read: InputReader, mask: (value: string) => void): void {
  for (const name of SECRET_INPUTS) {
    const value = read(name)
    if (value !== '') mask(value)
  }
}

/**
 * Registers the value of every run variable that is secret with the log masker: those named in
 * `secret-variables`, and those whose name says so (DB_PASSWORD, API_TOKEN…). A value derived from a
 * secret in the workflow is not known to the runner, and the start request carries it. For names
 * that merely look secret, values of fewer than 6 characters and `true`/`false` are left alone: the
 * masker would hide every `true` and every `1` in the log.
 */
export function maskSecretVariables(trigger: TriggerSettings, mask: (value: string) => void): void {
  for (const { name, value } of trigger.variables) {
    const marked = trigger.secretVariables.includes(name)
    const looksSecret = isSecretName(name) && value.length >= 6 && !/^(true|false)$/i.test(value)
    if (value !== '' && (marked || looksSecret)) mask(value)
  }
}
