// Reads and validates every input once. The reader is injected so that tests can feed plain
// objects; in the action it is core.getInput. Nothing here touches the network.

import * as core from '@actions/core'
import { InputError } from './errors.js'
import {
  parseBaseUrl,
  parseBoolean,
  parseChoice,
  parseDuration,
  parseInteger,
  parseList,
  parseRef,
  parseVariables,
  shown
} from './parse.js'
import { iamEndpoint, KNOWN_REGIONS, pipelineEndpoint } from './providers/codearts/endpoints.js'
import type { CodeArtsAuth, CodeArtsConnection, Mode, Settings } from './settings.js'

export type InputReader = (name: string) => string

/** Room kept in `description` for the marker the action appends (see trigger.ts). */
export const DESCRIPTION_LIMIT = 1024
export const MARKER_RESERVE = 64
const VARIABLE_VALUE_LIMIT = 8192

const HEX32 = /^[0-9a-fA-F]{32}$/

export function getInputs(read: InputReader = (name) => core.getInput(name)): Settings {
  const provider = parseChoice('provider', read('provider'), ['codearts', 'yunxiao'] as const, 'codearts')
  if (provider === 'yunxiao') {
    throw new InputError('provider', 'yunxiao is not supported yet; use codearts')
  }
  const mode: Mode = parseChoice('mode', read('mode'), ['trigger-and-wait', 'trigger', 'wait'] as const, 'trigger-and-wait')

  const pipelineIds = parseList('pipeline-ids', read('pipeline-ids'))
  if (pipelineIds.length === 0) {
    throw new InputError('pipeline-ids', 'is required; give one or more pipeline IDs separated by commas, spaces or newlines')
  }
  pipelineIds.forEach((id) => requireHex32('pipeline-ids', id, 'pipeline ID (the last part of the pipeline page URL)'))

  const runIds = parseList('run-ids', read('run-ids'))
  if (runIds.length > 0) {
    if (mode !== 'wait') {
      throw new InputError('run-ids', `is only used with mode: wait (mode is ${mode}); remove it or set mode: wait`)
    }
    if (runIds.length !== pipelineIds.length) {
      throw new InputError('run-ids', `has ${runIds.length} run IDs for ${pipelineIds.length} pipelines; give one run ID per pipeline, in the same order`)
    }
    runIds.forEach((id) => requireHex32('run-ids', id, 'run ID'))
  }

  const connection = readCodeArtsConnection(read)

  const description = read('description')
  if (description.length > DESCRIPTION_LIMIT - MARKER_RESERVE) {
    throw new InputError(
      'description',
      `is ${description.length} characters; the limit is ${DESCRIPTION_LIMIT - MARKER_RESERVE} (the pipeline allows ${DESCRIPTION_LIMIT} and the action appends a marker)`
    )
  }

  const timeoutMs = parseDuration('timeout', orDefault(read('timeout'), '60m'))
  const pollIntervalMs = parseDuration('poll-interval', orDefault(read('poll-interval'), '5s'))
  const maxPollIntervalMs = parseDuration('max-poll-interval', orDefault(read('max-poll-interval'), '30s'))
  if (timeoutMs < 1_000) throw new InputError('timeout', 'must be at least 1s')
  // Below 100 ms the batch status endpoint would be hammered; the simulator is the only use for sub-second values.
  if (pollIntervalMs < 100) throw new InputError('poll-interval', 'must be at least 0.1s')
  if (maxPollIntervalMs < pollIntervalMs) {
    throw new InputError('max-poll-interval', `must not be shorter than poll-interval (${read('poll-interval') || '5s'})`)
  }

  return {
    mode,
    pipelineIds,
    runIds,
    connection,
    trigger: {
      ref: parseRef('ref', read('ref')),
      variables: parseVariables('variables', read('variables'), VARIABLE_VALUE_LIMIT),
      description: description === '' ? undefined : description,
      stages: parseList('stages', read('stages')),
      jobs: parseList('jobs', read('jobs'))
    },
    wait: {
      timeoutMs,
      pollIntervalMs,
      maxPollIntervalMs,
      onManualGate: parseChoice('on-manual-gate', read('on-manual-gate'), ['wait', 'fail'] as const, 'wait'),
      failFast: parseBoolean('fail-fast', read('fail-fast'), false)
    },
    cancelOnAbort: parseBoolean('cancel-on-abort', read('cancel-on-abort'), true),
    report: {
      logs: parseChoice('logs', read('logs'), ['failed', 'all', 'none'] as const, 'failed'),
      logLines: parseInteger('log-lines', read('log-lines'), 300, 1, 100_000),
      summary: parseBoolean('summary', read('summary'), true)
    }
  }
}

