// Hostile input: whatever strings arrive in whatever inputs, getInputs() returns valid settings or
// throws an InputError that names one of the action's inputs. Never anything else.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getInputs } from '../../src/action/inputs.ts'
import type { Settings } from '../../src/config/settings.ts'
import { InputError } from '../../src/errors.ts'
import { actionDefaults } from '../support/harness.ts'

const NAMES = Object.keys(actionDefaults())
const VALID: Record<string, string> = {
  ...actionDefaults(),
  'pipeline-ids': '0123456789abcdef0123456789abcdef',
  'project-id': 'fedcba9876543210fedcba9876543210',
  'access-key': 'AK',
  'secret-key': 'SK'
}

// Strings that look like what people paste, as well as arbitrary unicode.
const value = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    '\n',
    'true',
    'FALSE',
    '0',
    '-1',
    '1e9',
    '5s',
    '0.05s',
    '99999h',
    'NaN',
    'refs/heads/',
    'wait',
    'trigger',
    'none',
    'a=b',
    '=',
    '%00'
  ),
  fc.stringMatching(/^[0-9a-f]{32}([ ,\n][0-9a-f]{32}){0,3}$/),
  fc.stringMatching(/^(\d{1,4}(\.\d{1,3})?(ms|s|m|h)?){1,3}$/),
  fc.stringMatching(/^([A-Z_]{1,8}=[^\n]{0,10}\n?){0,4}$/)
)

function check(values: Record<string, string>): void {
  let settings: Settings
  try {
    settings = getInputs((name) => values[name] ?? '')
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    expect(NAMES).toContain((error as InputError).input)
    expect((error as Error).message).toMatch(/^Input '[a-z-]+': \S/)
    expect((error as Error).message).not.toContain('\n')
    return
  }
  // Exactly one of pipeline-ids and pipelines, each without duplicates.
  expect([settings.pipelineIds.length, settings.pipelineNames.length].filter((n) => n > 0)).toHaveLength(1)
  expect(new Set(settings.pipelineIds).size).toBe(settings.pipelineIds.length)
  expect(new Set(settings.pipelineNames).size).toBe(settings.pipelineNames.length)
  const pipelines = settings.pipelineIds.length + settings.pipelineNames.length
  expect(settings.wait.pollIntervalMs).toBeGreaterThanOrEqual(100)
  expect(settings.wait.maxPollIntervalMs).toBeGreaterThanOrEqual(settings.wait.pollIntervalMs)
  expect(Number.isFinite(settings.wait.timeoutMs)).toBe(true)
  expect(settings.runIds.length === 0 || settings.runIds.length === pipelines).toBe(true)
}

describe('getInputs on hostile input', () => {
  it('one input at a time, anything in it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), value, (name, v) => check({ ...VALID, [name]: v })),
      { numRuns: 3_000 }
    )
  })

  it('any mix of inputs, anything in each', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...NAMES), value), (values) => check({ ...VALID, ...values })),
      { numRuns: 2_000 }
    )
  })
})