// Inputs whose values must never appear in the log.
const SECRET_INPUTS = ['secret-key', 'security-token', 'token', 'password']

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

function readCodeArtsConnection(read: InputReader): CodeArtsConnection {
  const region = orDefault(read('region'), 'cn-north-4')
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
    throw new InputError('region', `${shown(region)} is not a region ID; write it like cn-north-4 or ap-southeast-3`)
  }
  const endpointInput = read('endpoint')
  let endpoint: string
  if (endpointInput !== '') {
    endpoint = parseBaseUrl('endpoint', endpointInput)
  } else {
    const known = pipelineEndpoint(region)
    if (known === undefined) {
      throw new InputError(
        'region',
        `${region} has no known CodeArts Pipeline endpoint (known: ${KNOWN_REGIONS.join(', ')}); set endpoint to its API URL`
      )
    }
    endpoint = known
  }
  const iamInput = read('iam-endpoint')
  const projectId = read('project-id')
  if (projectId === '') {
    throw new InputError('project-id', 'is required; give the CodeArts project ID (32 hexadecimal characters, in the project URL)')
  }
  requireHex32('project-id', projectId, 'CodeArts project ID (it is in the project URL; it is not the IAM project ID)')
  return {
    provider: 'codearts',
    region,
    endpoint,
    iamEndpoint: iamInput === '' ? iamEndpoint(region) : parseBaseUrl('iam-endpoint', iamInput),
    projectId,
    auth: readCodeArtsAuth(read)
  }
}

function readCodeArtsAuth(read: InputReader): CodeArtsAuth {
  const ak = read('access-key')
  const sk = read('secret-key')
  const securityToken = read('security-token')
  const token = read('token')
  const username = read('username')
  const password = read('password')
  const domain = read('domain')
  const iamProjectId = read('iam-project-id')

  const groups = [
    ak !== '' || sk !== '' || securityToken !== '' ? 'access-key/secret-key' : '',
    token !== '' ? 'token' : '',
    username !== '' || password !== '' || domain !== '' ? 'username/password/domain' : ''
  ].filter((g) => g !== '')
  if (groups.length === 0) {
    throw new InputError(
      'access-key',
      'no credentials given; set access-key and secret-key (recommended), or token, or username, password and domain'
    )
  }
  if (groups.length > 1) {
    throw new InputError(groups[1]!.split('/')[0]!, `credentials given twice (${groups.join(' and ')}); keep exactly one way to sign in`)
  }
  if (iamProjectId !== '') {
    requireHex32('iam-project-id', iamProjectId, 'IAM project ID (My Credentials → API Credentials, the project of your region)')
    if (groups[0] !== 'access-key/secret-key') {
      throw new InputError('iam-project-id', 'is only used with access-key and secret-key; remove it')
    }
  }
  switch (groups[0]) {
    case 'access-key/secret-key':
      requireAll({ 'access-key': ak, 'secret-key': sk })
      return {
        kind: 'aksk',
        accessKey: ak,
        secretKey: sk,
        ...(securityToken !== '' && { securityToken }),
        ...(iamProjectId !== '' && { iamProjectId })
      }
    case 'token':
      return { kind: 'token', token }
    default:
      requireAll({ username, password, domain })
      return { kind: 'password', username, password, domain }
  }
}

function requireAll(values: Record<string, string>): void {
  const missing = Object.entries(values).filter(([, v]) => v === '')
  const present = Object.entries(values).filter(([, v]) => v !== '')
  if (missing.length > 0) {
    const names = Object.keys(values).join(', ')
    throw new InputError(missing[0]![0], `is missing; ${names} go together (${present.map(([k]) => k).join(', ')} given)`)
  }
}

function requireHex32(input: string, value: string, what: string): void {
  if (!HEX32.test(value)) {
    throw new InputError(input, `${shown(value)} is not a ${what}: expected 32 hexadecimal characters`)
  }
}

function orDefault(value: string, fallback: string): string {
  return value === '' ? fallback : value
}
